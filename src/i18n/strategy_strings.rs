//! Strings of the strategy workbenches (seeds 002 and 004): chart titles and labels, and the
//! names of the CS organisation models.

use super::table::strings;

strings! {
    /// The strategy workbenches.
    pub enum StrategyKey {
        PreCharge => "启动前充值", "Pre-charge",
        Net => "净值", "Net",
        FrictionIndex => "激活-摩擦指数", "Activation-friction index",
        NicheTitle => "利基市场评分", "Niche-market score",
        Segment => "细分市场", "Segment",
        Score => "得分 (0–100)", "Score (0–100)",
        FullStack => "全栈式", "Full-stack",
        ProactiveReactive => "主被动", "Proactive–reactive",
        Refined => "精细化", "Refined",
        Integrated => "一体化", "Integrated",
        CostTitle => "客户成功成本随客户数", "CS cost as customers grow",
        CostCustomers => "客户数（规模）", "Customers (scale)",
        CostAxis => "年度客户成功成本", "Annual CS cost",
    }
}
