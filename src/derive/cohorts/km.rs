//! The Kaplan–Meier chart's input from the analysis's rows, in the UI language, and the
//! curves by segment with the log-rank test.

use crate::chart::km_curve::KmCurve;
use crate::i18n::{format_count, CohortKey, Lang};
use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::model::bdw::SIGNIFICANCE;
use crate::model::calendar::Month;
use crate::model::km::{kaplan_meier, months_paid_by_customer, Duration, KmRow};
use crate::model::logrank::{log_rank, LogRank};
use crate::model::portfolio::{Customer, Subscriptions};

/// `None` when there is no curve (a cohort table, or no subscriptions).
pub fn km_chart(rows: &[KmRow], lang: Lang) -> Option<KmCurve> {
    (!rows.is_empty()).then(|| KmCurve {
        title: lang.t(CohortKey::KmTitle).into(),
        x_label: lang.t(CohortKey::KmMonth).into(),
        y_label: lang.t(CohortKey::KmAxis).into(),
        curve_label: lang.t(CohortKey::KmSurvival).into(),
        band_label: lang.t(CohortKey::KmBandLegend).into(),
        at_risk_label: lang.t(CohortKey::KmAtRiskLegend).into(),
        rows: rows
            .iter()
            .map(|r| (r.survival, r.low, r.high, format_count(r.at_risk)))
            .collect(),
    })
}

/// One segment's line of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentRow {
    pub segment: String,
    pub customers: usize,
    /// Churned, and what "no difference between segments" expects (the log-rank test's O, E).
    pub observed: f64,
    pub expected: f64,
    /// Ŝ at 12 months paid, when the segment has customers at risk there.
    pub survival_12: Option<f64>,
}

/// Kaplan–Meier by segment with the log-rank test.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentKm {
    pub rows: Vec<SegmentRow>,
    pub test: LogRank,
    /// Paying customers with no segment in the customer file (left out of the test).
    pub unmatched: usize,
    /// "Segments retain differently (p < 5 %)" or that the data show no difference.
    pub reading: String,
}

/// Most segments the test compares: its covariance is a (k − 1)² matrix solved in O(k³), and
/// a column mapped as "segment" by mistake (a company name) would make k the customer count.
pub const MAX_SEGMENTS: usize = 20;

/// The customers of `subscriptions` grouped by the `segment` of the customer file, each
/// group's durations as [`months_paid_by_customer`] counts them; `None` with fewer than two
/// segments, more than [`MAX_SEGMENTS`], or nothing to test.
pub fn km_by_segment(
    subscriptions: &Subscriptions,
    customers: &[Customer],
    through: Month,
    lang: Lang,
) -> Option<SegmentKm> {
    let segment_of: FxHashMap<&str, &str> = customers
        .iter()
        .filter_map(|c| Some((c.id.as_str(), c.segment.as_deref()?.trim())))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    let mut groups: BTreeMap<&str, Vec<Duration>> = BTreeMap::new();
    let mut unmatched = 0;
    for (id, run) in months_paid_by_customer(subscriptions, through) {
        match segment_of.get(id) {
            Some(segment) => groups.entry(segment).or_default().push(run),
            None => unmatched += 1,
        }
    }
    if groups.len() > MAX_SEGMENTS {
        return None;
    }
    let (names, durations): (Vec<&str>, Vec<Vec<Duration>>) = groups.into_iter().unzip();
    let test = log_rank(&durations)?;
    let rows = names
        .iter()
        .zip(&durations)
        .enumerate()
        .map(|(g, (name, runs))| SegmentRow {
            segment: (*name).to_string(),
            customers: runs.len(),
            observed: test.observed[g],
            expected: test.expected[g],
            survival_12: kaplan_meier(runs)
                .iter()
                .find(|r| r.period == 12)
                .map(|r| r.survival),
        })
        .collect();
    let reading = lang
        .t(if test.p_value < SIGNIFICANCE {
            CohortKey::SegmentsDiffer
        } else {
            CohortKey::SegmentsAlike
        })
        .to_string();
    Some(SegmentKm {
        rows,
        test,
        unmatched,
        reading,
    })
}
