use super::*;
use crate::model::tiers::Tier;

#[test]
fn is_deterministic_and_about_the_promised_size() {
    let a = sample_portfolio();
    assert_eq!(a, sample_portfolio());
    assert_eq!(a.customers.len(), ACCOUNTS);
    assert!(a.mrr.len() > 20_000, "{} MRR rows", a.mrr.len());
}

#[test]
fn records_are_consistent() {
    let p = sample_portfolio();
    for c in &p.customers {
        let (start, end) = (c.contract_start.unwrap(), c.contract_end.unwrap());
        assert!(start < end && start <= AS_OF, "{c:?}");
        assert!(c.arr > 0.0);
        assert!(c.tickets_unresolved <= c.tickets_opened);
    }
    let churned = p
        .customers
        .iter()
        .filter(|c| c.renewed == Some(false))
        .count();
    let renewed = p
        .customers
        .iter()
        .filter(|c| c.renewed == Some(true))
        .count();
    assert!(
        churned > 100 && renewed > 300,
        "churned {churned}, renewed {renewed}"
    );
}

#[test]
fn north_star_separates_renewals_from_churn() {
    let p = sample_portfolio();
    let mean = |outcome: bool| {
        let values: Vec<f64> = p
            .customers
            .iter()
            .filter(|c| c.renewed == Some(outcome))
            .filter_map(|c| c.north_star)
            .collect();
        values.iter().sum::<f64>() / values.len() as f64
    };
    assert!(
        mean(true) > 1.3 * mean(false),
        "renewed {} vs churned {}",
        mean(true),
        mean(false)
    );
}

/// FNV-1a, to fingerprint the sample.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// The fields drawn before the verticals, previous tiers and extra columns were added are
/// bit-identical to what they were (fingerprints taken before that change): the e2e tests
/// hard-code figures of the sample.
#[test]
fn fields_drawn_before_are_unchanged() {
    let p = sample_portfolio();
    let mut s = String::new();
    for c in &p.customers {
        s.push_str(&format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}\n",
            c.id,
            c.name,
            c.arr.to_bits(),
            c.contract_start,
            c.contract_end,
            c.first_start,
            c.north_star.map(f64::to_bits),
            c.tickets_opened.map(f64::to_bits),
            c.tickets_unresolved.map(f64::to_bits),
            c.nps.map(f64::to_bits),
            // TTFV was redrawn on purpose (issue 18: a visible effect on renewal), from the
            // same random numbers, so nothing else moved: it is left out of this hash.
            c.exec_touch_days.map(f64::to_bits),
            c.referrals.map(f64::to_bits),
            c.expansion_arr.map(f64::to_bits),
            c.renewed,
            c.prev_health,
            c.csm
        ));
    }
    let mut m = String::new();
    for r in &p.mrr {
        m.push_str(&format!(
            "{}|{:?}|{}\n",
            r.customer_id,
            r.month,
            r.mrr.to_bits()
        ));
    }
    assert_eq!(p.mrr.len(), 26_167);
    // Without TTFV: the same hash on the code before and after TTFV was redrawn (2026-11-30).
    assert_eq!(format!("{:016x}", fnv(&s)), "d2924b57d573faaa");
    assert_eq!(format!("{:016x}", fnv(&m)), "1697ed82ee21643e");
}

fn with_outcome(p: &SamplePortfolio) -> Vec<&Customer> {
    p.customers.iter().filter(|c| c.renewed.is_some()).collect()
}

fn renewal_rate(group: &[&&Customer]) -> f64 {
    let renewed = group.iter().filter(|c| c.renewed == Some(true)).count();
    renewed as f64 / group.len().max(1) as f64
}

#[test]
fn csms_verticals_and_t_shape() {
    use std::collections::{BTreeMap, BTreeSet};
    let p = sample_portfolio();
    let csms: BTreeSet<_> = p.customers.iter().filter_map(|c| c.csm.clone()).collect();
    assert!((8..=15).contains(&csms.len()), "{} CSMs", csms.len());
    let mut arr: BTreeMap<String, f64> = BTreeMap::new();
    for c in p
        .customers
        .iter()
        .filter(|c| crate::model::health::is_active(c))
    {
        *arr.entry(c.segment.clone().unwrap_or_default())
            .or_default() += c.arr;
    }
    assert!((5..=8).contains(&arr.len()), "{arr:?}");
    let total: f64 = arr.values().sum();
    let mut shares: Vec<f64> = arr.values().map(|v| v / total).collect();
    shares.sort_by(|a, b| b.total_cmp(a));
    let top3: f64 = shares[..3].iter().sum();
    assert!((0.8..=0.9).contains(&top3), "top-3 share {top3}");
    // The T: one dominant vertical, a long thin tail.
    assert!(shares[0] > 0.35 && shares[6] < 0.05, "{shares:?}");
}

#[test]
fn nps_answers_and_previous_tiers() {
    let p = sample_portfolio();
    let n = p.customers.len() as f64;
    // The NPS answers are an existing draw (about 60 % of accounts answer), kept as it was.
    let answered = p.customers.iter().filter(|c| c.nps.is_some()).count() as f64 / n;
    assert!((0.5..=0.7).contains(&answered), "NPS share {answered}");
    let count = |t: Option<Tier>| p.customers.iter().filter(|c| c.prev_tier == t).count();
    let (l, g, s) = (
        count(Some(Tier::Lighthouse)),
        count(Some(Tier::Growth)),
        count(Some(Tier::Standard)),
    );
    assert!(l > 0 && l < g && g < s, "{l} {g} {s}");
    // Accounts younger than a year have no previous snapshot.
    for c in p.customers.iter().filter(|c| c.prev_tier.is_some()) {
        let start = c.first_start.unwrap();
        assert!(start.month() <= AS_OF.month().plus(-12), "{c:?}");
    }
}

#[test]
fn fast_time_to_value_renews_more() {
    let p = sample_portfolio();
    let known = with_outcome(&p);
    let fast: Vec<_> = known
        .iter()
        .filter(|c| c.ttfv_days.is_some_and(|t| t <= 30.0))
        .collect();
    let slow: Vec<_> = known
        .iter()
        .filter(|c| c.ttfv_days.is_none_or(|t| t > 90.0))
        .collect();
    let (fast, slow) = (renewal_rate(&fast), renewal_rate(&slow));
    assert!(
        fast > slow + 0.15,
        "ttfv ≤ 30: {fast}, > 90 or never: {slow}"
    );
}

#[test]
fn weekly_active_users_predict_renewal_better_than_the_north_star() {
    use crate::model::renewal::auc;
    let p = sample_portfolio();
    let known = with_outcome(&p);
    let outcome: Vec<bool> = known.iter().map(|c| c.renewed == Some(true)).collect();
    let column = |name: &str| -> Vec<f64> {
        known
            .iter()
            .map(|c| c.extra.iter().find(|(k, _)| k == name).map_or(0.0, |e| e.1))
            .collect()
    };
    assert!(known.iter().all(|c| c.extra.len() == 2));
    let north_star: Vec<f64> = known.iter().map(|c| c.north_star.unwrap()).collect();
    let ns = auc(&north_star, &outcome).unwrap();
    let wau = auc(&column(extras::WEEKLY_ACTIVE_USERS), &outcome).unwrap();
    let integrations = auc(&column(extras::INTEGRATIONS), &outcome).unwrap();
    assert!(
        wau > ns + 0.02,
        "AUC weekly active users {wau} vs north star {ns}"
    );
    assert!(
        integrations > 0.5 && integrations < ns,
        "AUC integrations {integrations}"
    );
}

#[test]
fn renewal_falls_bucket_by_bucket_as_first_value_comes_later() {
    // The onboarding lever moves never-activated customers into the 61–90-day bucket: on the
    // sample that must be a step up, as seed 001 teaches.
    let p = sample_portfolio();
    let f = crate::model::operations::first_value::first_value(&p.customers, AS_OF);
    let rates: Vec<f64> = f.buckets.iter().filter_map(|b| b.renewal_rate).collect();
    assert_eq!(rates.len(), 4);
    assert!(rates.windows(2).all(|w| w[0] > w[1] + 0.05), "{rates:?}");
}
