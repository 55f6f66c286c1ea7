//! A chart spec resolved against its dataset: the numbers that will be plotted.
//!
//! The second step after [`super::spec::parse_spec`]: the columns the spec names exist,
//! their cells are numbers, the filter matches rows; the result is a [`ChartData`], all
//! that rendering needs. Errors say what is wrong and how to fix it, with "did you mean".

use super::spec::{
    ChartData, ChartKind, ChartSpec, Filter, Located, Series, SpecError, MAX_CATEGORIES, MAX_SERIES,
};
use crate::diagnostic::{did_you_mean, Position};
use crate::model::Dataset;

/// The dataset that `spec` names among `datasets`, or an error with "did you mean".
pub fn find_dataset<'a>(
    spec: &ChartSpec,
    datasets: &'a [Dataset],
) -> Result<&'a Dataset, SpecError> {
    let name = &spec.dataset.value;
    datasets
        .iter()
        .find(|dataset| &dataset.name == name)
        .ok_or_else(|| {
            let names = datasets.iter().map(|dataset| dataset.name.as_str());
            let hint = match did_you_mean(name, names.clone()) {
                Some(near) => format!("did you mean `{near}`?"),
                None if datasets.is_empty() => {
                    "add a CSV file to content/data/datasets/".to_owned()
                }
                None => format!("the datasets are {}", names.collect::<Vec<_>>().join(", ")),
            };
            SpecError::new(format!("unknown dataset `{name}`"))
                .at(spec.dataset.position)
                .with_hint(hint)
        })
}

/// Checks `spec` against `dataset` and returns exactly the numbers to plot.
pub fn resolve(spec: &ChartSpec, dataset: &Dataset) -> Result<ChartData, SpecError> {
    let x = match &spec.x {
        Some(column) => column_index(dataset, column)?,
        None if dataset.columns.is_empty() => {
            return Err(
                SpecError::new(format!("the dataset `{}` has no columns", dataset.name))
                    .at(spec.dataset.position),
            )
        }
        None => 0,
    };
    let rows = filtered_rows(spec, dataset)?;
    let columns = series_columns(spec, dataset, x, &rows)?;
    let mut series = Vec::with_capacity(columns.len());
    let mut decimals = 0;
    for (column, position) in columns {
        let (values, places) = column_values(dataset, &rows, column, position)?;
        decimals = decimals.max(places);
        series.push(Series {
            name: column_name(dataset, column),
            values,
        });
    }
    check_stacked(spec, &series)?;
    Ok(ChartData {
        kind: spec.kind,
        title: spec.title.clone(),
        description: spec.description.clone(),
        source: spec.source.clone(),
        unit: spec.unit.clone(),
        category_label: column_name(dataset, x),
        categories: rows
            .iter()
            .map(|(_, row)| cell(row, x).to_owned())
            .collect(),
        series,
        target: spec.target.clone(),
        value_labels: spec.value_labels,
        decimals,
    })
}

fn column_name(dataset: &Dataset, index: usize) -> String {
    dataset.columns.get(index).cloned().unwrap_or_default()
}

fn cell(row: &[String], index: usize) -> &str {
    row.get(index).map_or("", |value| value.trim())
}

/// The index of a named column, or "unknown column … did you mean".
fn column_index(dataset: &Dataset, column: &Located<String>) -> Result<usize, SpecError> {
    let name = column.value.as_str();
    if let Some(index) = dataset.columns.iter().position(|known| known == name) {
        return Ok(index);
    }
    let known = dataset.columns.join(", ");
    let hint = match did_you_mean(name, dataset.columns.iter().map(String::as_str)) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("use one of the columns of {}", dataset.file),
    };
    Err(
        SpecError::new(format!("unknown column `{name}`: the dataset has {known}"))
            .at(column.position)
            .with_hint(hint),
    )
}

/// The rows that pass every filter, with their 1-based line in the CSV file.
fn filtered_rows<'a>(
    spec: &ChartSpec,
    dataset: &'a Dataset,
) -> Result<Vec<(usize, &'a Vec<String>)>, SpecError> {
    let mut rows: Vec<(usize, &Vec<String>)> = dataset
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| (index + 2, row))
        .collect();
    for filter in &spec.filter {
        let column = column_index(dataset, &filter.column)?;
        let before = rows.len();
        rows.retain(|(_, row)| filter.values.iter().any(|value| value == cell(row, column)));
        if rows.is_empty() && before > 0 {
            return Err(no_match(dataset, filter, column));
        }
    }
    if rows.is_empty() {
        return Err(
            SpecError::new(format!("the dataset `{}` has no rows", dataset.name))
                .at(spec.dataset.position),
        );
    }
    if rows.len() > MAX_CATEGORIES {
        return Err(SpecError::new(format!(
            "{} rows are too many for one chart (at most {MAX_CATEGORIES})",
            rows.len()
        ))
        .at(spec.dataset.position)
        .with_hint("add a `filter:` to chart part of the dataset"));
    }
    Ok(rows)
}

fn no_match(dataset: &Dataset, filter: &Filter, column: usize) -> SpecError {
    let mut present: Vec<&str> = dataset.rows.iter().map(|row| cell(row, column)).collect();
    present.sort_unstable();
    present.dedup();
    let wanted = filter.values.join(", ");
    let hint = filter
        .values
        .iter()
        .find_map(|value| did_you_mean(value, present.iter().copied()))
        .map_or_else(
            || {
                format!(
                    "the column `{}` holds {}",
                    filter.column.value,
                    present.join(", ")
                )
            },
            |near| format!("did you mean `{near}`?"),
        );
    SpecError::new(format!("no row has `{}` = {wanted}", filter.column.value))
        .at(filter.column.position)
        .with_hint(hint)
}

/// The value columns, named or (when `series` is empty) every numeric one left.
fn series_columns(
    spec: &ChartSpec,
    dataset: &Dataset,
    x: usize,
    rows: &[(usize, &Vec<String>)],
) -> Result<Vec<(usize, Position)>, SpecError> {
    if !spec.series.is_empty() {
        return spec
            .series
            .iter()
            .map(|column| Ok((column_index(dataset, column)?, column.position)))
            .collect();
    }
    let filtered: Vec<&str> = spec
        .filter
        .iter()
        .map(|f| f.column.value.as_str())
        .collect();
    let numeric: Vec<(usize, Position)> = (0..dataset.columns.len())
        .filter(|&index| index != x && !filtered.contains(&dataset.columns[index].as_str()))
        .filter(|&index| {
            rows.iter()
                .all(|(_, row)| number(cell(row, index)).is_some())
        })
        .take(MAX_SERIES)
        .map(|index| (index, spec.dataset.position))
        .collect();
    if numeric.is_empty() {
        return Err(
            SpecError::new("the dataset has no column of numbers to chart")
                .at(spec.dataset.position)
                .with_hint("name the value columns with `series: [\"2022\"]`"),
        );
    }
    Ok(numeric)
}

/// The numbers of one column and their largest number of decimal places.
fn column_values(
    dataset: &Dataset,
    rows: &[(usize, &Vec<String>)],
    column: usize,
    position: Position,
) -> Result<(Vec<f64>, usize), SpecError> {
    let mut values = Vec::with_capacity(rows.len());
    let mut decimals = 0;
    for (line, row) in rows {
        let text = cell(row, column);
        let Some(value) = number(text) else {
            return Err(SpecError::new(format!(
                "`{text}` in {}:{line} (column `{}`) is not a number",
                dataset.file,
                column_name(dataset, column)
            ))
            .at(position)
            .with_hint("write plain numbers such as 1.5 in the dataset, without units or thousands separators"));
        };
        decimals = decimals.max(decimal_places(text));
        values.push(value);
    }
    Ok((values, decimals))
}

/// A finite number, or `None`.
fn number(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|value| value.is_finite())
}

/// Digits after the decimal point as written (at most 4).
fn decimal_places(text: &str) -> usize {
    if text.contains(['e', 'E']) {
        return 2;
    }
    text.split_once('.')
        .map_or(0, |(_, fraction)| fraction.len())
        .min(4)
}

fn check_stacked(spec: &ChartSpec, series: &[Series]) -> Result<(), SpecError> {
    let negative = series
        .iter()
        .any(|series| series.values.iter().any(|value| *value < 0.0));
    if spec.kind == ChartKind::StackedBar && negative {
        return Err(SpecError::new("stacked bars cannot show negative values")
            .with_hint("use `kind: grouped-bar` for data with negative values"));
    }
    Ok(())
}
