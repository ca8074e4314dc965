//! The fields each data shape has, and the column names (English and Chinese) that map to them.

/// Every field any import shape knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    CustomerId,
    Name,
    Arr,
    ContractStart,
    ContractEnd,
    FirstStart,
    NorthStar,
    TicketsOpened,
    TicketsUnresolved,
    Nps,
    TtfvDays,
    ExecTouchDays,
    Referrals,
    ExpansionArr,
    Renewed,
    PrevHealth,
    PrevTier,
    Csm,
    Segment,
    Month,
    Mrr,
    Start,
    End,
    Cohort,
    Period,
    Customers,
    Revenue,
}

impl Field {
    /// The canonical column name (as in templates and exports).
    pub fn column_name(self) -> &'static str {
        self.spec().0
    }

    /// Names that map to this field, compared after [`normalise_header`].
    fn aliases(self) -> &'static [&'static str] {
        self.spec().1
    }

    fn spec(self) -> (&'static str, &'static [&'static str]) {
        use Field::*;
        match self {
            CustomerId => (
                "customer_id",
                &[
                    "customerid",
                    "customer",
                    "id",
                    "accountid",
                    "account",
                    "客户id",
                    "客户编号",
                    "客户代码",
                    "账户id",
                ],
            ),
            Name => (
                "name",
                &[
                    "name",
                    "customername",
                    "accountname",
                    "company",
                    "客户名称",
                    "客户名",
                    "名称",
                    "公司",
                ],
            ),
            Arr => (
                "arr",
                &[
                    "arr",
                    "annualrecurringrevenue",
                    "acv",
                    "contractvalue",
                    "年度合同额",
                    "年合同额",
                    "合同金额",
                    "年度经常性收入",
                ],
            ),
            ContractStart => (
                "contract_start",
                &[
                    "contractstart",
                    "startdate",
                    "contractstartdate",
                    "合同开始",
                    "合同开始日期",
                    "开始日期",
                    "签约日期",
                ],
            ),
            ContractEnd => (
                "contract_end",
                &[
                    "contractend",
                    "enddate",
                    "contractenddate",
                    "renewaldate",
                    "合同结束",
                    "合同结束日期",
                    "到期日",
                    "到期日期",
                    "结束日期",
                ],
            ),
            FirstStart => (
                "first_start",
                &[
                    "firststart",
                    "customersince",
                    "firstcontractstart",
                    "首次签约日期",
                    "首次合同开始",
                    "客户起始日期",
                ],
            ),
            NorthStar => (
                "north_star",
                &[
                    "northstar",
                    "northstarmetric",
                    "usage",
                    "北极星指标",
                    "北极星",
                ],
            ),
            TicketsOpened => (
                "tickets_opened",
                &[
                    "ticketsopened",
                    "tickets",
                    "ticketcount",
                    "工单",
                    "工单数",
                    "工单数量",
                ],
            ),
            TicketsUnresolved => (
                "tickets_unresolved",
                &[
                    "ticketsunresolved",
                    "unresolvedtickets",
                    "opentickets",
                    "未解决工单",
                    "未解决工单数",
                ],
            ),
            Nps => ("nps", &["nps", "npsscore", "净推荐值", "nps评分", "推荐值"]),
            TtfvDays => (
                "ttfv_days",
                &[
                    "ttfvdays",
                    "ttfv",
                    "timetofirstvalue",
                    "首次价值天数",
                    "首次价值时间",
                ],
            ),
            ExecTouchDays => (
                "exec_touch_days",
                &[
                    "exectouchdays",
                    "daysexectouch",
                    "dayssinceexecmeeting",
                    "高层拜访间隔",
                    "高层拜访天数",
                ],
            ),
            Referrals => (
                "referrals",
                &["referrals", "referral", "转介绍", "转介绍数"],
            ),
            ExpansionArr => (
                "expansion_arr",
                &[
                    "expansionarr",
                    "expansion",
                    "upsell",
                    "增购",
                    "增购金额",
                    "增购arr",
                ],
            ),
            Renewed => (
                "renewed",
                &[
                    "renewed",
                    "renewal",
                    "isrenewed",
                    "续约",
                    "是否续约",
                    "已续约",
                ],
            ),
            PrevHealth => (
                "prev_health",
                &[
                    "prevhealth",
                    "previoushealth",
                    "lasthealth",
                    "上期健康分",
                    "上次健康分",
                ],
            ),
            PrevTier => (
                "prev_tier",
                &[
                    "prevtier",
                    "previoustier",
                    "lasttier",
                    "上期分层",
                    "上期客户分层",
                ],
            ),
            Csm => (
                "csm",
                &["csm", "owner", "accountmanager", "客户成功经理", "负责人"],
            ),
            Segment => (
                "segment",
                &[
                    "segment",
                    "tier",
                    "plan",
                    "细分",
                    "客户分层",
                    "分层",
                    "行业",
                ],
            ),
            Month => ("month", &["month", "period", "yearmonth", "月份", "月"]),
            Mrr => (
                "mrr",
                &[
                    "mrr",
                    "monthlyrevenue",
                    "monthlyrecurringrevenue",
                    "月收入",
                    "月度收入",
                    "月经常性收入",
                ],
            ),
            Start => (
                "start",
                &[
                    "start",
                    "startdate",
                    "subscriptionstart",
                    "开始",
                    "开始日期",
                    "订阅开始",
                ],
            ),
            End => (
                "end",
                &[
                    "end",
                    "enddate",
                    "subscriptionend",
                    "canceldate",
                    "结束",
                    "结束日期",
                    "订阅结束",
                ],
            ),
            Cohort => (
                "cohort",
                &[
                    "cohort",
                    "cohortmonth",
                    "cohortquarter",
                    "同期群",
                    "群组",
                    "批次",
                ],
            ),
            Period => (
                "period",
                &[
                    "period",
                    "periodindex",
                    "monthssincestart",
                    "期数",
                    "周期",
                    "第几期",
                ],
            ),
            Customers => (
                "customers",
                &[
                    "customers",
                    "activecustomers",
                    "customercount",
                    "客户数",
                    "活跃客户数",
                    "留存客户数",
                ],
            ),
            Revenue => ("revenue", &["revenue", "mrr", "arr", "收入", "留存收入"]),
        }
    }

    /// Whether `header` names this field.
    pub fn matches(self, header: &str) -> bool {
        let normalised = normalise_header(header);
        normalised == normalise_header(self.column_name())
            || self.aliases().contains(&normalised.as_str())
    }
}

/// Lower-cases and drops spaces, `_`, `-`, `.` and brackets, so `Customer ID`, `customer_id`
/// and `客户 ID` compare equal.
pub fn normalise_header(header: &str) -> String {
    header
        .trim_start_matches('\u{FEFF}')
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.' | '(' | ')' | '（' | '）'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The kinds of data a file can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    Customers,
    /// Subscriptions, one row per customer and month.
    MonthlyMrr,
    /// Subscriptions, one row per span of paying.
    Spans,
    CohortTable,
}

impl Shape {
    pub const ALL: [Shape; 4] = [
        Shape::Customers,
        Shape::MonthlyMrr,
        Shape::Spans,
        Shape::CohortTable,
    ];

    /// The fields of this shape, required ones first, with whether each is required.
    pub fn fields(self) -> &'static [(Field, bool)] {
        use Field::*;
        match self {
            Shape::Customers => &[
                (CustomerId, true),
                (Arr, true),
                (ContractStart, true),
                (ContractEnd, true),
                (Name, false),
                (FirstStart, false),
                (NorthStar, false),
                (TicketsOpened, false),
                (TicketsUnresolved, false),
                (Nps, false),
                (TtfvDays, false),
                (ExecTouchDays, false),
                (Referrals, false),
                (ExpansionArr, false),
                (Renewed, false),
                (PrevHealth, false),
                (PrevTier, false),
                (Csm, false),
                (Segment, false),
            ],
            Shape::MonthlyMrr => &[(CustomerId, true), (Month, true), (Mrr, true)],
            Shape::Spans => &[(CustomerId, true), (Start, true), (Mrr, true), (End, false)],
            Shape::CohortTable => &[
                (Cohort, true),
                (Period, true),
                (Customers, true),
                (Revenue, false),
            ],
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Shape::Customers => "customers",
            Shape::MonthlyMrr => "monthly",
            Shape::Spans => "spans",
            Shape::CohortTable => "cohorts",
        }
    }

    pub fn from_code(code: &str) -> Option<Shape> {
        Shape::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_chinese_headers_match() {
        assert!(Field::CustomerId.matches("Customer ID"));
        assert!(Field::CustomerId.matches("客户ID"));
        assert!(Field::Arr.matches("年度合同额"));
        assert!(Field::ContractStart.matches("合同开始"));
        assert!(Field::TicketsUnresolved.matches("未解决工单"));
        assert!(Field::NorthStar.matches("北极星指标"));
        assert!(Field::Renewed.matches("续约"));
        assert!(Field::Name.matches("\u{FEFF}Name"));
        assert!(!Field::Arr.matches("mrr"));
    }
}
