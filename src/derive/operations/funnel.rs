//! The customer-success funnel (seed 002, AARRR): customers who started in a window, through
//! onboarding, the north star, renewal and referral or expansion ([`funnel`]), filterable by
//! start year, tier and segment.

use super::common::{needs, percent, OpsContext};
use crate::chart::bars::{Bar, Bars};
use crate::chart::palette;
use crate::derive::panel::{
    metric, Choice, NumberSetting, Panel, PanelChart, PanelInput, Row, Table,
};
use crate::forms::ops_inputs::OpsInputs;
use crate::i18n::{format_count, format_typed, GrowthKey as G, HealthKey, Lang, OpsKey};
use crate::model::calendar::Date;
use crate::model::operations::funnel::{funnel, FunnelFilter, Step};
use crate::model::portfolio::Customer;
use crate::model::tiers::Tier;
use std::collections::BTreeSet;

fn step_label(lang: Lang, step: Step) -> &'static str {
    lang.t(match step {
        Step::Acquisition => G::StepAcquisition,
        Step::Activation => G::StepActivation,
        Step::Retention => G::StepRetention,
        Step::Revenue => G::StepRevenue,
        Step::Referral => G::StepReferral,
    })
}

fn tier_label(lang: Lang, tier: Tier) -> &'static str {
    lang.t(match tier {
        Tier::Lighthouse => HealthKey::TierLighthouse,
        Tier::Growth => HealthKey::TierGrowth,
        Tier::Standard => HealthKey::TierStandard,
    })
}

/// The default activity threshold: a north star above 0, any use of the product (seed 002:
/// "代表客户活跃使用系统"). Not a percentile, so no share of customers fails it by construction.
pub const DEFAULT_ACTIVE_ABOVE: f64 = 0.0;

/// A customer's start as the funnel reads it: the first start, the one TTFV counts from.
fn start(c: &Customer) -> Option<Date> {
    c.first_start
}

/// The funnel's settings as selects: start year, tier and segment, each with "all" first.
fn selects(lang: Lang, customers: &[Customer], inputs: &OpsInputs) -> Vec<PanelInput> {
    let all = lang.t(HealthKey::All).to_string();
    let years: BTreeSet<i32> = customers.iter().filter_map(start).map(|d| d.year).collect();
    let segments: BTreeSet<&str> = customers
        .iter()
        .filter_map(|c| c.segment.as_deref())
        .filter(|s| !s.trim().is_empty())
        .collect();
    let select =
        |name, label: &str, options: Vec<(Choice, String)>, selected: Choice| PanelInput::Select {
            name,
            label: label.into(),
            options,
            selected: selected.key(),
        };
    vec![
        select(
            "funnel-year",
            lang.t(G::StartYear),
            std::iter::once((Choice::FunnelYear(None), all.clone()))
                .chain(
                    years
                        .iter()
                        .map(|&y| (Choice::FunnelYear(Some(y)), y.to_string())),
                )
                .collect(),
            Choice::FunnelYear(inputs.funnel_year),
        ),
        select(
            "funnel-tier",
            lang.t(HealthKey::Tier),
            std::iter::once((Choice::FunnelTier(None), all.clone()))
                .chain(
                    Tier::ALL
                        .iter()
                        .map(|&t| (Choice::FunnelTier(Some(t)), tier_label(lang, t).to_string())),
                )
                .collect(),
            Choice::FunnelTier(inputs.funnel_tier),
        ),
        select(
            "funnel-segment",
            lang.t(crate::i18n::StrategyCoreKey::Segment),
            std::iter::once((Choice::FunnelSegment(None), all))
                .chain(
                    segments
                        .iter()
                        .map(|s| (Choice::FunnelSegment(Some(s.to_string())), s.to_string())),
                )
                .collect(),
            Choice::FunnelSegment(inputs.funnel_segment.clone()),
        ),
    ]
}

/// The AARRR funnel of customer success over the customers who started in the window:
/// `inputs.funnel_year` (1 Jan–31 Dec), or with none from the earliest start to the data date
/// (or the latest start, if later); filtered by `funnel_tier` (tiers of
/// `cx.health.analysis.tiers`) and `funnel_segment`. Retention = north star above
/// `funnel_active_threshold` (input `funnel-active-threshold`, north-star units; default
/// [`DEFAULT_ACTIVE_ABOVE`]), the rule and its origin stated in a note. Rows `funnel-step`
/// (`data-step`, `data-count`) with the conversion from the step before; counts as funnel
/// bars; `metric-funnel-renewed-all`: every acquired customer who renewed. Needs `first_start`
/// when no customer has a start date.
pub fn funnel_panel(cx: &OpsContext, inputs: &OpsInputs) -> Panel {
    let lang = cx.lang;
    let panel = Panel::new(
        "ops-funnel",
        lang.t(G::FunnelTitle).into(),
        lang.t(G::FunnelIntro).into(),
    );
    let starts = || cx.customers.iter().filter_map(start);
    let (Some(earliest), Some(latest)) = (starts().min(), starts().max()) else {
        return needs(panel, lang, &["first_start"]);
    };
    let (from, to) = match inputs.funnel_year {
        Some(year) => (
            Date {
                year,
                month: 1,
                day: 1,
            },
            Date {
                year,
                month: 12,
                day: 31,
            },
        ),
        None => (earliest, latest.max(cx.health.analysis.as_of)),
    };
    let filter = FunnelFilter {
        from,
        to,
        tier: inputs.funnel_tier,
        segment: inputs.funnel_segment.clone(),
    };
    let threshold = inputs
        .funnel_active_threshold
        .filter(|t| t.is_finite())
        .unwrap_or(DEFAULT_ACTIVE_ABOVE);
    let f = funnel(cx.customers, &cx.health.analysis.tiers, &filter, threshold);
    let mut panel = panel;
    panel.inputs = selects(lang, cx.customers, inputs);
    panel.inputs.push(PanelInput::Number {
        setting: NumberSetting::FunnelActiveThreshold,
        label: lang.t(G::FunnelActiveThreshold).into(),
        value: Some(threshold),
        percent: false,
    });
    panel.metrics.push(metric(
        "funnel-renewed-all",
        lang.t(G::FunnelRenewedAll).into(),
        Some(f.renewed_all as f64),
        |n| format_count(n as usize),
        lang.fill(
            G::FunnelRenewedAllExplain,
            &[("strict", &f.steps[3].count.to_string())],
        ),
    ));
    panel.table = Some(Table {
        headers: vec![
            lang.t(G::Step).into(),
            lang.t(OpsKey::CustomersAxis).into(),
            lang.t(G::Conversion).into(),
        ],
        rows: f
            .steps
            .iter()
            .map(|s| Row {
                test_id: "funnel-step",
                data: vec![
                    ("data-step", s.step.key().into()),
                    ("data-count", s.count.to_string()),
                ],
                cells: vec![
                    step_label(lang, s.step).into(),
                    s.count.to_string(),
                    percent(s.conversion),
                ],
                action: None,
                highlight: false,
            })
            .collect(),
    });
    panel.charts = vec![PanelChart::Bars {
        name: "funnel-steps",
        chart: Bars {
            title: lang.t(G::FunnelChartTitle).into(),
            x_label: lang.t(G::FunnelAxis).into(),
            y_label: lang.t(OpsKey::CustomersAxis).into(),
            bars: f
                .steps
                .iter()
                .map(|s| Bar {
                    // Short names under the bars (the table has the full ones): the English
                    // step names overlap at projector width.
                    label: lang
                        .t(match s.step {
                            Step::Acquisition => G::BarAcquisition,
                            Step::Activation => G::BarActivation,
                            Step::Retention => G::BarRetention,
                            Step::Revenue => G::BarRevenue,
                            Step::Referral => G::BarReferral,
                        })
                        .into(),
                    value: s.count as f64,
                    colour: palette::BLUE,
                })
                .collect(),
        },
    }];
    let window = lang.fill(
        G::FunnelWindow,
        &[("from", &from.to_string()), ("to", &to.to_string())],
    );
    let rule = lang.fill(
        match inputs.funnel_active_threshold {
            Some(_) => G::FunnelActiveSet,
            None => G::FunnelActiveDefault,
        },
        &[("threshold", &format_typed(threshold))],
    );
    panel.notes = vec![window, rule];
    if f.due > 0 {
        panel.notes.push(lang.fill(
            G::FunnelDue,
            &[
                ("due", &f.due.to_string()),
                ("rate", &percent(f.renewal_among_due)),
            ],
        ));
    }
    panel
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
