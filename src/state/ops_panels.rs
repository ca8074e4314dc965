//! The Operations and Team panels for the state, memoised on what they read: the customers'
//! health and renewal figures (from their own hooks), the baseline scenario, the panels'
//! settings and the language.

use std::rc::Rc;

use yew::prelude::*;

use super::derived::{use_health, use_renewal};
use super::use_app;
use crate::derive::operations::{operations_panels, team_panels, OpsContext};
use crate::derive::panel::Panel;

/// The Team section's panels when `team`, the Operations section's otherwise.
#[hook]
pub fn use_ops_panels(team: bool) -> Rc<Option<Vec<Panel>>> {
    let health = use_health();
    let renewal = use_renewal();
    let state = use_app();
    let deps = state.as_ref().map(|s| {
        (
            s.dataset.customers.clone(),
            s.scenarios.list.first().map(|b| b.last_valid),
            s.heterogeneity.sbg(),
            s.ops.clone(),
            s.lang,
            s.currency(),
        )
    });
    use_memo(
        (deps, health, renewal, team),
        |(deps, health, renewal, team)| {
            let (customers, baseline, heterogeneity, ops, lang, currency) = deps.as_ref()?;
            let cx = OpsContext {
                customers,
                health: health.as_ref().as_ref()?,
                forecast: renewal
                    .as_ref()
                    .as_ref()
                    .filter(|r| r.fit.is_ok())
                    .map(|r| &r.forecast),
                baseline: baseline.as_ref()?,
                heterogeneity,
                lang: *lang,
                currency: *currency,
            };
            Some(if *team {
                team_panels(&cx, ops)
            } else {
                operations_panels(&cx, ops)
            })
        },
    )
}
