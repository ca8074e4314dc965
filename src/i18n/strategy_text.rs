//! A Strategy model's refusal and its fields' names, in the UI language.

use super::lang::Lang;
use super::strategy_core_strings::StrategyCoreKey as KC;
use crate::model::strategy::{Problem, StrategyError};

/// A model field's name as the form labels it.
pub fn strategy_field_label(lang: Lang, field: &str) -> String {
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
        "service_ops_saving" => KC::ServiceOpsSaving,
        "coordination_share" => KC::CoordinationShare,
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
pub fn strategy_error_text(lang: Lang, error: &StrategyError) -> String {
    match error {
        StrategyError::Field { field, problem } => lang.fill(
            KC::ErrField,
            &[
                ("field", &strategy_field_label(lang, field)),
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
                ("field", &strategy_field_label(lang, field)),
                ("problem", &problem_text(lang, problem)),
            ],
        ),
        StrategyError::NotARating { points } => {
            lang.fill(KC::ErrRating, &[("points", &points.to_string())])
        }
    }
}
