//! PLG activation-friction index (PLG激活-摩擦指数, "客户心理激活模型"), seed 004
//! (`shared/seeds/004_558385ba70675088.txt`, section 零摩擦).
//!
//! The seed: a user meets a new tool with a work goal and so starts with a "pre-charge"
//! (启动前充值) "that offsets friction", larger the more the goal matters; each touchpoint with
//! the product then scores "爽与不爽 5分档, 喜欢与不喜欢 (高兴与不高兴) 10分档, 惊喜与恼火 20分档",
//! the scores accumulate to a net value, and "大于0就是可激活,小于0则是激活失败" (net > 0
//! activates, net < 0 fails). The baseline is 0.
//!
//! The seed also says "分值范围为-25~25" (the scale is −25..25). That range cannot bound a
//! running sum of ±20 steps (two delights already make +40), so the index here is the raw net,
//! unclamped; only the pre-charge is held to 0..=25 ([`PRE_CHARGE_MAX`]).

use super::{Problem, StrategyError};
use serde::{Deserialize, Serialize};

/// The largest pre-charge: the top of the seed's stated −25..25 scale.
pub const PRE_CHARGE_MAX: i32 = 25;

/// How one touchpoint felt, in the seed's three pairs of levels (points in brackets).
/// Stored as its points (`-20` … `20`), so a document reads as the seed's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "i32", into = "i32")]
pub enum Rating {
    /// 恼火 annoyed (−20).
    Annoyed,
    /// 不喜欢 disliked (−10).
    Disliked,
    /// 不爽 unpleasant (−5).
    Unpleasant,
    /// 爽 pleasant (+5).
    Pleasant,
    /// 喜欢 liked (+10).
    Liked,
    /// 惊喜 delighted (+20).
    Delighted,
}

impl Rating {
    /// Every rating, from the worst to the best.
    pub const ALL: [Rating; 6] = [
        Rating::Annoyed,
        Rating::Disliked,
        Rating::Unpleasant,
        Rating::Pleasant,
        Rating::Liked,
        Rating::Delighted,
    ];

    /// The seed's points: ±5 (爽/不爽), ±10 (喜欢/不喜欢), ±20 (惊喜/恼火).
    pub fn points(self) -> i32 {
        match self {
            Rating::Annoyed => -20,
            Rating::Disliked => -10,
            Rating::Unpleasant => -5,
            Rating::Pleasant => 5,
            Rating::Liked => 10,
            Rating::Delighted => 20,
        }
    }

    /// The rating worth `points`.
    ///
    /// # Errors
    /// [`StrategyError::NotARating`] for anything but −20, −10, −5, 5, 10, 20.
    ///
    /// ```
    /// use retention_lab::model::strategy::activation::Rating;
    /// assert_eq!(Rating::from_points(-10), Ok(Rating::Disliked));
    /// assert!(Rating::from_points(0).is_err());
    /// ```
    pub fn from_points(points: i32) -> Result<Rating, StrategyError> {
        Rating::ALL
            .into_iter()
            .find(|r| r.points() == points)
            .ok_or(StrategyError::NotARating { points })
    }
}

/// The user's starting motivation, 启动前充值, validated to 0..=[`PRE_CHARGE_MAX`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "i32", into = "i32")]
pub struct PreCharge(i32);

impl PreCharge {
    /// The seed's 启动前充值: "他拥有抵消摩擦消耗的初始基数" (a starting stock that offsets
    /// friction), here 0..=25.
    ///
    /// # Errors
    /// A value outside 0..=25, as a `pre_charge` field error.
    pub fn new(points: i32) -> Result<PreCharge, StrategyError> {
        if (0..=PRE_CHARGE_MAX).contains(&points) {
            Ok(PreCharge(points))
        } else {
            Err(StrategyError::Field {
                field: "pre_charge",
                problem: Problem::OutOfRange {
                    min: 0.0,
                    max: f64::from(PRE_CHARGE_MAX),
                },
            })
        }
    }

    /// The pre-charge in index points (the balance before the first touchpoint).
    pub fn points(self) -> i32 {
        self.0
    }
}

impl TryFrom<i32> for Rating {
    type Error = StrategyError;
    fn try_from(points: i32) -> Result<Rating, StrategyError> {
        Rating::from_points(points)
    }
}

impl From<Rating> for i32 {
    fn from(rating: Rating) -> i32 {
        rating.points()
    }
}

impl TryFrom<i32> for PreCharge {
    type Error = StrategyError;
    fn try_from(points: i32) -> Result<PreCharge, StrategyError> {
        PreCharge::new(points)
    }
}

impl From<PreCharge> for i32 {
    fn from(pre_charge: PreCharge) -> i32 {
        pre_charge.points()
    }
}

/// A journey's or a touchpoint's name: typed by the user, or one of the seed presets' names,
/// stored as which preset (and touchpoint) it is and shown in the UI language, so a workshop
/// switched to English shows the preset in English without translating text back.
///
/// Stored untagged: a typed name is a JSON string (as every name was before presets were
/// kinds), a preset's name `{"preset": 0, "touchpoint": 2}` (`touchpoint` `null` for the
/// journey's own name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Name {
    Preset(PresetName),
    Typed(String),
}

/// Which seed preset's name: the preset's index in [`seed_presets`], and the touchpoint's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetName {
    pub preset: u8,
    pub touchpoint: Option<u8>,
}

impl From<&str> for Name {
    fn from(text: &str) -> Name {
        Name::Typed(text.to_string())
    }
}

impl From<String> for Name {
    fn from(text: String) -> Name {
        Name::Typed(text)
    }
}

impl Default for Name {
    fn default() -> Self {
        Name::Typed(String::new())
    }
}

impl Name {
    /// The name in Chinese (`zh`) or English; a preset index that names no preset reads "".
    pub fn text(&self, zh: bool) -> String {
        match self {
            Name::Typed(text) => text.clone(),
            Name::Preset(p) => p
                .pair()
                .map(|(z, e)| if zh { z } else { e }.to_string())
                .unwrap_or_default(),
        }
    }

    /// Whether a preset name names a shipped preset (a typed name always does).
    pub fn is_known(&self) -> bool {
        match self {
            Name::Typed(_) => true,
            Name::Preset(p) => p.pair().is_some(),
        }
    }

    /// The preset name whose Chinese or English text `text` is, if any, among the presets'
    /// touchpoint names (`touchpoint`) or journey names: how a name stored as text by an
    /// earlier version becomes the preset it was (once, when the document is read). The two
    /// kinds are searched apart because a journey and a touchpoint can share a text ("打开不会用").
    pub fn recognise(text: &str, touchpoint: bool) -> Name {
        for (i, p) in seed_presets().iter().enumerate() {
            let found = if touchpoint {
                p.touchpoints
                    .iter()
                    .position(|((z, e), _)| text == *z || text == *e)
                    .map(Some)
            } else {
                (text == p.name.0 || text == p.name.1).then_some(None)
            };
            if let Some(t) = found {
                return Name::Preset(PresetName {
                    preset: i as u8,
                    touchpoint: t.map(|t| t as u8),
                });
            }
        }
        Name::Typed(text.to_string())
    }
}

impl PresetName {
    fn pair(self) -> Option<(&'static str, &'static str)> {
        let presets = seed_presets();
        let preset = presets.get(usize::from(self.preset))?;
        match self.touchpoint {
            None => Some(preset.name),
            Some(t) => preset
                .touchpoints
                .get(usize::from(t))
                .map(|(pair, _)| *pair),
        }
    }
}

/// One contact between the user and the product (接触点), in the order the user meets them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touchpoint {
    pub name: Name,
    pub rating: Rating,
}

/// A pre-charge and the touchpoints that follow it; valid by construction.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Journey {
    pub pre_charge: PreCharge,
    pub touchpoints: Vec<Touchpoint>,
}

/// A journey with a name (a persona, a product variant): several side by side are a
/// `Vec<NamedJourney>`, each evaluated on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedJourney {
    pub name: Name,
    pub journey: Journey,
}

/// The seed's verdict on a net value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// net > 0: 可激活.
    Activates,
    /// net = 0: the seed names neither outcome.
    OnTheEdge,
    /// net < 0: 激活失败.
    Fails,
}

/// The single change worth most: one touchpoint raised to 爽 (+5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BestFix {
    /// 1-based position of the touchpoint.
    pub position: usize,
    /// Its rating now.
    pub from: Rating,
    /// The journey's net with that touchpoint at +5.
    pub net_after: i32,
}

/// Everything the index says about a journey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JourneyResult {
    /// Balance after each touchpoint, starting from the pre-charge (one per touchpoint).
    pub balances: Vec<i32>,
    /// pre-charge + Σ ratings.
    pub net: i32,
    pub verdict: Verdict,
    /// 1-based position of the first touchpoint after which the balance is below 0.
    pub first_negative: Option<usize>,
    /// `None` for an empty journey or when no touchpoint is negative.
    pub best_fix: Option<BestFix>,
}

/// The seed's rule on the net: > 0 activates, < 0 fails, 0 is on the edge.
///
/// ```
/// use retention_lab::model::strategy::activation::{verdict, Verdict};
/// assert_eq!(verdict(5), Verdict::Activates);
/// assert_eq!(verdict(0), Verdict::OnTheEdge);
/// assert_eq!(verdict(-5), Verdict::Fails);
/// ```
pub fn verdict(net: i32) -> Verdict {
    match net.cmp(&0) {
        std::cmp::Ordering::Greater => Verdict::Activates,
        std::cmp::Ordering::Equal => Verdict::OnTheEdge,
        std::cmp::Ordering::Less => Verdict::Fails,
    }
}

/// Evaluates a journey (seed 004, PLG激活-摩擦指数):
/// - balanceₖ = pre-charge + Σ_{i≤k} ratingᵢ;
/// - net = pre-charge + Σ ratings (the last balance, or the pre-charge when there are none);
/// - verdict by [`verdict`];
/// - first negative = the smallest k with balanceₖ < 0;
/// - best fix: the most negative touchpoint (the first of equals) raised to +5, which gives
///   net − rating + 5.
///
/// Sums are in `i32`: a journey would need over 10⁸ touchpoints to overflow, more than fits in
/// a browser tab.
///
/// ```
/// use retention_lab::model::strategy::activation::*;
/// let t = |name: &str, rating| Touchpoint { name: name.into(), rating };
/// let journey = Journey {
///     pre_charge: PreCharge::new(10).unwrap(),
///     touchpoints: vec![t("sign up", Rating::Pleasant), t("blank page", Rating::Annoyed)],
/// };
/// let r = evaluate(&journey);
/// assert_eq!(r.balances, vec![15, -5]);
/// assert_eq!(r.first_negative, Some(2));
/// assert_eq!(r.best_fix.map(|f| f.net_after), Some(20)); // −5 − (−20) + 5
/// ```
pub fn evaluate(journey: &Journey) -> JourneyResult {
    let mut balance = journey.pre_charge.points();
    let mut balances = Vec::with_capacity(journey.touchpoints.len());
    let mut first_negative = None;
    for (i, touchpoint) in journey.touchpoints.iter().enumerate() {
        balance += touchpoint.rating.points();
        balances.push(balance);
        if balance < 0 && first_negative.is_none() {
            first_negative = Some(i + 1);
        }
    }
    let net = balance;
    let mut worst: Option<(usize, Rating)> = None;
    for (i, touchpoint) in journey.touchpoints.iter().enumerate() {
        let points = touchpoint.rating.points();
        if points < 0 && worst.is_none_or(|(_, w)| points < w.points()) {
            worst = Some((i, touchpoint.rating));
        }
    }
    JourneyResult {
        balances,
        net,
        verdict: verdict(net),
        first_negative,
        best_fix: worst.map(|(i, from)| BestFix {
            position: i + 1,
            from,
            net_after: net - from.points() + Rating::Pleasant.points(),
        }),
    }
}

/// A worked example built from the seed's own text, with touchpoint names in Chinese and
/// English. The seed gives the method but no scored journey: the ratings and pre-charges are
/// assumptions that illustrate the sentences quoted in `source`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedPreset {
    /// Journey name (zh, en).
    pub name: (&'static str, &'static str),
    /// The seed sentence the journey illustrates.
    pub source: &'static str,
    pub pre_charge: i32,
    /// Touchpoint names (zh, en) and ratings, in order.
    pub touchpoints: Vec<((&'static str, &'static str), Rating)>,
}

impl SeedPreset {
    /// Preset `index` of [`seed_presets`] as a journey whose names are the preset's (shown in
    /// the UI language).
    ///
    /// # Errors
    /// Only if the preset's pre-charge were outside 0..=25 (the shipped ones are not).
    pub fn journey(&self, index: u8) -> Result<NamedJourney, StrategyError> {
        let name = |touchpoint: Option<u8>| {
            Name::Preset(PresetName {
                preset: index,
                touchpoint,
            })
        };
        Ok(NamedJourney {
            name: name(None),
            journey: Journey {
                pre_charge: PreCharge::new(self.pre_charge)?,
                touchpoints: self
                    .touchpoints
                    .iter()
                    .enumerate()
                    .map(|(t, &(_, rating))| Touchpoint {
                        name: name(Some(t as u8)),
                        rating,
                    })
                    .collect(),
            },
        })
    }
}

/// Two example journeys from seed 004, same meeting tool and motivation (pre-charge 10):
/// 1. "客户打开不会用" — the seed's "第一道阻碍" (first obstacle: the user opens it and cannot
///    use it, because the product is not simple enough and the guidance is poor): fails.
/// 2. "三步设置进行会议预演" — the seed's example of passing value on before the user feels it,
///    with "工作成果就是价值" (the work result is the value): activates.
pub fn seed_presets() -> [SeedPreset; 2] {
    [
        SeedPreset {
            name: ("打开不会用", "Opens it, cannot use it"),
            source: "很多产品不能形成口碑的第一道阻碍,就是客户打开不会用,一方面是产品打磨得还不够简单,另一方面是使用引导做得不好。",
            pre_charge: 10,
            touchpoints: vec![
                (("免费注册", "Free sign-up"), Rating::Pleasant),
                (("打开不会用", "Opens it, does not know how"), Rating::Annoyed),
                (("找不到使用引导", "No guidance to be found"), Rating::Disliked),
                (("终于开完第一场会", "First meeting finally held"), Rating::Pleasant),
            ],
        },
        SeedPreset {
            name: ("三步设置会议预演", "Three-step meeting rehearsal"),
            source: "比如上一段举例的“三步设置进行会议预演”就是提前传递产品价值的方式。",
            pre_charge: 10,
            touchpoints: vec![
                (("免费注册", "Free sign-up"), Rating::Pleasant),
                (("三步设置进行会议预演", "Three steps to a meeting rehearsal"), Rating::Liked),
                (("一处设置找不到", "One setting hard to find"), Rating::Unpleasant),
                (("会议成果即刻可见", "Meeting result visible at once"), Rating::Delighted),
            ],
        },
    ]
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
