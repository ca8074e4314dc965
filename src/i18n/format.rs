//! Number formatting for figures on screen. zh groups large numbers by 万 (10⁴) and 亿 (10⁸), as
//! Chinese finance writes them; en by K (10³) and M (10⁶).

use super::lang::{Currency, Lang};

/// The currency symbol shown with money; the user picks it (¥ by default in zh, $ in en).
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

/// Formats a plain magnitude (no currency) as [`format_money`] does: `1.2万`, `950K`; from
/// 10¹² on, where a card has no room for the digits and no word is common, in scientific
/// form with two significant digits: `1.2 × 10¹⁵`. Non-finite values show as `—`.
///
/// ```
/// use retention_lab::i18n::{format_magnitude, Lang};
/// assert_eq!(format_magnitude(1.2e15, Lang::En), "1.2 × 10¹⁵");
/// assert_eq!(format_magnitude(1e12, Lang::Zh), "1 × 10¹²");
/// assert_eq!(format_magnitude(-950_000.0, Lang::En), "−950K");
/// assert_eq!(format_magnitude(f64::NEG_INFINITY, Lang::En), "—");
/// ```
pub fn format_magnitude(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    let sign = if value < 0.0 { "−" } else { "" };
    format!("{sign}{}", compact(value.abs(), lang))
}

/// `m × 10ⁿ` with two significant digits and a superscript exponent, for a positive value.
fn scientific(value: f64) -> String {
    scientific_from_log(value.log10())
}

/// [`scientific`] of 10^`log10`, which stays finite where the value itself would not
/// (a percentage of f64::MAX).
fn scientific_from_log(log10: f64) -> String {
    let mut exponent = log10.floor() as i32;
    let mut mantissa = 10f64.powf(log10 - f64::from(exponent));
    // Rounding 9.96 to one decimal gives 10.0: carry into the exponent.
    if (mantissa * 10.0).round() >= 100.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits: String = exponent
        .to_string()
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => SUPERSCRIPT[d as usize],
            None => '⁻',
        })
        .collect();
    let m = format!("{mantissa:.1}");
    let m = m.trim_end_matches('0').trim_end_matches('.');
    format!("{m} × 10{digits}")
}

/// Formats a fraction as a percentage with one decimal: `1.05` → `105.0%`; from 10⁶ % on in
/// scientific form (`1.2 × 10⁸%`) rather than a row of digits.
///
/// ```
/// use retention_lab::i18n::format_percent;
/// assert_eq!(format_percent(1.05), "105.0%");
/// assert_eq!(format_percent(-0.05), "−5.0%");
/// assert_eq!(format_percent(1.2e6), "1.2 × 10⁸%");
/// ```
pub fn format_percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_string();
    }
    let pct = fraction * 100.0;
    if fraction.abs() >= 1e4 {
        let sign = if fraction < 0.0 { "−" } else { "" };
        return format!(
            "{sign}{}%",
            scientific_from_log(fraction.abs().log10() + 2.0)
        );
    }
    // Round first so that -0.04 % shows as 0.0 %, not −0.0 %.
    let rounded = (pct * 10.0).round() / 10.0;
    if rounded < 0.0 {
        format!("−{:.1}%", -rounded)
    } else {
        format!("{:.1}%", rounded.abs())
    }
}

/// A percentage change with its sign: `+5.0%`, `−5.0%` (the rule of [`format_percent`]).
///
/// ```
/// use retention_lab::i18n::format_signed_percent;
/// assert_eq!(format_signed_percent(0.05), "+5.0%");
/// assert_eq!(format_signed_percent(-0.05), "−5.0%");
/// ```
pub fn format_signed_percent(fraction: f64) -> String {
    if fraction >= 0.0 {
        format!("+{}", format_percent(fraction))
    } else {
        format_percent(fraction)
    }
}

/// A fraction in whole percents, where a decimal would be noise (a heat-map cell, a slider's
/// own value): `0.804` → `80%`.
///
/// ```
/// use retention_lab::i18n::format_whole_percent;
/// assert_eq!(format_whole_percent(0.804), "80%");
/// assert_eq!(format_whole_percent(f64::NAN), "—");
/// ```
pub fn format_whole_percent(fraction: f64) -> String {
    if fraction.is_finite() {
        format!("{:.0}%", fraction * 100.0)
    } else {
        "—".to_string()
    }
}

/// A number the user typed, shown back in its field: up to six decimals, so 0.1 × 100 shows
/// as 10 and not 10.000000000000002, while 1.25 hours stays 1.25. `""` when not finite.
///
/// ```
/// use retention_lab::i18n::format_typed;
/// assert_eq!(format_typed(0.1 * 100.0), "10");
/// assert_eq!(format_typed(1.25), "1.25");
/// ```
pub fn format_typed(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    ((value * 1e6).round() / 1e6 + 0.0).to_string()
}

/// A number with a fixed count of decimals, "—" when not finite (a score, a weight).
///
/// ```
/// use retention_lab::i18n::format_fixed;
/// assert_eq!(format_fixed(66.666, 1), "66.7");
/// assert_eq!(format_fixed(f64::INFINITY, 1), "—");
/// ```
/// A p-value as a reader takes it: four decimals, or "< 0.0001" below that.
pub fn format_p_value(p: f64) -> String {
    if p < 1e-4 {
        "< 0.0001".to_string()
    } else {
        format_fixed(p, 4)
    }
}

pub fn format_fixed(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format!("{value:.decimals$}")
    } else {
        "—".to_string()
    }
}

/// A number as an editable setting shows it: at most one decimal, no trailing zeros, so
/// 0.929811 × 100 shows as 93 and 0.1 × 100 as 10 (not 10.000000000000002). `""` when not
/// finite, leaving the field empty.
///
/// ```
/// use retention_lab::i18n::format_setting;
/// assert_eq!(format_setting(92.9811), "93");
/// assert_eq!(format_setting(0.1 * 100.0), "10");
/// assert_eq!(format_setting(2.25), "2.3");
/// assert_eq!(format_setting(f64::NAN), "");
/// ```
pub fn format_setting(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 10.0).round() / 10.0;
    // -0.04 rounds to -0.0, which would print a sign.
    (rounded + 0.0).to_string()
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
    if value >= 1e12 {
        return scientific(value);
    }
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
    fn magnitudes_too_large_for_a_card_are_scientific() {
        // 1.5e15 / 10¹⁵ = 1.5; 9.96e13 rounds to 10 × 10¹³ = 1 × 10¹⁴.
        assert_eq!(format_money(1.5e15, Lang::Zh, Currency::Cny), "¥1.5 × 10¹⁵");
        assert_eq!(
            format_money(-9.96e13, Lang::En, Currency::Usd),
            "−$1 × 10¹⁴"
        );
        assert_eq!(
            format_money(f64::MAX, Lang::En, Currency::Usd),
            "$1.8 × 10³⁰⁸"
        );
        assert_eq!(format_money(999e9, Lang::En, Currency::Usd), "$999B");
        assert_eq!(format_percent(-3e10), "−3 × 10¹²%");
    }

    #[test]
    fn no_formatter_writes_nan_or_infinity() {
        for v in [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            -0.0,
            5e-324,
        ] {
            for lang in [Lang::Zh, Lang::En] {
                let texts = [
                    format_money(v, lang, Currency::Usd),
                    format_percent(v),
                    format_magnitude(v, lang),
                ];
                for t in texts {
                    let lower = t.to_lowercase();
                    assert!(!lower.contains("nan") && !lower.contains("inf"), "{v}: {t}");
                    assert!(t.chars().count() <= 16, "{v}: {t} is too long for a card");
                }
            }
        }
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
