//! Generated descriptions and number formatting for charts.
//!
//! A chart's `<desc>` should say what a sighted reader sees at a glance: the main finding,
//! not the raw numbers (those are in the table). When the author gives no `description`,
//! one is written from the data: what is charted, the largest and smallest values of the
//! latest series, the change from the first series to the last, and how many categories
//! are above a target. Every number goes through [`format_value`], so labels, tables,
//! CSV and descriptions agree digit for digit.
//!
//! The finding itself is data ([`finding`]: extremes or all equal, change, target
//! crossed), so that the portal phrases it in each language from its message files
//! (`render::visuals`); [`describe`] is the English phrasing for charts drawn without
//! message files.

use std::fmt::Write as _;

use super::spec::{ChartData, ChartKind, Series};

/// `value` with `decimals` places (no `-0`).
pub fn format_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
        return text.trim_start_matches('-').to_owned();
    }
    text
}

/// `value` with its unit: `%` and other symbols of one character follow directly,
/// longer units after a space.
pub fn format_value(value: f64, decimals: usize, unit: Option<&str>) -> String {
    let number = format_number(value, decimals);
    match unit {
        Some(unit) if unit.chars().count() == 1 => format!("{number}{unit}"),
        Some(unit) => format!("{number} {unit}"),
        None => number,
    }
}

/// The main finding of a chart, as data for a phrasing in any language. Values are
/// formatted as the chart shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub extremes: Option<Extremes>,
    pub change: Option<Change>,
    pub target: Option<TargetCrossed>,
}

/// The largest and smallest values of the latest series (or of the totals).
#[derive(Clone, Debug, PartialEq)]
pub enum Extremes {
    Spread {
        /// The series the values are from, when the chart has several.
        series: Option<String>,
        largest: Vec<String>,
        largest_value: String,
        smallest: Vec<String>,
        smallest_value: String,
    },
    /// Every category has the same value.
    AllEqual { count: usize, value: String },
}

/// How values moved from the first series to the last.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub from: String,
    pub to: String,
    pub fell: usize,
    pub rose: usize,
    pub count: usize,
}

/// How many values of the latest series (or totals) are above the target.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetCrossed {
    pub above: usize,
    pub count: usize,
    pub level: String,
    pub label: Option<String>,
}

/// The main finding of `data` (lines have none: their description says where each went).
pub fn finding(data: &ChartData) -> Finding {
    let unit = data.unit.as_deref();
    let (values, series) = match data.kind {
        ChartKind::StackedBar => (totals(data), None),
        _ => match data.series.last() {
            Some(last) => (
                last.values.clone(),
                (data.series.len() > 1).then(|| last.name.clone()),
            ),
            None => (Vec::new(), None),
        },
    };
    let extremes = (data.kind != ChartKind::Line)
        .then(|| extremes(data, &values, series))
        .flatten();
    let change = match (data.kind, data.series.as_slice()) {
        (ChartKind::Line | ChartKind::StackedBar, _) => None,
        (_, [first, .., last]) => Some(change(first, last)),
        _ => None,
    };
    let target = data.target.as_ref().map(|target| TargetCrossed {
        above: values.iter().filter(|value| **value > target.value).count(),
        count: values.len(),
        level: format_value(target.value, places(target.value), unit),
        label: target.label.clone(),
    });
    Finding {
        extremes,
        change,
        target,
    }
}

fn extremes(data: &ChartData, values: &[f64], series: Option<String>) -> Option<Extremes> {
    let unit = data.unit.as_deref();
    let (high, highest) = extreme(data, values, true)?;
    let (low, lowest) = extreme(data, values, false)?;
    let format = |value| format_value(value, data.decimals, unit);
    if high == low {
        return Some(Extremes::AllEqual {
            count: values.len(),
            value: format(high),
        });
    }
    let owned = |names: Vec<&str>| names.into_iter().map(str::to_owned).collect();
    Some(Extremes::Spread {
        series,
        largest: owned(highest),
        largest_value: format(high),
        smallest: owned(lowest),
        smallest_value: format(low),
    })
}

fn change(first: &Series, last: &Series) -> Change {
    let pairs = first.values.iter().zip(&last.values);
    let (mut fell, mut rose) = (0, 0);
    for (before, after) in pairs {
        if after < before {
            fell += 1;
        } else if after > before {
            rose += 1;
        }
    }
    Change {
        from: first.name.clone(),
        to: last.name.clone(),
        fell,
        rose,
        count: first.values.len().min(last.values.len()),
    }
}

/// A description of the chart's main finding, in English.
pub fn describe(data: &ChartData) -> String {
    let mut text = overview(data);
    match data.kind {
        ChartKind::Line => describe_lines(data, &mut text),
        ChartKind::StackedBar => describe_totals(data, &mut text),
        _ => describe_bars(data, &mut text),
    }
    describe_target(data, &mut text);
    text
}

fn kind_name(data: &ChartData) -> &'static str {
    let several = data.series.len() > 1;
    match data.kind {
        ChartKind::Bar | ChartKind::GroupedBar if several => "Grouped bar chart",
        ChartKind::Bar | ChartKind::GroupedBar => "Bar chart",
        ChartKind::Column if several => "Grouped column chart",
        ChartKind::Column => "Column chart",
        ChartKind::StackedBar => "Stacked bar chart",
        ChartKind::Line => "Line chart",
    }
}

fn overview(data: &ChartData) -> String {
    let names: Vec<&str> = data.series.iter().map(|s| s.name.as_str()).collect();
    let count = data.categories.len();
    let noun = if count == 1 { "category" } else { "categories" };
    format!(
        "{} of {} by {}, {count} {noun}.",
        kind_name(data),
        join(&names),
        data.category_label
    )
}

/// "a", "a and b", "a, b and c".
fn join(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The categories holding the extreme value of `values` (`largest` or smallest).
fn extreme<'a>(data: &'a ChartData, values: &[f64], largest: bool) -> Option<(f64, Vec<&'a str>)> {
    let pick = |a: f64, b: f64| if largest { a.max(b) } else { a.min(b) };
    let best = values
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .reduce(pick)?;
    let names = data
        .categories
        .iter()
        .zip(values)
        .filter(|(_, value)| **value == best)
        .map(|(name, _)| name.as_str())
        .collect();
    Some((best, names))
}

/// "The largest value is A (3) and the smallest is B and C (1)", or, when every value is the
/// same, "All N categories have the same value (1)"; long lists end with "and N others".
fn extremes_sentence(extremes: &Extremes, subject: &str) -> String {
    match extremes {
        Extremes::AllEqual { count, value } => format!(
            " All {count} categories have the same {} ({value}).",
            subject.rsplit(' ').next().unwrap_or(subject),
        ),
        Extremes::Spread {
            largest,
            largest_value,
            smallest,
            smallest_value,
            ..
        } => format!(
            " {subject} is {} ({largest_value}) and the smallest is {} ({smallest_value}).",
            join_some(&as_strs(largest)),
            join_some(&as_strs(smallest)),
        ),
    }
}

fn as_strs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}

/// Like [`join`], naming at most three items and counting the rest.
fn join_some(items: &[&str]) -> String {
    match items.len() {
        0..=3 => join(items),
        n => format!("{}, {} and {} others", items[0], items[1], n - 2),
    }
}

fn describe_bars(data: &ChartData, text: &mut String) {
    let finding = finding(data);
    let subject = match data.series.as_slice() {
        [_] => "The largest value".to_owned(),
        [.., last] => format!("In {}, the largest value", last.name),
        [] => return,
    };
    if let Some(extremes) = &finding.extremes {
        text.push_str(&extremes_sentence(extremes, &subject));
    }
    if let Some(change) = &finding.change {
        describe_change(change, text);
    }
}

fn describe_change(change: &Change, text: &mut String) {
    let Change {
        fell, rose, count, ..
    } = *change;
    let moved = match (fell, rose) {
        (0, 0) => "values did not change".to_owned(),
        (2, 0) if count == 2 => "values fell in both categories".to_owned(),
        (0, 2) if count == 2 => "values rose in both categories".to_owned(),
        (fell, 0) if fell == count => format!("values fell in all {count} categories"),
        (0, rose) if rose == count => format!("values rose in all {count} categories"),
        (fell, 0) => format!("values fell in {fell} of {count} categories"),
        (0, rose) => format!("values rose in {rose} of {count} categories"),
        (fell, rose) => format!("values fell in {fell} and rose in {rose} of {count} categories"),
    };
    let _ = write!(text, " From {} to {}, {moved}.", change.from, change.to);
}

fn describe_totals(data: &ChartData, text: &mut String) {
    if let Some(extremes) = &finding(data).extremes {
        text.push_str(&extremes_sentence(extremes, "The largest total"));
    }
}

/// The sum of the series in each category.
pub fn totals(data: &ChartData) -> Vec<f64> {
    (0..data.categories.len())
        .map(|index| {
            data.series
                .iter()
                .filter_map(|series| series.values.get(index))
                .sum()
        })
        .collect()
}

fn describe_lines(data: &ChartData, text: &mut String) {
    let (Some(first), Some(last)) = (data.categories.first(), data.categories.last()) else {
        return;
    };
    let unit = data.unit.as_deref();
    for series in data.series.iter().take(4) {
        let (Some(start), Some(end)) = (series.values.first(), series.values.last()) else {
            continue;
        };
        let _ = write!(
            text,
            " {} went from {} in {first} to {} in {last}.",
            series.name,
            format_value(*start, data.decimals, unit),
            format_value(*end, data.decimals, unit)
        );
    }
}

fn describe_target(data: &ChartData, text: &mut String) {
    let (Some(target), Some(last)) = (finding(data).target, data.series.last()) else {
        return;
    };
    let name = match &target.label {
        Some(label) => format!(" ({label})"),
        None => String::new(),
    };
    let when = match (data.kind, data.series.len()) {
        (ChartKind::StackedBar, _) | (_, 1) => String::new(),
        _ => format!(" in {}", last.name),
    };
    let _ = write!(
        text,
        " {} of {} are above the reference line at {}{name}{when}.",
        target.above, target.count, target.level
    );
}

/// The fewest decimal places (at most 4) that show `value` exactly.
fn places(value: f64) -> usize {
    (0..4)
        .find(|&places| format_number(value, places).parse::<f64>().ok() == Some(value))
        .unwrap_or(4)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::spec::Target;

    fn data() -> ChartData {
        ChartData {
            kind: ChartKind::GroupedBar,
            title: "T".to_owned(),
            description: None,
            source: None,
            unit: Some("%".to_owned()),
            category_label: "group".to_owned(),
            categories: vec!["Africa".to_owned(), "Europe".to_owned(), "CIS".to_owned()],
            series: vec![
                Series {
                    name: "2021".to_owned(),
                    values: vec![6.5, 0.5, 1.1],
                },
                Series {
                    name: "2022".to_owned(),
                    values: vec![5.0, 0.4, 1.1],
                },
            ],
            target: Some(Target {
                value: 2.0,
                label: Some("the 2% target".to_owned()),
            }),
            value_labels: false,
            decimals: 1,
        }
    }

    #[test]
    fn states_the_main_finding() {
        assert_eq!(
            describe(&data()),
            "Grouped bar chart of 2021 and 2022 by group, 3 categories. In 2022, the largest \
             value is Africa (5.0%) and the smallest is Europe (0.4%). From 2021 to 2022, \
             values fell in 2 of 3 categories. 1 of 3 are above the reference line at 2% (the \
             2% target) in 2022."
        );
    }

    #[test]
    fn the_finding_is_data_and_equal_values_are_said_to_be_equal() {
        let finding = finding(&data());
        assert_eq!(
            finding.extremes,
            Some(Extremes::Spread {
                series: Some("2022".to_owned()),
                largest: vec!["Africa".to_owned()],
                largest_value: "5.0%".to_owned(),
                smallest: vec!["Europe".to_owned()],
                smallest_value: "0.4%".to_owned(),
            })
        );
        assert_eq!(
            finding.change.map(|c| (c.fell, c.rose, c.count)),
            Some((2, 0, 3))
        );
        assert_eq!(
            finding.target.map(|t| (t.above, t.level)),
            Some((1, "2%".to_owned()))
        );
        let mut equal = data();
        equal.series.truncate(1);
        equal.series[0].values = vec![1.0, 1.0, 1.0];
        assert_eq!(
            super::finding(&equal).extremes,
            Some(Extremes::AllEqual {
                count: 3,
                value: "1.0%".to_owned()
            })
        );
        assert!(describe(&equal).contains("All 3 categories have the same value (1.0%)."));
    }

    #[test]
    fn formats_numbers_without_noise() {
        assert_eq!(format_number(0.1 + 0.2, 2), "0.30");
        assert_eq!(format_number(-0.0001, 1), "0.0");
        assert_eq!(format_value(3.0, 0, Some("USD")), "3 USD");
    }
}
