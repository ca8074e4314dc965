//! A mapped table to typed records. Each bad row gives one located problem and is left out;
//! the caller shows the problems and lets the user import the good rows or cancel.

use rustc_hash::FxHashSet as HashSet;

mod dataset;

use super::fields::{Field, Shape};
use super::import_error::{ImportError, ImportErrorKind};
use super::mapping::Mapping;
use super::table::{RawRow, RawTable};
use super::values::{parse_date, parse_in_range, parse_month, parse_yes_no, NumberProblem};
use crate::forms::number::parse_money;
use crate::model::calendar::Date;
use crate::model::portfolio::{CohortCell, Customer, MrrRow, Span, Subscriptions};
use crate::model::tiers::parse_tier;

/// The largest money amount accepted in a cell: beyond a quadrillion it is a typo or `1e308`.
pub const MAX_MONEY: f64 = 1e15;
const MAX_COUNT: f64 = 1e12;
const MAX_DAYS: f64 = 36_500.0;

/// Records of one shape.
#[derive(Debug, Clone, PartialEq)]
pub enum Records {
    Customers(Vec<Customer>),
    Subscriptions(Subscriptions),
    CohortTable(Vec<CohortCell>),
}

impl Records {
    pub fn len(&self) -> usize {
        match self {
            Records::Customers(c) => c.len(),
            Records::Subscriptions(s) => s.len(),
            Records::CohortTable(c) => c.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The good records and one problem per row left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    pub records: Records,
    pub problems: Vec<ImportError>,
}

/// Builds the records of `mapping.shape` from `table` in one go.
///
/// # Errors
/// A required field without a column: nothing can be built (the mapping step shows which).
pub fn build(table: &RawTable, mapping: &Mapping) -> Result<Built, ImportError> {
    let mut builder = RecordBuilder::new(table, mapping.clone())?;
    while !builder.step(table, usize::MAX) {}
    Ok(builder.finish())
}

/// Builds records a chunk of rows at a time, so that large tables never block the page for
/// long (see `hooks::import`).
pub struct RecordBuilder {
    mapping: Mapping,
    next_row: usize,
    partial: Partial,
    problems: Vec<ImportError>,
    seen_ids: HashSet<String>,
}

enum Partial {
    Customers(Vec<Customer>),
    Monthly(Vec<MrrRow>),
    Spans(Vec<Span>),
    Cohorts(Vec<CohortCell>),
}

impl RecordBuilder {
    /// # Errors
    /// A required field without a column.
    pub fn new(table: &RawTable, mapping: Mapping) -> Result<RecordBuilder, ImportError> {
        if let Some(&field) = mapping.missing_required().first() {
            return Err(ImportError {
                field: Some(field),
                ..ImportError::file(&table.file, ImportErrorKind::MissingColumn)
            });
        }
        let capacity = table.rows.len();
        let partial = match mapping.shape {
            Shape::Customers => Partial::Customers(Vec::with_capacity(capacity)),
            Shape::MonthlyMrr => Partial::Monthly(Vec::with_capacity(capacity)),
            Shape::Spans => Partial::Spans(Vec::with_capacity(capacity)),
            Shape::CohortTable => Partial::Cohorts(Vec::with_capacity(capacity)),
        };
        Ok(RecordBuilder {
            mapping,
            next_row: 0,
            partial,
            problems: Vec::new(),
            seen_ids: HashSet::default(),
        })
    }

    /// Builds up to `max_rows` more rows; `true` once every row of `table` is done.
    pub fn step(&mut self, table: &RawTable, max_rows: usize) -> bool {
        let end = self.next_row.saturating_add(max_rows).min(table.rows.len());
        for raw in &table.rows[self.next_row..end] {
            let row = Row {
                table,
                mapping: &self.mapping,
                raw,
            };
            let outcome = match &mut self.partial {
                Partial::Customers(out) => customer(&row).and_then(|c| {
                    if self.seen_ids.insert(c.id.clone()) {
                        out.push(c);
                        Ok(())
                    } else {
                        Err(row.error(Field::CustomerId, ImportErrorKind::DuplicateId(c.id)))
                    }
                }),
                Partial::Monthly(out) => monthly(&row).map(|r| out.push(r)),
                Partial::Spans(out) => span(&row).map(|r| out.push(r)),
                Partial::Cohorts(out) => cohort_cell(&row).map(|r| out.push(r)),
            };
            if let Err(problem) = outcome {
                self.problems.push(problem);
            }
        }
        self.next_row = end;
        end == table.rows.len()
    }

    pub fn rows_done(&self) -> usize {
        self.next_row
    }

    pub fn finish(self) -> Built {
        let records = match self.partial {
            // Without a first_start the tenure stays unknown: one row per customer, so the
            // current contract's start is not the first (a renewed account would look new).
            Partial::Customers(c) => Records::Customers(c),
            Partial::Monthly(m) => Records::Subscriptions(Subscriptions::Monthly(m)),
            Partial::Spans(s) => Records::Subscriptions(Subscriptions::Spans(s)),
            Partial::Cohorts(c) => Records::CohortTable(c),
        };
        Built {
            records,
            problems: self.problems,
        }
    }
}

fn monthly(row: &Row) -> Result<MrrRow, ImportError> {
    Ok(MrrRow {
        customer_id: row.required_text(Field::CustomerId)?,
        month: row.required(Field::Month, parse_month, ImportErrorKind::NotDate)?,
        mrr: row.required_number(Field::Mrr, 0.0, MAX_MONEY)?,
    })
}

fn span(row: &Row) -> Result<Span, ImportError> {
    let start = row.required(Field::Start, parse_date, ImportErrorKind::NotDate)?;
    let end = row.optional(Field::End, parse_date, ImportErrorKind::NotDate)?;
    check_order(row, Field::End, start, end)?;
    Ok(Span {
        customer_id: row.required_text(Field::CustomerId)?,
        start,
        end,
        mrr: row.required_number(Field::Mrr, 0.0, MAX_MONEY)?,
    })
}

fn cohort_cell(row: &Row) -> Result<CohortCell, ImportError> {
    let period = row.required_number(Field::Period, 0.0, 600.0)?;
    if period.fract() != 0.0 {
        return Err(row.error(
            Field::Period,
            ImportErrorKind::OutOfRange(row.text(Field::Period).into()),
        ));
    }
    Ok(CohortCell {
        cohort: row.required_text(Field::Cohort)?,
        period: period as u32,
        customers: row.required_number(Field::Customers, 0.0, MAX_COUNT)?,
        revenue: row.number(Field::Revenue, 0.0, MAX_MONEY)?,
    })
}

fn customer(row: &Row) -> Result<Customer, ImportError> {
    let start = row.required(Field::ContractStart, parse_date, ImportErrorKind::NotDate)?;
    let end = row.required(Field::ContractEnd, parse_date, ImportErrorKind::NotDate)?;
    check_order(row, Field::ContractEnd, start, Some(end))?;
    let first_start = row.optional(Field::FirstStart, parse_date, ImportErrorKind::NotDate)?;
    if let Some(first) = first_start {
        // The first start cannot come after the current contract's start.
        check_order(row, Field::ContractStart, first, Some(start))?;
    }
    Ok(Customer {
        id: row.required_text(Field::CustomerId)?,
        name: row.text(Field::Name).trim().to_string(),
        arr: row.required_number(Field::Arr, 0.0, MAX_MONEY)?,
        contract_start: Some(start),
        contract_end: Some(end),
        first_start,
        north_star: row.number(Field::NorthStar, 0.0, MAX_MONEY)?,
        tickets_opened: row.number(Field::TicketsOpened, 0.0, MAX_COUNT)?,
        tickets_unresolved: row.number(Field::TicketsUnresolved, 0.0, MAX_COUNT)?,
        nps: row.number(Field::Nps, 0.0, 10.0)?,
        ttfv_days: row.number(Field::TtfvDays, 0.0, MAX_DAYS)?,
        exec_touch_days: row.number(Field::ExecTouchDays, 0.0, MAX_DAYS)?,
        referrals: row.number(Field::Referrals, 0.0, MAX_COUNT)?,
        expansion_arr: row.number(Field::ExpansionArr, 0.0, MAX_MONEY)?,
        renewed: parse_yes_no(row.text(Field::Renewed)).map_err(|_| {
            row.error(
                Field::Renewed,
                ImportErrorKind::NotYesNo(row.text(Field::Renewed).into()),
            )
        })?,
        prev_health: row.number(Field::PrevHealth, 0.0, 100.0)?,
        csm: row.optional_text(Field::Csm),
        segment: row.optional_text(Field::Segment),
        prev_tier: match row.text(Field::PrevTier).trim() {
            "" => None,
            text => Some(parse_tier(text).ok_or_else(|| {
                row.error(Field::PrevTier, ImportErrorKind::NotATier(text.into()))
            })?),
        },
        extra: row.extra_numbers(),
    })
}

fn check_order(
    row: &Row,
    end_field: Field,
    start: Date,
    end: Option<Date>,
) -> Result<(), ImportError> {
    match end {
        Some(end) if end < start => {
            Err(row.error(end_field, ImportErrorKind::EndBeforeStart { start, end }))
        }
        _ => Ok(()),
    }
}

/// One row seen through the mapping, with located errors.
struct Row<'a> {
    table: &'a RawTable,
    mapping: &'a Mapping,
    raw: &'a RawRow,
}

impl Row<'_> {
    fn text(&self, field: Field) -> &str {
        self.mapping
            .column(field)
            .and_then(|c| self.table.cell(self.raw, c))
            .unwrap_or("")
    }

    fn error(&self, field: Field, kind: ImportErrorKind) -> ImportError {
        ImportError {
            file: self.table.file.clone(),
            row: Some(self.raw.line),
            column: self
                .mapping
                .column(field)
                .map(|c| self.table.column_label(c)),
            field: Some(field),
            kind,
        }
    }

    fn required_text(&self, field: Field) -> Result<String, ImportError> {
        match self.text(field).trim() {
            "" => Err(self.error(field, ImportErrorKind::MissingValue)),
            text => Ok(text.to_string()),
        }
    }

    fn optional_text(&self, field: Field) -> Option<String> {
        Some(self.text(field).trim().to_string()).filter(|t| !t.is_empty())
    }

    /// A blank cell is `None`; anything else must parse.
    fn optional<T>(
        &self,
        field: Field,
        parse: fn(&str) -> Option<T>,
        kind: fn(String) -> ImportErrorKind,
    ) -> Result<Option<T>, ImportError> {
        let text = self.text(field).trim();
        if text.is_empty() {
            return Ok(None);
        }
        parse(text)
            .map(Some)
            .ok_or_else(|| self.error(field, kind(text.to_string())))
    }

    fn required<T>(
        &self,
        field: Field,
        parse: fn(&str) -> Option<T>,
        kind: fn(String) -> ImportErrorKind,
    ) -> Result<T, ImportError> {
        self.optional(field, parse, kind)?
            .ok_or_else(|| self.error(field, ImportErrorKind::MissingValue))
    }

    fn number(&self, field: Field, min: f64, max: f64) -> Result<Option<f64>, ImportError> {
        let text = self.text(field).trim();
        if text.is_empty() {
            return Ok(None);
        }
        parse_in_range(text, min, max).map(Some).map_err(|problem| {
            let kind = match problem {
                NumberProblem::NotNumber => ImportErrorKind::NotNumber(text.to_string()),
                NumberProblem::OutOfRange => ImportErrorKind::OutOfRange(text.to_string()),
            };
            self.error(field, kind)
        })
    }

    /// The numbers in columns no field reads, by header: measures the user may add to the
    /// health scorecard. Text in those columns is not an error: it is just not a measure.
    fn extra_numbers(&self) -> Vec<(String, f64)> {
        self.table
            .headers
            .iter()
            .enumerate()
            .filter(|(c, header)| !self.mapping.is_mapped(*c) && !header.trim().is_empty())
            .filter_map(|(c, header)| {
                let text = self.table.cell(self.raw, c)?.trim();
                let value = parse_money(text).ok().filter(|v| v.is_finite())?;
                Some((header.trim().to_string(), value))
            })
            .collect()
    }

    fn required_number(&self, field: Field, min: f64, max: f64) -> Result<f64, ImportError> {
        self.number(field, min, max)?
            .ok_or_else(|| self.error(field, ImportErrorKind::MissingValue))
    }
}

#[cfg(test)]
mod tests;
