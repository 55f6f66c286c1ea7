//! The contributions of a site: in display order, found by slug, and shared between
//! versions of the site.
//!
//! `serve` makes a new version of the site after every save. On ten thousand
//! contributions, copying each one into the new version (and freeing the old copies
//! afterwards) cost more than the rest of a save, so each contribution is kept behind an
//! `Arc`: a new version holds the very values of the contributions that did not change,
//! and [`Contributions::with_changes`] puts the changed ones in place in time
//! proportional to the number of contributions, without copying any of them.
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
        by_slug.sort_by(|a, b| a.slug.cmp(&b.slug));
        Contributions {
            in_order: Arc::new(contributions),
            by_slug: Arc::new(by_slug),
        }
    }

    /// These contributions without those for which `gone` holds, and with `added` in
    /// their places: the unchanged contributions are shared, not copied.
    pub fn with_changes(
        &self,
        gone: impl Fn(&Contribution) -> bool,
        added: Vec<Arc<Contribution>>,
    ) -> Self {
        let mut gone_slugs = Vec::new();
        let mut in_order = Vec::with_capacity(self.in_order.len() + added.len());
        for contribution in self.in_order.iter() {
            if gone(contribution) {
                gone_slugs.push(contribution.slug.as_str());
            } else {
                in_order.push(Arc::clone(contribution));
            }
        }
        gone_slugs.sort_unstable();
        let mut by_slug = Vec::clone(&self.by_slug);
        by_slug.retain(|contribution| {
            gone_slugs.is_empty()
                || gone_slugs
                    .binary_search_by(|slug| slug.cmp(&contribution.slug.as_str()))
                    .is_err()
        });
        for contribution in added {
            insert(&mut in_order, &contribution, display_order);
            insert(&mut by_slug, &contribution, |a, b| a.slug.cmp(&b.slug));
        }
        Contributions {
            in_order: Arc::new(in_order),
            by_slug: Arc::new(by_slug),
        }
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

/// Puts `contribution` into `list` (ordered by `order`) at its place.
fn insert(
    list: &mut Vec<Arc<Contribution>>,
    contribution: &Arc<Contribution>,
    order: impl Fn(&Contribution, &Contribution) -> Ordering,
) {
    let place = list.partition_point(|other| order(other, contribution) == Ordering::Less);
    list.insert(place, Arc::clone(contribution));
}
