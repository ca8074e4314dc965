//! The language and currency figures are shown in, and the trait every key enum implements.

use super::table::fill;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Currency {
    Cny,
    Usd,
    Eur,
}

impl Currency {
    pub const ALL: [Currency; 3] = [Currency::Cny, Currency::Usd, Currency::Eur];

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Cny => "¥",
            Currency::Usd => "$",
            Currency::Eur => "€",
        }
    }

    /// A short stable code for storage and `<option value>`.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Cny => "CNY",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code() == code)
    }
}
