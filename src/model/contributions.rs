//! The contributions of a site: in display order, found by slug, and shared between
//! versions of the site.
//!
//! `serve` makes a new version of the site after every save. On ten thousand
//! contributions, copying each one into the new version (and freeing the old copies
//! afterwards) cost more than the rest of a save, so each contribution is kept behind an
//! `Arc`: a new version holds the very values of the contributions that did not change,
//! and [`Contributions::with_changes`] puts the changed ones in place without reading
//! the others. [`Contributions::moves_from`] then tells, from the lists' pointers
//! alone, where each contribution moved, so that what is kept by position (the
//! indexes, serve's summaries) follows without reading every contribution again: on a
//! machine whose caches other work keeps cold, reading ten thousand contributions
//! scattered in memory costs tens of milliseconds.
//!
//! The list is kept twice, by display order (what listings, feeds and indexes read:
//! newest first, then by slug) and by slug (what lookups read: links, citations, the
//! edition switcher's follow-ups), so that neither needs a map of its own, which would
//! have to be made again for each version.

use std::cmp::Ordering;
use std::sync::Arc;

use super::Contribution;

/// The contributions of a site, newest first then by slug, each shared between versions
/// of the site. Cloning it copies two pointers.
#[derive(Clone, Debug, Default)]
pub struct Contributions {
    /// In display order ([`display_order`]).
    in_order: Arc<Vec<Arc<Contribution>>>,
    /// The same contributions by slug.
    by_slug: Arc<Vec<Arc<Contribution>>>,
    /// Those that name others' addresses or contributions (`aliases:`, `updates:`), in
    /// display order: the rules across contributions and the follow-ups read only these.
    linked: Arc<Vec<Arc<Contribution>>>,
}

/// Whether `contribution` names others' addresses or contributions.
fn is_linked(contribution: &Contribution) -> bool {
    !contribution.aliases.is_empty() || contribution.updates.is_some()
}

/// The order of contributions in the model: newest first, then by slug. Slugs are
/// unique among a site's contributions, so the order is total.
pub fn display_order(a: &Contribution, b: &Contribution) -> Ordering {
    b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug))
}

impl Contributions {
    /// `contributions` in display order.
    pub fn new(contributions: Vec<Contribution>) -> Self {
        Contributions::from_shared(contributions.into_iter().map(Arc::new).collect())
    }

    /// `contributions` (shared) in display order.
    pub fn from_shared(mut contributions: Vec<Arc<Contribution>>) -> Self {
        contributions.sort_by(|a, b| display_order(a, b));
        let mut by_slug = contributions.clone();
        by_slug.sort_by(|a, b| by_slug_order(a, b));
        let linked = contributions.iter().filter(|c| is_linked(c)).cloned();
        Contributions {
            linked: Arc::new(linked.collect()),
            in_order: Arc::new(contributions),
            by_slug: Arc::new(by_slug),
        }
    }

    /// These contributions without `gone` (some of them) and with `added` in their
    /// places: the others are shared, not copied, and no contribution is read but those
    /// met while finding the places.
    pub fn with_changes(&self, gone: &[&Contribution], added: Vec<Arc<Contribution>>) -> Self {
        let mut in_order = Vec::clone(&self.in_order);
        let mut by_slug = Vec::clone(&self.by_slug);
        let mut linked = Vec::clone(&self.linked);
        for contribution in gone {
            remove(&mut in_order, contribution, display_order);
            remove(&mut by_slug, contribution, by_slug_order);
            remove(&mut linked, contribution, display_order);
        }
        for contribution in added {
            insert(&mut in_order, &contribution, display_order);
            insert(&mut by_slug, &contribution, by_slug_order);
            if is_linked(&contribution) {
                insert(&mut linked, &contribution, display_order);
            }
        }
        Contributions {
            in_order: Arc::new(in_order),
            by_slug: Arc::new(by_slug),
            linked: Arc::new(linked),
        }
    }

    /// How the positions of `old` moved to become these: which contributions left and
    /// which came, told apart by identity (a contribution shared by both lists stayed,
    /// whatever it holds), so that only the contributions that changed are read.
    pub fn moves_from(&self, old: &Contributions) -> Moves {
        let (old, new) = (old.shared(), self.shared());
        let (mut i, mut j) = (0, 0);
        let mut moves = Moves::default();
        while i < old.len() || j < new.len() {
            let order = match (old.get(i), new.get(j)) {
                (Some(before), Some(after)) if Arc::ptr_eq(before, after) => {
                    i += 1;
                    j += 1;
                    continue;
                }
                (Some(before), Some(after)) => display_order(before, after),
                (Some(_), None) => Ordering::Less,
                (None, _) => Ordering::Greater,
            };
            if order != Ordering::Greater {
                moves.gone.push(i);
                i += 1;
            }
            if order != Ordering::Less {
                moves.added.push(j);
                j += 1;
            }
        }
        moves.kept_before = moves
            .added
            .iter()
            .enumerate()
            .map(|(rank, position)| position - rank)
            .collect();
        moves
    }

    /// The contribution one of whose files (its own or a translation's) is `file`,
    /// `content/contributions/<slug>.md` or `<slug>.<language>.md`: found by the slug
    /// its name starts with, then checked.
    pub fn by_file(&self, file: &str) -> Option<&Contribution> {
        let name = file.strip_prefix("content/contributions/")?;
        let slug = name.split('.').next()?;
        self.by_slug(slug).filter(|contribution| {
            contribution.body.file == file
                || contribution
                    .translations
                    .iter()
                    .any(|translation| translation.body.file == file)
        })
    }

    /// The contributions in display order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Contribution> + ExactSizeIterator {
        self.in_order.iter().map(Arc::as_ref)
    }

    /// The contributions in display order, as shared values.
    pub fn shared(&self) -> &[Arc<Contribution>] {
        &self.in_order
    }

    /// The contribution at `position` in display order.
    pub fn get(&self, position: usize) -> Option<&Contribution> {
        self.in_order.get(position).map(Arc::as_ref)
    }

    /// The contribution whose slug is `slug`.
    pub fn by_slug(&self, slug: &str) -> Option<&Contribution> {
        let position = self
            .by_slug
            .binary_search_by(|contribution| contribution.slug.as_str().cmp(slug))
            .ok()?;
        self.by_slug.get(position).map(Arc::as_ref)
    }

    /// The position in display order of the contribution whose slug is `slug`.
    pub fn position(&self, slug: &str) -> Option<usize> {
        let contribution = self.by_slug(slug)?;
        let position = self
            .in_order
            .binary_search_by(|other| display_order(other, contribution));
        position.ok()
    }

    /// The contributions with `aliases:` or `updates:`, in display order.
    pub fn linked(&self) -> impl Iterator<Item = &Contribution> {
        self.linked.iter().map(Arc::as_ref)
    }

    /// The contributions by slug.
    pub fn iter_by_slug(&self) -> impl Iterator<Item = &Contribution> {
        self.by_slug.iter().map(Arc::as_ref)
    }

    pub fn len(&self) -> usize {
        self.in_order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.in_order.is_empty()
    }
}

impl<'a> IntoIterator for &'a Contributions {
    type Item = &'a Contribution;
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, Arc<Contribution>>,
        fn(&'a Arc<Contribution>) -> &'a Contribution,
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.in_order.iter().map(Arc::as_ref)
    }
}

/// How positions in a list of contributions moved from one version of the site to the
/// next ([`Contributions::moves_from`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Moves {
    /// Positions in the old list of the contributions that left it, ascending.
    pub gone: Vec<usize>,
    /// Positions in the new list of the contributions that came, ascending.
    pub added: Vec<usize>,
    /// For each of `added`, how many contributions that stayed come before it.
    kept_before: Vec<usize>,
}

impl Moves {
    /// Whether nothing moved.
    pub fn is_empty(&self) -> bool {
        self.gone.is_empty() && self.added.is_empty()
    }

    /// The position in the new list of the contribution at `old` in the old list, or
    /// `None` when it left.
    pub fn new_position(&self, old: usize) -> Option<usize> {
        if self.gone.binary_search(&old).is_ok() {
            return None;
        }
        // Its rank among those that stayed, then the newcomers placed before it.
        let rank = old - self.gone.partition_point(|&gone| gone < old);
        Some(rank + self.kept_before.partition_point(|&kept| kept <= rank))
    }
}

/// The order of the by-slug list.
fn by_slug_order(a: &Contribution, b: &Contribution) -> Ordering {
    a.slug.cmp(&b.slug)
}

/// Takes `contribution` out of `list` (ordered by `order`), if it is there.
fn remove(
    list: &mut Vec<Arc<Contribution>>,
    contribution: &Contribution,
    order: impl Fn(&Contribution, &Contribution) -> Ordering,
) {
    if let Ok(place) = list.binary_search_by(|other| order(other, contribution)) {
        list.remove(place);
    }
}

/// Puts `contribution` into `list` (ordered by `order`) at its place.
fn insert(
    list: &mut Vec<Arc<Contribution>>,
    contribution: &Arc<Contribution>,
    order: impl Fn(&Contribution, &Contribution) -> Ordering,
) {
    let place = list.partition_point(|other| order(other, contribution) == Ordering::Less);
    list.insert(place, Arc::clone(contribution));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Index, Region, Slug, Stakeholder, StakeholderType};
    use chrono::NaiveDate;

    /// A contribution of edition 2025 or 2026 (by its day), on the objective given.
    fn contribution(slug: &str, day: u32, objective: &str) -> Contribution {
        let kinds = StakeholderType::ALL;
        Contribution {
            title: slug.to_uppercase(),
            stakeholder: Stakeholder {
                name: "Someone".to_owned(),
                kind: kinds[day as usize % kinds.len()],
                country: None,
            },
            region: Region::ALL[day as usize % Region::ALL.len()],
            objectives: vec![crate::model::ObjectiveId::new(objective)],
            actions: vec![crate::model::ActionId::new(format!(
                "{objective}.{}",
                day % 3
            ))],
            date: NaiveDate::from_ymd_opt(2025, 6, 1)
                .and_then(|date| date.checked_add_days(chrono::Days::new(u64::from(day))))
                .unwrap_or_default(),
            edition: if day < 30 { 2025 } else { 2026 },
            ..Contribution::example(slug)
        }
    }

    fn slugs<'a>(list: impl Iterator<Item = &'a Contribution>) -> Vec<&'a str> {
        list.map(|contribution| contribution.slug.as_str())
            .collect()
    }

    /// A save that removes, adds, moves (a new date) and changes in place (same date)
    /// contributions gives the lists a full sort gives, positions that follow each
    /// contribution that stayed, and the index that indexing anew gives.
    #[test]
    fn changes_in_place_give_what_a_full_rebuild_gives() {
        let objectives = ["A", "B", "C"];
        let all: Vec<Contribution> = (0..60)
            .map(|day| {
                contribution(
                    &format!("c{:02}", (day * 37) % 60),
                    day,
                    objectives[day as usize % 3],
                )
            })
            .collect();
        let mut all = all;
        for contribution in &mut all {
            match contribution.slug.as_str() {
                "c37" => contribution.updates = Some(Slug::new("c00")),
                "c10" => contribution.aliases = vec![Slug::new("old-ten")],
                _ => {}
            }
        }
        let served = Contributions::new(all.clone());
        let served_index = Index::build(&served);
        let by_slug = |slug: &str| served.by_slug(slug).unwrap_or_else(|| panic!("no {slug}"));
        let gone: Vec<&Contribution> = ["c00", "c37", "c14", "c51", "c22"]
            .iter()
            .map(|slug| by_slug(slug))
            .collect();
        let mut follow_up = contribution("new-middle", 31, "C");
        follow_up.updates = Some(Slug::new("c10"));
        let mut moved = contribution("c51", 59, "A");
        moved.aliases = vec![Slug::new("old-51")];
        let added = vec![
            contribution("new-first", 90, "A"),
            follow_up,
            // c14 (day 2) moves back, c51 (day 3) forward, c22 (day 46) stays in place
            // on another objective.
            contribution("c14", 45, "B"),
            moved,
            contribution("c22", 46, "C"),
        ];
        let mut expected: Vec<Contribution> = all
            .iter()
            .filter(|contribution| !gone.iter().any(|g| g.slug == contribution.slug))
            .cloned()
            .collect();
        expected.extend(added.iter().cloned());
        let expected = Contributions::new(expected);

        let changed = served.with_changes(&gone, added.into_iter().map(Arc::new).collect());
        assert_eq!(slugs(changed.iter()), slugs(expected.iter()));
        assert_eq!(
            slugs(changed.iter_by_slug()),
            slugs(expected.iter_by_slug())
        );
        assert_eq!(slugs(changed.linked()), slugs(expected.linked()));
        assert_eq!(slugs(changed.linked()), ["c51", "new-middle", "c10"]);
        let moves = changed.moves_from(&served);
        for (old, contribution) in served.shared().iter().enumerate() {
            let stayed = changed
                .shared()
                .iter()
                .position(|c| Arc::ptr_eq(c, contribution));
            assert_eq!(moves.new_position(old), stayed, "{}", contribution.slug);
        }
        assert_eq!(
            served_index.updated(&moves, &changed),
            Index::build(&changed)
        );
        assert!(changed.moves_from(&changed).is_empty());
        for (position, contribution) in changed.iter().enumerate() {
            assert_eq!(changed.position(contribution.slug.as_str()), Some(position));
        }
        assert_eq!(changed.position("c00"), None);
        assert_eq!(
            served_index.updated(&served.moves_from(&served), &served),
            served_index
        );
    }

    #[test]
    fn a_contribution_is_found_by_its_files_only() {
        let mut translated = contribution("sahel", 3, "A");
        let mut translation_body = translated.body.clone();
        translation_body.file = "content/contributions/sahel.fr.md".to_owned();
        translated.translations.push(crate::model::Translation {
            language: crate::model::Language::new("fr"),
            title: "Sahel".to_owned(),
            body: translation_body,
        });
        let list = Contributions::new(vec![translated, contribution("andes", 4, "B")]);
        let found = |file: &str| list.by_file(file).map(|c| c.slug.as_str());
        assert_eq!(found("content/contributions/sahel.md"), Some("sahel"));
        assert_eq!(found("content/contributions/sahel.fr.md"), Some("sahel"));
        assert_eq!(found("content/contributions/sahel.ar.md"), None);
        assert_eq!(found("content/contributions/andes.fr.md"), None);
        assert_eq!(found("content/policy-notes/andes.md"), None);
    }
}
