//! Waterfall chart: a starting total, steps down and up, and the resulting total.
//! Used for the ARR bridge (start → −churn → −contraction → +expansion → end).

use plotters::prelude::*;

use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{Axis, Figure, Frame};
use super::{palette, ChartError, FONT};

/// What a bar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// A total drawn from zero (start, end).
    Total,
    /// A loss, drawn down from the running total.
    Decrease,
    /// A gain, drawn up from the running total.
    Increase,
}

/// One bar: its axis label, kind and (non-negative) amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub label: String,
    pub kind: StepKind,
    pub amount: f64,
}

/// Everything the chart shows, already in the UI language.
#[derive(Debug, Clone, PartialEq)]
pub struct Waterfall {
    pub title: String,
    pub y_label: String,
    pub steps: Vec<Step>,
}

/// Draws the waterfall; `format_value` writes the money values on bars and the y axis.
///
/// # Errors
/// A non-finite amount, or a plotters drawing error.
pub fn draw(chart: &Waterfall, format_value: &dyn Fn(f64) -> String) -> Result<String, ChartError> {
    let bars = stack(&chart.steps)?;
    let top = bars.iter().map(|b| b.high).fold(0.0_f64, f64::max);
    // A running total that goes below zero (an activation journey can) widens the axis down.
    let bottom = bars
        .iter()
        .map(|b| b.low.min(b.high))
        .fold(0.0_f64, f64::min);
    let y_max = if top > 0.0 { top * 1.18 } else { 1.0 };
    let y_min = if bottom < 0.0 { bottom * 1.18 } else { 0.0 };
    let span = y_max - y_min;
    let labels = chart.steps.iter().map(|s| s.label.clone()).collect();
    let figure = Figure {
        frame: Frame {
            size: (800, 440),
            title: 34,
            margin: 18,
            x_labels: 44,
            y_labels: 96,
            label_size: 21,
            desc_size: 22,
        },
        title: &chart.title,
        x: Axis::categories(labels),
        y: Axis::values(y_min..y_max, |y| format_value(*y))
            .ticks(6)
            .titled(&chart.y_label),
        legend: None,
    };
    figure.draw(|plot, _| {
        plot.draw_series(bars.iter().enumerate().map(|(i, bar)| {
            let x = i as f64;
            Rectangle::new(
                [(x - 0.34, bar.low), (x + 0.34, bar.high)],
                bar.colour.filled(),
            )
        }))?;

        // Thin connectors carry the running total from one bar to the next.
        plot.draw_series(bars.windows(2).enumerate().map(|(i, pair)| {
            let level = pair[0].level_after;
            PathElement::new(
                vec![(i as f64 + 0.34, level), (i as f64 + 0.66, level)],
                palette::INK.mix(0.5).stroke_width(1),
            )
        }))?;

        let value_style = (FONT, 22)
            .into_font()
            .color(&palette::INK)
            .pos(Pos::new(HPos::Center, VPos::Bottom));
        plot.draw_series(
            chart
                .steps
                .iter()
                .zip(&bars)
                .enumerate()
                .map(|(i, (step, bar))| {
                    let sign = match step.kind {
                        StepKind::Total => "",
                        StepKind::Decrease => "−",
                        StepKind::Increase => "+",
                    };
                    let text = format!("{sign}{}", format_value(step.amount));
                    Text::new(
                        text,
                        (i as f64, bar.high.max(bar.low) + span * 0.015),
                        value_style.clone(),
                    )
                }),
        )?;
        Ok(())
    })
}

/// A bar placed on the y axis, and the running total after it.
struct Bar {
    low: f64,
    high: f64,
    level_after: f64,
    colour: RGBColor,
}

fn stack(steps: &[Step]) -> Result<Vec<Bar>, ChartError> {
    let mut level = 0.0;
    let mut losses = 0;
    steps
        .iter()
        .map(|step| {
            if !step.amount.is_finite() {
                return Err(ChartError(format!("{}: not a finite amount", step.label)));
            }
            let bar = match step.kind {
                StepKind::Total => {
                    level = step.amount;
                    Bar {
                        low: 0.0,
                        high: step.amount,
                        level_after: level,
                        colour: palette::BLUE,
                    }
                }
                StepKind::Decrease => {
                    let high = level;
                    level -= step.amount;
                    // Successive losses alternate vermillion and orange so that churn and
                    // contraction read as two different things.
                    losses += 1;
                    let colour = if losses % 2 == 1 {
                        palette::VERMILLION
                    } else {
                        palette::ORANGE
                    };
                    Bar {
                        low: level,
                        high,
                        level_after: level,
                        colour,
                    }
                }
                StepKind::Increase => {
                    let low = level;
                    level += step.amount;
                    Bar {
                        low,
                        high: level,
                        level_after: level,
                        colour: palette::GREEN,
                    }
                }
            };
            Ok(bar)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(label: &str) -> Waterfall {
        let step = |label: &str, kind, amount| Step {
            label: label.into(),
            kind,
            amount,
        };
        Waterfall {
            title: "ARR bridge".into(),
            y_label: "ARR ($)".into(),
            steps: vec![
                step(label, StepKind::Total, 1000.0),
                step("Churn", StepKind::Decrease, 100.0),
                step("Expansion", StepKind::Increase, 200.0),
                step("End", StepKind::Total, 1100.0),
            ],
        }
    }

    #[test]
    fn draws_title_axis_label_and_one_rect_per_bar() {
        let svg = draw(&sample("Start"), &|v| format!("{v:.0}")).unwrap();
        assert!(svg.starts_with("<svg"));
        let texts = text_nodes(&svg);
        for expected in [
            "ARR bridge",
            "ARR ($)",
            "Start",
            "End",
            "−100",
            "+200",
            "1000",
        ] {
            assert!(
                texts.iter().any(|t| t == expected),
                "{expected} missing from {texts:?}"
            );
        }
        // Background plus four bars (the mesh draws lines, not rects).
        assert_eq!(svg.matches("<rect").count(), 5);
    }

    /// The trimmed content of every `<text>` element.
    fn text_nodes(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|chunk| {
                let body = &chunk[chunk.find('>')? + 1..];
                Some(body[..body.find("</text>")?].trim().to_string())
            })
            .collect()
    }

    #[test]
    fn a_total_below_zero_widens_the_axis_down() {
        let step = |label: &str, kind, amount| Step {
            label: label.into(),
            kind,
            amount,
        };
        let chart = Waterfall {
            title: "Journey".into(),
            y_label: "Index".into(),
            steps: vec![
                step("Pre", StepKind::Total, 5.0),
                step("Bad", StepKind::Decrease, 25.0),
                step("Net", StepKind::Total, -20.0),
            ],
        };
        let bars = stack(&chart.steps).unwrap();
        assert_eq!((bars[1].low, bars[1].high), (-20.0, 5.0));
        let svg = draw(&chart, &|v| format!("{v:.0}")).unwrap();
        assert!(
            text_nodes(&svg).iter().any(|t| t.starts_with('-')),
            "a negative tick"
        );
    }

    #[test]
    fn labels_from_files_are_escaped() {
        let svg = draw(&sample("<script>&"), &|v| format!("{v}")).unwrap();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;&amp;"));
    }

    #[test]
    fn non_finite_amount_is_an_error() {
        let mut chart = sample("Start");
        chart.steps[1].amount = f64::NAN;
        assert!(draw(&chart, &|v| format!("{v}")).is_err());
    }

    #[test]
    fn decreases_step_down_from_the_running_total() {
        let bars = stack(&sample("Start").steps).unwrap();
        assert_eq!((bars[1].low, bars[1].high), (900.0, 1000.0));
        assert_eq!((bars[2].low, bars[2].high), (900.0, 1100.0));
    }
}
