//! A read-only panel as data: headline figures, one table and its charts, each piece with its
//! test hooks. The Operations and Team sections (issue 18) are eight such panels; one
//! component (`components::panel_view`) draws them all, so a new panel is its figures and
//! strings, tested natively, not another page of markup.

use crate::chart::bars::Bars;
use crate::chart::stacked::StackedBars;
use crate::model::tiers::Tier;

/// A panel: title, what it computes and from which source, then either what it still needs
/// or its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// `data-testid` of the panel (`ops-nps`).
    pub id: &'static str,
    pub title: String,
    /// The formula and the seed it comes from, in one or two sentences.
    pub intro: String,
    /// Why the panel cannot compute (the columns it needs), shown instead of zeros.
    pub needs: Option<String>,
    pub metrics: Vec<PanelMetric>,
    pub table: Option<Table>,
    pub charts: Vec<PanelChart>,
    /// Sentences under the figures: the choices a definition made, a benchmark, a caveat.
    pub notes: Vec<String>,
    /// Settings shown above the figures (a target, a filter).
    pub inputs: Vec<PanelInput>,
}

impl Panel {
    /// A panel with its title and intro and nothing else yet.
    pub fn new(id: &'static str, title: String, intro: String) -> Panel {
        Panel {
            id,
            title,
            intro,
            needs: None,
            metrics: Vec::new(),
            table: None,
            charts: Vec::new(),
            notes: Vec::new(),
            inputs: Vec::new(),
        }
    }

    /// The same panel saying what it needs instead of showing figures.
    pub fn needing(mut self, what: String) -> Panel {
        self.needs = Some(what);
        self
    }
}

/// A headline figure: `data-testid="metric-<name>"`, `data-value` = `value` as a raw number
/// (fractions for shares), empty when undefined.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelMetric {
    pub name: &'static str,
    pub label: String,
    /// `None` when undefined: the card shows "—" and `reason` says why.
    pub value: Option<f64>,
    /// The value as shown (ignored when `value` is `None`).
    pub text: String,
    /// What the figure means, or why it is undefined.
    pub explain: String,
}

/// A table: column headers and rows, each row with its test hook and data attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// `data-testid` of the `<tr>` (`nps-group`).
    pub test_id: &'static str,
    /// `data-*` attributes by full name: (`data-group`, `promoter`).
    pub data: Vec<(&'static str, String)>,
    /// Cells as shown; the first is the row's header.
    pub cells: Vec<String>,
    /// A button inside the row (`northstar-use`), if any.
    pub action: Option<RowAction>,
    /// Drawn highlighted (the recommended or best row).
    pub highlight: bool,
}

/// A button in a row and what it asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub struct RowAction {
    pub test_id: &'static str,
    pub label: String,
    pub request: Request,
}

/// What a button or a setting asks for; the section turns it into an app action.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Make this column (its header as imported) the north star.
    UseAsNorthStar(String),
    /// A number typed in a setting; shares arrive as fractions.
    Set(NumberSetting, f64),
    /// An option chosen in a select.
    Choose(Choice),
    /// Add the onboarding lever to the scenarios: 90-day activation from `from` to `to`
    /// moved the expected logo renewal from `before` to `after` (all fractions).
    OnboardingScenario {
        from: f64,
        to: f64,
        before: f64,
        after: f64,
    },
}

/// The numbers a panel's settings hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberSetting {
    /// First value: the 90-day activation share the onboarding lever aims at (a fraction).
    ActivationTarget,
    /// CSM books: how many people the CS team has.
    CsHeadcount,
    /// CS funnel: a customer is active when the north star is above this (north-star units).
    FunnelActiveThreshold,
}

impl NumberSetting {
    /// Its `data-testid` suffix: `input-<name>`.
    pub fn name(self) -> &'static str {
        match self {
            NumberSetting::ActivationTarget => "activation-target",
            NumberSetting::CsHeadcount => "cs-headcount",
            NumberSetting::FunnelActiveThreshold => "funnel-active-threshold",
        }
    }
}

/// An option of a panel's select, as the value it sets (`None`: all).
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    FunnelYear(Option<i32>),
    FunnelTier(Option<Tier>),
    FunnelSegment(Option<String>),
}

impl Choice {
    /// The option's `value` in the page and in tests: "" for all.
    pub fn key(&self) -> String {
        match self {
            Choice::FunnelYear(year) => year.map(|y| y.to_string()).unwrap_or_default(),
            Choice::FunnelTier(tier) => tier.map(|t| t.key().to_string()).unwrap_or_default(),
            Choice::FunnelSegment(segment) => segment.clone().unwrap_or_default(),
        }
    }
}

/// A setting above a panel's figures: `data-testid="input-<name>"`.
#[derive(Debug, Clone, PartialEq)]
pub enum PanelInput {
    /// A number; with `percent` it is shown and typed as a percentage (0.42 shows "42").
    Number {
        setting: NumberSetting,
        label: String,
        value: Option<f64>,
        percent: bool,
    },
    /// A choice among options, each the value it sets and its label; `selected` is the
    /// chosen option's [`Choice::key`].
    Select {
        name: &'static str,
        label: String,
        options: Vec<(Choice, String)>,
        selected: String,
    },
    /// A button sending its request (`data-testid` = `name`).
    Button {
        name: &'static str,
        label: String,
        request: Request,
    },
}

/// A chart's input, drawn by the view with the chart module named.
#[derive(Debug, Clone, PartialEq)]
pub enum PanelChart {
    Bars {
        name: &'static str,
        chart: Bars,
    },
    Stacked {
        name: &'static str,
        chart: StackedBars,
    },
}

/// A metric with a value, formatted by `text`.
pub fn metric(
    name: &'static str,
    label: String,
    value: Option<f64>,
    text: impl Fn(f64) -> String,
    explain: String,
) -> PanelMetric {
    let value = value.filter(|v| v.is_finite());
    PanelMetric {
        name,
        label,
        text: value.map(&text).unwrap_or_else(|| "—".to_string()),
        value,
        explain,
    }
}
