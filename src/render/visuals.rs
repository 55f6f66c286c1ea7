//! Charts and maps on the portal's pages: the glue between `crate::charts` and rendering.
//!
//! Two kinds of figures reach pages:
//! - fenced ```` ```chart ```` blocks in Markdown, drawn from a dataset ([`ChartBlocks`]);
//!   a block naming an unknown dataset or column becomes a diagnostic with its line;
//! - the portal's own figures computed from the model ([`Figures`]): counts by objective,
//!   stakeholder type, region, status and edition, the forum map, the objectives × forums
//!   matrix and the gap maps. They are computed once per build, not once per page.
//!
//! Every chart's numbers are also written as CSV under `charts/`, linked from the chart.

use crate::charts::{self, Chart};
use crate::model::{Dataset, Index, Region, Site, StakeholderType, Status};

use super::i18n::{Arg, Messages};
use super::markdown::{BlockError, Blocks};
use super::urls::PortalPath;

/// The words of a portal's figures, in its language: chart titles, labels of the closed
/// lists, table headers, and the frame of every figure.
pub struct Words<'m> {
    messages: &'m Messages,
    language: &'m str,
    /// The default language, whose descriptions the chart module writes itself.
    default_language: &'m str,
    pub chart: charts::ChartWords,
}

impl<'m> Words<'m> {
    pub fn new(messages: &'m Messages, language: &'m str, default_language: &'m str) -> Self {
        let text = |key: &str| messages.text(language, key, &[]);
        Words {
            chart: charts::ChartWords {
                source: text("chart-source-label"),
                data_table: text("chart-data-table"),
                download: text("chart-download"),
            },
            messages,
            language,
            default_language,
        }
    }

    fn text(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.messages.text(self.language, key, args)
    }

    fn label(&self, prefix: &str, id: &str) -> String {
        self.messages.label(self.language, prefix, id)
    }

    /// A count chart titled by the message `key`, with headers and description in the
    /// portal's language.
    fn counts_chart(&self, key: &str, counts: &[(String, usize)], id: &str) -> Chart {
        let headers = (
            self.text("chart-category", &[]),
            self.text("chart-count", &[]),
        );
        charts::counts_chart_in(
            &self.text(key, &[]),
            &self.describe(counts),
            counts,
            id,
            (&headers.0, &headers.1),
        )
    }

    /// The main finding of a count chart: empty in the default language, whose sentence
    /// the chart module generates; a message in the others.
    fn describe(&self, counts: &[(String, usize)]) -> String {
        if self.language == self.default_language {
            return String::new();
        }
        let largest = counts.iter().max_by_key(|(_, count)| *count);
        let smallest = counts.iter().min_by_key(|(_, count)| *count);
        match (largest, smallest) {
            (Some(largest), Some(smallest)) => self.text(
                "chart-extremes",
                &[
                    ("largest", largest.0.clone().into()),
                    ("largest_count", largest.1.into()),
                    ("smallest", smallest.0.clone().into()),
                    ("smallest_count", smallest.1.into()),
                ],
            ),
            _ => String::new(),
        }
    }
}

/// Renders ```` ```chart ```` blocks.
pub struct ChartBlocks<'a> {
    datasets: &'a [Dataset],
    words: charts::ChartWords,
}

impl<'a> ChartBlocks<'a> {
    pub fn new(datasets: &'a [Dataset], words: charts::ChartWords) -> Self {
        ChartBlocks { datasets, words }
    }
}

impl Blocks for ChartBlocks<'_> {
    fn handles(&self, language: &str) -> bool {
        language == "chart"
    }

    fn render(&self, _: &str, source: &str, root: &str) -> Result<String, BlockError> {
        let spec = charts::parse_spec(source).map_err(block_error)?;
        let dataset = charts::spec::find_dataset(&spec, self.datasets).map_err(block_error)?;
        let data = charts::resolve(&spec, dataset).map_err(block_error)?;
        let id = block_chart_name(source);
        let chart = charts::render_chart(&data, &id);
        let csv_path = PortalPath::chart_csv(&id);
        // Its CSV is written from the page plan (`render::plan`), not from here.
        Ok(chart.to_html_in(Some(&format!("{root}{csv_path}")), &self.words))
    }
}

fn block_error(error: charts::SpecError) -> BlockError {
    BlockError {
        message: format!("chart: {}", error.message),
        hint: error
            .hint
            .unwrap_or_else(|| "see the chart fields in README.md".to_owned()),
        line: error.line.unwrap_or(0),
        column: error.column.unwrap_or(0),
    }
}

/// The portal's own figures, computed once per build.
pub struct Figures {
    pub by_objective: Chart,
    pub by_stakeholder_type: Chart,
    pub by_region: Chart,
    pub by_status: Chart,
    pub by_edition: Chart,
    /// The forum map; its links start with [`ROOT`], which `Renderer::page` resolves per page.
    pub forum_map: String,
    pub matrix: String,
    /// The edition's gap map.
    pub gap_map: String,
}

/// Placeholder for the page's relative root inside HTML computed once per build; every
/// rendered page replaces it with its own relative root.
pub const ROOT: &str = "\u{E001}ROOT\u{E001}";

impl Figures {
    /// The figures of edition `year`, whose contributions `index` holds; the chart by
    /// edition compares all editions.
    pub fn new(site: &Site, index: &Index, year: i32, words: &Words) -> Figures {
        let objective_counts: Vec<(String, usize)> = site
            .objectives
            .iter()
            .map(|objective| {
                (
                    format!("{}. {}", objective.id, objective.title),
                    Index::get(&index.by_objective, &objective.id).len(),
                )
            })
            .collect();
        let type_counts: Vec<(String, usize)> = StakeholderType::ALL
            .iter()
            .map(|kind| {
                (
                    words.label("stakeholder-type", kind.id()),
                    Index::get(&index.by_stakeholder_type, kind).len(),
                )
            })
            .collect();
        let region_counts: Vec<(String, usize)> = Region::ALL
            .iter()
            .map(|region| {
                (
                    words.label("region", region.id()),
                    Index::get(&index.by_region, region).len(),
                )
            })
            .collect();
        let status_counts: Vec<(String, usize)> = Status::ALL
            .iter()
            .map(|status| {
                (
                    words.label("status", status.id()),
                    Index::get(&index.by_status, status).len(),
                )
            })
            .collect();
        let edition_counts: Vec<(String, usize)> = site
            .editions
            .iter()
            .map(|edition| {
                (
                    words.text(
                        "edition-label",
                        &[("year", edition.year.to_string().into())],
                    ),
                    Index::get(&site.index.by_edition, &edition.year).len(),
                )
            })
            .collect();
        Figures {
            by_objective: words.counts_chart(
                "chart-by-objective",
                &objective_counts,
                "by-objective",
            ),
            by_stakeholder_type: words.counts_chart(
                "chart-by-stakeholder-type",
                &type_counts,
                "by-stakeholder-type",
            ),
            by_region: words.counts_chart("chart-by-region", &region_counts, "by-region"),
            by_status: words.counts_chart("chart-by-status", &status_counts, "by-status"),
            by_edition: words.counts_chart("chart-by-edition", &edition_counts, "by-edition"),
            forum_map: charts::forum_map(&site.forums, ROOT),
            matrix: charts::objectives_forums_matrix(&site.objectives, &site.forums, ROOT),
            gap_map: charts::gap_map(&site.objectives, &site.contributions, Some(year), ROOT),
        }
    }

    /// The CSV files of the portal's count charts, by path in the portal.
    pub fn csv_files(&self) -> Vec<(PortalPath, &str)> {
        [
            &self.by_objective,
            &self.by_stakeholder_type,
            &self.by_region,
            &self.by_status,
            &self.by_edition,
        ]
        .into_iter()
        .zip(FIGURE_NAMES)
        .map(|(chart, name)| (PortalPath::chart_csv(name), chart.csv.as_str()))
        .collect()
    }
}

/// The names of the portal's count charts, in the order of [`Figures::csv_files`].
pub const FIGURE_NAMES: [&str; 5] = [
    "by-objective",
    "by-stakeholder-type",
    "by-region",
    "by-status",
    "by-edition",
];

/// The name of the chart written in Markdown as `source` (its block's YAML): the same
/// chart has the same name, and so the same CSV, wherever it appears.
pub fn block_chart_name(source: &str) -> String {
    format!("chart-{}", &crate::publish::hash(source.as_bytes())[..10])
}

/// The CSV of the chart written in Markdown as `source`, or `None` when the block is
/// invalid (its page reports why).
pub fn block_chart_csv(source: &str, datasets: &[Dataset]) -> Option<String> {
    let spec = charts::parse_spec(source).ok()?;
    let dataset = charts::spec::find_dataset(&spec, datasets).ok()?;
    let data = charts::resolve(&spec, dataset).ok()?;
    Some(charts::render_chart(&data, &block_chart_name(source)).csv)
}

/// A count chart as a figure for a page at `root`, with its CSV link.
pub fn figure(chart: &Chart, name: &str, root: &str, words: &charts::ChartWords) -> String {
    chart.to_html_in(
        Some(&format!("{root}{}", PortalPath::chart_csv(name))),
        words,
    )
}

/// Counts of the contributions reporting on each action of one objective, as a chart.
pub fn actions_chart(
    site: &Site,
    index: &Index,
    objective_id: &str,
    words: &Words,
) -> Option<Chart> {
    let objective = site.objective(objective_id)?;
    let counts: Vec<(String, usize)> = objective
        .actions
        .iter()
        .map(|action| {
            (
                action.id.clone(),
                Index::get(&index.by_action, &action.id).len(),
            )
        })
        .collect();
    if counts.is_empty() {
        return None;
    }
    let key = "chart-by-action";
    let title = words.text(key, &[("id", objective.id.clone().into())]);
    let headers = (
        words.text("chart-category", &[]),
        words.text("chart-count", &[]),
    );
    Some(charts::counts_chart_in(
        &title,
        &words.describe(&counts),
        &counts,
        &format!("actions-{}", objective.slug()),
        (&headers.0, &headers.1),
    ))
}
