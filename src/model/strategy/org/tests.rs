#![allow(clippy::expect_used)]
//! Headcounts worked by hand from the defaults: A = 500 × 12 = 6,000 h, T = 500 × 1.5 × 12 ×
//! 0.5 = 4,500 h, I = 150 × 20 = 3,000 h, P = 1,600 h.
use super::*;
use crate::model::strategy::defaults::Defaults;
use crate::model::strategy::org_advice::{
    cost_series, customer_points, recommend, Profile, Reason, Thresholds,
};
use crate::model::strategy::Problem;
use proptest::prelude::*;

fn inputs() -> OrgInputs {
    Defaults::default().org
}

fn heads(csm: u64, support: u64, implementer: u64, service_ops: u64, tech: u64) -> Headcount {
    Headcount {
        csm,
        support,
        implementer,
        service_ops,
        tech_support: tech,
    }
}

#[test]
fn four_models_at_the_defaults() {
    let d = design(&inputs()).expect("valid");
    assert_eq!(d.arr, 10_000_000.0);
    // Full-stack: 13,500 / 1,600 = 8.44 → 9 CSMs.
    assert_eq!(d.models[0].headcount, heads(9, 0, 0, 0, 0));
    assert_eq!(d.models[0].cost, 2_700_000.0);
    assert_eq!(d.models[0].cost_share_of_arr, Some(0.27));
    assert_eq!(d.models[0].arr_per_head, Some(10_000_000.0 / 9.0));
    // Proactive–reactive: (6,000 + 3,000) / 1,600 = 5.6 → 6; 4,500 × 0.8 / 1,600 = 2.25 → 3.
    assert_eq!(d.models[1].headcount, heads(6, 3, 0, 0, 0));
    assert_eq!(d.models[1].cost, 2_250_000.0);
    // Refined: 6,000 / 1,600 → 4; 3; 3,000 × 0.8 / 1,600 = 1.5 → 2; ⌈9 / 15⌉ = 1.
    assert_eq!(d.models[2].headcount, heads(4, 3, 2, 1, 0));
    assert_eq!(d.models[2].cost, 2_400_000.0);
    assert_eq!(d.models[2].arr_per_head, Some(1_000_000.0));
    // Integrated: support 0.8 × 4,500 × 0.8 / 1,600 = 1.8 → 2; tech 0.2 × 4,500 / 1,600 → 1.
    assert_eq!(d.models[3].headcount, heads(4, 2, 2, 1, 1));
    assert_eq!(d.models[3].cost, 2_600_000.0);
    // 10 M × 0.85 × (0.10 − 0.03).
    assert!((d.commission_saved - 595_000.0).abs() < 1e-6);
}

#[test]
fn exact_multiples_of_productive_hours_do_not_round_up() {
    let mut i = inputs();
    (i.customers, i.account_hours_per_customer) = (400.0, 12.0);
    (i.tickets_per_customer_month, i.new_customers_per_year) = (0.0, 0.0);
    // 4,800 h / 1,600 = exactly 3.
    assert_eq!(headcount(&i, OrgModel::FullStack).map(|h| h.csm), Ok(3));
}

#[test]
fn nobody_is_needed_for_no_work() {
    let mut i = inputs();
    (i.customers, i.new_customers_per_year) = (0.0, 0.0);
    let d = design(&i).expect("valid");
    for m in d.models {
        assert_eq!(m.headcount.total(), 0);
        assert_eq!((m.cost_share_of_arr, m.arr_per_head), (None, None));
    }
}

#[test]
fn invalid_inputs_name_their_field() {
    let mut i = inputs();
    i.productive_hours = 0.0;
    assert_eq!(
        design(&i),
        Err(StrategyError::Field {
            field: "productive_hours",
            problem: Problem::NotPositive
        })
    );
    let mut i = inputs();
    i.tech_ticket_share = 1.5;
    assert!(matches!(
        design(&i),
        Err(StrategyError::Field {
            field: "tech_ticket_share",
            ..
        })
    ));
    let mut i = inputs();
    i.arpa = f64::NAN;
    assert!(matches!(
        design(&i),
        Err(StrategyError::Field { field: "arpa", .. })
    ));
}

fn t() -> Thresholds {
    Defaults::default().thresholds
}

#[test]
fn recommendation_follows_seed_002_in_order() {
    let simple = Profile::default();
    let rec = |c, a, p| recommend(c, a, p, &t()).map(|r| (r.model, r.reason));
    assert_eq!(
        rec(50.0, 5_000.0, simple),
        Ok((OrgModel::FullStack, Reason::LowPriceSimpleProduct))
    );
    // The thresholds are inclusive: 30,000 ARPA is no longer low; 200 customers split.
    assert_eq!(
        rec(50.0, 30_000.0, simple),
        Ok((OrgModel::ProactiveReactive, Reason::HigherPrice))
    );
    assert_eq!(
        rec(200.0, 5_000.0, simple),
        Ok((OrgModel::ProactiveReactive, Reason::EnoughCustomersToSplit))
    );
    assert_eq!(
        rec(1_000.0, 5_000.0, simple),
        Ok((OrgModel::Refined, Reason::ManyCustomers))
    );
    let complex = Profile {
        complex_product: true,
        technical_coordination: false,
    };
    assert_eq!(
        rec(10.0, 1_000.0, complex),
        Ok((OrgModel::Refined, Reason::ComplexProduct))
    );
    let tech = Profile {
        complex_product: true,
        technical_coordination: true,
    };
    assert_eq!(
        rec(10.0, 1_000.0, tech),
        Ok((OrgModel::Integrated, Reason::TechnicalCoordination))
    );
    assert!(rec(-1.0, 1.0, simple).is_err());
}

#[test]
fn customer_points_span_the_range() {
    assert_eq!(
        customer_points(100.0, 500.0, 5),
        Ok(vec![100.0, 200.0, 300.0, 400.0, 500.0])
    );
    assert_eq!(customer_points(0.0, 2.0, 5), Ok(vec![0.0, 1.0, 2.0]));
    assert!(customer_points(10.0, 10.0, 5).is_err());
    assert!(customer_points(0.0, 10.0, 1).is_err());
}

#[test]
fn cost_series_matches_design_at_each_point() {
    let s = cost_series(&inputs(), &[500.0, 0.0]).expect("valid");
    // At 0 customers the 150 new ones still need 150 × 20 = 3,000 h of implementation:
    // full-stack 2 CSMs; refined ⌈3,000 × 0.8 / 1,600⌉ = 2 implementers + ⌈2 / 15⌉ = 1 ops.
    assert_eq!(s.customers, vec![500.0, 0.0]);
    assert_eq!(
        s.lines[0],
        (OrgModel::FullStack, vec![2_700_000.0, 600_000.0])
    );
    assert_eq!(
        s.lines[2],
        (OrgModel::Refined, vec![2_400_000.0, 750_000.0])
    );
}

fn any_inputs() -> impl Strategy<Value = OrgInputs> {
    (
        (
            0.0..5_000.0f64,
            0.0..500.0f64,
            0.0..100.0f64,
            0.0..5.0f64,
            0.0..3.0f64,
        ),
        (
            0.0..40.0f64,
            200.0..2_500.0f64,
            0.1..=1.0f64,
            0.1..=1.0f64,
            0.0..=1.0f64,
        ),
        1.0..40.0f64,
    )
        .prop_map(
            |((c, new, imp, tickets, hpt), (acct, p, se, ie, tau), n)| OrgInputs {
                customers: c.round(),
                new_customers_per_year: new.round(),
                implementation_hours: imp,
                tickets_per_customer_month: tickets,
                hours_per_ticket: hpt,
                account_hours_per_customer: acct,
                productive_hours: p,
                support_efficiency: se,
                implementer_efficiency: ie,
                tech_ticket_share: tau,
                service_ops_ratio: n,
                ..inputs()
            },
        )
}

proptest! {
    #[test]
    fn full_stack_is_the_ceiling_of_all_work(i in any_inputs()) {
        let work = i.customers * i.account_hours_per_customer
            + i.customers * i.tickets_per_customer_month * 12.0 * i.hours_per_ticket
            + i.new_customers_per_year * i.implementation_hours;
        let h = headcount(&i, OrgModel::FullStack).expect("valid");
        let n = h.csm as f64;
        // n people cover the work, n − 1 would not (up to the rounding tolerance).
        prop_assert!(n * i.productive_hours >= work - 1e-6 * i.productive_hours);
        prop_assert!((n - 1.0) * i.productive_hours < work + 1e-6 * i.productive_hours || n == 0.0);
        prop_assert_eq!(h.total(), h.csm);
    }

    #[test]
    fn zero_tickets_need_no_support_staff(mut i in any_inputs()) {
        i.tickets_per_customer_month = 0.0;
        for m in OrgModel::ALL {
            let h = headcount(&i, m).expect("valid");
            prop_assert_eq!((h.support, h.tech_support), (0, 0));
        }
    }

    #[test]
    fn headcount_and_cost_never_fall_as_customers_grow(i in any_inputs(), extra in 0.0..2_000.0f64) {
        let more = OrgInputs { customers: i.customers + extra.round(), ..i };
        let (a, b) = (design(&i).expect("valid"), design(&more).expect("valid"));
        for (x, y) in a.models.iter().zip(&b.models) {
            let (hx, hy) = (x.headcount, y.headcount);
            prop_assert!(hy.csm >= hx.csm && hy.support >= hx.support);
            prop_assert!(hy.service_ops >= hx.service_ops && hy.tech_support >= hx.tech_support);
            prop_assert!(y.cost >= x.cost);
        }
    }

    #[test]
    fn the_cost_per_model_is_its_people_times_their_cost(i in any_inputs()) {
        let d = design(&i).expect("valid");
        for m in d.models {
            let h = m.headcount;
            let c = i.costs;
            let by_hand = h.csm as f64 * c.csm + h.support as f64 * c.support
                + h.implementer as f64 * c.implementer + h.service_ops as f64 * c.service_ops
                + h.tech_support as f64 * c.tech_support;
            prop_assert!((m.cost - by_hand).abs() < 1e-6);
            let staff = h.total() - h.service_ops;
            let has_ops = matches!(m.model, OrgModel::Refined | OrgModel::Integrated);
            prop_assert_eq!(h.service_ops > 0, has_ops && staff > 0);
        }
    }
}
