//! What users type: the NDR bridge and the scenarios' inputs as raw text, the numbers in them
//! (thousands separators, currency signs, `%`), and the scorecard's step scales. Pure functions
//! from text to values or to a located error; the raw text is kept so a half-typed value stays
//! on screen with its message.

pub mod bridge_form;
pub mod economics_form;
pub mod niche_paste;
pub mod number;
pub mod ops_inputs;
pub mod scale_text;
pub mod scenario;
pub mod strategy_inputs;
pub mod tier_rules;
pub mod view_settings;
