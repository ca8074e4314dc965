//! The inverted funnel by source (seeds 000, 003): the baseline scenario's projected revenue
//! per year split into renewals, expansion, referrals and new business
//! ([`revenue_sources`]); customer success's share against the 50 % and 70 % (7:3) marks.

use super::common::{data_value, percent, OpsContext};
use crate::chart::palette;
use crate::chart::stacked::{Series, StackedBars};
use crate::derive::panel::{metric, Panel, PanelChart, Row, Table};
use crate::i18n::{error_text, format_money, TeamKey as K};
use crate::model::economics::economics;
use crate::model::operations::revenue_sources::{revenue_sources, YearSources, CS_SHARE_MARKS};

/// A part of the revenue: its label, colour and amount in a year.
type Part = (K, plotters::style::RGBColor, fn(&YearSources) -> f64);

const PARTS: [Part; 4] = [
    (K::Renewals, palette::BLUE, |y| y.renewal),
    (K::ExpansionSource, palette::GREEN, |y| y.expansion),
    (K::ReferralSource, palette::ORANGE, |y| y.referral),
    (K::NewBusinessSource, palette::VERMILLION, |y| {
        y.new_business
    }),
];

/// A chart value: ≥ 0 and finite (rounding can leave −1e-13 of expansion).
fn bar(v: f64) -> f64 {
    if v.is_finite() {
        v.max(0.0)
    } else {
        0.0
    }
}

/// One row per projected year (`revenue-year`, `data-year`, `data-cs-share`); metric
/// `cs-revenue-share` = year 1's CS share.
pub fn revenue_panel(cx: &OpsContext) -> Panel {
    let lang = cx.lang;
    let mut panel = Panel::new(
        "ops-revenue-sources",
        lang.t(K::RevenueTitle).into(),
        lang.t(K::RevenueIntro).into(),
    );
    let e = match economics(cx.baseline, cx.heterogeneity) {
        Ok(e) => e,
        Err(err) => {
            let error = error_text(lang, &err);
            return panel.needing(lang.fill(K::BaselineInvalid, &[("error", &error)]));
        }
    };
    let years = revenue_sources(cx.baseline, &e);
    let money = |v: f64| format_money(v, lang, cx.currency);
    let year_label = |y: &YearSources| lang.fill(K::YearN, &[("year", &y.year.to_string())]);
    let share = years.first().and_then(YearSources::cs_share);
    panel.metrics = vec![metric(
        "cs-revenue-share",
        lang.t(K::CsShare).into(),
        share,
        |v| percent(Some(v)),
        lang.t(K::CsShareExplain).into(),
    )];
    let mut headers = vec![lang.t(K::Year).to_string()];
    headers.extend(PARTS.iter().map(|(k, _, _)| lang.t(*k).to_string()));
    headers.extend([lang.t(K::Total).into(), lang.t(K::CsShareShort).into()]);
    panel.table = Some(Table {
        headers,
        rows: years
            .iter()
            .map(|y| {
                let mut cells = vec![year_label(y)];
                cells.extend(PARTS.iter().map(|(_, _, part)| money(part(y))));
                cells.extend([money(y.total), percent(y.cs_share())]);
                Row {
                    test_id: "revenue-year",
                    data: vec![
                        ("data-year", y.year.to_string()),
                        ("data-cs-share", data_value(y.cs_share())),
                    ],
                    cells,
                    action: None,
                    highlight: false,
                }
            })
            .collect(),
    });
    panel.charts = vec![PanelChart::Stacked {
        name: "revenue-sources",
        chart: StackedBars {
            title: lang.t(K::RevenueChartTitle).into(),
            x_label: lang.t(K::Year).into(),
            y_label: lang.fill(K::RevenueAxis, &[("currency", cx.currency.symbol())]),
            categories: years.iter().map(year_label).collect(),
            series: PARTS
                .iter()
                .map(|(k, colour, part)| Series {
                    name: lang.t(*k).into(),
                    colour: *colour,
                    values: years.iter().map(|y| bar(part(y))).collect(),
                })
                .collect(),
            marks: Vec::new(),
            y_max: None,
        },
    }];
    panel.notes.push(lang.t(K::MarksNote).into());
    if let Some(s) = share.filter(|s| s.is_finite()) {
        let [half, seventy] = CS_SHARE_MARKS;
        let key = if s >= seventy {
            K::ShareAboveSeventy
        } else if s > half {
            K::ShareAboveHalf
        } else {
            K::ShareBelowHalf
        };
        panel
            .notes
            .push(lang.fill(key, &[("share", &percent(Some(s)))]));
    }
    panel
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
