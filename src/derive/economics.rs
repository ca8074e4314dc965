//! Retention economics: the NDR bridge of one year's ARR movements, and the scenarios side by
//! side with their projection, LTV comparison and the baseline's sensitivity (tornado) inputs.

use crate::chart::ltv_bars::{LtvBars, LtvGroup};
use crate::chart::projection::{Projection, ScenarioSeries};
use crate::chart::tornado::{Tornado, TornadoBar};
use crate::chart::waterfall::{Step, StepKind, Waterfall};
use crate::forms::scenario::{ScenarioName, Scenarios};
use crate::forms::view_settings::Heterogeneity;
use crate::i18n::{scenario_name, Currency, EconKey, Key, Lang};
use crate::model::economics::{economics, Economics, EconomicsInputs};
use crate::model::error::ModelError;
use crate::model::retention::{bridge, grr_band, ndr_band, Bridge, BridgeInputs, GrrBand, NdrBand};
use crate::model::sensitivity::{perturb, Lever};

/// What the bridge view shows for the last valid inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct BridgeFigures {
    pub inputs: BridgeInputs,
    /// The ratios, or why the model refused the inputs (translated by the view).
    pub bridge: Result<Bridge, ModelError>,
    pub bands: Option<(NdrBand, GrrBand)>,
    /// The waterfall from start to end ARR (when the bridge computed).
    pub waterfall: Option<Waterfall>,
}

pub fn bridge_figures(inputs: &BridgeInputs, lang: Lang, currency: Currency) -> BridgeFigures {
    let computed = bridge(*inputs);
    let ok = computed.as_ref().ok();
    BridgeFigures {
        inputs: *inputs,
        bands: ok.map(|b| (ndr_band(b.ndr), grr_band(b.grr))),
        waterfall: ok.map(|b| waterfall(inputs, b, lang, currency)),
        bridge: computed,
    }
}

fn waterfall(inputs: &BridgeInputs, b: &Bridge, lang: Lang, currency: Currency) -> Waterfall {
    let step = |key: Key, kind: StepKind, amount: f64| Step {
        label: lang.t(key).to_string(),
        kind,
        amount,
    };
    Waterfall {
        title: lang.t(Key::ChartWaterfallTitle).to_string(),
        y_label: format!("{} ({})", lang.t(Key::ChartAxisArr), currency.symbol()),
        steps: vec![
            step(Key::BarStart, StepKind::Total, inputs.start_arr),
            step(Key::BarChurn, StepKind::Decrease, inputs.churned_arr),
            step(
                Key::BarContraction,
                StepKind::Decrease,
                inputs.contraction_arr,
            ),
            step(Key::BarExpansion, StepKind::Increase, inputs.expansion_arr),
            step(Key::BarEnd, StepKind::Total, b.end_arr),
        ],
    }
}

/// The bridge's inputs and results as (label, value) rows in `lang`, for the figures
/// download.
pub fn bridge_rows(inputs: &BridgeInputs, b: &Bridge, lang: Lang) -> [(&'static str, f64); 9] {
    [
        (lang.t(Key::StartArr), inputs.start_arr),
        (lang.t(Key::ChurnedArr), inputs.churned_arr),
        (lang.t(Key::ContractionArr), inputs.contraction_arr),
        (lang.t(Key::ExpansionArr), inputs.expansion_arr),
        (lang.t(Key::BarEnd), b.end_arr),
        (lang.t(EconKey::Ndr), b.ndr),
        (lang.t(EconKey::Grr), b.grr),
        (lang.t(Key::GrossChurn), b.gross_churn),
        (lang.t(Key::NetChurn), b.net_churn),
    ]
}

/// Which metric a tornado shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TornadoMetric {
    Ltv,
    Ndr,
}

/// What the scenarios view and the report show.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenariosFigures {
    /// The scenarios' names as shown (names the app gave, in the UI language).
    pub names: Vec<String>,
    /// The economics of each scenario's last valid inputs, or why they could not be computed.
    pub results: Vec<Result<Economics, ModelError>>,
    /// The results table: every figure across the scenarios, with benchmarks and deltas.
    pub rows: Vec<ResultRow>,
    /// Revenue from today's customers and with new business, one series per valid scenario.
    pub projection: Projection,
    pub ltv: LtvBars,
    /// The baseline's LTV and NDR tornados; `None` without scenarios, `Err` when the baseline's
    /// inputs cannot be perturbed.
    pub tornados: Option<Result<[Tornado; 2], ModelError>>,
}

/// Each scenario's name as stored and its last valid inputs: all the scenarios' figures depend
/// on (text still being typed does not).
pub fn scenario_inputs(scenarios: &Scenarios) -> Vec<(ScenarioName, EconomicsInputs)> {
    scenarios
        .list
        .iter()
        .map(|s| (s.name.clone(), s.last_valid))
        .collect()
}

/// `scenarios` as [`scenario_inputs`] gives them, the baseline first.
pub fn scenarios(
    scenarios: &[(ScenarioName, EconomicsInputs)],
    heterogeneity: &Heterogeneity,
    lang: Lang,
    currency: Currency,
) -> ScenariosFigures {
    let sbg = &heterogeneity.sbg();
    let names: Vec<String> = scenarios
        .iter()
        .map(|(name, _)| scenario_name(name, lang))
        .collect();
    let results: Vec<Result<Economics, ModelError>> = scenarios
        .iter()
        .map(|(_, inputs)| economics(inputs, sbg))
        .collect();
    let valid: Vec<(&String, &Economics)> = names
        .iter()
        .zip(&results)
        .filter_map(|(n, r)| r.as_ref().ok().map(|e| (n, e)))
        .collect();
    let tornados = scenarios.first().map(|(_, baseline)| {
        let perturbed = perturb(baseline, sbg)?;
        Ok([TornadoMetric::Ltv, TornadoMetric::Ndr].map(|metric| {
            let get: fn(&Economics) -> f64 = match metric {
                TornadoMetric::Ltv => |e| e.ltv_discounted,
                TornadoMetric::Ndr => |e| e.ndr,
            };
            let (base, moved) = perturbed.swings(get);
            tornado(metric, base, &moved, lang, currency)
        }))
    });
    ScenariosFigures {
        rows: result_rows(&results, lang),
        projection: projection(&valid, lang, currency),
        ltv: ltv_bars(&valid, lang, currency),
        tornados,
        names,
        results,
    }
}

fn projection(valid: &[(&String, &Economics)], lang: Lang, currency: Currency) -> Projection {
    Projection {
        title: lang.t(EconKey::ProjectionTitle).into(),
        x_label: lang.t(EconKey::Years).into(),
        y_label: format!(
            "{} ({})",
            lang.t(EconKey::ProjectionAxis),
            currency.symbol()
        ),
        existing_label: lang.t(EconKey::ExistingRevenue).into(),
        total_label: lang.t(EconKey::WithNewBusiness).into(),
        scenarios: valid
            .iter()
            .map(|(name, e)| ScenarioSeries {
                name: (*name).clone(),
                existing: e.existing_revenue.clone(),
                total: e.total_revenue.clone(),
            })
            .collect(),
    }
}

fn ltv_bars(valid: &[(&String, &Economics)], lang: Lang, currency: Currency) -> LtvBars {
    LtvBars {
        title: lang.t(EconKey::LtvBarsTitle).into(),
        y_label: format!("LTV ({})", currency.symbol()),
        methods: [
            lang.t(EconKey::Simple).into(),
            lang.t(EconKey::Discounted).into(),
            lang.t(EconKey::SingleRate).into(),
            lang.t(EconKey::Sbg).into(),
        ],
        groups: valid
            .iter()
            .map(|(name, e)| LtvGroup {
                scenario: (*name).clone(),
                // An undefined simple LTV (no churn) has no bar. One churn rate is sBG's
                // like-for-like comparator: same mean churn, horizon and discounting.
                values: [
                    e.ltv_simple,
                    Some(e.ltv_discounted),
                    Some(e.ltv_single_rate),
                    Some(e.ltv_sbg),
                ],
            })
            .collect(),
    }
}

fn tornado(
    metric: TornadoMetric,
    base: f64,
    moved: &[crate::model::sensitivity::Swing],
    lang: Lang,
    currency: Currency,
) -> Tornado {
    Tornado {
        title: lang
            .t(match metric {
                TornadoMetric::Ltv => EconKey::TornadoLtvTitle,
                TornadoMetric::Ndr => EconKey::TornadoNdrTitle,
            })
            .into(),
        x_label: match metric {
            TornadoMetric::Ltv => format!("LTV ({})", currency.symbol()),
            TornadoMetric::Ndr => "NDR (%)".into(),
        },
        low_label: lang.t(EconKey::Minus10).into(),
        high_label: lang.t(EconKey::Plus10).into(),
        base,
        // The six levers that move the metric most; levers that do not move it are left out.
        bars: moved
            .iter()
            .filter(|s| (s.high - s.low).abs() > 1e-9 * base.abs().max(1.0))
            .take(6)
            .map(|s| TornadoBar {
                label: lang.t(lever_label(s.lever)).into(),
                low: s.low,
                high: s.high,
            })
            .collect(),
    }
}

fn lever_label(lever: Lever) -> EconKey {
    match lever {
        Lever::Arpa => EconKey::Arpa,
        Lever::Churn => EconKey::LogoChurn,
        Lever::Contraction => EconKey::Contraction,
        Lever::Expansion => EconKey::Expansion,
        Lever::Referral => EconKey::Referral,
        Lever::NewBusiness => EconKey::NewBusiness,
        Lever::GrossMargin => EconKey::GrossMargin,
        Lever::Cac => EconKey::Cac,
        Lever::Discount => EconKey::DiscountRate,
    }
}

mod results;
pub use results::{result_rows, Benchmark, Cell, Delta, Kind, ResultRow};

#[cfg(test)]
mod tests;
