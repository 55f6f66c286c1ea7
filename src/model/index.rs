//! Derived indexes: which contributions report on each objective, action and forum, and
//! how they divide by stakeholder type, region, status and edition.
//!
//! Built once after validation, as positions into `Site::contributions`, so listings,
//! counts and (later) charts and maps read the same numbers. `BTreeMap` keeps every
//! iteration order fixed.

use std::collections::BTreeMap;

use super::{Contribution, Region, StakeholderType, Status};

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
    /// Indexes `contributions`, which must already be in display order.
    pub fn build(contributions: &[Contribution]) -> Index {
        let mut index = Index::default();
        for (position, contribution) in contributions.iter().enumerate() {
            for objective in &contribution.objectives {
                push(&mut index.by_objective, objective.clone(), position);
            }
            for action in &contribution.actions {
                push(&mut index.by_action, action.clone(), position);
            }
            for forum in &contribution.forums {
                push(&mut index.by_forum, forum.clone(), position);
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
