use super::*;
use crate::io::mapping::detect_shape;
use crate::io::table::read_csv;

fn import(text: &str) -> Built {
    let table = read_csv("t.csv", text).unwrap();
    let mapping = detect_shape(&table.headers).unwrap();
    build(&table, &mapping).unwrap()
}

#[test]
fn customers_with_chinese_headers() {
    let built = import("客户ID,客户名称,年度合同额,合同开始,合同结束,续约,北极星指标\nC1,甲公司,\"¥120,000\",2024/01/01,2024/12/31,是,35\n");
    let Records::Customers(customers) = built.records else {
        panic!("not customers")
    };
    assert_eq!(customers[0].arr, 120_000.0);
    assert_eq!(customers[0].renewed, Some(true));
    assert_eq!(customers[0].north_star, Some(35.0));
    assert!(built.problems.is_empty());
}

#[test]
fn bad_rows_are_located_and_skipped() {
    let built = import(
        "customer_id,arr,contract_start,contract_end,nps\n\
         A,100,2024-01-01,2024-12-31,9\n\
         B,-5,2024-01-01,2024-12-31,9\n\
         C,abc,2024-01-01,2024-12-31,9\n\
         D,100,2024-06-01,2024-01-01,9\n\
         A,100,2024-01-01,2024-12-31,9\n\
         E,100,2024-01-01,2024-12-31,11\n",
    );
    assert_eq!(built.records.len(), 1);
    let located: Vec<(Option<usize>, Option<&str>)> = built
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_deref()))
        .collect();
    assert_eq!(
        located,
        vec![
            (Some(3), Some("arr")),
            (Some(4), Some("arr")),
            (Some(5), Some("contract_end")),
            (Some(6), Some("customer_id")),
            (Some(7), Some("nps")),
        ]
    );
    assert_eq!(
        built.problems[1].kind,
        ImportErrorKind::NotNumber("abc".into())
    );
    assert_eq!(
        built.problems[3].kind,
        ImportErrorKind::DuplicateId("A".into())
    );
}

#[test]
fn monthly_spans_and_cohort_tables() {
    let built = import("customer_id,month,mrr\nA,2024-01,100\nA,2024-02,120\n");
    assert_eq!(built.records.len(), 2);
    let built = import("customer_id,start,end,mrr\nA,2024-01-01,,100\nB,2024-03-01,2024-02-01,5\n");
    assert_eq!(built.records.len(), 1);
    assert_eq!(
        built.problems[0].kind.clone(),
        ImportErrorKind::EndBeforeStart {
            start: Date::new(2024, 3, 1).unwrap(),
            end: Date::new(2024, 2, 1).unwrap(),
        }
    );
    let built = import("cohort,period,customers,revenue\n2024-01,0,100,5000\n2024-01,1.5,90,\n");
    assert_eq!(built.records.len(), 1);
    assert_eq!(built.problems[0].field, Some(Field::Period));
}

#[test]
fn missing_required_column_is_a_file_error() {
    let table = read_csv("t.csv", "id,month\nA,2024-01\n").unwrap();
    let mapping = Mapping::auto(Shape::MonthlyMrr, &table.headers);
    let err = build(&table, &mapping).unwrap_err();
    assert_eq!(
        (err.kind, err.field),
        (ImportErrorKind::MissingColumn, Some(Field::Mrr))
    );
}

#[test]
fn first_start_column_gives_the_tenure_and_a_blank_leaves_it_unknown() {
    let built = import(
        "customer_id,arr,contract_start,contract_end,first_start\n\
         A,100,2026-01-01,2027-01-01,2023-05-01\n\
         B,100,2026-01-01,2027-01-01,\n\
         C,100,2026-01-01,2027-01-01,2026-03-01\n",
    );
    let Records::Customers(customers) = built.records else {
        panic!("not customers")
    };
    assert_eq!(
        customers[0].first_start,
        crate::model::calendar::Date::new(2023, 5, 1)
    );
    // Blank: unknown, not the current contract's start (2026-01-01).
    assert_eq!(customers[1].first_start, None);
    // A first start after the current contract's start is an error at that row.
    let located: Vec<(Option<usize>, Option<&str>)> = built
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_deref()))
        .collect();
    assert_eq!(located, vec![(Some(4), Some("contract_start"))]);
}
