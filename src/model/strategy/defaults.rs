//! What the app pre-fills in the strategy tools. Every value here is an ASSUMPTION: the seeds
//! give methods, not data, so each is a plausible starting point for a mid-size B2B SaaS that the
//! user is expected to overwrite. Money is in the app's currency units (the figures read as
//! CNY, the seeds' currency). Where a seed fixes a value it is said.

use super::niche::Weights;
use super::niche_draft::StickinessSource;
use super::org::{OrgInputs, RoleCosts};
use super::org_advice::{Profile, Thresholds};

/// Every pre-filled value of the strategy tools.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Defaults {
    /// Pre-charge of a new journey: 10 of 0–25, a goal that matters moderately (assumption; the
    /// seed only says it grows with "工作目的对客户的重要程度").
    pub pre_charge: i32,
    /// Equal weights (assumption: seed 004 ranks none of the four indicators above another).
    pub niche_weights: Weights,
    /// Stickiness from the north-star metric (assumption: the seed allows frequency or
    /// upsell amount; the north star is the app's usage measure).
    pub stickiness: StickinessSource,
    pub org: OrgInputs,
    pub profile: Profile,
    pub thresholds: Thresholds,
}

impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            pre_charge: 10,
            niche_weights: Weights::default(),
            stickiness: StickinessSource::MeanNorthStar,
            org: OrgInputs {
                // Assumption: a base of 500 accounts paying 20,000 a year (ARR 10 million).
                customers: 500.0,
                arpa: 20_000.0,
                // Assumption: 30 % of the base is won each year.
                new_customers_per_year: 150.0,
                // Assumption: 20 CSM hours to onboard a simple-to-medium product.
                implementation_hours: 20.0,
                // Assumption: 1.5 tickets per account per month, 30 minutes each for a CSM.
                tickets_per_customer_month: 1.5,
                hours_per_ticket: 0.5,
                // Assumption: 1 hour a month of proactive work per account.
                account_hours_per_customer: 12.0,
                // Assumption: 1,600 productive hours a year (about 200 days × 8 hours), the
                // figure the issue asks for.
                productive_hours: 1_600.0,
                // Assumption: loaded annual costs; seed 002 only says support agents are cheaper
                // than CSMs ("人力成本要比客户成功经理便宜").
                costs: RoleCosts {
                    csm: 300_000.0,
                    support: 150_000.0,
                    implementer: 250_000.0,
                    service_ops: 250_000.0,
                    tech_support: 350_000.0,
                },
                // Assumption: specialists are faster at their own work (80 % of a CSM's hours);
                // technical support inside CS solves a technical ticket in half a CSM's hours
                // (seed 002 L36: "更能够提升客户问题的响应效率及解决效率"; the size is ours).
                support_efficiency: 0.8,
                implementer_efficiency: 0.8,
                tech_support_efficiency: 0.5,
                // Assumption: a fifth of tickets are technical.
                tech_ticket_share: 0.2,
                // Assumption: one service-operations person per 15 CS staff.
                service_ops_ratio: 15.0,
                // Assumption: a service middle office saves 15 % of front-line hours (seed 002
                // L29–31: "提效", "大幅提升整个团队的工作效率", "降低一线执行要求"; no number).
                service_ops_saving: 0.15,
                // Assumption: a technical ticket handled outside CS costs the CSM half its
                // hours again in coordination (seed 002 L35: "跨部门的协同…更高的沟通成本").
                coordination_share: 0.5,
                // Assumption: 10 % commission when sales renews, 3 % when CS does; seed 000 only
                // says the second "能够大大降低".
                commission_sales: 0.10,
                commission_cs: 0.03,
                // Assumption: 85 % of ARR renews.
                renewal_rate: 0.85,
            },
            profile: Profile {
                complex_product: false,
                technical_coordination: false,
            },
            // Assumptions: "low price" below 30,000 a year; split inbound service from 200
            // customers; implementers and service operations from 1,000.
            thresholds: Thresholds {
                low_arpa_below: 30_000.0,
                split_from_customers: 200.0,
                refined_from_customers: 1_000.0,
            },
        }
    }
}
