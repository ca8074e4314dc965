//! Kaplan–Meier retention by months paid, with Greenwood standard errors and a 90 % band
//! (Kaplan & Meier 1958; Greenwood 1926; the log(−log) interval of Kalbfleisch & Prentice).
//!
//! Unlike cohort survivor counts, this handles still-active customers correctly: a customer
//! active at the end of the data is censored there, not counted as churned, and stays in the
//! risk set only as long as it was observed. Convention (issue 26): a customer's time is its
//! number of paid months from its first to its last paid month inclusive; it churned if that
//! last month is before the observation month, otherwise it is censored; a customer who
//! stopped and came back counts in its first run only. At risk at month t: time ≥ t.

use rustc_hash::FxHashMap;

use crate::model::calendar::Month;
#[cfg(all(test, not(target_arch = "wasm32")))]
use crate::model::portfolio::MrrRow;
use crate::model::portfolio::Subscriptions;

/// One customer's time and whether its run ended (an event) or is still going (censored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub months: u32,
    pub churned: bool,
}

/// One period of the curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KmRow {
    pub period: u32,
    pub at_risk: usize,
    pub events: usize,
    /// Ŝ(t) = Π_{u ≤ t} (1 − d(u)/n(u)).
    pub survival: f64,
    /// Greenwood: Ŝ(t) √(Σ_{u ≤ t} d/(n(n − d))); `None` once Ŝ is 0.
    pub std_error: Option<f64>,
    /// The 90 % pointwise band on the log(−log) scale (stays inside 0–1).
    pub low: f64,
    pub high: f64,
}

/// z of a two-sided 90 % interval.
pub const Z90: f64 = 1.644_853_626_951_472_2;

/// Each customer's first run of consecutive paid months in `subscriptions` (MRR > 0; a span
/// pays from its start month to its end month, or on), observed through `through`: its length,
/// and whether it ended before `through` (as `model::observed` clips the cohorts).
pub fn months_paid(subscriptions: &Subscriptions, through: Month) -> Vec<Duration> {
    months_paid_by_customer(subscriptions, through)
        .into_iter()
        .map(|(_, d)| d)
        .collect()
}

/// [`months_paid`] with each customer's id, in the order of the ids (so groups built from it
/// are the same on every run).
pub fn months_paid_by_customer(
    subscriptions: &Subscriptions,
    through: Month,
) -> Vec<(&str, Duration)> {
    let mut pieces: FxHashMap<&str, Vec<(i32, i32)>> = FxHashMap::default();
    match subscriptions {
        Subscriptions::Monthly(rows) => {
            for r in rows
                .iter()
                .filter(|r| r.mrr > 0.0 && r.month.0 <= through.0)
            {
                pieces
                    .entry(r.customer_id.as_str())
                    .or_default()
                    .push((r.month.0, r.month.0));
            }
        }
        Subscriptions::Spans(spans) => {
            for s in spans
                .iter()
                .filter(|s| s.mrr > 0.0 && s.start.month().0 <= through.0)
            {
                let end = s.end.map_or(through, |e| e.month().min(through));
                pieces
                    .entry(s.customer_id.as_str())
                    .or_default()
                    .push((s.start.month().0, end.0.max(s.start.month().0)));
            }
        }
    }
    let mut runs: Vec<(&str, Duration)> = pieces
        .into_iter()
        .map(|(id, mut p)| {
            p.sort_unstable();
            let (first, mut last) = p[0];
            // The first run: pieces that start no later than the month after it ends.
            for &(start, end) in &p[1..] {
                if start > last + 1 {
                    break;
                }
                last = last.max(end);
            }
            let run = Duration {
                months: (last - first + 1) as u32,
                churned: last < through.0,
            };
            (id, run)
        })
        .collect();
    runs.sort_unstable_by_key(|(id, _)| *id);
    runs
}

/// The Kaplan–Meier curve of `durations`, one row per month 1..=longest (months without an
/// event keep Ŝ and its error).
///
/// ```
/// use retention_lab::model::km::{kaplan_meier, Duration};
/// let d = |months, churned| Duration { months, churned };
/// // Two churn at month 1 of four; one more of the two left at month 2: Ŝ = 1/2, then 1/4.
/// let km = kaplan_meier(&[d(1, true), d(1, true), d(2, true), d(2, false)]);
/// assert_eq!((km[0].survival, km[1].survival), (0.5, 0.25));
/// ```
pub fn kaplan_meier(durations: &[Duration]) -> Vec<KmRow> {
    let longest = durations.iter().map(|d| d.months).max().unwrap_or(0);
    let mut survival = 1.0_f64;
    let mut greenwood = 0.0_f64;
    let mut rows = Vec::with_capacity(longest as usize);
    for t in 1..=longest {
        let at_risk = durations.iter().filter(|d| d.months >= t).count();
        let events = durations
            .iter()
            .filter(|d| d.months == t && d.churned)
            .count();
        if at_risk > 0 && events > 0 {
            let (n, e) = (at_risk as f64, events as f64);
            survival *= 1.0 - e / n;
            greenwood += if at_risk > events {
                e / (n * (n - e))
            } else {
                f64::INFINITY
            };
        }
        let std_error =
            (survival > 0.0 && greenwood.is_finite()).then(|| survival * greenwood.sqrt());
        let (low, high) = band(survival, greenwood);
        rows.push(KmRow {
            period: t,
            at_risk,
            events,
            survival,
            std_error,
            low,
            high,
        });
    }
    rows
}

/// The log(−log) 90 % band: σ = √(greenwood) / |ln Ŝ|, bounds Ŝ^{exp(±z σ)}.
fn band(survival: f64, greenwood: f64) -> (f64, f64) {
    if survival >= 1.0 || greenwood <= 0.0 {
        return (survival, survival);
    }
    if survival <= 0.0 || !greenwood.is_finite() {
        return (0.0, 0.0);
    }
    let sigma = greenwood.sqrt() / survival.ln().abs();
    (
        survival.powf((Z90 * sigma).exp()),
        survival.powf((-Z90 * sigma).exp()),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn d(months: u32, churned: bool) -> Duration {
        Duration { months, churned }
    }

    /// Freireich et al. (1963), 6-MP group: remission weeks, `false` = censored. Expected
    /// values from an independent exact-fraction computation, checked against lifelines
    /// 0.30.3 and the published table (0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448).
    #[test]
    fn the_6mp_data_of_the_textbooks() {
        let weeks = [
            (6, true),
            (6, true),
            (6, true),
            (6, false),
            (7, true),
            (9, false),
            (10, true),
            (10, false),
            (11, false),
            (13, true),
            (16, true),
            (17, false),
            (19, false),
            (20, false),
            (22, true),
            (23, true),
            (25, false),
            (32, false),
            (32, false),
            (34, false),
            (35, false),
        ];
        let durations: Vec<Duration> = weeks.iter().map(|&(w, e)| d(w, e)).collect();
        let km = kaplan_meier(&durations);
        let at = |t: usize| km[t - 1];
        let expected = [
            (
                6,
                21,
                6.0 / 7.0,
                0.076_360_354_832_1,
                0.671_106_780_592,
                0.942_159_405_720,
            ),
            (
                7,
                17,
                96.0 / 119.0,
                0.086_935_285_180_1,
                0.612_478_543_986,
                0.910_197_832_847,
            ),
            (
                10,
                15,
                64.0 / 85.0,
                0.096_349_652_994_3,
                0.551_123_381_928,
                0.873_581_243_274,
            ),
            (
                13,
                12,
                176.0 / 255.0,
                0.106_814_707_775,
                0.478_700_309_674,
                0.829_761_065_020,
            ),
            (
                16,
                11,
                32.0 / 51.0,
                0.114_053_865_257,
                0.412_612_768_006,
                0.782_391_224_443,
            ),
            (
                22,
                7,
                64.0 / 119.0,
                0.128_233_751_693,
                0.311_214_080_582,
                0.719_233_187_225,
            ),
            (
                23,
                6,
                160.0 / 357.0,
                0.134_591_456_756,
                0.226_462_088_245,
                0.648_113_584_140,
            ),
        ];
        for (t, n, s, se, low, high) in expected {
            let row = at(t);
            assert_eq!(row.at_risk, n, "{t}");
            assert!((row.survival - s).abs() < 1e-12, "{t}");
            assert!((row.std_error.unwrap() - se).abs() < 1e-10, "{t}");
            assert!(
                (row.low - low).abs() < 1e-9 && (row.high - high).abs() < 1e-9,
                "{t}"
            );
        }
        // Between events the curve holds.
        assert_eq!(at(8).survival, at(7).survival);
        assert_eq!(km.len(), 35);
    }

    #[test]
    fn months_paid_by_hand() {
        // Eight customers (A–H): durations 1✗ 2✗ 2· 3✗ 3✗ 4· 5✗ 6· (✗ churned, · active).
        // Ŝ = 7/8, 3/4, 9/20, 9/20, 9/40; SE(3) = 0.45 √(7/40) = 0.188248505970167.
        let durations = [
            d(1, true),
            d(2, true),
            d(2, false),
            d(3, true),
            d(3, true),
            d(4, false),
            d(5, true),
            d(6, false),
        ];
        let km = kaplan_meier(&durations);
        for (row, want) in km.iter().zip([0.875, 0.75, 0.45, 0.45, 0.225, 0.225]) {
            assert!((row.survival - want).abs() < 1e-15, "{}", row.survival);
        }
        assert!((km[2].std_error.unwrap() - 0.188_248_505_970_167).abs() < 1e-12);
        assert_eq!(
            km.iter().map(|r| r.at_risk).collect::<Vec<_>>(),
            [8, 7, 5, 3, 2, 1]
        );
        assert!((km[0].low - 0.500_287_558_989).abs() < 1e-9);
    }

    #[test]
    fn a_run_from_mrr_rows_ends_at_its_first_gap() {
        let row = |id: &str, m: i32| MrrRow {
            customer_id: id.into(),
            month: Month(m),
            mrr: 10.0,
        };
        // A pays months 1–3, stops, returns at 6: first run 3 months, churned (3 < 8).
        // B pays 5–8, observed through 8: 4 months, censored. C paid nothing.
        let rows = [
            row("A", 1),
            row("A", 2),
            row("A", 3),
            row("A", 6),
            row("B", 5),
            row("B", 6),
            row("B", 7),
            row("B", 8),
            MrrRow {
                customer_id: "C".into(),
                month: Month(2),
                mrr: 0.0,
            },
        ];
        let mut got = months_paid(&Subscriptions::Monthly(rows.to_vec()), Month(8));
        got.sort_by_key(|d| d.months);
        assert_eq!(got, [d(3, true), d(4, false)]);
    }

    #[test]
    fn spans_pay_from_their_start_month_to_their_end_month() {
        use crate::model::calendar::Date;
        use crate::model::portfolio::Span;
        let span = |id: &str, start: (i32, u8), end: Option<(i32, u8)>| Span {
            customer_id: id.into(),
            start: Date::new(start.0, start.1, 15).unwrap_or(Date {
                year: start.0,
                month: 1,
                day: 1,
            }),
            end: end.and_then(|(y, m)| Date::new(y, m, 20)),
            mrr: 10.0,
        };
        // A: Jan–Mar 2024, churned (March before the June observation); B: from April, still
        // paying: April–June, 3 months, censored; C: Jan–Feb then again from Apr: first run 2.
        let spans = vec![
            span("A", (2024, 1), Some((2024, 3))),
            span("B", (2024, 4), None),
            span("C", (2024, 1), Some((2024, 2))),
            span("C", (2024, 4), None),
        ];
        let through = Date::new(2024, 6, 30).map(Date::month).unwrap_or(Month(0));
        let mut got = months_paid(&Subscriptions::Spans(spans), through);
        got.sort_by_key(|d| (d.months, d.churned));
        assert_eq!(got, [d(2, true), d(3, false), d(3, true)]);
    }
}
