//! Strings of the Operations and Team sections (issue 18): navigation, the shared texts of
//! their panels, and the NPS panel (seed 004).

use super::table::strings;

strings! {
    /// The Operations and Team sections.
    pub enum OpsKey {
        Nav => "运营", "Operations",
        Title => "客户成功运营", "Customer-success operations",
        Intro => "从客户文件直接算出：NPS、北极星指标、第一价值、客户成功漏斗与细分市场；收入来源按“留存经济”的基线情景计算，不随导入的客户文件变化。缺少的列会在面板里说明，不会显示成 0。", "Computed from the customers file: NPS, the north-star metric, first value, the CS funnel and segments; revenue by source comes from the baseline scenario of Retention economics and does not change with an imported customers file. A panel that lacks a column says so instead of showing zeros.",
        TeamNav => "团队", "Team",
        TeamTitle => "分层团队与 CSM", "Tier teams and CSMs",
        TeamIntro => "各层客户的团队 KPI（原文的五星、四星、三星指标）与每位 CSM 的客户盘子。", "Each tier team's KPIs (the seed's five-, four- and three-star metrics) and each CSM's book of accounts.",
        Needs => "这个面板需要客户文件里的列：{columns}。", "This panel needs these columns in the customers file: {columns}.",
        NoCustomers => "还没有客户数据：请在“数据”中导入客户文件，或使用内置示例。", "No customers yet: import a customers file under Data, or use the built-in sample.",
        NpsTitle => "NPS：说的与做的", "NPS: what they say and what they do",
        NpsIntro => "NPS = 100 × (推荐者 − 贬损者) ÷ 答题客户；9–10 分为推荐者，7–8 分为被动者，0–6 分为贬损者。原文：优秀的 SaaS 产品 NPS 大于 10 分，但客户的实际行动（续费、转介绍）才真实反映满意度。", "NPS = 100 × (promoters − detractors) ÷ respondents; 9–10 promoters, 7–8 passives, 0–6 detractors. Seed 004: good SaaS products reach an NPS above 10, yet what customers do (renewing, referring) shows their satisfaction.",
        NpsMetric => "当前客户的 NPS（分）", "NPS of current customers (points)",
        NpsExplain => "未流失客户的答卷；基准：大于 10 分（原文）。", "Answers of the customers not recorded as churned; benchmark: above 10 (seed 004).",
        NpsAllMetric => "含已流失客户的 NPS（分）", "NPS including former customers (points)",
        NpsAllExplain => "所有答卷，已流失客户的也算：下表各群体的行动按这些答卷统计。", "Every answer, churned customers' included: the groups' actions below count these answers.",
        NpsNone => "没有 0–10 分的 NPS 答卷。", "No NPS answer between 0 and 10.",
        Respondents => "答题客户", "Respondents",
        RespondentsExplain => "有 0–10 分 NPS 答卷的当前客户。", "Current customers with an NPS answer from 0 to 10.",
        Group => "群体", "Group",
        Promoters => "推荐者（9–10）", "Promoters (9–10)",
        Passives => "被动者（7–8）", "Passives (7–8)",
        Detractors => "贬损者（0–6）", "Detractors (0–6)",
        RenewalRate => "续约率（已到期）", "Renewal rate (past renewals)",
        MeanExpansion => "平均扩展 ARR", "Mean expansion ARR",
        ReferralRate => "转介绍客户占比", "Share who referred",
        NpsChartTitle => "当前客户的 NPS 答卷分布", "NPS answers of current customers",
        NpsScore => "NPS 分数（0–10）", "NPS answer (0–10)",
        CustomersAxis => "客户数（家）", "Customers (count)",
        NpsNote => "续约率只算已有续约结果的客户；空白表示该群体还没有到期客户。", "Renewal rates count customers with a past renewal outcome only; blank means no customer of the group has come up for renewal.",
        NpsRounding => "答卷是 0–10 的整数；带小数的答卷（问卷工具导出的平均分）先四舍五入再分组，全站一致：8.6 算推荐者（9），8.4 算被动者（8）。", "Answers are whole numbers 0–10; a fractional answer (an average a survey tool exported) is rounded, halves up, before it is grouped, everywhere in the app: 8.6 is a promoter (9), 8.4 a passive (8).",
    }
}
