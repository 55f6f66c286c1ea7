//! Maps and statistics drawn from the model rather than from a dataset.
//!
//! - [`forum_map`]: the digital-cooperation architecture as a hub (the Digital Cooperation
//!   Forum) with the forums grouped by category around it, each a link (SVG).
//! - [`objectives_forums_matrix`]: which forum works on which objective (HTML table).
//! - [`gap_map`]: contributions per action and stakeholder type, gaps marked (HTML table).
//! - [`counts_chart`]: a horizontal bar chart of counts (per objective, region, …).
//!
//! Why tables for the matrix and the gap map: a grid of marks or numbers is read cell by
//! cell with row and column headers, which an HTML `<table>` gives screen readers for
//! free and an SVG cannot. The forum map is an SVG because its point is the picture, and
//! each forum in it is still an ordinary link.

mod forum_map;
mod tables;

pub use forum_map::forum_map;
pub use tables::{gap_map, objectives_forums_matrix};

use super::spec::{ChartData, ChartKind, Series};
use super::{render_chart_in, Chart, Direction};

/// A horizontal bar chart of `labels_and_counts`, in the order given, with value labels.
/// An empty `description` leaves the `<desc>` empty: the portal passes the main finding,
/// phrased in the page's language by `render::visuals`.
pub fn counts_chart(
    title: &str,
    description: &str,
    labels_and_counts: &[(String, usize)],
    id: &str,
) -> Chart {
    counts_chart_in(
        title,
        description,
        labels_and_counts,
        id,
        ("Category", "Count"),
        Direction::Ltr,
    )
}

/// [`counts_chart`] with the data table's column headers `(category, count)` in the page's
/// language, drawn for a page read in `direction`.
pub fn counts_chart_in(
    title: &str,
    description: &str,
    labels_and_counts: &[(String, usize)],
    id: &str,
    headers: (&str, &str),
    direction: Direction,
) -> Chart {
    let description = description.trim();
    let data = ChartData {
        title: title.to_owned(),
        description: (!description.is_empty()).then(|| description.to_owned()),
        ..counts_data(labels_and_counts, headers)
    };
    render_chart_in(&data, id, direction)
}

/// The data of a horizontal bar chart of `labels_and_counts` with the column headers
/// `(category, count)`, untitled.
pub fn counts_data(labels_and_counts: &[(String, usize)], headers: (&str, &str)) -> ChartData {
    ChartData {
        kind: ChartKind::Bar,
        title: String::new(),
        description: None,
        source: None,
        unit: None,
        category_label: headers.0.to_owned(),
        categories: labels_and_counts
            .iter()
            .map(|(label, _)| label.clone())
            .collect(),
        series: vec![Series {
            name: headers.1.to_owned(),
            values: labels_and_counts
                .iter()
                .map(|(_, count)| *count as f64)
                .collect(),
        }],
        target: None,
        value_labels: true,
        decimals: 0,
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::charts::fixtures;
    use crate::charts::resolve::resolve;
    use crate::charts::spec::parse_spec;
    use crate::model::{Index, StakeholderType};

    /// Everything a 10,000-contribution site draws, once.
    fn draw_everything(
        objectives: &[crate::model::Objective],
        forums: &[crate::model::Forum],
        contributions: &crate::model::Contributions,
    ) -> usize {
        let index = Index::build(contributions);
        let mut bytes = 0;
        for edition in [Some(2025), Some(2026), None] {
            bytes += gap_map(objectives, contributions, edition, "../").len();
        }
        bytes += objectives_forums_matrix(objectives, forums, "../").len();
        bytes += forum_map(forums, "../").len();
        let by_type: Vec<(String, usize)> = StakeholderType::ALL
            .iter()
            .map(|kind| {
                (
                    kind.label().to_owned(),
                    Index::get(&index.by_stakeholder_type, kind).len(),
                )
            })
            .collect();
        let by_objective: Vec<(String, usize)> = objectives
            .iter()
            .map(|o| {
                (
                    o.title.clone(),
                    Index::get(&index.by_objective, &o.id).len(),
                )
            })
            .collect();
        let by_edition: Vec<(String, usize)> = index
            .by_edition
            .iter()
            .map(|(year, list)| (year.to_string(), list.len()))
            .collect();
        for (name, counts) in [
            ("types", by_type),
            ("objectives", by_objective),
            ("editions", by_edition),
        ] {
            bytes += counts_chart(name, "", &counts, name).svg.len();
        }
        let spec =
            parse_spec("dataset: affordability-2021-2022\ntitle: T\ntarget: 2\nunit: \"%\"\n")
                .unwrap_or_else(|error| panic!("{error}"));
        let data = resolve(&spec, &fixtures::affordability()).unwrap_or_else(|e| panic!("{e}"));
        bytes + crate::charts::render_chart(&data, "figure-1").svg.len()
    }

    #[test]
    fn a_ten_thousand_contribution_site_is_drawn_fast() {
        let objectives = fixtures::bundled_objectives();
        let forums = fixtures::many_forums(60);
        let contributions =
            crate::model::Contributions::new(fixtures::contributions(&objectives, 10_000));
        draw_everything(&objectives, &forums, &contributions);
        let start = Instant::now();
        let bytes = draw_everything(&objectives, &forums, &contributions);
        let elapsed = start.elapsed();
        let budget = if cfg!(debug_assertions) {
            Duration::from_secs(3)
        } else {
            Duration::from_millis(100)
        };
        assert!(elapsed < budget, "{elapsed:?} for {bytes} bytes");
        assert!(bytes > 100_000);
    }
}
