//! CSM books and 人效 (seeds 000, 002): each CSM's active accounts with their ARR by health
//! band, ARR due and at risk in the next 12 months ([`books`]), and ARR per CS head from the
//! headcount the user types ([`arr_per_cs_head`]).

use super::common::{data_value, needs, percent, OpsContext};
use crate::chart::stacked::{Series, StackedBars};
use crate::derive::health::band_colour;
use crate::derive::labels::band_label;
use crate::derive::panel::{metric, NumberSetting, Panel, PanelChart, PanelInput, Row, Table};
use crate::forms::ops_inputs::OpsInputs;
use crate::i18n::{format_money, FieldKey, HealthKey, OpsKey, StrategyCoreKey, TeamKey as K};
use crate::model::health::Band;
use crate::model::operations::books::{arr_per_cs_head, books, Book, UNSCORED};
use crate::model::renewal::Forecast;

/// The unscored part of a book's bar: a neutral grey beside the band colours.
const UNSCORED_GREY: plotters::style::RGBColor = plotters::style::RGBColor(0x9C, 0xA3, 0xAF);

/// A headcount as typed: whole numbers plainly, others to one decimal.
fn heads(h: f64) -> String {
    if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h:.1}")
    }
}

/// One row per CSM (`csm-book`, `data-csm`, `data-accounts`, `data-arr`,
/// `data-arr-at-risk`, empty without a forecast), sorted by ARR at risk, then the accounts
/// without a CSM (`data-csm` empty); the headcount input and `arr-per-cs-head`.
pub fn books_panel(cx: &OpsContext, inputs: &OpsInputs) -> Panel {
    let lang = cx.lang;
    let panel = Panel::new(
        "team-books",
        lang.t(K::BooksTitle).into(),
        lang.t(K::BooksIntro).into(),
    );
    let empty = Forecast::default();
    let forecast = cx.forecast.unwrap_or(&empty);
    let b = books(
        cx.customers,
        &cx.health.analysis.scores,
        &cx.health.card.bands,
        forecast,
        &cx.health.analysis.tiers,
    );
    if b.books.is_empty() && b.unassigned.accounts == 0 {
        return panel.needing(lang.t(OpsKey::NoCustomers).into());
    }
    if b.books.is_empty() {
        return needs(panel, lang, &["csm"]);
    }
    let mut panel = panel;
    let has_forecast = cx.forecast.is_some();
    let money = |v: f64| format_money(v, lang, cx.currency);
    let list: Vec<&Book> = b
        .books
        .iter()
        .chain(Some(&b.unassigned).filter(|u| u.accounts > 0))
        .collect();
    let name = |book: &Book| {
        book.csm
            .clone()
            .unwrap_or_else(|| lang.t(K::NoCsm).to_string())
    };
    let total_arr: f64 = list.iter().map(|book| book.arr).sum();
    panel.inputs = vec![PanelInput::Number {
        setting: NumberSetting::CsHeadcount,
        label: lang.t(K::CsHeadcount).into(),
        value: inputs.cs_headcount,
        percent: false,
    }];
    let per_head = inputs
        .cs_headcount
        .and_then(|h| arr_per_cs_head(total_arr, h));
    panel.metrics = vec![metric(
        "arr-per-cs-head",
        lang.t(StrategyCoreKey::ArrPerHead).into(),
        per_head,
        money,
        match (per_head, inputs.cs_headcount) {
            (Some(_), Some(h)) => lang.fill(
                K::ArrPerHeadExplain,
                &[("arr", &money(total_arr)), ("heads", &heads(h))],
            ),
            _ => lang.t(K::ArrPerHeadMissing).into(),
        },
    )];
    let due = |v: f64| if has_forecast { money(v) } else { "—".into() };
    panel.table = Some(Table {
        headers: vec![
            lang.t(FieldKey::Csm).into(),
            lang.t(OpsKey::CustomersAxis).into(),
            lang.t(crate::i18n::Key::ChartAxisArr).into(),
            lang.t(K::ArrDue).into(),
            lang.t(HealthKey::ArrAtRisk).into(),
            lang.t(K::MeanHealth).into(),
            lang.t(HealthKey::GrowthTierShare).into(),
        ],
        rows: list
            .iter()
            .map(|book| Row {
                test_id: "csm-book",
                data: vec![
                    ("data-csm", book.csm.clone().unwrap_or_default()),
                    ("data-accounts", book.accounts.to_string()),
                    ("data-arr", data_value(Some(book.arr))),
                    (
                        "data-arr-at-risk",
                        data_value(Some(book.arr_at_risk).filter(|_| has_forecast)),
                    ),
                ],
                cells: vec![
                    name(book),
                    book.accounts.to_string(),
                    money(book.arr),
                    due(book.arr_due),
                    due(book.arr_at_risk),
                    book.mean_health
                        .map_or_else(|| "—".into(), |h| format!("{h:.1}")),
                    percent(book.growth_share),
                ],
                action: None,
                highlight: false,
            })
            .collect(),
    });
    let band = |i: usize| -> Vec<f64> {
        list.iter()
            .map(|book| book.arr_by_band[i].max(0.0))
            .map(|v| if v.is_finite() { v } else { 0.0 })
            .collect()
    };
    let mut series: Vec<Series> = Band::ALL
        .iter()
        .map(|&bd| Series {
            name: band_label(lang, bd).into(),
            colour: band_colour(bd),
            values: band(bd as usize),
        })
        .collect();
    series.push(Series {
        name: lang.t(K::Unscored).into(),
        colour: UNSCORED_GREY,
        values: band(UNSCORED),
    });
    panel.charts = vec![PanelChart::Stacked {
        name: "csm-books",
        chart: StackedBars {
            title: lang.t(K::BooksChartTitle).into(),
            x_label: lang.t(FieldKey::Csm).into(),
            y_label: lang.fill(HealthKey::ArrAxis, &[("currency", cx.currency.symbol())]),
            categories: list.iter().map(|book| name(book)).collect(),
            series,
            marks: Vec::new(),
            y_max: None,
        },
    }];
    if !has_forecast {
        panel.notes.push(lang.t(K::NoForecast).into());
    }
    panel
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
