//! The preamble every cartesian chart shares: a white canvas of its size, the title, the margin
//! and the room for the axis labels, the grid, ticks and axis titles, and the legend box.
//!
//! A chart describes these as a [`Figure`] and draws only its own marks in
//! [`Figure::draw`]'s closure. One copy of this code for every chart keeps their look in step,
//! and keeps plotters' builder and mesh code in the page once rather than inlined into each
//! chart.

use std::ops::Range;

use plotters::prelude::*;

use super::canvas::{self, Canvas};
use super::legend::{Corner, Legend};
use super::{category_index, palette, ChartError, FONT};

/// The plotting area of a chart: continuous axes both ways (categories sit at whole numbers).
pub(super) type Plot<'a, 'b> = plotters::chart::ChartContext<
    'a,
    Canvas<'b>,
    plotters::coord::cartesian::Cartesian2d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::types::RangedCoordf64,
    >,
>;

/// The sizes of a chart's canvas and texts, and the room around its plotting area.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frame {
    pub size: (u32, u32),
    pub title: u32,
    pub margin: u32,
    /// Room for the axis labels below (x) and to the left (y).
    pub x_labels: u32,
    pub y_labels: u32,
    /// Tick labels and axis titles.
    pub label_size: u32,
    pub desc_size: u32,
}

impl Frame {
    /// The 640-pixel charts (bars, LTV bars, probability, tornado); each changes what its
    /// labels need.
    pub const COMPACT: Frame = Frame {
        size: (640, 460),
        title: 26,
        margin: 14,
        x_labels: 56,
        y_labels: 90,
        label_size: 16,
        desc_size: 19,
    };

    /// The 900-pixel charts (cohort curves, projection), with larger texts to match.
    pub const WIDE: Frame = Frame {
        size: (900, 460),
        title: 30,
        margin: 16,
        x_labels: 52,
        y_labels: 100,
        label_size: 19,
        desc_size: 21,
    };
}

/// plotters' own tick count, for axes that do not choose one.
const DEFAULT_TICKS: usize = 10;

/// One axis: its range, ticks, how a tick is written and its title.
pub(super) struct Axis<'f> {
    range: Range<f64>,
    ticks: usize,
    format: Box<dyn Fn(&f64) -> String + 'f>,
    /// Empty: no title (a bar chart's categories need none).
    desc: &'f str,
    /// Categories get no grid lines across them: those would only clutter.
    categories: bool,
}

impl<'f> Axis<'f> {
    /// A continuous axis over `range`, its ticks written by `format`.
    pub fn values(range: Range<f64>, format: impl Fn(&f64) -> String + 'f) -> Self {
        Axis {
            range,
            ticks: DEFAULT_TICKS,
            format: Box::new(format),
            desc: "",
            categories: false,
        }
    }

    /// One category at each whole number from 0, each labelled with its label (at least one
    /// slot, so that an empty chart still has an axis).
    pub fn categories(labels: Vec<String>) -> Self {
        let n = labels.len().max(1);
        Axis {
            range: -0.5..(n as f64 - 0.5),
            ticks: n,
            format: Box::new(move |x| {
                category_index(*x)
                    .and_then(|i| labels.get(i))
                    .cloned()
                    .unwrap_or_default()
            }),
            desc: "",
            categories: true,
        }
    }

    /// At most this many ticks (plotters picks round values up to it).
    pub fn ticks(self, ticks: usize) -> Self {
        Axis { ticks, ..self }
    }

    /// The axis title, with its unit.
    pub fn titled(self, desc: &'f str) -> Self {
        Axis { desc, ..self }
    }
}

/// A cartesian chart's frame, axes and legend placement; see the module.
pub(super) struct Figure<'f> {
    pub frame: Frame,
    pub title: &'f str,
    pub x: Axis<'f>,
    pub y: Axis<'f>,
    /// The corner of the plotting area for the legend box and its text size; `None` for
    /// charts without a legend (entries pushed then are not drawn).
    pub legend: Option<(Corner, u32)>,
}

impl Figure<'_> {
    /// Draws the frame and axes, then `marks` (the chart's own series, which push their legend
    /// entries), then the legend over them; the SVG markup.
    ///
    /// # Errors
    /// The first error of `marks`, or a plotters drawing error.
    pub fn draw(
        self,
        marks: impl FnOnce(&mut Plot<'_, '_>, &mut Legend) -> Result<(), ChartError>,
    ) -> Result<String, ChartError> {
        let Figure {
            frame,
            title,
            x,
            y,
            legend: legend_at,
        } = self;
        canvas::render(frame.size, |root| {
            let mut plot = ChartBuilder::on(root)
                .caption(title, (FONT, frame.title).into_font().color(&palette::INK))
                .margin(frame.margin)
                .x_label_area_size(frame.x_labels)
                .y_label_area_size(frame.y_labels)
                .build_cartesian_2d(x.range.clone(), y.range.clone())
                .map_err(ChartError::from_plotters)?;
            draw_axes(&mut plot, &frame, &x, &y)?;
            let mut legend = Legend::default();
            marks(&mut plot, &mut legend)?;
            match legend_at {
                Some((corner, size)) => {
                    legend.draw(&plot.plotting_area().strip_coord_spec(), corner, size)
                }
                None => Ok(()),
            }
        })
    }
}

/// Draws the grid, ticks and axis titles in the charts' common style.
fn draw_axes(plot: &mut Plot, frame: &Frame, x: &Axis, y: &Axis) -> Result<(), ChartError> {
    let mut mesh = plot.configure_mesh();
    mesh.light_line_style(TRANSPARENT)
        .bold_line_style(palette::GRID)
        .x_labels(x.ticks)
        .y_labels(y.ticks)
        .x_label_formatter(&*x.format)
        .y_label_formatter(&*y.format)
        .label_style((FONT, frame.label_size).into_font().color(&palette::INK))
        .axis_desc_style((FONT, frame.desc_size).into_font().color(&palette::INK));
    if !x.desc.is_empty() {
        mesh.x_desc(x.desc);
    }
    if !y.desc.is_empty() {
        mesh.y_desc(y.desc);
    }
    if x.categories {
        mesh.disable_x_mesh();
    }
    if y.categories {
        mesh.disable_y_mesh();
    }
    mesh.draw().map_err(ChartError::from_plotters)
}
