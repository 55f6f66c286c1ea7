//! "What changed": each edition compared with the one before.
//!
//! For edition N against edition N−1: the new contributions; the contributions that report
//! progress on earlier work (`updates:`), with their status and indicator changes; the
//! actions that gained or lost coverage (the gap map's difference); and the number of
//! contributions per objective in both editions, drawn as a grouped bar chart in the
//! portal's language and direction.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::charts::{self, ChartData, ChartKind, Series};
use crate::model::{ActionId, Contribution, Index, ObjectiveId, Site, Status};

use super::views::{action_ref, ActionRef, ContributionSummary};
use super::visuals::Words;
use crate::urls::PortalPath;

/// The comparison of one edition with the previous one.
#[derive(Serialize)]
pub struct ChangesView {
    pub year: i32,
    pub previous: i32,
    pub total: usize,
    pub previous_total: usize,
    /// The new contributions (positions in the site's list), which the page shows as
    /// list items (`new_contributions`).
    #[serde(skip)]
    pub new_positions: Vec<usize>,
    pub progress: Vec<Progress>,
    /// Earlier contributions whose follow-up in this edition withdraws them.
    pub withdrawn: Vec<Progress>,
    pub gained: Vec<ActionRef>,
    pub lost: Vec<ActionRef>,
    pub chart_html: String,
    pub chart_csv: String,
}

/// A contribution that reports progress on an earlier one.
#[derive(Serialize)]
pub struct Progress {
    pub now: ContributionSummary,
    pub before: ContributionSummary,
    pub status_changed: bool,
    pub indicators: Vec<IndicatorChange>,
}

/// An indicator reported in both editions, or only in the later one.
#[derive(Serialize)]
pub struct IndicatorChange {
    pub name: String,
    pub before: Option<String>,
    pub now: String,
}

/// The comparison of `year` with the edition before it, if there is one, its chart in the
/// words of the portal.
pub fn compare(site: &Site, year: i32, root: &str, words: &Words) -> Option<ChangesView> {
    let previous = site
        .editions
        .iter()
        .filter(|edition| edition.year < year)
        .map(|edition| edition.year)
        .max()?;
    let of = |edition: i32| -> Vec<&Contribution> {
        Index::get(&site.index.by_edition, &edition)
            .iter()
            .filter_map(|position| site.contributions.get(*position))
            .collect()
    };
    let (now, before) = (of(year), of(previous));
    let (withdrawn, progress): (Vec<Progress>, Vec<Progress>) = now
        .iter()
        .filter_map(|contribution| progress(site, contribution))
        .partition(|item| item.now.status == Status::Withdrawn.id());
    let new_positions = Index::get(&site.index.by_edition, &year)
        .iter()
        .copied()
        .filter(|position| {
            let contribution = site.contributions.get(*position);
            contribution.is_some_and(|contribution| contribution.updates.is_none())
        })
        .collect();
    let covered = |contributions: &[&Contribution]| -> BTreeSet<ActionId> {
        contributions
            .iter()
            .flat_map(|contribution| contribution.actions.iter().cloned())
            .collect()
    };
    let (covered_now, covered_before) = (covered(&now), covered(&before));
    let editions = (previous, year);
    let (chart_html, chart_csv) = objective_chart(site, editions, (&now, &before), root, words);
    Some(ChangesView {
        year,
        previous,
        total: now.len(),
        previous_total: before.len(),
        new_positions,
        progress,
        withdrawn,
        gained: covered_now
            .difference(&covered_before)
            .filter_map(|id| action_ref(site, id))
            .collect(),
        lost: covered_before
            .difference(&covered_now)
            .filter_map(|id| action_ref(site, id))
            .collect(),
        chart_html,
        chart_csv,
    })
}

fn progress(site: &Site, contribution: &Contribution) -> Option<Progress> {
    let earlier = site
        .contributions
        .iter()
        .find(|other| Some(&other.slug) == contribution.updates.as_ref())?;
    let indicators = contribution
        .indicators
        .iter()
        .map(|indicator| IndicatorChange {
            name: indicator.name.clone(),
            before: earlier
                .indicators
                .iter()
                .find(|old| old.name == indicator.name)
                .map(|old| super::views::format_number(old.value)),
            now: super::views::format_number(indicator.value),
        })
        .collect();
    Some(Progress {
        now: ContributionSummary::new(contribution),
        before: ContributionSummary {
            url: crate::urls::contribution_from(
                &earlier.slug,
                earlier.edition,
                contribution.edition,
            ),
            ..ContributionSummary::new(earlier)
        },
        status_changed: earlier.status != contribution.status,
        indicators,
    })
}

/// Contributions per objective in the editions `(previous, year)`, whose contributions are
/// `(now, before)`, as a grouped bar chart in the portal's language and its CSV.
fn objective_chart(
    site: &Site,
    (previous, year): (i32, i32),
    (now, before): (&[&Contribution], &[&Contribution]),
    root: &str,
    words: &Words,
) -> (String, String) {
    let count = |contributions: &[&Contribution], id: &ObjectiveId| {
        contributions
            .iter()
            .filter(|contribution| {
                contribution
                    .objectives
                    .iter()
                    .any(|objective| objective == id)
            })
            .count() as f64
    };
    let data = ChartData {
        kind: ChartKind::GroupedBar,
        title: words.text(
            "changes-chart-title",
            &[
                ("previous_year", previous.to_string().into()),
                ("year", year.to_string().into()),
            ],
        ),
        description: None,
        source: Some(words.text(
            "changes-chart-source",
            &[("site", site.config.title.clone().into())],
        )),
        unit: None,
        category_label: words.text("changes-chart-category", &[]),
        categories: site
            .objectives
            .iter()
            .map(|objective| format!("{}. {}", objective.id, objective.title))
            .collect(),
        series: vec![
            Series {
                name: previous.to_string(),
                values: site
                    .objectives
                    .iter()
                    .map(|objective| count(before, &objective.id))
                    .collect(),
            },
            Series {
                name: year.to_string(),
                values: site
                    .objectives
                    .iter()
                    .map(|objective| count(now, &objective.id))
                    .collect(),
            },
        ],
        target: None,
        value_labels: true,
        decimals: 0,
    };
    let name = format!("changes-{year}");
    let data = ChartData {
        description: Some(words.phrase(&charts::finding(&data))),
        ..data
    };
    let chart = charts::render_chart_in(&data, &name, words.direction);
    (
        chart.to_html_in(
            Some(&format!("{root}{}", PortalPath::chart_csv(&name))),
            &words.chart,
        ),
        chart.csv,
    )
}
