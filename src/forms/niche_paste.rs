//! Rows for niche-market scoring ([`crate::model::strategy::niche`]) pasted from a spreadsheet.
//! (A first draft from the customer list is [`crate::model::strategy::niche_draft`].)
//!
//! A pasted range is tab-separated (what spreadsheets put on the clipboard) or, when its header
//! line has no tab, comma-separated with CSV quoting. The header names the columns in any order,
//! case-insensitive, in English or in the seed's Chinese (seed 004, 利基市场): `segment` 细分市场,
//! `closing_cycle_days` 结单周期, `willingness_to_pay` 付费意愿, `stickiness` 使用黏性,
//! `potential_customers` 潜在客户量. Other columns are ignored; blank lines are skipped; a blank
//! number cell stays blank (`None`) for the user to type. Numbers are read by
//! [`crate::forms::number::parse_number`] (thousands separators, full-width digits); `%` is
//! accepted for stickiness only (12% → 0.12, an expansion share).

use thiserror::Error;

use crate::forms::number::{parse_number, NumberError};
use crate::model::strategy::niche::{Indicator, SegmentRow, WILLINGNESS_MAX};

/// What is wrong with a pasted range.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PasteProblem {
    #[error("nothing was pasted")]
    Empty,
    #[error("column {0} is missing from the header")]
    MissingColumn(&'static str),
    #[error("column {0} appears twice in the header")]
    DuplicateColumn(&'static str),
    #[error("the segment name is blank")]
    BlankSegment,
    #[error("{0}")]
    NotNumber(NumberError),
    #[error("cannot be negative")]
    Negative,
    #[error("must be between 0 and 10")]
    AboveTen,
    #[error("% only makes sense for stickiness")]
    UnexpectedPercent,
    #[error("the text could not be read: {0}")]
    Unreadable(String),
}

/// A problem at a place: `line` and `column` count from 1 as the spreadsheet shows them (line 1
/// is the header); `column` is 0 when the problem concerns the whole line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("line {line}, column {column}: {problem}")]
pub struct PasteError {
    pub line: usize,
    pub column: usize,
    pub problem: PasteProblem,
}

/// Which column a header names, `None` for the segment column.
fn header_kind(header: &str) -> Option<Option<Indicator>> {
    let h = header.trim().to_lowercase();
    Some(match h.as_str() {
        "segment" | "细分市场" => None,
        "closing_cycle_days" | "结单周期" => Some(Indicator::ClosingCycle),
        "willingness_to_pay" | "付费意愿" => Some(Indicator::WillingnessToPay),
        "stickiness" | "使用黏性" => Some(Indicator::Stickiness),
        "potential_customers" | "潜在客户量" => Some(Indicator::PotentialCustomers),
        _ => return None,
    })
}

/// Parses a pasted range into segment rows (format in the module docs).
///
/// # Errors
/// A [`PasteError`] at the first bad header or cell.
///
/// ```
/// use retention_lab::forms::niche_paste::parse_segments;
/// let text = "付费意愿\tsegment\t结单周期\tSTICKINESS\t潜在客户量\n8\tRetail\t45\t\t1,200\n";
/// let rows = parse_segments(text).unwrap();
/// assert_eq!(rows[0].segment, "Retail");
/// assert_eq!(rows[0].willingness_to_pay, Some(8.0));
/// assert_eq!(rows[0].potential_customers, Some(1200.0));
/// assert_eq!(rows[0].stickiness, None); // blank: still to be typed
/// ```
pub fn parse_segments(text: &str) -> Result<Vec<SegmentRow>, PasteError> {
    let at = |line, column, problem| PasteError {
        line,
        column,
        problem,
    };
    let first = text.lines().find(|l| !l.trim().is_empty());
    let first = first.ok_or(at(1, 0, PasteProblem::Empty))?;
    let delimiter = if first.contains('\t') { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records().filter(|r| {
        r.as_ref()
            .map_or(true, |rec| rec.iter().any(|c| !c.trim().is_empty()))
    });
    let line_of = |rec: &csv::StringRecord| rec.position().map_or(1, |p| p.line() as usize);
    let unreadable = |e: csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        at(line, 0, PasteProblem::Unreadable(e.to_string()))
    };
    let header = records
        .next()
        .ok_or(at(1, 0, PasteProblem::Empty))?
        .map_err(unreadable)?;
    let header_line = line_of(&header);
    let mut segment_col = None;
    let mut columns: Vec<(usize, Indicator)> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        match header_kind(cell) {
            Some(None) if segment_col.is_some() => {
                return Err(at(
                    header_line,
                    i + 1,
                    PasteProblem::DuplicateColumn("segment"),
                ));
            }
            Some(None) => segment_col = Some(i),
            Some(Some(ind)) if columns.iter().any(|(_, c)| *c == ind) => {
                return Err(at(
                    header_line,
                    i + 1,
                    PasteProblem::DuplicateColumn(ind.field()),
                ));
            }
            Some(Some(ind)) => columns.push((i, ind)),
            None => {}
        }
    }
    let segment_col =
        segment_col.ok_or(at(header_line, 0, PasteProblem::MissingColumn("segment")))?;
    if let Some(absent) = Indicator::ALL
        .into_iter()
        .find(|ind| columns.iter().all(|(_, c)| c != ind))
    {
        return Err(at(
            header_line,
            0,
            PasteProblem::MissingColumn(absent.field()),
        ));
    }
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(unreadable)?;
        let line = line_of(&record);
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let segment = cell(segment_col);
        if segment.is_empty() {
            return Err(at(line, segment_col + 1, PasteProblem::BlankSegment));
        }
        let mut row = SegmentRow {
            segment: segment.to_string(),
            ..SegmentRow::default()
        };
        for &(i, indicator) in &columns {
            let value = read_value(cell(i), indicator).map_err(|p| at(line, i + 1, p))?;
            let slot = match indicator {
                Indicator::ClosingCycle => &mut row.closing_cycle_days,
                Indicator::WillingnessToPay => &mut row.willingness_to_pay,
                Indicator::Stickiness => &mut row.stickiness,
                Indicator::PotentialCustomers => &mut row.potential_customers,
            };
            *slot = value;
        }
        rows.push(row);
    }
    Ok(rows)
}

fn read_value(text: &str, indicator: Indicator) -> Result<Option<f64>, PasteProblem> {
    let (value, percent) = match parse_number(text) {
        Ok(v) => v,
        Err(NumberError::Empty) if text.is_empty() => return Ok(None),
        Err(e) => return Err(PasteProblem::NotNumber(e)),
    };
    let value = match (percent, indicator) {
        (false, _) => value,
        (true, Indicator::Stickiness) => value / 100.0,
        (true, _) => return Err(PasteProblem::UnexpectedPercent),
    };
    if value < 0.0 {
        return Err(PasteProblem::Negative);
    }
    if indicator == Indicator::WillingnessToPay && value > WILLINGNESS_MAX {
        return Err(PasteProblem::AboveTen);
    }
    Ok(Some(value))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
