//! The three LTVs of each scenario as grouped bars, to see how the methods disagree.

use plotters::prelude::*;

use super::canvas::Canvas;
use super::legend::{Corner, Legend, Swatch};

use super::{
    category_index, draw_axes, framed, nice_ceiling, palette, Axes, ChartError, Frame, Grid,
    DEFAULT_TICKS,
};

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

const SIZE: (u32, u32) = (640, 460);

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
    let n = chart.groups.len().max(1);
    let mut svg = String::new();
    {
        let root = Canvas::new(&mut svg, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(ChartError::from_plotters)?;
        let mut plot = framed(
            &root,
            &chart.title,
            Frame {
                title: 26,
                margin: 14,
                x_labels: 44,
                y_labels: 90,
            },
            -0.5..(n as f64 - 0.5),
            0.0..y_max,
        )?;
        let label_of = |x: &f64| {
            category_index(*x)
                .and_then(|i| chart.groups.get(i))
                .map(|g| g.scenario.clone())
                .unwrap_or_default()
        };
        draw_axes(
            &mut plot,
            &Axes {
                x_ticks: n,
                y_ticks: DEFAULT_TICKS,
                x_format: &label_of,
                y_format: &|v| format_value(*v),
                x_desc: "",
                y_desc: &chart.y_label,
                grid: Grid::Horizontal,
                label_size: 16,
                desc_size: 19,
            },
        )?;
        let mut legend = Legend::default();
        let colours = [palette::GRID, palette::BLUE, palette::GREEN];
        for (m, (method, colour)) in chart.methods.iter().zip(colours).enumerate() {
            let style = colour.filled();
            let offset = (m as f64 - 1.0) * 0.26;
            plot.draw_series(chart.groups.iter().enumerate().map(|(i, g)| {
                let x = i as f64 + offset;
                Rectangle::new([(x - 0.12, 0.0), (x + 0.12, g.values[m])], style)
            }))
            .map_err(ChartError::from_plotters)?;
            legend.push(method, Swatch::Block(colour.to_rgba()));
        }
        legend.draw(
            &plot.plotting_area().strip_coord_spec(),
            Corner::UpperLeft,
            16,
        )?;
        root.present().map_err(ChartError::from_plotters)?;
    }
    Ok(svg)
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
