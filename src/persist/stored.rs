//! What the app keeps in localStorage, as versioned JSON.
//!
//! Keys carry the format version (`retention-lab/v1/...`); the payload carries it again so a
//! value written by a future version under the same key is recognised and ignored, never
//! misread. Decoding returns `Err` for anything unreadable: the caller shows a notice and
//! falls back to the sample.

use serde::{Deserialize, Serialize};

use crate::forms::bridge_form::BridgeForm;
use crate::forms::tier_rules::is_valid;
use crate::model::tiers::TierRules;

/// Storage key of the bridge inputs.
pub const BRIDGE_KEY: &str = "retention-lab/v1/bridge";
/// Storage key of the UI language code.
pub const LANG_KEY: &str = "retention-lab/v1/lang";
/// Storage key of the currency code.
pub const CURRENCY_KEY: &str = "retention-lab/v1/currency";
/// Storage key of the Health section's settings that outlive a reload (the tier rules).
pub const HEALTH_KEY: &str = "retention-lab/v1/health";
/// Storage key of the working scenarios (a `persist::scenario_doc` document), so a reload in the
/// middle of a workshop keeps them.
pub const SCENARIOS_KEY: &str = "retention-lab/v1/scenarios";

const BRIDGE_VERSION: u32 = 1;

/// Why a stored value was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredError {
    /// Not JSON of the expected shape.
    Corrupt,
    /// Written by another format version.
    WrongVersion(u32),
}

/// The stored bridge: the version beside the form's own fields (format 1's layout).
#[derive(Serialize, Deserialize)]
struct StoredBridge {
    version: u32,
    #[serde(flatten)]
    form: BridgeForm,
}

/// Encodes the bridge form (raw texts, so a half-typed value survives a reload).
pub fn encode_bridge(form: &BridgeForm) -> String {
    let stored = StoredBridge {
        version: BRIDGE_VERSION,
        form: form.clone(),
    };
    // Only strings and a number: serialising cannot fail.
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Only the version, read first: another version's fields may differ.
#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Decodes what [`encode_bridge`] wrote.
///
/// ```
/// use retention_lab::forms::bridge_form::BridgeForm;
/// use retention_lab::persist::stored::{decode_bridge, encode_bridge};
/// let form = BridgeForm::sample();
/// assert_eq!(decode_bridge(&encode_bridge(&form)), Ok(form));
/// assert!(decode_bridge("{not json").is_err());
/// ```
pub fn decode_bridge(text: &str) -> Result<BridgeForm, StoredError> {
    let version = serde_json::from_str::<VersionOnly>(text)
        .map_err(|_| StoredError::Corrupt)?
        .version;
    if version != BRIDGE_VERSION {
        return Err(StoredError::WrongVersion(version));
    }
    serde_json::from_str::<StoredBridge>(text)
        .map(|stored| stored.form)
        .map_err(|_| StoredError::Corrupt)
}

const HEALTH_VERSION: u32 = 1;

/// The stored tier rules: the thresholds by name, beside the version.
#[derive(Serialize, Deserialize)]
struct StoredHealth {
    version: u32,
    tier_rules: StoredTierRules,
}

#[derive(Serialize, Deserialize)]
struct StoredTierRules {
    lighthouse_top_share: f64,
    lighthouse_min_health: f64,
    lighthouse_min_referrals: f64,
    growth_min_health: f64,
}

/// Encodes the Health settings kept across reloads.
pub fn encode_health(rules: &TierRules) -> String {
    let stored = StoredHealth {
        version: HEALTH_VERSION,
        tier_rules: StoredTierRules {
            lighthouse_top_share: rules.lighthouse_top_share,
            lighthouse_min_health: rules.lighthouse_min_health,
            lighthouse_min_referrals: rules.lighthouse_min_referrals,
            growth_min_health: rules.growth_min_health,
        },
    };
    // Finite numbers (checked on every edit): serialising cannot fail.
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Decodes what [`encode_health`] wrote; thresholds out of their ranges are refused.
pub fn decode_health(text: &str) -> Result<TierRules, StoredError> {
    let version = serde_json::from_str::<VersionOnly>(text)
        .map_err(|_| StoredError::Corrupt)?
        .version;
    if version != HEALTH_VERSION {
        return Err(StoredError::WrongVersion(version));
    }
    let stored: StoredHealth = serde_json::from_str(text).map_err(|_| StoredError::Corrupt)?;
    let t = stored.tier_rules;
    let rules = TierRules {
        lighthouse_top_share: t.lighthouse_top_share,
        lighthouse_min_health: t.lighthouse_min_health,
        lighthouse_min_referrals: t.lighthouse_min_referrals,
        growth_min_health: t.growth_min_health,
    };
    if is_valid(&rules) {
        Ok(rules)
    } else {
        Err(StoredError::Corrupt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tier_rules_round_trip_and_out_of_range_ones_are_refused() {
        let rules = TierRules {
            lighthouse_top_share: 0.1,
            growth_min_health: 55.0,
            ..TierRules::default()
        };
        assert_eq!(decode_health(&encode_health(&rules)), Ok(rules));
        let too_high = encode_health(&rules).replace("55.0", "155.0");
        assert_eq!(decode_health(&too_high), Err(StoredError::Corrupt));
        let future = encode_health(&rules).replace("\"version\":1", "\"version\":2");
        assert_eq!(decode_health(&future), Err(StoredError::WrongVersion(2)));
    }

    #[test]
    fn rejects_other_versions_and_shapes() {
        let future = encode_bridge(&BridgeForm::sample()).replace("\"version\":1", "\"version\":9");
        assert_eq!(decode_bridge(&future), Err(StoredError::WrongVersion(9)));
        assert_eq!(decode_bridge("[]"), Err(StoredError::Corrupt));
        assert_eq!(decode_bridge(""), Err(StoredError::Corrupt));
        let bad_mode = encode_bridge(&BridgeForm::sample()).replace("money", "euros");
        assert_eq!(decode_bridge(&bad_mode), Err(StoredError::Corrupt));
    }
}
