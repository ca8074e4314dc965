//! Charts as SVG strings: one module per chart, data in, `Result<String, ChartError>` out.
//!
//! plotters' `SVGBackend` writes the markup and escapes `< > & " '` in every text it draws, so
//! labels that come from imported files cannot inject markup. Every chart draws on
//! [`canvas::Canvas`], which estimates text sizes instead of measuring them in the page, so the
//! SVG is the same natively and in wasm.

pub mod bars;
pub mod bubble;
pub mod canvas;
pub mod cohort_curves;
pub mod export;
mod frame;
pub mod heatmap;
pub mod km_curve;
pub mod legend;
pub mod lines;
pub mod ltv_bars;
pub mod probability;
pub mod projection;
pub mod stacked;
pub mod tornado;
pub mod waterfall;

use plotters::style::FontFamily;
use thiserror::Error;

/// The font stack of every chart: system fonts only (nothing is fetched), CJK-capable ones first.
/// A `FontFamily` rather than a `&str`: plotters turns a `&str` into a family through
/// `to_lowercase` on every text it draws; the constant skips that work.
pub const FONT: FontFamily = FontFamily::Name(
    "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, WenQuanYi Micro Hei, Helvetica, Arial, sans-serif",
);

/// A chart could not be drawn; the message is plotters' own.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct ChartError(pub String);

impl ChartError {
    fn from_plotters(error: impl std::fmt::Display) -> ChartError {
        ChartError(error.to_string())
    }
}

/// So that a chart's marks can draw with `?`.
impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>>
    for ChartError
{
    fn from(error: plotters::drawing::DrawingAreaErrorKind<E>) -> ChartError {
        ChartError::from_plotters(error)
    }
}

/// The smallest "round" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at
/// least `x`; 1 for anything not positive and finite.
///
/// Axes end at such a bound rather than at the data's maximum plus a margin, so that while a
/// slider moves the scale stays put (until the data outgrows it) and the room sees the lines
/// and bars move, not the axis; it also keeps the tick labels' markup unchanged between frames,
/// which the in-place chart update then leaves alone.
///
/// ```
/// use retention_lab::chart::nice_ceiling;
/// assert_eq!(nice_ceiling(1_040_000.0), 1_200_000.0);
/// assert_eq!(nice_ceiling(0.7), 0.8);
/// assert_eq!(nice_ceiling(3000.0), 3000.0);
/// ```
pub fn nice_ceiling(x: f64) -> f64 {
    if !(x > 0.0 && x.is_finite()) {
        return 1.0;
    }
    let power = 10f64.powi(x.log10().floor() as i32);
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0]
        .iter()
        .map(|m| m * power)
        // A tolerance: 3000 must not round up to 4000 through 2999.9999999999995 × 1.
        .find(|bound| *bound >= x * (1.0 - 1e-12))
        .unwrap_or(10.0 * power)
}

/// `lo..hi` widened outwards to multiples of a round step (1, 2 or 5 times a power of ten,
/// about a quarter of the span), for axes that do not start at zero. See [`nice_ceiling`].
///
/// The steps are those plotters chooses its ticks from, so the ticks fall on the range's ends
/// and stay put while the range does (a step of 2.5 made plotters alternate between two and
/// five ticks as a slider moved, redrawing every label).
///
/// ```
/// use retention_lab::chart::nice_range;
/// assert_eq!(nice_range(27_300.0, 33_100.0), 26_000.0..34_000.0);
/// ```
pub fn nice_range(lo: f64, hi: f64) -> std::ops::Range<f64> {
    let span = hi - lo;
    if !(span > 0.0 && span.is_finite()) {
        let pad = (lo.abs() * 0.1).max(1.0);
        return (lo - pad)..(lo + pad);
    }
    // The smallest step that covers the data in at most four intervals (five ticks, plotters'
    // limit in the charts that call this). The span is under 40 × 10^k, so 20 × 10^k always
    // does; 10 × 10^k can need five intervals when the data straddles its multiples.
    let power = 10f64.powi((span / 4.0).log10().floor() as i32);
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|step| (hi / step).ceil() - (lo / step).floor() <= 4.0)
        .unwrap_or(20.0 * power);
    ((lo / step).floor() * step)..((hi / step).ceil() * step)
}

/// The category a tick of a category axis stands for: `Some(i)` at the whole numbers 0, 1, 2 …
/// (the axes are continuous, categories sit at integer positions).
fn category_index(position: f64) -> Option<usize> {
    let i = position.round();
    ((position - i).abs() < 1e-6 && i >= 0.0).then_some(i as usize)
}

/// Colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008).
pub mod palette {
    use plotters::style::RGBColor;
    pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    pub const INK: RGBColor = RGBColor(0x1F, 0x29, 0x37);
    pub const GRID: RGBColor = RGBColor(0xD1, 0xD5, 0xDB);
    /// The colours of series told apart by colour alone (scenarios, models), in order.
    pub const SERIES: [RGBColor; 4] = [BLUE, VERMILLION, GREEN, ORANGE];
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn nice_ceiling_covers_with_at_most_a_third_to_spare(x in 1e-6f64..1e12) {
            // The widest gap between neighbouring round numbers is 6 to 8.
            let bound = nice_ceiling(x);
            prop_assert!(bound >= x * (1.0 - 1e-12) && bound <= x * 4.0 / 3.0 * (1.0 + 1e-12), "{x} -> {bound}");
        }

        #[test]
        fn nice_range_covers_with_round_ends(lo in -1e9f64..1e9, span in 1e-3f64..1e9) {
            let hi = lo + span;
            let range = nice_range(lo, hi);
            prop_assert!(range.start <= lo && range.end >= hi);
            // At most one step beyond the data at each end, the step a quarter of the span or so.
            prop_assert!(range.end - range.start <= span * 3.0 + 1e-6, "{lo}..{hi} -> {range:?}");
        }
    }

    proptest! {
        #[test]
        fn nice_ranges_get_three_to_five_of_plotters_ticks(lo in -1e9f64..1e9, span in 1e-3f64..1e9) {
            use plotters::coord::ranged1d::Ranged;
            use plotters::coord::types::RangedCoordf64;
            // Five, as the tornado asks for: too few ticks leave an axis hard to read.
            let range: RangedCoordf64 = nice_range(lo, lo + span).into();
            let ticks = range.key_points(5).len();
            prop_assert!((3..=5).contains(&ticks), "{lo}+{span}: {ticks} ticks");
        }
    }

    #[test]
    fn small_moves_keep_the_axis() {
        // A slider moving the top of a projection by a percent leaves the scale where it was.
        assert_eq!(
            nice_ceiling(1_040_000.0 * 1.05),
            nice_ceiling(1_050_000.0 * 1.05)
        );
        assert_eq!(
            nice_range(27_300.0, 33_100.0),
            nice_range(27_500.0, 33_000.0)
        );
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
        assert!(nice_range(5.0, 5.0).contains(&5.0));
    }
}
