//! Customer-success organisation designer and its cost efficiency (人效).
//!
//! Seed 002 (`shared/seeds/002_372b7aff82a2aba2.txt`, 客户成功团队的组织架构) names four models
//! "根据产品不同的客单价、复杂度及客户成功所处阶段" (by price per customer, complexity and stage):
//! - 全栈式 full-stack: "产品实施、客户成果交付、客户续费及增购以及基础的客户服务全部由一个人来完成";
//! - 主被动 proactive–reactive: inbound service (被动服务) to support agents (客服), proactive
//!   service to CSMs; "客服相对好招聘一些,且人力成本要比客户成功经理便宜";
//! - 精细化 refined: "增加了实施和服务中台的角色" (adds implementers and service operations);
//! - 一体化 integrated: technical support moves into CS ("将技术支持放到…客户成功体系当中").
//!
//! Seed 000 (`shared/seeds/000_304623c434db8e9e.txt`): "人效就是生产力" (revenue per head is
//! productivity), and CS owning renewals lowers the commission ("如果还是销售来负责续约,提成率
//! 不会低…如果是客户成功来做续费,提升率能够大大降低"), making CS a profit centre (利润中心).
//!
//! The seeds give no workload model; the one here is binding for this app. All hours are in a
//! CSM's hours; a specialist needs `efficiency` × those hours for the same work.
//!
//! The efficiency seed 002 claims for specialisation is modelled, with editable inputs whose
//! defaults are assumptions (the seed gives no numbers):
//! - a service middle office (服务中台) "来提效…大幅提升整个团队的工作效率…降低一线执行要求"
//!   (L29–31): it saves `service_ops_saving` of every front-line hour in the refined and
//!   integrated models, and costs one head per N front-line heads;
//! - technical support outside CS costs cross-department coordination ("跨部门的协同…更高的沟通
//!   成本", L35): every technical ticket adds `coordination_share` of its hours to the CSMs in
//!   the full-stack, proactive–reactive and refined models; the integrated model, with
//!   technical support inside CS, has none and resolves faster (L36, `tech_support_efficiency`).
//!
//! 人效 has one basis everywhere: ARR per CS head, ARR ÷ everyone in CS (all roles), computed by
//! [`crate::model::operations::books::arr_per_cs_head`].

use super::error::{non_negative, positive, within};
use super::StrategyError;
use crate::model::operations::books::arr_per_cs_head;
use serde::{Deserialize, Serialize};

/// The four organisation models of seed 002, simplest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgModel {
    /// 全栈式.
    FullStack,
    /// 主被动.
    ProactiveReactive,
    /// 精细化.
    Refined,
    /// 一体化.
    Integrated,
}

impl OrgModel {
    /// The four, simplest first (全栈式, 主被动, 精细化, 一体化).
    pub const ALL: [OrgModel; 4] = [
        OrgModel::FullStack,
        OrgModel::ProactiveReactive,
        OrgModel::Refined,
        OrgModel::Integrated,
    ];
}

/// Loaded annual cost of one person per role, in currency units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RoleCosts {
    pub csm: f64,
    pub support: f64,
    pub implementer: f64,
    pub service_ops: f64,
    pub tech_support: f64,
}

/// Headcount per role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Headcount {
    /// 客户成功经理.
    pub csm: u64,
    /// 客服, inbound tickets.
    pub support: u64,
    /// 实施, onboarding of new customers.
    pub implementer: u64,
    /// 服务中台 (service / customer operations).
    pub service_ops: u64,
    /// 技术支持 inside CS.
    pub tech_support: u64,
}

impl Headcount {
    /// Everyone in CS: CSM + support + implementer + service ops + technical support.
    pub fn total(&self) -> u64 {
        self.csm + self.support + self.implementer + self.service_ops + self.tech_support
    }
}

/// Everything the designer needs; see [`super::defaults`] for the pre-filled assumptions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OrgInputs {
    pub customers: f64,
    /// Annual revenue per account (客单价).
    pub arpa: f64,
    pub new_customers_per_year: f64,
    /// CSM hours to implement one new customer.
    pub implementation_hours: f64,
    pub tickets_per_customer_month: f64,
    /// CSM hours per ticket.
    pub hours_per_ticket: f64,
    /// Proactive account-management hours per customer per year.
    pub account_hours_per_customer: f64,
    /// Productive hours per person per year (default 1,600).
    pub productive_hours: f64,
    pub costs: RoleCosts,
    /// A support agent's hours per ticket as a share of a CSM's.
    pub support_efficiency: f64,
    /// An implementer's hours per implementation as a share of a CSM's.
    pub implementer_efficiency: f64,
    /// Technical support's hours per technical ticket as a share of a CSM's.
    pub tech_support_efficiency: f64,
    /// Share of tickets that are technical (handled inside CS only when integrated).
    pub tech_ticket_share: f64,
    /// One service-operations person per this many other CS staff (N).
    pub service_ops_ratio: f64,
    /// Share of front-line hours (CSM, support, implementers, technical support) a service
    /// middle office saves, refined and integrated models; 0–0.9. Missing from documents saved
    /// before it existed: 0, so they keep the numbers they were saved with.
    #[serde(default)]
    pub service_ops_saving: f64,
    /// Extra CSM hours per technical ticket, as a share of the ticket's hours, when technical
    /// support sits outside CS (every model but integrated). Missing from older documents: 0.
    #[serde(default)]
    pub coordination_share: f64,
    /// Commission on renewal ARR when sales owns renewals.
    pub commission_sales: f64,
    /// Commission on renewal ARR when CS owns renewals.
    pub commission_cs: f64,
    /// Share of ARR that renews (dollar renewal rate 续费率, as a fraction).
    pub renewal_rate: f64,
}

/// One model's staffing and cost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelCost {
    pub model: OrgModel,
    pub headcount: Headcount,
    /// Σ headcount × loaded cost.
    pub cost: f64,
    /// cost / ARR; `None` when ARR is 0.
    pub cost_share_of_arr: Option<f64>,
    /// 人效 = ARR per CS head, ARR ÷ CS headcount (all roles); `None` with no staff.
    pub arr_per_head: Option<f64>,
}

/// The four models side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgDesign {
    /// customers × ARPA.
    pub arr: f64,
    /// ARR × renewal rate.
    pub renewal_arr: f64,
    /// renewal ARR × (sales rate − CS rate): the same for every model, since any of them can
    /// own renewals (seed 002: the CSM "直接负责续费" or a renewal manager, 续费经理).
    pub commission_saved: f64,
    /// In [`OrgModel::ALL`] order.
    pub models: [ModelCost; 4],
}

/// Checks every input.
///
/// # Errors
/// A `Field` error naming the first input that is not finite, is negative, is zero where it
/// divides (productive hours, N), or is a share above 1.
pub fn validate(i: &OrgInputs) -> Result<(), StrategyError> {
    for (field, value) in [
        ("customers", i.customers),
        ("arpa", i.arpa),
        ("new_customers_per_year", i.new_customers_per_year),
        ("implementation_hours", i.implementation_hours),
        ("tickets_per_customer_month", i.tickets_per_customer_month),
        ("hours_per_ticket", i.hours_per_ticket),
        ("account_hours_per_customer", i.account_hours_per_customer),
        ("cost_csm", i.costs.csm),
        ("cost_support", i.costs.support),
        ("cost_implementer", i.costs.implementer),
        ("cost_service_ops", i.costs.service_ops),
        ("cost_tech_support", i.costs.tech_support),
        ("support_efficiency", i.support_efficiency),
        ("implementer_efficiency", i.implementer_efficiency),
        ("tech_support_efficiency", i.tech_support_efficiency),
        ("coordination_share", i.coordination_share),
    ] {
        non_negative(field, value)?;
    }
    positive("productive_hours", i.productive_hours)?;
    positive("service_ops_ratio", i.service_ops_ratio)?;
    for (field, value) in [
        ("tech_ticket_share", i.tech_ticket_share),
        ("commission_sales", i.commission_sales),
        ("commission_cs", i.commission_cs),
        ("renewal_rate", i.renewal_rate),
    ] {
        within(field, value, 0.0, 1.0)?;
    }
    // A middle office cannot take all the front line's work.
    within(
        "service_ops_saving",
        i.service_ops_saving,
        0.0,
        MAX_SERVICE_OPS_SAVING,
    )?;
    Ok(())
}

/// The largest share of front-line hours a service middle office may save.
pub const MAX_SERVICE_OPS_SAVING: f64 = 0.9;

/// ⌈hours / productive hours⌉ people; a tiny tolerance keeps 3.0000000001 at 3.
fn people(hours: f64, productive: f64) -> u64 {
    let exact = hours / productive;
    let rounded = exact.round();
    let n = if (exact - rounded).abs() < 1e-9 {
        rounded
    } else {
        exact.ceil()
    };
    // `as` saturates: absurd workloads give u64::MAX rather than wrapping.
    n.max(0.0) as u64
}

/// Headcount of one model (binding workload model). With A = customers × account hours,
/// T = customers × tickets per month × 12 × hours per ticket, I = new customers ×
/// implementation hours, P = productive hours, τ = technical ticket share, X = coordination
/// share × τ T (CSM hours coordinating technical tickets with another department), r = 1 −
/// service-ops saving, all ⌈·⌉:
/// - full-stack: CSM = (A + T + I + X) / P;
/// - proactive–reactive: CSM = (A + I + X) / P, support = T × support efficiency / P;
/// - refined: CSM = r (A + X) / P, support = r T × support efficiency / P, implementers =
///   r I × implementer efficiency / P, service ops = (CSM + support + implementers) / N;
/// - integrated: CSM = r A / P, support = r (1 − τ) T × support efficiency / P, technical
///   support = r τ T × tech efficiency / P, implementers as refined; service ops over all four.
///
/// # Errors
/// Inputs failing [`validate`].
pub fn headcount(i: &OrgInputs, model: OrgModel) -> Result<Headcount, StrategyError> {
    validate(i)?;
    let p = i.productive_hours;
    let account = i.customers * i.account_hours_per_customer;
    let tickets = i.customers * i.tickets_per_customer_month * 12.0 * i.hours_per_ticket;
    let implementation = i.new_customers_per_year * i.implementation_hours;
    let coordination = i.coordination_share * i.tech_ticket_share * tickets;
    let kept = 1.0 - i.service_ops_saving;
    let service_ops = |staff: u64| people(staff as f64, i.service_ops_ratio);
    Ok(match model {
        OrgModel::FullStack => Headcount {
            csm: people(account + tickets + implementation + coordination, p),
            ..Headcount::default()
        },
        OrgModel::ProactiveReactive => Headcount {
            csm: people(account + implementation + coordination, p),
            support: people(tickets * i.support_efficiency, p),
            ..Headcount::default()
        },
        OrgModel::Refined | OrgModel::Integrated => {
            let integrated = model == OrgModel::Integrated;
            let (tau, coordination) = if integrated {
                (i.tech_ticket_share, 0.0)
            } else {
                (0.0, coordination)
            };
            let mut h = Headcount {
                csm: people(kept * (account + coordination), p),
                support: people(kept * (1.0 - tau) * tickets * i.support_efficiency, p),
                implementer: people(kept * implementation * i.implementer_efficiency, p),
                tech_support: people(kept * tau * tickets * i.tech_support_efficiency, p),
                service_ops: 0,
            };
            h.service_ops = service_ops(h.total());
            h
        }
    })
}

/// Cost of a headcount: Σ people × loaded annual cost.
pub fn cost(h: &Headcount, c: &RoleCosts) -> f64 {
    h.csm as f64 * c.csm
        + h.support as f64 * c.support
        + h.implementer as f64 * c.implementer
        + h.service_ops as f64 * c.service_ops
        + h.tech_support as f64 * c.tech_support
}

/// All four models: headcount ([`headcount`]), cost ([`cost`]), cost / ARR, 人效 = ARR per CS
/// head ([`arr_per_cs_head`], seed 000 "人效就是生产力"), and the commission saved by CS owning renewals = ARR × renewal rate ×
/// (sales rate − CS rate) (seed 000, 利润中心). ARR = customers × ARPA.
///
/// # Errors
/// Inputs failing [`validate`].
///
/// ```
/// use retention_lab::model::strategy::{defaults::Defaults, org::{design, OrgModel}};
/// let mut i = Defaults::default().org;
/// (i.customers, i.arpa, i.new_customers_per_year) = (100.0, 10_000.0, 0.0);
/// (i.account_hours_per_customer, i.tickets_per_customer_month) = (16.0, 0.0);
/// let d = design(&i).unwrap();
/// // 100 × 16 h = 1,600 h = one CSM at 1,600 productive hours.
/// assert_eq!(d.models[0].headcount.csm, 1);
/// assert_eq!(d.models[0].arr_per_head, Some(1_000_000.0));
/// ```
pub fn design(i: &OrgInputs) -> Result<OrgDesign, StrategyError> {
    validate(i)?;
    let arr = i.customers * i.arpa;
    let renewal_arr = arr * i.renewal_rate;
    let mut models = [ModelCost {
        model: OrgModel::FullStack,
        headcount: Headcount::default(),
        cost: 0.0,
        cost_share_of_arr: None,
        arr_per_head: None,
    }; 4];
    for (slot, model) in models.iter_mut().zip(OrgModel::ALL) {
        let headcount = headcount(i, model)?;
        let total_cost = cost(&headcount, &i.costs);
        let heads = headcount.total();
        *slot = ModelCost {
            model,
            headcount,
            cost: total_cost,
            cost_share_of_arr: (arr > 0.0).then(|| total_cost / arr),
            arr_per_head: arr_per_cs_head(arr, heads as f64),
        };
    }
    Ok(OrgDesign {
        arr,
        renewal_arr,
        commission_saved: renewal_arr * (i.commission_sales - i.commission_cs),
        models,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
