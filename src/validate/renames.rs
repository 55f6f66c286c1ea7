//! Ids renamed after an edition was published.
//!
//! Renaming `igf` to `igf-2026` in `content/data/forums.yaml` would otherwise give one
//! "unknown forum `igf`" per file that names it, plus a removed and an added record on
//! every published edition, and none of them would say what happened. A rename is
//! recognised when an id a published edition's manifest holds is gone, and a record whose
//! id that manifest does not hold hashes exactly as the published one once given the old
//! id (for an action: its objective, with that one action given the old id). Each file
//! naming the old id then gets one diagnostic naming both ids, and the data file one.
//!
//! Only published ids are tracked: they are the ones that must not change, and the
//! manifests are the only record of what the data files held before. An id no edition
//! was published with can be renamed freely; its users get the ordinary "unknown id".

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::load::TextFile;
use crate::manifest::{self, Manifest, FORUMS_FILE, OBJECTIVES_FILE};
use crate::model::{ActionId, Forum, ForumId, Objective, ObjectiveId};

/// The kinds of data records a document names by id.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Objective,
    Action,
    Forum,
}

impl RecordKind {
    /// The word for the kind in messages.
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Objective => "objective",
            RecordKind::Action => "action",
            RecordKind::Forum => "forum",
        }
    }

    /// The data file that defines records of this kind.
    pub fn file(self) -> &'static str {
        match self {
            RecordKind::Objective | RecordKind::Action => OBJECTIVES_FILE,
            RecordKind::Forum => FORUMS_FILE,
        }
    }
}

/// An id that a published edition showed, now under another name.
pub struct Rename {
    pub kind: RecordKind,
    pub old: String,
    pub new: String,
    /// The newest published edition that showed the old id.
    pub edition: i32,
}

impl Rename {
    /// What a file that still names the old id is told.
    pub fn in_user(&self) -> (String, String) {
        let message = format!(
            "{} `{}` was renamed to `{}` in {}",
            self.kind.name(),
            self.old,
            self.new,
            self.kind.file()
        );
        (
            message,
            self.how_to_keep("then this line is right as it is"),
        )
    }

    /// What the data file is told, on the new id's line.
    pub fn in_data_file(&self) -> (String, String) {
        let message = format!(
            "{} `{}` was renamed to `{}` after edition {} was published",
            self.kind.name(),
            self.old,
            self.new,
            self.edition
        );
        let then = format!("the files naming `{}` then need no change", self.old);
        (message, self.how_to_keep(&then))
    }

    fn how_to_keep(&self, then: &str) -> String {
        let (old, new, next) = (&self.old, &self.new, self.edition + 1);
        format!(
            "edition {} was published with `{old}`, which it must keep showing: undo the rename in {}, or keep `{old}` with `removed_in: {next}` beside a new record `{new}` with `added_in: {next}`; {then} (files of edition {next} on may name `{new}`)",
            self.edition,
            self.kind.file()
        )
    }
}

/// The published record hashes and the current records, to recognise renames.
#[derive(Default)]
pub struct Renames {
    /// Each published edition's year and the hashes it expects, newest first.
    published: Vec<(i32, BTreeMap<String, String>)>,
    objectives: Vec<Objective>,
    forums: Vec<Forum>,
    /// The renamed actions found so far (old id → new id): a manifest hashes an action
    /// inside its objective, so its old id is known only from the files that still name it.
    actions_found: Mutex<BTreeMap<String, String>>,
}

impl Renames {
    /// `manifests` that cannot be read are skipped: `editions` reports them.
    pub fn new(manifests: &[TextFile], objectives: &[Objective], forums: &[Forum]) -> Self {
        let mut published: Vec<(i32, BTreeMap<String, String>)> = manifests
            .iter()
            .filter_map(|file| serde_saphyr::from_str::<Manifest>(&file.text).ok())
            .map(|manifest| (manifest.edition, manifest.expected()))
            .collect();
        published.sort_by_key(|(year, _)| std::cmp::Reverse(*year));
        Renames {
            published,
            objectives: objectives.to_vec(),
            forums: forums.to_vec(),
            actions_found: Mutex::default(),
        }
    }

    /// The renames of the actions of `objective` found so far in the files naming their
    /// old ids, as edition `year` showed them.
    pub fn actions_of(&self, year: i32, objective: &str) -> Vec<Rename> {
        let found = match self.actions_found.lock() {
            Ok(found) => found.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        let prefix = format!("{objective}.");
        found
            .keys()
            .filter(|old| old.starts_with(&prefix))
            .filter_map(|old| self.of_in(year, RecordKind::Action, old))
            .collect()
    }

    /// The rename of `old`, an id no record has now, when a published edition showed it.
    pub fn of(&self, kind: RecordKind, old: &str) -> Option<Rename> {
        let rename = self
            .published
            .iter()
            .find_map(|(year, expected)| self.in_edition(*year, expected, kind, old))?;
        if kind == RecordKind::Action {
            if let Ok(mut found) = self.actions_found.lock() {
                found.insert(rename.old.clone(), rename.new.clone());
            }
        }
        Some(rename)
    }

    /// The rename of `old` as edition `year` (one of the published) showed it.
    pub fn of_in(&self, year: i32, kind: RecordKind, old: &str) -> Option<Rename> {
        let (_, expected) = self.published.iter().find(|(y, _)| *y == year)?;
        self.in_edition(year, expected, kind, old)
    }

    fn in_edition(
        &self,
        year: i32,
        expected: &BTreeMap<String, String>,
        kind: RecordKind,
        old: &str,
    ) -> Option<Rename> {
        let new = match kind {
            RecordKind::Forum => self.forum(expected, old),
            RecordKind::Objective => self.objective(year, expected, old),
            RecordKind::Action => self.action(year, expected, old),
        }?;
        Some(Rename {
            kind,
            old: old.to_owned(),
            new,
            edition: year,
        })
    }

    fn forum(&self, expected: &BTreeMap<String, String>, old: &str) -> Option<String> {
        let published = expected.get(&format!("{FORUMS_FILE}#{old}"))?;
        self.forums
            .iter()
            .filter(|forum| forum.id != old)
            .filter(|forum| !expected.contains_key(&format!("{FORUMS_FILE}#{}", forum.id)))
            .find(|forum| {
                let renamed = Forum {
                    id: ForumId::new(old),
                    ..(*forum).clone()
                };
                manifest::forum_hash(&renamed) == *published
            })
            .map(|forum| forum.id.to_string())
    }

    fn objective(
        &self,
        year: i32,
        expected: &BTreeMap<String, String>,
        old: &str,
    ) -> Option<String> {
        let published = expected.get(&format!("{OBJECTIVES_FILE}#{old}"))?;
        self.objectives
            .iter()
            .filter(|objective| objective.id != old)
            .filter(|objective| {
                !expected.contains_key(&format!("{OBJECTIVES_FILE}#{}", objective.id))
            })
            .find(|objective| {
                manifest::objective_hash(&with_objective_id(objective, old), year) == *published
            })
            .map(|objective| objective.id.to_string())
    }

    fn action(&self, year: i32, expected: &BTreeMap<String, String>, old: &str) -> Option<String> {
        let (objective_id, _) = old.split_once('.')?;
        let published = expected.get(&format!("{OBJECTIVES_FILE}#{objective_id}"))?;
        let objective = self.objectives.iter().find(|o| o.id == objective_id)?;
        if objective.actions.iter().any(|action| action.id == old) {
            return None;
        }
        (0..objective.actions.len()).find_map(|index| {
            let mut renamed = objective.clone();
            renamed.actions[index].id = ActionId::new(old);
            (manifest::objective_hash(&renamed, year) == *published)
                .then(|| objective.actions[index].id.to_string())
        })
    }
}

/// `objective` under the id `id`, its actions renumbered under it (`A.1` → `X.1`).
fn with_objective_id(objective: &Objective, id: &str) -> Objective {
    let mut renamed = objective.clone();
    renamed.id = ObjectiveId::new(id);
    for action in &mut renamed.actions {
        if let Some((_, number)) = action.id.as_str().split_once('.') {
            action.id = ActionId::new(format!("{id}.{number}"));
        }
    }
    renamed
}
