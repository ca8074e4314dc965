//! Names of health measures, stages, bands and tiers in the UI language, shared by the health
//! and renewal sections.

use crate::i18n::{HealthKey, Lang};
use crate::model::health::{Band, Measure, Stage};
use crate::model::tiers::Tier;

pub fn measure_label(lang: Lang, measure: &Measure) -> String {
    let key = match measure {
        Measure::NorthStar => HealthKey::NorthStar,
        Measure::TicketsOpened => HealthKey::TicketsOpened,
        Measure::TicketsUnresolved => HealthKey::TicketsUnresolved,
        Measure::Nps => HealthKey::Nps,
        Measure::Onboarding => HealthKey::Onboarding,
        Measure::ExecTouch => HealthKey::ExecTouch,
        Measure::Custom(name) => return name.clone(),
    };
    lang.t(key).to_string()
}

pub fn stage_label(lang: Lang, stage: Stage) -> &'static str {
    lang.t(match stage {
        Stage::Onboarding => HealthKey::StageOnboarding,
        Stage::Growth => HealthKey::StageGrowth,
        Stage::Steady => HealthKey::StageSteady,
        Stage::Renewal => HealthKey::StageRenewal,
    })
}

pub fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::Onboarding => "onboarding",
        Stage::Growth => "growth",
        Stage::Steady => "steady",
        Stage::Renewal => "renewal",
    }
}

pub fn band_label(lang: Lang, band: Band) -> &'static str {
    lang.t(match band {
        Band::Red => HealthKey::BandRed,
        Band::Yellow => HealthKey::BandYellow,
        Band::Green => HealthKey::BandGreen,
    })
}

pub fn tier_label(lang: Lang, tier: Tier) -> &'static str {
    lang.t(match tier {
        Tier::Lighthouse => HealthKey::TierLighthouse,
        Tier::Growth => HealthKey::TierGrowth,
        Tier::Standard => HealthKey::TierStandard,
    })
}

/// A raw measure value as shown in reasons: whole numbers plainly, others to two significant
/// decimals; "never" for no first value.
pub fn raw_text(lang: Lang, raw: f64) -> String {
    if raw.is_infinite() {
        lang.t(HealthKey::NeverActivated).to_string()
    } else if raw.fract() == 0.0 && raw.abs() < 1e15 {
        format!("{raw:.0}")
    } else {
        format!("{raw:.1}")
    }
}
