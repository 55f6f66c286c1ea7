//! Rendering a [`ChartData`] into a [`Chart`]: an accessible SVG, a table and a CSV.
//!
//! Why this shape: the SVG is for the eye, and everything it shows is also in the table
//! and the CSV, which carry exactly the same formatted numbers. Layout (label widths,
//! heights, the value axis) is computed here from the embedded font's metrics, so a chart
//! is the same on every machine; [`super::draw`] hands it to `plotters` and [`super::tidy`]
//! turns `plotters`' output into the final small, accessible SVG.
//!
//! All kinds (bars, columns, grouped, stacked, lines) are drawn with `plotters`; only the
//! legend and the document frame (`<title>`, `<desc>`, patterns) are written by hand.

use std::fmt::Write as _;

use super::describe::{self, format_number, format_value};
use super::spec::{ChartData, ChartKind};
use super::{draw, palette, text, tidy, xml, Chart, Table};

/// The width of every chart in SVG user units; the SVG scales to its container.
pub const WIDTH: u32 = 640;
/// Label text size in pixels.
pub const FONT: f64 = 12.0;
/// Value label text size in pixels.
pub const SMALL: f64 = 11.0;
const MARGIN: u32 = 8;
const PLOT_HEIGHT: u32 = 240;
const LEGEND_ROW: u32 = 22;

/// Renders `data` as a chart whose SVG ids start with `id` (made safe if it is not).
pub fn render_chart(data: &ChartData, id: &str) -> Chart {
    let id = xml::ident(id);
    let data = normalized(data);
    let description = data
        .description
        .clone()
        .unwrap_or_else(|| describe::describe(&data));
    let layout = Layout::of(&data);
    let drawn = if text::register_with_plotters() {
        draw::draw(&data, &layout).ok()
    } else {
        None
    };
    let frame = tidy::Frame {
        id: &id,
        title: &data.title,
        description: &description,
        width: layout.width,
        height: layout.height,
        kind: data.kind,
        series: data.series.len(),
        legend: &layout.legend,
    };
    Chart {
        svg: tidy::document(drawn.as_deref(), &frame),
        table: table(&data),
        csv: csv(&data),
        title: data.title.clone(),
        description,
        source: data.source.clone(),
    }
}

/// A copy of `data` with one finite value per category in every series and labels
/// without control characters, so that nothing downstream has to check again.
fn normalized(data: &ChartData) -> ChartData {
    let mut data = data.clone();
    let count = data.categories.len();
    for series in &mut data.series {
        series.values.resize(count, 0.0);
        for value in &mut series.values {
            if !value.is_finite() {
                *value = 0.0;
            }
        }
        series.name = clean(&series.name);
    }
    data.series.truncate(super::spec::MAX_SERIES);
    data.categories = data.categories.iter().map(|label| clean(label)).collect();
    data.decimals = data.decimals.min(4);
    if let Some(target) = &mut data.target {
        target.label = target.label.as_deref().map(clean);
        if !target.value.is_finite() {
            data.target = None;
        }
    }
    data
}

/// `label` on one line, without control characters.
pub fn clean(label: &str) -> String {
    label
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The data table: the category column, then one column per series.
fn table(data: &ChartData) -> Table {
    let unit = data.unit.as_deref().map(|unit| format!(" ({unit})"));
    let mut headers = vec![data.category_label.clone()];
    headers.extend(
        data.series
            .iter()
            .map(|series| format!("{}{}", series.name, unit.as_deref().unwrap_or(""))),
    );
    let rows = data
        .categories
        .iter()
        .enumerate()
        .map(|(index, category)| {
            let mut row = vec![category.clone()];
            row.extend(data.series.iter().map(|series| {
                let value = series.values.get(index).copied().unwrap_or(0.0);
                format_number(value, data.decimals)
            }));
            row
        })
        .collect();
    Table {
        caption: data.title.clone(),
        headers,
        rows,
    }
}

/// The plotted numbers as CSV (RFC 4180 quoting, `\n` line ends).
fn csv(data: &ChartData) -> String {
    let table = table(data);
    let mut csv = String::new();
    let mut headers = vec![data.category_label.clone()];
    headers.extend(data.series.iter().map(|series| series.name.clone()));
    push_csv_row(&mut csv, &headers);
    for row in &table.rows {
        push_csv_row(&mut csv, row);
    }
    csv
}

fn push_csv_row(csv: &mut String, cells: &[String]) {
    for (position, cell) in cells.iter().enumerate() {
        if position > 0 {
            csv.push(',');
        }
        if cell.contains([',', '"', '\n', '\r']) {
            let _ = write!(csv, "\"{}\"", cell.replace('"', "\"\""));
        } else {
            csv.push_str(cell);
        }
    }
    csv.push('\n');
}

// ---------------------------------------------------------------------------------------
// Layout

/// The value axis: its range, its ticks and how to print them.
#[derive(Debug, Clone)]
pub struct Axis {
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
    fn of(data: &ChartData) -> Axis {
        let values = plotted_extremes(data);
        let low = values.iter().copied().fold(0.0_f64, f64::min);
        let high = values.iter().copied().fold(0.0_f64, f64::max);
        let step = nice_step((high - low).max(f64::EPSILON) / 5.0);
        let decimals = step_decimals(step);
        let first = (low / step).floor() as i64;
        let last = ((high / step).ceil() as i64).max(first + 1);
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

    /// The text of the tick at `value`.
    pub fn tick_label(&self, value: f64) -> String {
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
pub struct LegendEntry {
    pub x: u32,
    pub y: u32,
    pub series: usize,
    pub name: String,
}

/// Where everything goes, in SVG user units.
#[derive(Debug, Clone)]
pub struct Layout {
    pub width: u32,
    pub height: u32,
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
    /// Value labels, one per series and category (`None` when not shown).
    pub value_labels: Vec<Vec<String>>,
}

impl Layout {
    pub fn of(data: &ChartData) -> Layout {
        let axis = Axis::of(data);
        let layout = Layout {
            width: WIDTH,
            height: 0,
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
                let right = direct_label_width(data);
                layout.vertical(data, right)
            }
        }
    }

    fn horizontal(mut self, data: &ChartData) -> Layout {
        let per_band = match data.kind {
            ChartKind::StackedBar => 1,
            _ => data.series.len().max(1),
        };
        let band = band_height(per_band);
        let max_label = f64::from(WIDTH) * 0.38;
        self.labels = data
            .categories
            .iter()
            .map(|label| text::truncate(label, FONT, max_label))
            .collect();
        self.left = widest(&self.labels, FONT).max(24) + 14;
        self.place_legend(data);
        if data.target.is_some() {
            self.top += 20;
        }
        let last_tick = self.axis.tick_label(self.axis.high);
        let values = self.value_labels.iter().flatten();
        let value_width = values.map(|label| ceil(text::width(label, SMALL))).max();
        self.right = value_width.map_or(0, |width| width + 8)
            .max(ceil(text::width(&last_tick, FONT) / 2.0) + 4)
            .max(MARGIN);
        self.bottom = if self.axis.description.is_some() { 44 } else { 26 };
        let plot = band * u32::try_from(data.categories.len()).unwrap_or(u32::MAX / band);
        self.height = self.top + plot + self.bottom + MARGIN;
        self
    }

    /// Columns and lines: categories along the bottom, values up the left.
    fn vertical(mut self, data: &ChartData, right: u32) -> Layout {
        self.place_legend(data);
        let headroom = if self.value_labels.is_empty() { 8 } else { 18 };
        self.top += headroom;
        let widest_tick = self.axis.ticks.iter().map(|t| self.axis.tick_label(*t));
        let tick_width = widest_tick.map(|t| ceil(text::width(&t, FONT))).max();
        let description = if self.axis.description.is_some() { 20 } else { 0 };
        self.left = tick_width.unwrap_or(0) + 14 + description;
        self.right = right.max(MARGIN + 4);
        self.bottom = 26;
        let plot_width = f64::from(WIDTH - (self.left + self.right + MARGIN).min(WIDTH - 40));
        self.labels = spaced_labels(&data.categories, plot_width);
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
            let name = text::truncate(&series.name, FONT, 160.0);
            let entry_width = 16 + ceil(text::width(&name, FONT)) + 18;
            if x > MARGIN && x + entry_width > WIDTH - MARGIN {
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
}

/// The height of one category band holding `bars` bars side by side.
pub fn band_height(bars: usize) -> u32 {
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
fn spaced_labels(categories: &[String], plot_width: f64) -> Vec<String> {
    let count = categories.len().max(1);
    let band = plot_width / count as f64;
    let wanted = widest(categories, FONT).min(64) + 8;
    let step = (f64::from(wanted) / band).ceil().max(1.0) as usize;
    categories
        .iter()
        .enumerate()
        .map(|(index, label)| {
            if index % step == 0 {
                text::truncate(label, FONT, band * step as f64 - 6.0)
            } else {
                String::new()
            }
        })
        .collect()
}

/// The room the direct labels at the end of lines need.
fn direct_label_width(data: &ChartData) -> u32 {
    let names = data
        .series
        .iter()
        .map(|series| text::truncate(&series.name, FONT, f64::from(WIDTH) * 0.25))
        .collect::<Vec<_>>();
    widest(&names, FONT) + 18
}

/// The value label texts: per series and category for bars and lines, per category
/// (totals) for stacked bars; empty when the chart shows none.
fn value_labels(data: &ChartData) -> Vec<Vec<String>> {
    if !data.value_labels {
        return Vec::new();
    }
    let unit = data.unit.as_deref().filter(|unit| unit.chars().count() == 1);
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

/// The colour of series `index` for `plotters`.
pub fn series_rgb(index: usize) -> (u8, u8, u8) {
    palette::rgb(palette::series_colour(index))
}
