//! Parsing numbers as people type them and as spreadsheets export them.
//!
//! Accepted: thousands separators (`1,234,567`, `1 234`), currency signs (`¥ ￥ $ €`), a trailing
//! or spaced `%`, full-width digits (`１２３`, typed with a Chinese input method), a leading `+`
//! or `-`/`−`, and accounting negatives `(1,234)`. Everything else is an error that keeps the
//! offending text so the UI can quote it.

use thiserror::Error;

/// Why a text is not a number.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberError {
    /// The field is empty (or only signs and spaces).
    #[error("empty")]
    Empty,
    /// The text is not a number; holds the text as typed.
    #[error("\"{0}\" is not a number")]
    NotNumber(String),
}

/// Parses a money amount: `1,000,000`, `¥1,000,000`, `$ 12.5`, `(1,234)` → −1234.
///
/// ```
/// use retention_lab::forms::number::parse_money;
/// assert_eq!(parse_money("¥1,000,000"), Ok(1_000_000.0));
/// assert_eq!(parse_money("(1,234.5)"), Ok(-1234.5));
/// assert!(parse_money("abc").is_err());
/// ```
pub fn parse_money(text: &str) -> Result<f64, NumberError> {
    parse_number(text).map(|(value, _)| value)
}

/// Parses a percentage and returns it as a fraction: `5`, `5%` and `5 %` are all `0.05`.
///
/// ```
/// use retention_lab::forms::number::parse_percent;
/// assert_eq!(parse_percent("5"), Ok(0.05));
/// assert_eq!(parse_percent("5 %"), Ok(0.05));
/// assert_eq!(parse_percent("12.5%"), Ok(0.125));
/// ```
pub fn parse_percent(text: &str) -> Result<f64, NumberError> {
    parse_number(text).map(|(value, _)| value / 100.0)
}

/// Parses a number and says whether it carried a `%` sign (the value is *not* divided by 100).
pub fn parse_number(text: &str) -> Result<(f64, bool), NumberError> {
    // Most cells of an export are plain `1234` or `-1234.5`: read those without building a
    // normalised copy (a million rows spent a fifth of their import time on that copy).
    if let Some(value) = plain_fast(text) {
        return Ok((value, false));
    }
    parse_number_general(text)
}

fn parse_number_general(text: &str) -> Result<(f64, bool), NumberError> {
    let not_number = || NumberError::NotNumber(text.trim().to_string());
    let normalised: String = text.chars().map(to_half_width).collect();
    let mut body = normalised.trim();
    if body.is_empty() {
        return Err(NumberError::Empty);
    }
    let mut negative = false;
    if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        negative = true;
        body = inner.trim();
    }
    let mut has_percent = false;
    if let Some(rest) = body.strip_suffix('%') {
        has_percent = true;
        body = rest.trim_end();
    }
    if let Some(rest) = body.strip_prefix(['-', '−']) {
        negative = !negative;
        body = rest.trim_start();
    } else if let Some(rest) = body.strip_prefix('+') {
        body = rest.trim_start();
    }
    if let Some(rest) = body.strip_prefix(['¥', '$', '€']) {
        body = rest.trim_start();
        // A sign may also come after the currency symbol: "$-5".
        if let Some(rest) = body.strip_prefix(['-', '−']) {
            negative = !negative;
            body = rest.trim_start();
        }
    }
    let digits = plain_decimal(body);
    if digits.is_empty() {
        return Err(NumberError::Empty);
    }
    // Only plain decimal notation and exponents: Rust's parser would also take "inf" and "NaN",
    // which are never what a user meant.
    if !digits
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        || !digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
    {
        return Err(not_number());
    }
    let value: f64 = digits.parse().map_err(|_| not_number())?;
    if !value.is_finite() {
        return Err(not_number());
    }
    Ok((if negative { -value } else { value }, has_percent))
}

/// `-?digits(.digits)?` exactly, parsed directly; `None` for anything else (the general path
/// then reads it, to the same value for these shapes).
fn plain_fast(text: &str) -> Option<f64> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = body.split_once('.').unwrap_or((body, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Rewrites the separators of a number to plain `1234.5`. Both `1,234.5` and the European
/// `1.234,5` are read: when both separators appear, the last one is the decimal point. A lone
/// comma followed by other than three digits is a decimal comma (`1,5`); otherwise commas (and
/// repeated dots in `1.000.000`) group thousands.
fn plain_decimal(body: &str) -> String {
    let compact: String = body
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\'')
        .collect();
    let (last_comma, last_dot) = (compact.rfind(','), compact.rfind('.'));
    let three_digit_groups = |sep: char| compact.split(sep).skip(1).all(|g| g.len() == 3);
    let decimal_comma = match (last_comma, last_dot) {
        (Some(c), Some(d)) => c > d,
        (Some(_), None) => compact.matches(',').count() == 1 && !three_digit_groups(','),
        _ => false,
    };
    if decimal_comma {
        compact.replace('.', "").replace(',', ".")
    } else if last_comma.is_none() && compact.matches('.').count() > 1 && three_digit_groups('.') {
        compact.replace('.', "")
    } else {
        compact.replace(',', "")
    }
}

/// Puts thousands separators into a plain decimal number: `-1234567.5` → `-1,234,567.5`.
///
/// ```
/// use retention_lab::forms::number::group_thousands;
/// assert_eq!(group_thousands("-1234567.5"), "-1,234,567.5");
/// assert_eq!(group_thousands("999"), "999");
/// ```
pub fn group_thousands(plain: &str) -> String {
    let (sign, unsigned) = plain
        .strip_prefix('-')
        .map_or(("", plain), |rest| ("-", rest));
    let (whole, fraction) = unsigned
        .split_once('.')
        .map_or((unsigned, None), |(w, f)| (w, Some(f)));
    let mut out = String::with_capacity(plain.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// Maps full-width digits and punctuation (U+FF01..U+FF5E) and the ideographic space to ASCII.
fn to_half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '￥' => '¥',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_separators_signs_and_full_width() {
        assert_eq!(parse_money("1,234,567"), Ok(1_234_567.0));
        assert_eq!(parse_money(" 1 234 "), Ok(1234.0));
        assert_eq!(parse_money("￥１２，３４５"), Ok(12_345.0));
        assert_eq!(parse_money("€-5"), Ok(-5.0));
        assert_eq!(parse_money("-$5"), Ok(-5.0));
        assert_eq!(parse_money("+7"), Ok(7.0));
        assert_eq!(parse_money("1e3"), Ok(1000.0));
        assert_eq!(parse_money(".5"), Ok(0.5));
    }

    #[test]
    fn decimal_commas_and_european_grouping() {
        assert_eq!(parse_money("1.000,50"), Ok(1000.5));
        assert_eq!(parse_money("1,234.5"), Ok(1234.5));
        assert_eq!(parse_money("1,5"), Ok(1.5));
        assert_eq!(parse_money("1,500"), Ok(1500.0));
        assert_eq!(parse_money("1.000.000"), Ok(1_000_000.0));
        assert_eq!(parse_money("1 234,5"), Ok(1234.5));
        assert_eq!(parse_money("12.5"), Ok(12.5));
    }

    #[test]
    fn percent_sign_is_optional() {
        assert_eq!(parse_number("5%"), Ok((5.0, true)));
        assert_eq!(parse_number("5"), Ok((5.0, false)));
        assert_eq!(parse_percent("５％"), Ok(0.05));
    }

    #[test]
    fn rejects_words_nan_and_overflow() {
        for text in [
            "abc", "NaN", "inf", "1e400", "1.2.3", "5 apples", "--5", "e5",
        ] {
            assert!(
                matches!(parse_money(text), Err(NumberError::NotNumber(_))),
                "{text} should be rejected"
            );
        }
        assert_eq!(parse_money("  "), Err(NumberError::Empty));
        assert_eq!(parse_money("¥"), Err(NumberError::Empty));
    }

    #[test]
    fn error_quotes_the_text() {
        assert_eq!(
            parse_money(" 12x "),
            Err(NumberError::NotNumber("12x".into()))
        );
    }
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod fast_path_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_fast_path_reads_what_the_general_path_reads(text in "-?[0-9]{0,12}(\\.[0-9]{0,8})?|[0-9 .,%()$-]{0,10}") {
            if let Some(fast) = plain_fast(&text) {
                prop_assert_eq!(parse_number_general(&text), Ok((fast, false)));
            }
        }
    }
}
