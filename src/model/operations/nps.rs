//! Net promoter score (NPS, 净推荐值), seed 004 (`shared/seeds/004_558385ba70675088.txt`):
//! "优秀的SaaS产品一般可以实现NDR大于120%、NPS大于10分" (an excellent SaaS has NDR > 120 % and
//! NPS > 10), and "客户的实际行动,如续费、介绍新客户,才能真实反映客户的满意度" (only what
//! customers do, renewing and referring, truly shows their satisfaction). So beside the score
//! each answer group is compared on those actions: renewal, expansion and referrals.
//!
//! The score the seed benchmarks is the current customers' ([`current`]: those not recorded as
//! churned); what each group does counts every answer, churned customers' included (their
//! renewal outcome is the action the seed asks to compare).
//!
//! One rule for a fractional answer, everywhere an NPS answer is read (this panel, the tier
//! board, the health scorecard): answers are whole numbers 0–10, so a fractional one (an
//! average a survey tool exported) is rounded to the nearest whole number, halves up, before
//! it is classified ([`answer`]): 8.6 is a promoter's 9, 8.4 a passive's 8.

use crate::model::portfolio::Customer;

/// The seed's threshold: "NPS大于10分" (an excellent SaaS scores above 10 points).
pub const BENCHMARK_POINTS: f64 = 10.0;

/// The three answer groups of the standard NPS question (0–10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NpsGroup {
    /// Answers 9–10.
    Promoter,
    /// Answers 7–8.
    Passive,
    /// Answers 0–6.
    Detractor,
}

impl NpsGroup {
    pub const ALL: [NpsGroup; 3] = [NpsGroup::Promoter, NpsGroup::Passive, NpsGroup::Detractor];

    pub fn key(self) -> &'static str {
        match self {
            NpsGroup::Promoter => "promoter",
            NpsGroup::Passive => "passive",
            NpsGroup::Detractor => "detractor",
        }
    }

    /// The group of a rounded answer 0..=10: 9–10 promoter, 7–8 passive, 0–6 detractor.
    pub fn of(answer: u8) -> NpsGroup {
        match answer {
            9.. => NpsGroup::Promoter,
            7 | 8 => NpsGroup::Passive,
            _ => NpsGroup::Detractor,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A customer's answer rounded to the nearest integer (halves away from zero, so 8.5 → 9),
/// `None` when missing, not finite or outside 0..=10.
pub fn answer(customer: &Customer) -> Option<u8> {
    let a = customer
        .nps
        .filter(|a| a.is_finite() && (0.0..=10.0).contains(a))?;
    Some(a.round() as u8)
}

/// The NPS of the current customers: [`summarise`] over those not recorded as churned
/// (`renewed != Some(false)`, the portfolio's definition of active). The seed's "> 10"
/// benchmark is about the customers a company has.
///
/// ```
/// use retention_lab::model::operations::nps::current;
/// use retention_lab::model::portfolio::Customer;
/// let answer = |nps: f64, renewed: Option<bool>| Customer { nps: Some(nps), renewed, ..Customer::default() };
/// // A churned detractor leaves: 1 promoter, 1 passive of 2 current respondents = 50 points.
/// let s = current(&[answer(10.0, Some(true)), answer(8.0, None), answer(2.0, Some(false))]);
/// assert_eq!((s.nps, s.respondents), (Some(50.0), 2));
/// ```
pub fn current(customers: &[Customer]) -> NpsSummary {
    tally(customers.iter().filter(|c| c.renewed != Some(false)))
}

/// What one answer group does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupFigures {
    pub group: NpsGroup,
    pub customers: usize,
    /// Renewed / members with a past outcome (`renewed.is_some()`); `None` when none has one.
    pub renewal_rate: Option<f64>,
    /// Mean expansion ARR over the members with a (finite) value; `None` when none has one.
    pub mean_expansion_arr: Option<f64>,
    /// Share of the members with a referrals value whose referrals are > 0; `None` when none
    /// has a value.
    pub referral_rate: Option<f64>,
}

/// NPS over a portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct NpsSummary {
    /// Customers with a valid answer (see [`answer`]).
    pub respondents: usize,
    /// `100 × (promoters − detractors) / respondents`, in points (−100..=100); `None` with no
    /// respondents.
    pub nps: Option<f64>,
    /// Respondents per rounded answer 0..=10.
    pub distribution: [usize; 11],
    /// Promoter, passive and detractor figures, in [`NpsGroup::ALL`] order.
    pub groups: [GroupFigures; 3],
}

impl NpsSummary {
    /// The figures of one group.
    pub fn group(&self, group: NpsGroup) -> &GroupFigures {
        &self.groups[group.index()]
    }

    /// Whether the score beats the seed's benchmark (strictly above [`BENCHMARK_POINTS`]).
    pub fn above_benchmark(&self) -> Option<bool> {
        self.nps.map(|n| n > BENCHMARK_POINTS)
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    customers: usize,
    with_outcome: usize,
    renewed: usize,
    expansion_sum: f64,
    with_expansion: usize,
    with_referrals_value: usize,
    referring: usize,
}

fn ratio(numerator: f64, denominator: usize) -> Option<f64> {
    Some(numerator / denominator as f64).filter(|r| denominator > 0 && r.is_finite())
}

/// Net promoter score and the actions of each answer group.
///
/// Formula: answers rounded to the nearest integer ([`answer`]); promoters 9–10, passives 7–8,
/// detractors 0–6; `NPS = 100 × (promoters − detractors) / respondents` (the standard
/// definition, Reichheld, "The One Number You Need to Grow", HBR 2003; benchmark from seed 004,
/// "NPS大于10分"). Per group: renewal rate = renewed / members with a past outcome, mean
/// expansion ARR over members with a value, referral rate = members with referrals > 0 /
/// members with a referrals value (seed 004: "客户的实际行动,如续费、介绍新客户,才能真实反映
/// 客户的满意度").
///
/// ```
/// use retention_lab::model::operations::nps::{summarise, NpsGroup};
/// use retention_lab::model::portfolio::Customer;
/// let answers = [10.0, 9.0, 7.0, 3.0];
/// let customers: Vec<Customer> = answers
///     .iter()
///     .map(|&a| Customer { nps: Some(a), ..Customer::default() })
///     .collect();
/// let s = summarise(&customers);
/// // (2 promoters − 1 detractor) / 4 respondents = 25 points.
/// assert_eq!(s.nps, Some(25.0));
/// assert_eq!(s.group(NpsGroup::Passive).customers, 1);
/// ```
pub fn summarise(customers: &[Customer]) -> NpsSummary {
    tally(customers.iter())
}

fn tally<'a>(customers: impl Iterator<Item = &'a Customer>) -> NpsSummary {
    let mut distribution = [0usize; 11];
    let mut tallies = [Tally::default(); 3];
    for customer in customers {
        let Some(a) = answer(customer) else {
            continue;
        };
        distribution[usize::from(a)] += 1;
        let t = &mut tallies[NpsGroup::of(a).index()];
        t.customers += 1;
        if let Some(renewed) = customer.renewed {
            t.with_outcome += 1;
            t.renewed += usize::from(renewed);
        }
        if let Some(x) = customer.expansion_arr.filter(|x| x.is_finite()) {
            t.expansion_sum += x;
            t.with_expansion += 1;
        }
        if let Some(r) = customer.referrals.filter(|r| r.is_finite()) {
            t.with_referrals_value += 1;
            t.referring += usize::from(r > 0.0);
        }
    }
    let respondents: usize = distribution.iter().sum();
    let count = |g: NpsGroup| tallies[g.index()].customers as f64;
    let nps = ratio(
        100.0 * (count(NpsGroup::Promoter) - count(NpsGroup::Detractor)),
        respondents,
    );
    let groups = NpsGroup::ALL.map(|group| {
        let t = tallies[group.index()];
        GroupFigures {
            group,
            customers: t.customers,
            renewal_rate: ratio(t.renewed as f64, t.with_outcome),
            mean_expansion_arr: ratio(t.expansion_sum, t.with_expansion),
            referral_rate: ratio(t.referring as f64, t.with_referrals_value),
        }
    });
    NpsSummary {
        respondents,
        nps,
        distribution,
        groups,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
