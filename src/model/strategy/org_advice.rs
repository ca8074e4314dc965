//! Which organisation model fits, by seed 002's rule, and how each model's cost grows with the
//! customer base.
//!
//! Seed 002 (`shared/seeds/002_372b7aff82a2aba2.txt`): "一般来说,产品单价越高、产品越复杂,客户
//! 成功团队组织架构越复杂" (the higher the price and the more complex the product, the more
//! elaborate the organisation). The seed names no numbers: the thresholds in [`Thresholds`] are
//! assumptions the user can change ([`super::defaults`]).

use super::error::{non_negative, positive, within};
use super::org::{design, OrgInputs, OrgModel};
use super::StrategyError;
use serde::{Deserialize, Serialize};

/// Where "low price" and "many customers" begin; assumptions, not from the seed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    /// ARPA below this is "客单价较低" (low price per customer).
    pub low_arpa_below: f64,
    /// From this many customers, splitting inbound from proactive service pays ("当客户规模到
    /// 一定体量时,分工能够提升人效").
    pub split_from_customers: f64,
    /// From this many customers, implementers and a service middle office pay even for a simple
    /// product ("产品虽然不复杂,但是客户数量较多"; 服务中台 "到一定体量的客户规模").
    pub refined_from_customers: f64,
}

/// What the user says about the product, beside the numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// "产品复杂、实施周期长" or "有一定的技术门槛" (complex, long implementation).
    pub complex_product: bool,
    /// Customer problems often need R&D and cross-department coordination to resolve.
    pub technical_coordination: bool,
}

/// Why a model is recommended; each maps to a sentence of seed 002.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// "将技术支持放到…客户成功体系当中,更能够提升客户问题的响应效率及解决效率".
    TechnicalCoordination,
    /// "产品相对复杂或者有一定的技术门槛…可以考虑设定单独的实施岗位".
    ComplexProduct,
    /// "产品虽然不复杂,但是客户数量较多,统一安排实施岗位…效率更高".
    ManyCustomers,
    /// "当客户规模到一定体量时,分工能够提升人效".
    EnoughCustomersToSplit,
    /// "客单价较高的产品,能够投入的资源空间较大,为了更好地服务好客户,以期带来客户成功价值产出,
    /// 会配备单独的客服、实施、客户运营等岗位" (L7): support, implementation and customer
    /// operations, the last of which is the service middle office ("服务中台岗位是指服务运营、
    /// 客户运营等岗位", L29): the refined model.
    HigherPrice,
    /// "一般是客单价比较低且产品相对简单的业务".
    LowPriceSimpleProduct,
}

/// A model and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recommendation {
    pub model: OrgModel,
    pub reason: Reason,
}

/// Seed 002's rule, first match wins, the more elaborate model first ("产品单价越高、产品越复杂,
/// 客户成功团队组织架构越复杂"):
/// 1. technical coordination → integrated (一体化);
/// 2. complex product → refined (精细化); customers ≥ `refined_from_customers` → refined;
///    ARPA ≥ `low_arpa_below` → refined (the full L7 sentence: separate support,
///    implementation and customer-operations roles);
/// 3. customers ≥ `split_from_customers` → proactive–reactive (主被动);
/// 4. otherwise (low price, simple, few customers) → full-stack (全栈式).
///
/// The rule is the seed's; whether the refined model also costs least at this size is the
/// cost table's answer ([`super::org::design`]), shown beside it.
///
/// # Errors
/// A threshold or input not finite or negative.
///
/// ```
/// use retention_lab::model::strategy::org::OrgModel;
/// use retention_lab::model::strategy::org_advice::{recommend, Profile, Reason, Thresholds};
/// let t = Thresholds { low_arpa_below: 30_000.0, split_from_customers: 200.0,
///     refined_from_customers: 1_000.0 };
/// let r = recommend(50.0, 5_000.0, Profile::default(), &t).unwrap();
/// assert_eq!((r.model, r.reason), (OrgModel::FullStack, Reason::LowPriceSimpleProduct));
/// ```
pub fn recommend(
    customers: f64,
    arpa: f64,
    profile: Profile,
    t: &Thresholds,
) -> Result<Recommendation, StrategyError> {
    non_negative("customers", customers)?;
    non_negative("arpa", arpa)?;
    non_negative("low_arpa_below", t.low_arpa_below)?;
    non_negative("split_from_customers", t.split_from_customers)?;
    non_negative("refined_from_customers", t.refined_from_customers)?;
    let (model, reason) = if profile.technical_coordination {
        (OrgModel::Integrated, Reason::TechnicalCoordination)
    } else if profile.complex_product {
        (OrgModel::Refined, Reason::ComplexProduct)
    } else if customers >= t.refined_from_customers {
        (OrgModel::Refined, Reason::ManyCustomers)
    } else if arpa >= t.low_arpa_below {
        (OrgModel::Refined, Reason::HigherPrice)
    } else if customers >= t.split_from_customers {
        (OrgModel::ProactiveReactive, Reason::EnoughCustomersToSplit)
    } else {
        (OrgModel::FullStack, Reason::LowPriceSimpleProduct)
    };
    Ok(Recommendation { model, reason })
}

/// CS cost of each model over a range of customer counts, for a chart with one line per model.
#[derive(Debug, Clone, PartialEq)]
pub struct CostSeries {
    /// The customer counts (x).
    pub customers: Vec<f64>,
    /// Per model in [`OrgModel::ALL`] order: total CS cost at each customer count.
    pub lines: [(OrgModel, Vec<f64>); 4],
}

/// The most points a cost chart asks for (a chart line has no use for more).
pub const MAX_POINTS: usize = 1_000;

/// `points` customer counts evenly from `from` to `to` inclusive, rounded to whole customers
/// (duplicates after rounding removed).
///
/// # Errors
/// `from` or `to` not finite or negative, `to <= from`, or `points` outside 2..=[`MAX_POINTS`].
pub fn customer_points(from: f64, to: f64, points: usize) -> Result<Vec<f64>, StrategyError> {
    non_negative("from", from)?;
    non_negative("to", to)?;
    positive("range", to - from)?;
    within("points", points as f64, 2.0, MAX_POINTS as f64)?;
    let step = (to - from) / (points - 1) as f64;
    let mut xs: Vec<f64> = (0..points)
        .map(|k| (from + step * k as f64).round())
        .collect();
    xs.dedup();
    Ok(xs)
}

/// Each model's total CS cost ([`super::org::design`]) at each customer count, every other
/// input held as given; new customers per year are held fixed (an assumption: the chart asks
/// what serving a larger base costs, not how fast it was won).
///
/// # Errors
/// Inputs failing [`super::org::validate`], or a negative or non-finite customer count.
pub fn cost_series(inputs: &OrgInputs, customers: &[f64]) -> Result<CostSeries, StrategyError> {
    let mut lines = OrgModel::ALL.map(|m| (m, Vec::with_capacity(customers.len())));
    for &n in customers {
        non_negative("customers", n)?;
        let d = design(&OrgInputs {
            customers: n,
            ..*inputs
        })?;
        for (line, model_cost) in lines.iter_mut().zip(d.models.iter()) {
            line.1.push(model_cost.cost);
        }
    }
    Ok(CostSeries {
        customers: customers.to_vec(),
        lines,
    })
}
