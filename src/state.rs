//! App state and the actions that change it. `reduce` is pure: storage, URL and other browser
//! effects live in `hooks/`, which read this state and write it out.

use std::rc::Rc;

use yew::Reducible;

use crate::data::bridge_form::{BridgeField, BridgeForm, EntryMode};
use crate::data::dataset::{Dataset, Shared};
use crate::data::fields::{Field, Shape};
use crate::data::import::PendingImport;
use crate::data::import_error::{ImportError, ImportErrorKind};
use crate::data::mapping::Mapping;
use crate::data::records::{Built, Records};
use crate::data::scenario::{ScenarioAction, Scenarios};
use crate::data::scenario_doc::{DocError, ScenarioDoc};
use crate::data::stored;
use crate::i18n::{Currency, Lang};
use crate::model::cohort::{Grain, Measure};
use crate::model::health::{Measure as HealthMeasure, Scorecard, Stage};
use crate::model::retention::BridgeInputs;
use crate::model::sbg::Sbg;
use crate::model::tiers::TierRules;

/// A message shown in the banner until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Saved inputs could not be read and were replaced by the sample.
    StoredInputsIgnored,
    /// Scenarios were opened (not an error: says where they came from).
    Opened(OpenedFrom),
    /// A share link could not be opened; the app kept what it showed.
    LinkUnreadable(LinkProblem),
    /// A scenario file was refused, with the reason.
    FileRefused { file: String, error: DocError },
    /// A saved scenario could not be read; the others still work.
    SavedUnreadable(String),
    /// The browser refused to store (quota, private mode); nothing on screen was lost.
    StorageRefused,
}

impl Notice {
    /// Whether the notice reports a problem (an alert) rather than an outcome.
    pub fn is_problem(&self) -> bool {
        !matches!(self, Notice::Opened(_))
    }
}

/// Where opened scenarios came from.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenedFrom {
    Link,
    File(String),
    Saved(String),
}

/// Why a share link was not opened.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkProblem {
    /// Cut short or altered (the bytes do not decompress, or not to a document).
    Damaged,
    NewerVersion(u32),
    /// It decompressed to a document with a fault.
    Invalid(DocError),
}

/// The sections of the app; only those that work are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    Data,
    #[default]
    Economics,
    Health,
    Renewal,
    Cohorts,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Data,
        Section::Economics,
        Section::Health,
        Section::Renewal,
        Section::Cohorts,
    ];

    /// The `data-testid` suffix of its navigation entry.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Data => "data",
            Section::Economics => "economics",
            Section::Health => "health",
            Section::Renewal => "renewal",
            Section::Cohorts => "cohorts",
        }
    }
}

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
}

/// Settings of the health and renewal sections.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthSettings {
    /// `None`: the default scorecard for the loaded customers (its north-star target follows
    /// the data); `Some` once the user edits it.
    pub card: Option<Scorecard>,
    /// The stage whose weights the editor shows.
    pub profile: Stage,
    pub tier_rules: TierRules,
    /// Inputs of the renewal model, the north star first.
    pub renewal_inputs: Vec<HealthMeasure>,
    /// "If the north star rises by X %": a fraction.
    pub north_star_lift: f64,
}

impl Default for HealthSettings {
    fn default() -> Self {
        HealthSettings {
            card: None,
            profile: Stage::Steady,
            tier_rules: TierRules::default(),
            renewal_inputs: vec![HealthMeasure::NorthStar],
            north_star_lift: 0.1,
        }
    }
}

/// What the retention-economics section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EconomicsView {
    #[default]
    Bridge,
    Scenarios,
}

/// The sBG setting of retention economics, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heterogeneity {
    pub model: Sbg,
    /// `Some(grain)` when taken from a cohort fit (periods are then months or quarters).
    pub from_cohorts: Option<Grain>,
    /// Discount rate per period, a fraction.
    pub discount: f64,
}

impl Default for Heterogeneity {
    fn default() -> Self {
        // 3 % mean monthly churn, polarisation 0.1, 1 % discount per month (≈ 12.7 % a year).
        Heterogeneity {
            model: Sbg {
                alpha: 0.27,
                beta: 8.73,
            },
            from_cohorts: None,
            discount: 0.01,
        }
    }
}

/// View settings of the cohorts section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CohortView {
    pub measure: Measure,
    pub grain: Grain,
    /// Show counts (customers, revenue) instead of percentages.
    pub absolute: bool,
}

/// How far a large import has got (reading happens in chunks between repaints).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProgress {
    pub file: String,
    pub rows: usize,
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
    Scenario(ScenarioAction),
    SetEconomicsView(EconomicsView),
    SetScorecard(Scorecard),
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
            scenarios: Scenarios::sample(Lang::default().t(crate::i18n::EconKey::Baseline)),
            economics_view: EconomicsView::default(),
            health: HealthSettings::default(),
            presenting: false,
            report: false,
        }
    }
}

fn sample_inputs() -> BridgeInputs {
    // The sample is a constant known to parse (tested); the fallback only keeps this total.
    BridgeForm::sample().parse().unwrap_or(BridgeInputs {
        start_arr: 1.0,
        churned_arr: 0.0,
        contraction_arr: 0.0,
        expansion_arr: 0.0,
    })
}

impl AppState {
    /// Builds the start-up state from what the browser had stored (each `None` when absent):
    /// language, currency, the bridge form and the working scenarios (a scenario document).
    /// Anything unreadable is ignored with a notice; a stored form with a half-typed field is
    /// kept as typed, with the sample as the last valid inputs.
    pub fn restore(
        lang: Option<&str>,
        currency: Option<&str>,
        bridge: Option<&str>,
        scenarios: Option<&str>,
    ) -> AppState {
        let mut state = AppState {
            lang: lang.and_then(Lang::from_code).unwrap_or_default(),
            chosen_currency: currency.and_then(Currency::from_code),
            ..AppState::default()
        };
        if let Some(text) = bridge {
            match stored::decode_bridge(text) {
                Ok(form) => {
                    if let Ok(inputs) = form.parse() {
                        state.last_valid_bridge = inputs;
                    }
                    state.bridge = form;
                }
                Err(_) => state.notice = Some(Notice::StoredInputsIgnored),
            }
        }
        if let Some(text) = scenarios {
            match crate::data::scenario_doc::from_json(text) {
                Ok(doc) => {
                    state.scenarios = doc.scenarios;
                    state.heterogeneity = Heterogeneity {
                        model: doc.sbg,
                        from_cohorts: None,
                        discount: doc.discount,
                    };
                }
                Err(_) => state.notice = Some(Notice::StoredInputsIgnored),
            }
        }
        state
    }

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
            discount: self.heterogeneity.discount,
            bridge: match self.bridge.parse() {
                Ok(_) => self.bridge.clone(),
                Err(_) => BridgeForm::from_inputs(&self.last_valid_bridge, self.bridge.mode),
            },
        }
    }

    fn open_scenario_doc(&mut self, doc: ScenarioDoc, from: OpenedFrom) {
        if let Ok(inputs) = doc.bridge.parse() {
            self.last_valid_bridge = inputs;
        }
        self.bridge = doc.bridge;
        self.scenarios = doc.scenarios;
        self.heterogeneity = Heterogeneity {
            model: doc.sbg,
            from_cohorts: None,
            discount: doc.discount,
        };
        if let Some(currency) = doc.currency.as_deref().and_then(Currency::from_code) {
            self.chosen_currency = Some(currency);
        }
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
            Action::SetLang(lang) => next.lang = lang,
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
                        next.dataset = next
                            .dataset
                            .with(built.records.clone(), &pending.table.file);
                        next.import_error = None;
                        if matches!(built.records, Records::Customers(_)) {
                            // The edited scorecard's targets belonged to the old customers.
                            next.health.card = None;
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
            Action::SetScorecard(card) => next.health.card = Some(card),
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
            Action::ResetData => {
                next.dataset = Dataset::sample();
                next.health.card = None;
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
mod tests {
    use super::*;

    fn apply(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn invalid_text_keeps_last_valid_inputs() {
        let state = apply(
            AppState::default(),
            Action::SetBridgeText(BridgeField::Churned, "x".into()),
        );
        assert_eq!(state.bridge.churned, "x");
        assert_eq!(state.last_valid_bridge, sample_inputs());
        let state = apply(
            state,
            Action::SetBridgeText(BridgeField::Churned, "0".into()),
        );
        assert_eq!(state.last_valid_bridge.churned_arr, 0.0);
    }

    #[test]
    fn corrupt_storage_gives_sample_and_notice() {
        let state = AppState::restore(Some("en"), Some("EUR"), Some("{broken"), None);
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.currency(), Currency::Eur);
        assert_eq!(state.bridge, BridgeForm::sample());
        assert_eq!(state.notice, Some(Notice::StoredInputsIgnored));
    }

    #[test]
    fn working_scenarios_survive_a_reload_and_a_broken_copy_is_ignored() {
        use crate::data::scenario::{Preset, ScenarioAction};
        use crate::data::scenario_doc::to_json;
        let mut before = AppState::default();
        before.scenarios.apply(ScenarioAction::AddPreset(
            Preset::UpsellToNdr120,
            "NDR 120".into(),
        ));
        before.heterogeneity.discount = 0.03;
        let stored = to_json(&before.scenario_doc());
        let after = AppState::restore(None, None, None, Some(&stored));
        assert_eq!(after.scenarios, before.scenarios);
        assert_eq!(after.heterogeneity.discount, 0.03);
        assert_eq!(after.notice, None);
        let broken = AppState::restore(None, None, None, Some(&stored[..40]));
        assert_eq!(broken.scenarios, AppState::default().scenarios);
        assert_eq!(broken.notice, Some(Notice::StoredInputsIgnored));
    }

    #[test]
    fn currency_follows_language_until_chosen() {
        let state = apply(AppState::default(), Action::SetLang(Lang::En));
        assert_eq!(state.currency(), Currency::Usd);
        let state = apply(state, Action::SetCurrency(Currency::Cny));
        assert_eq!(
            apply(state, Action::SetLang(Lang::En)).currency(),
            Currency::Cny
        );
    }

    #[test]
    fn no_op_returns_the_same_state() {
        let state = Rc::new(AppState::default());
        let same = state.clone().reduce(Action::DismissNotice);
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn failed_import_leaves_the_data_untouched() {
        let state = AppState::default();
        let before = state.dataset.clone();
        let failed = crate::data::import::read_paste("");
        let state = apply(state, Action::ImportRead(failed));
        assert!(state.import_error.is_some());
        assert!(state.dataset == before);
    }

    #[test]
    fn confirmed_import_replaces_only_its_part() {
        use crate::data::records::build;
        let state = AppState::default();
        let customers_before = state.dataset.customers.clone();
        let pending =
            crate::data::import::read_paste("customer_id\tmonth\tmrr\nA\t2024-01\t10\n").unwrap();
        let built = build(&pending.table, &pending.mapping).unwrap();
        let state = apply(state, Action::ImportRead(Ok(pending)));
        let state = apply(state, Action::ConfirmImport(Shared::new(built)));
        assert_eq!(state.dataset.subscriptions.len(), 1);
        assert!(state.dataset.customers == customers_before);
        assert!(state.pending_import.is_none());
        let state = apply(state, Action::ResetData);
        assert!(state.dataset.is_sample());
    }

    #[test]
    fn entry_mode_switch_keeps_figures() {
        let state = apply(
            AppState::default(),
            Action::SetEntryMode(EntryMode::PercentOfStart),
        );
        assert_eq!(state.bridge.expansion, "20");
        assert_eq!(state.last_valid_bridge, sample_inputs());
    }

    #[test]
    fn an_opened_document_replaces_the_scenario_inputs_and_says_so() {
        use crate::data::scenario::{Preset, ScenarioAction};
        let mut source = AppState::default();
        source.scenarios.apply(ScenarioAction::AddPreset(
            Preset::RenewalPlus5,
            "Plan".into(),
        ));
        source.chosen_currency = Some(Currency::Eur);
        source.heterogeneity.discount = 0.02;
        let doc = source.scenario_doc();
        let state = apply(
            AppState::default(),
            Action::OpenScenarioDoc(Box::new(doc.clone()), OpenedFrom::Link),
        );
        assert_eq!(state.scenarios, source.scenarios);
        assert_eq!(state.currency(), Currency::Eur);
        assert_eq!(state.heterogeneity.discount, 0.02);
        assert_eq!(state.section, Section::Economics);
        assert_eq!(state.economics_view, EconomicsView::Scenarios);
        assert_eq!(state.notice, Some(Notice::Opened(OpenedFrom::Link)));
        assert!(!state.notice.as_ref().is_some_and(Notice::is_problem));
        assert_eq!(
            state.scenario_doc(),
            doc,
            "what opened is what would be shared again"
        );
    }

    #[test]
    fn a_half_typed_bridge_is_shared_from_its_last_valid_inputs() {
        let state = apply(
            AppState::default(),
            Action::SetBridgeText(BridgeField::Churned, "12x".into()),
        );
        assert!(state.scenario_doc().bridge.parse().is_ok());
    }

    #[test]
    fn arrows_step_through_every_section_and_wrap_around() {
        let mut state = AppState::default();
        let mut seen = Vec::new();
        for _ in 0..Section::ALL.len() {
            state = apply(state, Action::StepSection(true));
            seen.push(state.section);
        }
        assert_eq!(
            seen.last(),
            Some(&Section::Economics),
            "back where it started"
        );
        assert_eq!(seen.len(), Section::ALL.len());
        for section in Section::ALL {
            assert!(seen.contains(&section));
        }
        let back = apply(state, Action::StepSection(false));
        assert_eq!(back.section, Section::Data);
    }

    #[test]
    fn showing_a_section_leaves_the_report() {
        let state = apply(AppState::default(), Action::ShowReport(true));
        assert!(state.report);
        let state = apply(state, Action::ShowSection(Section::Health));
        assert!(!state.report);
        let state = apply(state, Action::TogglePresentation);
        assert!(state.presenting);
        assert!(!apply(state, Action::TogglePresentation).presenting);
    }
}
