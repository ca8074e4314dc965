#![allow(clippy::expect_used)]
use super::*;

fn customer(segment: Option<&str>, arr: f64, ns: Option<f64>, exp: Option<f64>) -> Customer {
    Customer {
        segment: segment.map(String::from),
        arr,
        north_star: ns,
        expansion_arr: exp,
        ..Customer::default()
    }
}

#[test]
fn draft_groups_by_segment_in_first_appearance_order() {
    let customers = [
        customer(Some("Retail"), 100.0, Some(10.0), Some(10.0)),
        customer(Some("Finance "), 400.0, Some(2.0), None),
        customer(Some("Retail"), 300.0, None, Some(50.0)),
        customer(None, 50.0, Some(1.0), Some(1.0)),
        customer(Some("  "), 50.0, Some(1.0), Some(1.0)),
        customer(Some("Finance"), 600.0, Some(4.0), Some(30.0)),
    ];
    let by_ns = draft_from_customers(&customers, StickinessSource::MeanNorthStar);
    assert_eq!(by_ns.without_segment, 2);
    let names: Vec<&str> = by_ns.rows.iter().map(|r| r.segment.as_str()).collect();
    assert_eq!(names, vec!["Retail", "Finance"]);
    // Retail: only one north star (10). Finance: (2 + 4) / 2.
    assert_eq!(by_ns.rows[0].stickiness, Some(10.0));
    assert_eq!(by_ns.rows[1].stickiness, Some(3.0));
    assert_eq!(by_ns.rows[0].closing_cycle_days, None);
    let by_exp = draft_from_customers(&customers, StickinessSource::ExpansionShare);
    // Retail: (10 + 50) / (100 + 300). Finance: only the one with expansion, 30 / 600.
    assert_eq!(by_exp.rows[0].stickiness, Some(60.0 / 400.0));
    assert_eq!(by_exp.rows[1].stickiness, Some(30.0 / 600.0));
}

#[test]
fn draft_leaves_stickiness_blank_without_the_measure() {
    let customers = [customer(Some("A"), 0.0, None, Some(5.0))];
    assert_eq!(
        draft_from_customers(&customers, StickinessSource::MeanNorthStar).rows[0].stickiness,
        None
    );
    assert_eq!(
        draft_from_customers(&customers, StickinessSource::ExpansionShare).rows[0].stickiness,
        None
    );
    assert!(draft_from_customers(&[], StickinessSource::MeanNorthStar)
        .rows
        .is_empty());
}
