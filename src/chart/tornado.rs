//! Tornado chart: for each lever, the metric with the lever 10 % lower and 10 % higher, as bars
//! out from the baseline value, widest on top.

use std::ops::Range;

use plotters::prelude::*;

use super::frame::{Axis, Figure, Frame};
use super::legend::{Corner, Swatch};
use super::{nice_range, palette, ChartError};

#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    pub label: String,
    pub low: f64,
    pub high: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    pub title: String,
    pub x_label: String,
    pub low_label: String,
    pub high_label: String,
    pub base: f64,
    /// Widest first.
    pub bars: Vec<TornadoBar>,
}

/// The value axis: the bars and the base with a little room, in round numbers, or `kept` (the
/// axis drawn last time) while they fit it and fill at least half of it: an axis that rescales
/// at every step of a slider hides how the bars move, and makes each step redraw every tick.
///
/// # Errors
/// A non-finite value.
fn x_range(chart: &Tornado, kept: Option<Range<f64>>) -> Result<Range<f64>, ChartError> {
    let values = chart
        .bars
        .iter()
        .flat_map(|b| [b.low, b.high])
        .chain(std::iter::once(chart.base));
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        if !v.is_finite() {
            return Err(ChartError("tornado: a value is not finite".into()));
        }
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let pad = (hi - lo) * 0.04;
    let (lo, hi) = (lo - pad, hi + pad);
    Ok(match kept {
        Some(kept)
            if kept.start <= lo && hi <= kept.end && 2.0 * (hi - lo) >= kept.end - kept.start =>
        {
            kept
        }
        _ => nice_range(lo, hi),
    })
}

/// Draws the chart on the axis `axis` held (see `x_range`), and leaves in it the axis drawn.
///
/// # Errors
/// A non-finite value or a plotters drawing error.
pub fn draw(
    chart: &Tornado,
    axis: &mut Option<Range<f64>>,
    format_value: &dyn Fn(f64) -> String,
) -> Result<String, ChartError> {
    let x_range = x_range(chart, axis.take())?;
    *axis = Some(x_range.clone());
    let n = chart.bars.len().max(1);
    // Row 0 is drawn at the top, and the y axis counts upwards.
    let levers = chart.bars.iter().rev().map(|b| b.label.clone()).collect();
    let figure = Figure {
        frame: Frame {
            // Room for half of the last tick label, which sits on the axis's right end.
            margin: 30,
            x_labels: 48,
            y_labels: 150,
            label_size: 17,
            ..Frame::COMPACT
        },
        title: &chart.title,
        x: Axis::values(x_range, |v| format_value(*v))
            .ticks(5)
            .titled(&chart.x_label),
        y: Axis::categories(levers),
        legend: Some((Corner::LowerRight, 16)),
    };
    figure.draw(|plot, legend| {
        let row = |i: usize| (n - 1 - i) as f64;
        let low_style = palette::VERMILLION.filled();
        let high_style = palette::BLUE.filled();
        plot.draw_series(chart.bars.iter().enumerate().map(|(i, b)| {
            Rectangle::new(
                [(chart.base, row(i) - 0.32), (b.low, row(i) + 0.32)],
                low_style,
            )
        }))?;
        plot.draw_series(chart.bars.iter().enumerate().map(|(i, b)| {
            Rectangle::new(
                [(chart.base, row(i) - 0.32), (b.high, row(i) + 0.32)],
                high_style,
            )
        }))?;
        plot.draw_series(std::iter::once(PathElement::new(
            vec![(chart.base, -0.5), (chart.base, n as f64 - 0.5)],
            palette::INK.stroke_width(2),
        )))?;
        legend.push(
            &chart.low_label,
            Swatch::Block(palette::VERMILLION.to_rgba()),
        );
        legend.push(&chart.high_label, Swatch::Block(palette::BLUE.to_rgba()));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_bar_pair_per_lever_with_labels() {
        let chart = Tornado {
            title: "LTV sensitivity".into(),
            x_label: "LTV ($)".into(),
            low_label: "−10 %".into(),
            high_label: "+10 %".into(),
            base: 100.0,
            bars: vec![
                TornadoBar {
                    label: "Churn".into(),
                    low: 120.0,
                    high: 85.0,
                },
                TornadoBar {
                    label: "Margin".into(),
                    low: 90.0,
                    high: 110.0,
                },
            ],
        };
        let svg = draw(&chart, &mut None, &|v| format!("{v:.0}")).unwrap();
        for text in [
            "LTV sensitivity",
            "LTV ($)",
            "Churn",
            "Margin",
            "−10 %",
            "+10 %",
        ] {
            assert!(svg.contains(text), "{text}");
        }
        // Background, two bars per lever, two legend swatches, the legend box.
        assert!(svg.matches("<rect").count() >= 7);
        assert!(draw(
            &Tornado {
                base: f64::NAN,
                ..chart
            },
            &mut None,
            &|v| format!("{v}")
        )
        .is_err());
    }

    #[test]
    fn keeps_the_last_axis_while_the_bars_fill_it() {
        let chart = |base: f64| Tornado {
            title: String::new(),
            x_label: String::new(),
            low_label: String::new(),
            high_label: String::new(),
            base,
            bars: vec![TornadoBar {
                label: String::new(),
                low: base * 0.9,
                high: base * 1.1,
            }],
        };
        // The bars from 26,849 to 33,351 with their room get 26,000..34,000 on their own; an axis
        // kept from an earlier step of the slider that still holds them stays.
        let kept = 25_000.0..35_000.0;
        assert_eq!(x_range(&chart(30_100.0), None).unwrap(), 26_000.0..34_000.0);
        let mut axis = Some(kept.clone());
        draw(&chart(30_100.0), &mut axis, &|v| format!("{v}")).unwrap();
        assert_eq!(axis, Some(kept.clone()));
        // Bars outside the kept axis, or filling less than half of it, get a new one.
        assert_eq!(
            x_range(&chart(40_000.0), Some(kept)).unwrap(),
            x_range(&chart(40_000.0), None).unwrap()
        );
        assert_eq!(
            x_range(&chart(30_000.0), Some(0.0..100_000.0)).unwrap(),
            x_range(&chart(30_000.0), None).unwrap()
        );
    }
}
