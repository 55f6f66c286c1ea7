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
//! Figures follow the portal's direction (mirrored bar charts in Arabic), and a dataset's
//! category labels and column titles are shown in the portal's language where the message
//! files have `data-label-<slug of the label>` (see [`Words::data_label`]).

use crate::charts::describe::Extremes;
use crate::charts::{self, Chart};
use crate::model::{Dataset, Index, ObjectiveId, Region, Site, StakeholderType, Status};

use super::i18n::{Arg, Messages};
use crate::markdown::{BlockError, Blocks};
use crate::urls::PortalPath;

/// The words of a portal's figures, in its language: chart titles, labels of the closed
/// lists, table headers, and the frame of every figure; and the portal's direction.
#[derive(Clone)]
pub struct Words<'m> {
    messages: &'m Messages,
    language: &'m str,
    pub chart: charts::ChartWords,
    pub direction: charts::Direction,
}

impl<'m> Words<'m> {
    pub fn new(messages: &'m Messages, language: &'m str) -> Self {
        let text = |key: &str| messages.text(language, key, &[]);
        Words {
            chart: charts::ChartWords {
                source: text("chart-source-label"),
                data_table: text("chart-data-table"),
                download: text("chart-download"),
            },
            messages,
            language,
            direction: charts::Direction::of(super::i18n::direction(language)),
        }
    }

    /// A dataset's category label or column title in the portal's language: the message
    /// `data-label-<slug>` where the message files have one, else `label` as written.
    pub fn data_label(&self, label: &str) -> String {
        let key = format!("data-label-{}", slug::slugify(label));
        if self.messages.has(self.language, &key) {
            self.text(&key, &[])
        } else {
            label.to_owned()
        }
    }

    /// `data` with its categories, category column and series names in the portal's language.
    fn translated(&self, mut data: charts::ChartData) -> charts::ChartData {
        data.category_label = self.data_label(&data.category_label);
        for category in &mut data.categories {
            *category = self.data_label(category);
        }
        for series in &mut data.series {
            series.name = self.data_label(&series.name);
        }
        data
    }

    /// The message `key` in the portal's language.
    pub fn text(&self, key: &str, args: &[(&str, Arg)]) -> String {
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
            self.direction,
        )
    }

    /// The main finding of a count chart, in the portal's language.
    fn describe(&self, counts: &[(String, usize)]) -> String {
        let data = charts::maps::counts_data(counts, ("", ""));
        self.phrase(&charts::finding(&data))
    }

    /// `finding` in the portal's language, from the `chart-finding-*` messages: the one
    /// phrasing of every figure's main finding, the default language's included.
    pub fn phrase(&self, finding: &charts::Finding) -> String {
        let mut sentences = Vec::new();
        match &finding.extremes {
            Some(Extremes::Spread {
                series,
                largest,
                largest_value,
                smallest,
                smallest_value,
            }) => {
                let mut args = vec![
                    ("largest", Arg::from(self.list(largest))),
                    ("largest_value", largest_value.clone().into()),
                    ("smallest", self.list(smallest).into()),
                    ("smallest_value", smallest_value.clone().into()),
                ];
                let key = match series {
                    Some(series) => {
                        args.push(("series", series.clone().into()));
                        "chart-finding-extremes-in"
                    }
                    None => "chart-finding-extremes",
                };
                sentences.push(self.text(key, &args));
            }
            Some(Extremes::AllEqual { count, value }) => sentences.push(self.text(
                "chart-finding-all-equal",
                &[("count", (*count).into()), ("value", value.clone().into())],
            )),
            None => {}
        }
        if let Some(change) = &finding.change {
            sentences.push(self.text(
                "chart-finding-change",
                &[
                    ("from", change.from.clone().into()),
                    ("to", change.to.clone().into()),
                    ("fell", change.fell.into()),
                    ("rose", change.rose.into()),
                    ("count", change.count.into()),
                ],
            ));
        }
        for line in &finding.lines {
            sentences.push(self.text(
                "chart-finding-line",
                &[
                    ("series", line.series.clone().into()),
                    ("start", line.start.clone().into()),
                    ("first", line.first.clone().into()),
                    ("end", line.end.clone().into()),
                    ("last", line.last.clone().into()),
                ],
            ));
        }
        if let Some(target) = &finding.target {
            let mut args = vec![
                ("above", Arg::from(target.above)),
                ("count", target.count.into()),
                ("level", target.level.clone().into()),
            ];
            let key = match &target.label {
                Some(label) => {
                    args.push(("label", label.clone().into()));
                    "chart-finding-target-named"
                }
                None => "chart-finding-target",
            };
            sentences.push(self.text(key, &args));
        }
        sentences.join(" ")
    }

    /// Names joined by the language's list separator; past three, the rest as "…".
    fn list(&self, names: &[String]) -> String {
        let separator = self.text("list-separator", &[]);
        let mut list = names
            .iter()
            .take(3)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(&separator);
        if names.len() > 3 {
            list.push_str(&separator);
            list.push('…');
        }
        list
    }

    /// `data` with the author's description, or its finding phrased in the portal's language.
    fn described(&self, mut data: charts::ChartData) -> charts::ChartData {
        if data.description.is_none() {
            data.description = Some(self.phrase(&charts::finding(&data)));
        }
        data
    }
}

/// Renders ```` ```chart ```` blocks.
pub struct ChartBlocks<'a> {
    datasets: &'a [Dataset],
    words: Words<'a>,
}

impl<'a> ChartBlocks<'a> {
    pub fn new(datasets: &'a [Dataset], words: Words<'a>) -> Self {
        ChartBlocks { datasets, words }
    }

    /// The chart written in Markdown as `source`, in the portal's language.
    fn chart(&self, source: &str) -> Result<Chart, BlockError> {
        let spec = charts::parse_spec(source).map_err(block_error)?;
        let dataset = charts::find_dataset(&spec, self.datasets).map_err(block_error)?;
        let data = charts::resolve(&spec, dataset).map_err(block_error)?;
        let data = self.words.described(self.words.translated(data));
        let id = block_chart_name(source);
        Ok(charts::render_chart_in(&data, &id, self.words.direction))
    }

    /// The CSV of the chart written in Markdown as `source`, or `None` when the block is
    /// invalid (its page reports why).
    pub fn csv(&self, source: &str) -> Option<String> {
        self.chart(source).ok().map(|chart| chart.csv)
    }
}

impl Blocks for ChartBlocks<'_> {
    fn handles(&self, language: &str) -> bool {
        language == "chart"
    }

    fn render(&self, _: &str, source: &str, root: &str) -> Result<String, BlockError> {
        let chart = self.chart(source)?;
        let csv_path = PortalPath::chart_csv(&block_chart_name(source));
        // Its CSV is written from the page plan (`render::plan`), not from here.
        Ok(chart.to_html_in(Some(&format!("{root}{csv_path}")), &self.words.chart))
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
        // Editions up to this one: a published edition's figures stay as published.
        let edition_counts: Vec<(String, usize)> = site
            .editions
            .iter()
            .filter(|edition| edition.year <= year)
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
    format!("chart-{}", &crate::manifest::hash(source.as_bytes())[..10])
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
    objective_id: &ObjectiveId,
    words: &Words,
) -> Option<Chart> {
    let objective = site.objective(objective_id)?;
    let counts: Vec<(String, usize)> = objective
        .actions
        .iter()
        .map(|action| {
            (
                action.id.to_string(),
                Index::get(&index.by_action, &action.id).len(),
            )
        })
        .collect();
    if counts.is_empty() {
        return None;
    }
    let key = "chart-by-action";
    let title = words.text(key, &[("id", objective.id.to_string().into())]);
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
        words.direction,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::i18n::LocaleFile;

    fn messages() -> Messages {
        let files: Vec<LocaleFile> = crate::load::LANGUAGES
            .iter()
            .map(|language| {
                let file = format!(
                    "{}/themes/default/locales/{language}.ftl",
                    env!("CARGO_MANIFEST_DIR")
                );
                let text = std::fs::read_to_string(&file).unwrap_or_default();
                LocaleFile {
                    language: (*language).to_owned(),
                    file,
                    text,
                }
            })
            .collect();
        Messages::load(&files, &[]).unwrap_or_else(|problems| panic!("{problems:#?}"))
    }

    #[test]
    fn dataset_labels_are_shown_in_the_portal_language() {
        let messages = messages();
        let arabic = Words::new(&messages, "ar");
        assert_eq!(arabic.data_label("World"), "العالم");
        assert_eq!(
            arabic.data_label("Lower-middle-income"),
            "الدخل المتوسط الأدنى"
        );
        assert_eq!(arabic.data_label("group"), "المجموعة");
        assert_eq!(
            arabic.data_label("Atlantis"),
            "Atlantis",
            "no message: as written"
        );
        assert_eq!(arabic.direction, charts::Direction::Rtl);
        let french = Words::new(&messages, "fr");
        assert_eq!(french.data_label("LDCs"), "PMA");
        assert_eq!(french.direction, charts::Direction::Ltr);
        assert_eq!(Words::new(&messages, "en").data_label("SIDS"), "SIDS");
    }

    #[test]
    fn findings_are_phrased_in_every_language_and_equal_values_are_equal() {
        let messages = messages();
        let equal = [("2025".to_owned(), 1), ("2026".to_owned(), 1)];
        let english = Words::new(&messages, "en");
        assert_eq!(
            english.describe(&equal),
            "All 2 categories have the same value (1)."
        );
        assert_eq!(
            Words::new(&messages, "fr").describe(&equal),
            "Les 2 catégories ont toutes la même valeur (1)."
        );
        let counts = [("Africa".to_owned(), 3), ("Europe".to_owned(), 1)];
        assert_eq!(
            english.describe(&counts),
            "The largest value is Africa (3) and the smallest is Europe (1)."
        );
        for language in crate::load::LANGUAGES {
            let words = Words::new(&messages, language);
            let text = words.describe(&counts);
            assert!(
                text.contains("Africa") && !text.contains('{'),
                "{language}: {text}"
            );
        }
    }

    #[test]
    fn a_change_and_a_target_are_phrased() {
        let messages = messages();
        let finding = charts::Finding {
            extremes: None,
            change: Some(charts::describe::Change {
                from: "2021".to_owned(),
                to: "2022".to_owned(),
                fell: 13,
                rose: 0,
                count: 14,
            }),
            lines: Vec::new(),
            target: Some(charts::describe::TargetCrossed {
                above: 10,
                count: 14,
                level: "2%".to_owned(),
                label: Some("target".to_owned()),
            }),
        };
        assert_eq!(
            Words::new(&messages, "en").phrase(&finding),
            "From 2021 to 2022, values fell in 13 of 14 categories. \
             10 of 14 are above the reference line at 2% (target)."
        );
        let arabic = Words::new(&messages, "ar").phrase(&finding);
        assert!(
            arabic.starts_with("من 2021 إلى 2022، انخفضت القيم"),
            "{arabic}"
        );
    }
    #[test]
    fn where_each_line_went_is_phrased_in_every_language() {
        let messages = messages();
        let finding = charts::Finding {
            extremes: None,
            change: None,
            lines: vec![charts::describe::LineEnds {
                series: "Mobile".to_owned(),
                first: "2015".to_owned(),
                start: "12%".to_owned(),
                last: "2022".to_owned(),
                end: "4%".to_owned(),
            }],
            target: None,
        };
        assert_eq!(
            Words::new(&messages, "en").phrase(&finding),
            "Mobile went from 12% in 2015 to 4% in 2022."
        );
        for language in crate::load::LANGUAGES {
            let text = Words::new(&messages, language).phrase(&finding);
            assert!(
                text.contains("Mobile") && text.contains("12%") && !text.contains('{'),
                "{language}: {text}"
            );
        }
    }
}
