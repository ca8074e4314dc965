//! The SVG backend every chart draws on: plotters' `SVGBackend` with text sizes estimated from
//! the characters instead of measured.
//!
//! Why: in wasm plotters measures each label by appending a `<span>` to the page and reading its
//! size, which forces a layout of the whole document per label; with a few dozen labels per chart
//! that alone cost more than a frame while a slider moves. The SVG itself never needs the sizes
//! (text is anchored with `text-anchor`), only the placement of axis labels does, and an estimate
//! within a few pixels is enough for that. It also makes native and wasm output identical.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend, WHITE};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use super::ChartError;

/// Width of `text` in em, from coarse per-character classes of a proportional sans-serif face.
pub fn text_width_em(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            // CJK, full-width forms and other wide scripts: one em.
            c if (c as u32) >= 0x2E80 => 1.0,
            ' ' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'i' | 'j' | 'l' | 'I' => 0.28,
            '(' | ')' | '[' | ']' | '-' | 'f' | 'r' | 't' => 0.36,
            '0'..='9' | '$' | '¥' | '€' | '+' | '=' | '<' | '>' | '~' => 0.56,
            'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.86,
            'A'..='Z' => 0.66,
            _ => 0.52,
        })
        .sum()
}

/// `(width, height)` in pixels that plotters expects for `text` drawn at font `size`.
/// plotters' SVG writes `font-size = size / 1.24`, so the estimate uses the same em.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let em = size / 1.24;
    let lines = text.split('\n').count().max(1) as f64;
    let width = text.split('\n').map(text_width_em).fold(0.0_f64, f64::max);
    ((width * em).ceil() as u32, (lines * size).ceil() as u32)
}

/// `SVGBackend` writing into a string, with estimated text sizes.
pub struct Canvas<'a>(SVGBackend<'a>);

impl<'a> Canvas<'a> {
    pub fn new(buffer: &'a mut String, size: (u32, u32)) -> Self {
        Canvas(SVGBackend::with_string(buffer, size))
    }
}

/// A white canvas of `size` handed to `draw`, and the SVG markup it leaves: the start and end
/// every chart shares.
///
/// # Errors
/// The first error of `draw`, or a plotters drawing error.
pub(super) fn render(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<Canvas<'_>, Shift>) -> std::result::Result<(), ChartError>,
) -> std::result::Result<String, ChartError> {
    let mut svg = String::new();
    {
        // The backend borrows the string until it is dropped at the end of this block.
        let root = Canvas::new(&mut svg, size).into_drawing_area();
        root.fill(&WHITE).map_err(ChartError::from_plotters)?;
        draw(&root)?;
        root.present().map_err(ChartError::from_plotters)?;
    }
    Ok(svg)
}

type Result<E> = std::result::Result<(), DrawingErrorKind<E>>;

impl DrawingBackend for Canvas<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<Self::ErrorType> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<Self::ErrorType> {
        self.0.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<Self::ErrorType> {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<Self::ErrorType> {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<Self::ErrorType> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<Self::ErrorType> {
        self.0.draw_path(path, style)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<Self::ErrorType> {
        self.0.fill_polygon(vert, style)
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<Self::ErrorType> {
        self.0.draw_circle(center, radius, style, fill)
    }
    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<Self::ErrorType> {
        self.0.draw_text(text, style, pos)
    }
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(text_size(text, style.size()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_wider_than_digits_and_grows_with_size() {
        let (digits, _) = text_size("1234", 20.0);
        let (hanzi, _) = text_size("留存实验", 20.0);
        assert!(hanzi > digits, "{hanzi} vs {digits}");
        assert!(text_size("1234", 40.0).0.abs_diff(2 * digits) <= 1);
    }

    #[test]
    fn lines_add_height_and_the_widest_line_sets_width() {
        let (w1, h1) = text_size("NDR", 20.0);
        let (w2, h2) = text_size("NDR\nN", 20.0);
        assert_eq!(w1, w2);
        assert_eq!(h2, 2 * h1);
    }
}
