//! The Strategy page of the printable report: each journey's net index and verdict, the 3F
//! fit, the top of the niche ranking and the organisation designer's models, as text ready to
//! print. Printed only once the user changed a Strategy input (the untouched defaults are
//! assumptions, not a plan).

use super::{org_model_label, roles_text};
use crate::forms::strategy_inputs::StrategyState;
use crate::i18n::{format_fixed, format_money, Currency, Lang, StrategyCoreKey as KC};
use crate::model::portfolio::Customer;
use crate::model::strategy::activation::{evaluate, Verdict};
use crate::model::strategy::niche::score;
use crate::model::strategy::niche_draft::draft_from_customers;
use crate::model::strategy::org::design;
use crate::model::strategy::org_advice::recommend;
use crate::model::strategy::three_f::three_f;

/// Niche rows the report lists (the top of the ranking).
const NICHE_ROWS: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct StrategyReport {
    /// Name, net index, verdict.
    pub journeys: Vec<[String; 3]>,
    /// How many of the three Fs hold.
    pub plg_fit: u8,
    /// Segment, rank, score of the best rows; `None` when the rows cannot be scored.
    pub niche: Option<Vec<[String; 3]>>,
    /// The recommended model and each model's row, when the designer's inputs are valid.
    pub org: Option<OrgReport>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrgReport {
    pub recommended: &'static str,
    /// Model, headcount, roles, cost, ARR per head.
    pub models: Vec<[String; 5]>,
}

/// The report's Strategy page, `None` while every input is still the default.
pub fn strategy_report(
    s: &StrategyState,
    customers: &[Customer],
    lang: Lang,
    currency: Currency,
) -> Option<StrategyReport> {
    if *s == StrategyState::default() {
        return None;
    }
    let journeys = s
        .journeys
        .iter()
        .enumerate()
        .map(|(i, j)| {
            let name = j.name.text(lang == Lang::Zh);
            let name = if name.trim().is_empty() {
                lang.fill(KC::JourneyN, &[("n", &(i + 1).to_string())])
            } else {
                name
            };
            let result = evaluate(&j.journey);
            let verdict = lang.t(match result.verdict {
                Verdict::Activates => KC::ActivatesYes,
                Verdict::OnTheEdge => KC::ActivatesEdge,
                Verdict::Fails => KC::ActivatesNo,
            });
            [name, result.net.to_string(), verdict.to_string()]
        })
        .collect();
    let rows = match &s.niche_rows {
        Some(rows) => rows.clone(),
        None => draft_from_customers(customers, s.stickiness).rows,
    };
    let niche = score(&rows, &s.weights).ok().map(|scores| {
        let mut ranked: Vec<_> = scores.rows.iter().collect();
        ranked.sort_by_key(|r| r.rank.unwrap_or(usize::MAX));
        ranked
            .into_iter()
            .take(NICHE_ROWS)
            .map(|row| {
                let rank = row
                    .rank
                    .map(|r| r.to_string())
                    .unwrap_or_else(|| "—".into());
                let score = format_fixed(row.score.unwrap_or(f64::NAN), 1);
                [row.segment.clone(), rank, score]
            })
            .collect()
    });
    let advice = recommend(s.org.customers, s.org.arpa, s.profile, &s.thresholds);
    let org = design(&s.org).ok().zip(advice.ok()).map(|(d, advice)| {
        let money = |v: f64| format_money(v, lang, currency);
        OrgReport {
            recommended: org_model_label(lang, advice.model),
            models: d
                .models
                .iter()
                .map(|m| {
                    [
                        org_model_label(lang, m.model).to_string(),
                        m.headcount.total().to_string(),
                        roles_text(lang, &m.headcount),
                        money(m.cost),
                        m.arr_per_head.map(money).unwrap_or_else(|| "—".into()),
                    ]
                })
                .collect(),
        }
    });
    Some(StrategyReport {
        journeys,
        plg_fit: three_f(&s.checklist).fit,
        niche,
        org,
    })
}
