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
    let job = state.as_ref().and_then(|s| {
        Some(PanelsJob {
            team,
            customers: s.dataset.customers.to_vec(),
            origin: s.dataset.customers_origin.clone(),
            card: s.health.card.clone(),
            tier_rules: s.health.tier_rules,
            renewal_inputs: s.health.renewal_inputs.clone(),
            baseline: s.scenarios.list.first()?.last_valid,
            heterogeneity: s.heterogeneity.sbg(),
            ops: s.ops.clone(),
            lang: s.lang,
            currency: s.currency(),
        })
    });
    {
        let shown = shown.clone();
        use_effect_with(job, move |job| {
            if let Some(job) = job.clone() {
                let on_reply = Callback::from(move |(reply, _): (Reply, Vec<u8>)| match reply {
                    Reply::Panels { panels, .. } => shown.set(OpsPanels::Ready(Rc::new(panels))),
                    Reply::Failed { failure, .. } => shown.set(OpsPanels::Failed(failure)),
                    _ => {}
                });
                let job = Box::new(job);
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
