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
mod ops_strings;
mod strategy_core_strings;
mod strategy_strings;
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
pub use format::{format_count, format_magnitude, format_money, format_percent, Currency};
pub use growth_strings::GrowthKey;
pub use health_strings::HealthKey;
pub use import_strings::{FieldKey, ImportKey};
pub use import_text::{field_label, import_error_text, origin_label, shape_label};
pub use ops_strings::OpsKey;
pub use strategy_core_strings::StrategyCoreKey;
pub use strategy_strings::StrategyKey;
pub use strings::Key;
pub use table::{fill, placeholders};
pub use team_strings::TeamKey;
pub use workshop_strings::WorkshopKey;

/// A table of visible strings: (中文, English) per key.
pub trait Text: Copy {
    fn texts(self) -> (&'static str, &'static str);
}

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The code stored in localStorage and set as the page's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads a stored code back; anything unknown is `None` so the caller keeps its default.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh-CN" | "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The text of `key` in this language.
    pub fn t(self, key: impl Text) -> &'static str {
        let (zh, en) = key.texts();
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The text of `key` in this language with its named placeholders filled.
    ///
    /// ```
    /// use retention_lab::i18n::{DataKey, Lang};
    /// assert_eq!(Lang::En.fill(DataKey::Preview, &[("rows", "5")]), "Preview (first 5 rows)");
    /// assert_eq!(Lang::Zh.fill(DataKey::Preview, &[("rows", "5")]), "预览（前 5 行）");
    /// ```
    pub fn fill(self, key: impl Text, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// The currency a user of this language most likely means, until they pick one.
    pub fn default_currency(self) -> Currency {
        match self {
            Lang::Zh => Currency::Cny,
            Lang::En => Currency::Usd,
        }
    }
}
