//! Number formatting for figures on screen. zh groups large numbers by 万 (10⁴) and 亿 (10⁸), as
//! Chinese finance writes them; en by K (10³) and M (10⁶).

use super::Lang;

/// The currency symbol shown with money; the user picks it (¥ by default in zh, $ in en).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// Formats a money amount for display: `¥105万`, `¥1.2亿`, `$1.05M`, `$950K`, `$12`.
///
/// Non-finite values show as `—` rather than `NaN`.
///
/// ```
/// use retention_lab::i18n::{format_money, Currency, Lang};
/// assert_eq!(format_money(1_050_000.0, Lang::Zh, Currency::Cny), "¥105万");
/// assert_eq!(format_money(1_050_000.0, Lang::En, Currency::Usd), "$1.05M");
/// assert_eq!(format_money(-50_000.0, Lang::En, Currency::Usd), "−$50K");
/// ```
pub fn format_money(amount: f64, lang: Lang, currency: Currency) -> String {
    if !amount.is_finite() {
        return "—".to_string();
    }
    let sign = if amount < 0.0 { "−" } else { "" };
    format!("{sign}{}{}", currency.symbol(), compact(amount.abs(), lang))
}

/// Formats a fraction as a percentage with one decimal: `1.05` → `105.0%`.
///
/// ```
/// use retention_lab::i18n::format_percent;
/// assert_eq!(format_percent(1.05), "105.0%");
/// assert_eq!(format_percent(-0.05), "−5.0%");
/// ```
pub fn format_percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_string();
    }
    let pct = fraction * 100.0;
    // Round first so that -0.04 % shows as 0.0 %, not −0.0 %.
    let rounded = (pct * 10.0).round() / 10.0;
    if rounded < 0.0 {
        format!("−{:.1}%", -rounded)
    } else {
        format!("{:.1}%", rounded.abs())
    }
}

/// Formats a count with thousands separators: `2000` → `2,000`.
///
/// ```
/// use retention_lab::i18n::format_count;
/// assert_eq!(format_count(1_234_567), "1,234,567");
/// assert_eq!(format_count(12), "12");
/// ```
pub fn format_count(count: usize) -> String {
    crate::forms::number::group_thousands(&count.to_string())
}

fn compact(value: f64, lang: Lang) -> String {
    let steps: &[(f64, &str)] = match lang {
        Lang::Zh => &[(1e8, "亿"), (1e4, "万")],
        Lang::En => &[(1e9, "B"), (1e6, "M"), (1e3, "K")],
    };
    for &(unit, suffix) in steps {
        if value >= unit {
            return format!("{}{suffix}", trim_decimals(value / unit));
        }
    }
    // Chinese amounts stay whole below 万: 1,000 to 9,999 get their separator.
    crate::forms::number::group_thousands(&trim_decimals(value))
}

/// Up to three significant digits after the point for small mantissas, trailing zeros dropped.
fn trim_decimals(value: f64) -> String {
    let decimals = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zh_uses_wan_and_yi() {
        assert_eq!(
            format_money(120_000_000.0, Lang::Zh, Currency::Cny),
            "¥1.2亿"
        );
        assert_eq!(format_money(85_000.0, Lang::Zh, Currency::Cny), "¥8.5万");
        assert_eq!(format_money(9_999.0, Lang::Zh, Currency::Cny), "¥9,999");
        assert_eq!(format_money(-4_577.4, Lang::Zh, Currency::Cny), "−¥4,577");
        assert_eq!(format_money(999.5, Lang::Zh, Currency::Cny), "¥1,000");
    }

    #[test]
    fn en_uses_k_m_b() {
        assert_eq!(
            format_money(2_500_000_000.0, Lang::En, Currency::Eur),
            "€2.5B"
        );
        assert_eq!(format_money(150_000.0, Lang::En, Currency::Usd), "$150K");
        assert_eq!(format_money(12.345, Lang::En, Currency::Usd), "$12.3");
    }

    #[test]
    fn non_finite_shows_a_dash() {
        assert_eq!(format_money(f64::NAN, Lang::En, Currency::Usd), "—");
        assert_eq!(format_percent(f64::INFINITY), "—");
    }

    #[test]
    fn tiny_negative_percent_is_zero() {
        assert_eq!(format_percent(-0.0000001), "0.0%");
    }

    #[test]
    fn currency_codes_round_trip() {
        for c in Currency::ALL {
            assert_eq!(Currency::from_code(c.code()), Some(c));
        }
        assert_eq!(Currency::from_code("XXX"), None);
    }
}
