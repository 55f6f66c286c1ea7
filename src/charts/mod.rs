//! Charts and maps, rendered at build time as small, accessible, deterministic SVG and HTML.
//!
//! Why at build time: the portal must work without JavaScript, on slow connections and in
//! screen readers, and two builds of one tree must be byte-identical. So every figure is a
//! string computed once from the model: an SVG for the eye (with `<title>`, and a `<desc>`
//! stating the main finding, which [`describe`] finds and `render::visuals` phrases), and
//! the same numbers as a table and a CSV for everyone else.
//!
//! - [`spec`]: the YAML of a fenced ```` ```chart ```` block, checked against its dataset.
//! - [`svg`]: bar, column, grouped, stacked and line charts (drawn with `plotters`, then
//!   tidied into small accessible SVG).
//! - [`maps`]: the forum map (hub and sectors), the objectives × forums matrix, the gap
//!   map (actions × stakeholder types) and count charts from the model.
//!
//! Nothing here does I/O or panics on data; all text from content is escaped by
//! `crate::escape`. The
//! classes used by the HTML tables and SVGs are styled by [`stylesheet`], which the theme
//! includes.

pub mod describe;
mod draw;
#[cfg(test)]
mod fixtures;
pub mod layout;
pub mod maps;
mod palette;
pub mod resolve;
pub mod spec;
pub mod svg;
mod text;
mod tidy;
mod xml;

use crate::escape::markup_into;
use serde::Serialize;

pub use describe::{finding, Finding};
pub use layout::Direction;
pub use maps::{counts_chart, counts_chart_in, forum_map, gap_map, objectives_forums_matrix};
pub use palette::stylesheet;
pub use resolve::{find_dataset, resolve};
pub use spec::{
    parse_spec, ChartData, ChartKind, ChartSpec, Filter, Located, Series, SpecError, Target,
};
pub use svg::{render_chart, render_chart_in};

/// A rendered chart: the SVG, and the same numbers as a table and as CSV.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Chart {
    /// A complete `<svg>` element, safe to insert into HTML as is: the wide drawing.
    pub svg: String,
    /// The same chart drawn for phones (see [`layout::Geometry`]); the stylesheet shows one.
    pub narrow_svg: String,
    /// The data table shown beside the chart (in `<details>`).
    pub table: Table,
    /// Exactly the plotted numbers, with a header row.
    pub csv: String,
    pub title: String,
    /// The text of the SVG's `<desc>`: the author's, or the main finding phrased by the
    /// caller (`render::visuals`); empty when neither was given.
    pub description: String,
    pub source: Option<String>,
}

/// The words a figure's HTML frames the chart with, in the page's language.
#[derive(Clone, Debug)]
pub struct ChartWords {
    /// Before the source, e.g. "Source:".
    pub source: String,
    /// The data table's disclosure, e.g. "Data table".
    pub data_table: String,
    /// The CSV link, e.g. "Download these numbers (CSV)".
    pub download: String,
}

impl Default for ChartWords {
    fn default() -> Self {
        ChartWords {
            source: "Source:".to_owned(),
            data_table: "Data table".to_owned(),
            download: "Download these numbers (CSV)".to_owned(),
        }
    }
}

impl Chart {
    /// The chart as a `<figure>` in English (see [`Chart::to_html_in`]).
    pub fn to_html(&self, csv_href: Option<&str>) -> String {
        self.to_html_in(csv_href, &ChartWords::default())
    }

    /// The chart as a `<figure>`: a caption with the title and source, the SVG, and the
    /// data table in `<details>`, with a link to `csv_href` when given, framed by `words`.
    pub fn to_html_in(&self, csv_href: Option<&str>, words: &ChartWords) -> String {
        let capacity = self.svg.len() + self.narrow_svg.len() + 256 + 48 * self.table.rows.len();
        let mut html = String::with_capacity(capacity);
        html.push_str("<figure class=\"chart-figure\">\n<figcaption>");
        markup_into(&mut html, &self.title);
        if let Some(source) = &self.source {
            html.push_str(" <span class=\"chart-source\">");
            markup_into(&mut html, &words.source);
            html.push(' ');
            markup_into(&mut html, source);
            html.push_str("</span>");
        }
        html.push_str("</figcaption>\n");
        html.push_str(&self.svg);
        html.push_str(&self.narrow_svg);
        html.push_str("<details class=\"chart-data\">\n<summary>");
        markup_into(&mut html, &words.data_table);
        html.push_str("</summary>\n");
        html.push_str(&self.table.to_html());
        if let Some(href) = csv_href {
            html.push_str("<p><a href=\"");
            markup_into(&mut html, href);
            html.push_str("\" download>");
            markup_into(&mut html, &words.download);
            html.push_str("</a></p>\n");
        }
        html.push_str("</details>\n</figure>\n");
        html
    }
}

/// A table of strings; [`Table::to_html`] turns it into an escaped `<table>`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as HTML: a caption, column headers and one row header per row.
    pub fn to_html(&self) -> String {
        let mut html = String::with_capacity(64 * (self.rows.len() + 2));
        html.push_str("<table class=\"chart-table\">\n<caption>");
        markup_into(&mut html, &self.caption);
        html.push_str("</caption>\n<thead><tr>");
        for header in &self.headers {
            html.push_str("<th scope=\"col\">");
            markup_into(&mut html, header);
            html.push_str("</th>");
        }
        html.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            push_row(&mut html, row);
        }
        html.push_str("</tbody>\n</table>\n");
        html
    }
}

/// One body row: the first cell is the row's header, the others are numbers.
fn push_row(html: &mut String, row: &[String]) {
    html.push_str("<tr>");
    for (position, cell) in row.iter().enumerate() {
        let (open, close) = match position {
            0 => ("<th scope=\"row\">", "</th>"),
            _ => ("<td>", "</td>"),
        };
        html.push_str(open);
        markup_into(html, cell);
        html.push_str(close);
    }
    html.push_str("</tr>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_html_holds_svg_caption_and_table() {
        let chart = counts_chart("Per <region>", "", &[("Africa".to_owned(), 3)], "c");
        let html = chart.to_html(Some("data/x.csv?a=1&b=2"));
        assert!(html.starts_with(
            "<figure class=\"chart-figure\">\n<figcaption>Per &lt;region&gt;</figcaption>\n<svg "
        ));
        assert!(html.contains("<details class=\"chart-data\">"));
        assert!(html.contains("<th scope=\"row\">Africa</th><td>3</td>"));
        assert!(html.contains("href=\"data/x.csv?a=1&amp;b=2\" download"));
    }

    #[test]
    fn table_html_escapes_and_has_headers() {
        let table = Table {
            caption: "<b>caption</b>".to_owned(),
            headers: vec!["group".to_owned(), "2021".to_owned()],
            rows: vec![vec!["A & B".to_owned(), "1.5".to_owned()]],
        };
        let html = table.to_html();
        assert!(html.contains("<caption>&lt;b&gt;caption&lt;/b&gt;</caption>"));
        assert!(html.contains("<th scope=\"col\">2021</th>"));
        assert!(html.contains("<th scope=\"row\">A &amp; B</th><td>1.5</td>"));
    }
}
