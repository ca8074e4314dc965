//! A first draft of the niche-market rows ([`super::niche`]) from the customer list: one row
//! per segment, stickiness measured from the data.

use super::niche::SegmentRow;
use crate::model::operations::segments::{mean_north_star, segment_key, segment_of};
use crate::model::portfolio::Customer;
use serde::{Deserialize, Serialize};

/// How stickiness (使用黏性) is measured when drafting rows from customers; the seed allows
/// both: "一般看客户使用频率,或者向上销售、交叉销售的金额".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StickinessSource {
    /// Mean north-star metric of the segment's customers that have one (usage frequency).
    #[default]
    MeanNorthStar,
    /// Σ expansion ARR / Σ ARR over the segment's customers that report expansion.
    ExpansionShare,
}

/// Rows drafted from the customer list, and how many customers had no segment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub rows: Vec<SegmentRow>,
    pub without_segment: usize,
}

/// One row per segment (grouped as every view of segments groups them,
/// `operations::segments::segment_key`: case and surrounding spaces ignored; named as first
/// written; first-appearance order) with stickiness from `source` (the mean north star is
/// `operations::segments::mean_north_star`, over the active customers);
/// closing cycle, willingness to pay and potential customers are not in a customer list and
/// stay `None` for the user to type. Stickiness is `None` when no customer of the segment has
/// the measure (or their ARR sums to 0). Non-finite values are skipped.
///
/// ```
/// use retention_lab::model::portfolio::Customer;
/// use retention_lab::model::strategy::niche_draft::{draft_from_customers, StickinessSource};
/// let c = |seg: &str, ns| Customer {
///     segment: Some(seg.into()), north_star: Some(ns), arr: 100.0, ..Customer::default()
/// };
/// let d = draft_from_customers(&[c("A", 2.0), c("A", 4.0)], StickinessSource::MeanNorthStar);
/// assert_eq!(d.rows[0].stickiness, Some(3.0));
/// ```
pub fn draft_from_customers(customers: &[Customer], source: StickinessSource) -> Draft {
    let mut groups: Vec<(String, String, Vec<&Customer>)> = Vec::new();
    let mut without_segment = 0;
    for customer in customers {
        let (Some(name), Some(key)) = (segment_of(customer), segment_key(customer)) else {
            without_segment += 1;
            continue;
        };
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, members)) => members.push(customer),
            None => groups.push((key, name.to_string(), vec![customer])),
        }
    }
    let rows = groups
        .into_iter()
        .map(|(_, segment, members)| SegmentRow {
            segment,
            stickiness: stickiness(&members, source),
            ..SegmentRow::default()
        })
        .collect();
    Draft {
        rows,
        without_segment,
    }
}

fn stickiness(members: &[&Customer], source: StickinessSource) -> Option<f64> {
    match source {
        StickinessSource::MeanNorthStar => mean_north_star(members.iter().copied()),
        StickinessSource::ExpansionShare => {
            let (expansion, arr) = members
                .iter()
                .filter_map(|c| c.expansion_arr.map(|e| (e, c.arr)))
                .filter(|(e, a)| e.is_finite() && a.is_finite())
                .fold((0.0, 0.0), |(se, sa), (e, a)| (se + e, sa + a));
            let share = expansion / arr;
            (arr > 0.0 && share.is_finite()).then_some(share)
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
