#![allow(clippy::expect_used)]
use super::*;

const HEADER: &str =
    "segment\tclosing_cycle_days\twillingness_to_pay\tstickiness\tpotential_customers";

#[test]
fn tab_separated_range_with_english_header() {
    let text = format!("{HEADER}\nRetail\t30\t6\t2.5\t1,000\nFinance\t120\t9\t8\t200\n");
    let rows = parse_segments(&text).expect("valid");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].segment, "Finance");
    assert_eq!(rows[0].closing_cycle_days, Some(30.0));
    assert_eq!(rows[0].potential_customers, Some(1000.0));
    assert_eq!(rows[1].willingness_to_pay, Some(9.0));
}

#[test]
fn comma_separated_chinese_headers_in_another_order_with_quotes() {
    let text =
        "潜在客户量,细分市场,使用黏性,付费意愿,结单周期,备注\n\"1,200\",教育,12%,7,45,ignored\n\n";
    let rows = parse_segments(text).expect("valid");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].segment, "教育");
    assert_eq!(rows[0].potential_customers, Some(1200.0));
    assert_eq!(rows[0].stickiness, Some(0.12));
    assert_eq!(rows[0].closing_cycle_days, Some(45.0));
}

#[test]
fn headers_are_case_insensitive_and_blank_cells_stay_blank() {
    let text = "Segment\tClosing_Cycle_Days\tWILLINGNESS_TO_PAY\tStickiness\tPotential_Customers\nA\t\t5\t\t10\n";
    let rows = parse_segments(text).expect("valid");
    assert_eq!(rows[0].closing_cycle_days, None);
    assert_eq!(rows[0].stickiness, None);
    assert_eq!(rows[0].willingness_to_pay, Some(5.0));
}

#[test]
fn errors_name_line_and_column() {
    let bad_number = format!("{HEADER}\nA\t30\t6\t2\t100\nB\t30\tlots\t2\t100\n");
    assert_eq!(
        parse_segments(&bad_number).map_err(|e| (e.line, e.column)),
        Err((3, 3))
    );
    let above_ten = format!("{HEADER}\nA\t30\t11\t2\t100\n");
    assert_eq!(
        parse_segments(&above_ten),
        Err(PasteError {
            line: 2,
            column: 3,
            problem: PasteProblem::AboveTen
        })
    );
    let negative = format!("{HEADER}\nA\t-3\t1\t2\t100\n");
    assert_eq!(
        parse_segments(&negative).map_err(|e| e.problem),
        Err(PasteProblem::Negative)
    );
    let percent = format!("{HEADER}\nA\t30%\t1\t2\t100\n");
    assert_eq!(
        parse_segments(&percent).map_err(|e| e.problem),
        Err(PasteProblem::UnexpectedPercent)
    );
    let blank_segment = format!("{HEADER}\n\t30\t1\t2\t100\n");
    assert_eq!(
        parse_segments(&blank_segment).map_err(|e| (e.line, e.column, e.problem)),
        Err((2, 1, PasteProblem::BlankSegment))
    );
}

#[test]
fn header_faults_are_on_line_one() {
    assert_eq!(
        parse_segments("segment\tstickiness\nA\t1\n").map_err(|e| (e.line, e.problem)),
        Err((1, PasteProblem::MissingColumn("closing_cycle_days")))
    );
    assert_eq!(
        parse_segments("segment,细分市场\n").map_err(|e| (e.column, e.problem)),
        Err((2, PasteProblem::DuplicateColumn("segment")))
    );
    assert_eq!(
        parse_segments(" \n\n").map_err(|e| e.problem),
        Err(PasteProblem::Empty)
    );
}
