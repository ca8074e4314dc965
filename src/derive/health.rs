//! Customer health: the as-of date, the default scorecard, every customer's score, band and
//! tier, the portfolio figures, the two charts' inputs and the ticket priority list.

use super::labels::band_label;
use crate::chart::bars::{Bar, Bars};
use crate::chart::palette;
use crate::data::Origin;
use crate::i18n::{Currency, HealthKey, Lang};
use crate::model::calendar::Date;
use crate::model::health::{
    self, is_active, ticket_priority, Band, Measure, PortfolioHealth, Scorecard, TicketRank,
};
use crate::model::portfolio::Customer;
use crate::model::tiers::{self, Tier, TierKpis, TierRules};
use crate::sample;

/// The day the data describes: the sample's export date, or for an imported file the latest
/// contract start in it (an export is taken after the last contract it lists was signed).
pub fn as_of(customers: &[Customer], origin: &Origin) -> Date {
    match origin {
        Origin::Sample => sample::AS_OF,
        Origin::File(_) => customers
            .iter()
            .filter_map(|c| c.contract_start)
            .max()
            .unwrap_or(sample::AS_OF),
    }
}

/// The default scorecard for these customers: the north star scored against its 75th
/// percentile among active customers (a target three in four do not reach yet).
pub fn default_scorecard(customers: &[Customer]) -> Scorecard {
    let mut values: Vec<f64> = customers
        .iter()
        .filter(|c| is_active(c))
        .filter_map(|c| c.north_star)
        .filter(|v| v.is_finite())
        .collect();
    values = crate::model::order::permute(&values, &crate::model::order::ascending(&values));
    let target = values
        .get(values.len() * 3 / 4)
        .copied()
        .filter(|v| *v > 0.0)
        .unwrap_or(1.0);
    Scorecard::with_target(round_target(target))
}

/// Rounds a target to two significant figures, so the editor shows 140 rather than 137.42.
fn round_target(value: f64) -> f64 {
    let magnitude = 10f64.powf(value.abs().log10().floor() - 1.0);
    (value / magnitude).round() * magnitude
}

/// The headers of the extra numeric columns the customers carry, in first-seen order.
pub fn extra_columns(customers: &[Customer]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for c in customers.iter().take(1_000) {
        for (name, _) in &c.extra {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
    }
    names
}

/// Scores, summary and tiers of every customer.
#[derive(Debug, Clone, PartialEq)]
pub struct HealthAnalysis {
    pub as_of: Date,
    pub scores: Vec<Option<f64>>,
    pub summary: PortfolioHealth,
    pub tiers: Vec<Option<Tier>>,
    pub tier_kpis: TierKpis,
}

pub fn analyse_health(
    customers: &[Customer],
    origin: &Origin,
    card: &Scorecard,
    rules: &TierRules,
) -> HealthAnalysis {
    let as_of = as_of(customers, origin);
    let scores: Vec<Option<f64>> = customers
        .iter()
        .map(|c| health::score_value(card, c, as_of))
        .collect();
    let summary = health::portfolio(customers, &scores, &card.bands);
    let tiers = tiers::assign(customers, &scores, rules);
    let tier_kpis = tiers::kpis(customers, &tiers);
    HealthAnalysis {
        as_of,
        scores,
        summary,
        tiers,
        tier_kpis,
    }
}

/// What the health section needs of the customers alone, so it is recomputed only when they
/// change (not while a weight slider moves).
#[derive(Debug, Clone, PartialEq)]
pub struct HealthBasis {
    /// The scorecard in use until the user edits one.
    pub default_card: Scorecard,
    /// The file's extra numeric columns with their `(min, max)`, in first-seen order.
    pub columns: Vec<(String, (f64, f64))>,
}

pub fn health_basis(customers: &[Customer]) -> HealthBasis {
    HealthBasis {
        default_card: default_scorecard(customers),
        columns: extra_columns(customers)
            .into_iter()
            .map(|name| {
                let range = column_range(customers, &name);
                (name, range)
            })
            .collect(),
    }
}

/// The smallest and largest value of an extra column (infinite bounds when no customer has it).
fn column_range(customers: &[Customer], name: &str) -> (f64, f64) {
    customers
        .iter()
        .filter_map(|c| c.extra.iter().find(|(n, _)| n == name).map(|(_, v)| *v))
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        })
}

/// Everything the health section shows (and the report repeats).
#[derive(Debug, Clone, PartialEq)]
pub struct HealthFigures {
    /// The scorecard in use: the user's, or the default for these customers.
    pub card: Scorecard,
    pub analysis: HealthAnalysis,
    /// Mean score of the scored active customers (NaN when none is scored).
    pub mean_score: f64,
    /// Share of tiered customers in the growth tier (NaN when none is tiered).
    pub growth_share: f64,
    pub red_customers: usize,
    pub red_arr: f64,
    pub arr_by_band: Bars,
    pub distribution: Bars,
    /// Extra columns the scorecard does not use yet, offered as new measures.
    pub unused_columns: Vec<(String, (f64, f64))>,
    /// The ten most urgent customers with unresolved tickets: red before yellow before green,
    /// the larger ARR first within a band (the source's rule, `model::health::ticket_priority`).
    pub tickets: Vec<TicketRank>,
    /// Active customers without a first start: tenure unknown, so no onboarding or growth
    /// stage (`model::health::stage`); the section says how many.
    pub unknown_tenure: usize,
}

/// The band colours: colour-blind safe (Okabe & Ito), and every band is also named in text.
pub fn band_colour(band: Band) -> plotters::style::RGBColor {
    match band {
        Band::Red => palette::VERMILLION,
        Band::Yellow => palette::ORANGE,
        Band::Green => palette::GREEN,
    }
}

/// The figures for `card` (`None`: the basis's default card) and the tier `rules`.
pub fn health(
    customers: &[Customer],
    origin: &Origin,
    card: Option<&Scorecard>,
    rules: &TierRules,
    basis: &HealthBasis,
    lang: Lang,
    currency: Currency,
) -> HealthFigures {
    let card = card.unwrap_or(&basis.default_card).clone();
    let analysis = analyse_health(customers, origin, &card, rules);
    let summary = &analysis.summary;
    let arr_by_band = Bars {
        title: lang.t(HealthKey::ArrByBandTitle).into(),
        x_label: lang.t(HealthKey::Band).into(),
        y_label: lang.fill(HealthKey::ArrAxis, &[("currency", currency.symbol())]),
        bars: Band::ALL
            .iter()
            .map(|&b| Bar {
                label: band_label(lang, b).into(),
                value: summary.arr_by_band[b as usize],
                colour: band_colour(b),
            })
            .collect(),
    };
    let distribution = Bars {
        title: lang.t(HealthKey::DistributionTitle).into(),
        x_label: lang.t(HealthKey::ScoreAxis).into(),
        y_label: lang.t(HealthKey::CustomersAxis).into(),
        bars: summary
            .histogram
            .iter()
            .enumerate()
            .map(|(i, &n)| Bar {
                label: format!("{}–{}", i * 10, i * 10 + 10),
                value: n as f64,
                colour: palette::BLUE,
            })
            .collect(),
    };
    let in_card = |name: &String| {
        card.rules
            .iter()
            .any(|r| r.measure == Measure::Custom(name.clone()))
    };
    let mut tickets = ticket_priority(customers, &analysis.scores, &card.bands);
    tickets.truncate(10);
    HealthFigures {
        mean_score: summary.mean_score.unwrap_or(f64::NAN),
        growth_share: analysis.tier_kpis.growth_share().unwrap_or(f64::NAN),
        red_customers: summary.customers_by_band[Band::Red as usize],
        red_arr: summary.arr_by_band[Band::Red as usize],
        arr_by_band,
        distribution,
        unused_columns: basis
            .columns
            .iter()
            .filter(|(name, _)| !in_card(name))
            .cloned()
            .collect(),
        tickets,
        unknown_tenure: customers
            .iter()
            .filter(|c| crate::model::health::is_active(c) && c.first_start.is_none())
            .count(),
        analysis,
        card,
    }
}
#[cfg(test)]
mod tests;
