//! Retention curves: one thin line per cohort, the size-weighted average in bold, up to two
//! cohorts picked for comparison in contrasting colours, and the sBG model dotted over the
//! observed periods and dashed beyond them (the projection).

use plotters::prelude::*;

use super::frame::{Axis, Figure, Frame};
use super::legend::{Corner, Swatch};
use super::{palette, ChartError};

/// A curve: retention fractions by period.
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    pub label: String,
    pub values: Vec<f64>,
}

/// Everything the chart shows, already in the UI language.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortCurves {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub cohorts: Vec<Curve>,
    pub average: Curve,
    /// Up to two cohorts drawn in colour.
    pub compared: Vec<Curve>,
    /// The sBG survival curve from period 0 to the projection horizon, and how many periods of
    /// it are observed (the rest is drawn as projection).
    pub model: Option<(Curve, usize)>,
    /// Label of the cohort lines in the legend.
    pub cohorts_label: String,
    pub projection_label: String,
}

/// Draws the curves; y is in percent.
///
/// # Errors
/// A plotters drawing error.
pub fn draw(chart: &CohortCurves) -> Result<String, ChartError> {
    let longest = chart
        .cohorts
        .iter()
        .chain(std::iter::once(&chart.average))
        .map(|c| c.values.len())
        .chain(chart.model.iter().map(|(m, _)| m.values.len()))
        .max()
        .unwrap_or(1)
        .max(2);
    let finite = |c: &Curve| {
        c.values
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0_f64, f64::max)
    };
    let top = chart
        .cohorts
        .iter()
        .chain(std::iter::once(&chart.average))
        .map(finite)
        .fold(1.0_f64, f64::max);
    let y_max = (top * 100.0 * 1.05).ceil();
    let figure = Figure {
        frame: Frame {
            size: (900, 480),
            y_labels: 72,
            ..Frame::WIDE
        },
        title: &chart.title,
        x: Axis::values(0.0..(longest - 1) as f64, |v| format!("{v:.0}")).titled(&chart.x_label),
        y: Axis::values(0.0..y_max, |v| format!("{v:.0}%")).titled(&chart.y_label),
        legend: Some((Corner::UpperRight, 18)),
    };
    figure.draw(|plot, legend| {
        let points = |c: &Curve| -> Vec<(f64, f64)> {
            c.values
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_finite())
                .map(|(p, v)| (p as f64, v * 100.0))
                .collect()
        };
        let faint = palette::BLUE.mix(0.18).stroke_width(1);
        for cohort in &chart.cohorts {
            plot.draw_series(LineSeries::new(points(cohort), faint))?;
        }
        if !chart.cohorts.is_empty() {
            legend.push(
                &chart.cohorts_label,
                Swatch::Line(palette::BLUE.mix(0.3), 2),
            );
        }
        let colours = [palette::VERMILLION, palette::GREEN];
        for (cohort, colour) in chart.compared.iter().zip(colours) {
            let style = colour.stroke_width(3);
            plot.draw_series(LineSeries::new(points(cohort), style))?;
            legend.push(&cohort.label, Swatch::Line(colour.to_rgba(), 3));
        }
        let bold = palette::BLUE.stroke_width(4);
        plot.draw_series(LineSeries::new(points(&chart.average), bold))?;
        legend.push(
            &chart.average.label,
            Swatch::Line(palette::BLUE.to_rgba(), 4),
        );
        if let Some((model, observed)) = &chart.model {
            let all = points(model);
            let split = (*observed).min(all.len());
            let ink = palette::INK.stroke_width(2);
            plot.draw_series(DottedLineSeries::new(
                all[..split].to_vec(),
                0,
                6,
                move |c| Circle::new(c, 1, ink.filled()),
            ))?;
            legend.push(&model.label, Swatch::Dot(palette::INK.to_rgba()));
            let projected = all[split.saturating_sub(1)..].to_vec();
            plot.draw_series(DashedLineSeries::new(projected, 10, 6, ink))?;
            legend.push(
                &chart.projection_label,
                Swatch::Dash(palette::INK.to_rgba(), 2),
            );
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn curve(label: &str, values: &[f64]) -> Curve {
        Curve {
            label: label.into(),
            values: values.to_vec(),
        }
    }

    #[test]
    fn draws_lines_legend_and_projection() {
        let chart = CohortCurves {
            title: "Logo retention".into(),
            x_label: "Months since start".into(),
            y_label: "Retention (%)".into(),
            cohorts: vec![
                curve("2024-01", &[1.0, 0.8, 0.7]),
                curve("2024-02", &[1.0, 0.9]),
            ],
            average: curve("Weighted average", &[1.0, 0.85, 0.7]),
            compared: vec![curve("2024-02", &[1.0, 0.9])],
            model: Some((curve("sBG fit", &[1.0, 0.84, 0.72, 0.65, 0.6]), 3)),
            cohorts_label: "Cohorts".into(),
            projection_label: "sBG projection".into(),
        };
        let svg = draw(&chart).unwrap();
        for text in [
            "Logo retention",
            "Months since start",
            "Retention (%)",
            "Weighted average",
            "sBG projection",
            "Cohorts",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        assert!(svg.contains("<polyline") && svg.contains("<circle"));
    }
}
