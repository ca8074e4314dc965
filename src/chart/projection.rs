//! Revenue projection per scenario: today's customers alone (thick line) and with new business
//! and referrals (thin line with a marker each year), year by year.

use plotters::prelude::*;

use super::frame::{Axis, Figure, Frame};
use super::legend::{Corner, Swatch};
use super::{nice_ceiling, palette, ChartError};

/// One scenario's two series, revenue per year from year 0.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioSeries {
    pub name: String,
    pub existing: Vec<f64>,
    pub total: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// Legend suffixes for the two kinds of line.
    pub existing_label: String,
    pub total_label: String,
    pub scenarios: Vec<ScenarioSeries>,
}

/// # Errors
/// A plotters drawing error.
pub fn draw(
    chart: &Projection,
    format_value: &dyn Fn(f64) -> String,
) -> Result<String, ChartError> {
    let years = chart
        .scenarios
        .iter()
        .map(|s| s.total.len().max(s.existing.len()))
        .max()
        .unwrap_or(2)
        .max(2);
    let top = chart
        .scenarios
        .iter()
        .flat_map(|s| s.existing.iter().chain(&s.total))
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let y_max = nice_ceiling(top * 1.05);
    let figure = Figure {
        frame: Frame::WIDE,
        title: &chart.title,
        x: Axis::values(0.0..(years - 1) as f64, |v| format!("{v:.0}"))
            .ticks(years)
            .titled(&chart.x_label),
        y: Axis::values(0.0..y_max, |v| format_value(*v)).titled(&chart.y_label),
        legend: Some((Corner::UpperLeft, 17)),
    };
    figure.draw(|plot, legend| {
        for (scenario, colour) in chart.scenarios.iter().zip(palette::SERIES.iter().cycle()) {
            let points = |values: &[f64]| -> Vec<(f64, f64)> {
                values
                    .iter()
                    .enumerate()
                    .map(|(t, v)| (t as f64, *v))
                    .collect()
            };
            let solid = colour.stroke_width(3);
            plot.draw_series(LineSeries::new(points(&scenario.existing), solid))?;
            legend.push(
                format!("{} · {}", scenario.name, chart.existing_label),
                Swatch::Line(colour.to_rgba(), 3),
            );
            // A thin line with a marker each year rather than a dashed one: plotters draws every
            // dash as an element of its own, and this chart redraws while a slider moves.
            let thin = colour.mix(0.7).stroke_width(2);
            let marker = colour.filled();
            plot.draw_series(LineSeries::new(points(&scenario.total), thin))?;
            plot.draw_series(
                points(&scenario.total)
                    .into_iter()
                    .map(|p| Circle::new(p, 4, marker)),
            )?;
            legend.push(
                format!("{} · {}", scenario.name, chart.total_label),
                Swatch::Marked(colour.to_rgba()),
            );
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_both_lines_per_scenario_with_legend() {
        let chart = Projection {
            title: "Revenue".into(),
            x_label: "Years".into(),
            y_label: "Revenue per year".into(),
            existing_label: "existing".into(),
            total_label: "total".into(),
            scenarios: vec![
                ScenarioSeries {
                    name: "Baseline".into(),
                    existing: vec![100.0, 84.0, 70.6],
                    total: vec![100.0, 104.0, 107.0],
                },
                ScenarioSeries {
                    name: "Plan <A>".into(),
                    existing: vec![100.0, 95.0, 90.0],
                    total: vec![100.0, 115.0, 128.0],
                },
            ],
        };
        let svg = draw(&chart, &|v| format!("{v:.0}")).unwrap();
        for text in [
            "Revenue",
            "Years",
            "Revenue per year",
            "Baseline · existing",
            "Plan &lt;A&gt; · total",
        ] {
            assert!(svg.contains(text), "{text}");
        }
    }
}
