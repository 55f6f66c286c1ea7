//! Chart specs: the YAML inside a fenced ```` ```chart ```` block, and its resolution
//! against a dataset into exactly the numbers that will be plotted.
//!
//! Why two steps: [`parse_spec`] needs only the block, so a typo in a field name is found
//! with its line and column before any data is read; `charts::resolve` then checks the spec
//! against the dataset (columns exist, cells are numbers, the filter matches rows) and
//! yields a [`ChartData`], which is all that rendering needs. Errors say what is wrong,
//! where in the YAML (1-based), and how to fix it, with "did you mean" for near misses.
//!
//! ```yaml
//! dataset: affordability-2021-2022
//! kind: grouped-bar            # bar | column | grouped-bar | stacked-bar | line
//! x: group                     # or `label:`; the category column (default: the first)
//! series: ["2021", "2022"]     # value columns (default: every numeric column)
//! filter: {kind: region}       # or "kind=region"; a value may be a list
//! title: Price of 2 GB mobile broadband, % of GNI per capita
//! description: …               # optional; otherwise generated from the data
//! source: ITU
//! target: {value: 2, label: "Broadband Commission target 2%"}   # or `target: 2`
//! unit: "%"
//! value_labels: true
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_saphyr::{Location, Spanned};

use crate::diagnostic::{did_you_mean, Diagnostic, Position};

mod shapes;
use shapes::{RawFilter, RawTarget, Scalar, ScalarList};

/// At most this many series: one per palette colour and pattern.
pub const MAX_SERIES: usize = 6;
/// At most this many categories (bars, columns or points per line).
pub const MAX_CATEGORIES: usize = 200;

/// The fields of a chart block, in the order they are documented.
pub const FIELDS: &[&str] = &[
    "dataset",
    "kind",
    "x",
    "label",
    "series",
    "filter",
    "title",
    "description",
    "source",
    "target",
    "unit",
    "value_labels",
];

/// The kinds of chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartKind {
    /// Horizontal bars (grouped when there are several series).
    Bar,
    /// Vertical columns (grouped when there are several series).
    Column,
    /// Horizontal bars, one per series, side by side in each category.
    GroupedBar,
    /// Horizontal bars, the series stacked end to end.
    StackedBar,
    /// One line per series across the categories (e.g. years).
    Line,
}

impl ChartKind {
    pub const ALL: &'static [ChartKind] = &[
        ChartKind::Bar,
        ChartKind::Column,
        ChartKind::GroupedBar,
        ChartKind::StackedBar,
        ChartKind::Line,
    ];

    /// The id as written in YAML.
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::Bar => "bar",
            ChartKind::Column => "column",
            ChartKind::GroupedBar => "grouped-bar",
            ChartKind::StackedBar => "stacked-bar",
            ChartKind::Line => "line",
        }
    }

    pub fn parse(id: &str) -> Option<ChartKind> {
        ChartKind::ALL.iter().copied().find(|kind| kind.id() == id)
    }
}

/// A value with the place in the YAML it came from (line 0 when it has none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub position: Position,
}

impl<T> Located<T> {
    fn from_spanned(spanned: Spanned<T>) -> Self {
        Located {
            position: position(&spanned.referenced),
            value: spanned.value,
        }
    }
}

/// Keeps the rows whose `column` holds one of `values`.
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    pub column: Located<String>,
    pub values: Vec<String>,
}

/// A reference line, such as a policy target.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Target {
    pub value: f64,
    pub label: Option<String>,
}

/// A parsed chart block; see the module documentation for the fields.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// The dataset's name: its file name in `content/data/datasets/` without `.csv`.
    pub dataset: Located<String>,
    pub kind: ChartKind,
    /// The category column; `None` means the dataset's first column.
    pub x: Option<Located<String>>,
    /// The value columns; empty means every numeric column other than `x` and filters.
    pub series: Vec<Located<String>>,
    pub filter: Vec<Filter>,
    pub title: String,
    pub description: Option<String>,
    pub source: Option<String>,
    pub target: Option<Target>,
    pub unit: Option<String>,
    pub value_labels: bool,
}

/// One series of values, one per category.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// Exactly what a chart shows: resolved, checked numbers and their labels.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChartData {
    pub kind: ChartKind,
    pub title: String,
    /// The author's description; `None` lets rendering generate one from the data.
    pub description: Option<String>,
    pub source: Option<String>,
    pub unit: Option<String>,
    /// The header of the category column (the `x` column's name).
    pub category_label: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub target: Option<Target>,
    pub value_labels: bool,
    /// Decimal places shown in labels, the table and the CSV (those of the data).
    pub decimals: usize,
}

/// What is wrong with a chart block, where in its YAML (1-based), and how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    pub message: String,
    pub hint: Option<String>,
    pub line: Option<u64>,
    pub column: Option<u64>,
}

impl SpecError {
    pub(super) fn new(message: impl Into<String>) -> Self {
        SpecError {
            message: message.into(),
            hint: None,
            line: None,
            column: None,
        }
    }

    pub(super) fn at(mut self, position: Position) -> Self {
        if position.line > 0 {
            self.line = Some(position.line);
            self.column = Some(position.column.max(1));
        }
        self
    }

    pub(super) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// A diagnostic in `file`, whose YAML starts after `line_offset` lines of `source`
    /// (the whole file's text, to quote the offending line).
    pub fn to_diagnostic(&self, file: &str, source: &str, line_offset: u64) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(file, format!("chart: {}", self.message));
        if let (Some(line), Some(column)) = (self.line, self.column) {
            diagnostic = diagnostic.at(Position::new(line + line_offset, column), source);
        }
        match &self.hint {
            Some(hint) => diagnostic.with_hint(hint.clone()),
            None => diagnostic,
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(formatter, "{line}:{column}: ")?;
        }
        formatter.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(formatter, " (hint: {hint})")?;
        }
        Ok(())
    }
}

impl std::error::Error for SpecError {}

fn position(location: &Location) -> Position {
    Position::new(location.line(), location.column())
}

// ---------------------------------------------------------------------------------------
// Parsing

/// Parses the YAML of a chart block.
pub fn parse_spec(yaml: &str) -> Result<ChartSpec, SpecError> {
    if yaml.trim().is_empty() {
        return Err(SpecError::new("the chart block is empty").with_hint(
            "write at least `dataset: <name>` and `title: <title>`, one field per line",
        ));
    }
    check_keys(yaml)?;
    let raw: RawSpec =
        serde_saphyr::from_str_with_options(yaml, options()).map_err(|error| yaml_error(&error))?;
    build(raw)
}

/// Limits that keep a hostile block from exhausting memory or time.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 16,
            max_nodes: 10_000,
            max_total_scalar_bytes: 256 * 1024,
        },
    }
}

fn yaml_error(error: &serde_saphyr::Error) -> SpecError {
    let raw = error.without_snippet().to_string();
    let message = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(message, _)| message);
    let located = SpecError::new(format!("invalid YAML: {message}"));
    match error.location() {
        Some(location) => located.at(position(&location)),
        None => located.at(Position::new(1, 1)),
    }
}

/// Rejects unknown fields, with their position and the nearest known field.
fn check_keys(yaml: &str) -> Result<(), SpecError> {
    let keys = match crate::load::front_matter::mapping_keys(yaml) {
        Ok(keys) => keys,
        Err(error) if is_not_a_mapping(&error.to_string()) => {
            return Err(SpecError::new("a chart block is a YAML mapping of fields")
                .at(Position::new(1, 1))
                .with_hint("write one `field: value` per line, e.g. `dataset: my-data`"));
        }
        // Syntax errors are reported by the full parse, with their position.
        Err(_) => return Ok(()),
    };
    for key in keys {
        if !FIELDS.contains(&key.value.as_str()) {
            let hint = match did_you_mean(&key.value, FIELDS.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the fields are {}", FIELDS.join(", ")),
            };
            return Err(SpecError::new(format!("unknown field `{}`", key.value))
                .at(position(&key.referenced))
                .with_hint(hint));
        }
    }
    Ok(())
}

fn is_not_a_mapping(message: &str) -> bool {
    message.contains("expected mapping") || message.contains("expected a mapping")
}

/// The fields as written; every one optional so that missing ones get our own message.
#[derive(Deserialize)]
struct RawSpec {
    dataset: Option<Spanned<Scalar>>,
    kind: Option<Spanned<Scalar>>,
    x: Option<Spanned<Scalar>>,
    label: Option<Spanned<Scalar>>,
    series: Option<Spanned<ScalarList>>,
    filter: Option<Spanned<RawFilter>>,
    title: Option<Spanned<Scalar>>,
    description: Option<Spanned<Scalar>>,
    source: Option<Spanned<Scalar>>,
    target: Option<Spanned<RawTarget>>,
    unit: Option<Spanned<Scalar>>,
    value_labels: Option<Spanned<bool>>,
}

fn build(raw: RawSpec) -> Result<ChartSpec, SpecError> {
    let dataset = required(raw.dataset, "dataset", "name a file of content/data/datasets/ without `.csv`, e.g. `dataset: affordability-2021-2022`")?;
    let title = required(
        raw.title,
        "title",
        "every chart needs a title, e.g. `title: Price of mobile broadband`",
    )?;
    let series = series(raw.series)?;
    Ok(ChartSpec {
        dataset: Located {
            value: dataset.value.trim_end_matches(".csv").to_owned(),
            position: dataset.position,
        },
        kind: kind(raw.kind, series.len())?,
        x: category_column(raw.x, raw.label)?,
        series,
        filter: raw.filter.map_or_else(|| Ok(Vec::new()), filters)?,
        title: title.value,
        description: optional(raw.description),
        source: optional(raw.source),
        target: raw
            .target
            .map(|target| {
                let at = position(&target.referenced);
                target.value.0.map_err(|error| error.at(at))
            })
            .transpose()?,
        unit: optional(raw.unit),
        value_labels: raw.value_labels.is_some_and(|flag| flag.value),
    })
}

/// A required, non-empty text field.
fn required(
    field: Option<Spanned<Scalar>>,
    name: &str,
    hint: &str,
) -> Result<Located<String>, SpecError> {
    match field {
        Some(spanned) if !spanned.value.0.trim().is_empty() => Ok(Located {
            value: spanned.value.0.trim().to_owned(),
            position: position(&spanned.referenced),
        }),
        Some(spanned) => Err(SpecError::new(format!("the field `{name}` is empty"))
            .at(position(&spanned.referenced))
            .with_hint(hint)),
        None => Err(SpecError::new(format!("the field `{name}` is missing"))
            .at(Position::new(1, 1))
            .with_hint(hint)),
    }
}

fn optional(field: Option<Spanned<Scalar>>) -> Option<String> {
    field
        .map(|spanned| spanned.value.0.trim().to_owned())
        .filter(|text| !text.is_empty())
}

fn kind(field: Option<Spanned<Scalar>>, series: usize) -> Result<ChartKind, SpecError> {
    let Some(field) = field else {
        return Ok(if series > 1 {
            ChartKind::GroupedBar
        } else {
            ChartKind::Bar
        });
    };
    let id = field.value.0.trim();
    ChartKind::parse(id).ok_or_else(|| {
        let ids = ChartKind::ALL.iter().map(|kind| kind.id());
        let hint = match did_you_mean(id, ids.clone()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("use one of {}", ids.collect::<Vec<_>>().join(", ")),
        };
        SpecError::new(format!("unknown chart kind `{id}`"))
            .at(position(&field.referenced))
            .with_hint(hint)
    })
}

fn category_column(
    x: Option<Spanned<Scalar>>,
    label: Option<Spanned<Scalar>>,
) -> Result<Option<Located<String>>, SpecError> {
    match (x, label) {
        (Some(_), Some(label)) => Err(SpecError::new(
            "both `x` and `label` name the category column",
        )
        .at(position(&label.referenced))
        .with_hint("keep one of the two lines")),
        (Some(column), None) | (None, Some(column)) => {
            let located = required(
                Some(column),
                "x",
                "name the column that holds the categories",
            )?;
            Ok(Some(located))
        }
        (None, None) => Ok(None),
    }
}

fn series(field: Option<Spanned<ScalarList>>) -> Result<Vec<Located<String>>, SpecError> {
    let Some(field) = field else {
        return Ok(Vec::new());
    };
    let list_position = position(&field.referenced);
    let mut columns: Vec<Located<String>> = Vec::new();
    for item in field.value.0 {
        let column = Located::from_spanned(item);
        let column = Located {
            value: column.value.0.trim().to_owned(),
            position: if column.position.line > 0 {
                column.position
            } else {
                list_position
            },
        };
        if column.value.is_empty() {
            return Err(SpecError::new("a series names no column")
                .at(column.position)
                .with_hint("write the name of a value column, e.g. \"2022\""));
        }
        if columns.iter().any(|seen| seen.value == column.value) {
            return Err(
                SpecError::new(format!("the series `{}` is listed twice", column.value))
                    .at(column.position)
                    .with_hint("list each column once"),
            );
        }
        columns.push(column);
    }
    if columns.len() > MAX_SERIES {
        return Err(SpecError::new(format!(
            "{} series are too many for one chart (at most {MAX_SERIES})",
            columns.len()
        ))
        .at(list_position)
        .with_hint("split the chart in two, or filter the data"));
    }
    Ok(columns)
}

fn filters(field: Spanned<RawFilter>) -> Result<Vec<Filter>, SpecError> {
    let at = position(&field.referenced);
    let mut filters = Vec::new();
    for (column, values) in field.value.0 {
        let column = Located {
            value: column.value.trim().to_owned(),
            position: if column.referenced.line() > 0 {
                position(&column.referenced)
            } else {
                at
            },
        };
        if column.value.is_empty() || values.is_empty() {
            return Err(SpecError::new("a filter needs a column and a value")
                .at(column.position)
                .with_hint("write `filter: {kind: region}` or `filter: kind=region`"));
        }
        filters.push(Filter { column, values });
    }
    Ok(filters)
}

#[cfg(test)]
mod tests;
