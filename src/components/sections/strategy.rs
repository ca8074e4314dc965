//! The Strategy section (issue #19): four tools of the source articles side by side, each in
//! its own file. Inputs live in `state::strategy` (memory only); figures come from
//! `derive::strategy` through the hooks of `state::derived`.

use yew::prelude::*;

use super::strategy_friction::FrictionTool;
use super::strategy_niche::NicheTool;
use super::strategy_org::OrgTool;
use super::strategy_three_f::ThreeFTool;
use crate::i18n::{Lang, StrategyKey as K};
use crate::model::strategy::{Problem, StrategyError};
use crate::state::use_app;

#[component]
pub fn StrategySection() -> Html {
    let lang = use_app().map(|s| s.lang).unwrap_or_default();
    html! {
        <section class="section" data-testid="section-strategy">
            <header class="section__header">
                <h2 class="section__title">{ lang.t(K::Title) }</h2>
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
        "customers" => K::OrgCustomers,
        "arpa" => K::OrgArpa,
        "account_hours_per_customer" => K::OrgAccountHours,
        "tickets_per_customer_month" => K::OrgTickets,
        "hours_per_ticket" => K::OrgTicketHours,
        "new_customers_per_year" => K::OrgNewCustomers,
        "implementation_hours" => K::OrgImplementationHours,
        "productive_hours" => K::OrgProductiveHours,
        "cost_csm" => K::CostCsm,
        "cost_support" => K::CostSupport,
        "cost_implementer" => K::CostImplementer,
        "cost_service_ops" => K::CostServiceOps,
        "cost_tech_support" => K::CostTech,
        "support_efficiency" => K::SupportEfficiency,
        "implementer_efficiency" => K::ImplementerEfficiency,
        "tech_support_efficiency" => K::TechEfficiency,
        "tech_ticket_share" => K::TechShare,
        "service_ops_ratio" => K::ServiceOpsRatio,
        "commission_sales" => K::CommissionSales,
        "commission_cs" => K::CommissionCs,
        "renewal_rate" => K::OrgRenewalRate,
        "low_arpa_below" => K::LowArpaBelow,
        "split_from_customers" => K::SplitFrom,
        "refined_from_customers" => K::RefinedFrom,
        "pre_charge" => K::PreChargeInput,
        "closing_cycle_days" => K::ClosingCycle,
        "willingness_to_pay" => K::Willingness,
        "stickiness" => K::Stickiness,
        "potential_customers" => K::Potential,
        "segment" => K::Segment,
        other => return other.to_string(),
    };
    lang.t(key).to_string()
}

fn problem_text(lang: Lang, problem: &Problem) -> String {
    match problem {
        Problem::NotFinite => lang.t(K::ProblemNotFinite).to_string(),
        Problem::Negative => lang.t(K::ProblemNegative).to_string(),
        Problem::NotPositive => lang.t(K::ProblemNotPositive).to_string(),
        Problem::OutOfRange { min, max } => lang.fill(
            K::ProblemRange,
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        Problem::Missing => lang.t(K::ProblemMissing).to_string(),
    }
}

/// A strategy model's refusal in the UI language.
pub fn error_text(lang: Lang, error: &StrategyError) -> String {
    match error {
        StrategyError::Field { field, problem } => lang.fill(
            K::ErrField,
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
            K::ErrCell,
            &[
                ("row", &row.to_string()),
                ("field", &field_label(lang, field)),
                ("problem", &problem_text(lang, problem)),
            ],
        ),
        StrategyError::NotARating { points } => {
            lang.fill(K::ErrRating, &[("points", &points.to_string())])
        }
    }
}
