//! Turning `plotters`' SVG into the final document: small, accessible and styleable.
//!
//! `plotters` writes one element per line with a fixed pixel size, an `opacity="1"` and a
//! font family on every element, fractional font sizes, and colours but no classes. This
//! pass rewrites that output: the root gets a `viewBox` and `width="100%"` (no fixed size,
//! same aspect ratio), `role="img"` and `aria-labelledby` pointing at `<title>` and
//! `<desc>`, which come first; elements drawn in a series colour get `series-N` classes
//! (and, from series 2 on, a fill pattern and an outline, so that colour is not the only
//! cue); the target line gets a dash; noise attributes go. The legend is written here
//! too. The rewrite is a pure function of its input, so identical charts give identical
//! bytes.
//!
//! Right to left: every text gets `direction="rtl"`, so that Arabic with numbers, `%` and
//! acronyms inside reads in the right order. Bar charts are mirrored here rather than
//! drawn twice: each x becomes `width - x`, and since `text-anchor="start"` means the
//! right end of a right-to-left text, the anchors stay as `plotters` wrote them. Charts
//! that are not mirrored (columns, lines) swap `start` and `end` instead. Each text is a
//! first-strong isolate, so a label left in English keeps its own order.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::layout::{Direction, LegendEntry};
use super::palette;
use super::spec::ChartKind;
use super::text::FAMILY;
use crate::escape::markup_into;

/// What the document needs besides `plotters`' drawing.
pub struct Frame<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub width: u32,
    pub height: u32,
    /// The size of label text, which the labels group sets once.
    pub font: f64,
    /// The drawing's class besides `chart` (`chart-wide`, `chart-narrow`).
    pub class: &'a str,
    pub kind: ChartKind,
    pub series: usize,
    pub legend: &'a [LegendEntry],
    pub direction: Direction,
    /// Shown instead of the drawing when there is none.
    pub fallback: &'a str,
}

impl Frame<'_> {
    /// Whether the drawing is mirrored: bar charts on right-to-left pages.
    fn mirrored(&self) -> bool {
        self.direction == Direction::Rtl
            && matches!(
                self.kind,
                ChartKind::Bar | ChartKind::GroupedBar | ChartKind::StackedBar
            )
    }

    /// Whether text anchors swap `start` and `end`: right-to-left text in a chart that is
    /// not mirrored.
    fn swaps_anchors(&self) -> bool {
        self.direction == Direction::Rtl && !self.mirrored()
    }

    /// What each text is wrapped in: on right-to-left pages a first-strong isolate
    /// (U+2068 … U+2069), so that a label left in English ("B. Digital cooperation…") keeps
    /// its own left-to-right order, ellipsis last, inside the right-to-left line.
    fn isolation(&self) -> (&'static str, &'static str) {
        match self.direction {
            Direction::Rtl => ("\u{2068}", "\u{2069}"),
            Direction::Ltr => ("", ""),
        }
    }

    /// ` direction="rtl"` on right-to-left pages, for the groups that hold text.
    fn direction_attribute(&self) -> &'static str {
        match self.direction {
            Direction::Rtl => " direction=\"rtl\"",
            Direction::Ltr => "",
        }
    }
}

/// The group of all text, with the defaults that its elements then leave out.
fn labels_open(frame: &Frame) -> String {
    format!(
        "<g class=\"labels\" font-size=\"{}\" fill=\"{}\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" style=\"paint-order:stroke\"{}>\n",
        frame.font,
        palette::TEXT,
        frame.direction_attribute()
    )
}

/// The final SVG: `drawn` is `plotters`' output, or `None` if drawing failed.
pub fn document(drawn: Option<&str>, frame: &Frame) -> String {
    let mut svg = String::with_capacity(drawn.map_or(1024, |raw| raw.len() / 2 + 1024));
    open(&mut svg, frame);
    defs(&mut svg, frame);
    legend(&mut svg, frame);
    match drawn {
        Some(raw) => {
            let mut all = elements(raw);
            if frame.mirrored() {
                all.iter_mut().for_each(|e| e.mirror(frame.width));
            }
            let (texts, shapes): (Vec<Element>, Vec<Element>) =
                all.into_iter().partition(|e| e.text.is_some());
            write_shapes(&mut svg, &shapes, frame);
            // Text goes last, over the bars and lines, with a white halo that keeps it
            // readable where it crosses a grid or target line.
            svg.push_str(&labels_open(frame));
            for element in &texts {
                write_element(&mut svg, element, frame);
            }
            svg.push_str("</g>\n");
        }
        None => {
            let _ = write!(
                svg,
                "<text x=\"8\" y=\"24\" font-size=\"{}\" fill=\"{}\">",
                frame.font,
                palette::TEXT
            );
            markup_into(&mut svg, frame.fallback);
            svg.push_str("</text>\n");
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn open(svg: &mut String, frame: &Frame) {
    let id = frame.id;
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" id=\"{id}\" class=\"chart {} chart-{}\" font-family=\"{FAMILY}\">",
        frame.width,
        frame.height,
        frame.class,
        frame.kind.id()
    );
    let _ = write!(svg, "<title id=\"{id}-title\">");
    markup_into(svg, frame.title);
    let _ = write!(svg, "</title>\n<desc id=\"{id}-desc\">");
    markup_into(svg, frame.description);
    svg.push_str("</desc>\n");
}

/// Whether series are drawn as bars (which get patterns) rather than lines.
fn has_bars(kind: ChartKind) -> bool {
    kind != ChartKind::Line
}

fn defs(svg: &mut String, frame: &Frame) {
    if !has_bars(frame.kind) || frame.series < 2 {
        return;
    }
    svg.push_str("<defs>");
    for index in 1..frame.series {
        if let Some(pattern) = palette::pattern(frame.id, index) {
            svg.push_str(&pattern);
        }
    }
    svg.push_str("</defs>\n");
}

fn legend(svg: &mut String, frame: &Frame) {
    if frame.legend.is_empty() {
        return;
    }
    let _ = writeln!(
        svg,
        "<g class=\"legend\" font-size=\"{}\" fill=\"{}\"{}>",
        frame.font,
        palette::TEXT,
        frame.direction_attribute()
    );
    for entry in frame.legend {
        let y = entry.y;
        // Mirrored, the swatch ends where it began and the text starts at its right end.
        let (swatch, text) = match frame.direction {
            Direction::Rtl => (frame.width - entry.x - 12, frame.width - entry.x - 16),
            Direction::Ltr => (entry.x, entry.x + 16),
        };
        let _ = write!(
            svg,
            "<rect x=\"{swatch}\" y=\"{}\" width=\"12\" height=\"12\" class=\"swatch {}\"{}/>\n<text x=\"{text}\" y=\"{}\" dy=\"0.5ex\">",
            y + 3,
            palette::series_class(entry.series),
            paint(frame.id, entry.series),
            y + 9,
        );
        let (open, close) = frame.isolation();
        svg.push_str(open);
        markup_into(svg, &entry.name);
        svg.push_str(close);
        svg.push_str("</text>\n");
    }
    svg.push_str("</g>\n");
}

/// The fill (and outline, for patterned series) of a bar or swatch of series `index`.
fn paint(id: &str, index: usize) -> String {
    let colour = palette::series_colour(index);
    match palette::pattern(id, index) {
        Some(_) => format!(
            " fill=\"url(#{id}-pattern-{})\" stroke=\"{colour}\" stroke-width=\"1\"",
            index + 1
        ),
        None => format!(" fill=\"{colour}\""),
    }
}

// ---------------------------------------------------------------------------------------
// Reading plotters' output

/// An element's attributes in order: name and value (borrowed, or rewritten by mirroring).
type Attributes<'a> = Vec<(&'a str, Cow<'a, str>)>;

/// One element of `plotters`' output; values are kept escaped, as `plotters` wrote them.
struct Element<'a> {
    tag: &'a str,
    attributes: Attributes<'a>,
    text: Option<String>,
}

impl<'a> Element<'a> {
    fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_ref())
    }

    /// Reflects the element across the vertical centre line of a drawing `width` wide.
    fn mirror(&mut self, width: u32) {
        let width = f64::from(width);
        let rect_width = self.get("width").and_then(|w| w.parse::<f64>().ok());
        let tag = self.tag;
        for (name, value) in &mut self.attributes {
            let mirrored = match (tag, *name) {
                ("rect", "x") => rect_width.and_then(|w| flip(value, width - w)),
                (_, "x" | "x1" | "x2" | "cx") => flip(value, width),
                (_, "points") => Some(flip_points(value, width)),
                _ => None,
            };
            if let Some(mirrored) = mirrored {
                *value = Cow::Owned(mirrored);
            }
        }
    }
}

/// `axis - value`, for a coordinate written as a number.
fn flip(value: &str, axis: f64) -> Option<String> {
    let value = value.parse::<f64>().ok()?;
    Some(format_coordinate(axis - value))
}

fn format_coordinate(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    format!("{rounded}")
}

/// `x,y x,y …` with each x reflected.
fn flip_points(points: &str, width: f64) -> String {
    points
        .split_whitespace()
        .map(|point| match point.split_once(',') {
            Some((x, y)) => match flip(x, width) {
                Some(x) => format!("{x},{y}"),
                None => point.to_owned(),
            },
            None => point.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The drawing elements of `raw`, in order (the root `<svg>` is left out).
fn elements(raw: &str) -> Vec<Element<'_>> {
    let mut elements = Vec::new();
    let mut lines = raw.lines();
    while let Some(line) = lines.next() {
        let line = line.trim();
        if line.starts_with("<svg") || line.starts_with("</") || !line.starts_with('<') {
            continue;
        }
        let Some((tag, attributes)) = parse_tag(line) else {
            continue;
        };
        let text = (tag == "text").then(|| {
            let content: Vec<&str> = lines
                .by_ref()
                .take_while(|l| l.trim() != "</text>")
                .collect();
            content.join(" ").trim().to_owned()
        });
        elements.push(Element {
            tag,
            attributes,
            text,
        });
    }
    elements
}

/// `<tag a="1" b="2"/>` (or `>`) into its name and attributes.
fn parse_tag(line: &str) -> Option<(&str, Attributes<'_>)> {
    let inner = line.strip_prefix('<')?;
    let inner = inner
        .strip_suffix("/>")
        .or_else(|| inner.strip_suffix('>'))?;
    let (tag, mut rest) = inner.split_once(' ').unwrap_or((inner, ""));
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start();
        let Some((name, after)) = rest.split_once("=\"") else {
            break;
        };
        let (value, after) = after.split_once('"')?;
        attributes.push((name.trim(), Cow::Borrowed(value)));
        rest = after;
    }
    Some((tag, attributes))
}

// ---------------------------------------------------------------------------------------
// Writing the tidied elements

/// The shapes in order, except that plain lines (axes, ticks, grid) of one stroke are
/// merged into one `<path>` where the first of them was: the same picture, a third of
/// the bytes.
fn write_shapes<'s>(svg: &mut String, shapes: &'s [Element<'_>], frame: &Frame) {
    let mut paths: Vec<((&'s str, &'s str), String)> = Vec::new();
    for element in shapes {
        if let Some((key, segment)) = plain_line(element, frame) {
            match paths.iter_mut().find(|(known, _)| *known == key) {
                Some((_, d)) => d.push_str(&segment),
                None => paths.push((key, segment)),
            }
        }
    }
    let mut written: Vec<(&'s str, &'s str)> = Vec::new();
    for element in shapes {
        let Some((key, _)) = plain_line(element, frame) else {
            write_element(svg, element, frame);
            continue;
        };
        if written.contains(&key) {
            continue;
        }
        written.push(key);
        if let Some((_, d)) = paths.iter().find(|(known, _)| *known == key) {
            let _ = writeln!(
                svg,
                "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"/>",
                key.0, key.1
            );
        }
    }
}

/// For a `<line>` or `<polyline>` that belongs to no series and is not the target: its
/// (stroke, stroke width) and its path segment.
fn plain_line<'s>(element: &'s Element<'_>, frame: &Frame) -> Option<((&'s str, &'s str), String)> {
    let stroke = element.get("stroke")?;
    let width = element.get("stroke-width").unwrap_or("1");
    if series_of(element, frame.series).is_some() || stroke == palette::TARGET {
        return None;
    }
    let points: Vec<String> = match element.tag {
        "line" => {
            let get = |name| element.get(name).unwrap_or("0");
            vec![
                format!("{},{}", get("x1"), get("y1")),
                format!("{},{}", get("x2"), get("y2")),
            ]
        }
        "polyline" => element
            .get("points")?
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
        _ => return None,
    };
    let (first, rest) = points.split_first()?;
    let mut segment = format!("M{first}");
    for point in rest {
        segment.push('L');
        segment.push_str(point);
    }
    Some(((stroke, width), segment))
}

/// What an element drawn in a series colour is, for its class.
fn role(tag: &str, kind: ChartKind) -> &'static str {
    match (tag, has_bars(kind)) {
        ("text", _) => "label",
        ("rect", true) => "bar",
        ("polyline", false) => "line",
        _ => "marker",
    }
}

/// The series whose colour `element` is drawn in, if any.
fn series_of(element: &Element, series: usize) -> Option<usize> {
    let colours = &palette::SERIES[..series.min(palette::SERIES.len())];
    [element.get("fill"), element.get("stroke")]
        .into_iter()
        .flatten()
        .find_map(|colour| colours.iter().position(|known| *known == colour))
}

fn write_element(svg: &mut String, element: &Element, frame: &Frame) {
    let series = series_of(element, frame.series);
    let target = element.tag != "text" && element.get("stroke") == Some(palette::TARGET);
    let patterned = series.filter(|s| *s > 0 && element.tag == "rect" && has_bars(frame.kind));
    svg.push('<');
    svg.push_str(element.tag);
    let swap = element.tag == "text" && frame.swaps_anchors();
    for (name, value) in &element.attributes {
        if element.tag == "text" && is_label_default(name, value, frame.font) {
            continue;
        }
        if swap && *name == "text-anchor" {
            continue;
        }
        write_attribute(svg, name, value, patterned.is_some(), frame.font);
    }
    if swap {
        match element.get("text-anchor").unwrap_or("start") {
            "start" => svg.push_str(" text-anchor=\"end\""),
            "end" => {}
            other => {
                let _ = write!(svg, " text-anchor=\"{other}\"");
            }
        }
    }
    if let Some(index) = series {
        let _ = write!(
            svg,
            " class=\"{} {}\"",
            role(element.tag, frame.kind),
            palette::series_class(index)
        );
    }
    if let Some(index) = patterned {
        svg.push_str(&paint(frame.id, index));
    }
    if target {
        svg.push_str(" class=\"target\" stroke-dasharray=\"6 4\"");
    }
    match &element.text {
        Some(text) => {
            svg.push('>');
            let (open, close) = frame.isolation();
            svg.push_str(open);
            svg.push_str(text);
            svg.push_str(close);
            svg.push_str("</text>\n");
        }
        None => svg.push_str("/>\n"),
    }
}

/// Whether a text attribute repeats what the labels group already says.
fn is_label_default(name: &str, value: &str, font: f64) -> bool {
    match name {
        "fill" => value == palette::TEXT,
        "text-anchor" => value == "start",
        "font-size" => value
            .parse::<f64>()
            .is_ok_and(|size| (size - font).abs() < 0.05),
        _ => false,
    }
}

/// One attribute, unless it is noise; `repainted` drops the fill and stroke that
/// [`paint`] replaces.
fn write_attribute(svg: &mut String, name: &str, value: &str, repainted: bool, font: f64) {
    match name {
        "font-family" => {}
        "opacity" if value == "1" => {}
        "fill" | "stroke" if repainted => {}
        "stroke" if value == "none" => {}
        "font-size" => {
            let size = value
                .parse::<f64>()
                .map_or(font, |size| (size * 10.0).round() / 10.0);
            let _ = write!(svg, " font-size=\"{size}\"");
        }
        _ => {
            let _ = write!(svg, " {name}=\"{value}\"");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plotters_lines() {
        let raw = "<svg width=\"10\" height=\"10\">\n<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" opacity=\"1\" fill=\"#0B5FA5\" stroke=\"none\"/>\n<text x=\"5\" y=\"6\" font-family=\"system-ui, sans-serif\" font-size=\"11.999999999\" opacity=\"1\" fill=\"#1F1F1F\">\nA &amp; B\n</text>\n</svg>\n";
        let frame = Frame {
            id: "c",
            title: "T",
            description: "D",
            width: 10,
            height: 10,
            font: 12.0,
            class: "chart-wide",
            kind: ChartKind::Bar,
            series: 1,
            legend: &[],
            direction: Direction::Ltr,
            fallback: "",
        };
        let svg = document(Some(raw), &frame);
        assert!(svg.contains(
            "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" fill=\"#0B5FA5\" class=\"bar series-1\"/>"
        ));
        assert!(svg.contains("<text x=\"5\" y=\"6\">A &amp; B</text>"));
        assert!(!svg.contains("opacity"));
    }
}
