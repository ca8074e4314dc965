//! Kaplan–Meier retention by months paid: the step curve Ŝ(t) inside its shaded 90 % band,
//! with the number of customers still at risk written along the bottom (how survival plots
//! show how much data each part of the curve rests on).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frame::{Axis, Figure, Frame};
use super::legend::{Corner, Swatch};
use super::{palette, ChartError, FONT};

/// Everything the chart shows, already in the UI language.
#[derive(Debug, Clone, PartialEq)]
pub struct KmCurve {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub curve_label: String,
    pub band_label: String,
    /// "n at risk", the legend of the counts along the bottom.
    pub at_risk_label: String,
    /// Month t = 1, 2, …: (Ŝ(t), low, high, the number at risk at t as written).
    pub rows: Vec<(f64, f64, f64, String)>,
}

/// The step path of `value` by month: Ŝ is 1 from 0 until the first month's events, then
/// holds each value from month t to t + 1.
fn steps(
    rows: &[(f64, f64, f64, String)],
    value: impl Fn(&(f64, f64, f64, String)) -> f64,
) -> Vec<(f64, f64)> {
    let mut path = vec![(0.0, 100.0)];
    let mut previous = 100.0;
    for (i, row) in rows.iter().enumerate() {
        let t = (i + 1) as f64;
        let v = value(row) * 100.0;
        path.push((t, previous));
        path.push((t, v));
        previous = v;
    }
    path.push((rows.len() as f64 + 0.5, previous));
    path
}

/// Draws the curve; y is in percent.
///
/// # Errors
/// A plotters drawing error.
pub fn draw(chart: &KmCurve) -> Result<String, ChartError> {
    let months = chart.rows.len().max(1) as f64;
    let figure = Figure {
        frame: Frame {
            size: (900, 480),
            y_labels: 72,
            ..Frame::WIDE
        },
        title: &chart.title,
        x: Axis::values(0.0..months + 0.5, |v| format!("{v:.0}")).titled(&chart.x_label),
        y: Axis::values(0.0..105.0, |v| format!("{v:.0}%")).titled(&chart.y_label),
        legend: Some((Corner::UpperRight, 18)),
    };
    figure.draw(|plot, legend| {
        let mut band = steps(&chart.rows, |r| r.2);
        band.extend(steps(&chart.rows, |r| r.1).into_iter().rev());
        if band.iter().all(|(_, v)| v.is_finite()) {
            let shade = palette::BLUE.mix(0.18);
            plot.draw_series(std::iter::once(Polygon::new(band, shade.filled())))?;
            legend.push(&chart.band_label, Swatch::Block(shade));
        }
        let line = steps(&chart.rows, |r| r.0);
        plot.draw_series(LineSeries::new(line, palette::BLUE.stroke_width(3)))?;
        legend.push(&chart.curve_label, Swatch::Line(palette::BLUE.to_rgba(), 3));
        // About eight counts along the bottom, at round months.
        let every = (chart.rows.len() / 8).max(1);
        let style = (FONT, 15)
            .into_font()
            .color(&palette::INK)
            .pos(Pos::new(HPos::Center, VPos::Bottom));
        for (i, row) in chart
            .rows
            .iter()
            .enumerate()
            .filter(|(i, _)| (i + 1) % every == 0 || *i == 0)
        {
            plot.draw_series(std::iter::once(Text::new(
                row.3.clone(),
                ((i + 1) as f64, 2.0),
                style.clone(),
            )))?;
        }
        legend.push(&chart.at_risk_label, Swatch::Dot(palette::INK.to_rgba()));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_the_steps_the_band_and_the_counts() {
        let chart = KmCurve {
            title: "Kaplan–Meier".into(),
            x_label: "Months paid".into(),
            y_label: "Retained (%)".into(),
            curve_label: "Ŝ(t)".into(),
            band_label: "90 % band".into(),
            at_risk_label: "Numbers: customers at risk".into(),
            rows: vec![
                (0.9, 0.85, 0.94, "200".into()),
                (0.8, 0.74, 0.85, "150".into()),
                (0.8, 0.74, 0.85, "120".into()),
            ],
        };
        let svg = draw(&chart).unwrap();
        for text in [
            "Kaplan–Meier",
            "Months paid",
            "Retained (%)",
            "90 % band",
            "200",
            "150",
            "120",
        ] {
            assert!(svg.contains(text), "{text} missing");
        }
        assert_eq!(svg.matches("<polygon").count(), 1);
    }

    #[test]
    fn a_step_holds_its_value_until_the_next_month() {
        let rows = [
            (0.9, 0.0, 0.0, String::new()),
            (0.5, 0.0, 0.0, String::new()),
        ];
        let path = steps(&rows, |r| r.0);
        assert_eq!(
            path,
            [
                (0.0, 100.0),
                (1.0, 100.0),
                (1.0, 90.0),
                (2.0, 90.0),
                (2.0, 50.0),
                (2.5, 50.0)
            ]
        );
    }
}
