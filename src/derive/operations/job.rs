//! The Operations and Team panels as the on-demand operations worker computes them: the page
//! sends what the panels read ([`PanelsJob`]: the customers and the settings the other
//! sections derive from them), the worker recomputes health and the renewal forecast with the
//! same functions the page uses, builds the panels and draws their charts.
//!
//! Why a worker: these panels' models, texts and chart inputs were 38 KB gzip of the page's
//! first load (measured 2026-11-30: 479,242 → 517,287 bytes), over its 450 KB budget; in the
//! worker they are fetched the first time the Operations or Team section is opened.

use serde::{Deserialize, Serialize};

use super::{operations_panels, team_panels, OpsContext};
use crate::derive::health::{health, health_basis};
use crate::derive::renewal::{fit_renewal, renewal};
use crate::derive::shown_panel::{show, ShownPanel};
use crate::forms::ops_inputs::OpsInputs;
use crate::i18n::{Currency, Lang};
use crate::io::worker_protocol::{failed, handle, Reply, Request, WorkerFailure};
use crate::model::economics::EconomicsInputs;
use crate::model::health::{Measure, Scorecard};
use crate::model::period::PeriodSbg;
use crate::model::portfolio::Customer;
use crate::model::tiers::TierRules;
use crate::state::dataset::Origin;

/// Everything the panels read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PanelsJob {
    /// The Team section's panels instead of the Operations ones.
    pub team: bool,
    pub customers: Vec<Customer>,
    pub origin: Origin,
    /// The user's scorecard, `None` for the default one.
    pub card: Option<Scorecard>,
    pub tier_rules: TierRules,
    /// The renewal model's inputs, the north star first.
    pub renewal_inputs: Vec<Measure>,
    pub baseline: EconomicsInputs,
    pub heterogeneity: PeriodSbg,
    pub ops: OpsInputs,
    pub lang: Lang,
    pub currency: Currency,
}

/// The panels for `job`, as the page shows them.
pub fn panels(job: &PanelsJob) -> Vec<ShownPanel> {
    let customers = &job.customers;
    let basis = health_basis(customers);
    let figures = health(
        customers,
        &job.origin,
        job.card.as_ref(),
        &job.tier_rules,
        &basis,
        job.lang,
        job.currency,
    );
    let fitted = (!job.renewal_inputs.is_empty())
        .then(|| fit_renewal(customers, &job.origin, &job.renewal_inputs));
    let renewal = fitted.map(|f| renewal(customers, &f, 0.0, job.lang));
    let cx = OpsContext {
        customers,
        health: &figures,
        forecast: renewal
            .as_ref()
            .filter(|r| r.fit.is_ok())
            .map(|r| &r.forecast),
        baseline: &job.baseline,
        heterogeneity: &job.heterogeneity,
        tier_rules: job.tier_rules,
        lang: job.lang,
        currency: job.currency,
    };
    let built = if job.team {
        team_panels(&cx, &job.ops)
    } else {
        operations_panels(&cx, &job.ops)
    };
    built.iter().map(|p| show(p, job.lang)).collect()
}

/// The operations worker's answer to one request (see `io::worker_protocol`).
pub fn handle_panels(request_json: &str, _bytes: &[u8]) -> (String, Option<Vec<u8>>) {
    handle(request_json, |request| match request {
        Request::Panels { id, job } => (
            Reply::Panels {
                id,
                panels: panels(&job),
            },
            None,
        ),
        Request::Read { id, .. } | Request::Write { id, .. } => {
            failed(id, WorkerFailure::WrongWorker)
        }
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::AppState;

    fn job(team: bool, lang: Lang) -> PanelsJob {
        let s = AppState::default();
        PanelsJob {
            team,
            customers: s.dataset.customers.to_vec(),
            origin: s.dataset.customers_origin.clone(),
            card: None,
            tier_rules: s.health.tier_rules,
            renewal_inputs: s.health.renewal_inputs.clone(),
            baseline: s.scenarios.list[0].last_valid,
            heterogeneity: s.heterogeneity.sbg(),
            ops: OpsInputs::default(),
            lang,
            currency: Currency::Cny,
        }
    }

    #[test]
    fn the_worker_answers_with_every_panel_drawn() {
        for (team, ids) in [
            (
                false,
                vec![
                    "ops-northstar",
                    "ops-nps",
                    "ops-first-value",
                    "ops-funnel",
                    "ops-revenue-sources",
                    "ops-segments",
                ],
            ),
            (true, vec!["team-tiers", "team-books"]),
        ] {
            let request = Request::Panels {
                id: 5,
                job: Box::new(job(team, Lang::Zh)),
            };
            let (reply, bytes) = handle_panels(&request.to_json(), &[]);
            assert_eq!(bytes, None);
            let Ok(Reply::Panels { id: 5, panels }) = Reply::from_json(&reply) else {
                panic!("not panels: {}", &reply[..200.min(reply.len())])
            };
            let got: Vec<&str> = panels.iter().map(|p| p.id.as_str()).collect();
            assert_eq!(got, ids);
            for p in &panels {
                assert_eq!(p.needs, None, "{} works on the sample", p.id);
                assert!(
                    p.charts.iter().all(|(_, svg)| svg.is_ok()),
                    "{} draws",
                    p.id
                );
            }
            // The page reads back what the worker wrote.
            assert!(!reply.contains("NaN") && !reply.contains("Infinity"));
        }
    }

    #[test]
    fn a_request_for_another_worker_is_refused() {
        let (reply, _) = handle_panels(r#"{"write":{"id":3,"sheets":[]}}"#, &[]);
        assert_eq!(
            Reply::from_json(&reply),
            Ok(Reply::Failed {
                id: 3,
                failure: WorkerFailure::WrongWorker
            })
        );
    }
}
