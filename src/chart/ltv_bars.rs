//! The four LTVs of each scenario as grouped bars, to see how the methods disagree.

use plotters::prelude::*;

use super::frame::{Axis, Figure, Frame};
use super::legend::{Corner, Swatch};
use super::{nice_ceiling, palette, ChartError, FONT};
use plotters::style::text_anchor::{HPos, Pos, VPos};

#[derive(Debug, Clone, PartialEq)]
pub struct LtvGroup {
    pub scenario: String,
    /// Simple, discounted, one churn rate, sBG; `None` where undefined (drawn as "—", no bar).
    pub values: [Option<f64>; 4],
}

#[derive(Debug, Clone, PartialEq)]
pub struct LtvBars {
    pub title: String,
    pub y_label: String,
    /// Names of the four methods, for the legend.
    pub methods: [String; 4],
    pub groups: Vec<LtvGroup>,
}

/// # Errors
/// A non-finite value or a plotters drawing error.
pub fn draw(chart: &LtvBars, format_value: &dyn Fn(f64) -> String) -> Result<String, ChartError> {
    let defined = || chart.groups.iter().flat_map(|g| g.values).flatten();
    if defined().any(|v| !v.is_finite()) {
        return Err(ChartError("LTV bars: a value is not finite".into()));
    }
    let top = defined().fold(0.0_f64, f64::max);
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
        // One churn rate (orange) sits next to sBG (green): the pair that differs only by
        // heterogeneity.
        let colours = [
            palette::GRID,
            palette::BLUE,
            palette::ORANGE,
            palette::GREEN,
        ];
        for (m, (method, colour)) in chart.methods.iter().zip(colours).enumerate() {
            let style = colour.filled();
            let offset = (m as f64 - 1.5) * 0.2;
            // An undefined value (simple LTV without churn) has no bar, only "—" at its place.
            for (i, g) in chart.groups.iter().enumerate() {
                let x = i as f64 + offset;
                match g.values[m] {
                    Some(v) => {
                        plot.draw_series(std::iter::once(Rectangle::new(
                            [(x - 0.09, 0.0), (x + 0.09, v)],
                            style,
                        )))?;
                    }
                    None => {
                        let dash = (FONT, 18)
                            .into_font()
                            .color(&palette::INK)
                            .pos(Pos::new(HPos::Center, VPos::Bottom));
                        plot.draw_series(std::iter::once(Text::new("—", (x, 0.0), dash)))?;
                    }
                }
            }
            legend.push(method, Swatch::Block(colour.to_rgba()));
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_bars_per_scenario_and_a_legend() {
        let chart = LtvBars {
            title: "LTV four ways".into(),
            y_label: "LTV ($)".into(),
            methods: [
                "simple".into(),
                "discounted".into(),
                "one churn rate".into(),
                "sBG".into(),
            ],
            groups: vec![
                LtvGroup {
                    scenario: "Baseline".into(),
                    values: [Some(40.0), Some(30.0), Some(28.0), Some(45.0)],
                },
                LtvGroup {
                    scenario: "Plan".into(),
                    values: [None, Some(36.0), Some(33.0), Some(50.0)],
                },
            ],
        };
        let svg = draw(&chart, &|v| format!("{v:.0}")).unwrap();
        for text in [
            "LTV four ways",
            "LTV ($)",
            "Baseline",
            "Plan",
            "simple",
            "discounted",
            "one churn rate",
            "sBG",
        ] {
            assert!(svg.contains(text), "{text}");
        }
        // Background, seven bars (the undefined one is "—"), four legend swatches.
        assert!(svg.matches("<rect").count() >= 1 + 7 + 4);
        assert!(svg.contains("—"), "the undefined bar is marked");
    }
}
