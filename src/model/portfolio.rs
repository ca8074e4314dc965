//! The records the models work on: customers, subscription revenue, pre-aggregated cohorts.
//! `io` parses files into these; the models never see raw text.

use super::calendar::{Date, Month};

/// One account, as a CRM export describes it (fields of `shared/design.md`, "customers").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Customer {
    pub id: String,
    pub name: String,
    pub arr: f64,
    /// Start of the current contract.
    pub contract_start: Option<Date>,
    pub contract_end: Option<Date>,
    /// The customer's first start (tenure), when the file gives a `first_start`; `None` =
    /// tenure unknown (never guessed from the current contract).
    pub first_start: Option<Date>,
    /// The usage metric correlated with renewal.
    pub north_star: Option<f64>,
    /// Tickets opened in the last 90 days.
    pub tickets_opened: Option<f64>,
    /// Tickets still unresolved.
    pub tickets_unresolved: Option<f64>,
    /// NPS answer, 0–10.
    pub nps: Option<f64>,
    /// Days from payment to first value; `None` when no first value yet.
    pub ttfv_days: Option<f64>,
    /// Days since the last executive meeting.
    pub exec_touch_days: Option<f64>,
    pub referrals: Option<f64>,
    /// Expansion ARR over the last 12 months.
    pub expansion_arr: Option<f64>,
    /// Outcome of a past renewal; `None` when not yet due.
    pub renewed: Option<bool>,
    pub prev_health: Option<f64>,
    pub csm: Option<String>,
    pub segment: Option<String>,
    /// The customer's tier at the previous snapshot (e.g. a year ago), when known.
    pub prev_tier: Option<crate::model::tier::Tier>,
    /// Numeric columns the file had beyond the known fields, by header (health measures the
    /// user can add to the scorecard); only the values present.
    pub extra: Vec<(String, f64)>,
}

/// Monthly recurring revenue of one customer in one month (long form).
#[derive(Debug, Clone, PartialEq)]
pub struct MrrRow {
    pub customer_id: String,
    pub month: Month,
    pub mrr: f64,
}

/// A subscription span: paying `mrr` per month from `start` to `end` (`None` = still active).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub customer_id: String,
    pub start: Date,
    pub end: Option<Date>,
    pub mrr: f64,
}

/// One cell of a cohort table aggregated elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortCell {
    /// The cohort's label as given (`2024-01`, `2024-Q1`).
    pub cohort: String,
    /// Periods since the cohort started; 0 is the starting period.
    pub period: u32,
    pub customers: f64,
    pub revenue: Option<f64>,
}

/// Subscription history in whichever form it came.
#[derive(Debug, Clone, PartialEq)]
pub enum Subscriptions {
    Monthly(Vec<MrrRow>),
    Spans(Vec<Span>),
}

impl Subscriptions {
    pub fn len(&self) -> usize {
        match self {
            Subscriptions::Monthly(rows) => rows.len(),
            Subscriptions::Spans(spans) => spans.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
