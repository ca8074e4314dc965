//! The three LTVs of each scenario as grouped bars, to see how the methods disagree.

use plotters::prelude::*;

use super::frame::{Axis, Figure, Frame};
use super::legend::{Corner, Swatch};
use super::{nice_ceiling, palette, ChartError};

#[derive(Debug, Clone, PartialEq)]
pub struct LtvGroup {
    pub scenario: String,
    /// Simple, discounted, sBG.
    pub values: [f64; 3],
}

#[derive(Debug, Clone, PartialEq)]
pub struct LtvBars {
    pub title: String,
    pub y_label: String,
    /// Names of the three methods, for the legend.
    pub methods: [String; 3],
    pub groups: Vec<LtvGroup>,
}

/// # Errors
/// A non-finite value or a plotters drawing error.
pub fn draw(chart: &LtvBars, format_value: &dyn Fn(f64) -> String) -> Result<String, ChartError> {
    if chart
        .groups
        .iter()
        .flat_map(|g| g.values)
        .any(|v| !v.is_finite())
    {
        return Err(ChartError("LTV bars: a value is not finite".into()));
    }
    let top = chart
        .groups
        .iter()
        .flat_map(|g| g.values)
        .fold(0.0_f64, f64::max);
    // Room above the tallest bar for its value label.
    let y_max = nice_ceiling(top * 1.12);
    let scenarios = chart.groups.iter().map(|g| g.scenario.clone()).collect();
    let figure = Figure {
        frame: Frame {
            x_labels: 44,
            ..Frame::COMPACT
        },
        title: &chart.title,
        x: Axis::categories(scenarios),
        y: Axis::values(0.0..y_max, |v| format_value(*v)).titled(&chart.y_label),
        legend: Some((Corner::UpperLeft, 16)),
    };
    figure.draw(|plot, legend| {
        let colours = [palette::GRID, palette::BLUE, palette::GREEN];
        for (m, (method, colour)) in chart.methods.iter().zip(colours).enumerate() {
            let style = colour.filled();
            let offset = (m as f64 - 1.0) * 0.26;
            plot.draw_series(chart.groups.iter().enumerate().map(|(i, g)| {
                let x = i as f64 + offset;
                Rectangle::new([(x - 0.12, 0.0), (x + 0.12, g.values[m])], style)
            }))?;
            legend.push(method, Swatch::Block(colour.to_rgba()));
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_bars_per_scenario_and_a_legend() {
        let chart = LtvBars {
            title: "LTV three ways".into(),
            y_label: "LTV ($)".into(),
            methods: ["simple".into(), "discounted".into(), "sBG".into()],
            groups: vec![
                LtvGroup {
                    scenario: "Baseline".into(),
                    values: [40.0, 30.0, 45.0],
                },
                LtvGroup {
                    scenario: "Plan".into(),
                    values: [48.0, 36.0, 50.0],
                },
            ],
        };
        let svg = draw(&chart, &|v| format!("{v:.0}")).unwrap();
        for text in [
            "LTV three ways",
            "LTV ($)",
            "Baseline",
            "Plan",
            "simple",
            "discounted",
            "sBG",
        ] {
            assert!(svg.contains(text), "{text}");
        }
        assert!(svg.matches("<rect").count() >= 1 + 6 + 3);
    }
}
