use super::*;

#[test]
fn sniffs_semicolons_and_tabs() {
    let t = read_csv("f", "id;arr\n1;1.000,5\n2;3\n").unwrap();
    assert_eq!(t.headers, vec!["id", "arr"]);
    assert_eq!(
        t.cells(&t.rows[0]).collect::<Vec<_>>(),
        vec!["1", "1.000,5"]
    );
    let t = read_csv("f", "id\tarr\n1\t2\n").unwrap();
    assert_eq!(t.cells(&t.rows[0]).collect::<Vec<_>>(), vec!["1", "2"]);
}

#[test]
fn quoted_commas_newlines_and_crlf() {
    let t = read_csv(
        "f",
        "id,name\r\n1,\"Acme, Inc.\"\r\n2,\"two\r\nlines\"\r\n3,x\r\n",
    )
    .unwrap();
    assert_eq!(t.cell(&t.rows[0], 1), Some("Acme, Inc."));
    assert_eq!(t.cell(&t.rows[1], 1), Some("two\r\nlines"));
    // Row numbers are where each record starts, as a spreadsheet counts them.
    assert_eq!(
        t.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
        vec![2, 3, 5]
    );
}

#[test]
fn blank_lines_are_skipped_and_rows_keep_their_numbers() {
    let t = read_csv("f", "\nid,arr\n\n1,2\n").unwrap();
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0].line, 4);
}

#[test]
fn unbalanced_quote_is_located() {
    let err = read_csv("q.csv", "id,name\n1,ok\n2,\"broken\n3,x\n").unwrap_err();
    assert_eq!(err.kind, ImportErrorKind::UnbalancedQuotes);
    assert_eq!((err.row, err.column.as_deref()), (Some(3), Some("name")));
}

#[test]
fn a_quote_inside_an_unquoted_field_is_read_as_a_character() {
    let t = read_csv(
        "q.csv",
        "id,name,arr
1,27\" Monitors Ltd,5
2,ok,6
",
    )
    .unwrap();
    assert_eq!(t.cell(&t.rows[0], 1), Some("27\" Monitors Ltd"));
    assert_eq!(t.cell(&t.rows[1], 2), Some("6"));
    // Semicolons are still sniffed with a literal quote in the first lines.
    let t = read_csv(
        "q.csv",
        "id;name;arr
1;27\" Monitors;5
",
    )
    .unwrap();
    assert_eq!(t.cells(&t.rows[0]).count(), 3);
}

#[test]
fn empty_header_only_and_extra_cells() {
    assert_eq!(
        read_csv("f", " \n").unwrap_err().kind,
        ImportErrorKind::Empty
    );
    assert_eq!(
        read_csv("f", "id,arr\n").unwrap_err().kind,
        ImportErrorKind::HeaderOnly
    );
    let err = read_csv("f", "id,arr\n1,2\n3,4,5\n").unwrap_err();
    assert_eq!(
        err.kind,
        ImportErrorKind::ExtraCells {
            cells: 3,
            columns: 2
        }
    );
    assert_eq!((err.row, err.column.as_deref()), (Some(3), Some("C")));
}

#[test]
fn pasted_ranges_are_tab_separated() {
    let t = read_pasted("客户ID\t年度合同额\nC1\t120,000\n").unwrap();
    assert_eq!(t.headers, vec!["客户ID", "年度合同额"]);
    assert_eq!(
        t.cells(&t.rows[0]).collect::<Vec<_>>(),
        vec!["C1", "120,000"]
    );
    assert_eq!(t.file, "pasted");
}

#[test]
fn chunked_reading_gives_the_same_table() {
    let text = "id,arr\n1,\"a\nb\"\n2,3\n\n4,5\n".to_string();
    let whole = read_csv("f", &text).unwrap();
    let mut chunks = CsvChunks::sniffed("f", text).unwrap();
    let mut steps = 0;
    while !chunks.read(1).unwrap() {
        steps += 1;
    }
    assert!(steps >= 4);
    assert_eq!(chunks.finish().unwrap(), whole);
}

#[test]
fn column_letters() {
    assert_eq!(column_letter(0), "A");
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(26), "AA");
    assert_eq!(column_letter(701), "ZZ");
}

#[test]
fn a_wide_files_columns_are_found_by_name_a_few_at_a_time() {
    let header: Vec<String> = (0..500).map(|i| format!("usage_{i:03}")).collect();
    let row = vec!["1"; 500].join(",");
    let t = read_csv("f", &format!("{}\n{row}\n", header.join(","))).unwrap();
    // Nothing typed: the first columns, and how many there are.
    let (listed, total) = t.matching_columns("", 200);
    assert_eq!((listed.len(), total), (200, 500));
    assert_eq!(listed[..3], [0, 1, 2]);
    // Typed: every match counted, the first few listed, case ignored.
    let (listed, total) = t.matching_columns(" USAGE_49", 5);
    assert_eq!(total, 10, "usage_490–499 (usage_049 does not contain it)");
    assert_eq!(listed, [490, 491, 492, 493, 494]);
    assert_eq!(t.matching_columns("nothing", 5), (vec![], 0));
}
