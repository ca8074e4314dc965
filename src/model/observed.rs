//! Cohorts observed through a date: the data says what happened up to its observation date,
//! and nothing after it.
//!
//! - Long-form MRR is observed through the last month billed (the latest month with a row)
//!   that is not after today.
//! - Spans are observed through a "data as of" date: by default the latest start or end that
//!   is not after today. An open span, or one ending after that date, is active up to it and
//!   no further (right-censored); a span starting after it is not yet observed.
//!
//! `today` is always a parameter: the model never reads a clock. Building the cohorts costs
//! time and memory in proportion to the rows plus the cohort triangle up to the observation
//! date (difference arrays per cohort), never to the dates written in the data: a
//! `2099-12-31` end is cut at the observation date.

use rustc_hash::FxHashMap as HashMap;

use super::calendar::{Date, Month};
use super::cohort::{cohorts_from_monthly, Cohort, Grain};
use super::portfolio::{MrrRow, Span, Subscriptions};

/// The month long-form MRR is observed through: the latest month with a row, not after
/// `today`'s month. `None` without such a row.
pub fn observed_through_monthly(rows: &[MrrRow], today: Date) -> Option<Month> {
    let now = today.month();
    rows.iter().map(|r| r.month).filter(|m| *m <= now).max()
}

/// The "data as of" date of spans: the latest start or end not after `today`. `None` when
/// every date is after today.
pub fn observed_through_spans(spans: &[Span], today: Date) -> Option<Date> {
    spans
        .iter()
        .flat_map(|s| [Some(s.start), s.end])
        .flatten()
        .filter(|d| *d <= today)
        .max()
}

/// The observation month of either form of subscriptions, by the rules above.
pub fn observed_through(subscriptions: &Subscriptions, today: Date) -> Option<Month> {
    match subscriptions {
        Subscriptions::Monthly(rows) => observed_through_monthly(rows, today),
        Subscriptions::Spans(spans) => observed_through_spans(spans, today).map(Date::month),
    }
}

/// Cohorts of `subscriptions` observed through the month `through` (see the module): rows
/// after it and span months after it are censored. Same definitions as
/// `cohort::cohorts_from_monthly` (tenure periods, windows ended for every member).
pub fn cohorts_through(subscriptions: &Subscriptions, grain: Grain, through: Month) -> Vec<Cohort> {
    // (customer, first month, last month, MRR per month), clipped at `through`.
    let pieces: Vec<(&str, Month, Month, f64)> = match subscriptions {
        Subscriptions::Monthly(rows) => rows
            .iter()
            .filter(|r| r.mrr > 0.0 && r.month <= through)
            .map(|r| (r.customer_id.as_str(), r.month, r.month, r.mrr))
            .collect(),
        Subscriptions::Spans(spans) => spans
            .iter()
            .filter(|s| s.mrr > 0.0 && s.start.month() <= through)
            .map(|s| {
                let end = s.end.map_or(through, |e| e.month().min(through));
                (s.customer_id.as_str(), s.start.month(), end, s.mrr)
            })
            .collect(),
    };
    build(&pieces, grain, through)
}

/// A cohort member: its start month and its paying pieces (first, last month, MRR).
type Member = (Month, Vec<(Month, Month, f64)>);

fn build(pieces: &[(&str, Month, Month, f64)], grain: Grain, through: Month) -> Vec<Cohort> {
    let mut by_customer: HashMap<&str, Vec<(Month, Month, f64)>> = HashMap::default();
    for &(id, first, last, mrr) in pieces {
        by_customer.entry(id).or_default().push((first, last, mrr));
    }
    let step = grain.period_months() as i32;
    // Cohort key → members (start month, pieces sorted by first month).
    let mut cohorts: HashMap<i32, Vec<Member>> = HashMap::default();
    for mut parts in by_customer.into_values() {
        parts.sort_by_key(|p| p.0 .0);
        let Some(start) = parts.first().map(|p| p.0) else {
            continue;
        };
        cohorts
            .entry(start.0.div_euclid(step))
            .or_default()
            .push((start, parts));
    }
    let mut keys: Vec<i32> = cohorts.keys().copied().collect();
    keys.sort_unstable();
    keys.into_iter()
        .filter_map(|key| {
            let members = cohorts.remove(&key)?;
            Some(cohort(label(key, grain), &members, through, step))
                .filter(|c| !c.active.is_empty())
        })
        .collect()
}

fn cohort(label: String, members: &[Member], through: Month, step: i32) -> Cohort {
    // Observed periods: windows that have ended for every member.
    let latest_start = members.iter().map(|(s, _)| s.0).max().unwrap_or(through.0);
    let periods = ((through.0 - latest_start + 1) / step).max(0) as usize;
    let months = periods * step as usize;
    // Difference arrays: MRR per tenure month, active customers per period.
    let mut revenue_diff = vec![0.0; months + 1];
    let mut active_diff = vec![0i64; periods + 1];
    for (start, parts) in members {
        let mut counted_to: Option<usize> = None;
        for &(first, last, mrr) in parts {
            let a = (first.0 - start.0) as usize;
            let b = (last.0 - start.0) as usize;
            if a >= months || b < a {
                continue;
            }
            let b = b.min(months - 1);
            revenue_diff[a] += mrr;
            revenue_diff[b + 1] -= mrr;
            // Periods a/step..=b/step are active; pieces are sorted, so skip the part
            // already counted for this customer.
            let (pa, pb) = (a / step as usize, b / step as usize);
            let from = counted_to.map_or(pa, |c| pa.max(c + 1));
            if from <= pb {
                active_diff[from] += 1;
                active_diff[pb + 1] -= 1;
                counted_to = Some(pb);
            }
        }
    }
    let mut monthly = Vec::with_capacity(months);
    let mut running = 0.0;
    for d in &revenue_diff[..months] {
        running += d;
        monthly.push(running);
    }
    let mut active = Vec::with_capacity(periods);
    let mut count = 0i64;
    for d in &active_diff[..periods] {
        count += d;
        active.push(Some(count as f64));
    }
    let revenue: Vec<Option<f64>> = monthly
        .chunks(step as usize)
        .map(|w| Some(w.iter().sum::<f64>() / f64::from(step)))
        .collect();
    Cohort {
        label,
        size: members.len() as f64,
        start_revenue: revenue.first().copied().flatten(),
        active,
        revenue,
    }
}

fn label(key: i32, grain: Grain) -> String {
    match grain {
        Grain::Month => Month(key).to_string(),
        Grain::Quarter => format!("{}-Q{}", key.div_euclid(4), key.rem_euclid(4) + 1),
    }
}

/// Cohorts from subscription spans: each span pays its MRR every month from its start month
/// to its end month (an open span to the latest month any span mentions). Built by
/// [`cohorts_through`] without expanding spans month by month; callers that know
/// today's date should observe through [`observed_through`] instead, so that a
/// far-future end (2099-12-31) does not set the observation month.
pub fn cohorts_from_spans(spans: &[Span], grain: Grain) -> Vec<Cohort> {
    let last = spans
        .iter()
        .flat_map(|s| [Some(s.start.month()), s.end.map(|e| e.month())])
        .flatten()
        .max();
    let Some(last) = last else { return Vec::new() };
    cohorts_through(&Subscriptions::Spans(spans.to_vec()), grain, last)
}

/// Cohorts from whichever form the subscriptions came in.
pub fn cohorts_from_subscriptions(subscriptions: &Subscriptions, grain: Grain) -> Vec<Cohort> {
    match subscriptions {
        Subscriptions::Monthly(rows) => cohorts_from_monthly(rows, grain),
        Subscriptions::Spans(spans) => cohorts_from_spans(spans, grain),
    }
}

#[cfg(test)]
mod tests;
