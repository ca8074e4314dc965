//! The measures a scorecard rule can read from a customer, and how each reads its raw value.

use super::stage::ONBOARDING_DAYS;
use crate::model::calendar::Date;
use crate::model::portfolio::Customer;

/// What a scorecard rule reads from a customer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Measure {
    NorthStar,
    TicketsOpened,
    TicketsUnresolved,
    Nps,
    /// Time to first value, in days; no first value 90 days after the start scores as never.
    Onboarding,
    ExecTouch,
    /// A numeric column the user added, by its header.
    Custom(String),
}

impl Measure {
    pub const BUILT_IN: [Measure; 6] = [
        Measure::NorthStar,
        Measure::TicketsOpened,
        Measure::TicketsUnresolved,
        Measure::Nps,
        Measure::Onboarding,
        Measure::ExecTouch,
    ];

    /// The name used in test ids (`input-weight-<key>`).
    pub fn key(&self) -> String {
        match self {
            Measure::NorthStar => "north-star".into(),
            Measure::TicketsOpened => "tickets-opened".into(),
            Measure::TicketsUnresolved => "tickets-unresolved".into(),
            Measure::Nps => "nps".into(),
            Measure::Onboarding => "ttfv".into(),
            Measure::ExecTouch => "exec-touch".into(),
            Measure::Custom(name) => {
                let slug: String = name
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() {
                            c.to_ascii_lowercase()
                        } else {
                            '-'
                        }
                    })
                    .collect();
                format!("custom-{slug}")
            }
        }
    }

    /// The raw value for `customer` on `as_of`, `None` when missing.
    ///
    /// Onboarding: a customer without a first value counts as never activated (raw = +∞, the
    /// worst) once 90 days have passed since the contract start, and as missing before.
    /// NPS: the answer as every panel reads it, rounded to a whole 0–10
    /// (`model::operations::nps::answer`; missing when outside 0–10).
    #[inline]
    pub fn raw(&self, customer: &Customer, as_of: Date) -> Option<f64> {
        let value = match self {
            Measure::NorthStar => customer.north_star,
            Measure::TicketsOpened => customer.tickets_opened,
            Measure::TicketsUnresolved => customer.tickets_unresolved,
            Measure::Nps => crate::model::operations::nps::answer(customer).map(f64::from),
            Measure::Onboarding => customer.ttfv_days.or_else(|| {
                let started = customer.contract_start?;
                (started.days_until(as_of) >= ONBOARDING_DAYS).then_some(f64::INFINITY)
            }),
            Measure::ExecTouch => customer.exec_touch_days,
            Measure::Custom(name) => customer
                .extra
                .iter()
                .find(|(header, _)| header == name)
                .map(|(_, v)| *v),
        };
        value.filter(|v| !v.is_nan())
    }
}
