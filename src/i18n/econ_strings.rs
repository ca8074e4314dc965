//! Strings of the retention-economics section beyond the NDR bridge.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EconKey {
    HeterogeneityTitle,
    SetByHand,
    FromCohortFit,
    Discount,
    PeriodMonth,
    PeriodQuarter,
    LifetimeConstant,
    LifetimeConstantExplain,
    LifetimeSbg,
    LifetimeSbgExplain,
    Why,
    SendToEconomics,
}

impl super::Text for EconKey {
    fn texts(self) -> (&'static str, &'static str) {
        use EconKey::*;
        match self {
            HeterogeneityTitle => ("客户异质性：固定流失率 vs sBG", "Customer heterogeneity: one churn rate vs sBG"),
            SetByHand => ("手动设定（平均流失率 + 分化度）：", "Set by hand (mean churn + polarisation):"),
            FromCohortFit => ("来自同期群拟合：", "From the cohort fit:"),
            Discount => ("每期折现率", "Discount rate per period"),
            PeriodMonth => ("个月", "months"),
            PeriodQuarter => ("个季度", "quarters"),
            LifetimeConstant => ("折现生命周期：固定流失率", "Discounted lifetime, one churn rate"),
            LifetimeConstantExplain => (
                "所有客户流失率相同：1 / (1 − (1 − 流失率)/(1 + 折现率))。",
                "Every customer churns at the mean rate: 1 / (1 − (1 − churn)/(1 + d)).",
            ),
            LifetimeSbg => ("折现生命周期：sBG（DEL）", "Discounted lifetime, sBG (DEL)"),
            LifetimeSbgExplain => (
                "流失率因客户而异：₂F₁(1, β; α+β; 1/(1+d))（Fader & Hardie 2010）。",
                "Churn differs by customer: ₂F₁(1, β; α+β; 1/(1+d)) (Fader & Hardie 2010).",
            ),
            Why => (
                "平均流失率相同，sBG 的预期生命周期长 {}：易流失的客户先走，留下的越来越忠诚，只用一个流失率会低估老客户的价值。",
                "Same mean churn, yet sBG expects a {} longer lifetime: the quick leavers go first and the stayers are loyal, so one constant churn rate under-values the base.",
            ),
            SendToEconomics => ("用于留存经济（异质性）", "Use in retention economics (heterogeneity)"),
        }
    }
}
