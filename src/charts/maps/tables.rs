//! The objectives × forums matrix and the gap map, as accessible HTML tables.
//!
//! Both are grids read cell by cell, so they are `<table>`s with a caption, column headers
//! (`scope="col"`), row headers (`scope="row"`), one `<tbody>` per group with a
//! `scope="rowgroup"` header, and totals. Marks never rely on colour: the matrix writes ✓
//! or –, the gap map writes the count or – and the word "gap" for screen readers (the
//! `chart-sr-only` class hides it visually), and the heat scale's classes pair each
//! background with readable text (see `palette::HEAT`). Classes, not inline styles, carry
//! the look, so a strict Content-Security-Policy holds.
//!
//! Both are wider than a phone (the gap map is about 970 px), so each sits in a scroll
//! box of its own ([`scroll_box`]) whose first column stays in view while the rest scrolls:
//! the page itself never scrolls sideways, and a reader always sees which row a cell is in.
//!
//! The gap map counts in one pass over the contributions, with the actions in a hash map:
//! 10,000 contributions take about a millisecond.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::escape::{markup, markup_into};
use crate::model::{Contribution, Forum, ForumCategory, Objective, StakeholderType};

/// Which forum works on which objective: forums as rows (grouped by category), objectives
/// as columns, ✓ or – in each cell, and the number of forums per objective at the foot.
pub fn objectives_forums_matrix(
    objectives: &[Objective],
    forums: &[Forum],
    base_href: &str,
) -> String {
    let columns = objectives.len() + 2;
    let mut html = String::with_capacity(400 + forums.len() * (120 + objectives.len() * 90));
    html.push_str(&scroll_box("matrix-caption"));
    html.push_str("<table class=\"matrix\">\n<caption id=\"matrix-caption\"><span>Forums and the objectives of the Global Digital Compact they work on</span></caption>\n<thead><tr><th scope=\"col\">Forum</th>");
    for objective in objectives {
        objective_header(&mut html, objective, base_href);
    }
    html.push_str("<th scope=\"col\">Objectives</th></tr></thead>\n");
    for category in ForumCategory::ALL {
        let members: Vec<&Forum> = forums.iter().filter(|f| f.category == *category).collect();
        if members.is_empty() {
            continue;
        }
        rowgroup_header(&mut html, category.label(), columns);
        for forum in members {
            matrix_row(&mut html, forum, objectives, base_href);
        }
        html.push_str("</tbody>\n");
    }
    matrix_foot(&mut html, objectives, forums);
    html.push_str("</table>\n</div>\n");
    html
}

/// The opening of the scroll box around a wide table whose caption has the id `caption`:
/// a focusable region (so that keyboard users can scroll it) named by the caption.
fn scroll_box(caption: &str) -> String {
    format!("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{caption}\">\n")
}

fn objective_header(html: &mut String, objective: &Objective, base_href: &str) {
    let href = format!(
        "{base_href}{}",
        crate::urls::PortalPath::objective(&objective.slug())
    );
    let _ = write!(
        html,
        "<th scope=\"col\"><a href=\"{}\"><abbr title=\"{}\">{}</abbr></a></th>",
        markup(&href),
        markup(&objective.title),
        markup(objective.id.as_str())
    );
}

fn rowgroup_header(html: &mut String, label: &str, columns: usize) {
    let _ = write!(
        html,
        "<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"{columns}\">"
    );
    markup_into(html, label);
    html.push_str("</th></tr>\n");
}

fn matrix_row(html: &mut String, forum: &Forum, objectives: &[Objective], base_href: &str) {
    let href = format!("{base_href}{}", crate::urls::PortalPath::forum(&forum.id));
    let _ = write!(html, "<tr><th scope=\"row\"><a href=\"{}\">", markup(&href));
    markup_into(html, &forum.name);
    html.push_str("</a></th>");
    let mut count = 0;
    for objective in objectives {
        if forum.objectives.contains(&objective.id) {
            count += 1;
            html.push_str("<td class=\"matrix-yes\"><span aria-hidden=\"true\">✓</span><span class=\"chart-sr-only\">yes</span></td>");
        } else {
            html.push_str("<td class=\"matrix-no\"><span aria-hidden=\"true\">–</span><span class=\"chart-sr-only\">no</span></td>");
        }
    }
    let _ = writeln!(html, "<td>{count}</td></tr>");
}

fn matrix_foot(html: &mut String, objectives: &[Objective], forums: &[Forum]) {
    html.push_str("<tfoot><tr><th scope=\"row\">Forums per objective</th>");
    for objective in objectives {
        let count = forums
            .iter()
            .filter(|forum| forum.objectives.contains(&objective.id))
            .count();
        let _ = write!(html, "<td>{count}</td>");
    }
    html.push_str("<td></td></tr></tfoot>\n");
}

// ---------------------------------------------------------------------------------------
// Gap map

/// The number of stakeholder types, the gap map's columns.
const TYPES: usize = StakeholderType::ALL.len();

/// Counts of contributions per action (rows) and stakeholder type (columns).
struct Counts {
    cells: Vec<[usize; TYPES]>,
    /// Contributions of each type that report on any action.
    column_totals: [usize; TYPES],
    /// Contributions that report on any action.
    total: usize,
    /// Contributions of the edition, whether or not they name an action.
    contributions: usize,
}

fn type_index(kind: StakeholderType) -> usize {
    StakeholderType::ALL
        .iter()
        .position(|known| *known == kind)
        .unwrap_or(0)
}

fn count<'c>(
    objectives: &[Objective],
    contributions: impl IntoIterator<Item = &'c Contribution>,
    edition: Option<i32>,
) -> Counts {
    let rows: HashMap<&str, usize> = objectives
        .iter()
        .flat_map(|objective| &objective.actions)
        .enumerate()
        .map(|(row, action)| (action.id.as_str(), row))
        .collect();
    let mut counts = Counts {
        cells: vec![[0; TYPES]; rows.len()],
        column_totals: [0; TYPES],
        total: 0,
        contributions: 0,
    };
    let mut seen: Vec<usize> = Vec::new();
    for contribution in contributions {
        if edition.is_some_and(|year| contribution.edition != year) {
            continue;
        }
        counts.contributions += 1;
        seen.clear();
        seen.extend(
            contribution
                .actions
                .iter()
                .filter_map(|a| rows.get(a.as_str()).copied()),
        );
        seen.sort_unstable();
        seen.dedup();
        let column = type_index(contribution.stakeholder.kind);
        for &row in &seen {
            if let Some(cells) = counts.cells.get_mut(row) {
                cells[column] += 1;
            }
        }
        if !seen.is_empty() {
            counts.column_totals[column] += 1;
            counts.total += 1;
        }
    }
    counts
}

/// The heat level (1–5) of `value` on a scale up to `max`.
fn heat(value: usize, max: usize) -> usize {
    if max == 0 {
        return 1;
    }
    (value * 5).div_ceil(max).clamp(1, 5)
}

/// The gap map of `edition` (or of all editions): the Compact's actions grouped by
/// objective × the eight stakeholder types, each cell the number of contributions of that
/// type reporting on that action; empty cells are gaps, marked – and "gap".
pub fn gap_map<'c>(
    objectives: &[Objective],
    contributions: impl IntoIterator<Item = &'c Contribution>,
    edition: Option<i32>,
    base_href: &str,
) -> String {
    let counts = count(objectives, contributions, edition);
    let max = counts.cells.iter().flatten().copied().max().unwrap_or(0);
    let mut html = String::with_capacity(2000 + counts.cells.len() * 700);
    gap_head(&mut html, &counts, edition);
    let mut row = 0;
    for objective in objectives {
        let href = format!(
            "{base_href}{}",
            crate::urls::PortalPath::objective(&objective.slug())
        );
        let _ = write!(
            html,
            "<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"{}\"><a href=\"{}\">",
            StakeholderType::ALL.len() + 2,
            markup(&href)
        );
        markup_into(&mut html, &format!("{}. {}", objective.id, objective.title));
        html.push_str("</a></th></tr>\n");
        for action in &objective.actions {
            let cells = counts.cells.get(row).copied().unwrap_or([0; TYPES]);
            gap_row(&mut html, objective, action, &cells, max, base_href);
            row += 1;
        }
        html.push_str("</tbody>\n");
    }
    gap_foot(&mut html, &counts);
    html.push_str("</table>\n</div>\n");
    html
}

fn gap_head(html: &mut String, counts: &Counts, edition: Option<i32>) {
    let scope = match edition {
        Some(year) => format!("the {year} edition"),
        None => "all editions".to_owned(),
    };
    html.push_str(&scroll_box("gap-map-caption"));
    let _ = write!(
        html,
        "<table class=\"gap-map\">\n<caption id=\"gap-map-caption\"><span>Contributions by action and stakeholder type, {scope}: {} of {} contributions name an action. Each cell counts the contributions of one stakeholder type on one action; – marks a gap, an action that no contribution of that type reports on.</span></caption>\n<thead><tr><th scope=\"col\">Action</th>",
        counts.total, counts.contributions
    );
    for kind in StakeholderType::ALL {
        html.push_str("<th scope=\"col\">");
        markup_into(html, kind.label());
        html.push_str("</th>");
    }
    html.push_str("<th scope=\"col\" class=\"total\">Total</th></tr></thead>\n");
}

fn gap_row(
    html: &mut String,
    objective: &Objective,
    action: &crate::model::Action,
    cells: &[usize; TYPES],
    max: usize,
    base_href: &str,
) {
    let path = crate::urls::PortalPath::action(&objective.slug(), &action.slug());
    let href = format!("{base_href}{path}");
    let _ = write!(
        html,
        "<tr><th scope=\"row\"><a href=\"{}\" title=\"{}\">",
        markup(&href),
        markup(&action.text)
    );
    markup_into(html, action.id.as_str());
    html.push_str("</a></th>");
    for &value in cells {
        if value == 0 {
            html.push_str("<td class=\"gap\">–<span class=\"chart-sr-only\"> gap</span></td>");
        } else {
            let _ = write!(html, "<td class=\"heat-{}\">{value}</td>", heat(value, max));
        }
    }
    let total: usize = cells.iter().sum();
    let _ = writeln!(html, "<td class=\"total\">{total}</td></tr>");
}

fn gap_foot(html: &mut String, counts: &Counts) {
    html.push_str("<tfoot><tr><th scope=\"row\" class=\"total\">Contributions</th>");
    for total in counts.column_totals {
        let _ = write!(html, "<td class=\"total\">{total}</td>");
    }
    let _ = writeln!(
        html,
        "<td class=\"total\">{}</td></tr></tfoot>",
        counts.total
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::fixtures;

    fn cell_row<'a>(html: &'a str, action: &str) -> &'a str {
        let start = html
            .find(&format!(">{action}</a></th>"))
            .unwrap_or_else(|| panic!("no row {action}"));
        let end = html[start..]
            .find("</tr>")
            .map_or(html.len(), |end| start + end);
        &html[start..end]
    }

    #[test]
    fn gap_map_counts_cells_and_marks_gaps() {
        let objectives = fixtures::bundled_objectives();
        let contributions = vec![
            fixtures::contribution(
                0,
                StakeholderType::MemberState,
                vec!["A.1".into(), "A.1".into()],
                2025,
            ),
            fixtures::contribution(
                1,
                StakeholderType::MemberState,
                vec!["A.1".into(), "B.2".into()],
                2025,
            ),
            fixtures::contribution(2, StakeholderType::Youth, vec!["A.1".into()], 2025),
            fixtures::contribution(3, StakeholderType::Academia, vec!["A.1".into()], 2026),
            fixtures::contribution(4, StakeholderType::Academia, Vec::new(), 2025),
        ];
        let html = gap_map(&objectives, &contributions, Some(2025), "../");
        let row = cell_row(&html, "A.1");
        assert!(
            row.starts_with(">A.1</a></th><td class=\"heat-5\">2</td>"),
            "{row}"
        );
        assert!(
            row.ends_with("<td class=\"heat-3\">1</td><td class=\"total\">3</td>"),
            "{row}"
        );
        assert_eq!(row.matches("class=\"gap\"").count(), 6);
        let empty = cell_row(&html, "C.1");
        assert_eq!(
            empty
                .matches("<td class=\"gap\">–<span class=\"chart-sr-only\"> gap</span></td>")
                .count(),
            8
        );
        assert!(html.contains("the 2025 edition: 3 of 4 contributions name an action"));
        assert!(
            html.contains("<td class=\"total\">2</td><td class=\"total\">0</td>"),
            "member states, then UN entities"
        );
        assert!(html.contains("<th scope=\"col\">Member State</th>"));
        assert!(html.contains("<th scope=\"rowgroup\" colspan=\"10\"><a href=\"../objectives/a/\">A. Digital connectivity"));
        assert!(html.contains("<a href=\"../objectives/a/a-1/\" title=\"Adopt policies"));
        let all = gap_map(&objectives, &contributions, None, "");
        assert!(all.contains("all editions: 4 of 5 contributions"));
    }

    #[test]
    fn gap_map_of_a_big_site_has_gaps_and_totals() {
        let objectives = fixtures::bundled_objectives();
        let contributions = fixtures::contributions(&objectives, 10_000);
        let html = gap_map(&objectives, &contributions, Some(2025), "");
        let row = cell_row(&html, "A.2");
        assert!(
            row.contains("<td class=\"gap\">"),
            "no youth on objective A"
        );
        assert_eq!(html.matches("<tr><th scope=\"row\">").count(), 45);
        assert_eq!(html, gap_map(&objectives, &contributions, Some(2025), ""));
    }

    #[test]
    fn heat_levels_cover_the_scale() {
        assert_eq!(heat(1, 10), 1);
        assert_eq!(heat(10, 10), 5);
        assert_eq!(heat(6, 10), 3);
        assert_eq!(heat(3, 0), 1);
    }

    #[test]
    fn matrix_marks_each_forum_and_objective() {
        let objectives = fixtures::bundled_objectives();
        let forums = fixtures::bundled_forums();
        let html = objectives_forums_matrix(&objectives, &forums, "../");
        let marks: usize = forums.iter().map(|forum| forum.objectives.len()).sum();
        assert_eq!(html.matches("<td class=\"matrix-yes\">").count(), marks);
        assert_eq!(
            html.matches("<td class=\"matrix-no\">").count(),
            forums.len() * objectives.len() - marks
        );
        assert_eq!(
            html.matches("<th scope=\"row\"><a href=\"../forums/")
                .count(),
            42
        );
        assert_eq!(html.matches("<th scope=\"rowgroup\"").count(), 5);
        assert!(html.contains("<th scope=\"col\"><a href=\"../objectives/a/\"><abbr title=\"Digital connectivity and capacity-building\">A</abbr></a></th>"));
    }

    #[test]
    fn matrix_escapes_names() {
        let objectives = fixtures::bundled_objectives();
        let forums = vec![fixtures::forum(
            "x",
            "<b>Bold</b>",
            ForumCategory::Other,
            vec![crate::model::ObjectiveId::new("A")],
        )];
        let html = objectives_forums_matrix(&objectives, &forums, "");
        assert!(html.contains(">&lt;b&gt;Bold&lt;/b&gt;</a></th><td class=\"matrix-yes\">"));
    }
}
