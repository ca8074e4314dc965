//! App state and the actions that change it. `reduce` is pure: storage, URL and other browser
//! effects live in `hooks/`, which read this state and write it out. Components reach the
//! state with `hooks::app_context::use_app` and what the sections show through the memoised
//! hooks of `hooks::derived`.

use std::rc::Rc;

use yew::Reducible;

mod notice;
mod ops;
mod restore;
mod scorecard_edit;
mod section;
mod settings;
pub mod strategy;

pub use notice::{LinkProblem, Notice, OpenedFrom};
pub use scorecard_edit::ScorecardEdit;
pub use section::Section;
pub use settings::{EconomicsView, HealthSettings, ImportProgress};
pub use strategy::{StrategyAction, StrategyState};

use crate::data::{Dataset, Shared};
use crate::derive::health::default_scorecard;
use crate::derive::north_star::customers_in_use;
use crate::derive::panel::Request;
use crate::forms::bridge_form::{BridgeField, BridgeForm, EntryMode, SAMPLE_BRIDGE};
use crate::forms::ops_inputs::OpsInputs;
use crate::forms::scenario::{ScenarioAction, Scenarios};
use crate::forms::view_settings::{CohortView, Heterogeneity};
use crate::i18n::{Currency, Lang};
use crate::io::fields::{Field, Shape};
use crate::io::import::PendingImport;
use crate::io::import_error::{ImportError, ImportErrorKind};
use crate::io::mapping::Mapping;
use crate::io::records::{Built, Records};
use crate::model::health::{Measure as HealthMeasure, Stage};
use crate::model::retention::BridgeInputs;
use crate::model::sbg::Sbg;
use crate::model::tiers::TierRules;
use crate::persist::scenario_doc::ScenarioDoc;

/// App-wide state, provided by `components::app::App` to every component (read with
/// `hooks::app_context::use_app`).
pub type AppContext = yew::UseReducerHandle<AppState>;

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub lang: Lang,
    /// `None` follows the language (¥ for zh, $ for en) until the user picks one.
    pub chosen_currency: Option<Currency>,
    pub section: Section,
    pub bridge: BridgeForm,
    /// The last inputs that parsed, shown while a field holds an error.
    pub last_valid_bridge: BridgeInputs,
    pub notice: Option<Notice>,
    /// The data the sections work on (the sample until the user imports).
    pub dataset: Dataset,
    /// An import read and waiting in the mapping step.
    pub pending_import: Option<PendingImport>,
    /// Why the last import failed; the data above is untouched by it.
    pub import_error: Option<ImportError>,
    /// A file being read, and how far.
    pub import_progress: Option<ImportProgress>,
    /// How the cohorts section shows the data.
    pub cohort_view: CohortView,
    /// Customer heterogeneity for retention economics: sBG α, β per period.
    pub heterogeneity: Heterogeneity,
    /// Retention-economics scenarios: the baseline and up to three variants.
    pub scenarios: Scenarios,
    pub economics_view: EconomicsView,
    pub health: HealthSettings,
    /// Presentation mode: large type, editors folded, high contrast, arrows step sections.
    pub presenting: bool,
    /// The printable one-to-two-page report is shown instead of a section.
    pub report: bool,
    /// The Strategy section's inputs (saved with the scenario document).
    pub strategy: StrategyState,
    /// Settings of the Operations and Team panels (in memory, with the data).
    pub ops: OpsInputs,
}

pub enum Action {
    SetLang(Lang),
    SetCurrency(Currency),
    ShowSection(Section),
    SetBridgeText(BridgeField, String),
    SetEntryMode(EntryMode),
    ResetSample,
    DismissNotice,
    /// A file or paste was read (or failed to be).
    ImportRead(Result<PendingImport, ImportError>),
    ImportProgress(Option<ImportProgress>),
    /// The rows were checked against `Mapping` (ignored if the mapping changed since).
    ImportChecked(Mapping, Result<Shared<Built>, ImportError>),
    SetImportShape(Shape),
    SetImportColumn(Field, Option<usize>),
    /// Take the records built from the pending import (bad rows already left out).
    ConfirmImport(Shared<Built>),
    CancelImport,
    DismissImportError,
    /// Back to the built-in sample portfolio.
    ResetData,
    SetCohortView(CohortView),
    SetHeterogeneity(Heterogeneity),
    /// Take a cohort fit (α, β per period of this many months, the discount converted to that
    /// period) as the
    /// heterogeneity of retention economics and show it there among the scenarios: one step,
    /// so no render ever sees the fit taken but the section not yet switched.
    /// α and β of a cohort fit, its period in months and the covariance of (ln α, ln β).
    UseCohortFit(Sbg, u32, Option<[[f64; 2]; 2]>),
    Scenario(ScenarioAction),
    SetEconomicsView(EconomicsView),
    /// Change the scorecard in use (the default one until the first edit).
    EditScorecard(ScorecardEdit),
    ResetScorecard,
    SetWeightProfile(Stage),
    SetTierRules(TierRules),
    SetRenewalInputs(Vec<HealthMeasure>),
    SetNorthStarLift(f64),
    /// Replace the scenario inputs by an opened document (link, file or saved scenario).
    OpenScenarioDoc(Box<ScenarioDoc>, OpenedFrom),
    ShowNotice(Notice),
    TogglePresentation,
    /// Next (`true`) or previous section, wrapping around.
    StepSection(bool),
    ShowReport(bool),
    Strategy(StrategyAction),
    /// A button or setting of an Operations or Team panel.
    Ops(Request),
}

impl Default for AppState {
    fn default() -> Self {
        let bridge = BridgeForm::sample();
        let last_valid_bridge = sample_inputs();
        AppState {
            lang: Lang::default(),
            chosen_currency: None,
            section: Section::default(),
            bridge,
            last_valid_bridge,
            notice: None,
            dataset: Dataset::sample(),
            pending_import: None,
            import_error: None,
            import_progress: None,
            cohort_view: CohortView::default(),
            heterogeneity: Heterogeneity::default(),
            scenarios: Scenarios::sample(),
            economics_view: EconomicsView::default(),
            health: HealthSettings::default(),
            presenting: false,
            report: false,
            strategy: StrategyState::default(),
            ops: OpsInputs::default(),
        }
    }
}

fn sample_inputs() -> BridgeInputs {
    // The sample is a constant known to parse (tested); the fallback only keeps this total.
    BridgeForm::sample().parse().unwrap_or(SAMPLE_BRIDGE)
}

impl AppState {
    pub fn currency(&self) -> Currency {
        self.chosen_currency
            .unwrap_or_else(|| self.lang.default_currency())
    }

    /// The scenario inputs as a document, for a share link, a file or a saved scenario.
    pub fn scenario_doc(&self) -> ScenarioDoc {
        ScenarioDoc {
            currency: self.chosen_currency.map(|c| c.code().to_string()),
            scenarios: self.scenarios.clone(),
            sbg: self.heterogeneity.model,
            period_months: self.heterogeneity.period_months,
            discount: self.heterogeneity.discount,
            bridge: match self.bridge.parse() {
                Ok(_) => self.bridge.clone(),
                Err(_) => BridgeForm::from_inputs(&self.last_valid_bridge, self.bridge.mode),
            },
            strategy: Some(self.strategy.clone()),
        }
    }

    /// The scenarios, their heterogeneity and the Strategy inputs of a document (a document
    /// without Strategy inputs leaves them as they are); what restoring and opening share.
    fn take_doc_inputs(&mut self, doc: ScenarioDoc) {
        self.scenarios = doc.scenarios;
        if let Some(strategy) = doc.strategy {
            self.strategy = strategy;
        }
        self.heterogeneity = Heterogeneity {
            model: doc.sbg,
            period_months: doc.period_months,
            from_cohorts: false,
            discount: doc.discount,
            covariance: None,
        };
    }

    fn open_scenario_doc(&mut self, doc: ScenarioDoc, from: OpenedFrom) {
        if let Ok(inputs) = doc.bridge.parse() {
            self.last_valid_bridge = inputs;
        }
        self.bridge = doc.bridge.clone();
        if let Some(currency) = doc.currency.as_deref().and_then(Currency::from_code) {
            self.chosen_currency = Some(currency);
        }
        self.take_doc_inputs(doc);
        self.section = Section::Economics;
        self.economics_view = EconomicsView::Scenarios;
        self.report = false;
        self.notice = Some(Notice::Opened(from));
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::SetLang(lang) => {
                next.lang = lang;
            }
            Action::SetCurrency(currency) => next.chosen_currency = Some(currency),
            Action::ShowSection(section) => {
                next.section = section;
                next.report = false;
            }
            Action::SetBridgeText(field, text) => {
                next.bridge.set_text(field, text);
                if let Ok(inputs) = next.bridge.parse() {
                    next.last_valid_bridge = inputs;
                }
            }
            Action::SetEntryMode(mode) => {
                let inputs = next.bridge.parse().unwrap_or(next.last_valid_bridge);
                next.bridge = BridgeForm::from_inputs(&inputs, mode);
            }
            Action::ResetSample => {
                next.bridge = BridgeForm::sample();
                next.last_valid_bridge = sample_inputs();
            }
            Action::DismissNotice => next.notice = None,
            Action::ImportRead(Ok(pending)) => {
                next.pending_import = Some(pending);
                next.import_error = None;
                next.import_progress = None;
            }
            Action::ImportRead(Err(error)) => {
                next.pending_import = None;
                next.import_error = Some(error);
                next.import_progress = None;
            }
            Action::ImportProgress(progress) => next.import_progress = progress,
            Action::ImportChecked(mapping, checked) => {
                if let Some(pending) = next
                    .pending_import
                    .as_mut()
                    .filter(|p| p.mapping == mapping)
                {
                    pending.checked = Some(checked);
                }
            }
            Action::SetImportShape(shape) => {
                next.pending_import = next.pending_import.map(|p| p.with_shape(shape));
            }
            Action::SetImportColumn(field, column) => {
                if let Some(pending) = next.pending_import.as_mut() {
                    pending.mapping.set(field, column);
                    pending.checked = None;
                }
            }
            Action::ConfirmImport(built) => {
                if let Some(pending) = next.pending_import.take() {
                    if built.records.is_empty() {
                        next.import_error = Some(ImportError::file(
                            &pending.table.file,
                            ImportErrorKind::NoValidRows,
                        ));
                    } else {
                        next.dataset = built
                            .records
                            .clone()
                            .replace_in(&next.dataset, &pending.table.file);
                        next.import_error = None;
                        // A date or period chosen for the old data says nothing of the new.
                        next.cohort_view.as_of = None;
                        next.cohort_view.table_period = None;
                        if matches!(built.records, Records::Customers(_)) {
                            // The edited scorecard's targets belonged to the old customers,
                            // and so did the chosen north star and the panels' filters.
                            next.health.card = None;
                            next.health.north_star_column = None;
                            next.ops = OpsInputs::default();
                        }
                    }
                }
            }
            Action::CancelImport => next.pending_import = None,
            Action::DismissImportError => next.import_error = None,
            Action::SetCohortView(view) => next.cohort_view = view,
            Action::SetHeterogeneity(heterogeneity) => next.heterogeneity = heterogeneity,
            Action::Scenario(action) => next.scenarios.apply(action),
            Action::SetEconomicsView(view) => next.economics_view = view,
            Action::EditScorecard(edit) => {
                let card = next.health.card.clone();
                let card = card.unwrap_or_else(|| {
                    let column = next.health.north_star_column.as_deref();
                    default_scorecard(&customers_in_use(&next.dataset.customers, column))
                });
                if let Some(edited) = edit.apply(&card) {
                    next.health.card = Some(edited);
                }
            }
            Action::UseCohortFit(model, period_months, covariance) => {
                if crate::model::period::check_period_months(period_months).is_err() {
                    return self;
                }
                next.heterogeneity.model = model;
                // The discount follows the period: 1 % a month is 12.68 % a year, not 1 %.
                next.heterogeneity.discount = crate::model::period::convert_rate(
                    self.heterogeneity.discount,
                    self.heterogeneity.period_months,
                    period_months,
                );
                next.heterogeneity.period_months = period_months;
                next.heterogeneity.from_cohorts = true;
                next.heterogeneity.covariance = covariance;
                next.economics_view = EconomicsView::Scenarios;
                next.section = Section::Economics;
                next.report = false;
            }
            Action::ResetScorecard => next.health.card = None,
            Action::SetWeightProfile(stage) => next.health.profile = stage,
            Action::SetTierRules(rules) => next.health.tier_rules = rules,
            Action::SetRenewalInputs(inputs) => {
                if inputs.first() == Some(&HealthMeasure::NorthStar) {
                    next.health.renewal_inputs = inputs;
                }
            }
            Action::SetNorthStarLift(lift) => {
                if lift.is_finite() {
                    next.health.north_star_lift = lift.clamp(-0.9, 10.0);
                }
            }
            Action::OpenScenarioDoc(doc, from) => next.open_scenario_doc(*doc, from),
            Action::ShowNotice(notice) => next.notice = Some(notice),
            Action::TogglePresentation => next.presenting = !next.presenting,
            Action::StepSection(forward) => {
                let all = Section::ALL;
                let at = all.iter().position(|s| *s == next.section).unwrap_or(0);
                let step = if forward { 1 } else { all.len() - 1 };
                next.section = all[(at + step) % all.len()];
                next.report = false;
            }
            Action::ShowReport(shown) => next.report = shown,
            Action::Strategy(action) => next.strategy.apply(action),
            Action::Ops(request) => next.apply_ops(request),
            Action::ResetData => {
                next.dataset = Dataset::sample();
                next.health.card = None;
                next.health.north_star_column = None;
                next.ops = OpsInputs::default();
                next.pending_import = None;
                next.import_error = None;
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests;
