//! Strings of import problems: field and shape names, where a problem is, what it is, and why
//! a workbook or its worker failed. Assembled into sentences by `import_text`.

use super::table::strings;

strings! {
    /// A field's name as the mapping step and messages show it (one key per `io::fields::Field`).
    pub enum FieldKey {
        CustomerId => "客户ID", "Customer ID",
        Name => "客户名称", "Name",
        Arr => "年度合同额 ARR", "ARR",
        ContractStart => "合同开始", "Contract start",
        ContractEnd => "合同结束", "Contract end",
        FirstStart => "首次签约日期", "First start (customer since)",
        NorthStar => "北极星指标", "North-star metric",
        TicketsOpened => "工单数", "Tickets opened",
        TicketsUnresolved => "未解决工单", "Unresolved tickets",
        Nps => "NPS 评分", "NPS answer",
        TtfvDays => "首次价值天数 TTFV", "Time to first value (days)",
        ExecTouchDays => "距上次高层拜访天数", "Days since executive meeting",
        Referrals => "转介绍", "Referrals",
        ExpansionArr => "增购 ARR", "Expansion ARR",
        Renewed => "是否续约", "Renewed",
        PrevHealth => "上期健康分", "Previous health",
        PrevTier => "上期分层", "Previous tier",
        Csm => "客户成功经理", "CSM",
        Segment => "客户分层", "Segment",
        Month => "月份", "Month",
        Mrr => "月收入 MRR", "MRR",
        Start => "开始日期", "Start",
        End => "结束日期", "End",
        Cohort => "同期群", "Cohort",
        Period => "期数", "Period",
        Customers => "客户数", "Customers",
        Revenue => "收入", "Revenue",
    }
}

strings! {
    /// Shape names and the parts of an import message: its place, its problem.
    pub enum ImportKey {
        ShapeCustomers => "客户清单", "Customers",
        ShapeMonthlyMrr => "订阅：每月收入（长表）", "Subscriptions: monthly revenue (long form)",
        ShapeSpans => "订阅：起止区间", "Subscriptions: spans",
        ShapeCohortTable => "同期群汇总表", "Cohort table",
        /// The whole message: the place parts joined by `PlaceSeparator`, then the problem.
        Message => "{place}：{problem}", "{place}: {problem}",
        PlaceSeparator => "，", ", ",
        PlaceRow => "第 {row} 行", "row {row}",
        PlaceColumn => "“{column}”列", "column \"{column}\"",
        PlaceColumnField => "{column}（{field}）", "{column} ({field})",
        Empty => "文件是空的", "the file is empty",
        HeaderOnly => "只有表头，没有数据行", "there is a header but no data rows",
        TooLarge => "文件太大（{bytes} 字节，上限 {limit} 字节）",
                    "the file is too large ({bytes} bytes; the limit is {limit})",
        Undecodable => "无法识别文件编码（不是 UTF-8、UTF-16 或 GBK）",
                       "the text encoding is not UTF-8, UTF-16 or GBK",
        UnbalancedQuotes => "引号从这一行开始后没有闭合", "a quote opened on this row is never closed",
        Malformed => "CSV 格式错误：这一行无法读取", "malformed CSV: this row cannot be read",
        ExtraCells => "这一行有 {cells} 个单元格，但表头只有 {columns} 列（分隔符是否正确？）",
                      "this row has {cells} cells but the header has {columns} columns (wrong delimiter?)",
        UnknownShape => "无法识别数据类型", "the kind of data was not recognised",
        MissingColumn => "缺少必填列", "the required column is missing",
        MissingValue => "必填值为空", "the required value is blank",
        NotNumber => "“{text}”不是数字", "\"{text}\" is not a number",
        NotDate => "“{text}”不是可识别的日期", "\"{text}\" is not a date (use 2024-01-31)",
        NotYesNo => "“{text}”应为 是/否 或 1/0", "\"{text}\" should be yes/no or 1/0",
        NotATier => "“{text}”应为 标杆/增值/普通（lighthouse/growth/standard）", "\"{text}\" should be lighthouse, growth or standard (标杆/增值/普通)",
        OutOfRange => "“{text}”超出允许范围", "\"{text}\" is out of range",
        EndBeforeStart => "结束日期 {end} 早于开始日期 {start}", "the end {end} is before the start {start}",
        DuplicateId => "重复的客户ID “{id}”", "duplicate customer ID \"{id}\"",
        Workbook => "无法读取工作簿：{reason}", "the workbook could not be read: {reason}",
        EmptySheet => "工作表为空：“{sheet}”", "the sheet is empty: \"{sheet}\"",
        NoValidRows => "没有可导入的有效行", "no row could be imported",
        // Why a workbook could not be read: calamine's own messages are English and name zip
        // and XML internals, so only what the user can act on is kept.
        NotXlsx => "不是 XLSX 格式（可能是旧版 XLS、加密的工作簿或改了扩展名的文件）",
                   "it is not in XLSX format (an old XLS file, an encrypted workbook or a renamed file?)",
        Encrypted => "工作簿有密码保护，请先取消密码再导入", "the workbook is password-protected; remove its password first",
        Damaged => "文件已损坏或不完整", "the file is damaged or incomplete",
        NoSheets => "工作簿中没有工作表", "the workbook has no sheets",
        NoSuchSheet => "没有名为“{sheet}”的工作表", "there is no sheet named \"{sheet}\"",
        // Why the workbook worker gave no answer, or writing one failed.
        WorkerBadRequest => "工作簿后台线程无法读取请求", "the workbook worker could not read the request",
        WorkerNotStarted => "工作簿后台线程无法启动（页面是否离线且尚未缓存？）",
                            "the workbook worker could not start (is the page offline and not yet cached?)",
        WorkerRefused => "工作簿后台线程拒绝了请求", "the workbook worker refused the message",
        WorkerUnreadable => "工作簿后台线程返回了无法读取的回复", "the workbook worker sent an unreadable reply",
        WorkerStopped => "工作簿后台线程已停止（页面是否离线且尚未缓存？）",
                         "the workbook worker stopped (is the page offline and not yet cached?)",
        TooManyRows => "行数超过 XLSX 工作表的上限（1,048,576 行），请改用 CSV",
                       "more rows than Excel allows (1,048,576); download CSV instead",
        CellTooLong => "有单元格超过 XLSX 的长度上限（32,767 个字符）",
                       "a cell is longer than Excel allows (32,767 characters)",
        Unwritable => "无法生成工作簿", "the workbook could not be written",
    }
}
