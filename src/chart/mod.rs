//! Charts as SVG strings: one module per chart, data in, `Result<String, ChartError>` out.
//!
//! plotters' `SVGBackend` writes the markup and escapes `< > & " '` in every text it draws, so
//! labels that come from imported files cannot inject markup. Every chart draws on
//! [`canvas::Canvas`], which estimates text sizes instead of measuring them in the page, so the
//! SVG is the same natively and in wasm.

pub mod bars;
pub mod canvas;
pub mod cohort_curves;
pub mod export;
pub mod heatmap;
pub mod legend;
pub mod ltv_bars;
pub mod probability;
pub mod projection;
pub mod tornado;
pub mod waterfall;

use plotters::style::FontFamily;
use thiserror::Error;

/// The font stack of every chart: system fonts only (nothing is fetched), CJK-capable ones first.
/// A `FontFamily` rather than a `&str`: plotters turns a `&str` into a family through
/// `to_lowercase`, which alone brings Unicode's case tables (3 KB gzip) into the page.
pub const FONT: FontFamily = FontFamily::Name(
    "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, WenQuanYi Micro Hei, Helvetica, Arial, sans-serif",
);

/// A chart could not be drawn; the message is plotters' own.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct ChartError(pub String);

impl ChartError {
    fn from_plotters(error: impl std::fmt::Display) -> ChartError {
        ChartError(error.to_string())
    }
}

/// The category a tick of a category axis stands for: `Some(i)` at the whole numbers 0, 1, 2 …
/// (the axes are continuous, categories sit at integer positions).
fn category_index(position: f64) -> Option<usize> {
    let i = position.round();
    ((position - i).abs() < 1e-6 && i >= 0.0).then_some(i as usize)
}

/// The parts of a chart's frame that differ between charts: title size, margin, and the room
/// for the axis labels below (x) and to the left (y).
#[derive(Debug, Clone, Copy)]
struct Frame {
    title: u32,
    margin: u32,
    x_labels: u32,
    y_labels: u32,
}

type Plot<'a, 'b> = plotters::chart::ChartContext<
    'a,
    canvas::Canvas<'b>,
    plotters::coord::cartesian::Cartesian2d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::types::RangedCoordf64,
    >,
>;

/// A titled cartesian chart on `root` in the charts' common style.
fn framed<'a, 'b>(
    root: &'a plotters::drawing::DrawingArea<canvas::Canvas<'b>, plotters::coord::Shift>,
    title: &str,
    frame: Frame,
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
) -> Result<Plot<'a, 'b>, ChartError> {
    use plotters::prelude::*;
    ChartBuilder::on(root)
        .caption(title, (FONT, frame.title).into_font().color(&palette::INK))
        .margin(frame.margin)
        .x_label_area_size(frame.x_labels)
        .y_label_area_size(frame.y_labels)
        .build_cartesian_2d(x, y)
        .map_err(ChartError::from_plotters)
}

/// Which grid lines a chart draws: across categories they would only clutter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grid {
    Both,
    /// Horizontal lines only (categories along x).
    Horizontal,
    /// Vertical lines only (categories along y).
    Vertical,
}

/// What differs between the charts' axes; the rest (grid colour, fonts) is the common style.
struct Axes<'f> {
    x_ticks: usize,
    y_ticks: usize,
    x_format: &'f dyn Fn(&f64) -> String,
    y_format: &'f dyn Fn(&f64) -> String,
    /// Axis titles; an empty one is left out (a bar chart's categories need none).
    x_desc: &'f str,
    y_desc: &'f str,
    grid: Grid,
    label_size: u32,
    desc_size: u32,
}

/// plotters' own tick count, for axes that do not choose one.
const DEFAULT_TICKS: usize = 10;

/// Draws the grid, ticks and axis titles. One function for every chart, so plotters' mesh code
/// is in the page once (it was inlined into each chart).
fn draw_axes(plot: &mut Plot, axes: &Axes) -> Result<(), ChartError> {
    use plotters::prelude::*;
    let mut mesh = plot.configure_mesh();
    mesh.light_line_style(TRANSPARENT)
        .bold_line_style(palette::GRID)
        .x_labels(axes.x_ticks)
        .y_labels(axes.y_ticks)
        .x_label_formatter(axes.x_format)
        .y_label_formatter(axes.y_format)
        .label_style((FONT, axes.label_size).into_font().color(&palette::INK))
        .axis_desc_style((FONT, axes.desc_size).into_font().color(&palette::INK));
    if !axes.x_desc.is_empty() {
        mesh.x_desc(axes.x_desc);
    }
    if !axes.y_desc.is_empty() {
        mesh.y_desc(axes.y_desc);
    }
    match axes.grid {
        Grid::Both => {}
        Grid::Horizontal => {
            mesh.disable_x_mesh();
        }
        Grid::Vertical => {
            mesh.disable_y_mesh();
        }
    }
    mesh.draw().map_err(ChartError::from_plotters)
}

/// Colour-blind-safe palette (Okabe & Ito, "Color Universal Design", 2008).
pub mod palette {
    use plotters::style::RGBColor;
    pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
    pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
    pub const GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
    pub const INK: RGBColor = RGBColor(0x1F, 0x29, 0x37);
    pub const GRID: RGBColor = RGBColor(0xD1, 0xD5, 0xDB);
}
