//! A customer's tier as a value (lighthouse 标杆, growth 增值, standard 普通): what a customer
//! record and a previous-tier column hold. How tiers are assigned is `model::tiers`.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    Lighthouse,
    Growth,
    Standard,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Lighthouse, Tier::Growth, Tier::Standard];

    pub fn key(self) -> &'static str {
        match self {
            Tier::Lighthouse => "lighthouse",
            Tier::Growth => "growth",
            Tier::Standard => "standard",
        }
    }
}

/// Reads a tier written as text (a previous-tier column): its key `lighthouse` / `growth` /
/// `standard`, the sources' names 标杆 / 增值 / 普通 (`shared/domain.md` point 6, seed 004) or
/// the common alternatives 灯塔 / 成长 / 标准; case-insensitive, surrounding spaces ignored.
/// Anything else is `None`.
///
/// ```
/// use retention_lab::model::tier::{parse_tier, Tier};
/// assert_eq!(parse_tier(" Growth "), Some(Tier::Growth));
/// assert_eq!(parse_tier("标杆"), Some(Tier::Lighthouse));
/// assert_eq!(parse_tier("gold"), None);
/// ```
pub fn parse_tier(text: &str) -> Option<Tier> {
    match text.trim().to_lowercase().as_str() {
        "lighthouse" | "标杆" | "灯塔" => Some(Tier::Lighthouse),
        "growth" | "增值" | "成长" => Some(Tier::Growth),
        "standard" | "普通" | "标准" => Some(Tier::Standard),
        _ => None,
    }
}
