//! The niche-market bubble chart (seed 004, 利基市场): where each segment sits on willingness to
//! pay and stickiness, how many potential customers it has and how long it takes to close.

use crate::chart::bubble::{Bubble, BubbleChart};
use crate::i18n::{Lang, StrategyCoreKey as KC, StrategyKey as K};
use crate::model::strategy::niche::SegmentRow;

/// Index of the short-cycle class in [`BubbleChart::classes`]; long cycles are the next one.
pub const SHORT_CYCLE: usize = 0;

/// One bubble per complete row: x = willingness to pay, y = stickiness, area = potential
/// customers, colour = closing cycle, split at the rows' median (the lower middle value
/// when the count is even): at or below it is "short" (better: the seed prefers quick
/// closes), above it "long". With one complete row it is short. `None` without a complete row.
pub fn niche_bubbles(rows: &[SegmentRow], lang: Lang) -> Option<BubbleChart> {
    let complete: Vec<(&SegmentRow, [f64; 4])> = rows
        .iter()
        .filter_map(|r| {
            Some((
                r,
                [
                    r.closing_cycle_days?,
                    r.willingness_to_pay?,
                    r.stickiness?,
                    r.potential_customers?,
                ],
            ))
        })
        .collect();
    let mut cycles: Vec<f64> = complete.iter().map(|(_, v)| v[0]).collect();
    cycles.sort_by(f64::total_cmp);
    let median = *cycles.get(cycles.len().checked_sub(1)? / 2)?;
    Some(BubbleChart {
        title: lang.t(K::BubbleTitle).to_string(),
        x_label: lang.t(KC::Willingness).to_string(),
        y_label: lang.t(KC::Stickiness).to_string(),
        classes: vec![
            lang.t(K::CycleShort).to_string(),
            lang.t(K::CycleLong).to_string(),
        ],
        size_label: lang.t(K::BubbleSize).to_string(),
        bubbles: complete
            .iter()
            .map(|(r, v)| Bubble {
                label: r.segment.clone(),
                x: v[1],
                y: v[2],
                size: v[3],
                class: if v[0] <= median {
                    SHORT_CYCLE
                } else {
                    SHORT_CYCLE + 1
                },
            })
            .collect(),
    })
}
