//! Derived indexes: which contributions report on each objective, action and forum, and
//! how they divide by stakeholder type, region, status and edition.
//!
//! Built once after validation, as positions into `Site::contributions`, so listings,
//! counts and (later) charts and maps read the same numbers. `BTreeMap` keeps every
//! iteration order fixed.

use std::collections::BTreeMap;

use super::contributions::Moves;
use super::{
    ActionId, Contribution, Contributions, ForumId, ObjectiveId, Region, StakeholderType, Status,
};

/// Positions in `Site::contributions`, grouped by each facet.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Index {
    pub by_objective: BTreeMap<ObjectiveId, Vec<usize>>,
    pub by_action: BTreeMap<ActionId, Vec<usize>>,
    pub by_forum: BTreeMap<ForumId, Vec<usize>>,
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
            index.add(position, contribution);
        }
        index
    }

    /// The index of `contributions`, which this index's contributions became as `moves`
    /// says: the same as [`Index::build`] gives, reading only the contributions that came.
    pub fn updated(&self, moves: &Moves, contributions: &Contributions) -> Index {
        // No list is ever empty, so with nothing moved the mapping would be a copy.
        let mut index = if moves.is_empty() {
            self.clone()
        } else {
            self.map_positions(|old| moves.new_position(old))
        };
        let mut added = Index::default();
        for &position in &moves.added {
            if let Some(contribution) = contributions.get(position) {
                added.add(position, contribution);
            }
        }
        index.merge(added);
        index
    }

    /// This index with each position replaced by what `new_position` gives for it, and
    /// those it gives nothing for left out (with their keys, when no position is left):
    /// the index of the same contributions after a save moved them, or of a part of them.
    pub fn map_positions(&self, new_position: impl Fn(usize) -> Option<usize>) -> Index {
        Index {
            by_objective: map_positions(&self.by_objective, &new_position),
            by_action: map_positions(&self.by_action, &new_position),
            by_forum: map_positions(&self.by_forum, &new_position),
            by_stakeholder_type: map_positions(&self.by_stakeholder_type, &new_position),
            by_region: map_positions(&self.by_region, &new_position),
            by_status: map_positions(&self.by_status, &new_position),
            by_edition: map_positions(&self.by_edition, &new_position),
        }
    }

    /// Adds the contribution at `position`.
    fn add(&mut self, position: usize, contribution: &Contribution) {
        for objective in &contribution.objectives {
            push_named(&mut self.by_objective, objective, position);
        }
        for action in &contribution.actions {
            push_named(&mut self.by_action, action, position);
        }
        for forum in &contribution.forums {
            push_named(&mut self.by_forum, forum, position);
        }
        push(
            &mut self.by_stakeholder_type,
            contribution.stakeholder.kind,
            position,
        );
        push(&mut self.by_region, contribution.region, position);
        push(&mut self.by_status, contribution.status, position);
        push(&mut self.by_edition, contribution.edition, position);
    }

    /// Adds the positions of `other` (none of them in this index yet).
    fn merge(&mut self, other: Index) {
        merge(&mut self.by_objective, other.by_objective);
        merge(&mut self.by_action, other.by_action);
        merge(&mut self.by_forum, other.by_forum);
        merge(&mut self.by_stakeholder_type, other.by_stakeholder_type);
        merge(&mut self.by_region, other.by_region);
        merge(&mut self.by_status, other.by_status);
        merge(&mut self.by_edition, other.by_edition);
    }

    /// The contributions of `key` in `map`, or none.
    pub fn get<'a, K: Ord>(map: &'a BTreeMap<K, Vec<usize>>, key: &K) -> &'a [usize] {
        map.get(key).map_or(&[], Vec::as_slice)
    }
}

fn push<K: Ord>(map: &mut BTreeMap<K, Vec<usize>>, key: K, position: usize) {
    map.entry(key).or_default().push(position);
}

/// `map` with each position replaced by what `new_position` gives for it, and those it
/// gives nothing for left out (with their keys, when no position is left).
fn map_positions<K: Ord + Clone>(
    map: &BTreeMap<K, Vec<usize>>,
    new_position: &impl Fn(usize) -> Option<usize>,
) -> BTreeMap<K, Vec<usize>> {
    map.iter()
        .filter_map(|(key, positions)| {
            let positions: Vec<usize> = positions
                .iter()
                .filter_map(|&old| new_position(old))
                .collect();
            (!positions.is_empty()).then(|| (key.clone(), positions))
        })
        .collect()
}

/// Adds the positions of `other` to `map`'s, each list kept in ascending order.
fn merge<K: Ord>(map: &mut BTreeMap<K, Vec<usize>>, other: BTreeMap<K, Vec<usize>>) {
    for (key, positions) in other {
        let list = map.entry(key).or_default();
        for position in positions {
            let place = list.partition_point(|&other| other < position);
            list.insert(place, position);
        }
    }
}

/// [`push`] for a key that is a name, copied only when it is new.
fn push_named<K: Ord + Clone>(map: &mut BTreeMap<K, Vec<usize>>, key: &K, position: usize) {
    match map.get_mut(key) {
        Some(positions) => positions.push(position),
        None => {
            map.insert(key.clone(), vec![position]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keeping one edition's positions gives the index of its contributions alone, at their
    /// places in the whole list, without the keys only the other edition had.
    #[test]
    fn positions_left_out_go_with_the_keys_they_emptied() {
        let contributions = Contributions::new(
            (0..6)
                .map(|n| Contribution {
                    edition: 2025 + n % 2,
                    objectives: vec![ObjectiveId::new(if n == 0 { "C" } else { "A" })],
                    ..Contribution::example(&format!("c{n}"))
                })
                .collect(),
        );
        let index = Index::build(&contributions);
        let in_2026 = |position: usize| {
            let edition = contributions.get(position).map(|c| c.edition);
            (edition == Some(2026)).then_some(position)
        };
        let mut expected = Index::default();
        for (position, contribution) in contributions.iter().enumerate() {
            if contribution.edition == 2026 {
                expected.add(position, contribution);
            }
        }
        assert_eq!(index.map_positions(in_2026), expected);
        assert!(!expected.by_objective.contains_key("C"));
    }
}
