//! Generated descriptions and number formatting for charts.
//!
//! A chart's `<desc>` should say what a sighted reader sees at a glance: the main finding,
//! not the raw numbers (those are in the table). When the author gives no `description`,
//! one is written from the data: what is charted, the largest and smallest values of the
//! latest series, the change from the first series to the last, and how many categories
//! are above a target. Every number goes through [`format_value`], so labels, tables,
//! CSV and descriptions agree digit for digit.

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

/// A description of the chart's main finding.
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
fn extremes_sentence(data: &ChartData, values: &[f64], subject: &str) -> Option<String> {
    let unit = data.unit.as_deref();
    let (high, highest) = extreme(data, values, true)?;
    let (low, lowest) = extreme(data, values, false)?;
    if high == low {
        return Some(format!(
            " All {} categories have the same {} ({}).",
            values.len(),
            subject.rsplit(' ').next().unwrap_or(subject),
            format_value(high, data.decimals, unit)
        ));
    }
    Some(format!(
        " {subject} is {} ({}) and the smallest is {} ({}).",
        join_some(&highest),
        format_value(high, data.decimals, unit),
        join_some(&lowest),
        format_value(low, data.decimals, unit)
    ))
}

/// Like [`join`], naming at most three items and counting the rest.
fn join_some(items: &[&str]) -> String {
    match items.len() {
        0..=3 => join(items),
        n => format!("{}, {} and {} others", items[0], items[1], n - 2),
    }
}

fn describe_bars(data: &ChartData, text: &mut String) {
    let Some(last) = data.series.last() else {
        return;
    };
    let subject = match data.series.len() {
        1 => "The largest value".to_owned(),
        _ => format!("In {}, the largest value", last.name),
    };
    if let Some(sentence) = extremes_sentence(data, &last.values, &subject) {
        text.push_str(&sentence);
    }
    if let [first, .., last] = data.series.as_slice() {
        describe_change(first, last, text);
    }
}

fn describe_change(first: &Series, last: &Series, text: &mut String) {
    let pairs = first.values.iter().zip(&last.values);
    let (mut fell, mut rose) = (0, 0);
    for (before, after) in pairs {
        if after < before {
            fell += 1;
        } else if after > before {
            rose += 1;
        }
    }
    let count = first.values.len().min(last.values.len());
    let change = match (fell, rose) {
        (0, 0) => "values did not change".to_owned(),
        (2, 0) if count == 2 => "values fell in both categories".to_owned(),
        (0, 2) if count == 2 => "values rose in both categories".to_owned(),
        (fell, 0) if fell == count => format!("values fell in all {count} categories"),
        (0, rose) if rose == count => format!("values rose in all {count} categories"),
        (fell, 0) => format!("values fell in {fell} of {count} categories"),
        (0, rose) => format!("values rose in {rose} of {count} categories"),
        (fell, rose) => format!("values fell in {fell} and rose in {rose} of {count} categories"),
    };
    let _ = write!(text, " From {} to {}, {change}.", first.name, last.name);
}

fn describe_totals(data: &ChartData, text: &mut String) {
    if let Some(sentence) = extremes_sentence(data, &totals(data), "The largest total") {
        text.push_str(&sentence);
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
    let (Some(target), Some(last)) = (&data.target, data.series.last()) else {
        return;
    };
    let values = match data.kind {
        ChartKind::StackedBar => totals(data),
        _ => last.values.clone(),
    };
    let above = values.iter().filter(|value| **value > target.value).count();
    let level = format_value(target.value, places(target.value), data.unit.as_deref());
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
        " {above} of {} are above the reference line at {level}{name}{when}.",
        values.len()
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
    fn formats_numbers_without_noise() {
        assert_eq!(format_number(0.1 + 0.2, 2), "0.30");
        assert_eq!(format_number(-0.0001, 1), "0.0");
        assert_eq!(format_value(3.0, 0, Some("USD")), "3 USD");
    }
}
