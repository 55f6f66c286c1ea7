//! Drawing a laid-out chart with `plotters`' SVG backend.
//!
//! `plotters` provides the coordinate systems, the axes, ticks and grid, and the mapping
//! from data to pixels; this file decides what to draw: bars (side by side or stacked),
//! columns, lines with a distinct marker per series, value labels, direct labels at the
//! ends of lines, and the target line with its label. Every series is drawn in its own
//! palette colour, which [`super::tidy`] later turns into classes and patterns; the
//! layout (sizes, truncated labels, ticks) comes from [`super::layout::Layout`].

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{band_height, Layout};
use super::palette;
use super::spec::{ChartData, ChartKind};
use super::text::FAMILY;

type Root<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type Failure = DrawingAreaErrorKind<std::io::Error>;

const MARGIN: u32 = 8;

/// The colours of one chart, owned here so that styles can borrow them.
struct Ink {
    text: RGBColor,
    muted: RGBColor,
    grid: RGBColor,
    target: RGBColor,
    series: Vec<RGBColor>,
}

impl Ink {
    fn new(series: usize) -> Ink {
        let colour = |hex: &str| {
            let (r, g, b) = palette::rgb(hex);
            RGBColor(r, g, b)
        };
        Ink {
            text: colour(palette::TEXT),
            muted: colour(palette::MUTED),
            grid: colour(palette::GRID),
            target: colour(palette::TARGET),
            series: (0..series.max(1))
                .map(|index| colour(palette::series_colour(index)))
                .collect(),
        }
    }

    fn series(&self, index: usize) -> RGBColor {
        self.series.get(index).copied().unwrap_or(self.text)
    }
}

/// `plotters`' SVG of `data` laid out by `layout` (to be tidied).
pub fn draw(data: &ChartData, layout: &Layout) -> Result<String, Failure> {
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
        let ink = Ink::new(data.series.len());
        match data.kind {
            ChartKind::Bar | ChartKind::GroupedBar | ChartKind::StackedBar => {
                horizontal(&root, data, layout, &ink)?
            }
            ChartKind::Column => columns(&root, data, layout, &ink)?,
            ChartKind::Line => lines(&root, data, layout, &ink)?,
        }
        root.present()?;
    }
    Ok(svg)
}

/// A linear axis whose ticks are exactly the given key points (no light lines), so that
/// every tick and grid line sits on a round value or a category centre.
struct Scale {
    low: f64,
    high: f64,
    keys: Vec<f64>,
}

impl Scale {
    fn new(low: f64, high: f64, keys: Vec<f64>) -> Scale {
        Scale { low, high, keys }
    }
}

impl Ranged for Scale {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.high - self.low;
        if span == 0.0 || !span.is_finite() {
            return (limit.0 + limit.1) / 2;
        }
        let fraction = (value - self.low) / span;
        let pixels = f64::from(limit.1 - limit.0) * fraction;
        // Saturating: values are inside the axis, so pixels are small.
        limit.0 + pixels.round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.keys.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.low..self.high
    }
}

/// A text style at `size` pixels (plotters writes `font-size` = size / 1.24).
fn text_style<'a>(size: f64, colour: &'a RGBColor, h: HPos, v: VPos) -> TextStyle<'a> {
    TextStyle::from(FontDesc::new(
        FontFamily::Name(FAMILY),
        size * 1.24,
        FontStyle::Normal,
    ))
    .color(colour)
    .pos(Pos::new(h, v))
}

fn line_style(colour: &RGBColor, width: u32) -> ShapeStyle {
    ShapeStyle {
        color: colour.to_rgba(),
        filled: false,
        stroke_width: width,
    }
}

/// The label shown at category position `position` (rounded to the nearest index).
fn label_at(labels: &[String], position: f64) -> String {
    let index = position.round();
    if index < 0.0 {
        return String::new();
    }
    labels.get(index as usize).cloned().unwrap_or_default()
}

/// A bar in band space: category `category` spans `[category, category + 1)`.
struct Bar {
    series: usize,
    category: usize,
    band: (f64, f64),
    value: (f64, f64),
}

/// The bars of `data`, side by side or stacked, leaving `pad.0` (a fraction of the band)
/// empty before the bars of a category and `pad.1` after them.
fn bars(data: &ChartData, pad: (f64, f64)) -> Vec<Bar> {
    let stacked = data.kind == ChartKind::StackedBar;
    let per_band = if stacked { 1 } else { data.series.len().max(1) };
    let thickness = (1.0 - pad.0 - pad.1) / per_band as f64;
    let mut bars = Vec::with_capacity(data.categories.len() * data.series.len());
    for category in 0..data.categories.len() {
        let mut base = 0.0;
        for (series, values) in data.series.iter().enumerate() {
            let value = values.values.get(category).copied().unwrap_or(0.0);
            let slot = if stacked { 0 } else { series };
            let start = category as f64 + pad.0 + slot as f64 * thickness;
            let (from, to) = if stacked {
                (base, base + value)
            } else {
                (0.0, value)
            };
            base = to;
            bars.push(Bar {
                series,
                category,
                band: (start, start + thickness),
                value: (from, to),
            });
        }
    }
    bars
}

/// Where each value label goes: (series, category, value at the bar's end, band centre).
fn label_anchors(data: &ChartData, bars: &[Bar]) -> Vec<(usize, usize, f64, f64)> {
    match data.kind {
        ChartKind::StackedBar => bars
            .iter()
            .filter(|bar| bar.series + 1 == data.series.len())
            .map(|bar| (0, bar.category, bar.value.1, bar.category as f64 + 0.5))
            .collect(),
        _ => bars
            .iter()
            .map(|bar| {
                let centre = (bar.band.0 + bar.band.1) / 2.0;
                (bar.series, bar.category, bar.value.1, centre)
            })
            .collect(),
    }
}

fn value_label(layout: &Layout, series: usize, category: usize) -> String {
    layout
        .value_labels
        .get(series)
        .and_then(|labels| labels.get(category))
        .cloned()
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// Horizontal bars

fn horizontal(root: &Root, data: &ChartData, layout: &Layout, ink: &Ink) -> Result<(), Failure> {
    let count = data.categories.len();
    let n = count as f64;
    let axis = &layout.axis;
    let centres = (0..count).map(|i| n - i as f64 - 0.5).collect();
    let mut chart = ChartBuilder::on(root)
        .margin_top(layout.top)
        .margin_right(layout.right)
        .margin_left(MARGIN)
        .margin_bottom(MARGIN)
        .x_label_area_size(layout.bottom)
        .y_label_area_size(layout.left)
        .build_cartesian_2d(
            Scale::new(axis.low, axis.high, axis.ticks.clone()),
            Scale::new(0.0, n, centres),
        )?;
    let beside = |v: &f64| label_at(&layout.labels, n - v - 0.5);
    let above = |_: &f64| String::new();
    let category: &dyn Fn(&f64) -> String = if layout.labels_above { &above } else { &beside };
    let tick = |v: &f64| axis.tick_label(*v);
    let labels = text_style(layout.font, &ink.text, HPos::Center, VPos::Center);
    let mut mesh = chart.configure_mesh();
    mesh.disable_y_mesh()
        .x_label_formatter(&tick)
        .y_label_formatter(&category)
        .bold_line_style(line_style(&ink.grid, 1))
        .axis_style(line_style(&ink.muted, 1))
        .label_style(labels.clone())
        .axis_desc_style(labels)
        .set_all_tick_mark_size(4);
    if let Some(description) = &axis.description {
        mesh.x_desc(description.as_str());
    }
    mesh.draw()?;

    let row = f64::from(layout.label_row());
    let band = row
        + f64::from(band_height(if data.kind == ChartKind::StackedBar {
            1
        } else {
            data.series.len()
        }));
    let bars = bars(data, ((5.0 + row) / band, 5.0 / band));
    if layout.labels_above {
        labels_above(root, &chart, layout, ink)?;
    }
    chart.draw_series(bars.iter().map(|bar| {
        Rectangle::new(
            [(bar.value.0, n - bar.band.0), (bar.value.1, n - bar.band.1)],
            ink.series(bar.series).filled(),
        )
    }))?;
    if !layout.value_labels.is_empty() {
        let anchors = label_anchors(data, &bars);
        chart.draw_series(
            anchors
                .into_iter()
                .map(|(series, category, value, centre)| {
                    let (offset, h) = if value < 0.0 {
                        (-4, HPos::Right)
                    } else {
                        (4, HPos::Left)
                    };
                    let style = text_style(layout.small, &ink.text, h, VPos::Center);
                    EmptyElement::at((value, n - centre))
                        + Text::new(value_label(layout, series, category), (offset, 0), style)
                }),
        )?;
    }
    if let Some(target) = &data.target {
        let style = line_style(&ink.target, 2);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(target.value, 0.0), (target.value, n)],
            style,
        )))?;
        let (x, y) = chart.backend_coord(&(target.value, n));
        target_label(root, layout, ink, target.label.as_deref(), (x, y - 6), true)?;
    }
    Ok(())
}

/// Each category's label on the line above its bars, from the start of the plot.
fn labels_above(
    root: &Root,
    chart: &Horizontal,
    layout: &Layout,
    ink: &Ink,
) -> Result<(), Failure> {
    let n = layout.labels.len() as f64;
    let style = text_style(layout.font, &ink.text, HPos::Left, VPos::Bottom);
    for (index, label) in layout.labels.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(layout.axis.low, n - index as f64));
        let baseline = y + layout.label_row() as i32;
        root.draw(&Text::new(label.clone(), (x + 2, baseline), style.clone()))?;
    }
    Ok(())
}

/// The target's label at pixel `at`: after the line when `beside` (or moved back to stay
/// inside the chart), else ending at `at` (or moved forward to stay inside).
fn target_label(
    root: &Root,
    layout: &Layout,
    ink: &Ink,
    label: Option<&str>,
    at: (i32, i32),
    beside: bool,
) -> Result<(), Failure> {
    let Some(label) = label else {
        return Ok(());
    };
    let width = super::text::width(label, layout.font).ceil() as i32;
    let last_start = layout.width as i32 - MARGIN as i32 - width;
    let wanted = if beside { at.0 + 4 } else { at.0 - 4 - width };
    let x = wanted.min(last_start).max(MARGIN as i32);
    let style = text_style(layout.font, &ink.text, HPos::Left, VPos::Bottom);
    root.draw(&Text::new(label.to_owned(), (x, at.1), style))
}

// ---------------------------------------------------------------------------------------
// Vertical columns

fn columns(root: &Root, data: &ChartData, layout: &Layout, ink: &Ink) -> Result<(), Failure> {
    let count = data.categories.len();
    let n = count as f64;
    let axis = &layout.axis;
    let shown = shown_positions(layout, 0.5);
    let mut chart = ChartBuilder::on(root)
        .margin_top(layout.top)
        .margin_right(layout.right)
        .margin_left(MARGIN)
        .margin_bottom(MARGIN)
        .x_label_area_size(layout.bottom)
        .y_label_area_size(layout.left)
        .build_cartesian_2d(
            Scale::new(0.0, n, shown),
            Scale::new(axis.low, axis.high, axis.ticks.clone()),
        )?;
    let category = |v: &f64| label_at(&layout.labels, v - 0.5);
    let tick = |v: &f64| axis.tick_label(*v);
    configure_vertical_mesh(&mut chart, &category, &tick, layout, ink)?;

    let bars = bars(data, (0.15, 0.15));
    chart.draw_series(bars.iter().map(|bar| {
        Rectangle::new(
            [(bar.band.0, bar.value.1), (bar.band.1, bar.value.0)],
            ink.series(bar.series).filled(),
        )
    }))?;
    if !layout.value_labels.is_empty() {
        let anchors = label_anchors(data, &bars);
        chart.draw_series(
            anchors
                .into_iter()
                .map(|(series, category, value, centre)| {
                    let (offset, v) = if value < 0.0 {
                        (3, VPos::Top)
                    } else {
                        (-3, VPos::Bottom)
                    };
                    let style = text_style(layout.small, &ink.text, HPos::Center, v);
                    EmptyElement::at((centre, value))
                        + Text::new(value_label(layout, series, category), (0, offset), style)
                }),
        )?;
    }
    horizontal_target(root, &mut chart, data, layout, ink, (0.0, n))
}

/// Key points at each category with a visible label, `offset` into its band.
fn shown_positions(layout: &Layout, offset: f64) -> Vec<f64> {
    layout
        .labels
        .iter()
        .enumerate()
        .filter(|(_, label)| !label.is_empty())
        .map(|(index, _)| index as f64 + offset)
        .collect()
}

type Vertical<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<Scale, Scale>>;
type Horizontal<'a, 'b> = Vertical<'a, 'b>;

fn configure_vertical_mesh(
    chart: &mut Vertical,
    category: &dyn Fn(&f64) -> String,
    tick: &dyn Fn(&f64) -> String,
    layout: &Layout,
    ink: &Ink,
) -> Result<(), Failure> {
    let labels = text_style(layout.font, &ink.text, HPos::Center, VPos::Center);
    let mut mesh = chart.configure_mesh();
    mesh.disable_x_mesh()
        .x_label_formatter(category)
        .y_label_formatter(tick)
        .bold_line_style(line_style(&ink.grid, 1))
        .axis_style(line_style(&ink.muted, 1))
        .label_style(labels.clone())
        .axis_desc_style(labels)
        .set_all_tick_mark_size(4);
    if let Some(description) = &layout.axis.description {
        mesh.y_desc(description.as_str());
    }
    mesh.draw()
}

/// A horizontal target line across `span`, labelled above its right end.
fn horizontal_target(
    root: &Root,
    chart: &mut Vertical,
    data: &ChartData,
    layout: &Layout,
    ink: &Ink,
    span: (f64, f64),
) -> Result<(), Failure> {
    let Some(target) = &data.target else {
        return Ok(());
    };
    let style = line_style(&ink.target, 2);
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(span.0, target.value), (span.1, target.value)],
        style,
    )))?;
    let (x, y) = chart.backend_coord(&(span.1, target.value));
    target_label(
        root,
        layout,
        ink,
        target.label.as_deref(),
        (x, y - 4),
        false,
    )
}

// ---------------------------------------------------------------------------------------
// Lines

fn lines(root: &Root, data: &ChartData, layout: &Layout, ink: &Ink) -> Result<(), Failure> {
    let count = data.categories.len();
    let n = count as f64;
    let axis = &layout.axis;
    let mut chart = ChartBuilder::on(root)
        .margin_top(layout.top)
        .margin_right(layout.right)
        .margin_left(MARGIN)
        .margin_bottom(MARGIN)
        .x_label_area_size(layout.bottom)
        .y_label_area_size(layout.left)
        .build_cartesian_2d(
            Scale::new(-0.5, n - 0.5, shown_positions(layout, 0.0)),
            Scale::new(axis.low, axis.high, axis.ticks.clone()),
        )?;
    let category = |v: &f64| label_at(&layout.labels, *v);
    let tick = |v: &f64| axis.tick_label(*v);
    configure_vertical_mesh(&mut chart, &category, &tick, layout, ink)?;
    horizontal_target(root, &mut chart, data, layout, ink, (-0.5, n - 0.5))?;

    for (index, series) in data.series.iter().enumerate() {
        let colour = ink.series(index);
        let points: Vec<(f64, f64)> = series
            .values
            .iter()
            .enumerate()
            .map(|(x, y)| (x as f64, *y))
            .collect();
        chart.draw_series(std::iter::once(PathElement::new(
            points.clone(),
            line_style(&colour, 2),
        )))?;
        markers(&mut chart, &points, index, &colour)?;
        if !layout.value_labels.is_empty() {
            let style = text_style(layout.small, &ink.text, HPos::Center, VPos::Bottom);
            chart.draw_series(points.iter().enumerate().map(|(category, point)| {
                EmptyElement::at(*point)
                    + Text::new(value_label(layout, index, category), (0, -7), style.clone())
            }))?;
        }
    }
    direct_labels(root, &chart, data, layout, ink)
}

/// A marker of a different shape for each series: circle, square, triangle, cross,
/// ring, then again.
fn markers(
    chart: &mut Vertical,
    points: &[(f64, f64)],
    series: usize,
    colour: &RGBColor,
) -> Result<(), Failure> {
    let filled = colour.filled();
    let each = points.iter().copied();
    match series % 5 {
        0 => chart.draw_series(each.map(|p| Circle::new(p, 4, filled)))?,
        1 => chart.draw_series(
            each.map(|p| EmptyElement::at(p) + Rectangle::new([(-4, -4), (4, 4)], filled)),
        )?,
        2 => chart.draw_series(each.map(|p| TriangleMarker::new(p, 5, filled)))?,
        3 => chart.draw_series(each.map(|p| Cross::new(p, 4, line_style(colour, 2))))?,
        _ => chart.draw_series(each.map(|p| Circle::new(p, 4, line_style(colour, 2))))?,
    };
    Ok(())
}

/// Moves the labels at `ends` (sorted by `y`) apart to at least `gap` pixels, keeping
/// them within `rows` where there is room.
fn spread(ends: &mut [(i32, i32, usize)], gap: i32, rows: Range<i32>) {
    for position in 1..ends.len() {
        let above = ends[position - 1].1;
        ends[position].1 = ends[position].1.max(above + gap);
    }
    let mut limit = rows.end;
    for end in ends.iter_mut().rev() {
        end.1 = end.1.min(limit);
        limit = end.1 - gap;
    }
    let mut floor = rows.start;
    for end in ends.iter_mut() {
        end.1 = end.1.max(floor);
        floor = end.1 + gap;
    }
}

/// The series names at the ends of the lines, pushed apart so that they do not overlap.
fn direct_labels(
    root: &Root,
    chart: &Vertical,
    data: &ChartData,
    layout: &Layout,
    ink: &Ink,
) -> Result<(), Failure> {
    let (_, rows) = chart.plotting_area().get_pixel_range();
    let mut ends: Vec<(i32, i32, usize)> = data
        .series
        .iter()
        .enumerate()
        .filter_map(|(index, series)| {
            let last = series.values.len().checked_sub(1)?;
            let (x, y) = chart.backend_coord(&(last as f64, series.values[last]));
            Some((x, y, index))
        })
        .collect();
    ends.sort_by_key(|(_, y, index)| (*y, *index));
    spread(&mut ends, (layout.font * 1.25).ceil() as i32, rows);
    let room = f64::from(layout.width) * 0.25;
    for (x, y, index) in ends {
        let name = super::text::truncate(&data.series[index].name, layout.font, room);
        let colour = ink.series(index);
        let style = text_style(layout.font, &colour, HPos::Left, VPos::Center);
        root.draw(&Text::new(name, (x + 8, y), style))?;
    }
    Ok(())
}
