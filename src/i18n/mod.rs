//! Every visible string, in Chinese and English, behind typed keys; and number formatting per
//! language (zh groups by 万 / 亿, en by K / M).
//!
//! Each area has one key enum declared with [`strings!`](table::strings): a key, its Chinese
//! and its English on one line, placeholders named (`{file}`, `{count}`). Errors reach the view
//! as typed values and are written out here, in the UI language (see [`error_text`]).

mod cohort_strings;
mod data_strings;
mod econ_strings;
mod error_text;
mod format;
mod growth_strings;
mod health_strings;
mod import_strings;
mod import_text;
mod lang;
mod ops_strings;
mod strategy_core_strings;
mod strategy_strings;
mod strategy_text;
mod strings;
mod table;
mod team_strings;
#[cfg(test)]
mod tests;
mod workshop_strings;

pub use cohort_strings::CohortKey;
pub use data_strings::DataKey;
pub use econ_strings::{name_from_v1_text, preset_key, scenario_name, EconKey};
pub use error_text::{chart_model_error_text, error_text, ErrorKey, ErrorText};
pub use format::{
    format_count, format_fixed, format_magnitude, format_money, format_p_value, format_percent,
    format_setting, format_signed_percent, format_typed, format_whole_percent,
};
pub use growth_strings::GrowthKey;
pub use health_strings::HealthKey;
pub use import_strings::{FieldKey, ImportKey};
pub use import_text::{field_label, import_error_text, origin_label, shape_label};
pub use lang::{Currency, Lang, Text};
pub use ops_strings::OpsKey;
pub use strategy_core_strings::StrategyCoreKey;
pub use strategy_strings::StrategyKey;
pub use strategy_text::{strategy_error_text, strategy_field_label};
pub use strings::Key;
pub use table::{fill, placeholders};
pub use team_strings::TeamKey;
pub use workshop_strings::WorkshopKey;
