//! Derived indexes: which contributions report on each objective, action and forum, and
//! how they divide by stakeholder type, region, status and edition.
//!
//! Built once after validation, as positions into `Site::contributions`, so listings,
//! counts and (later) charts and maps read the same numbers. `BTreeMap` keeps every
//! iteration order fixed.

use std::collections::BTreeMap;

use super::{Contributions, Region, StakeholderType, Status};

/// Positions in `Site::contributions`, grouped by each facet.
#[derive(Clone, Debug, Default)]
pub struct Index {
    pub by_objective: BTreeMap<String, Vec<usize>>,
    pub by_action: BTreeMap<String, Vec<usize>>,
    pub by_forum: BTreeMap<String, Vec<usize>>,
    pub by_stakeholder_type: BTreeMap<StakeholderType, Vec<usize>>,
    pub by_region: BTreeMap<Region, Vec<usize>>,
    pub by_status: BTreeMap<Status, Vec<usize>>,
    pub by_edition: BTreeMap<i32, Vec<usize>>,
}

impl Index {
    /// Indexes `contributions` (in display order). `serve` does this after every save,
    /// so a key is copied only the first time it is met.
    pub fn build(contributions: &Contributions) -> Index {
        let mut index = Index::default();
        for (position, contribution) in contributions.iter().enumerate() {
            for objective in &contribution.objectives {
                push_named(&mut index.by_objective, objective, position);
            }
            for action in &contribution.actions {
                push_named(&mut index.by_action, action, position);
            }
            for forum in &contribution.forums {
                push_named(&mut index.by_forum, forum, position);
            }
            push(
                &mut index.by_stakeholder_type,
                contribution.stakeholder.kind,
                position,
            );
            push(&mut index.by_region, contribution.region, position);
            push(&mut index.by_status, contribution.status, position);
            push(&mut index.by_edition, contribution.edition, position);
        }
        index
    }

    /// The contributions of `key` in `map`, or none.
    pub fn get<'a, K: Ord>(map: &'a BTreeMap<K, Vec<usize>>, key: &K) -> &'a [usize] {
        map.get(key).map_or(&[], Vec::as_slice)
    }
}

fn push<K: Ord>(map: &mut BTreeMap<K, Vec<usize>>, key: K, position: usize) {
    map.entry(key).or_default().push(position);
}

/// [`push`] for a key that is a name, copied only when it is new.
fn push_named(map: &mut BTreeMap<String, Vec<usize>>, key: &str, position: usize) {
    match map.get_mut(key) {
        Some(positions) => positions.push(position),
        None => {
            map.insert(key.to_owned(), vec![position]);
        }
    }
}
