//! The Strategy section (issue #19): what each tool shows, as plain structs of figures and chart
//! inputs computed from the models in [`crate::model::strategy`].
//! Labels come from the `i18n::StrategyKey` table.

mod niche_bubbles;
pub mod report;

pub use niche_bubbles::{niche_bubbles, SHORT_CYCLE};

use crate::chart::bars::{Bar, Bars};
use crate::chart::palette;
use crate::chart::waterfall::{Step, StepKind, Waterfall};
use crate::i18n::StrategyCoreKey;
use crate::i18n::{Lang, StrategyKey};
use crate::model::strategy::activation::{evaluate, seed_presets, JourneyResult, NamedJourney};
use crate::model::strategy::niche::{score, NicheScores, SegmentRow, Weights};
use crate::model::strategy::org::{design, Headcount, OrgDesign, OrgInputs, OrgModel};
use crate::model::strategy::org_advice::{
    cost_series, customer_points, recommend, Profile, Recommendation, Thresholds,
};
use crate::model::strategy::three_f::{three_f, Checklist, Criterion, ThreeF, F};
use crate::model::strategy::StrategyError;

/// One journey of the activation-friction index (PLG激活-摩擦指数, seed 004).
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyView {
    pub name: String,
    pub result: JourneyResult,
    /// Pre-charge (total), each touchpoint (up or down by its points), net (total).
    pub waterfall: Waterfall,
    /// The lowest balance, the pre-charge included.
    pub lowest_balance: i32,
    /// True when a balance goes below 0: `chart::waterfall::draw` starts its axis at 0 and
    /// would cut those bars off, so the view should say so or use a chart that can go negative.
    pub dips_below_zero: bool,
}

/// A journey's figures and waterfall (steps in points, not money).
pub fn journey_view(journey: &NamedJourney, lang: Lang) -> JourneyView {
    let result = evaluate(&journey.journey);
    let pre_charge = journey.journey.pre_charge.points();
    let mut steps = vec![Step {
        label: lang.t(StrategyKey::PreCharge).to_string(),
        kind: StepKind::Total,
        amount: f64::from(pre_charge),
    }];
    steps.extend(journey.journey.touchpoints.iter().map(|t| {
        let points = t.rating.points();
        Step {
            label: t.name.text(lang == Lang::Zh),
            kind: if points < 0 {
                StepKind::Decrease
            } else {
                StepKind::Increase
            },
            amount: f64::from(points.abs()),
        }
    }));
    steps.push(Step {
        label: lang.t(StrategyKey::Net).to_string(),
        kind: StepKind::Total,
        amount: f64::from(result.net),
    });
    let lowest_balance = result.balances.iter().copied().fold(pre_charge, i32::min);
    let name = journey.name.text(lang == Lang::Zh);
    JourneyView {
        name: name.clone(),
        waterfall: Waterfall {
            title: name,
            y_label: lang.t(StrategyKey::FrictionIndex).to_string(),
            steps,
        },
        lowest_balance,
        dips_below_zero: lowest_balance < 0,
        result,
    }
}

/// Several journeys side by side (one per persona), in the order given.
pub fn journey_views(journeys: &[NamedJourney], lang: Lang) -> Vec<JourneyView> {
    journeys.iter().map(|j| journey_view(j, lang)).collect()
}

/// The seed's two example journeys, their names the presets' own (shown in the UI language).
pub fn preset_journeys() -> Vec<NamedJourney> {
    seed_presets()
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.journey(i as u8).ok())
        .collect()
}

/// One F of the checklist: met, and its criteria with their ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct FGroup {
    pub f: F,
    pub met: bool,
    pub criteria: Vec<(Criterion, bool)>,
}

/// The 3F test (3F确认原则, seed 004) with each F's criteria for a checklist view.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreeFView {
    pub result: ThreeF,
    /// Function, Frequency, Free in the seed's order.
    pub groups: Vec<FGroup>,
}

/// The 3F result ([`three_f`]) with each F's criteria grouped for the checklist.
pub fn three_f_view(checklist: &Checklist) -> ThreeFView {
    let result = three_f(checklist);
    let groups = result
        .met
        .iter()
        .map(|&(f, met)| {
            let criteria = Criterion::ALL
                .into_iter()
                .filter(|c| c.f() == f)
                .map(|c| (c, checklist.ticked(c)))
                .collect();
            FGroup { f, met, criteria }
        })
        .collect();
    ThreeFView { result, groups }
}

/// Niche-market scores (利基市场, seed 004) and their ranked bars.
#[derive(Debug, Clone, PartialEq)]
pub struct NicheView {
    pub scores: NicheScores,
    /// Row indices from rank 1 down (ties in input order); rows without a score last.
    pub order: Vec<usize>,
    /// One bar per scored row in rank order, rank 1 in green; `None` when no row has a score.
    pub bars: Option<Bars>,
}

/// Scores ([`score`]: min–max normalised indicators, weighted mean × 100, competition rank)
/// with the rows in rank order and their bars.
///
/// # Errors
/// What [`score`] rejects (a located cell or weight).
pub fn niche_view(
    rows: &[SegmentRow],
    weights: &Weights,
    lang: Lang,
) -> Result<NicheView, StrategyError> {
    let scores = score(rows, weights)?;
    let mut order: Vec<usize> = (0..scores.rows.len()).collect();
    order.sort_by_key(|&i| scores.rows[i].rank.unwrap_or(usize::MAX));
    let bars: Vec<Bar> = order
        .iter()
        .filter_map(|&i| {
            let row = &scores.rows[i];
            Some(Bar {
                label: row.segment.clone(),
                value: row.score?,
                colour: if row.rank == Some(1) {
                    palette::GREEN
                } else {
                    palette::BLUE
                },
            })
        })
        .collect();
    let bars = (!bars.is_empty()).then(|| Bars {
        title: lang.t(StrategyKey::NicheTitle).to_string(),
        x_label: lang.t(StrategyCoreKey::Segment).to_string(),
        y_label: lang.t(StrategyCoreKey::Score).to_string(),
        bars,
    });
    Ok(NicheView {
        scores,
        order,
        bars,
    })
}

/// The people each role needs, roles with nobody left out: "CSM 12 · Support 3".
pub fn roles_text(lang: Lang, h: &Headcount) -> String {
    [
        (lang.t(crate::i18n::FieldKey::Csm), h.csm),
        (lang.t(StrategyCoreKey::RoleSupport), h.support),
        (lang.t(StrategyCoreKey::RoleImplementer), h.implementer),
        (lang.t(StrategyCoreKey::RoleServiceOps), h.service_ops),
        (lang.t(StrategyCoreKey::RoleTech), h.tech_support),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(role, n)| format!("{role} {n}"))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// Name of an organisation model (seed 002).
pub fn org_model_label(lang: Lang, model: OrgModel) -> &'static str {
    lang.t(match model {
        OrgModel::FullStack => StrategyCoreKey::FullStack,
        OrgModel::ProactiveReactive => StrategyCoreKey::ProactiveReactive,
        OrgModel::Refined => StrategyCoreKey::Refined,
        OrgModel::Integrated => StrategyCoreKey::Integrated,
    })
}

/// One model's cost at each customer count.
#[derive(Debug, Clone, PartialEq)]
pub struct CostLine {
    pub model: OrgModel,
    pub label: String,
    pub values: Vec<f64>,
}

/// CS cost against customers, one line per model (x is a customer count, which neither
/// `chart::projection` nor `chart::cohort_curves` takes: they index years and periods).
#[derive(Debug, Clone, PartialEq)]
pub struct CostLines {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub customers: Vec<f64>,
    pub lines: Vec<CostLine>,
}

/// The organisation designer (seed 002, seed 000 人效).
#[derive(Debug, Clone, PartialEq)]
pub struct OrgView {
    pub design: OrgDesign,
    pub recommendation: Recommendation,
    /// The model with the lowest CS cost (the simplest of equals).
    pub cheapest: OrgModel,
    /// The model with the highest 人效 (the simplest of equals); `None` with no staff at all.
    pub best_arr_per_head: Option<OrgModel>,
    pub cost_lines: CostLines,
}

/// Customer range of the cost chart: from, to (inclusive) and number of points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CustomerRange {
    pub from: f64,
    pub to: f64,
    pub points: usize,
}

/// The four models ([`design`]: headcount, cost, cost / ARR, 人效 = ARR / headcount, commission
/// saved), seed 002's recommendation ([`recommend`]), and cost per model over `range`
/// ([`cost_series`]).
///
/// # Errors
/// What [`design`], [`recommend`], [`customer_points`] or [`cost_series`] reject.
pub fn org_view(
    inputs: &OrgInputs,
    profile: Profile,
    thresholds: &Thresholds,
    range: CustomerRange,
    lang: Lang,
) -> Result<OrgView, StrategyError> {
    let design = design(inputs)?;
    let recommendation = recommend(inputs.customers, inputs.arpa, profile, thresholds)?;
    let series = cost_series(
        inputs,
        &customer_points(range.from, range.to, range.points)?,
    )?;
    let mut cheapest = design.models[0];
    let mut best: Option<(OrgModel, f64)> = None;
    for m in &design.models {
        if m.cost < cheapest.cost {
            cheapest = *m;
        }
        if let Some(v) = m.arr_per_head {
            if best.is_none_or(|(_, b)| v > b) {
                best = Some((m.model, v));
            }
        }
    }
    let lines = series
        .lines
        .into_iter()
        .map(|(model, values)| CostLine {
            model,
            label: org_model_label(lang, model).to_string(),
            values,
        })
        .collect();
    Ok(OrgView {
        cheapest: cheapest.model,
        best_arr_per_head: best.map(|(m, _)| m),
        recommendation,
        cost_lines: CostLines {
            title: lang.t(StrategyKey::CostTitle).to_string(),
            x_label: lang.t(StrategyKey::CostCustomers).to_string(),
            y_label: lang.t(StrategyKey::CostAxis).to_string(),
            customers: series.customers,
            lines,
        },
        design,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
