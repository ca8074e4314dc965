//! Import problems written out for people, in the UI language: what is wrong and exactly where.
//! The words are in the `FieldKey` and `ImportKey` tables; this file only assembles them.

use super::error_text::ErrorText;
use super::format::format_count;
use super::import_strings::{FieldKey, ImportKey};
use super::lang::Lang;
use crate::io::fields::{Field, Shape};
use crate::io::import_error::{ImportError, ImportErrorKind, WorkbookProblem};
use crate::io::workbook::WriteProblem;
use crate::io::worker_protocol::WorkerFailure;

/// Where a part of the data came from, as messages and chart exports name it.
pub fn origin_label(lang: Lang, origin: &crate::data::Origin) -> String {
    match origin {
        crate::data::Origin::Sample => lang.t(super::data_strings::DataKey::FromSample).to_string(),
        crate::data::Origin::File(file) => file.clone(),
    }
}

/// A field's name as the mapping step and messages show it.
pub fn field_label(lang: Lang, field: Field) -> &'static str {
    lang.t(field_key(field))
}

/// The table key of a field: one each, named alike.
fn field_key(field: Field) -> FieldKey {
    use Field::*;
    match field {
        CustomerId => FieldKey::CustomerId,
        Name => FieldKey::Name,
        Arr => FieldKey::Arr,
        ContractStart => FieldKey::ContractStart,
        ContractEnd => FieldKey::ContractEnd,
        FirstStart => FieldKey::FirstStart,
        NorthStar => FieldKey::NorthStar,
        TicketsOpened => FieldKey::TicketsOpened,
        TicketsUnresolved => FieldKey::TicketsUnresolved,
        Nps => FieldKey::Nps,
        TtfvDays => FieldKey::TtfvDays,
        ExecTouchDays => FieldKey::ExecTouchDays,
        Referrals => FieldKey::Referrals,
        ExpansionArr => FieldKey::ExpansionArr,
        Renewed => FieldKey::Renewed,
        PrevHealth => FieldKey::PrevHealth,
        PrevTier => FieldKey::PrevTier,
        Csm => FieldKey::Csm,
        Segment => FieldKey::Segment,
        Month => FieldKey::Month,
        Mrr => FieldKey::Mrr,
        Start => FieldKey::Start,
        End => FieldKey::End,
        Cohort => FieldKey::Cohort,
        Period => FieldKey::Period,
        Customers => FieldKey::Customers,
        Revenue => FieldKey::Revenue,
    }
}

/// A data shape's name.
pub fn shape_label(lang: Lang, shape: Shape) -> &'static str {
    lang.t(match shape {
        Shape::Customers => ImportKey::ShapeCustomers,
        Shape::MonthlyMrr => ImportKey::ShapeMonthlyMrr,
        Shape::Spans => ImportKey::ShapeSpans,
        Shape::CohortTable => ImportKey::ShapeCohortTable,
    })
}

/// The whole message: location first (file, row, column, field), then the problem.
///
/// ```
/// use retention_lab::io::{fields::Field, import_error::{ImportError, ImportErrorKind}};
/// use retention_lab::i18n::{import_error_text, Lang};
/// let e = ImportError { file: "crm.csv".into(), row: Some(7), column: Some("arr".into()),
///     field: Some(Field::Arr), kind: ImportErrorKind::NotNumber("abc".into()) };
/// assert_eq!(import_error_text(Lang::En, &e), "crm.csv, row 7, column \"arr\" (ARR): \"abc\" is not a number");
/// assert_eq!(import_error_text(Lang::Zh, &e), "crm.csv，第 7 行，“arr”列（年度合同额 ARR）：“abc”不是数字");
/// ```
pub fn import_error_text(lang: Lang, error: &ImportError) -> String {
    let mut place = vec![error.file.clone()];
    if let Some(row) = error.row {
        place.push(lang.fill(ImportKey::PlaceRow, &[("row", &row.to_string())]));
    }
    let column = error
        .column
        .as_ref()
        .map(|c| lang.fill(ImportKey::PlaceColumn, &[("column", c)]));
    let field = error.field.map(|f| field_label(lang, f));
    match (column, field) {
        (Some(column), Some(field)) => place.push(lang.fill(
            ImportKey::PlaceColumnField,
            &[("column", &column), ("field", field)],
        )),
        (Some(column), None) => place.push(column),
        (None, Some(field)) => place.push(field.to_string()),
        (None, None) => {}
    }
    let place = place.join(lang.t(ImportKey::PlaceSeparator));
    lang.fill(
        ImportKey::Message,
        &[("place", &place), ("problem", &problem(lang, &error.kind))],
    )
}

impl ErrorText for ImportError {
    fn text(&self, lang: Lang) -> String {
        import_error_text(lang, self)
    }
}

fn problem(lang: Lang, kind: &ImportErrorKind) -> String {
    use ImportErrorKind::*;
    let with_text = |key: ImportKey, text: &str| lang.fill(key, &[("text", text)]);
    match kind {
        Empty => lang.t(ImportKey::Empty).into(),
        HeaderOnly => lang.t(ImportKey::HeaderOnly).into(),
        TooLarge { bytes, limit } => lang.fill(
            ImportKey::TooLarge,
            &[
                ("bytes", &format_count(*bytes)),
                ("limit", &format_count(*limit)),
            ],
        ),
        Undecodable => lang.t(ImportKey::Undecodable).into(),
        UnbalancedQuotes => lang.t(ImportKey::UnbalancedQuotes).into(),
        Malformed => lang.t(ImportKey::Malformed).to_string(),
        ExtraCells { cells, columns } => lang.fill(
            ImportKey::ExtraCells,
            &[
                ("cells", &cells.to_string()),
                ("columns", &columns.to_string()),
            ],
        ),
        UnknownShape => lang.t(ImportKey::UnknownShape).into(),
        MissingColumn => lang.t(ImportKey::MissingColumn).into(),
        MissingValue => lang.t(ImportKey::MissingValue).into(),
        NotNumber(text) => with_text(ImportKey::NotNumber, text),
        NotDate(text) => with_text(ImportKey::NotDate, text),
        NotYesNo(text) => with_text(ImportKey::NotYesNo, text),
        NotATier(text) => with_text(ImportKey::NotATier, text),
        OutOfRange(text) => with_text(ImportKey::OutOfRange, text),
        EndBeforeStart { start, end } => lang.fill(
            ImportKey::EndBeforeStart,
            &[("start", &start.to_string()), ("end", &end.to_string())],
        ),
        DuplicateId(id) => lang.fill(ImportKey::DuplicateId, &[("id", id)]),
        Workbook(problem) => problem.text(lang),
        Worker(failure) => failure.text(lang),
        EmptySheet(sheet) => lang.fill(ImportKey::EmptySheet, &[("sheet", sheet)]),
        NoValidRows => lang.t(ImportKey::NoValidRows).into(),
    }
}

/// "The workbook could not be read: …" with the reason.
impl ErrorText for WorkbookProblem {
    fn text(&self, lang: Lang) -> String {
        let reason = match self {
            WorkbookProblem::NotXlsx => lang.t(ImportKey::NotXlsx).to_string(),
            WorkbookProblem::Encrypted => lang.t(ImportKey::Encrypted).to_string(),
            WorkbookProblem::Damaged => lang.t(ImportKey::Damaged).to_string(),
            WorkbookProblem::NoSheets => lang.t(ImportKey::NoSheets).to_string(),
            WorkbookProblem::NoSuchSheet(sheet) => {
                lang.fill(ImportKey::NoSuchSheet, &[("sheet", sheet)])
            }
        };
        lang.fill(ImportKey::Workbook, &[("reason", &reason)])
    }
}

impl ErrorText for WriteProblem {
    fn text(&self, lang: Lang) -> String {
        lang.t(match self {
            WriteProblem::TooManyRows => ImportKey::TooManyRows,
            WriteProblem::CellTooLong => ImportKey::CellTooLong,
            WriteProblem::Other => ImportKey::Unwritable,
        })
        .to_string()
    }
}

impl ErrorText for WorkerFailure {
    fn text(&self, lang: Lang) -> String {
        let key = match self {
            WorkerFailure::Read(problem) => return problem.text(lang),
            WorkerFailure::Write(problem) => return problem.text(lang),
            WorkerFailure::BadRequest => ImportKey::WorkerBadRequest,
            WorkerFailure::NotStarted => ImportKey::WorkerNotStarted,
            WorkerFailure::Refused => ImportKey::WorkerRefused,
            WorkerFailure::Unreadable => ImportKey::WorkerUnreadable,
            WorkerFailure::Stopped => ImportKey::WorkerStopped,
        };
        lang.t(key).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::calendar::Date;

    fn import(kind: ImportErrorKind) -> ImportError {
        ImportError::file("客户表", kind)
    }

    fn every_workbook_problem() -> Vec<WorkbookProblem> {
        vec![
            WorkbookProblem::NotXlsx,
            WorkbookProblem::Encrypted,
            WorkbookProblem::Damaged,
            WorkbookProblem::NoSheets,
            WorkbookProblem::NoSuchSheet("表一".into()),
        ]
    }

    fn every_worker_failure() -> Vec<WorkerFailure> {
        let mut failures = vec![
            WorkerFailure::BadRequest,
            WorkerFailure::NotStarted,
            WorkerFailure::Refused,
            WorkerFailure::Unreadable,
            WorkerFailure::Stopped,
            WorkerFailure::Write(WriteProblem::TooManyRows),
            WorkerFailure::Write(WriteProblem::CellTooLong),
            WorkerFailure::Write(WriteProblem::Other),
        ];
        failures.extend(
            every_workbook_problem()
                .into_iter()
                .map(WorkerFailure::Read),
        );
        failures
    }

    #[test]
    fn no_workbook_or_worker_failure_writes_english_into_the_chinese_interface() {
        let mut texts: Vec<String> = every_worker_failure()
            .iter()
            .map(|f| f.text(Lang::Zh))
            .collect();
        for kind in every_workbook_problem()
            .into_iter()
            .map(ImportErrorKind::Workbook)
            .chain(
                every_worker_failure()
                    .into_iter()
                    .map(ImportErrorKind::Worker),
            )
        {
            texts.push(import(kind).text(Lang::Zh));
        }
        for text in texts {
            // Acronyms (XLSX, CSV) are upper case in Chinese text too; an English word has
            // lower-case letters.
            assert!(
                !text.chars().any(|c| c.is_ascii_lowercase()),
                "English in Chinese: {text}"
            );
        }
    }

    #[test]
    fn worker_failures_read_in_english_as_they_did() {
        let en = |f: WorkerFailure| f.text(Lang::En);
        assert_eq!(
            en(WorkerFailure::Stopped),
            "the workbook worker stopped (is the page offline and not yet cached?)"
        );
        assert_eq!(
            en(WorkerFailure::Refused),
            "the workbook worker refused the message"
        );
        assert_eq!(
            en(WorkerFailure::Unreadable),
            "the workbook worker sent an unreadable reply"
        );
        assert_eq!(
            en(WorkerFailure::Read(WorkbookProblem::NoSheets)),
            "the workbook could not be read: the workbook has no sheets"
        );
        let failed = import(ImportErrorKind::Workbook(WorkbookProblem::NoSuchSheet(
            "Q1".into(),
        )));
        assert_eq!(
            failed.text(Lang::Zh),
            "客户表：无法读取工作簿：没有名为“Q1”的工作表"
        );
        assert_eq!(
            failed.text(Lang::En),
            "客户表: the workbook could not be read: there is no sheet named \"Q1\""
        );
    }

    #[test]
    fn import_problems_read_as_before_in_both_languages() {
        let text = |lang, kind| import(kind).text(lang);
        let large = || ImportErrorKind::TooLarge {
            bytes: 12_345,
            limit: 10_000,
        };
        assert_eq!(
            text(Lang::En, large()),
            format!(
                "客户表: the file is too large ({} bytes; the limit is {})",
                format_count(12_345),
                format_count(10_000)
            )
        );
        let extra = || ImportErrorKind::ExtraCells {
            cells: 5,
            columns: 4,
        };
        assert_eq!(
            text(Lang::Zh, extra()),
            "客户表：这一行有 5 个单元格，但表头只有 4 列（分隔符是否正确？）"
        );
        let start = Date::new(2024, 3, 1).unwrap();
        let end = Date::new(2024, 1, 31).unwrap();
        assert_eq!(
            text(Lang::En, ImportErrorKind::EndBeforeStart { start, end }),
            "客户表: the end 2024-01-31 is before the start 2024-03-01"
        );
        assert_eq!(
            text(Lang::En, ImportErrorKind::DuplicateId("C7".into())),
            "客户表: duplicate customer ID \"C7\""
        );
        assert_eq!(
            text(Lang::Zh, ImportErrorKind::EmptySheet("S".into())),
            "客户表：工作表为空：“S”"
        );
        // Column without a field, and a field without a column.
        let mut located = import(ImportErrorKind::MissingValue);
        located.row = Some(3);
        located.column = Some("B".into());
        assert_eq!(
            located.text(Lang::En),
            "客户表, row 3, column \"B\": the required value is blank"
        );
        located.column = None;
        located.field = Some(Field::Mrr);
        assert_eq!(
            located.text(Lang::Zh),
            "客户表，第 3 行，月收入 MRR：必填值为空"
        );
    }

    #[test]
    fn every_field_and_shape_has_its_own_label() {
        use crate::io::fields::Shape;
        use std::collections::BTreeSet;
        for lang in [Lang::Zh, Lang::En] {
            let fields: BTreeSet<(Field, &str)> = Shape::ALL
                .iter()
                .flat_map(|s| {
                    s.fields()
                        .iter()
                        .map(move |(f, _)| (*f, field_label(lang, *f)))
                })
                .collect();
            let labels: BTreeSet<&str> = fields.iter().map(|(_, label)| *label).collect();
            assert_eq!(
                labels.len(),
                fields.len(),
                "two fields read alike: {fields:?}"
            );
            let shapes: BTreeSet<&str> = Shape::ALL.iter().map(|s| shape_label(lang, *s)).collect();
            assert_eq!(shapes.len(), Shape::ALL.len());
        }
        assert_eq!(
            field_label(Lang::En, Field::TtfvDays),
            "Time to first value (days)"
        );
        assert_eq!(field_label(Lang::Zh, Field::Csm), "客户成功经理");
        assert_eq!(shape_label(Lang::Zh, Shape::Spans), "订阅：起止区间");
    }
}
