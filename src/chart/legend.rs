//! A legend box drawn from an explicit list of entries.
//!
//! plotters' own series labels size their text through the font directly rather than through
//! the backend, which in wasm means one forced page layout per entry (see `canvas`); this one
//! sizes with the same estimate as the axes.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{text_size, Canvas};
use super::{palette, ChartError, FONT};

/// How an entry's series looks, drawn in front of its label.
#[derive(Debug, Clone, Copy)]
pub enum Swatch {
    Line(RGBAColor, u32),
    /// A short stroke: dashed or dotted series.
    Dash(RGBAColor, u32),
    Dot(RGBAColor),
    /// A thin line with a marker: series drawn with a point each period.
    Marked(RGBAColor),
    Block(RGBAColor),
}

/// Which corner of the plotting area the box sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corner {
    UpperLeft,
    UpperRight,
    LowerRight,
}

#[derive(Debug, Default)]
pub struct Legend {
    entries: Vec<(String, Swatch)>,
}

const SWATCH_WIDTH: i32 = 26;
const PADDING: i32 = 10;

impl Legend {
    pub fn push(&mut self, label: impl Into<String>, swatch: Swatch) {
        self.entries.push((label.into(), swatch));
    }

    /// Draws the box inside `area` (the plotting area of a chart).
    ///
    /// # Errors
    /// A plotters drawing error.
    pub fn draw(
        &self,
        area: &DrawingArea<Canvas<'_>, Shift>,
        corner: Corner,
        font_size: u32,
    ) -> Result<(), ChartError> {
        if self.entries.is_empty() {
            return Ok(());
        }
        let row = font_size as i32 + 8;
        let text_width = self
            .entries
            .iter()
            .map(|(label, _)| text_size(label, f64::from(font_size)).0 as i32)
            .max()
            .unwrap_or(0);
        let width = PADDING * 3 + SWATCH_WIDTH + text_width;
        let height = PADDING * 2 + row * self.entries.len() as i32;
        let (area_w, area_h) = area.dim_in_pixel();
        let (area_w, area_h) = (area_w as i32, area_h as i32);
        let x0 = match corner {
            Corner::UpperLeft => PADDING,
            Corner::UpperRight | Corner::LowerRight => area_w - width - PADDING,
        };
        let y0 = match corner {
            Corner::UpperLeft | Corner::UpperRight => PADDING,
            Corner::LowerRight => area_h - height - PADDING,
        };
        let frame = [(x0, y0), (x0 + width, y0 + height)];
        area.draw(&Rectangle::new(frame, WHITE.mix(0.9).filled()))
            .and_then(|()| area.draw(&Rectangle::new(frame, palette::GRID)))
            .map_err(ChartError::from_plotters)?;
        let font = (FONT, font_size).into_font().color(&palette::INK);
        for (i, (label, swatch)) in self.entries.iter().enumerate() {
            let y = y0 + PADDING + row * i as i32 + row / 2;
            let x = x0 + PADDING;
            let stroke = |to: i32, colour: RGBAColor, width: u32| {
                area.draw(&PathElement::new(
                    vec![(x, y), (x + to, y)],
                    colour.stroke_width(width),
                ))
            };
            match *swatch {
                Swatch::Line(colour, width) => stroke(SWATCH_WIDTH, colour, width),
                Swatch::Dash(colour, width) => stroke(11, colour, width),
                Swatch::Dot(colour) => area.draw(&Circle::new((x + 12, y), 3, colour.filled())),
                Swatch::Marked(colour) => stroke(SWATCH_WIDTH, colour, 2)
                    .and_then(|()| area.draw(&Circle::new((x + 13, y), 4, colour.filled()))),
                Swatch::Block(colour) => area.draw(&Rectangle::new(
                    [(x + 4, y - 7), (x + 22, y + 7)],
                    colour.filled(),
                )),
            }
            .map_err(ChartError::from_plotters)?;
            let anchor = font.clone().pos(Pos::new(HPos::Left, VPos::Center));
            area.draw_text(label, &anchor, (x + SWATCH_WIDTH + PADDING, y))
                .map_err(ChartError::from_plotters)?;
        }
        Ok(())
    }
}
