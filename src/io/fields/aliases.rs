//! Every field's canonical column name and the header names (English and Chinese, compared
//! after `normalise_header`) that map to it: the import's vocabulary, kept apart from the
//! field and shape definitions it serves.

use super::Field;

impl Field {
    /// The canonical name and the aliases of this field.
    pub(super) fn spec(self) -> (&'static str, &'static [&'static str]) {
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
}
