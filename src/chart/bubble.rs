//! A bubble chart: one labelled bubble per item at (x, y), its area proportional to a size and
//! its colour one of a few classes explained in the legend (the niche-market comparison:
//! willingness to pay, stickiness, potential customers, closing cycle).

use plotters::prelude::*;

use super::frame::{Axis, Figure, Frame};
use super::legend::{Corner, Swatch};
use super::{nice_range, palette, ChartError, FONT};

#[derive(Debug, Clone, PartialEq)]
pub struct Bubble {
    pub label: String,
    pub x: f64,
    pub y: f64,
    /// Drawn as the bubble's area (non-negative).
    pub size: f64,
    /// Index into [`BubbleChart::classes`].
    pub class: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BubbleChart {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// What the colours mean, in order (at most four are told apart).
    pub classes: Vec<String>,
    /// What the bubble size means, written under the legend's colours.
    pub size_label: String,
    pub bubbles: Vec<Bubble>,
}

/// The largest bubble's radius, in pixels; the others scale by the square root of their size.
const MAX_RADIUS: f64 = 34.0;
const MIN_RADIUS: f64 = 5.0;
const CLASS_COLOURS: [RGBColor; 4] = [
    palette::GREEN,
    palette::BLUE,
    palette::ORANGE,
    palette::VERMILLION,
];

fn with_headroom(range: std::ops::Range<f64>) -> std::ops::Range<f64> {
    range.start..range.end + (range.end - range.start) * 0.5
}

/// # Errors
/// A non-finite coordinate, a negative or non-finite size, or a plotters drawing error.
pub fn draw(chart: &BubbleChart, format_x: &dyn Fn(f64) -> String) -> Result<String, ChartError> {
    if chart
        .bubbles
        .iter()
        .any(|b| !b.x.is_finite() || !b.y.is_finite() || !b.size.is_finite() || b.size < 0.0)
    {
        return Err(ChartError(
            "bubble: a value is not finite or a size is negative".into(),
        ));
    }
    let span = |get: fn(&Bubble) -> f64| {
        let (lo, hi) = chart
            .bubbles
            .iter()
            .map(get)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
        if lo.is_finite() {
            // Room around the outermost bubbles so that they are not cut by the frame.
            let pad = ((hi - lo) * 0.15).max(hi.abs().max(1.0) * 0.1);
            nice_range(lo - pad, hi + pad)
        } else {
            0.0..1.0
        }
    };
    let largest = chart.bubbles.iter().map(|b| b.size).fold(0.0_f64, f64::max);
    let radius = |size: f64| {
        if largest > 0.0 {
            (MAX_RADIUS * (size / largest).sqrt()).max(MIN_RADIUS)
        } else {
            MIN_RADIUS
        }
    };
    let figure = Figure {
        frame: Frame {
            size: (640, 460),
            y_labels: 70,
            ..Frame::COMPACT
        },
        title: &chart.title,
        x: Axis::values(span(|b| b.x), |v| format_x(*v))
            .ticks(6)
            .titled(&chart.x_label),
        // Headroom above the highest bubble keeps the legend (upper left) off the bubbles.
        y: Axis::values(with_headroom(span(|b| b.y)), |v| format!("{v:.2}"))
            .ticks(6)
            .titled(&chart.y_label),
        legend: Some((Corner::UpperLeft, 14)),
    };
    figure.draw(|plot, legend| {
        // Largest first, so that small bubbles stay visible on top.
        let mut order: Vec<&Bubble> = chart.bubbles.iter().collect();
        order.sort_by(|a, b| b.size.total_cmp(&a.size));
        for b in order {
            let colour = CLASS_COLOURS[b.class % CLASS_COLOURS.len()];
            let r = radius(b.size).round() as u32;
            plot.draw_series(std::iter::once(Circle::new(
                (b.x, b.y),
                r,
                colour.mix(0.55).filled(),
            )))?;
            plot.draw_series(std::iter::once(Circle::new(
                (b.x, b.y),
                r,
                colour.stroke_width(2),
            )))?;
            plot.draw_series(std::iter::once(Text::new(
                b.label.clone(),
                (b.x, b.y),
                (FONT, 14).into_font().color(&palette::INK).pos(
                    plotters::style::text_anchor::Pos::new(
                        plotters::style::text_anchor::HPos::Center,
                        plotters::style::text_anchor::VPos::Center,
                    ),
                ),
            )))?;
        }
        for (i, class) in chart.classes.iter().enumerate().take(CLASS_COLOURS.len()) {
            legend.push(class.clone(), Swatch::Block(CLASS_COLOURS[i].to_rgba()));
        }
        if !chart.size_label.is_empty() {
            legend.push(
                chart.size_label.clone(),
                Swatch::Dot(palette::INK.to_rgba()),
            );
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> BubbleChart {
        BubbleChart {
            title: "Niche markets".into(),
            x_label: "Willingness to pay (1–10)".into(),
            y_label: "Stickiness".into(),
            classes: vec!["≤ 30 days".into(), "> 90 days".into()],
            size_label: "Size: potential customers".into(),
            bubbles: vec![
                Bubble {
                    label: "Retail <&>".into(),
                    x: 7.0,
                    y: 0.4,
                    size: 900.0,
                    class: 0,
                },
                Bubble {
                    label: "Health".into(),
                    x: 4.0,
                    y: 0.7,
                    size: 100.0,
                    class: 1,
                },
            ],
        }
    }

    #[test]
    fn draws_title_axes_legend_and_one_labelled_bubble_each() {
        let svg = draw(&chart(), &|v| format!("{v:.0}")).unwrap();
        for text in [
            "Niche markets",
            "Willingness to pay (1–10)",
            "Stickiness",
            "≤ 30 days",
            "&gt; 90 days",
            "Size: potential customers",
            "Health",
            "Retail &lt;&amp;&gt;",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        // Two circles per bubble (fill and outline) plus the legend's dot.
        assert_eq!(svg.matches("<circle").count(), 5);
        // The larger potential gets the larger radius: r ∝ √size, 34 px for the largest.
        assert!(svg.contains(r#"r="34""#), "{svg}");
        assert!(svg.contains(r#"r="11""#), "34 × √(100/900) = 11.3: {svg}");
    }

    #[test]
    fn refuses_what_cannot_be_drawn() {
        let mut bad = chart();
        bad.bubbles[1].size = -1.0;
        assert!(draw(&bad, &|v| format!("{v}")).is_err());
        bad.bubbles[1].size = 1.0;
        bad.bubbles[1].y = f64::NAN;
        assert!(draw(&bad, &|v| format!("{v}")).is_err());
        let empty = BubbleChart {
            bubbles: vec![],
            ..chart()
        };
        assert!(draw(&empty, &|v| format!("{v}")).is_ok());
    }
}
