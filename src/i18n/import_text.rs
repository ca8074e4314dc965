//! Import problems written out for people, in the UI language: what is wrong and exactly where.

use super::{format_count, Lang};
use crate::data::fields::{Field, Shape};
use crate::data::import_error::{ImportError, ImportErrorKind};

/// Where a part of the data came from, as messages and chart exports name it.
pub fn origin_label(lang: Lang, origin: &crate::data::dataset::Origin) -> String {
    match origin {
        crate::data::dataset::Origin::Sample => lang.t(super::DataKey::FromSample).to_string(),
        crate::data::dataset::Origin::File(file) => file.clone(),
    }
}

/// A field's name as the mapping step and messages show it.
pub fn field_label(lang: Lang, field: Field) -> &'static str {
    use Field::*;
    let (zh, en) = match field {
        CustomerId => ("客户ID", "Customer ID"),
        Name => ("客户名称", "Name"),
        Arr => ("年度合同额 ARR", "ARR"),
        ContractStart => ("合同开始", "Contract start"),
        ContractEnd => ("合同结束", "Contract end"),
        FirstStart => ("首次签约日期", "First start (customer since)"),
        NorthStar => ("北极星指标", "North-star metric"),
        TicketsOpened => ("工单数", "Tickets opened"),
        TicketsUnresolved => ("未解决工单", "Unresolved tickets"),
        Nps => ("NPS 评分", "NPS answer"),
        TtfvDays => ("首次价值天数 TTFV", "Time to first value (days)"),
        ExecTouchDays => ("距上次高层拜访天数", "Days since executive meeting"),
        Referrals => ("转介绍", "Referrals"),
        ExpansionArr => ("增购 ARR", "Expansion ARR"),
        Renewed => ("是否续约", "Renewed"),
        PrevHealth => ("上期健康分", "Previous health"),
        Csm => ("客户成功经理", "CSM"),
        Segment => ("客户分层", "Segment"),
        Month => ("月份", "Month"),
        Mrr => ("月收入 MRR", "MRR"),
        Start => ("开始日期", "Start"),
        End => ("结束日期", "End"),
        Cohort => ("同期群", "Cohort"),
        Period => ("期数", "Period"),
        Customers => ("客户数", "Customers"),
        Revenue => ("收入", "Revenue"),
    };
    pick(lang, zh, en)
}

/// A data shape's name.
pub fn shape_label(lang: Lang, shape: Shape) -> &'static str {
    let (zh, en) = match shape {
        Shape::Customers => ("客户清单", "Customers"),
        Shape::MonthlyMrr => (
            "订阅：每月收入（长表）",
            "Subscriptions: monthly revenue (long form)",
        ),
        Shape::Spans => ("订阅：起止区间", "Subscriptions: spans"),
        Shape::CohortTable => ("同期群汇总表", "Cohort table"),
    };
    pick(lang, zh, en)
}

/// The whole message: location first (file, row, column, field), then the problem.
///
/// ```
/// use retention_lab::data::{fields::Field, import_error::{ImportError, ImportErrorKind}};
/// use retention_lab::i18n::{import_error_text, Lang};
/// let e = ImportError { file: "crm.csv".into(), row: Some(7), column: Some("arr".into()),
///     field: Some(Field::Arr), kind: ImportErrorKind::NotNumber("abc".into()) };
/// assert_eq!(import_error_text(Lang::En, &e), "crm.csv, row 7, column \"arr\" (ARR): \"abc\" is not a number");
/// assert_eq!(import_error_text(Lang::Zh, &e), "crm.csv，第 7 行，“arr”列（年度合同额 ARR）：“abc”不是数字");
/// ```
pub fn import_error_text(lang: Lang, error: &ImportError) -> String {
    let mut place = vec![error.file.clone()];
    if let Some(row) = error.row {
        place.push(match lang {
            Lang::Zh => format!("第 {row} 行"),
            Lang::En => format!("row {row}"),
        });
    }
    let column = error.column.as_ref().map(|c| match lang {
        Lang::Zh => format!("“{c}”列"),
        Lang::En => format!("column \"{c}\""),
    });
    let field = error.field.map(|f| field_label(lang, f));
    match (column, field) {
        (Some(c), Some(f)) => place.push(match lang {
            Lang::Zh => format!("{c}（{f}）"),
            Lang::En => format!("{c} ({f})"),
        }),
        (Some(c), None) => place.push(c),
        (None, Some(f)) => place.push(f.to_string()),
        (None, None) => {}
    }
    let separator = pick(lang, "，", ", ");
    let colon = pick(lang, "：", ": ");
    format!(
        "{}{colon}{}",
        place.join(separator),
        problem(lang, &error.kind)
    )
}

fn problem(lang: Lang, kind: &ImportErrorKind) -> String {
    use ImportErrorKind::*;
    let quoted = |text: &str| match lang {
        Lang::Zh => format!("“{text}”"),
        Lang::En => format!("\"{text}\""),
    };
    match kind {
        Empty => pick(lang, "文件是空的", "the file is empty").into(),
        HeaderOnly => pick(lang, "只有表头，没有数据行", "there is a header but no data rows").into(),
        TooLarge { bytes, limit } => match lang {
            Lang::Zh => format!("文件太大（{} 字节，上限 {} 字节）", format_count(*bytes), format_count(*limit)),
            Lang::En => format!("the file is too large ({} bytes; the limit is {})", format_count(*bytes), format_count(*limit)),
        },
        Undecodable => pick(lang, "无法识别文件编码（不是 UTF-8、UTF-16 或 GBK）", "the text encoding is not UTF-8, UTF-16 or GBK").into(),
        UnbalancedQuotes => pick(lang, "引号从这一行开始后没有闭合", "a quote opened on this row is never closed").into(),
        Malformed(message) => format!("{}{message}", pick(lang, "CSV 格式错误：", "malformed CSV: ")),
        ExtraCells { cells, columns } => match lang {
            Lang::Zh => format!("这一行有 {cells} 个单元格，但表头只有 {columns} 列（分隔符是否正确？）"),
            Lang::En => format!("this row has {cells} cells but the header has {columns} columns (wrong delimiter?)"),
        },
        UnknownShape => pick(lang, "无法识别数据类型", "the kind of data was not recognised").into(),
        MissingColumn => pick(lang, "缺少必填列", "the required column is missing").into(),
        MissingValue => pick(lang, "必填值为空", "the required value is blank").into(),
        NotNumber(text) => format!("{}{}", quoted(text), pick(lang, "不是数字", " is not a number")),
        NotDate(text) => format!("{}{}", quoted(text), pick(lang, "不是可识别的日期", " is not a date (use 2024-01-31)")),
        NotYesNo(text) => format!("{}{}", quoted(text), pick(lang, "应为 是/否 或 1/0", " should be yes/no or 1/0")),
        OutOfRange(text) => format!("{}{}", quoted(text), pick(lang, "超出允许范围", " is out of range")),
        EndBeforeStart { start, end } => match lang {
            Lang::Zh => format!("结束日期 {end} 早于开始日期 {start}"),
            Lang::En => format!("the end {end} is before the start {start}"),
        },
        DuplicateId(id) => format!("{}{}", pick(lang, "重复的客户ID ", "duplicate customer ID "), quoted(id)),
        Workbook(message) => format!("{}{message}", pick(lang, "无法读取工作簿：", "the workbook could not be read: ")),
        EmptySheet(sheet) => format!("{}{}", pick(lang, "工作表为空：", "the sheet is empty: "), quoted(sheet)),
        NoValidRows => pick(lang, "没有可导入的有效行", "no row could be imported").into(),
    }
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
