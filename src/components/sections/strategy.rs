//! The Strategy section (issue #19): four tools of the source articles side by side, each in
//! its own file. Inputs live in `state::strategy` (memory only); figures come from
//! `derive::strategy` through the hooks of `state::derived`.

use yew::prelude::*;

use super::strategy_friction::FrictionTool;
use super::strategy_niche::NicheTool;
use super::strategy_org::OrgTool;
use super::strategy_three_f::ThreeFTool;
use crate::i18n::{Lang, StrategyCoreKey as KC, StrategyKey as K};
use crate::model::strategy::{Problem, StrategyError};
use crate::state::use_app;

#[component]
pub fn StrategySection() -> Html {
    let lang = use_app().map(|s| s.lang).unwrap_or_default();
    html! {
        <section class="section" data-testid="section-strategy">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(KC::Title) }</h2>
                <p class="section__intro">{ lang.t(K::Intro) }</p>
            </header>
            <FrictionTool />
            <ThreeFTool />
            <NicheTool />
            <OrgTool />
        </section>
    }
}

/// The small "assumption" tag beside every pre-filled default.
pub fn assumption(lang: Lang) -> Html {
    html! { <span class="tag tag--assumption" data-testid="assumption">{ lang.t(K::Assumption) }</span> }
}

/// A number for the screen: "—" when not finite.
pub fn number(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format!("{value:.decimals$}")
    } else {
        "—".to_string()
    }
}

/// A model field's name as the form labels it.
pub fn field_label(lang: Lang, field: &str) -> String {
    let key = match field {
        "customers" => KC::OrgCustomers,
        "arpa" => KC::OrgArpa,
        "account_hours_per_customer" => KC::OrgAccountHours,
        "tickets_per_customer_month" => KC::OrgTickets,
        "hours_per_ticket" => KC::OrgTicketHours,
        "new_customers_per_year" => KC::OrgNewCustomers,
        "implementation_hours" => KC::OrgImplementationHours,
        "productive_hours" => KC::OrgProductiveHours,
        "cost_csm" => KC::CostCsm,
        "cost_support" => KC::CostSupport,
        "cost_implementer" => KC::CostImplementer,
        "cost_service_ops" => KC::CostServiceOps,
        "cost_tech_support" => KC::CostTech,
        "support_efficiency" => KC::SupportEfficiency,
        "implementer_efficiency" => KC::ImplementerEfficiency,
        "tech_support_efficiency" => KC::TechEfficiency,
        "tech_ticket_share" => KC::TechShare,
        "service_ops_ratio" => KC::ServiceOpsRatio,
        "commission_sales" => KC::CommissionSales,
        "commission_cs" => KC::CommissionCs,
        "renewal_rate" => KC::OrgRenewalRate,
        "low_arpa_below" => KC::LowArpaBelow,
        "split_from_customers" => KC::SplitFrom,
        "refined_from_customers" => KC::RefinedFrom,
        "pre_charge" => KC::PreChargeInput,
        "closing_cycle_days" => KC::ClosingCycle,
        "willingness_to_pay" => KC::Willingness,
        "stickiness" => KC::Stickiness,
        "potential_customers" => KC::Potential,
        "segment" => KC::Segment,
        other => return other.to_string(),
    };
    lang.t(key).to_string()
}

fn problem_text(lang: Lang, problem: &Problem) -> String {
    match problem {
        Problem::NotFinite => lang.t(KC::ProblemNotFinite).to_string(),
        Problem::Negative => lang.t(KC::ProblemNegative).to_string(),
        Problem::NotPositive => lang.t(KC::ProblemNotPositive).to_string(),
        Problem::OutOfRange { min, max } => lang.fill(
            KC::ProblemRange,
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        Problem::Missing => lang.t(KC::ProblemMissing).to_string(),
    }
}

/// A strategy model's refusal in the UI language.
pub fn error_text(lang: Lang, error: &StrategyError) -> String {
    match error {
        StrategyError::Field { field, problem } => lang.fill(
            KC::ErrField,
            &[
                ("field", &field_label(lang, field)),
                ("problem", &problem_text(lang, problem)),
            ],
        ),
        StrategyError::Cell {
            row,
            field,
            problem,
        } => lang.fill(
            KC::ErrCell,
            &[
                ("row", &row.to_string()),
                ("field", &field_label(lang, field)),
                ("problem", &problem_text(lang, problem)),
            ],
        ),
        StrategyError::NotARating { points } => {
            lang.fill(KC::ErrRating, &[("points", &points.to_string())])
        }
    }
}
