//! The tier KPI board (seed 004, 客户分层运营): per tier the figures its team is judged on
//! ([`board`]), the standard → growth upgrade rate, the migration between the previous and the
//! current tier, and which team owns which metric at which priority (五星 / 四星 / 三星).

use super::common::{data_value, percent, OpsContext};
use crate::chart::bars::{Bar, Bars};
use crate::chart::palette;
use crate::chart::stacked::{Series, StackedBars};
use crate::derive::labels::tier_label;
use crate::derive::panel::{metric, Panel, PanelChart, Row, Table};
use crate::i18n::{format_money, EconKey, HealthKey, Key, OpsKey, TeamKey as K};
use crate::model::operations::tier_board::{
    board, previous_tiers, PrevSource, Team, TierBoard, CHURNED, TEAM_METRICS,
};
use crate::model::tiers::Tier;

/// A tier's colour in the charts.
fn colour(tier: Tier) -> plotters::style::RGBColor {
    match tier {
        Tier::Lighthouse => palette::BLUE,
        Tier::Growth => palette::GREEN,
        Tier::Standard => palette::ORANGE,
    }
}

/// One row per tier (`tier-kpi`, `data-tier`, `data-customers`, `data-arr`); renewal by the
/// previous tier; metric `standard-upgrade-rate`; the ARR and migration charts; the teams'
/// starred KPIs as notes.
pub fn tier_board_panel(cx: &OpsContext) -> Panel {
    let lang = cx.lang;
    let mut panel = Panel::new(
        "team-tiers",
        lang.t(K::TierBoardTitle).into(),
        lang.t(K::TierBoardIntro).into(),
    );
    let (prev, source) = previous_tiers(cx.customers, &cx.tier_rules);
    let b = board(
        cx.customers,
        &cx.health.analysis.tiers,
        &cx.health.analysis.scores,
        &prev,
    );
    if b.rows.iter().all(|r| r.customers == 0) {
        return panel.needing(lang.t(OpsKey::NoCustomers).into());
    }
    let has = |f: &dyn Fn(&crate::model::portfolio::Customer) -> bool| cx.customers.iter().any(f);
    let has_expansion = has(&|c| c.expansion_arr.is_some());
    let has_referrals = has(&|c| c.referrals.is_some());
    let has_nps = has(&|c| c.nps.is_some());
    let dash = || "—".to_string();
    let money = |v: f64| format_money(v, lang, cx.currency);
    panel.metrics = vec![metric(
        "standard-upgrade-rate",
        lang.t(K::UpgradeRate).into(),
        b.upgrade_rate,
        |v| percent(Some(v)),
        match b.upgrade_rate {
            Some(_) => lang.fill(K::UpgradeExplain, &[("base", &b.standard_base.to_string())]),
            None => lang.t(K::UpgradeNone).into(),
        },
    )];
    let rows = b.rows.iter().map(|r| {
        let renewal = r.renewal.ok();
        Row {
            test_id: "tier-kpi",
            data: vec![
                ("data-tier", r.tier.key().into()),
                ("data-customers", r.customers.to_string()),
                ("data-arr", data_value(Some(r.arr))),
                ("data-logo-renewal", data_value(renewal.map(|p| p.logo))),
                (
                    "data-dollar-renewal",
                    data_value(renewal.and_then(|p| p.dollar)),
                ),
            ],
            cells: vec![
                tier_label(lang, r.tier).into(),
                r.customers.to_string(),
                money(r.arr),
                percent(r.arr_share),
                percent(renewal.map(|p| p.logo)),
                percent(renewal.and_then(|p| p.dollar)),
                if has_expansion {
                    money(r.expansion_arr)
                } else {
                    dash()
                },
                if has_expansion {
                    percent(r.expansion_rate)
                } else {
                    dash()
                },
                if has_referrals {
                    format!("{:.0}", r.referrals)
                } else {
                    dash()
                },
                r.mean_health.map_or_else(dash, |h| format!("{h:.1}")),
                r.nps
                    .filter(|_| has_nps)
                    .map_or_else(dash, |n| format!("{n:.1}")),
            ],
            action: None,
            highlight: false,
        }
    });
    panel.table = Some(Table {
        headers: vec![
            lang.t(HealthKey::Tier).into(),
            lang.t(OpsKey::CustomersAxis).into(),
            lang.t(Key::ChartAxisArr).into(),
            lang.t(K::ArrShare).into(),
            lang.t(K::LogoByPrevTier).into(),
            lang.t(K::DollarByPrevTier).into(),
            lang.t(Key::ExpansionArr).into(),
            lang.t(K::ExpansionShare).into(),
            lang.t(K::ReferralCount).into(),
            lang.t(K::MeanHealth).into(),
            lang.t(OpsKey::NpsMetric).into(),
        ],
        rows: rows.collect(),
    });
    panel.charts = charts(cx, &b);
    let missing: Vec<&str> = [
        (has_expansion, "expansion_arr"),
        (has_referrals, "referrals"),
        (has_nps, "nps"),
    ]
    .into_iter()
    .filter_map(|(has, name)| (!has).then_some(name))
    .collect();
    panel.notes = notes(cx, &b, &missing);
    if source == PrevSource::PrevHealth {
        panel.notes.insert(0, lang.t(K::PrevFromHealth).into());
    }
    panel
}

fn charts(cx: &OpsContext, b: &TierBoard) -> Vec<PanelChart> {
    let lang = cx.lang;
    let arr = PanelChart::Bars {
        name: "tier-arr",
        chart: Bars {
            title: lang.t(K::ArrByTierTitle).into(),
            x_label: lang.t(HealthKey::Tier).into(),
            y_label: lang.fill(HealthKey::ArrAxis, &[("currency", cx.currency.symbol())]),
            bars: b
                .rows
                .iter()
                .map(|r| Bar {
                    label: tier_label(lang, r.tier).into(),
                    value: if r.arr.is_finite() {
                        r.arr.max(0.0)
                    } else {
                        0.0
                    },
                    colour: colour(r.tier),
                })
                .collect(),
        },
    };
    if b.with_prev_tier == 0 {
        return vec![arr];
    }
    let column = |now: usize| -> Vec<f64> {
        Tier::ALL
            .iter()
            .map(|&p| b.migration[p as usize][now] as f64)
            .collect()
    };
    let mut series: Vec<Series> = Tier::ALL
        .iter()
        .map(|&t| Series {
            name: tier_label(lang, t).into(),
            colour: colour(t),
            values: column(t as usize),
        })
        .collect();
    series.push(Series {
        name: lang.t(K::Churned).into(),
        colour: palette::VERMILLION,
        values: column(CHURNED),
    });
    let migration = PanelChart::Stacked {
        name: "tier-migration",
        chart: StackedBars {
            title: lang.t(K::MigrationTitle).into(),
            x_label: lang.t(crate::i18n::FieldKey::PrevTier).into(),
            y_label: lang.t(OpsKey::CustomersAxis).into(),
            categories: Tier::ALL
                .iter()
                .map(|&t| tier_label(lang, t).into())
                .collect(),
            series,
            marks: Vec::new(),
            y_max: None,
        },
    };
    vec![arr, migration]
}

fn notes(cx: &OpsContext, b: &TierBoard, missing: &[&str]) -> Vec<String> {
    let lang = cx.lang;
    let mut notes = Vec::new();
    if b.with_prev_tier == 0 {
        notes.push(lang.t(K::NoPrevTiers).into());
    } else {
        notes.push(lang.t(K::DollarDefinition).into());
        if b.rows.iter().any(|r| r.renewal.is_err()) {
            notes.push(lang.t(K::NoOutcomes).into());
        }
    }
    if !missing.is_empty() {
        notes.push(lang.fill(K::MissingColumns, &[("columns", &missing.join(", "))]));
    }
    // One note per team and star level, in the seed's order; a figure beside the metrics the
    // board computes.
    let mut groups: Vec<(Team, u8, Vec<String>)> = Vec::new();
    for m in TEAM_METRICS {
        let label = kpi_label(cx, b, m.team, m.metric);
        match groups.last_mut() {
            Some((team, stars, list)) if *team == m.team && *stars == m.stars => list.push(label),
            _ => groups.push((m.team, m.stars, vec![label])),
        }
    }
    let sep = lang.t(K::ListSeparator);
    notes.extend(groups.into_iter().map(|(team, stars, list)| {
        lang.fill(
            K::StarsNote,
            &[
                ("team", lang.t(team_key(team))),
                ("stars", &"★".repeat(usize::from(stars))),
                ("metrics", &list.join(sep)),
            ],
        )
    }));
    notes
}

fn team_key(team: Team) -> K {
    match team {
        Team::CsOperations => K::TeamCsOperations,
        Team::LighthouseTeam => K::TeamLighthouse,
        Team::GrowthTeam => K::TeamGrowth,
        Team::StandardTeam => K::TeamStandard,
        Team::Implementation => K::TeamImplementation,
    }
}

/// A metric's name, with its value on this board where the board computes it.
fn kpi_label(cx: &OpsContext, b: &TierBoard, team: Team, key: &str) -> String {
    let lang = cx.lang;
    let tier_dollar = |t: Tier| b.rows[t as usize].renewal.ok().and_then(|p| p.dollar);
    let (name, value): (&str, Option<f64>) = match key {
        "growth_tier_share" => (
            lang.t(HealthKey::GrowthTierShare),
            Some(cx.health.growth_share),
        ),
        "daily_active_usage" => (lang.t(K::KpiDailyActive), None),
        "optimisation_projects_per_month" => (lang.t(K::KpiOptimisation), None),
        "arr_increase" => (lang.t(K::KpiArrIncrease), None),
        "arr_growth_rate" => (lang.t(K::KpiArrGrowth), None),
        "ndr" => (lang.t(K::KpiNdr), None),
        "nps" => (lang.t(OpsKey::NpsMetric), None),
        "churn_rate" => (lang.t(K::KpiChurn), None),
        "lighthouse_mql_sql" => (lang.t(K::KpiLighthouseLeads), None),
        "brand_index_change" => (lang.t(K::KpiBrand), None),
        "upsell_revenue_growth" => (lang.t(K::KpiUpsellGrowth), None),
        "referral_sql" => (lang.t(K::KpiReferralSql), None),
        "best_practice_output" => (lang.t(K::KpiBestPractice), None),
        "renewal_amount" => (lang.t(K::KpiRenewalAmount), None),
        "dollar_renewal_rate" => (
            lang.t(EconKey::DollarRenewal),
            match team {
                Team::GrowthTeam => tier_dollar(Tier::Growth),
                Team::StandardTeam => tier_dollar(Tier::Standard),
                _ => None,
            },
        ),
        "trainings" => (lang.t(K::KpiTrainings), None),
        "problems_solved_quality" => (lang.t(K::KpiProblemQuality), None),
        "problems_solved_count" => (lang.t(K::KpiProblemCount), None),
        "upgrade_to_growth_share" => (lang.t(K::UpgradeRate), b.upgrade_rate),
        "value_activity_participation" => (lang.t(K::KpiValueActivities), None),
        "satisfaction" => (lang.t(K::KpiSatisfaction), None),
        "first_value_achievement" => (lang.t(K::KpiFirstValue), None),
        "solution_iterations" => (lang.t(K::KpiSolutionIterations), None),
        other => (other, None),
    };
    match value.filter(|v| v.is_finite()) {
        Some(v) => lang.fill(
            K::WithValue,
            &[("metric", name), ("value", &percent(Some(v)))],
        ),
        None => name.to_string(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
