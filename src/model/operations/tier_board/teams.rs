//! Which team owns which metric, at which priority (seed 004: "管理指标按照优先级分为五星指标、
//! 四星指标、三星指标", then each team's list). Keys only; the UI names them.

/// The teams of seed 004's CS organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Team {
    /// 客户成功运营团队.
    CsOperations,
    /// 标杆客户管理团队.
    LighthouseTeam,
    /// 增值客户管理团队.
    GrowthTeam,
    /// 普通客户管理团队.
    StandardTeam,
    /// 实施顾问团队.
    Implementation,
}

impl Team {
    pub fn key(self) -> &'static str {
        match self {
            Team::CsOperations => "cs_operations",
            Team::LighthouseTeam => "lighthouse_team",
            Team::GrowthTeam => "growth_team",
            Team::StandardTeam => "standard_team",
            Team::Implementation => "implementation",
        }
    }
}

/// One metric of one team: `stars` is 5, 4 or 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamMetric {
    pub team: Team,
    pub stars: u8,
    pub metric: &'static str,
}

const fn m(team: Team, stars: u8, metric: &'static str) -> TeamMetric {
    TeamMetric {
        team,
        stars,
        metric,
    }
}

/// Seed 004's table, in its order. CS operations: 5★ 增值客户比例、使用日活数据、每月优化项目数量,
/// 4★ ARR增量和增速, 3★ NDR、NPS和流失率. Lighthouse team: 5★ 标杆客户带来的MQL+SQL数量,
/// 4★ 品牌指数变化. Growth team: 5★ 增购营收增长率和转介绍SQL数量, 4★ 先进业务方法输出量,
/// 3★ 续费金额和续费率. Standard team: 5★ 客户培训数量、解决客户问题的质量和数量, 4★
/// 普客转增值客户比例、价值传递活动参与率, 3★ 续费金额和续费率. Implementation: 5★ 客户满意度和
/// 客户第一价值实现度, 4★ 解决方案迭代.
pub const TEAM_METRICS: [TeamMetric; 25] = [
    m(Team::CsOperations, 5, "growth_tier_share"),
    m(Team::CsOperations, 5, "daily_active_usage"),
    m(Team::CsOperations, 5, "optimisation_projects_per_month"),
    m(Team::CsOperations, 4, "arr_increase"),
    m(Team::CsOperations, 4, "arr_growth_rate"),
    m(Team::CsOperations, 3, "ndr"),
    m(Team::CsOperations, 3, "nps"),
    m(Team::CsOperations, 3, "churn_rate"),
    m(Team::LighthouseTeam, 5, "lighthouse_mql_sql"),
    m(Team::LighthouseTeam, 4, "brand_index_change"),
    m(Team::GrowthTeam, 5, "upsell_revenue_growth"),
    m(Team::GrowthTeam, 5, "referral_sql"),
    m(Team::GrowthTeam, 4, "best_practice_output"),
    m(Team::GrowthTeam, 3, "renewal_amount"),
    m(Team::GrowthTeam, 3, "dollar_renewal_rate"),
    m(Team::StandardTeam, 5, "trainings"),
    m(Team::StandardTeam, 5, "problems_solved_quality"),
    m(Team::StandardTeam, 5, "problems_solved_count"),
    m(Team::StandardTeam, 4, "upgrade_to_growth_share"),
    m(Team::StandardTeam, 4, "value_activity_participation"),
    m(Team::StandardTeam, 3, "renewal_amount"),
    m(Team::StandardTeam, 3, "dollar_renewal_rate"),
    m(Team::Implementation, 5, "satisfaction"),
    m(Team::Implementation, 5, "first_value_achievement"),
    m(Team::Implementation, 4, "solution_iterations"),
];
