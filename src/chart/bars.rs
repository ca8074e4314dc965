//! One bar per category, each in its own colour: ARR by health band, the score distribution.

use plotters::prelude::*;

use super::frame::{Axis, Figure, Frame};
use super::ChartError;

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub colour: RGBColor,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub bars: Vec<Bar>,
}

/// # Errors
/// A negative or non-finite value, or a plotters drawing error.
pub fn draw(chart: &Bars, format_value: &dyn Fn(f64) -> String) -> Result<String, ChartError> {
    if chart
        .bars
        .iter()
        .any(|b| !b.value.is_finite() || b.value < 0.0)
    {
        return Err(ChartError("bars: a value is negative or not finite".into()));
    }
    let top = chart.bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let y_max = if top > 0.0 { top * 1.12 } else { 1.0 };
    let labels = chart.bars.iter().map(|b| b.label.clone()).collect();
    let figure = Figure {
        frame: Frame {
            size: (640, 420),
            ..Frame::COMPACT
        },
        title: &chart.title,
        x: Axis::categories(labels).titled(&chart.x_label),
        y: Axis::values(0.0..y_max, |v| format_value(*v)).titled(&chart.y_label),
        legend: None,
    };
    figure.draw(|plot, _| {
        let width = if chart.bars.len() > 5 { 0.42 } else { 0.3 };
        plot.draw_series(chart.bars.iter().enumerate().map(|(i, b)| {
            let x = i as f64;
            Rectangle::new([(x - width, 0.0), (x + width, b.value)], b.colour.filled())
        }))?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::palette;

    #[test]
    fn draws_titled_labelled_bars_and_refuses_negative_values() {
        let mut chart = Bars {
            title: "ARR by band".into(),
            x_label: "Band".into(),
            y_label: "ARR ($)".into(),
            bars: vec![
                Bar {
                    label: "Red".into(),
                    value: 10.0,
                    colour: palette::VERMILLION,
                },
                Bar {
                    label: "Green".into(),
                    value: 30.0,
                    colour: palette::BLUE,
                },
            ],
        };
        let svg = draw(&chart, &|v| format!("{v:.0}")).unwrap();
        for text in ["ARR by band", "Band", "ARR ($)", "Red", "Green"] {
            assert!(svg.contains(text), "{text}");
        }
        chart.bars[0].value = -1.0;
        assert!(draw(&chart, &|v| format!("{v:.0}")).is_err());
    }
}
