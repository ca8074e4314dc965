//! The NPS panel (seed 004): the score against its > 10 benchmark, the 0–10 distribution, and
//! what each group does: renewals, expansion and referrals.

use super::common::{data_value, needs, percent, OpsContext};
use crate::chart::palette;
use crate::chart::stacked::{Series, StackedBars};
use crate::derive::panel::{metric, Panel, PanelChart, Row, Table};
use crate::i18n::{format_money, OpsKey as K};
use crate::model::operations::nps::{current, summarise, NpsGroup};

/// The colour of a group's bars: promoters green, passives orange, detractors vermillion.
fn colour(group: NpsGroup) -> plotters::style::RGBColor {
    match group {
        NpsGroup::Promoter => palette::GREEN,
        NpsGroup::Passive => palette::ORANGE,
        NpsGroup::Detractor => palette::VERMILLION,
    }
}

/// NPS = 100 × (promoters − detractors) / respondents: the headline over the current customers
/// ([`current`], `metric-nps`), beside it over every answer (`metric-nps-all`); one row per
/// group over every answer, churned customers' included, since their renewal outcome is the
/// action compared (`nps-group`, `data-group`, `data-count`, `data-renewal-rate` empty without
/// past renewals); the distribution chart shows the current customers' answers.
pub fn nps_panel(cx: &OpsContext) -> Panel {
    let lang = cx.lang;
    let panel = Panel::new(
        "ops-nps",
        lang.t(K::NpsTitle).into(),
        lang.t(K::NpsIntro).into(),
    );
    let summary = summarise(cx.customers);
    if summary.respondents == 0 {
        return needs(panel, lang, &["nps"]);
    }
    let now = current(cx.customers);
    let mut panel = panel;
    let explain = match now.nps {
        Some(_) => lang.t(K::NpsExplain),
        None => lang.t(K::NpsNone),
    };
    panel.metrics = vec![
        metric(
            "nps",
            lang.t(K::NpsMetric).into(),
            now.nps,
            |v| format!("{v:.1}"),
            explain.into(),
        ),
        metric(
            "nps-respondents",
            lang.t(K::Respondents).into(),
            Some(now.respondents as f64),
            |v| format!("{v:.0}"),
            lang.t(K::RespondentsExplain).into(),
        ),
        metric(
            "nps-all",
            lang.t(K::NpsAllMetric).into(),
            summary.nps,
            |v| format!("{v:.1}"),
            lang.t(K::NpsAllExplain).into(),
        ),
    ];
    let label = |g: NpsGroup| {
        lang.t(match g {
            NpsGroup::Promoter => K::Promoters,
            NpsGroup::Passive => K::Passives,
            NpsGroup::Detractor => K::Detractors,
        })
    };
    panel.table = Some(Table {
        headers: vec![
            lang.t(K::Group).into(),
            lang.t(K::CustomersAxis).into(),
            lang.t(K::RenewalRate).into(),
            lang.t(K::MeanExpansion).into(),
            lang.t(K::ReferralRate).into(),
        ],
        rows: NpsGroup::ALL
            .iter()
            .map(|&g| {
                let f = summary.group(g);
                Row {
                    test_id: "nps-group",
                    data: vec![
                        ("data-group", g.key().into()),
                        ("data-count", f.customers.to_string()),
                        ("data-renewal-rate", data_value(f.renewal_rate)),
                    ],
                    cells: vec![
                        label(g).into(),
                        f.customers.to_string(),
                        percent(f.renewal_rate),
                        f.mean_expansion_arr
                            .map(|v| format_money(v, lang, cx.currency))
                            .unwrap_or_else(|| "—".into()),
                        percent(f.referral_rate),
                    ],
                    action: None,
                    highlight: false,
                }
            })
            .collect(),
    });
    // One stacked series per group, so the legend names the colours.
    panel.charts = vec![PanelChart::Stacked {
        name: "nps-distribution",
        chart: StackedBars {
            title: lang.t(K::NpsChartTitle).into(),
            x_label: lang.t(K::NpsScore).into(),
            y_label: lang.t(K::CustomersAxis).into(),
            categories: (0..=10).map(|a| a.to_string()).collect(),
            series: NpsGroup::ALL
                .iter()
                .map(|&g| Series {
                    name: label(g).into(),
                    colour: colour(g),
                    values: (0..=10u8)
                        .map(|a| {
                            let n = now.distribution[usize::from(a)];
                            if NpsGroup::of(a) == g {
                                n as f64
                            } else {
                                0.0
                            }
                        })
                        .collect(),
                })
                .collect(),
            marks: Vec::new(),
            y_max: None,
        },
    }];
    panel.notes = vec![lang.t(K::NpsNote).into(), lang.t(K::NpsRounding).into()];
    panel
}
