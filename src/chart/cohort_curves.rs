//! Retention curves: one thin line per cohort, the size-weighted average in bold, up to two
//! cohorts picked for comparison in contrasting colours, and the fitted model dotted over the
//! periods it was fitted on and dashed beyond them (the projection) inside its shaded 90 %
//! band. When the fit is calibrated on the first periods only, the average's later periods
//! are marked as held-out points to compare with the projection.

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

/// The fitted model's survival curve from period 0 to the projection horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub curve: Curve,
    /// How many leading periods the model was fitted on (drawn dotted; the rest dashed).
    pub fitted: usize,
    /// The 90 % band (low, high) by period; empty when it is not defined.
    pub band: Vec<(f64, f64)>,
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
    pub model: Option<Projection>,
    /// The last period of the calibration: the average's later periods are held-out points.
    pub held_out: Option<usize>,
    /// Label of the cohort lines in the legend.
    pub cohorts_label: String,
    pub projection_label: String,
    pub band_label: String,
    pub held_out_label: String,
}

/// Where the legend hides nothing: retention curves fall from the upper left, so the box goes
/// to the upper right when the right half of the chart is drawn low (below half of the y
/// range), else to the lower right, which is then empty.
fn legend_corner(chart: &CohortCurves, y_max: f64) -> Corner {
    let longest = chart
        .cohorts
        .iter()
        .map(|c| c.values.len())
        .chain(chart.model.iter().map(|m| m.curve.values.len()))
        .max()
        .unwrap_or(0);
    let right_half = |c: &Curve| {
        c.values
            .iter()
            .skip(longest / 2)
            .copied()
            .collect::<Vec<_>>()
    };
    let highest = chart
        .cohorts
        .iter()
        .chain(std::iter::once(&chart.average))
        .chain(chart.model.iter().map(|m| &m.curve))
        .flat_map(right_half)
        .chain(
            chart
                .model
                .iter()
                .flat_map(|m| m.band.iter().skip(longest / 2).map(|b| b.1)),
        )
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    if highest * 100.0 < y_max / 2.0 {
        Corner::UpperRight
    } else {
        Corner::LowerRight
    }
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
        .chain(chart.model.iter().map(|m| m.curve.values.len()))
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
        legend: Some((legend_corner(chart, y_max), 18)),
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
        if let Some(model) = &chart.model {
            let all = points(&model.curve);
            let split = model.fitted.min(all.len());
            // The band of the projected part, upper edge forward and lower edge back.
            let band: Vec<(f64, f64)> = model
                .band
                .iter()
                .enumerate()
                .skip(split.saturating_sub(1))
                .map(|(p, (_, high))| (p as f64, high * 100.0))
                .chain(
                    model
                        .band
                        .iter()
                        .enumerate()
                        .skip(split.saturating_sub(1))
                        .rev()
                        .map(|(p, (low, _))| (p as f64, low * 100.0)),
                )
                .filter(|(_, v)| v.is_finite())
                .collect();
            if band.len() >= 4 {
                let shade = palette::INK.mix(0.14);
                plot.draw_series(std::iter::once(Polygon::new(band, shade.filled())))?;
                legend.push(&chart.band_label, Swatch::Block(shade));
            }
            let ink = palette::INK.stroke_width(2);
            plot.draw_series(DottedLineSeries::new(
                all[..split].to_vec(),
                0,
                6,
                move |c| Circle::new(c, 1, ink.filled()),
            ))?;
            legend.push(&model.curve.label, Swatch::Dot(palette::INK.to_rgba()));
            let projected = all[split.saturating_sub(1)..].to_vec();
            plot.draw_series(DashedLineSeries::new(projected, 10, 6, ink))?;
            legend.push(
                &chart.projection_label,
                Swatch::Dash(palette::INK.to_rgba(), 2),
            );
        }
        if let Some(last_fitted) = chart.held_out {
            let held: Vec<(f64, f64)> = points(&chart.average)
                .into_iter()
                .filter(|(p, _)| *p > last_fitted as f64)
                .collect();
            if !held.is_empty() {
                let mark = palette::VERMILLION.stroke_width(2);
                plot.draw_series(held.into_iter().map(|c| Circle::new(c, 5, mark)))?;
                legend.push(
                    &chart.held_out_label,
                    Swatch::Marked(palette::VERMILLION.to_rgba()),
                );
            }
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
            model: Some(Projection {
                curve: curve("sBG fit", &[1.0, 0.84, 0.72, 0.65, 0.6]),
                fitted: 2,
                band: vec![
                    (1.0, 1.0),
                    (0.82, 0.86),
                    (0.69, 0.75),
                    (0.6, 0.7),
                    (0.54, 0.66),
                ],
            }),
            held_out: Some(1),
            cohorts_label: "Cohorts".into(),
            projection_label: "sBG projection".into(),
            band_label: "90 % band".into(),
            held_out_label: "Held out".into(),
        };
        let svg = draw(&chart).unwrap();
        for text in [
            "Logo retention",
            "Months since start",
            "Retention (%)",
            "Weighted average",
            "sBG projection",
            "Cohorts",
            "90 % band",
            "Held out",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        assert!(svg.contains("<polyline") && svg.contains("<circle"));
        // The band is one shaded polygon over the projected periods 1–4.
        assert_eq!(svg.matches("<polygon").count(), 1, "{svg}");
        // The held-out period 2 of the average (70 %) is a marker of radius 5.
        assert!(svg.contains("r=\"5\""), "{svg}");
    }

    #[test]
    fn the_legend_goes_where_the_curves_are_not() {
        let high = |values: &[f64]| CohortCurves {
            title: String::new(),
            x_label: String::new(),
            y_label: String::new(),
            cohorts: vec![curve("a", values)],
            average: curve("avg", values),
            compared: vec![],
            model: None,
            held_out: None,
            cohorts_label: String::new(),
            projection_label: String::new(),
            band_label: String::new(),
            held_out_label: String::new(),
        };
        // Staying above 60 %: the lower right is empty.
        assert_eq!(
            legend_corner(&high(&[1.0, 0.8, 0.7, 0.65]), 105.0),
            Corner::LowerRight
        );
        // Falling to 20 %: the upper right is.
        assert_eq!(
            legend_corner(&high(&[1.0, 0.5, 0.3, 0.2]), 105.0),
            Corner::UpperRight
        );
    }
}
