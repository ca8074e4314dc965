//! The built-in sample: a deterministic, synthetic SaaS company, so a workshop demo works the
//! moment the page loads and every test sees the same numbers.
//!
//! About 2,000 accounts started over 36 months before [`AS_OF`]: mid-market and enterprise on
//! annual contracts, SMB on monthly plans. Each has a latent engagement that drives its
//! north-star usage, tickets, NPS, time to first value and expansion; at each renewal date it
//! renews with a logistic probability of its north star and unresolved tickets, so the
//! renewal model has a real signal to find, and monthly plans churn with a per-account
//! probability that differs widely between accounts, as the sBG model assumes. Some churned accounts
//! come back a few months later (reactivation). Random numbers: [`rng`].

pub mod extras;
pub mod rng;

use crate::model::calendar::{Date, Month};
use crate::model::portfolio::{Customer, MrrRow};
use extras::{Drawn, Extras, INTEGRATIONS, WEEKLY_ACTIVE_USERS};
use rng::SplitMix64;

/// The day the sample's data was "exported".
pub const AS_OF: Date = Date {
    year: 2026,
    month: 10,
    day: 31,
};

const SEED: u64 = 0x5EED_2026;
const ACCOUNTS: usize = 2_000;
const HISTORY_MONTHS: i32 = 36;

/// Customers and their monthly revenue history.
#[derive(Debug, Clone, PartialEq)]
pub struct SamplePortfolio {
    pub customers: Vec<Customer>,
    pub mrr: Vec<MrrRow>,
}

/// Generates the sample portfolio; the same every time.
pub fn sample_portfolio() -> SamplePortfolio {
    portfolio(ACCOUNTS, SEED)
}

/// A portfolio like the sample's with `accounts` accounts drawn from `seed` (benchmarks use
/// 100,000).
pub fn portfolio(accounts: usize, seed: u64) -> SamplePortfolio {
    let mut rng = SplitMix64(seed);
    let mut customers = Vec::with_capacity(accounts);
    let mut mrr = Vec::new();
    let last_month = AS_OF.month();
    let first_month = last_month.plus(-(HISTORY_MONTHS - 1));
    for index in 0..accounts {
        let account = Account::draw(&mut rng, index, first_month, last_month);
        account.write_history(&mut rng, last_month, &mut mrr);
        // New attributes from the account's own stream: the main stream is untouched.
        let extras = Extras::draw(&mut extras::stream(seed, index), &account.drawn());
        customers.push(account.into_customer(extras));
    }
    SamplePortfolio { customers, mrr }
}

/// Size bands with their share of accounts and typical ARR (¥). Internal: they decide the
/// plan (monthly or annual) and the ARR; the `segment` column is the vertical
/// ([`extras::VERTICALS`]).
const SEGMENTS: [(&str, f64, f64); 3] = [
    ("SMB", 0.6, 18_000.0),
    ("Mid-market", 0.3, 72_000.0),
    ("Enterprise", 0.1, 300_000.0),
];
const CSMS: [&str; 8] = [
    "张伟",
    "李娜",
    "王芳",
    "刘洋",
    "陈静",
    "Alex Chen",
    "Maria Garcia",
    "Sam Lee",
];
const NAME_STEMS: [&str; 12] = [
    "华信",
    "云帆",
    "启明",
    "星河",
    "博远",
    "Northwind",
    "Contoso",
    "Fabrikam",
    "蓝海",
    "Tailspin",
    "创联",
    "Globex",
];
const NAME_KINDS: [&str; 6] = ["科技", "软件", "Labs", "数据", "Systems", "咨询"];

/// One account's drawn attributes and its life so far.
struct Account {
    id: String,
    name: String,
    /// Size band (SMB, mid-market, enterprise).
    size: &'static str,
    csm: &'static str,
    start: Date,
    engagement: f64,
    north_star: f64,
    tickets_opened: f64,
    tickets_unresolved: f64,
    nps: Option<f64>,
    ttfv_days: Option<f64>,
    exec_touch_days: f64,
    referrals: f64,
    /// Length of a contract: 12 months (annual), or 1 for SMB accounts on monthly plans.
    period_months: i32,
    /// ARR per contract period, first period first.
    arr_by_period: Vec<f64>,
    /// Outcome of each renewal date reached: true renewed.
    renewals: Vec<bool>,
}

impl Account {
    fn draw(rng: &mut SplitMix64, index: usize, first: Month, last: Month) -> Account {
        // Growth: later months sign more accounts (density rising as month^0.4), while the
        // first cohorts stay large enough to read.
        let span = (last.0 - first.0 + 1) as f64;
        let start_month =
            first.plus((span * rng.uniform().powf(0.7)).floor().min(span - 1.0) as i32);
        let day = 1 + (rng.uniform() * 28.0) as u8;
        let start = Date::new(start_month.year(), start_month.month(), day).unwrap_or(AS_OF);
        let pick = rng.uniform();
        let (segment, _, typical_arr) = if pick < SEGMENTS[0].1 {
            SEGMENTS[0]
        } else if pick < SEGMENTS[0].1 + SEGMENTS[1].1 {
            SEGMENTS[1]
        } else {
            SEGMENTS[2]
        };
        let engagement = rng.normal();
        let north_star =
            (40.0 * (0.45 * engagement).exp() * (1.0 + 0.15 * rng.normal()).max(0.2)).round();
        let tickets_opened = (3.0 + 2.0 * engagement.max(-1.0) + 2.0 * rng.uniform())
            .round()
            .max(0.0);
        let unresolved_rate = (0.35 - 0.15 * engagement).clamp(0.02, 0.9);
        let tickets_unresolved = (tickets_opened * unresolved_rate * (0.5 + rng.uniform()))
            .round()
            .min(tickets_opened);
        let nps = (rng.uniform() < 0.6).then(|| {
            (7.0 + 1.8 * engagement + 1.2 * rng.normal())
                .round()
                .clamp(0.0, 10.0)
        });
        // Days to first value: a month and a half for a typical account, longer the less it
        // engages; the least engaged more often never get there (see `Extras`).
        let ttfv_days = (rng.uniform() > 0.06 + 0.06 * (-engagement).max(0.0)).then(|| {
            (45.0 * (-0.35 * engagement + 0.3 * rng.normal()).exp())
                .round()
                .clamp(3.0, 180.0)
        });
        let arr = (typical_arr * (0.6 * rng.normal()).exp() / 100.0).round() * 100.0;
        let mut account = Account {
            id: format!("C{:05}", index + 1),
            name: format!(
                "{}{}{}",
                NAME_STEMS[index % NAME_STEMS.len()],
                NAME_KINDS[(index / NAME_STEMS.len()) % NAME_KINDS.len()],
                index / (NAME_STEMS.len() * NAME_KINDS.len()) + 1
            ),
            size: segment,
            csm: CSMS[(rng.uniform() * CSMS.len() as f64) as usize % CSMS.len()],
            start,
            engagement,
            north_star,
            tickets_opened,
            tickets_unresolved,
            nps,
            ttfv_days,
            exec_touch_days: (20.0 + 120.0 * rng.uniform() - 25.0 * engagement)
                .round()
                .clamp(3.0, 365.0),
            referrals: if engagement > 0.8 {
                (rng.uniform() * 3.0).floor()
            } else {
                0.0
            },
            // SMB accounts pay month to month; the others sign annual contracts.
            period_months: if segment == SEGMENTS[0].0 { 1 } else { 12 },
            arr_by_period: vec![arr.max(1_200.0)],
            renewals: Vec::new(),
        };
        account.live(rng);
        account
    }

    /// Walks the renewal dates up to `AS_OF`: renew or churn, expand or contract.
    fn live(&mut self, rng: &mut SplitMix64) {
        // The renewal signal: standardised north star (log scale) and unresolved tickets.
        let z = ((self.north_star.max(1.0)).ln() - 40f64.ln()) / 0.45;
        let mut period = 1;
        while let Some(renewal) = self.anniversary(period) {
            if renewal > AS_OF {
                break;
            }
            let renewed = if self.period_months == 12 {
                let logit = 2.6 + 1.4 * z - 0.25 * self.tickets_unresolved + 0.3 * rng.normal();
                rng.uniform() < 1.0 / (1.0 + (-logit).exp())
            } else {
                // Monthly plans: a churn probability per month that differs widely between
                // accounts (about 3 % on average), which is the heterogeneity sBG models.
                let logit =
                    -3.9 - 1.3 * z + 0.2 * self.tickets_unresolved + 0.8 * self.churn_noise();
                rng.uniform() >= 1.0 / (1.0 + (-logit).exp())
            };
            self.renewals.push(renewed);
            if !renewed {
                break;
            }
            let last = *self.arr_by_period.last().unwrap_or(&0.0);
            // Engaged annual accounts buy more at renewal (upsell, more seats); disengaged
            // ones sometimes downgrade. Monthly plans upgrade now and then.
            let change = if self.period_months == 1 {
                if self.engagement > 0.0 && rng.uniform() < 0.02 {
                    1.3
                } else {
                    1.0
                }
            } else if self.engagement > 0.0 && rng.uniform() < 0.6 {
                1.0 + 0.15 + 0.45 * rng.uniform()
            } else if self.engagement < -0.5 && rng.uniform() < 0.3 {
                1.0 - 0.1 - 0.2 * rng.uniform()
            } else {
                1.0
            };
            self.arr_by_period
                .push((last * change / 100.0).round() * 100.0);
            period += 1;
        }
    }

    /// A per-account draw fixed by the account's id, so an account's churn propensity stays
    /// the same from month to month.
    fn churn_noise(&self) -> f64 {
        let seed = self.id.bytes().fold(0xA076_1D64_78BD_642F_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
        });
        SplitMix64(seed).normal()
    }

    /// The date `periods` contract periods after the start.
    fn anniversary(&self, periods: i32) -> Option<Date> {
        let month = self.start.month().plus(periods * self.period_months);
        Date::new(month.year(), month.month(), self.start.day)
    }

    /// What the new attributes ([`extras`]) are drawn from: nothing here draws a number.
    fn drawn(&self) -> Drawn {
        let z = ((self.north_star.max(1.0)).ln() - 40f64.ln()) / 0.45;
        let renewal_signal = if self.period_months == 12 {
            1.4 * z - 0.25 * self.tickets_unresolved
        } else {
            1.3 * z - 0.2 * self.tickets_unresolved - 0.8 * self.churn_noise()
        };
        Drawn {
            engagement: self.engagement,
            renewal_signal,
            existed_a_year_ago: self.start.month() <= AS_OF.month().plus(-12),
            large: self.size == SEGMENTS[2].0,
        }
    }

    fn churned(&self) -> bool {
        self.renewals.last() == Some(&false)
    }

    /// Monthly MRR rows from the first month to the last paid one (plus a comeback for some
    /// churned accounts).
    fn write_history(&self, rng: &mut SplitMix64, last: Month, out: &mut Vec<MrrRow>) {
        let first = self.start.month();
        let paid_periods = self.arr_by_period.len() as i32;
        let end = if self.churned() {
            first.plus(self.period_months * paid_periods - 1).min(last)
        } else {
            last
        };
        let mut month = first;
        while month <= end {
            let period = ((month.0 - first.0) / self.period_months) as usize;
            let arr = self
                .arr_by_period
                .get(period)
                .or(self.arr_by_period.last())
                .copied()
                .unwrap_or(0.0);
            out.push(MrrRow {
                customer_id: self.id.clone(),
                month,
                mrr: (arr / 12.0 * 100.0).round() / 100.0,
            });
            month = month.plus(1);
        }
        // Reactivation: about one churned account in ten returns 2–6 months later on a
        // smaller monthly plan.
        if self.churned() && rng.uniform() < 0.1 {
            let back = end.plus(2 + (rng.uniform() * 5.0) as i32);
            let arr = self.arr_by_period.last().copied().unwrap_or(0.0) * 0.6;
            let mut month = back;
            while month <= last {
                out.push(MrrRow {
                    customer_id: self.id.clone(),
                    month,
                    mrr: (arr / 12.0 * 100.0).round() / 100.0,
                });
                month = month.plus(1);
            }
        }
    }

    fn into_customer(self, extras: Extras) -> Customer {
        // The current contract (for a churned account, the one that was not renewed).
        let periods_done = self.renewals.iter().filter(|r| **r).count() as i32;
        let renewed = if self.churned() {
            Some(false)
        } else {
            self.renewals.last().copied()
        };
        let contract_start = self.anniversary(periods_done);
        let contract_end = self.anniversary(periods_done + 1);
        let first_start = self.anniversary(0);
        let arr = self.arr_by_period.last().copied().unwrap_or(0.0);
        let expansion = (self.arr_by_period.len() >= 2)
            .then(|| (arr - self.arr_by_period[self.arr_by_period.len() - 2]).max(0.0));
        Customer {
            id: self.id,
            name: self.name,
            arr,
            contract_start,
            contract_end,
            first_start,
            north_star: Some(self.north_star),
            tickets_opened: Some(self.tickets_opened),
            tickets_unresolved: Some(self.tickets_unresolved),
            nps: self.nps,
            ttfv_days: self.ttfv_days.filter(|_| !extras.never_activated),
            exec_touch_days: Some(self.exec_touch_days),
            referrals: Some(self.referrals),
            expansion_arr: expansion.or(Some(0.0)),
            renewed,
            prev_health: None,
            prev_tier: extras.prev_tier,
            csm: Some(self.csm.to_string()),
            segment: Some(extras.vertical.to_string()),
            extra: vec![
                (WEEKLY_ACTIVE_USERS.to_string(), extras.weekly_active_users),
                (INTEGRATIONS.to_string(), extras.integrations),
            ],
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
