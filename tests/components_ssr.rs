//! Components rendered natively with yew's server renderer: markup and test hooks.
#![cfg(not(target_arch = "wasm32"))]

use retention_lab::components::app::App;
use retention_lab::components::metric_card::{metric_card, Badge, Metric, Tone};
use yew::prelude::*;
use yew::LocalServerRenderer;

#[component]
fn OneMetric() -> Html {
    metric_card(Metric {
        name: "ndr",
        value: 1.05,
        text: "105.0%".into(),
        label: "NDR".into(),
        explain: "what it means".into(),
        badge: Some(Badge {
            text: "Negative churn".into(),
            tone: Tone::Fair,
            source: "the source".into(),
        }),
    })
}

#[tokio::test(flavor = "current_thread")]
async fn metric_card_carries_raw_value_and_formatted_text() {
    let html = LocalServerRenderer::<OneMetric>::new()
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains(r#"data-testid="metric-ndr""#), "{html}");
    assert!(html.contains(r#"data-value="1.05""#), "{html}");
    assert!(html.contains(">105.0%<"), "{html}");
    assert!(html.contains(r#"title="the source""#), "{html}");
    assert!(html.contains("badge--fair"), "{html}");
}

#[tokio::test(flavor = "current_thread")]
async fn app_renders_the_sample_bridge_in_chinese_by_default() {
    let html = LocalServerRenderer::<App>::new()
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("留存实验室"), "{html}");
    for hook in [
        "metric-ndr",
        "metric-grr",
        "metric-gross-churn",
        "metric-net-churn",
        "input-start-arr",
        "input-churned-arr",
        "input-contraction-arr",
        "input-expansion-arr",
        "lang-toggle",
        "nav-economics",
        "share-link",
        "scenario-save",
        "scenario-file-open",
        "presentation-toggle",
        "print-report",
    ] {
        assert!(
            html.contains(&format!(r#"data-testid="{hook}""#)),
            "{hook} missing"
        );
    }
    // The sample is the worked example: NDR 105 %, GRR 85 %.
    assert!(
        html.contains(">105.0%<") && html.contains(">85.0%<"),
        "{html}"
    );
    assert!(
        html.contains("<svg"),
        "the waterfall chart should be inline SVG"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn every_chart_offers_svg_and_png_downloads_named_after_it() {
    let html = LocalServerRenderer::<App>::new()
        .hydratable(false)
        .render()
        .await;
    for hook in ["export-svg", "export-png"] {
        assert!(
            html.contains(&format!(r#"data-testid="{hook}" data-chart="ndr-bridge""#)),
            "{hook} missing: {html}"
        );
    }
}

/// The scenario table with no customers in the baseline, in Chinese: the model's
/// error is a typed value, written out in the UI language by the view.
#[component]
fn NoCustomersTable() -> Html {
    use retention_lab::components::scenario_table::ScenarioTable;
    use retention_lab::derive::economics::result_rows;
    use retention_lab::model::economics::economics;
    use retention_lab::state::AppContext;
    use retention_lab::state::AppState;
    use std::rc::Rc;

    let state = use_reducer(AppState::default);
    let mut inputs = state.scenarios.list[0].last_valid;
    inputs.customers = 0.0;
    let h = state.heterogeneity;
    let results = [economics(&inputs, &h.sbg())];
    let rows = Rc::new(result_rows(&results, state.lang));
    html! {
        <ContextProvider<AppContext> context={state}>
            <ScenarioTable {rows} />
        </ContextProvider<AppContext>>
    }
}

#[tokio::test(flavor = "current_thread")]
async fn a_model_error_reads_in_chinese_in_the_chinese_interface() {
    let html = LocalServerRenderer::<NoCustomersTable>::new()
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("“客户数量”必须大于 0"), "{html}");
    assert!(!html.contains("must be greater than zero"), "{html}");
    // Every error cell holds Chinese only: no English word (lower-case ASCII letters) in it.
    let cells: Vec<&str> = html
        .split(r#"class="scenarios__cell field__error">"#)
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap_or_default())
        .collect();
    assert!(!cells.is_empty(), "no error cell: {html}");
    for cell in cells {
        assert!(
            !cell.chars().any(|c| c.is_ascii_lowercase()),
            "English in a Chinese cell: {cell}"
        );
    }
}
