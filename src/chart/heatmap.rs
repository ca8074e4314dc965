//! The retention triangle as a picture, for export: a row per cohort, a column per period,
//! each cell coloured on the same scale as the page's heat-map ([`cell_colour`]), whole
//! percents written in cells large enough to read, and a colour key. The page itself shows the
//! triangle as an HTML table (sortable text, tooltips); this is drawn only when exported.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{self, Canvas};
use super::{palette, ChartError, FONT};

/// One cohort's row: its label and each period's retention (`None`: not observed yet).
#[derive(Debug, Clone, PartialEq)]
pub struct HeatRow {
    pub label: String,
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// Texts of the colour key: low end, high end, above 100 %.
    pub key: [String; 3],
    pub rows: Vec<HeatRow>,
}

/// Background and text colour of a retention fraction: ColorBrewer "Blues" from 0 to 100 %,
/// greens above (revenue expansion). The text is black or white, whichever contrasts more with
/// the fill: one of the two always reaches at least 4.58:1 (WCAG 1.4.3 asks 4.5:1), while the
/// app's dark grey ink falls to 3.8:1 on the mid blues.
pub fn cell_colour(value: f64) -> (RGBColor, RGBColor) {
    let fill = if value > 1.0 {
        let t = ((value - 1.0) / 0.5).clamp(0.0, 1.0);
        mix((0xc7, 0xe9, 0xc0), (0x00, 0x6d, 0x2c), t)
    } else {
        mix(
            (0xf7, 0xfb, 0xff),
            (0x08, 0x30, 0x6b),
            value.clamp(0.0, 1.0),
        )
    };
    let (white, black) = (RGBColor(0xff, 0xff, 0xff), RGBColor(0, 0, 0));
    let ink = if contrast(fill, white) >= contrast(fill, black) {
        white
    } else {
        black
    };
    (fill, ink)
}

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance(c: RGBColor) -> f64 {
    let linear = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

/// WCAG 2 contrast ratio of two colours, 1 to 21.
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn mix(from: (u8, u8, u8), to: (u8, u8, u8), t: f64) -> RGBColor {
    let channel = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    RGBColor(
        channel(from.0, to.0),
        channel(from.1, to.1),
        channel(from.2, to.2),
    )
}

const WIDTH: u32 = 1000;
const LEFT: i32 = 110;
const TOP: i32 = 70;
const RIGHT: i32 = 20;
const BOTTOM: i32 = 96;

/// # Errors
/// No cohort, or a plotters drawing error.
pub fn draw(chart: &Heatmap) -> Result<String, ChartError> {
    let periods = chart.rows.iter().map(|r| r.values.len()).max().unwrap_or(0);
    if chart.rows.is_empty() || periods == 0 {
        return Err(ChartError("heatmap: no cohort to draw".into()));
    }
    let cell_w = (f64::from(WIDTH) - f64::from(LEFT + RIGHT)) / periods as f64;
    // Rows at most 28 px and at least 8 px high.
    let cell_h = (560.0 / chart.rows.len() as f64).clamp(8.0, 28.0);
    let height = (f64::from(TOP + BOTTOM) + cell_h * chart.rows.len() as f64).ceil() as u32;
    canvas::render((WIDTH, height), |root| {
        let err = ChartError::from_plotters;
        let centred = Pos::new(HPos::Center, VPos::Center);
        let text =
            |size: u32, colour: &RGBColor| (FONT, size).into_font().color(colour).pos(centred);
        root.draw_text(
            &chart.title,
            &text(30, &palette::INK),
            (WIDTH as i32 / 2, 28),
        )
        .map_err(err)?;
        let show_values = cell_w >= 26.0 && cell_h >= 16.0;
        let label_every = (14.0 / cell_h).ceil().max(1.0) as usize;
        for (r, row) in chart.rows.iter().enumerate() {
            let y0 = TOP + (r as f64 * cell_h) as i32;
            let y1 = TOP + ((r + 1) as f64 * cell_h) as i32;
            if r % label_every == 0 {
                let right = Pos::new(HPos::Right, VPos::Center);
                let style = (FONT, 16).into_font().color(&palette::INK).pos(right);
                root.draw_text(&row.label, &style, (LEFT - 8, (y0 + y1) / 2))
                    .map_err(err)?;
            }
            for (p, value) in row.values.iter().enumerate() {
                let Some(value) = value.filter(|v| v.is_finite()) else {
                    continue;
                };
                let x0 = LEFT + (p as f64 * cell_w) as i32;
                let x1 = LEFT + ((p + 1) as f64 * cell_w) as i32;
                let (fill, ink) = cell_colour(value);
                root.draw(&Rectangle::new([(x0, y0), (x1, y1)], fill.filled()))
                    .map_err(err)?;
                if show_values {
                    let label = format!("{:.0}", value * 100.0);
                    root.draw_text(&label, &text(14, &ink), ((x0 + x1) / 2, (y0 + y1) / 2))
                        .map_err(err)?;
                }
            }
        }
        let grid_bottom = TOP + (chart.rows.len() as f64 * cell_h) as i32;
        let tick_every = (periods as f64 / 12.0).ceil().max(1.0) as usize;
        for p in (0..periods).step_by(tick_every) {
            let x = LEFT + ((p as f64 + 0.5) * cell_w) as i32;
            root.draw_text(
                &p.to_string(),
                &text(16, &palette::INK),
                (x, grid_bottom + 12),
            )
            .map_err(err)?;
        }
        let mid_x = (LEFT + WIDTH as i32 - RIGHT) / 2;
        root.draw_text(
            &chart.x_label,
            &text(19, &palette::INK),
            (mid_x, grid_bottom + 36),
        )
        .map_err(err)?;
        let y_label = text(19, &palette::INK).transform(FontTransform::Rotate270);
        root.draw_text(&chart.y_label, &y_label, (18, (TOP + grid_bottom) / 2))
            .map_err(err)?;
        draw_key(root, &chart.key, grid_bottom + 62)
    })
}

/// The colour key: ten steps from 0 to 100 %, then the above-100 % green.
fn draw_key(
    root: &DrawingArea<Canvas<'_>, plotters::coord::Shift>,
    key: &[String; 3],
    y: i32,
) -> Result<(), ChartError> {
    let err = ChartError::from_plotters;
    let left_text = Pos::new(HPos::Right, VPos::Center);
    let right_text = Pos::new(HPos::Left, VPos::Center);
    let style = |pos| (FONT, 16).into_font().color(&palette::INK).pos(pos);
    let x = LEFT + 40;
    root.draw_text(&key[0], &style(left_text), (x - 6, y))
        .map_err(err)?;
    for step in 0..10 {
        let (fill, _) = cell_colour(f64::from(step) / 9.0);
        let x0 = x + step * 18;
        root.draw(&Rectangle::new(
            [(x0, y - 8), (x0 + 18, y + 8)],
            fill.filled(),
        ))
        .map_err(err)?;
    }
    root.draw_text(&key[1], &style(right_text), (x + 186, y))
        .map_err(err)?;
    let (green, _) = cell_colour(1.3);
    let x_green = x + 250;
    root.draw(&Rectangle::new(
        [(x_green, y - 8), (x_green + 18, y + 8)],
        green.filled(),
    ))
    .map_err(err)?;
    root.draw_text(&key[2], &style(right_text), (x_green + 24, y))
        .map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn triangle(cohorts: usize) -> Heatmap {
        Heatmap {
            title: "Retention triangle".into(),
            x_label: "Months since start".into(),
            y_label: "Cohort".into(),
            key: ["0%".into(), "100%".into(), "above 100%".into()],
            rows: (0..cohorts)
                .map(|c| HeatRow {
                    label: format!("2024-{:02}", c + 1),
                    values: (0..cohorts - c)
                        .map(|p| Some(1.0 - 0.05 * p as f64))
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn small_triangles_write_their_values_and_every_text() {
        let svg = draw(&triangle(6)).unwrap();
        for text in [
            "Retention triangle",
            "Months since start",
            "Cohort",
            "2024-01",
            "above 100%",
        ] {
            assert!(svg.contains(text), "{text}");
        }
        // 6 + 5 + … + 1 cells, each with its whole percent; the first column is 100.
        assert_eq!(svg.matches(">\n100\n</text>").count(), 6);
    }

    #[test]
    fn large_triangles_stay_inside_a_readable_size() {
        let svg = draw(&triangle(36)).unwrap();
        let (w, h) = crate::chart::export::svg_size(&svg).unwrap();
        assert_eq!(w, WIDTH);
        assert!(h <= 800, "{h}");
        assert!(
            !svg.contains(">\n95\n</text>"),
            "cells too small for text carry none"
        );
        assert!(draw(&Heatmap {
            rows: vec![],
            ..triangle(1)
        })
        .is_err());
    }

    #[test]
    fn colours_darken_with_retention_and_turn_green_above_100() {
        let (low, _) = cell_colour(0.1);
        let (high, white) = cell_colour(0.9);
        assert!(u32::from(high.0) + u32::from(high.1) < u32::from(low.0) + u32::from(low.1));
        assert_eq!(white, RGBColor(0xff, 0xff, 0xff));
        let (green, _) = cell_colour(1.4);
        assert!(green.1 > green.0 && green.1 > green.2);
    }

    #[test]
    fn contrast_ratios_of_known_pairs() {
        // WCAG's own extremes and a published pair: #767676 on white is 4.54:1.
        let white = RGBColor(0xff, 0xff, 0xff);
        assert!((contrast(RGBColor(0, 0, 0), white) - 21.0).abs() < 1e-9);
        assert!((contrast(RGBColor(0x76, 0x76, 0x76), white) - 4.54).abs() < 0.01);
        assert_eq!(contrast(white, white), 1.0);
    }

    #[test]
    fn every_cells_text_reads_against_its_fill() {
        for step in 0..=150 {
            let (fill, ink) = cell_colour(f64::from(step) / 100.0);
            let ratio = contrast(fill, ink);
            assert!(ratio >= 4.5, "{step} %: {ratio:.2}");
        }
    }
}
