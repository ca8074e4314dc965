//! Strategy tools of the source articles: the PLG activation-friction index and the 3F test
//! (seed 004, "SaaS企业增长的三大动因"), niche-market scoring (seed 004, 利基市场) and the
//! customer-success organisation designer with its cost efficiency (seed 002, 客户成功团队的
//! 组织架构; seed 000, 人效 and CS owning renewals as a profit centre).
//!
//! The seeds give methods, not data: every number the app pre-fills is an assumption, gathered
//! and documented in [`defaults`]. Like the rest of [`crate::model`], nothing here touches the
//! browser; invalid inputs are a [`StrategyError`], never a panic.

pub mod activation;
pub mod defaults;
mod error;
pub mod niche;
pub mod niche_draft;
pub mod org;
pub mod org_advice;
pub mod three_f;

pub use error::{Problem, StrategyError};
