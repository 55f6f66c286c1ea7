//! A chart's main finding, as data, and number formatting for charts.
//!
//! A chart's `<desc>` should say what a sighted reader sees at a glance: the main finding,
//! not the raw numbers (those are in the table). When the author gives no `description`,
//! one is made from the data: the largest and smallest values of the latest series, the
//! change from the first series to the last, where each line went, and how many categories
//! are above a target. Every number goes through [`format_value`], so labels, tables,
//! CSV and descriptions agree digit for digit.
//!
//! The finding is data ([`finding`]), and `render::visuals` is its one phrasing, in every
//! language from the theme's `chart-finding-*` messages: a second, English-only phrasing
//! here once described line charts that the portal left without a description.

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
    /// Where each line went, for a line chart (its first four series).
    pub lines: Vec<LineEnds>,
    pub target: Option<TargetCrossed>,
}

/// A line's value at the first category and at the last.
#[derive(Clone, Debug, PartialEq)]
pub struct LineEnds {
    pub series: String,
    pub first: String,
    pub start: String,
    pub last: String,
    pub end: String,
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

/// The main finding of `data`: for a line chart, where each line went instead of extremes.
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
        lines: line_ends(data),
        target,
    }
}

/// The first and last value of each of the first four lines of a line chart (none for
/// other kinds).
fn line_ends(data: &ChartData) -> Vec<LineEnds> {
    let (Some(first), Some(last)) = (data.categories.first(), data.categories.last()) else {
        return Vec::new();
    };
    if data.kind != ChartKind::Line {
        return Vec::new();
    }
    let format = |value: &f64| format_value(*value, data.decimals, data.unit.as_deref());
    data.series
        .iter()
        .take(4)
        .filter_map(|series| {
            Some(LineEnds {
                series: series.name.clone(),
                first: first.clone(),
                start: format(series.values.first()?),
                last: last.clone(),
                end: format(series.values.last()?),
            })
        })
        .collect()
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
    }

    #[test]
    fn a_line_chart_finding_is_where_each_line_went() {
        let mut lines = data();
        lines.kind = ChartKind::Line;
        let finding = finding(&lines);
        assert_eq!((finding.extremes, finding.change), (None, None));
        assert_eq!(
            finding.lines,
            [
                LineEnds {
                    series: "2021".to_owned(),
                    first: "Africa".to_owned(),
                    start: "6.5%".to_owned(),
                    last: "CIS".to_owned(),
                    end: "1.1%".to_owned(),
                },
                LineEnds {
                    series: "2022".to_owned(),
                    first: "Africa".to_owned(),
                    start: "5.0%".to_owned(),
                    last: "CIS".to_owned(),
                    end: "1.1%".to_owned(),
                },
            ]
        );
        assert!(super::finding(&data()).lines.is_empty());
    }

    #[test]
    fn formats_numbers_without_noise() {
        assert_eq!(format_number(0.1 + 0.2, 2), "0.30");
        assert_eq!(format_number(-0.0001, 1), "0.0");
        assert_eq!(format_value(3.0, 0, Some("USD")), "3 USD");
    }
}
