//! Cohort retention: customers grouped by the period they started, followed period by period.
//!
//! - logo retention(c, p) = customers of cohort c paying in period p / customers in cohort c;
//! - revenue retention(c, p) = revenue of cohort c in period p / its revenue in period 0
//!   (can exceed 100 % through expansion).
//!
//! Definitions as in subscription-analytics practice (e.g. ChartMogul's and Baremetrics'
//! cohort reports; `shared/domain.md`). Periods are counted by each customer's tenure:
//! month grain, period p = the p-th month since the cohort's month; quarter grain, cohorts are
//! start quarters and period p covers tenure months 3p..3p+2 of each customer (active if it
//! paid in any of them; revenue = its mean MRR over them), so a customer who started late in
//! a quarter is not half-counted. A period is observed for a cohort only when it has ended for
//! every member; unobserved periods are absent (`None`), never zero.
//!
//! Reactivation policy: a customer who stops paying and comes back stays in its first cohort
//! and counts as active again in the periods it pays; so logo retention of such cohorts can
//! rise. The sBG fit uses the non-increasing envelope (see `model::sbg`).

// Fx hashing: the keys are our own customer ids and month numbers, not attacker-chosen input
// where SipHash's protection would matter, and it is several times faster on a million rows.
use rustc_hash::FxHashMap as HashMap;

use super::calendar::Month;
use super::portfolio::{CohortCell, MrrRow};

/// Grouping of cohorts and periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grain {
    #[default]
    Month,
    Quarter,
}

impl Grain {
    fn months(self) -> i32 {
        match self {
            Grain::Month => 1,
            Grain::Quarter => 3,
        }
    }
}

/// One cohort: its size and, per period, active customers and revenue (`None` = unobserved).
#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    pub label: String,
    /// Customers at period 0.
    pub size: f64,
    /// Revenue at period 0 (`None` when the source has no revenue).
    pub start_revenue: Option<f64>,
    pub active: Vec<Option<f64>>,
    pub revenue: Vec<Option<f64>>,
}

impl Cohort {
    /// Logo retention at `period`, a fraction.
    pub fn logo_retention(&self, period: usize) -> Option<f64> {
        let active = (*self.active.get(period)?)?;
        (self.size > 0.0).then(|| active / self.size)
    }

    /// Revenue retention at `period`, a fraction (may exceed 1).
    pub fn revenue_retention(&self, period: usize) -> Option<f64> {
        let revenue = (*self.revenue.get(period)?)?;
        let start = self.start_revenue?;
        (start > 0.0).then(|| revenue / start)
    }

    /// Periods observed (the length of the known part).
    pub fn observed(&self) -> usize {
        self.active.iter().take_while(|a| a.is_some()).count()
    }
}

/// Which retention a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    #[default]
    Logo,
    Revenue,
}

/// Retention of `cohort` at `period` for `measure`.
pub fn retention(cohort: &Cohort, measure: Measure, period: usize) -> Option<f64> {
    match measure {
        Measure::Logo => cohort.logo_retention(period),
        Measure::Revenue => cohort.revenue_retention(period),
    }
}

/// Fewest cohorts an average point may rest on: the last periods of a triangle are observed
/// only for the oldest one or two cohorts, often tiny, and would make the curve jump.
pub const MIN_COHORTS_FOR_AVERAGE: usize = 3;

/// The size-weighted average curve: for each period, Σ active / Σ size over the cohorts
/// observed there (revenue: Σ revenue / Σ starting revenue), as long as at least
/// min(3, number of cohorts) cohorts are observed.
pub fn average_curve(cohorts: &[Cohort], measure: Measure) -> Vec<f64> {
    let longest = cohorts.iter().map(|c| c.active.len()).max().unwrap_or(0);
    let needed = MIN_COHORTS_FOR_AVERAGE.min(cohorts.len());
    (0..longest)
        .map_while(|p| {
            let (mut num, mut den, mut observed) = (0.0, 0.0, 0);
            for c in cohorts {
                let (value, base) = match measure {
                    Measure::Logo => (c.active.get(p).copied().flatten(), Some(c.size)),
                    Measure::Revenue => (c.revenue.get(p).copied().flatten(), c.start_revenue),
                };
                if let (Some(v), Some(b)) = (value, base) {
                    num += v;
                    den += b;
                    observed += 1;
                }
            }
            (den > 0.0 && observed >= needed).then(|| num / den)
        })
        .collect()
}

/// Cohorts from monthly revenue rows. Rows of the same customer and month are added; months
/// with MRR 0 count as not paying. The last observed month is the latest month in the data.
pub fn cohorts_from_monthly(rows: &[MrrRow], grain: Grain) -> Vec<Cohort> {
    let Some(last) = rows.iter().map(|r| r.month).max() else {
        return Vec::new();
    };
    // Per customer: start month and MRR by tenure month.
    let mut by_customer: HashMap<&str, Vec<(Month, f64)>> = HashMap::default();
    for row in rows.iter().filter(|r| r.mrr > 0.0) {
        by_customer
            .entry(row.customer_id.as_str())
            .or_default()
            .push((row.month, row.mrr));
    }
    let step = grain.months();
    // Cohort key (start month or quarter index) → members as (start month, tenure MRR).
    let mut cohorts: HashMap<i32, Vec<(Month, Vec<f64>)>> = HashMap::default();
    for months in by_customer.into_values() {
        let Some(start) = months.iter().map(|(m, _)| *m).min() else {
            continue;
        };
        let mut tenure = vec![0.0; (last.0 - start.0 + 1) as usize];
        for (month, mrr) in months {
            tenure[(month.0 - start.0) as usize] += mrr;
        }
        let key = start.0.div_euclid(step);
        cohorts.entry(key).or_default().push((start, tenure));
    }
    let mut keys: Vec<i32> = cohorts.keys().copied().collect();
    keys.sort_unstable();
    keys.into_iter()
        .filter_map(|key| {
            let members = cohorts.remove(&key)?;
            // A cohort whose first period has not ended yet has nothing observed: left out.
            Some(build_cohort(label(key, grain), &members, last, step))
                .filter(|c| !c.active.is_empty())
        })
        .collect()
}

fn build_cohort(label: String, members: &[(Month, Vec<f64>)], last: Month, step: i32) -> Cohort {
    // Observed periods: windows that have ended for every member.
    let latest_start = members.iter().map(|(s, _)| s.0).max().unwrap_or(last.0);
    let periods = ((last.0 - latest_start + 1) / step).max(0) as usize;
    let mut active = vec![0.0; periods];
    let mut revenue = vec![0.0; periods];
    for (_, tenure) in members {
        for p in 0..periods {
            let window = &tenure[p * step as usize..((p + 1) * step as usize).min(tenure.len())];
            if window.iter().any(|&m| m > 0.0) {
                active[p] += 1.0;
            }
            revenue[p] += window.iter().sum::<f64>() / step as f64;
        }
    }
    Cohort {
        label,
        size: members.len() as f64,
        start_revenue: revenue.first().copied(),
        active: active.into_iter().map(Some).collect(),
        revenue: revenue.into_iter().map(Some).collect(),
    }
}

fn label(key: i32, grain: Grain) -> String {
    match grain {
        Grain::Month => Month(key).to_string(),
        Grain::Quarter => format!("{}-Q{}", key.div_euclid(4), key.rem_euclid(4) + 1),
    }
}

/// Cohorts from a table aggregated elsewhere. Period 0 gives the size and starting revenue;
/// a cohort without period 0 is left out; missing periods stay absent.
pub fn cohorts_from_table(cells: &[CohortCell]) -> Vec<Cohort> {
    let mut labels: Vec<&str> = Vec::new();
    let mut by_label: HashMap<&str, Vec<&CohortCell>> = HashMap::default();
    for cell in cells {
        let entry = by_label.entry(cell.cohort.as_str()).or_default();
        if entry.is_empty() {
            labels.push(cell.cohort.as_str());
        }
        entry.push(cell);
    }
    labels.sort_unstable();
    labels
        .into_iter()
        .filter_map(|label| {
            let cells = by_label.get(label)?;
            let start = cells.iter().find(|c| c.period == 0)?;
            let periods = cells
                .iter()
                .map(|c| c.period as usize + 1)
                .max()
                .unwrap_or(1);
            let mut active = vec![None; periods];
            let mut revenue = vec![None; periods];
            for c in cells {
                active[c.period as usize] = Some(c.customers);
                revenue[c.period as usize] = c.revenue;
            }
            Some(Cohort {
                label: label.to_string(),
                size: start.customers,
                start_revenue: start.revenue,
                active,
                revenue,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::portfolio::Span;

    fn row(id: &str, month: &str, mrr: f64) -> MrrRow {
        let (y, m) = month.split_once('-').unwrap();
        MrrRow {
            customer_id: id.into(),
            month: Month::from_year_month(y.parse().unwrap(), m.parse().unwrap()),
            mrr,
        }
    }

    #[test]
    fn hand_checked_monthly_cohorts_with_reactivation() {
        // Jan cohort: A pays Jan–Mar; B pays Jan, leaves in Feb, returns in Mar (reactivation).
        // Feb cohort: C pays Feb–Mar with an upsell.
        let rows = vec![
            row("A", "2024-01", 100.0),
            row("A", "2024-02", 100.0),
            row("A", "2024-03", 100.0),
            row("B", "2024-01", 50.0),
            row("B", "2024-03", 50.0),
            row("C", "2024-02", 10.0),
            row("C", "2024-03", 30.0),
        ];
        let cohorts = cohorts_from_monthly(&rows, Grain::Month);
        assert_eq!(cohorts.len(), 2);
        let jan = &cohorts[0];
        assert_eq!((jan.label.as_str(), jan.size), ("2024-01", 2.0));
        assert_eq!(jan.active, vec![Some(2.0), Some(1.0), Some(2.0)]);
        assert_eq!(jan.logo_retention(1), Some(0.5));
        assert_eq!(jan.revenue_retention(1), Some(100.0 / 150.0));
        let feb = &cohorts[1];
        assert_eq!(feb.observed(), 2);
        assert_eq!(
            feb.revenue_retention(1),
            Some(3.0),
            "expansion lifts revenue retention above 100 %"
        );
        assert_eq!(feb.logo_retention(2), None, "unobserved periods are absent");
    }

    #[test]
    fn a_cohort_of_one_customer() {
        let cohorts = cohorts_from_monthly(&[row("solo", "2024-05", 9.0)], Grain::Month);
        assert_eq!(cohorts.len(), 1);
        assert_eq!(cohorts[0].active, vec![Some(1.0)]);
        assert_eq!(average_curve(&cohorts, Measure::Logo), vec![1.0]);
    }

    #[test]
    fn quarters_count_tenure_windows_and_wait_for_every_member() {
        // A starts Jan, B starts Mar (same Q1 cohort); data end in Aug.
        let mut rows: Vec<MrrRow> = ["01", "02", "03", "04", "05", "06", "07", "08"]
            .iter()
            .map(|m| row("A", &format!("2024-{m}"), 10.0))
            .collect();
        rows.extend(
            ["03", "04", "05"]
                .iter()
                .map(|m| row("B", &format!("2024-{m}"), 10.0)),
        );
        let q = &cohorts_from_monthly(&rows, Grain::Quarter)[0];
        assert_eq!(q.label, "2024-Q1");
        // B's tenure window 1 (Jun–Aug) has ended; window 2 has not: two periods observed.
        assert_eq!(q.active, vec![Some(2.0), Some(1.0)]);
    }

    #[test]
    fn weighted_average_uses_only_observed_cohorts() {
        let cohort = |size: f64, active: &[f64]| Cohort {
            label: String::new(),
            size,
            start_revenue: None,
            active: active.iter().map(|&a| Some(a)).collect(),
            revenue: vec![None; active.len()],
        };
        let cohorts = [
            cohort(100.0, &[100.0, 50.0, 40.0]),
            cohort(300.0, &[300.0, 150.0]),
            cohort(100.0, &[100.0, 80.0]),
        ];
        // Period 1: (50 + 150 + 80) / 500; period 2 rests on one cohort only: left out.
        assert_eq!(average_curve(&cohorts, Measure::Logo), vec![1.0, 0.56]);
    }

    #[test]
    fn spans_and_tables() {
        let span = |id: &str, start: (i32, u8), end: Option<(i32, u8)>| Span {
            customer_id: id.into(),
            start: crate::model::calendar::Date::new(start.0, start.1, 1).unwrap(),
            end: end.map(|(y, m)| crate::model::calendar::Date::new(y, m, 28).unwrap()),
            mrr: 10.0,
        };
        let cohorts = crate::model::observed::cohorts_from_spans(
            &[
                span("A", (2024, 1), None),
                span("B", (2024, 1), Some((2024, 1))),
                span("C", (2024, 3), None),
            ],
            Grain::Month,
        );
        assert_eq!(cohorts[0].active, vec![Some(2.0), Some(1.0), Some(1.0)]);
        let cell = |c: &str, p: u32, n: f64| CohortCell {
            cohort: c.into(),
            period: p,
            customers: n,
            revenue: None,
        };
        let table = cohorts_from_table(&[
            cell("2024-02", 0, 50.0),
            cell("2024-01", 0, 100.0),
            cell("2024-01", 2, 70.0),
        ]);
        assert_eq!(table[0].label, "2024-01");
        assert_eq!(table[0].active, vec![Some(100.0), None, Some(70.0)]);
        assert_eq!(table[0].logo_retention(2), Some(0.7));
    }
}
