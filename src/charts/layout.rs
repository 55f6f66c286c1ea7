//! Where everything of a chart goes, in SVG user units: the two drawings' sizes, the
//! value axis, label room, legend rows and bands.
//!
//! One place for the chart's layout constants and arithmetic, read by `svg` (which
//! chooses and assembles), `draw` (which hands the layout to `plotters`) and `tidy`
//! (which writes the legend and the frame); none of those three imports another for it.
//! Sizes come from the embedded font's metrics (`text`), so a chart is the same on
//! every machine.

use super::describe::{self, format_value};
use super::spec::{ChartData, ChartKind};
use super::text;

/// The width of the wide layout in SVG user units; the SVG scales to its container.
pub const WIDTH: u32 = 640;
/// Label text size in pixels (wide layout).
pub const FONT: f64 = 12.0;
/// Value label text size in pixels (wide layout).
pub const SMALL: f64 = 11.0;
pub(crate) const MARGIN: u32 = 8;

/// The two layouts every chart is drawn in, chosen by the stylesheet's media queries.
///
/// Why two drawings rather than one that scales: an SVG scaled from 640 units to a
/// 288–358 px phone column shows 12 px labels at 5–7 px. The narrow drawing is 320 units
/// wide with 13-unit text, so at 288 px (a 320 px phone) no text renders under 11.7 px,
/// and horizontal bars get their category label on a line of its own above the bars, so
/// labels keep the whole width instead of a third of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: u32,
    /// Label text size.
    pub font: f64,
    /// Value label text size.
    pub small: f64,
    /// Horizontal bars: each category label above its bars, not beside them.
    pub labels_above: bool,
    /// The class by which the stylesheet shows or hides this drawing.
    pub class: &'static str,
}

impl Geometry {
    /// For desktop columns (at least 640 px wide).
    pub const WIDE: Geometry = Geometry {
        width: WIDTH,
        font: FONT,
        small: SMALL,
        labels_above: false,
        class: "chart-wide",
    };
    /// For phones: 320 units, drawn at 0.9–1.5 times its size.
    pub const NARROW: Geometry = Geometry {
        width: 320,
        font: 13.0,
        small: 13.0,
        labels_above: true,
        class: "chart-narrow",
    };
}

/// The reading direction of the page a chart is drawn for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    #[default]
    Ltr,
    /// Right to left: text is laid out right to left and bar charts are mirrored.
    Rtl,
}

impl Direction {
    /// The direction of a page whose `dir` attribute is `dir` (`ltr` or `rtl`).
    pub fn of(dir: &str) -> Direction {
        if dir == "rtl" {
            Direction::Rtl
        } else {
            Direction::Ltr
        }
    }
}
const PLOT_HEIGHT: u32 = 240;
const LEGEND_ROW: u32 = 22;

/// The value axis: its range, its ticks and how to print them.
#[derive(Debug, Clone)]
pub(crate) struct Axis {
    pub low: f64,
    pub high: f64,
    pub ticks: Vec<f64>,
    pub decimals: usize,
    /// A one-character unit printed after each tick (`%`).
    pub suffix: Option<String>,
    /// A longer unit, printed once as the axis description.
    pub description: Option<String>,
}

impl Axis {
    pub(crate) fn of(data: &ChartData) -> Axis {
        let values = plotted_extremes(data);
        let low = values.iter().copied().fold(0.0_f64, f64::min);
        let high = values.iter().copied().fold(0.0_f64, f64::max);
        let step = nice_step((high - low).max(f64::EPSILON) / 5.0);
        let decimals = step_decimals(step);
        let first = (low / step).floor() as i64;
        let last = ((high / step).ceil() as i64).max(first + 1);
        if !step.is_finite() || last - first > 20 || decimals > 6 {
            // Values near the limits of f64: an honest but plain axis.
            return Axis::plain(data, low, high);
        }
        let ticks = (first..=last)
            .map(|index| round_to(index as f64 * step, decimals))
            .collect::<Vec<_>>();
        let (suffix, description) = match data.unit.as_deref() {
            Some(unit) if unit.chars().count() == 1 => (Some(unit.to_owned()), None),
            Some(unit) => (None, Some(unit.to_owned())),
            None => (None, None),
        };
        Axis {
            low: round_to(first as f64 * step, decimals),
            high: round_to(last as f64 * step, decimals),
            ticks,
            decimals,
            suffix,
            description,
        }
    }

    fn plain(data: &ChartData, low: f64, high: f64) -> Axis {
        let (low, high) = if low < high { (low, high) } else { (0.0, 1.0) };
        Axis {
            low,
            high,
            ticks: vec![low, high],
            decimals: 0,
            suffix: None,
            description: data.unit.clone(),
        }
    }

    /// The text of the tick at `value`.
    pub(crate) fn tick_label(&self, value: f64) -> String {
        format_value(value, self.decimals, self.suffix.as_deref())
    }
}

/// The values that the value axis must include: every bar end (or stack total) and the
/// target.
fn plotted_extremes(data: &ChartData) -> Vec<f64> {
    let mut values: Vec<f64> = match data.kind {
        ChartKind::StackedBar => describe::totals(data),
        _ => data
            .series
            .iter()
            .flat_map(|series| series.values.iter().copied())
            .collect(),
    };
    values.extend(data.target.as_ref().map(|target| target.value));
    values
}

/// The smallest of 1, 2 and 5 times a power of ten that is at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let magnitude = 10_f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|factor| factor * magnitude)
        .find(|step| *step >= raw * 0.999_999)
        .unwrap_or(10.0 * magnitude)
}

fn step_decimals(step: f64) -> usize {
    let places = -step.log10().floor();
    if places > 0.0 {
        places as usize
    } else {
        0
    }
}

fn round_to(value: f64, decimals: usize) -> f64 {
    let scale = 10_f64.powi(i32::try_from(decimals).unwrap_or(0));
    (value * scale).round() / scale
}

/// One legend entry: a swatch at (`x`, `y`) and the series name after it.
#[derive(Debug, Clone)]
pub(crate) struct LegendEntry {
    pub x: u32,
    pub y: u32,
    pub series: usize,
    pub name: String,
}

/// Where everything goes, in SVG user units.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub width: u32,
    pub height: u32,
    /// Label and value label text sizes.
    pub font: f64,
    pub small: f64,
    /// Horizontal bars: category labels above their bars (see [`Geometry`]).
    pub labels_above: bool,
    /// Space above the plotting area (legend, target label, headroom).
    pub top: u32,
    /// The label area left of the plotting area.
    pub left: u32,
    pub right: u32,
    /// The label area below the plotting area.
    pub bottom: u32,
    /// Category labels as shown (truncated to fit; empty when skipped).
    pub labels: Vec<String>,
    pub axis: Axis,
    pub legend: Vec<LegendEntry>,
    /// Value labels per series and category (per category for stacked bars); empty
    /// when the chart shows none.
    pub value_labels: Vec<Vec<String>>,
}

impl Layout {
    pub(crate) fn of(data: &ChartData, geometry: Geometry) -> Layout {
        let axis = Axis::of(data);
        let layout = Layout {
            width: geometry.width,
            height: 0,
            font: geometry.font,
            small: geometry.small,
            labels_above: geometry.labels_above,
            top: MARGIN,
            left: 0,
            right: 0,
            bottom: 0,
            labels: Vec::new(),
            axis,
            legend: Vec::new(),
            value_labels: value_labels(data),
        };
        match data.kind {
            ChartKind::Bar | ChartKind::GroupedBar | ChartKind::StackedBar => {
                layout.horizontal(data)
            }
            ChartKind::Column => layout.vertical(data, 0),
            ChartKind::Line => {
                let right = direct_label_width(data, &layout);
                layout.vertical(data, right)
            }
        }
    }

    fn horizontal(mut self, data: &ChartData) -> Layout {
        let per_band = match data.kind {
            ChartKind::StackedBar => 1,
            _ => data.series.len().max(1),
        };
        let band = band_height(per_band) + self.label_row();
        let max_label = if self.labels_above {
            f64::from(self.width - 2 * MARGIN)
        } else {
            f64::from(self.width) * 0.38
        };
        self.labels = data
            .categories
            .iter()
            .map(|label| text::truncate(label, self.font, max_label))
            .collect();
        self.left = if self.labels_above {
            0
        } else {
            widest(&self.labels, self.font).max(24) + 14
        };
        self.place_legend(data);
        if data.target.is_some() {
            self.top += 20;
        }
        let last_tick = self.axis.tick_label(self.axis.high);
        let values = self.value_labels.iter().flatten();
        let value_width = values
            .map(|label| ceil(text::width(label, self.small)))
            .max();
        self.right = value_width
            .map_or(0, |width| width + 8)
            .max(ceil(text::width(&last_tick, self.font) / 2.0) + 4)
            .max(MARGIN);
        self.bottom = if self.axis.description.is_some() {
            44
        } else {
            26
        };
        let plot = band.saturating_mul(u32::try_from(data.categories.len()).unwrap_or(u32::MAX));
        self.height = (self.top + self.bottom + MARGIN).saturating_add(plot);
        self
    }

    /// Columns and lines: categories along the bottom, values up the left.
    fn vertical(mut self, data: &ChartData, right: u32) -> Layout {
        self.place_legend(data);
        let headroom = if self.value_labels.is_empty() { 8 } else { 18 };
        self.top += headroom;
        let widest_tick = self.axis.ticks.iter().map(|t| self.axis.tick_label(*t));
        let tick_width = widest_tick.map(|t| ceil(text::width(&t, self.font))).max();
        let description = if self.axis.description.is_some() {
            20
        } else {
            0
        };
        self.left = tick_width.unwrap_or(0) + 14 + description;
        self.right = right.max(MARGIN + 4);
        self.bottom = 26;
        let margins = (self.left + self.right + MARGIN).min(self.width - 40);
        let plot_width = f64::from(self.width - margins);
        self.labels = spaced_labels(&data.categories, plot_width, self.font);
        self.height = self.top + PLOT_HEIGHT + self.bottom + MARGIN;
        self
    }

    /// Legend rows above the plot, when there is more than one series and no direct labels.
    fn place_legend(&mut self, data: &ChartData) {
        if data.series.len() < 2 || data.kind == ChartKind::Line {
            return;
        }
        let (mut x, mut y) = (MARGIN, self.top);
        for (index, series) in data.series.iter().enumerate() {
            let name = text::truncate(&series.name, self.font, 160.0);
            let entry_width = 16 + ceil(text::width(&name, self.font)) + 18;
            if x > MARGIN && x + entry_width > self.width - MARGIN {
                x = MARGIN;
                y += LEGEND_ROW;
            }
            self.legend.push(LegendEntry {
                x,
                y,
                series: index,
                name,
            });
            x += entry_width;
        }
        self.top = y + LEGEND_ROW + 4;
    }

    /// The height of the line that holds a category label above its bars (0 beside them).
    pub(crate) fn label_row(&self) -> u32 {
        if self.labels_above {
            ceil(self.font * 1.4)
        } else {
            0
        }
    }
}

/// The height of one category band holding `bars` bars side by side.
pub(crate) fn band_height(bars: usize) -> u32 {
    match bars {
        0 | 1 => 28,
        count => u32::try_from(count).unwrap_or(6).min(6) * 13 + 10,
    }
}

fn ceil(width: f64) -> u32 {
    // Widths are small positive numbers; `as` saturates on anything odd.
    width.ceil().max(0.0) as u32
}

fn widest(labels: &[String], size: f64) -> u32 {
    labels
        .iter()
        .map(|label| ceil(text::width(label, size)))
        .max()
        .unwrap_or(0)
}

/// Category labels under columns or points: every `step`-th shown, each cut to its room.
fn spaced_labels(categories: &[String], plot_width: f64, font: f64) -> Vec<String> {
    let count = categories.len().max(1);
    let band = plot_width / count as f64;
    let wanted = widest(categories, font).min(64) + 8;
    let step = (f64::from(wanted) / band).ceil().max(1.0) as usize;
    categories
        .iter()
        .enumerate()
        .map(|(index, label)| {
            if index % step == 0 {
                text::truncate(label, font, band * step as f64 - 6.0)
            } else {
                String::new()
            }
        })
        .collect()
}

/// The room the direct labels at the end of lines need.
fn direct_label_width(data: &ChartData, layout: &Layout) -> u32 {
    let room = f64::from(layout.width) * 0.25;
    let names = data
        .series
        .iter()
        .map(|series| text::truncate(&series.name, layout.font, room))
        .collect::<Vec<_>>();
    widest(&names, layout.font) + 18
}

/// The value label texts: per series and category for bars and lines, per category
/// (totals) for stacked bars; empty when the chart shows none.
fn value_labels(data: &ChartData) -> Vec<Vec<String>> {
    if !data.value_labels {
        return Vec::new();
    }
    let unit = data
        .unit
        .as_deref()
        .filter(|unit| unit.chars().count() == 1);
    let format = |value: f64| format_value(value, data.decimals, unit);
    match data.kind {
        ChartKind::StackedBar => vec![describe::totals(data).into_iter().map(format).collect()],
        _ => data
            .series
            .iter()
            .map(|series| series.values.iter().copied().map(format).collect())
            .collect(),
    }
}
