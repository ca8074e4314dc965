//! The sBG and the BdW side by side as the cohorts section shows them: the BdW's parameters,
//! both log-likelihoods with AIC and BIC, the likelihood-ratio test, its one-line reading and
//! which model projects.

use super::{projecting, CohortAnalysis};
use crate::forms::view_settings::CohortView;
use crate::i18n::{format_fixed, format_p_value, CohortKey, Lang};
use crate::model::bdw::{Duration, Preferred};

/// One figure of the comparison: `data-testid="metric-<name>"`, its raw value and texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub name: &'static str,
    /// A BdW parameter of a fit that is not reliable: marked on its card.
    pub unreliable: bool,
    pub value: f64,
    pub text: String,
    pub label: String,
    pub explain: String,
}

/// What the comparison panel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelsView {
    /// The model projecting now and whether the user picked it.
    pub projecting: Preferred,
    pub picked: bool,
    /// γ, δ, c, LL of the BdW, LL of the sBG, the test's p-value.
    pub figures: Vec<Figure>,
    /// "The data say: churn propensity falls with tenure".
    pub reading: String,
    /// The default rule, stated.
    pub rule: String,
    /// Why the BdW fit is not reliable, when it is not (it then never projects by default).
    pub notice: Option<String>,
}

/// Significant digits as the fit cards show them.
fn significant(value: f64) -> String {
    if value.abs() >= 100.0 {
        format_fixed(value, 1)
    } else {
        format!("{}", (value * 1e4).round() / 1e4)
    }
}

/// The comparison, or `None` when either fit is missing.
pub fn models_view(analysis: &CohortAnalysis, view: CohortView, lang: Lang) -> Option<ModelsView> {
    let (bdw, c) = analysis.bdw.as_ref()?;
    let m = bdw.model;
    let se = |i: usize| {
        bdw.std_errors
            .map(|s| format!(" ± {}", significant(s[i])))
            .unwrap_or_default()
    };
    let shaky = !bdw.is_reliable();
    let figure = |name, value: f64, label: CohortKey, explain: String| Figure {
        name,
        unreliable: shaky && name.starts_with("bdw-") && name != "bdw-ll",
        value,
        text: significant(value),
        label: lang.t(label).into(),
        explain,
    };
    let ll_explain = |aic: f64, bic: f64| {
        lang.fill(
            CohortKey::LlExplain,
            &[
                ("aic", &format_fixed(aic, 1)),
                ("bic", &format_fixed(bic, 1)),
            ],
        )
    };
    let projecting = projecting(analysis, view);
    let figures = vec![
        figure("bdw-gamma", m.gamma, CohortKey::Gamma, se(0)),
        figure("bdw-delta", m.delta, CohortKey::Delta, se(1)),
        figure(
            "bdw-c",
            m.c,
            CohortKey::DurationC,
            format!("{}{}", lang.t(CohortKey::DurationCExplain), se(2)),
        ),
        figure(
            "bdw-ll",
            c.ll_bdw,
            CohortKey::LlBdw,
            ll_explain(c.aic_bdw, c.bic_bdw),
        ),
        figure(
            "sbg-ll",
            c.ll_sbg,
            CohortKey::LlSbg,
            ll_explain(c.aic_sbg, c.bic_sbg),
        ),
        Figure {
            name: "lr-pvalue",
            unreliable: false,
            value: c.p_value,
            text: format_p_value(c.p_value),
            label: lang.t(CohortKey::LrPvalue).into(),
            explain: lang.fill(
                CohortKey::LrExplain,
                &[("statistic", &format_fixed(c.lr_statistic, 2))],
            ),
        },
    ];
    Some(ModelsView {
        projecting,
        picked: view.projection.is_some(),
        figures,
        reading: lang
            .t(match c.duration {
                Duration::Falling => CohortKey::DurationFalling,
                Duration::Rising => CohortKey::DurationRising,
                Duration::Constant => CohortKey::DurationConstant,
            })
            .into(),
        rule: lang.t(CohortKey::ModelRule).into(),
        notice: shaky.then(|| {
            let why = if bdw.at_bound {
                CohortKey::WhyAtBound
            } else if !bdw.converged {
                CohortKey::WhyNotConverged
            } else {
                CohortKey::WhyNotIdentified
            };
            lang.fill(CohortKey::BdwUnreliable, &[("why", lang.t(why))])
        }),
    })
}
