//! Stacked bars: one bar per category, split into series stacked from 0, each series in its
//! own colour with a legend entry, and optional horizontal marks (a benchmark, 0.5 for an
//! AUC). CSM books by health band, next year's revenue by source, the north-star finder.

use plotters::prelude::*;

use super::frame::{Axis, Figure, Frame};
use super::legend::{Corner, Swatch};
use super::{nice_ceiling, palette, ChartError};

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub colour: RGBColor,
    /// One value per category, ≥ 0.
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StackedBars {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Horizontal lines across the plot, with their legend names.
    pub marks: Vec<(f64, String)>,
    /// The value axis's top; `None` picks one above the tallest bar.
    pub y_max: Option<f64>,
}

/// # Errors
/// A negative or non-finite value or mark, or a plotters drawing error.
pub fn draw(
    chart: &StackedBars,
    format_value: &dyn Fn(f64) -> String,
) -> Result<String, ChartError> {
    let values = || chart.series.iter().flat_map(|s| s.values.iter().copied());
    let marks = || chart.marks.iter().map(|m| m.0);
    if values().chain(marks()).any(|v| !v.is_finite() || v < 0.0) {
        return Err(ChartError(
            "stacked bars: a value is negative or not finite".into(),
        ));
    }
    let totals: Vec<f64> = (0..chart.categories.len())
        .map(|i| chart.series.iter().filter_map(|s| s.values.get(i)).sum())
        .collect();
    let top = totals
        .iter()
        .copied()
        .chain(marks())
        .fold(0.0_f64, f64::max);
    let y_max = chart
        .y_max
        .filter(|m| m.is_finite() && *m > 0.0)
        // Headroom above the tallest bar for the legend in the upper right.
        .unwrap_or_else(|| nice_ceiling((top * 1.4).max(f64::MIN_POSITIVE)));
    let figure = Figure {
        frame: Frame {
            x_labels: 44,
            ..Frame::COMPACT
        },
        title: &chart.title,
        x: Axis::categories(chart.categories.clone()).titled(&chart.x_label),
        y: Axis::values(0.0..y_max, |v| format_value(*v)).titled(&chart.y_label),
        legend: Some((Corner::UpperRight, 16)),
    };
    figure.draw(|plot, legend| {
        let mut base = vec![0.0; chart.categories.len()];
        for series in &chart.series {
            let style = series.colour.filled();
            let bars =
                series
                    .values
                    .iter()
                    .zip(base.iter_mut())
                    .enumerate()
                    .map(|(i, (&v, below))| {
                        let x = i as f64;
                        let bar = Rectangle::new([(x - 0.3, *below), (x + 0.3, *below + v)], style);
                        *below += v;
                        bar
                    });
            plot.draw_series(bars.collect::<Vec<_>>())?;
            legend.push(&series.name, Swatch::Block(series.colour.to_rgba()));
        }
        let n = chart.categories.len().max(1) as f64;
        for (value, name) in &chart.marks {
            let line = PathElement::new(
                vec![(-0.5, *value), (n - 0.5, *value)],
                palette::INK.stroke_width(2),
            );
            plot.draw_series(std::iter::once(line))?;
            legend.push(name, Swatch::Marked(palette::INK.to_rgba()));
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> StackedBars {
        StackedBars {
            title: "Revenue by source".into(),
            x_label: "Year".into(),
            y_label: "Revenue (¥)".into(),
            categories: vec!["Y1".into(), "Y2".into()],
            series: vec![
                Series {
                    name: "Renewals".into(),
                    colour: palette::BLUE,
                    values: vec![80.0, 90.0],
                },
                Series {
                    name: "New business".into(),
                    colour: palette::ORANGE,
                    values: vec![20.0, 25.0],
                },
            ],
            marks: vec![(50.0, "50 % mark".into())],
            y_max: None,
        }
    }

    #[test]
    fn every_series_is_stacked_and_named() {
        let svg = draw(&chart(), &|v| format!("{v:.0}")).expect("valid chart");
        for text in [
            "Revenue by source",
            "Year",
            "Revenue (¥)",
            "Y1",
            "Y2",
            "Renewals",
            "New business",
            "50 % mark",
        ] {
            assert!(svg.contains(text), "{text}");
        }
        // Background, four bars, two legend blocks.
        assert!(svg.matches("<rect").count() >= 7, "{svg}");
    }

    #[test]
    fn a_negative_or_non_finite_value_is_refused() {
        let mut bad = chart();
        bad.series[0].values[1] = -1.0;
        assert!(draw(&bad, &|v| v.to_string()).is_err());
        let mut bad = chart();
        bad.marks[0].0 = f64::NAN;
        assert!(draw(&bad, &|v| v.to_string()).is_err());
    }

    #[test]
    fn an_empty_chart_still_draws_its_frame() {
        let empty = StackedBars {
            categories: Vec::new(),
            series: Vec::new(),
            marks: Vec::new(),
            ..chart()
        };
        assert!(draw(&empty, &|v| v.to_string()).is_ok());
    }
}
