//! A probability against a driver: the fitted renewal curve over the observed renewal rate of
//! each decile of the north star, or the calibration of predicted against observed rates.

use plotters::prelude::*;

use super::frame::{Axis, Figure, Frame};
use super::legend::{Corner, Swatch};
use super::{palette, ChartError};

#[derive(Debug, Clone, PartialEq)]
pub struct ProbabilityChart {
    pub title: String,
    pub x_label: String,
    /// The y axis is a probability, shown in percent.
    pub y_label: String,
    /// The model: `(x, probability)` points joined by a line (none when empty).
    pub line: Vec<(f64, f64)>,
    pub line_label: String,
    /// What was observed: `(x, rate)` with the number of customers behind each point.
    pub points: Vec<(f64, f64, usize)>,
    pub points_label: String,
    /// Draw the y = x diagonal (perfect calibration) with this legend label.
    pub diagonal: Option<String>,
    /// The x axis is a probability too (shown in percent).
    pub x_is_probability: bool,
}

/// # Errors
/// A non-finite coordinate or a plotters drawing error.
pub fn draw(
    chart: &ProbabilityChart,
    format_x: &dyn Fn(f64) -> String,
) -> Result<String, ChartError> {
    let xs = chart
        .line
        .iter()
        .map(|p| p.0)
        .chain(chart.points.iter().map(|p| p.0));
    let ys = chart
        .line
        .iter()
        .map(|p| p.1)
        .chain(chart.points.iter().map(|p| p.1));
    if xs.clone().chain(ys).any(|v| !v.is_finite()) {
        return Err(ChartError(
            "probability chart: a value is not finite".into(),
        ));
    }
    let (x_min, x_max) = if chart.x_is_probability {
        (0.0, 1.0)
    } else {
        let lo = xs.clone().fold(f64::INFINITY, f64::min).min(0.0);
        let hi = xs.fold(f64::NEG_INFINITY, f64::max);
        (lo, if hi > lo { hi } else { lo + 1.0 })
    };
    let percent = |v: &f64| format!("{:.0}%", v * 100.0);
    let x_format = move |v: &f64| {
        if chart.x_is_probability {
            percent(v)
        } else {
            format_x(*v)
        }
    };
    let figure = Figure {
        frame: Frame {
            y_labels: 76,
            ..Frame::COMPACT
        },
        title: &chart.title,
        x: Axis::values(x_min..x_max, x_format)
            .ticks(6)
            .titled(&chart.x_label),
        y: Axis::values(0.0..1.0, percent)
            .ticks(6)
            .titled(&chart.y_label),
        legend: Some((Corner::LowerRight, 16)),
    };
    figure.draw(|plot, legend| {
        if let Some(label) = &chart.diagonal {
            plot.draw_series(LineSeries::new(
                vec![(0.0, 0.0), (1.0, 1.0)],
                palette::GRID.stroke_width(2),
            ))?;
            legend.push(label, Swatch::Line(palette::GRID.to_rgba(), 2));
        }
        if !chart.line.is_empty() {
            plot.draw_series(LineSeries::new(
                chart.line.clone(),
                palette::BLUE.stroke_width(3),
            ))?;
            legend.push(&chart.line_label, Swatch::Line(palette::BLUE.to_rgba(), 3));
        }
        let largest = chart.points.iter().map(|p| p.2).max().unwrap_or(1).max(1) as f64;
        plot.draw_series(chart.points.iter().map(|&(x, y, count)| {
            // Area proportional to the customers behind the point.
            let radius = 3.0 + 6.0 * (count as f64 / largest).sqrt();
            Circle::new((x, y), radius as u32, palette::VERMILLION.filled())
        }))?;
        legend.push(
            &chart.points_label,
            Swatch::Dot(palette::VERMILLION.to_rgba()),
        );
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curve_points_diagonal_and_legend() {
        let chart = ProbabilityChart {
            title: "Calibration".into(),
            x_label: "Predicted".into(),
            y_label: "Observed".into(),
            line: vec![(0.1, 0.1), (0.9, 0.9)],
            line_label: "model".into(),
            points: vec![(0.2, 0.25, 10), (0.8, 0.7, 40)],
            points_label: "deciles".into(),
            diagonal: Some("perfect".into()),
            x_is_probability: true,
        };
        let svg = draw(&chart, &|v| format!("{v}")).unwrap();
        for text in [
            "Calibration",
            "Predicted",
            "Observed",
            "model",
            "deciles",
            "perfect",
            "100%",
        ] {
            assert!(svg.contains(text), "{text}");
        }
        assert_eq!(svg.matches("<circle").count(), 2 + 1);
        let points_only = ProbabilityChart {
            line: Vec::new(),
            line_label: "no line".into(),
            ..chart
        };
        let svg = draw(&points_only, &|v| format!("{v}")).unwrap();
        assert!(!svg.contains("no line") && svg.contains("deciles"));
    }
}
