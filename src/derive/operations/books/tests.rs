//! CSM books on a hand-worked portfolio with a hand-built forecast, without a forecast or a
//! headcount, without a `csm` column, and empty.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use super::books_panel;
use crate::derive::operations::OpsContext;
use crate::derive::panel::{NumberSetting, PanelChart, PanelInput};
use crate::forms::ops_inputs::OpsInputs;
use crate::i18n::{Currency, Lang};
use crate::model::health::Bands;
use crate::model::portfolio::Customer;
use crate::model::renewal::{Due, Forecast};
use crate::model::tiers::Tier;
use crate::tests::{data, has_non_finite, rows, value, Fixture};

fn account(csm: Option<&str>, arr: f64, renewed: Option<bool>) -> Customer {
    Customer {
        arr,
        csm: csm.map(str::to_string),
        renewed,
        ..Customer::default()
    }
}

/// Ann: 1000 (score 80, green, growth) and 500 (40, red, standard); Bob (written " Bob "):
/// 300 (60, yellow, growth) and a churned 700; one account without a CSM: 200, unscored.
fn worked() -> Fixture {
    let mut f = Fixture::new(vec![
        account(Some("Ann"), 1000.0, None),
        account(Some("Ann"), 500.0, Some(true)),
        account(Some(" Bob "), 300.0, None),
        account(None, 200.0, None),
        account(Some("Bob"), 700.0, Some(false)),
    ]);
    f.health.analysis.scores = vec![Some(80.0), Some(40.0), Some(60.0), None, Some(20.0)];
    f.health.analysis.tiers = vec![
        Some(Tier::Growth),
        Some(Tier::Standard),
        Some(Tier::Growth),
        Some(Tier::Standard),
        None,
    ];
    f.health.card.bands = Bands::default();
    f
}

/// Due: Ann's 1000 at p = 0.75 (risk 250) and 500 at p = 0.5 (risk 250); Bob's 300 at
/// p = 0.5 (risk 150); the churned 700 at p = 0 (not in any book).
fn forecast() -> Forecast {
    let due = |customer, probability, arr| Due {
        customer,
        probability,
        arr,
    };
    Forecast {
        due: vec![
            due(0, 0.75, 1000.0),
            due(1, 0.5, 500.0),
            due(2, 0.5, 300.0),
            due(4, 0.0, 700.0),
        ],
        ..Forecast::default()
    }
}

fn context<'a>(f: &'a Fixture, forecast: Option<&'a Forecast>) -> OpsContext<'a> {
    OpsContext {
        forecast,
        ..f.context(Lang::En)
    }
}

#[test]
fn books_by_hand_sorted_by_arr_at_risk_with_arr_per_head() {
    let f = worked();
    let fc = forecast();
    let inputs = OpsInputs {
        cs_headcount: Some(4.0),
        ..OpsInputs::default()
    };
    let panel = books_panel(&context(&f, Some(&fc)), &inputs);
    assert_eq!(panel.id, "team-books");
    assert_eq!(panel.needs, None);
    let books = rows(&panel, "csm-book");
    let hook = |name: &str| -> Vec<&str> { books.iter().map(|r| data(r, name)).collect() };
    // Ann at risk 250 + 250 = 500, Bob 150, then the unassigned account (0).
    assert_eq!(hook("data-csm"), ["Ann", "Bob", ""]);
    assert_eq!(hook("data-accounts"), ["2", "1", "1"]);
    assert_eq!(hook("data-arr"), ["1500", "300", "200"]);
    assert_eq!(hook("data-arr-at-risk"), ["500", "150", "0"]);
    // Ann: mean health (80 + 40) / 2 = 60, growth share 1 / 2.
    assert_eq!(books[0].cells[5], "60.0");
    assert_eq!(books[0].cells[6], "50.0%");
    assert_eq!(books[2].cells[0], "(unassigned)");
    // Active ARR 1500 + 300 + 200 = 2000 over 4 heads = 500.
    assert_eq!(value(&panel, "arr-per-cs-head"), Some(500.0));
    assert!(matches!(
        panel.inputs.first(),
        Some(PanelInput::Number { setting: NumberSetting::CsHeadcount, value: Some(v), percent: false, .. })
            if *v == 4.0
    ));
    // Stacked by band: red, yellow, green, unscored over Ann, Bob, unassigned.
    let Some(PanelChart::Stacked { chart, .. }) = panel.charts.first() else {
        panic!("a stacked chart")
    };
    let values: Vec<Vec<f64>> = chart.series.iter().map(|s| s.values.clone()).collect();
    assert_eq!(
        values,
        vec![
            vec![500.0, 0.0, 0.0],
            vec![0.0, 300.0, 0.0],
            vec![1000.0, 0.0, 0.0],
            vec![0.0, 0.0, 200.0],
        ]
    );
    assert!(chart.y_label.contains('$'));
    assert!(panel.notes.is_empty());
}

#[test]
fn without_forecast_or_headcount_the_figures_say_what_is_missing() {
    let f = worked();
    for lang in [Lang::En, Lang::Zh] {
        let cx = OpsContext {
            currency: Currency::Cny,
            ..f.context(lang)
        };
        let panel = books_panel(&cx, &OpsInputs::default());
        let books = rows(&panel, "csm-book");
        assert!(books.iter().all(|r| data(r, "data-arr-at-risk").is_empty()));
        assert_eq!(books[0].cells[4], "—");
        assert_eq!(panel.notes.len(), 1);
        assert_eq!(value(&panel, "arr-per-cs-head"), None);
        assert_eq!(panel.metrics[0].text, "—");
    }
    // A zero headcount is no headcount.
    let zero = OpsInputs {
        cs_headcount: Some(0.0),
        ..OpsInputs::default()
    };
    assert_eq!(
        value(&books_panel(&context(&f, None), &zero), "arr-per-cs-head"),
        None
    );
}

#[test]
fn without_a_csm_column_or_customers_the_panel_says_what_it_needs() {
    let f = Fixture::new(vec![
        account(None, 100.0, None),
        account(Some("  "), 50.0, None),
    ]);
    let panel = books_panel(&f.context(Lang::En), &OpsInputs::default());
    assert!(panel.needs.as_deref().unwrap().contains("csm"));
    assert!(panel.table.is_none() && panel.metrics.is_empty());
    let empty = Fixture::new(Vec::new());
    assert!(books_panel(&empty.context(Lang::Zh), &OpsInputs::default())
        .needs
        .is_some());
}

#[test]
fn the_sample_has_books_for_its_csms_without_nan() {
    let f = Fixture::new(crate::sample::sample_portfolio().customers);
    let inputs = OpsInputs {
        cs_headcount: Some(12.0),
        ..OpsInputs::default()
    };
    for lang in [Lang::En, Lang::Zh] {
        let panel = books_panel(&f.context(lang), &inputs);
        assert_eq!(panel.needs, None);
        assert!((8..=16).contains(&rows(&panel, "csm-book").len()));
        assert!(value(&panel, "arr-per-cs-head").is_some_and(|v| v > 0.0));
        let text = format!("{panel:?}");
        assert!(!has_non_finite(&text), "{text}");
    }
}
