//! What each section shows, memoised: every hook reads the app state, picks the typed slices a
//! `derive` function depends on and recomputes only when one of them changes. `None` outside
//! `App`'s provider.

use std::rc::Rc;

use yew::prelude::*;

use crate::chart::cohort_curves::CohortCurves;
use crate::data::Shared;
use crate::derive::cohorts::{self, CohortAnalysis};
use crate::derive::economics::{self, BridgeFigures, ScenariosFigures};
use crate::derive::health::{self, HealthFigures};
use crate::derive::heterogeneity::{self, HeterogeneityView};
use crate::derive::north_star::customers_in_use;
use crate::derive::operations::{self, PanelSet};
use crate::derive::panel::Panel;
use crate::derive::renewal::{self, RenewalFigures};
use crate::derive::strategy::{
    self,
    report::{strategy_report, StrategyReport},
};
use crate::hooks::app_context::use_app;
use crate::model::portfolio::Customer;
use crate::model::strategy::niche::SegmentRow;
use crate::model::strategy::niche_draft::draft_from_customers;
use crate::model::strategy::StrategyError;

/// The NDR bridge of the last valid inputs (a half-typed field changes nothing).
#[hook]
pub fn use_bridge() -> Rc<Option<BridgeFigures>> {
    let state = use_app();
    let deps = state
        .as_ref()
        .map(|s| (s.last_valid_bridge, s.lang, s.currency()));
    use_memo(deps, |deps| {
        deps.map(|(inputs, lang, currency)| economics::bridge_figures(&inputs, lang, currency))
    })
}

/// The scenarios' economics, projection, LTV bars and tornados.
#[hook]
pub fn use_scenarios() -> Rc<Option<ScenariosFigures>> {
    let state = use_app();
    let deps = state.as_ref().map(|s| {
        (
            economics::scenario_inputs(&s.scenarios),
            s.heterogeneity,
            s.lang,
            s.currency(),
        )
    });
    use_memo(deps, |deps| {
        deps.as_ref().map(|(list, heterogeneity, lang, currency)| {
            economics::scenarios(list, heterogeneity, *lang, *currency)
        })
    })
}

/// The customers the sections work on: as loaded, with the column chosen in the north-star
/// finder as their north star (`derive::north_star`). The same shared value as the loaded
/// customers while no column is chosen.
#[hook]
pub fn use_customers() -> Option<Shared<Vec<Customer>>> {
    let state = use_app();
    let deps = state.as_ref().map(|s| {
        (
            s.dataset.customers.clone(),
            s.health.north_star_column.clone(),
        )
    });
    let in_use = use_memo(deps, |deps| {
        deps.as_ref()
            .map(|(loaded, column)| customers_in_use(loaded, column.as_deref()))
    });
    (*in_use).clone()
}

/// The heterogeneity panel's lifetimes for the setting in use.
#[hook]
pub fn use_heterogeneity() -> Rc<Option<HeterogeneityView>> {
    let state = use_app();
    let deps = state.as_ref().map(|s| (s.heterogeneity, s.lang));
    use_memo(deps, |deps| {
        deps.map(|(setting, lang)| heterogeneity::heterogeneity_view(&setting, lang))
    })
}

/// The bands of retention economics' sBG figures when α and β came from a cohort fit.
#[hook]
pub fn use_fit_bands() -> Rc<Option<crate::derive::fit_bands::FitBands>> {
    let state = use_app();
    let deps = state.as_ref().map(|s| {
        let baseline = s.scenarios.list.first().map(|b| b.last_valid);
        (s.heterogeneity, baseline, s.lang, s.currency())
    });
    use_memo(deps, |deps| {
        deps.as_ref()
            .and_then(|(setting, baseline, lang, currency)| {
                crate::derive::fit_bands::fit_bands(setting, baseline.as_ref(), *lang, *currency)
            })
    })
}

/// The health section's figures for the scorecard in use and the tier rules.
#[hook]
pub fn use_health() -> Rc<Option<HealthFigures>> {
    let in_use = use_customers();
    use_health_of(in_use)
}

/// [`use_health`] of customers already derived, so a hook that needs them too derives them once.
#[hook]
fn use_health_of(in_use: Option<Shared<Vec<Customer>>>) -> Rc<Option<HealthFigures>> {
    let state = use_app();
    // The default card and the extra columns scan every customer: once per data.
    let basis = use_memo(in_use.clone(), |c| {
        c.as_ref().map(|c| health::health_basis(c))
    });
    let deps = state.as_ref().zip(in_use).map(|(s, customers)| {
        (
            customers,
            s.dataset.customers_origin.clone(),
            s.health.card.clone(),
            s.health.tier_rules,
            s.lang,
            s.currency(),
        )
    });
    use_memo((deps, basis), |(deps, basis)| {
        let ((customers, origin, card, rules, lang, currency), basis) =
            (deps.as_ref()?, basis.as_ref().as_ref()?);
        Some(health::health(
            customers,
            origin,
            card.as_ref(),
            rules,
            basis,
            *lang,
            *currency,
        ))
    })
}

/// The renewal fit of the loaded customers on the inputs chosen: it depends on the data and
/// the inputs only, so the lift slider and the Operations panels reuse it.
#[hook]
pub fn use_renewal_fit() -> Rc<Option<renewal::Fitted>> {
    let in_use = use_customers();
    use_renewal_fit_of(in_use)
}

/// [`use_renewal_fit`] of customers already derived.
#[hook]
fn use_renewal_fit_of(in_use: Option<Shared<Vec<Customer>>>) -> Rc<Option<renewal::Fitted>> {
    let state = use_app();
    let data = state.as_ref().zip(in_use).map(|(s, customers)| {
        (
            customers,
            s.dataset.customers_origin.clone(),
            s.health.renewal_inputs.clone(),
        )
    });
    use_memo(data, |data| match data {
        Some((customers, origin, inputs)) if !inputs.is_empty() => {
            Some(renewal::fit_renewal(customers, origin, inputs))
        }
        _ => None,
    })
}

/// The renewal section's figures.
#[hook]
pub fn use_renewal() -> Rc<Option<RenewalFigures>> {
    let state = use_app();
    let in_use = use_customers();
    let fitted = use_renewal_fit_of(in_use.clone());
    let deps = state.as_ref().zip(in_use).map(|(s, customers)| {
        (
            customers,
            s.health.renewal_inputs.clone(),
            s.health.north_star_lift,
            s.lang,
        )
    });
    // Keyed on the fit's own inputs (the fit is a function of them) and the lift.
    use_memo(deps, move |deps| {
        let ((customers, _, lift, lang), fitted) = (deps.as_ref()?, fitted.as_ref().as_ref()?);
        Some(renewal::renewal(customers, fitted, *lift, *lang))
    })
}

/// The Operations or Team panels, from the same health figures and renewal fit the other
/// sections use.
#[hook]
pub fn use_ops_panels(set: PanelSet) -> Rc<Option<Vec<Panel>>> {
    let state = use_app();
    // The customers in use derived once, for the health figures, the fit and the panels.
    let in_use = use_customers();
    let health = use_health_of(in_use.clone());
    let fitted = use_renewal_fit_of(in_use.clone());
    let deps = state.as_ref().zip(in_use).and_then(|(s, customers)| {
        Some((
            (
                customers,
                s.dataset.customers.clone(),
                s.health.north_star_column.clone(),
            ),
            s.dataset.customers_origin.clone(),
            s.health.card.clone(),
            s.health.tier_rules,
            s.health.renewal_inputs.clone(),
            s.scenarios.list.first()?.last_valid,
            s.heterogeneity.sbg(),
            s.ops.clone(),
            (s.lang, s.currency()),
            set,
        ))
    });
    // Keyed on what health and the fit are functions of, as `use_cohorts` is.
    use_memo(deps, move |deps| {
        let ((customers, loaded, column), _, _, rules, _, baseline, sbg, inputs, lc, set) =
            deps.as_ref()?;
        let figures = health.as_ref().as_ref()?;
        let (lang, currency) = lc;
        Some(operations::panels(
            *set,
            (customers, loaded, column.as_deref()),
            figures,
            fitted.as_ref().as_ref(),
            baseline,
            sbg,
            *rules,
            inputs,
            *lang,
            *currency,
        ))
    })
}

/// The cohorts of the loaded data, their sBG fit and the curves chart input for the cohorts
/// `compared` (labels picked in the section).
#[hook]
pub fn use_cohorts(
    compared: [Option<String>; 2],
) -> (Rc<Option<CohortAnalysis>>, Rc<Option<CohortCurves>>) {
    let state = use_app();
    let today = crate::hooks::storage::today_date();
    let data = state.as_ref().map(|s| {
        (
            s.dataset.subscriptions.clone(),
            s.dataset.cohort_table.clone(),
            cohorts::CohortBasis {
                grain: s.cohort_view.grain,
                today,
                as_of: s.cohort_view.as_of,
                table_period: s.cohort_view.table_period,
                calibration: s.cohort_view.calibration,
            },
        )
    });
    let analysis = use_memo(data.clone(), |data| {
        data.as_ref().map(|(subscriptions, table, basis)| {
            let cells = table.as_ref().map(|(cells, _)| cells.as_slice());
            cohorts::analyse(subscriptions, cells, *basis)
        })
    });
    let view = state.as_ref().map(|s| (s.cohort_view, s.lang));
    // Keyed on the analysis's own inputs: the analysis is a function of them.
    let curves = use_memo((data, view, compared), {
        let analysis = analysis.clone();
        move |(_, view, compared)| {
            let (analysis, (view, lang)) = (analysis.as_ref().as_ref()?, view.as_ref()?);
            Some(cohorts::curves(analysis, *view, *lang, compared))
        }
    });
    (analysis, curves)
}

/// The activation journeys' figures and waterfalls, side by side.
#[hook]
pub fn use_journeys() -> Rc<Option<Vec<strategy::JourneyView>>> {
    let state = use_app();
    let deps = state
        .as_ref()
        .map(|s| (s.strategy.journeys.clone(), s.lang));
    use_memo(deps, |deps| {
        deps.as_ref()
            .map(|(journeys, lang)| strategy::journey_views(journeys, *lang))
    })
}

/// The niche rows in use (pasted, or drafted from the customers' segments), how many
/// customers had no segment (`None` for pasted rows) and their scores.
pub type NicheFigures = (
    Vec<SegmentRow>,
    Option<usize>,
    Result<strategy::NicheView, StrategyError>,
);

#[hook]
pub fn use_niche() -> Rc<Option<NicheFigures>> {
    let state = use_app();
    let deps = state.as_ref().map(|s| {
        (
            s.strategy.niche_rows.clone(),
            s.dataset.customers.clone(),
            s.strategy.stickiness,
            s.strategy.weights,
            s.lang,
        )
    });
    use_memo(deps, |deps| {
        let (pasted, customers, source, weights, lang) = deps.as_ref()?;
        let (rows, without) = match pasted {
            Some(rows) => (rows.clone(), None),
            None => {
                let draft = draft_from_customers(customers, *source);
                (draft.rows, Some(draft.without_segment))
            }
        };
        let view = strategy::niche_view(&rows, weights, *lang);
        Some((rows, without, view))
    })
}

/// The organisation designer's figures for the inputs, profile and thresholds in use.
#[hook]
pub fn use_org() -> Rc<Option<Result<strategy::OrgView, StrategyError>>> {
    let state = use_app();
    let deps = state.as_ref().map(|s| {
        (
            s.strategy.org,
            s.strategy.profile,
            s.strategy.thresholds,
            s.lang,
        )
    });
    use_memo(deps, |deps| {
        let (org, profile, thresholds, lang) = deps.as_ref()?;
        let top = (org.customers * 3.0).max(100.0).round();
        let range = strategy::CustomerRange {
            from: 0.0,
            to: top,
            points: 21,
        };
        Some(strategy::org_view(org, *profile, thresholds, range, *lang))
    })
}

/// The Strategy page of the printable report; `None` while the inputs are the defaults.
#[hook]
pub fn use_strategy_report() -> Rc<Option<StrategyReport>> {
    let state = use_app();
    let deps = state.as_ref().map(|s| {
        (
            s.strategy.clone(),
            s.dataset.customers.clone(),
            s.lang,
            s.currency(),
        )
    });
    use_memo(deps, |deps| {
        let (strategy, customers, lang, currency) = deps.as_ref()?;
        strategy_report(strategy, customers, *lang, *currency)
    })
}
