//! First value and onboarding (seeds 001 and 004): 90-day activation, TTFV, renewal by TTFV
//! bucket ([`first_value`]), and the onboarding lever ([`onboarding_lever`]) that sends its
//! expected logo renewal to a scenario of Retention economics.

use super::common::{data_value, needs, percent, OpsContext};
use crate::chart::bars::{Bar, Bars};
use crate::chart::palette;
use crate::derive::panel::{
    metric, NumberSetting, Panel, PanelChart, PanelInput, Request, Row, Table,
};
use crate::forms::ops_inputs::OpsInputs;
use crate::i18n::{format_count, GrowthKey as G, Lang, OpsKey};
use crate::model::operations::first_value::{first_value, onboarding_lever, Bucket, FirstValue};

fn bucket_label(lang: Lang, bucket: Bucket) -> &'static str {
    lang.t(match bucket {
        Bucket::UpTo30 => G::BucketUpTo30,
        Bucket::From31To60 => G::Bucket31To60,
        Bucket::From61To90 => G::Bucket61To90,
        Bucket::Over90OrNever => G::BucketOver90,
    })
}

/// The bucket's short name under its bar (the table has the full one).
fn bar_label(lang: Lang, bucket: Bucket) -> &'static str {
    lang.t(match bucket {
        Bucket::UpTo30 => G::BarUpTo30,
        Bucket::From31To60 => G::Bar31To60,
        Bucket::From61To90 => G::Bar61To90,
        Bucket::Over90OrNever => G::BarOver90,
    })
}

fn days(v: f64) -> String {
    format!("{v:.0}")
}

fn headline(lang: Lang, f: &FirstValue) -> Vec<crate::derive::panel::PanelMetric> {
    let share = |v: f64| percent(Some(v));
    vec![
        metric(
            "activated-90d",
            lang.t(G::Activated90d).into(),
            f.activated_share,
            share,
            lang.fill(
                G::Activated90dExplain,
                &[("count", &f.eligible.to_string())],
            ),
        ),
        metric(
            "ttfv-median",
            lang.t(G::TtfvMedian).into(),
            f.median_ttfv,
            days,
            lang.t(G::TtfvExplain).into(),
        ),
        metric(
            "ttfv-p75",
            lang.t(G::TtfvP75).into(),
            f.p75_ttfv,
            days,
            lang.t(G::TtfvExplain).into(),
        ),
        metric(
            "never-activated",
            lang.t(G::NeverActivatedShare).into(),
            f.never_share,
            share,
            lang.t(G::NeverActivatedExplain).into(),
        ),
    ]
}

/// Among customers whose first start is ≥ 90 days before `cx.health.analysis.as_of`:
/// metrics `activated-90d`, `ttfv-median`, `ttfv-p75`, `never-activated`; rows `ttfv-bucket`
/// (`data-bucket`, `data-count`, `data-renewal-rate`: the annual renewal rate, contracts of a
/// year or more only); the annual renewal rate by bucket as bars; the
/// onboarding lever from the activated share to `inputs.activation_target` (default: 10 points
/// more, at most 100 %) with metrics `lever-logo-renewal-before` / `-after` and a
/// `lever-to-scenario` button. Needs `ttfv_days` and `first_start` when no customer has a TTFV
/// or none is eligible.
pub fn first_value_panel(cx: &OpsContext, inputs: &OpsInputs) -> Panel {
    let lang = cx.lang;
    let panel = Panel::new(
        "ops-first-value",
        lang.t(G::FirstValueTitle).into(),
        lang.t(G::FirstValueIntro).into(),
    );
    let f = first_value(cx.customers, cx.health.analysis.as_of);
    let any_ttfv = cx.customers.iter().any(|c| c.ttfv_days.is_some());
    let Some(activated) = f.activated_share.filter(|_| any_ttfv && f.eligible > 0) else {
        return needs(panel, lang, &["ttfv_days", "first_start"]);
    };
    let mut panel = panel;
    panel.metrics = headline(lang, &f);
    panel.table = Some(Table {
        headers: vec![
            lang.t(G::TtfvBucket).into(),
            lang.t(OpsKey::CustomersAxis).into(),
            lang.t(G::AnnualRenewalRate).into(),
        ],
        rows: f
            .buckets
            .iter()
            .map(|b| Row {
                test_id: "ttfv-bucket",
                data: vec![
                    ("data-bucket", b.bucket.key().into()),
                    ("data-count", b.customers.to_string()),
                    ("data-renewal-rate", data_value(b.renewal_rate)),
                ],
                cells: vec![
                    bucket_label(lang, b.bucket).into(),
                    b.customers.to_string(),
                    percent(b.renewal_rate),
                ],
                action: None,
                highlight: false,
            })
            .collect(),
    });
    // Buckets without a past outcome have no rate and no bar (the table shows them).
    panel.charts = vec![PanelChart::Bars {
        name: "ttfv-renewal",
        chart: Bars {
            title: lang.t(G::TtfvChartTitle).into(),
            x_label: lang.t(G::TtfvAxis).into(),
            y_label: lang.t(G::RenewalAxis).into(),
            bars: f
                .buckets
                .iter()
                .filter_map(|b| {
                    let rate = b.renewal_rate.filter(|r| r.is_finite())?;
                    let count = b.customers.to_string();
                    Some(Bar {
                        label: lang.fill(
                            G::BucketWithCount,
                            &[("bucket", bar_label(lang, b.bucket)), ("count", &count)],
                        ),
                        value: rate * 100.0,
                        colour: palette::BLUE,
                    })
                })
                .collect(),
        },
    }];
    lever(&mut panel, lang, &f, activated, inputs);
    let monthly: usize = f.buckets.iter().map(|b| b.customers - b.annual).sum();
    let annual: usize = f.buckets.iter().map(|b| b.with_outcome).sum();
    panel.notes = vec![
        lang.fill(
            G::AnnualOnlyNote,
            &[
                ("monthly", &format_count(monthly)),
                ("annual", &format_count(annual)),
            ],
        ),
        lang.t(G::LeverNote).into(),
    ];
    panel
}

/// The onboarding lever's input, metrics and scenario button.
fn lever(panel: &mut Panel, lang: Lang, f: &FirstValue, activated: f64, inputs: &OpsInputs) {
    let target = inputs
        .activation_target
        .filter(|t| t.is_finite())
        .unwrap_or_else(|| (activated + 0.10).min(1.0));
    panel.inputs.push(PanelInput::Number {
        setting: NumberSetting::ActivationTarget,
        label: lang.t(G::ActivationTarget).into(),
        value: Some(target),
        percent: true,
    });
    let result = onboarding_lever(&f.buckets, activated, target);
    let share = |v: f64| percent(Some(v));
    let after_explain = match result {
        Some(r) => lang.fill(
            G::LeverAfterExplain,
            &[
                ("from", &percent(Some(activated))),
                ("to", &percent(Some(target))),
                ("moved", &r.moved.to_string()),
            ],
        ),
        None => lang.t(G::LeverNone).into(),
    };
    panel.metrics.push(metric(
        "lever-logo-renewal-before",
        lang.t(G::LeverBefore).into(),
        result.map(|r| r.before),
        share,
        lang.t(G::LeverBeforeExplain).into(),
    ));
    panel.metrics.push(metric(
        "lever-logo-renewal-after",
        lang.t(G::LeverAfter).into(),
        result.map(|r| r.after),
        share,
        after_explain,
    ));
    if let Some(r) = result.filter(|r| r.before.is_finite() && r.after.is_finite()) {
        panel.inputs.push(PanelInput::Button {
            name: "lever-to-scenario",
            label: lang.t(G::LeverToScenario).into(),
            request: Request::OnboardingScenario {
                from: activated,
                to: target,
                before: r.before,
                after: r.after,
            },
        });
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
