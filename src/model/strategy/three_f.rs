//! The 3F test for product-led growth (3F确认原则), seed 004
//! (`shared/seeds/004_558385ba70675088.txt`, section PLG vs SLG): "可以用3F确认原则来评估SaaS
//! 产品能否使用PLG模式实现增长" (use 3F to judge whether a SaaS product can grow product-led).
//!
//! Each F has the sub-criteria the seed lists; an F is met when all of its sub-criteria are.
//! - Function 功能: "必须具备完整的业务功能,能够解决客户的某一类问题" (a complete job) and
//!   "PLG适合支持性的工具…如果该SaaS产品已经进入客户的核心业务流,那么决策链和决策周期一定短不了"
//!   (a supporting tool, not the customer's core business flow).
//! - Frequency 高频: "最好是每天都使用的工具" (daily use) and "客户从听说到使用的周期必须很短,
//!   即1分钟到48小时" (from hearing of it to using it within 1 minute to 48 hours).
//! - Free 免费: "上市的产品必须是免费版" (a free version) and "PLG需要客户体验0门槛" (a
//!   zero-threshold start).

use serde::{Deserialize, Serialize};
/// One of the three Fs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum F {
    Function,
    Frequency,
    Free,
}

/// A sub-criterion of one F, as the seed words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Criterion {
    /// 完整的业务功能: solves a whole class of the customer's problem.
    CompleteJob,
    /// 支持性的工具: not in the customer's core business flow (核心业务流).
    SupportingTool,
    /// 每天都使用: used daily.
    DailyUse,
    /// 从听说到使用 1分钟到48小时: from hearing of it to using it within 48 hours.
    HeardToUsedWithin48Hours,
    /// 免费版: a free version at launch.
    FreeVersion,
    /// 0门槛: starting needs nobody's approval, payment or set-up.
    ZeroThreshold,
}

impl Criterion {
    /// Every criterion, grouped by F in the seed's order.
    pub const ALL: [Criterion; 6] = [
        Criterion::CompleteJob,
        Criterion::SupportingTool,
        Criterion::DailyUse,
        Criterion::HeardToUsedWithin48Hours,
        Criterion::FreeVersion,
        Criterion::ZeroThreshold,
    ];

    /// The F the criterion belongs to.
    pub fn f(self) -> F {
        match self {
            Criterion::CompleteJob | Criterion::SupportingTool => F::Function,
            Criterion::DailyUse | Criterion::HeardToUsedWithin48Hours => F::Frequency,
            Criterion::FreeVersion | Criterion::ZeroThreshold => F::Free,
        }
    }
}

/// The checklist as the user ticks it; all false by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Checklist {
    pub complete_job: bool,
    pub supporting_tool: bool,
    pub daily_use: bool,
    pub heard_to_used_within_48_hours: bool,
    pub free_version: bool,
    pub zero_threshold: bool,
}

impl Checklist {
    /// Whether `criterion` is ticked.
    pub fn ticked(&self, criterion: Criterion) -> bool {
        match criterion {
            Criterion::CompleteJob => self.complete_job,
            Criterion::SupportingTool => self.supporting_tool,
            Criterion::DailyUse => self.daily_use,
            Criterion::HeardToUsedWithin48Hours => self.heard_to_used_within_48_hours,
            Criterion::FreeVersion => self.free_version,
            Criterion::ZeroThreshold => self.zero_threshold,
        }
    }

    /// Each F met or not, from the three booleans alone (when the UI shows one box per F).
    pub fn from_fs(function: bool, frequency: bool, free: bool) -> Checklist {
        Checklist {
            complete_job: function,
            supporting_tool: function,
            daily_use: frequency,
            heard_to_used_within_48_hours: frequency,
            free_version: free,
            zero_threshold: free,
        }
    }
}

/// The growth motion the test points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// All three Fs: product-led growth (PLG) is possible.
    ProductLed,
    /// Function and Frequency but not Free: the seed's premises of PLG hold except the free,
    /// zero-threshold entry. Sell sales-led now and add the free tier to run the seed's
    /// "2B PLG增长漏斗" (a free-customer funnel beside the paying one).
    Hybrid,
    /// Function or Frequency missing: sales-led growth (SLG), because "如果客户要通过很长的
    /// 决策链,经过很长的决策周期才能采购,那么这样的产品不具备PLG的前提".
    SalesLed,
}

/// What the test concludes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreeF {
    /// Function, Frequency, Free: met or not.
    pub met: [(F, bool); 3],
    /// How many Fs are met, 0–3.
    pub fit: u8,
    /// The unticked criteria, in the seed's order.
    pub missing: Vec<Criterion>,
    pub motion: Motion,
}

/// Scores the 3F test (seed 004, 3F确认原则): an F is met when all its criteria are ticked;
/// fit = number of Fs met; motion = PLG at 3, otherwise [`Motion::Hybrid`] when only Free is
/// missing (a free tier is a pricing decision, the seed's "后续待产品增长飞轮启动后,启动收费
/// 版本"), else SLG. The Hybrid split is this app's reading of the seed, which only says that
/// a product failing Function or Frequency "不具备PLG的前提".
///
/// ```
/// use retention_lab::model::strategy::three_f::{three_f, Checklist, Motion};
/// let r = three_f(&Checklist::from_fs(true, true, false));
/// assert_eq!((r.fit, r.motion), (2, Motion::Hybrid));
/// ```
pub fn three_f(checklist: &Checklist) -> ThreeF {
    let f_met = |f: F| {
        Criterion::ALL
            .iter()
            .filter(|c| c.f() == f)
            .all(|&c| checklist.ticked(c))
    };
    let met = [F::Function, F::Frequency, F::Free].map(|f| (f, f_met(f)));
    let fit = met.iter().filter(|(_, m)| *m).count() as u8;
    let motion = match met.map(|(_, m)| m) {
        [true, true, true] => Motion::ProductLed,
        [true, true, false] => Motion::Hybrid,
        _ => Motion::SalesLed,
    };
    ThreeF {
        met,
        fit,
        missing: Criterion::ALL
            .into_iter()
            .filter(|&c| !checklist.ticked(c))
            .collect(),
        motion,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_six_criteria_make_plg() {
        let r = three_f(&Checklist::from_fs(true, true, true));
        assert_eq!(r.fit, 3);
        assert_eq!(r.motion, Motion::ProductLed);
        assert!(r.missing.is_empty());
    }

    #[test]
    fn an_f_needs_every_criterion() {
        // Daily use but 30-day procurement: Frequency is not met (seed: 1 minute to 48 hours).
        let mut c = Checklist::from_fs(true, true, true);
        c.heard_to_used_within_48_hours = false;
        let r = three_f(&c);
        assert_eq!(r.met[1], (F::Frequency, false));
        assert_eq!(r.fit, 2);
        assert_eq!(r.missing, vec![Criterion::HeardToUsedWithin48Hours]);
        assert_eq!(r.motion, Motion::SalesLed);
    }

    #[test]
    fn core_business_flow_rules_out_plg_even_when_free() {
        let mut c = Checklist::from_fs(true, true, true);
        c.supporting_tool = false;
        assert_eq!(three_f(&c).motion, Motion::SalesLed);
    }

    #[test]
    fn nothing_ticked_is_zero_fit_and_all_missing() {
        let r = three_f(&Checklist::default());
        assert_eq!(r.fit, 0);
        assert_eq!(r.missing, Criterion::ALL.to_vec());
        assert_eq!(r.motion, Motion::SalesLed);
    }

    #[test]
    fn only_free_missing_is_hybrid() {
        let mut c = Checklist::from_fs(true, true, true);
        c.zero_threshold = false;
        let r = three_f(&c);
        assert_eq!((r.fit, r.motion), (2, Motion::Hybrid));
    }
}
