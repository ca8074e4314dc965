//! Several named lines over one continuous x axis, each in its own colour with a marker at
//! every point: the CS organisation models' cost as the customer count grows, where the
//! cross-overs show when splitting the team pays.

use plotters::prelude::*;

use super::frame::{Axis, Figure, Frame};
use super::legend::{Corner, Swatch};
use super::{nice_ceiling, palette, ChartError};

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub name: String,
    /// (x, y) points in x order.
    pub points: Vec<(f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lines {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub lines: Vec<Line>,
}

/// # Errors
/// A point that is not finite, or a plotters drawing error.
pub fn draw(
    chart: &Lines,
    format_x: &dyn Fn(f64) -> String,
    format_y: &dyn Fn(f64) -> String,
) -> Result<String, ChartError> {
    let points = || chart.lines.iter().flat_map(|l| l.points.iter());
    if points().any(|(x, y)| !x.is_finite() || !y.is_finite()) {
        return Err(ChartError("lines: a point is not finite".into()));
    }
    let (x_lo, x_hi) = points().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (x, _)| {
        (lo.min(*x), hi.max(*x))
    });
    let (x_lo, x_hi) = if x_lo < x_hi {
        (x_lo, x_hi)
    } else {
        (0.0, 1.0)
    };
    let top = points().map(|(_, y)| *y).fold(0.0_f64, f64::max);
    let y_max = nice_ceiling((top * 1.05).max(1.0));
    let figure = Figure {
        frame: Frame::WIDE,
        title: &chart.title,
        x: Axis::values(x_lo..x_hi, |v| format_x(*v))
            .ticks(8)
            .titled(&chart.x_label),
        y: Axis::values(0.0..y_max, |v| format_y(*v)).titled(&chart.y_label),
        // Costs rise with customers: the lower right is the one corner the lines leave empty.
        legend: Some((Corner::LowerRight, 17)),
    };
    figure.draw(|plot, legend| {
        for (line, colour) in chart.lines.iter().zip(palette::SERIES.iter().cycle()) {
            plot.draw_series(LineSeries::new(line.points.clone(), colour.stroke_width(3)))?;
            plot.draw_series(
                line.points
                    .iter()
                    .map(|p| Circle::new(*p, 3, colour.filled())),
            )?;
            legend.push(line.name.clone(), Swatch::Marked(colour.to_rgba()));
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_each_line_with_its_legend_entry_and_axis_titles() {
        let chart = Lines {
            title: "CS cost as customers grow".into(),
            x_label: "Customers".into(),
            y_label: "CS cost ($)".into(),
            lines: vec![
                Line {
                    name: "Full-stack".into(),
                    points: vec![(100.0, 10.0), (200.0, 20.0)],
                },
                Line {
                    name: "Refined".into(),
                    points: vec![(100.0, 15.0), (200.0, 18.0)],
                },
            ],
        };
        let svg = draw(&chart, &|v| format!("{v:.0}"), &|v| format!("{v:.0}")).unwrap();
        for text in [
            "CS cost as customers grow",
            "Customers",
            "CS cost ($)",
            "Full-stack",
            "Refined",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        // Two markers per line plus one legend marker each.
        assert_eq!(svg.matches("<circle").count(), 6);
        let bad = Lines {
            lines: vec![Line {
                name: "x".into(),
                points: vec![(0.0, f64::NAN)],
            }],
            ..chart
        };
        assert!(draw(&bad, &|v| format!("{v}"), &|v| format!("{v}")).is_err());
    }
}
