//! The forum map: the Digital Cooperation Forum as a hub, the forums around it in one
//! box per category, each forum a link to its page (after Figure V of the policy brief on
//! the Global Digital Compact).
//!
//! Why boxes in two columns rather than rings: names run from 8 to 120 characters and
//! categories from 4 to 14 forums (60 or more later), and every label must stay readable
//! and never overlap. So each category is a box of chips, one or two chips wide; a name
//! wraps over at most two lines and is cut with `…` (the full name stays in the link's
//! `<title>` and accessible name); boxes are dealt to the left and right of the hub so that
//! both sides have about the same height, and connectors join each box to the hub. The
//! layout is computed with the embedded font's metrics and returned as boxes
//! ([`layout`]), so tests can check that nothing overlaps.
//!
//! The SVG uses `role="document"` (not `img`, which would hide the links) with an
//! `aria-label`; each category is a labelled group, each forum an ordinary link.

use std::fmt::Write as _;

use crate::charts::palette;
use crate::charts::text::{self, FAMILY};
use crate::escape::{markup, markup_into};
use crate::model::{Forum, ForumCategory};

const WIDTH: f64 = 960.0;
/// The width of a category box.
const SIDE: f64 = 360.0;
const OUTER: f64 = 16.0;
const PAD: f64 = 10.0;
const GAP: f64 = 8.0;
const BOX_GAP: f64 = 18.0;
const HEADER: f64 = 32.0;
const NAME_SIZE: f64 = 11.0;
const LINE: f64 = 14.0;
const HEADER_SIZE: f64 = 13.0;
const HUB_RADIUS: f64 = 78.0;
const HUB_SIZE: f64 = 15.0;
const HUB_NAME: &str = "Digital Cooperation Forum";
/// Categories with more forums than this get two columns of chips.
const ONE_COLUMN_MAX: usize = 6;

/// A rectangle in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Box {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Box {
    /// Whether the two boxes share any area (touching edges do not count).
    #[cfg(test)]
    pub fn intersects(&self, other: &Box) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    /// Whether `other` lies wholly inside this box.
    #[cfg(test)]
    pub fn contains(&self, other: &Box) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.x + other.width <= self.x + self.width
            && other.y + other.height <= self.y + self.height
    }

    fn shifted(self, dx: f64, dy: f64) -> Box {
        Box {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }
}

/// One forum's link: its chip, the box of its text and the text's lines.
#[derive(Clone, Debug)]
pub struct Chip {
    /// The forum's position in the slice given to [`layout`].
    pub forum: usize,
    pub rect: Box,
    pub text: Box,
    pub lines: Vec<String>,
    /// Whether the name was cut to fit.
    pub truncated: bool,
}

/// One category's box.
#[derive(Clone, Debug)]
pub struct Group {
    pub category: ForumCategory,
    pub rect: Box,
    /// The box of the header text.
    pub header: Box,
    pub label: String,
    pub chips: Vec<Chip>,
    /// Whether the box is left of the hub.
    pub left: bool,
}

/// The whole map, in SVG user units.
#[derive(Clone, Debug)]
pub struct ForumMapLayout {
    pub width: f64,
    pub height: f64,
    pub hub: Box,
    pub hub_lines: Vec<String>,
    pub groups: Vec<Group>,
}

/// Lays out `forums`: boxes by category on both sides of the hub.
pub fn layout(forums: &[Forum]) -> ForumMapLayout {
    let mut groups: Vec<Group> = by_category(forums)
        .into_iter()
        .map(|(category, members)| group(category, &members, forums))
        .collect();
    let sides = deal(&mut groups);
    let content = sides.0.max(sides.1).max(2.0 * HUB_RADIUS + 40.0);
    let mut next = (
        OUTER + ((content - sides.0) / 2.0).round(),
        OUTER + ((content - sides.1) / 2.0).round(),
    );
    for group in &mut groups {
        let (x, y) = if group.left {
            (OUTER, &mut next.0)
        } else {
            (WIDTH - OUTER - SIDE, &mut next.1)
        };
        move_group(group, x, *y);
        *y += group.rect.height + BOX_GAP;
    }
    let centre = (WIDTH / 2.0, OUTER + (content / 2.0).round());
    ForumMapLayout {
        width: WIDTH,
        height: content + 2.0 * OUTER,
        hub: Box {
            x: centre.0 - HUB_RADIUS,
            y: centre.1 - HUB_RADIUS,
            width: 2.0 * HUB_RADIUS,
            height: 2.0 * HUB_RADIUS,
        },
        hub_lines: text::wrap(HUB_NAME, HUB_SIZE * 1.08, 2.0 * HUB_RADIUS - 28.0, 3).0,
        groups,
    }
}

/// The positions of the forums of each category, categories in the model's order.
fn by_category(forums: &[Forum]) -> Vec<(ForumCategory, Vec<usize>)> {
    ForumCategory::ALL
        .iter()
        .map(|category| {
            let members = forums
                .iter()
                .enumerate()
                .filter(|(_, forum)| forum.category == *category)
                .map(|(index, _)| index)
                .collect::<Vec<_>>();
            (*category, members)
        })
        .filter(|(_, members)| !members.is_empty())
        .collect()
}

/// Puts each group on the side that is shorter so far (left on ties), balancing the
/// heights; returns the sides' total heights.
fn deal(groups: &mut [Group]) -> (f64, f64) {
    let mut heights = (0.0_f64, 0.0_f64);
    for group in groups {
        group.left = heights.0 <= heights.1;
        let side = if group.left {
            &mut heights.0
        } else {
            &mut heights.1
        };
        if *side > 0.0 {
            *side += BOX_GAP;
        }
        *side += group.rect.height;
    }
    heights
}

/// A category's box at the origin, its chips in one or two columns.
fn group(category: ForumCategory, members: &[usize], forums: &[Forum]) -> Group {
    let columns = if members.len() > ONE_COLUMN_MAX { 2 } else { 1 };
    let chip_width = ((SIDE - 2.0 * PAD - (columns as f64 - 1.0) * GAP) / columns as f64).floor();
    let mut chips = Vec::with_capacity(members.len());
    let mut y = HEADER;
    for row in members.chunks(columns) {
        let wrapped: Vec<(Vec<String>, bool)> = row
            .iter()
            .map(|&forum| {
                let name = forums.get(forum).map_or("", |forum| forum.name.as_str());
                text::wrap(&clean(name), NAME_SIZE, chip_width - 12.0, 2)
            })
            .collect();
        let lines = wrapped
            .iter()
            .map(|(lines, _)| lines.len().max(1))
            .max()
            .unwrap_or(1);
        let height = lines as f64 * LINE + 10.0;
        for (column, (&forum, (lines, truncated))) in row.iter().zip(wrapped).enumerate() {
            let rect = Box {
                x: PAD + column as f64 * (chip_width + GAP),
                y,
                width: chip_width,
                height,
            };
            chips.push(chip(forum, rect, lines, truncated));
        }
        y += height + GAP;
    }
    let label = text::truncate(
        &format!("{} ({})", category.label(), members.len()),
        HEADER_SIZE * 1.08,
        SIDE - 2.0 * PAD,
    );
    Group {
        category,
        rect: Box {
            x: 0.0,
            y: 0.0,
            width: SIDE,
            height: y - GAP + PAD,
        },
        header: Box {
            x: PAD,
            y: 9.0,
            width: text::bold_width(&label, HEADER_SIZE).ceil(),
            height: 16.0,
        },
        label,
        chips,
        left: true,
    }
}

fn chip(forum: usize, rect: Box, lines: Vec<String>, truncated: bool) -> Chip {
    let widest = lines
        .iter()
        .map(|line| text::width(line, NAME_SIZE))
        .fold(0.0, f64::max);
    Chip {
        forum,
        text: Box {
            x: rect.x + 6.0,
            y: rect.y + 5.0,
            width: widest.ceil(),
            height: lines.len() as f64 * LINE,
        },
        rect,
        lines,
        truncated,
    }
}

fn move_group(group: &mut Group, x: f64, y: f64) {
    group.rect = group.rect.shifted(x, y);
    group.header = group.header.shifted(x, y);
    for chip in &mut group.chips {
        chip.rect = chip.rect.shifted(x, y);
        chip.text = chip.text.shifted(x, y);
    }
}

/// `name` on one line, without control characters.
fn clean(name: &str) -> String {
    crate::charts::svg::clean(name)
}

// ---------------------------------------------------------------------------------------
// SVG

/// The forum map as an SVG whose links point at `{base_href}forums/{id}/`.
pub fn forum_map(forums: &[Forum], base_href: &str) -> String {
    let map = layout(forums);
    let mut svg = String::with_capacity(600 + forums.len() * 400);
    open(&mut svg, &map, forums.len());
    connectors(&mut svg, &map);
    hub(&mut svg, &map);
    for group in &map.groups {
        category(&mut svg, group, forums, base_href);
    }
    svg.push_str("</svg>\n");
    svg
}

fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    format!("{rounded}")
}

fn open(svg: &mut String, map: &ForumMapLayout, count: usize) {
    let categories = map.groups.len();
    let label = format!(
        "The digital-cooperation architecture: {count} forum{} in {categories} categor{} around the {HUB_NAME}",
        if count == 1 { "" } else { "s" },
        if categories == 1 { "y" } else { "ies" },
    );
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"document\" aria-label=\"{}\" class=\"forum-map\" font-family=\"{FAMILY}\">",
        num(map.width),
        num(map.height),
        markup(&label)
    );
}

fn connectors(svg: &mut String, map: &ForumMapLayout) {
    let (cx, cy) = (map.hub.x + HUB_RADIUS, map.hub.y + HUB_RADIUS);
    let _ = writeln!(
        svg,
        "<g class=\"connectors\" aria-hidden=\"true\" stroke=\"{}\" stroke-width=\"1.5\">",
        palette::MUTED
    );
    for group in &map.groups {
        let x = if group.left {
            group.rect.x + group.rect.width
        } else {
            group.rect.x
        };
        let y = group.rect.y + HEADER / 2.0;
        let _ = writeln!(
            svg,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            num(cx),
            num(cy),
            num(x),
            num(y)
        );
    }
    svg.push_str("</g>\n");
}

fn hub(svg: &mut String, map: &ForumMapLayout) {
    let (cx, cy) = (map.hub.x + HUB_RADIUS, map.hub.y + HUB_RADIUS);
    let _ = write!(
        svg,
        "<g class=\"hub\"><circle cx=\"{}\" cy=\"{}\" r=\"{HUB_RADIUS}\" fill=\"{}\"/><text text-anchor=\"middle\" font-size=\"{HUB_SIZE}\" font-weight=\"bold\" fill=\"#FFFFFF\">",
        num(cx),
        num(cy),
        palette::series_colour(0)
    );
    let count = map.hub_lines.len() as f64;
    for (index, line) in map.hub_lines.iter().enumerate() {
        let y = cy + (index as f64 - (count - 1.0) / 2.0) * (HUB_SIZE * 1.25) + HUB_SIZE * 0.35;
        let _ = write!(svg, "<tspan x=\"{}\" y=\"{}\">", num(cx), num(y));
        markup_into(svg, line);
        svg.push_str("</tspan>");
    }
    svg.push_str("</text></g>\n");
}

fn category(svg: &mut String, group: &Group, forums: &[Forum], base_href: &str) {
    let id = group.category.id();
    let colour = palette::series_colour(
        ForumCategory::ALL
            .iter()
            .position(|category| *category == group.category)
            .unwrap_or(0),
    );
    let rect = group.rect;
    let _ = write!(
        svg,
        "<g class=\"forum-category category-{id}\" role=\"group\" aria-labelledby=\"forum-map-{id}\">\n<rect class=\"category-box\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"#FFFFFF\" stroke=\"{colour}\" stroke-width=\"2\"/>\n<text id=\"forum-map-{id}\" class=\"category-label\" x=\"{}\" y=\"{}\" font-size=\"{HEADER_SIZE}\" font-weight=\"bold\" fill=\"{colour}\">",
        num(rect.x),
        num(rect.y),
        num(rect.width),
        num(rect.height),
        num(group.header.x),
        num(group.header.y + 12.0),
    );
    markup_into(svg, &group.label);
    svg.push_str("</text>\n");
    for chip in &group.chips {
        if let Some(forum) = forums.get(chip.forum) {
            link(svg, chip, forum, base_href, colour);
        }
    }
    svg.push_str("</g>\n");
}

fn link(svg: &mut String, chip: &Chip, forum: &Forum, base_href: &str, colour: &str) {
    let href = format!("{base_href}{}", crate::urls::PortalPath::forum(&forum.id));
    let _ = write!(svg, "<a href=\"{}\" class=\"forum-link\"", markup(&href));
    svg.push('>');
    if chip.truncated {
        // The full name as the link's <title>, which names it for assistive technology; an
        // aria-label would differ from the visible (cut) text, which WCAG 2.5.3 forbids.
        svg.push_str("<title>");
        markup_into(svg, &clean(&forum.name));
        svg.push_str("</title>");
    }
    let rect = chip.rect;
    let _ = write!(
        svg,
        "<rect class=\"forum-chip\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"#F5F8FB\" stroke=\"{colour}\"/><text font-size=\"{NAME_SIZE}\" fill=\"{}\">",
        num(rect.x),
        num(rect.y),
        num(rect.width),
        num(rect.height),
        palette::TEXT
    );
    for (index, line) in chip.lines.iter().enumerate() {
        let y = chip.text.y + index as f64 * LINE + 11.0;
        let _ = write!(svg, "<tspan x=\"{}\" y=\"{}\">", num(chip.text.x), num(y));
        markup_into(svg, line);
        if index + 1 < chip.lines.len() {
            // Lines are words wrapped apart: keep the space, so the text reads as written.
            svg.push(' ');
        }
        svg.push_str("</tspan>");
    }
    svg.push_str("</text></a>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::fixtures;

    /// Every rule of a clean layout; panics naming the first broken one.
    fn assert_clean(map: &ForumMapLayout, forums: &[Forum]) {
        let canvas = Box {
            x: 0.0,
            y: 0.0,
            width: map.width,
            height: map.height,
        };
        let mut seen = vec![0; forums.len()];
        let chips: Vec<&Chip> = map.groups.iter().flat_map(|g| &g.chips).collect();
        for group in &map.groups {
            assert!(
                canvas.contains(&group.rect),
                "{:?} leaves the canvas",
                group.category
            );
            assert!(
                !group.rect.intersects(&map.hub),
                "{:?} covers the hub",
                group.category
            );
            assert!(group.rect.contains(&group.header));
            for chip in &group.chips {
                seen[chip.forum] += 1;
                assert!(
                    group.rect.contains(&chip.rect),
                    "chip {} leaves its box",
                    chip.forum
                );
                assert!(
                    chip.rect.contains(&chip.text),
                    "text of {} leaves its chip",
                    chip.forum
                );
                assert!(
                    !chip.rect.intersects(&group.header),
                    "chip {} under header",
                    chip.forum
                );
                assert!((1..=2).contains(&chip.lines.len()));
            }
        }
        for (index, first) in map.groups.iter().enumerate() {
            for second in &map.groups[index + 1..] {
                assert!(
                    !first.rect.intersects(&second.rect),
                    "{:?} and {:?} overlap",
                    first.category,
                    second.category
                );
            }
        }
        for (index, first) in chips.iter().enumerate() {
            for second in &chips[index + 1..] {
                assert!(
                    !first.rect.intersects(&second.rect),
                    "chips {} and {} overlap",
                    first.forum,
                    second.forum
                );
                assert!(!first.text.intersects(&second.text));
            }
        }
        assert!(
            seen.iter().all(|count| *count == 1),
            "every forum once: {seen:?}"
        );
    }

    #[test]
    fn bundled_forums_lay_out_without_overlap() {
        let forums = fixtures::bundled_forums();
        assert_eq!(forums.len(), 42);
        let map = layout(&forums);
        assert_eq!(map.groups.len(), 5);
        assert_clean(&map, &forums);
    }

    #[test]
    fn sixty_and_more_forums_lay_out_without_overlap() {
        for count in [1, 7, 60, 150] {
            let forums = fixtures::many_forums(count);
            assert_clean(&layout(&forums), &forums);
        }
    }

    #[test]
    fn one_link_per_forum() {
        let forums = fixtures::bundled_forums();
        let svg = forum_map(&forums, "../");
        assert_eq!(svg.matches("<a href=").count(), forums.len());
        for forum in &forums {
            assert!(
                svg.contains(&format!("<a href=\"../forums/{}/\"", forum.id)),
                "{}",
                forum.id
            );
        }
        assert!(svg.contains("role=\"document\" aria-label=\"The digital-cooperation architecture: 42 forums in 5 categories"));
        assert!(!svg.contains("role=\"img\""));
        assert!(svg.contains(">Intergovernmental bodies (11)</text>"));
        assert_eq!(svg, forum_map(&forums, "../"), "deterministic");
    }

    #[test]
    fn long_names_are_cut_but_kept_whole_for_assistive_technology() {
        let forums = fixtures::bundled_forums();
        let svg = forum_map(&forums, "");
        let long = "Open-ended Working Group on Developments in the Field of ICTs in the Context of International Security (2019–2021)";
        assert!(svg.contains(&format!("class=\"forum-link\"><title>{long}</title>")));
        assert!(!svg.contains("forum-link\" aria-label"));
        assert!(svg.contains("…</tspan>"));
        assert!(svg.contains("Working </tspan>") || svg.contains(" </tspan><tspan"));
    }

    #[test]
    fn names_and_ids_are_escaped() {
        let forums = vec![fixtures::forum(
            "x\"onload=\"alert(1)",
            "<script>alert('x')</script> & co",
            ForumCategory::Other,
            Vec::new(),
        )];
        let svg = forum_map(&forums, "../");
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("\"onload"));
        assert!(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
    }

    #[test]
    fn no_forums_still_draws_the_hub() {
        let svg = forum_map(&[], "");
        assert!(svg.contains("0 forums in 0 categories"));
        assert!(svg.contains("<circle"));
    }
}
