//! The Operations and Team panels for the state. They are computed by the on-demand
//! operations worker (`derive::operations::job`): the page sends a job whenever what the panels
//! read changes and shows the latest answer; until the first one arrives it says it is working.

use std::rc::Rc;

use yew::prelude::*;

use super::use_app;
use crate::derive::operations::job::PanelsJob;
use crate::derive::shown_panel::ShownPanel;
use crate::hooks::workbook::{send, WorkerKind};
use crate::io::worker_protocol::{Reply, Request, WorkerFailure};

/// What the section shows: nothing yet, the panels, or why the worker gave none.
#[derive(Debug, Clone, PartialEq)]
pub enum OpsPanels {
    Working,
    Ready(Rc<Vec<ShownPanel>>),
    Failed(WorkerFailure),
}

/// The Team section's panels when `team`, the Operations section's otherwise.
#[hook]
pub fn use_ops_panels(team: bool) -> OpsPanels {
    let shown = use_state(|| OpsPanels::Working);
    let state = use_app();
    // Keyed on the customers' identity (a shared Rc, compared in O(1)), not their rows: the
    // job, with its copy of every customer, is built only when something it holds changed.
    let deps = state.as_ref().and_then(|s| {
        Some((
            s.dataset.customers.clone(),
            s.dataset.customers_origin.clone(),
            s.health.card.clone(),
            s.health.tier_rules,
            s.health.renewal_inputs.clone(),
            s.scenarios.list.first()?.last_valid,
            s.heterogeneity.sbg(),
            s.ops.clone(),
            s.lang,
            s.currency(),
            team,
        ))
    });
    {
        let shown = shown.clone();
        use_effect_with(deps, move |deps| {
            if let Some(d) = deps.clone() {
                let job = Box::new(PanelsJob {
                    team: d.10,
                    customers: d.0.to_vec(),
                    origin: d.1,
                    card: d.2,
                    tier_rules: d.3,
                    renewal_inputs: d.4,
                    baseline: d.5,
                    heterogeneity: d.6,
                    ops: d.7,
                    lang: d.8,
                    currency: d.9,
                });
                let on_reply = Callback::from(move |(reply, _): (Reply, Vec<u8>)| match reply {
                    Reply::Panels { panels, .. } => shown.set(OpsPanels::Ready(Rc::new(panels))),
                    Reply::Failed { failure, .. } => shown.set(OpsPanels::Failed(failure)),
                    _ => {}
                });
                send(
                    WorkerKind::Ops,
                    move |id| Request::Panels { id, job },
                    Vec::new(),
                    on_reply,
                );
            }
        });
    }
    (*shown).clone()
}
