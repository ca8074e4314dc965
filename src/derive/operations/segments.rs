//! Segments and the niche test (seed 004, the T model): figures per `segment` over the active
//! customers ([`segments`]) and the share of ARR in the largest 3 and 5 against the 80–90 %
//! band.

use super::common::{data_value, needs, percent, short_label, OpsContext};
use crate::chart::bars::{Bar, Bars};
use crate::chart::palette;
use crate::derive::panel::{metric, Panel, PanelChart, PanelMetric, Row, Table};
use crate::i18n::StrategyCoreKey;
use crate::i18n::{format_money, Currency, FieldKey, GrowthKey as G, Lang, OpsKey};
use crate::model::operations::segments::{segments, NicheVerdict, SegmentFigures, Segments};

/// Characters of a segment's name under its bar (seven bars share the axis).
const SEGMENT_LABEL_CHARS: usize = 8;

/// The share of the `k` largest segments, a plain figure (the verdict is [`niche_k`]'s).
fn top_share(lang: Lang, s: &Segments, name: &'static str, label: G, k: usize) -> PanelMetric {
    let share = s.top_share(k);
    let explain = match share {
        Some(_) => lang.t(G::TopShareExplain).into(),
        None => lang.t(G::NicheNone).into(),
    };
    metric(
        name,
        lang.t(label).into(),
        share,
        |v| percent(Some(v)),
        explain,
    )
}

/// The one verdict (`metric-segments-k`): the smallest k in 3–5 whose share reaches 80 %,
/// read against the 80–90 % band ([`Segments::niche_reading`]); the value is k, undefined
/// (shown "More than 5") when the 5 largest stay under 80 %.
fn niche_k(lang: Lang, s: &Segments) -> PanelMetric {
    let r = s.niche_reading();
    let share = percent(r.share);
    let k = r.k.map(|k| k.to_string()).unwrap_or_default();
    let args = [("k", k.as_str()), ("share", share.as_str())];
    let explain = match r.verdict {
        NicheVerdict::Fits => lang.fill(G::NicheFits, &args),
        NicheVerdict::Concentrated => lang.fill(G::NicheConcentrated, &args),
        NicheVerdict::Spread => lang.fill(G::NicheSpread, &args),
        NicheVerdict::NoRevenue => lang.t(G::NicheNone).into(),
    };
    let mut m = metric(
        "segments-k",
        lang.t(G::SegmentsK).into(),
        r.k.map(|k| k as f64),
        |_| lang.fill(G::SegmentsKValue, &args),
        explain,
    );
    if r.verdict == NicheVerdict::Spread {
        m.text = lang.t(G::SegmentsSpreadValue).into();
    }
    m
}

fn row(lang: Lang, currency: Currency, r: &SegmentFigures) -> Row {
    let money = |v: Option<f64>| {
        v.filter(|v| v.is_finite())
            .map(|v| format_money(v, lang, currency))
            .unwrap_or_else(|| "—".into())
    };
    let number = |v: Option<f64>, digits: usize| {
        v.filter(|v| v.is_finite())
            .map(|v| format!("{v:.digits$}"))
            .unwrap_or_else(|| "—".into())
    };
    Row {
        test_id: "segment-row",
        data: vec![
            ("data-segment", r.segment.clone()),
            ("data-customers", r.customers.to_string()),
            ("data-arr", data_value(Some(r.arr))),
        ],
        cells: vec![
            r.segment.clone(),
            r.customers.to_string(),
            money(Some(r.arr)),
            percent(r.arr_share),
            money(r.arpa),
            percent(r.renewal_rate),
            percent(r.expansion_ratio),
            number(r.mean_north_star, 1),
            number(r.mean_health, 0),
        ],
        action: None,
        highlight: false,
    }
}

/// Per segment over the active customers ([`segments`] with the health scores of
/// `cx.health.analysis`): rows `segment-row` (`data-segment`, `data-customers`, `data-arr`),
/// metrics `top3-segment-share` and `top5-segment-share` (fractions) against the 80–90 %
/// band, and the ARR share per segment as bars. Needs `segment` when no customer has one.
pub fn segments_panel(cx: &OpsContext) -> Panel {
    let lang = cx.lang;
    let panel = Panel::new(
        "ops-segments",
        lang.t(G::SegmentsTitle).into(),
        lang.t(G::SegmentsIntro).into(),
    );
    let has_segment = cx
        .customers
        .iter()
        .any(|c| c.segment.as_deref().is_some_and(|s| !s.trim().is_empty()));
    if !has_segment {
        return needs(panel, lang, &["segment"]);
    }
    let s = segments(cx.customers, &cx.health.analysis.scores);
    let mut panel = panel;
    panel.metrics = vec![
        niche_k(lang, &s),
        top_share(lang, &s, "top3-segment-share", G::Top3Share, 3),
        top_share(lang, &s, "top5-segment-share", G::Top5Share, 5),
    ];
    panel.table = Some(Table {
        headers: vec![
            lang.t(StrategyCoreKey::Segment).into(),
            lang.t(OpsKey::CustomersAxis).into(),
            lang.t(FieldKey::Arr).into(),
            lang.t(G::ArrShare).into(),
            lang.t(G::ArpaYear).into(),
            lang.t(OpsKey::RenewalRate).into(),
            lang.t(G::ExpansionRatio).into(),
            lang.t(G::MeanNorthStar).into(),
            lang.t(G::MeanHealth).into(),
        ],
        rows: s.rows.iter().map(|r| row(lang, cx.currency, r)).collect(),
    });
    panel.charts = vec![PanelChart::Bars {
        name: "segment-arr-share",
        chart: Bars {
            title: lang.t(G::SegmentChartTitle).into(),
            x_label: lang.t(StrategyCoreKey::Segment).into(),
            y_label: lang.t(G::ShareAxis).into(),
            bars: s
                .rows
                .iter()
                .map(|r| Bar {
                    label: short_label(&r.segment, SEGMENT_LABEL_CHARS),
                    value: r.arr_share.filter(|v| v.is_finite()).unwrap_or(0.0) * 100.0,
                    colour: palette::BLUE,
                })
                .collect(),
        },
    }];
    if s.unsegmented > 0 {
        panel.notes.push(lang.fill(
            G::Unsegmented,
            &[
                ("count", &s.unsegmented.to_string()),
                ("arr", &format_money(s.unsegmented_arr, lang, cx.currency)),
            ],
        ));
    }
    panel
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
