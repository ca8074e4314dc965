#![allow(clippy::expect_used)]
//! Headcounts worked by hand from the defaults: A = 500 × 12 = 6,000 h, T = 500 × 1.5 × 12 ×
//! 0.5 = 4,500 h, I = 150 × 20 = 3,000 h, P = 1,600 h, X = 0.5 × 0.2 × T = 450 h of
//! coordination, r = 1 − 0.15 = 0.85 kept by a service middle office. (Checked against an
//! independent Python copy of the workload model, scanned over 0–20,000 customers.)
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
    // Full-stack: (6,000 + 4,500 + 3,000 + 450) / 1,600 = 8.72 → 9 CSMs.
    assert_eq!(d.models[0].headcount, heads(9, 0, 0, 0, 0));
    assert_eq!(d.models[0].cost, 2_700_000.0);
    assert_eq!(d.models[0].cost_share_of_arr, Some(0.27));
    assert_eq!(d.models[0].arr_per_head, Some(10_000_000.0 / 9.0));
    // Proactive–reactive: (6,000 + 3,000 + 450) / 1,600 = 5.91 → 6; 4,500 × 0.8 / 1,600 =
    // 2.25 → 3.
    assert_eq!(d.models[1].headcount, heads(6, 3, 0, 0, 0));
    assert_eq!(d.models[1].cost, 2_250_000.0);
    // Refined: 0.85 × 6,450 / 1,600 = 3.43 → 4; 0.85 × 3,600 = 3,060 → 1.91 → 2;
    // 0.85 × 2,400 = 2,040 → 1.28 → 2; ⌈8 / 15⌉ = 1. 1.2 M + 0.3 M + 0.5 M + 0.25 M.
    assert_eq!(d.models[2].headcount, heads(4, 2, 2, 1, 0));
    assert_eq!(d.models[2].cost, 2_250_000.0);
    assert_eq!(d.models[2].arr_per_head, Some(10_000_000.0 / 9.0));
    // Integrated: CSM 0.85 × 6,000 = 5,100 → 4; support 0.85 × 0.8 × 4,500 × 0.8 = 2,448 → 2;
    // tech 0.85 × 0.2 × 4,500 × 0.5 = 382.5 → 1; implementers 2; ⌈9 / 15⌉ = 1.
    assert_eq!(d.models[3].headcount, heads(4, 2, 2, 1, 1));
    assert_eq!(d.models[3].cost, 2_600_000.0);
    // 10 M × 0.85 × (0.10 − 0.03).
    assert!((d.commission_saved - 595_000.0).abs() < 1e-6);
}

fn costs_at(customers: f64) -> [f64; 4] {
    let d = design(&OrgInputs {
        customers,
        ..inputs()
    })
    .expect("valid");
    d.models.map(|m| m.cost)
}

#[test]
fn a_middle_office_costs_more_for_a_small_base_and_less_for_a_large_one() {
    // 200 customers: A 2,400, T 1,800, X 180. PR: CSM 5,580 → 4, support 1,440 → 1: 1.35 M.
    // RF: CSM 0.85 × 2,580 → 2, support 1,224 → 1, implementers 2,040 → 2, ops 1: 1.50 M.
    assert_eq!(costs_at(200.0)[1..3], [1_350_000.0, 1_500_000.0]);
    // 1,000 customers: A 12,000, T 9,000, X 900. PR: CSM 15,900 → 10, support 7,200 → 5:
    // 3.75 M. RF: CSM 10,965 → 7, support 6,120 → 4, implementers 2, ops ⌈13/15⌉ = 1: 3.45 M.
    // IN: CSM 10,200 → 7, support 4,896 → 4, tech 765 → 1, implementers 2, ops 1: 3.80 M.
    // FS: 24,900 → 16: 4.80 M. Refined is the cheapest.
    assert_eq!(
        costs_at(1_000.0),
        [4_800_000.0, 3_750_000.0, 3_450_000.0, 3_800_000.0]
    );
    // The independent scan: refined dearer than proactive–reactive at every base up to 139
    // customers, cheaper at every base from 1,334.
    for c in (0..140).step_by(7) {
        let [_, pr, rf, _] = costs_at(c as f64);
        assert!(rf > pr, "{c}: {rf} vs {pr}");
    }
    for c in (1_334..=5_000).step_by(83) {
        let [_, pr, rf, _] = costs_at(c as f64);
        assert!(rf < pr, "{c}: {rf} vs {pr}");
    }
}

#[test]
fn in_house_technical_support_pays_at_volume() {
    // 2,000 customers: PR CSM 28,800 / 1,600 = 18 exactly, support 9 exactly: 6.75 M.
    // RF: CSM 21,930 → 14, support 12,240 → 8, implementers 2, ops ⌈24/15⌉ = 2: 6.40 M.
    // IN: CSM 20,400 → 13, support 9,792 → 7, tech 1,530 → 1, implementers 2, ops 2: 6.30 M.
    assert_eq!(
        costs_at(2_000.0)[1..],
        [6_750_000.0, 6_400_000.0, 6_300_000.0]
    );
}

#[test]
fn no_saving_and_no_coordination_is_the_old_model() {
    // A document saved before the efficiency inputs existed opens with both at 0 and its own
    // technical-support efficiency (1.0 then): the numbers it was saved with, 2.70 / 2.25 /
    // 2.40 / 2.60 M (refined 4 + 3 + 2 + 1, integrated 4 + 2 + 2 + 1 + 1).
    let old = OrgInputs {
        service_ops_saving: 0.0,
        coordination_share: 0.0,
        tech_support_efficiency: 1.0,
        ..inputs()
    };
    let d = design(&old).expect("valid");
    assert_eq!(
        d.models.map(|m| m.cost),
        [2_700_000.0, 2_250_000.0, 2_400_000.0, 2_600_000.0]
    );
    assert_eq!(d.models[2].headcount, heads(4, 3, 2, 1, 0));
}

#[test]
fn each_role_costs_its_own_price() {
    // Costs 1, 10, 100, 1,000 and 10,000 per CSM, support, implementer, service ops and tech
    // support head: each model's cost spells its headcount (the defaults' heads above), so a
    // role priced at another role's cost cannot pass.
    let i = OrgInputs {
        costs: RoleCosts {
            csm: 1.0,
            support: 10.0,
            implementer: 100.0,
            service_ops: 1_000.0,
            tech_support: 10_000.0,
        },
        ..inputs()
    };
    let d = design(&i).expect("valid");
    assert_eq!(d.models.map(|m| m.cost), [9.0, 36.0, 1_224.0, 11_224.0]);
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
    let mut i = inputs();
    i.service_ops_saving = 0.95;
    assert!(matches!(
        design(&i),
        Err(StrategyError::Field {
            field: "service_ops_saving",
            ..
        })
    ));
    let mut i = inputs();
    i.coordination_share = -0.1;
    assert!(matches!(
        design(&i),
        Err(StrategyError::Field {
            field: "coordination_share",
            ..
        })
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
    // The thresholds are inclusive: 30,000 ARPA is no longer low, and a higher price staffs
    // separate support, implementation and customer operations (the full L7 sentence): refined,
    // before the split rule; 200 customers at a low price split.
    assert_eq!(
        rec(50.0, 30_000.0, simple),
        Ok((OrgModel::Refined, Reason::HigherPrice))
    );
    assert_eq!(
        rec(300.0, 30_000.0, simple),
        Ok((OrgModel::Refined, Reason::HigherPrice))
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
    // full-stack 2 CSMs; refined ⌈0.85 × 3,000 × 0.8 / 1,600⌉ = 2 implementers + ⌈2 / 15⌉ = 1
    // ops. At 500, the defaults above.
    assert_eq!(s.customers, vec![500.0, 0.0]);
    assert_eq!(
        s.lines[0],
        (OrgModel::FullStack, vec![2_700_000.0, 600_000.0])
    );
    assert_eq!(
        s.lines[2],
        (OrgModel::Refined, vec![2_250_000.0, 750_000.0])
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
        (1.0..40.0f64, 0.0..=0.9f64, 0.0..2.0f64, 0.1..=1.0f64),
    )
        .prop_map(
            |((c, new, imp, tickets, hpt), (acct, p, se, ie, tau), (n, g, coord, te))| OrgInputs {
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
                service_ops_saving: g,
                coordination_share: coord,
                tech_support_efficiency: te,
                ..inputs()
            },
        )
}

proptest! {
    #[test]
    fn full_stack_is_the_ceiling_of_all_work(i in any_inputs()) {
        let work = i.customers * i.account_hours_per_customer
            + i.customers * i.tickets_per_customer_month * 12.0 * i.hours_per_ticket
            + i.new_customers_per_year * i.implementation_hours
            + i.coordination_share * i.tech_ticket_share
                * i.customers * i.tickets_per_customer_month * 12.0 * i.hours_per_ticket;
        let h = headcount(&i, OrgModel::FullStack).expect("valid");
        let n = h.csm as f64;
        // n people cover the work, n − 1 would not (up to the rounding tolerance).
        prop_assert!(n * i.productive_hours >= work - 1e-6 * i.productive_hours);
        prop_assert!((n - 1.0) * i.productive_hours < work + 1e-6 * i.productive_hours || n == 0.0);
        prop_assert_eq!(h.total(), h.csm);
    }

    #[test]
    fn a_middle_office_never_adds_front_line_heads(i in any_inputs()) {
        let without = OrgInputs { service_ops_saving: 0.0, ..i };
        for m in [OrgModel::Refined, OrgModel::Integrated] {
            let (a, b) = (headcount(&i, m).expect("valid"), headcount(&without, m).expect("valid"));
            prop_assert!(a.total() - a.service_ops <= b.total() - b.service_ops);
        }
        // In-house technical support has no coordination to do.
        let other = OrgInputs { coordination_share: i.coordination_share + 1.0, ..i };
        prop_assert_eq!(headcount(&i, OrgModel::Integrated), headcount(&other, OrgModel::Integrated));
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
    fn service_ops_come_with_the_middle_office_only(i in any_inputs()) {
        // (The cost of each role is checked by `each_role_costs_its_own_price`.)
        let d = design(&i).expect("valid");
        for m in d.models {
            let h = m.headcount;
            let staff = h.total() - h.service_ops;
            let has_ops = matches!(m.model, OrgModel::Refined | OrgModel::Integrated);
            prop_assert_eq!(h.service_ops > 0, has_ops && staff > 0);
        }
    }
}
