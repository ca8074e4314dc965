//! Attributes added to the sample after its first release: the industry vertical (the
//! `segment` column), the previous tier snapshot and two extra usage columns. They come from
//! a separate random stream per account ([`stream`]), so every attribute drawn before (ARR,
//! renewals, north star, tickets, NPS, time to first value, MRR history) is bit-identical to
//! what it was.

use super::rng::SplitMix64;
use crate::model::tiers::Tier;

/// Industry verticals with their share of accounts: a T shape, manufacturing dominant and
/// the top three about 85 % of the accounts (and so of ARR).
pub const VERTICALS: [(&str, f64); 7] = [
    ("制造业 Manufacturing", 0.46),
    ("零售 Retail", 0.23),
    ("金融 Finance", 0.16),
    ("教育 Education", 0.05),
    ("医疗 Healthcare", 0.04),
    ("物流 Logistics", 0.04),
    ("互联网 Internet", 0.02),
];

/// Extra numeric columns, by header.
pub const WEEKLY_ACTIVE_USERS: &str = "weekly_active_users";
pub const INTEGRATIONS: &str = "integrations";

/// The account's own stream: the seed mixed with the account's index (SplitMix64's golden
/// increment times index + 1), offset so it never coincides with the main stream.
pub fn stream(seed: u64, index: usize) -> SplitMix64 {
    let salt = 0xC0FF_EE00_D15E_A5E5_u64;
    SplitMix64(seed ^ salt ^ (index as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// What an account already drew that the new attributes depend on.
pub struct Drawn {
    pub engagement: f64,
    /// The renewal signal the account's renewals were drawn from, without its noise: for
    /// annual plans 1.4 z − 0.25 × unresolved tickets (log-odds of renewing), for monthly
    /// plans the negated churn log-odds terms (1.3 z − 0.2 × unresolved − 0.8 × churn noise).
    pub renewal_signal: f64,
    /// Whether the account had started a year before the export (a previous snapshot exists).
    pub existed_a_year_ago: bool,
    pub large: bool,
}

pub struct Extras {
    pub vertical: &'static str,
    pub prev_tier: Option<Tier>,
    pub weekly_active_users: f64,
    pub integrations: f64,
    /// Never reached first value: mostly the least engaged (seed 001: not activated within
    /// 90 days is the first churn risk). Drawn last, so the draws above stay as they were.
    pub never_activated: bool,
}

impl Extras {
    pub fn draw(rng: &mut SplitMix64, d: &Drawn) -> Extras {
        let pick = rng.uniform();
        let mut cumulative = 0.0;
        let mut vertical = VERTICALS[VERTICALS.len() - 1].0;
        for (name, share) in VERTICALS {
            cumulative += share;
            if pick < cumulative {
                vertical = name;
                break;
            }
        }
        // Weekly active users follow the whole renewal signal (usage and friction, and for
        // monthly plans the account's own churn propensity), so they rank renewals better
        // than the north star alone.
        let weekly_active_users = (12.0 * (0.45 * d.renewal_signal + 0.15 * rng.normal()).exp())
            .round()
            .max(1.0);
        let integrations = (1.5 + 1.2 * d.engagement + rng.normal())
            .round()
            .clamp(0.0, 12.0);
        // Last year's engagement drifts towards today's; the tier rules' spirit: large,
        // engaged accounts were lighthouse, engaged ones growth, the rest standard.
        let last_year = d.engagement + 0.6 * rng.normal();
        let prev_tier = d
            .existed_a_year_ago
            .then_some(if d.large && last_year > 1.2 {
                Tier::Lighthouse
            } else if last_year > 0.6 {
                Tier::Growth
            } else {
                Tier::Standard
            });
        let never_activated = rng.uniform() < 0.6 * (-d.engagement - 0.8).max(0.0);
        Extras {
            vertical,
            prev_tier,
            weekly_active_users,
            integrations,
            never_activated,
        }
    }
}
