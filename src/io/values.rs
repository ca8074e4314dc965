//! Cell texts to typed values: dates in the forms spreadsheets write, yes/no answers, and
//! numbers with a sanity range.

use crate::forms::number::parse_number;
use crate::model::calendar::{Date, Month};

/// Parses a date: `2024-01-31`, `2024/1/31`, `2024.01.31`, `2024年1月31日`, an ISO date-time
/// (`2024-01-31T10:00:00`, `2024-01-31 10:00`), `2024-01` (the first of the month), or an
/// Excel serial number (days since 1899-12-30, Excel's 1900 leap-year bug included).
///
/// ```
/// use retention_lab::io::values::parse_date;
/// assert_eq!(parse_date("2024/1/31").unwrap().to_string(), "2024-01-31");
/// assert_eq!(parse_date("45322").unwrap().to_string(), "2024-01-31");
/// assert!(parse_date("31/01/2024").is_none());
/// ```
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let date_part = text.split(['T', ' ']).next().unwrap_or(text);
    if let Some(date) = parse_ymd(date_part) {
        return Some(date);
    }
    excel_serial(text)
}

/// Parses a month: `2024-01`, `2024/1`, `2024年1月`, `202401`, or any full date (its month).
pub fn parse_month(text: &str) -> Option<Month> {
    let text = text.trim();
    // `YYYY-MM`, the form of every long-form export: read without splitting into pieces.
    if let [y0, y1, y2, y3, b'-', m0, m1] = text.as_bytes() {
        let digit = |b: &u8| b.is_ascii_digit().then(|| i32::from(b - b'0'));
        let year = [y0, y1, y2, y3]
            .iter()
            .try_fold(0, |acc, b| Some(acc * 10 + digit(b)?));
        let month = digit(m0).zip(digit(m1)).map(|(a, b)| a * 10 + b);
        if let (Some(year), Some(month)) = (year, month) {
            return u8::try_from(month)
                .ok()
                .and_then(|m| Date::new(year, m, 1))
                .map(Date::month);
        }
    }
    parse_month_general(text)
}

fn parse_month_general(text: &str) -> Option<Month> {
    let parts = split_ymd(text);
    if let [year, month] = parts.as_slice() {
        let year: i32 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        return Date::new(year, month, 1).map(Date::month);
    }
    if text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()) {
        let year: i32 = text[..4].parse().ok()?;
        let month: u8 = text[4..].parse().ok()?;
        return Date::new(year, month, 1).map(Date::month);
    }
    parse_date(text).map(Date::month)
}

fn parse_ymd(text: &str) -> Option<Date> {
    match split_ymd(text).as_slice() {
        [year, month, day] if year.len() == 4 => {
            Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
        }
        [year, month] if year.len() == 4 => Date::new(year.parse().ok()?, month.parse().ok()?, 1),
        _ => None,
    }
}

/// Splits `2024-01-31`, `2024/01/31`, `2024.01.31` and `2024年01月31日` into their numbers.
fn split_ymd(text: &str) -> Vec<&str> {
    let text = text.strip_suffix('日').unwrap_or(text);
    let text = text.strip_suffix('月').unwrap_or(text);
    let parts: Vec<&str> = text.split(['-', '/', '.', '年', '月']).collect();
    if parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        parts
    } else {
        Vec::new()
    }
}

/// Excel stores dates as days since 1899-12-30 (for serials after February 1900). Only whole
/// numbers between 1950 and 2150 are taken as dates; other numbers are not dates.
fn excel_serial(text: &str) -> Option<Date> {
    // Digits only: `str::parse` would also read "inf" and "NaN".
    if !text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let serial: f64 = text.parse().ok()?;
    if serial.fract() != 0.0 || !(18_264.0..=91_680.0).contains(&serial) {
        return None;
    }
    // 1899-12-30 is 25,569 days before 1970-01-01 (outside `Date`'s accepted years).
    const EXCEL_EPOCH: i64 = -25_569;
    Date::from_days_since_epoch(EXCEL_EPOCH + serial as i64)
}

/// A cell that is not a yes/no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotYesNo;

/// Parses yes/no answers: 1/0, yes/no, y/n, true/false, 是/否, 已续约/未续约; blank is `None`.
pub fn parse_yes_no(text: &str) -> Result<Option<bool>, NotYesNo> {
    let normalised = text.trim().to_ascii_lowercase();
    match normalised.as_str() {
        "" => Ok(None),
        "1" | "1.0" | "yes" | "y" | "true" | "是" | "已续约" | "续约" | "renewed" => {
            Ok(Some(true))
        }
        "0" | "0.0" | "no" | "n" | "false" | "否" | "未续约" | "流失" | "churned" => {
            Ok(Some(false))
        }
        _ => Err(NotYesNo),
    }
}

/// Why a numeric cell was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    NotNumber,
    OutOfRange,
}

/// Parses a number within `min..=max`. A `%` sign divides by 100.
pub fn parse_in_range(text: &str, min: f64, max: f64) -> Result<f64, NumberProblem> {
    let (value, percent) = parse_number(text).map_err(|_| NumberProblem::NotNumber)?;
    let value = if percent { value / 100.0 } else { value };
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(NumberProblem::OutOfRange)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_form() {
        for text in [
            "2024-01-31",
            "2024/01/31",
            "2024/1/31",
            "2024.1.31",
            "2024年1月31日",
            "2024-01-31T08:00:00Z",
            "2024-01-31 08:00",
            "45322",
        ] {
            assert_eq!(
                parse_date(text).map(|d| d.to_string()).as_deref(),
                Some("2024-01-31"),
                "{text}"
            );
        }
        assert_eq!(parse_date("2024-03").unwrap().to_string(), "2024-03-01");
        for bad in [
            "",
            "2024-02-30",
            "01/31/2024",
            "yesterday",
            "12",
            "45322.5",
            "=TODAY()",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_in_every_form() {
        for text in ["2024-03", "2024/3", "2024年3月", "202403", "2024-03-15"] {
            assert_eq!(
                parse_month(text).map(|m| m.to_string()).as_deref(),
                Some("2024-03"),
                "{text}"
            );
        }
        assert_eq!(parse_month("2024-13"), None);
    }

    #[test]
    fn yes_no_answers() {
        assert_eq!(parse_yes_no("是"), Ok(Some(true)));
        assert_eq!(parse_yes_no(" No "), Ok(Some(false)));
        assert_eq!(parse_yes_no(""), Ok(None));
        assert_eq!(parse_yes_no("maybe"), Err(NotYesNo));
    }

    #[test]
    fn numbers_in_range() {
        assert_eq!(parse_in_range("¥1,200", 0.0, 1e15), Ok(1200.0));
        assert_eq!(
            parse_in_range("-5", 0.0, 1e15),
            Err(NumberProblem::OutOfRange)
        );
        assert_eq!(
            parse_in_range("1e308", 0.0, 1e15),
            Err(NumberProblem::OutOfRange)
        );
        assert_eq!(
            parse_in_range("NaN", 0.0, 1e15),
            Err(NumberProblem::NotNumber)
        );
        assert_eq!(
            parse_in_range("=SUM(A1:A3)", 0.0, 1e15),
            Err(NumberProblem::NotNumber)
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
        fn the_year_month_fast_path_reads_what_the_general_path_reads(text in "[0-9]{4}-[0-9]{2}|[0-9x]{4}-[0-9x]{2}") {
            prop_assert_eq!(parse_month(&text), parse_month_general(text.trim()));
        }
    }
}
