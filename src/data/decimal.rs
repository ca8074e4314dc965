//! Decimal text to `f64`, correctly rounded, without the standard library's parser in the page.
//!
//! `str::parse::<f64>` links core's Eisel–Lemire tables (10 KB of 128-bit powers of five,
//! which do not compress) and its big-decimal fallback: about 12 KB of the page's gzip budget
//! for a parser that almost never needs them. The figures in a customer export and in a typed
//! field have at most 15 significant digits and small exponents, and for those Clinger's fast
//! path is exact: the digits as an integer ≤ 2^53 and 10^|e| ≤ 10^22 are both exact `f64`s, and
//! one IEEE multiplication or division rounds correctly (W. D. Clinger, "How to read floating
//! point numbers accurately", PLDI 1990). Anything else (more digits, a large exponent) goes to
//! a correctly rounded parser that is already there: JavaScript's `parseFloat` in the browser,
//! the standard library natively. Both round to nearest, ties to even, so every build gives the
//! same bits; `tests` checks the fast path against the standard parser on random input.

/// `10^0 ..= 10^22`, every one exact in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];
/// The largest integer below which every integer is an exact `f64`.
const EXACT_INTEGERS: u64 = 1 << 53;

/// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (digits on at least one side of the point),
/// the same shapes as `str::parse::<f64>` minus `inf` and `NaN`; `None` for anything else.
/// Values beyond `f64`'s range come back infinite, as from the standard parser.
///
/// ```
/// use retention_lab::data::decimal::parse_decimal;
/// assert_eq!(parse_decimal("1234.56"), Some(1234.56));
/// assert_eq!(parse_decimal("-.5e1"), Some(-5.0));
/// assert_eq!(parse_decimal("0.30000000000000004"), Some(0.1 + 0.2));
/// assert_eq!(parse_decimal("1.2.3"), None);
/// assert_eq!(parse_decimal("NaN"), None);
/// ```
pub fn parse_decimal(text: &str) -> Option<f64> {
    let parts = split(text)?;
    Some(fast_path(&parts).unwrap_or_else(|| slow_path(text)))
}

/// The pieces of a well-formed decimal.
struct Parts<'a> {
    negative: bool,
    whole: &'a [u8],
    fraction: &'a [u8],
    exponent: i64,
}

fn split(text: &str) -> Option<Parts<'_>> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.first()? {
        b'-' => (true, &bytes[1..]),
        b'+' => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let digits_end = |s: &[u8]| {
        s.iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(s.len())
    };
    let w = digits_end(rest);
    let (whole, mut rest) = rest.split_at(w);
    let mut fraction: &[u8] = &[];
    if let Some(after_point) = rest.strip_prefix(b".") {
        let f = digits_end(after_point);
        (fraction, rest) = after_point.split_at(f);
    }
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut exponent = 0i64;
    if let Some(after_e) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let (sign, digits) = match after_e.first() {
            Some(b'-') => (-1, &after_e[1..]),
            Some(b'+') => (1, &after_e[1..]),
            _ => (1, after_e),
        };
        if digits.is_empty() || digits_end(digits) != digits.len() {
            return None;
        }
        // Saturates far beyond any f64 exponent: the slow path then gives 0 or ∞.
        let magnitude = digits
            .iter()
            .fold(0i64, |acc, d| (acc * 10 + i64::from(d - b'0')).min(1 << 40));
        exponent = sign * magnitude;
        rest = &[];
    }
    rest.is_empty().then_some(Parts {
        negative,
        whole,
        fraction,
        exponent,
    })
}

/// Clinger's fast path; `None` when the digits or the exponent are too large for it.
fn fast_path(parts: &Parts) -> Option<f64> {
    let mut mantissa = 0u64;
    for &d in parts.whole.iter().chain(parts.fraction) {
        mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
    }
    if mantissa > EXACT_INTEGERS {
        return None;
    }
    let exponent = parts.exponent - parts.fraction.len() as i64;
    let magnitude = if mantissa == 0 {
        0.0
    } else if (0..=22).contains(&exponent) {
        mantissa as f64 * POW10[exponent as usize]
    } else if (-22..0).contains(&exponent) {
        mantissa as f64 / POW10[(-exponent) as usize]
    } else {
        return None;
    };
    Some(if parts.negative {
        -magnitude
    } else {
        magnitude
    })
}

#[cfg(target_arch = "wasm32")]
fn slow_path(text: &str) -> f64 {
    // `split` has checked the whole text is one decimal, which `parseFloat` reads in full.
    js_sys::Number::parse_float(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn slow_path(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same(text: &str) {
        let ours = parse_decimal(text).map(f64::to_bits);
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{text}");
    }

    #[test]
    fn agrees_with_the_standard_parser_on_hard_cases() {
        for text in [
            "0",
            "-0",
            "+0.0",
            "1",
            "1.",
            ".5",
            "9007199254740992",
            "9007199254740993",
            "0.1",
            "0.3",
            "1e22",
            "1e23",
            "1e-22",
            "1e-23",
            "123456789012345678901234567890",
            "2.2250738585072011e-308",
            "4.9e-324",
            "1e-400",
            "1.7976931348623157e308",
            "1e309",
            "0.000000000000000000000000000001",
            "1.5e+3",
            "1E5",
        ] {
            same(text);
        }
    }

    #[test]
    fn refuses_what_is_not_one_decimal() {
        for text in [
            "", "-", ".", "e5", "1e", "1e+", "1.2.3", "1x", " 1", "inf", "NaN", "0x10",
        ] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_bits_as_the_standard_parser(
            text in r"[+-]?[0-9]{0,20}(\.[0-9]{0,20})?([eE][+-]?[0-9]{1,3})?"
        ) {
            same(&text);
        }

        /// Up to 15 significant digits and a small exponent: the fast path itself answers.
        #[test]
        fn fast_path_is_exact(digits in "[0-9]{1,15}", point in 0usize..16, exponent in -7i64..8) {
            let point = point.min(digits.len());
            let text = format!("{}.{}e{exponent}", &digits[..point], &digits[point..]);
            let parts = split(&text).unwrap();
            prop_assert_eq!(fast_path(&parts).map(f64::to_bits), Some(text.parse::<f64>().unwrap().to_bits()));
        }

        #[test]
        fn money_like_figures(whole in 0u64..10_000_000_000, cents in 0u32..100) {
            same(&format!("{whole}.{cents:02}"));
        }

        #[test]
        fn never_panics(text in "\\PC{0,40}") {
            let _ = parse_decimal(&text);
        }
    }
}
