//! The tier thresholds (lighthouse and growth), editable in the Health section and kept in
//! this browser with the other settings.

use yew::prelude::*;

use super::text_setting::TextSetting;
use crate::forms::tier_rules::{set_field, TierField, TierRuleError};
use crate::i18n::{HealthKey, Lang};
use crate::model::tiers::TierRules;
use crate::state::{Action, AppContext};

/// One text setting per threshold; a value that parses and is in range applies at once.
pub fn tier_rules_editor(state: &AppContext, rules: TierRules) -> Html {
    let lang = state.lang;
    let field = |field: TierField| {
        let parse = {
            let state = state.clone();
            Callback::from(move |text: String| {
                let current = state.health.tier_rules;
                match set_field(current, field, &text) {
                    Ok(next) => {
                        state.dispatch(Action::SetTierRules(next));
                        Ok(())
                    }
                    Err(error) => Err(AttrValue::from(error_text(lang, &error))),
                }
            })
        };
        let value = AttrValue::from(trim(field.value(&rules)));
        html! { <TextSetting name={field.test_id()} label={lang.t(label(field))} {value} {parse} /> }
    };
    html! {
        <div class="tier-rules" data-testid="tier-rules">
            { for TierField::ALL.into_iter().map(field) }
        </div>
    }
}

fn label(field: TierField) -> HealthKey {
    match field {
        TierField::LighthouseTopShare => HealthKey::TierTopShare,
        TierField::LighthouseMinHealth => HealthKey::TierLighthouseHealth,
        TierField::LighthouseMinReferrals => HealthKey::TierLighthouseReferrals,
        TierField::GrowthMinHealth => HealthKey::TierGrowthHealth,
    }
}

fn error_text(lang: Lang, error: &TierRuleError) -> String {
    match error {
        TierRuleError::NotNumber => lang.t(HealthKey::NotNumber).to_string(),
        TierRuleError::OutOfRange { min, max } => lang.fill(
            HealthKey::OutOfRange,
            &[("min", &trim(*min)), ("max", &trim(*max))],
        ),
    }
}

/// A threshold as typed: at most two decimals, no trailing zeros.
fn trim(v: f64) -> String {
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
