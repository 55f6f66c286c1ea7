//! The closed lists of the content model: stakeholder types, regions, statuses, actors,
//! forum categories and edition statuses.
//!
//! Each is an enum whose spelling in YAML is its kebab-case id, listed once here with the
//! English label readers see; `validate` parses them and suggests the nearest id on a typo.

use serde::Serialize;

/// Declares a closed list: the enum, its ids, its labels and a parser.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal / $label:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum $name { $($variant,)+ }

        impl $name {
            /// Every value, in the order of the content model.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The id as written in YAML and URLs.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }

            /// The English label shown to readers.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// Parses an id as written in YAML.
            pub fn parse(id: &str) -> Option<$name> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }

            /// The ids, for messages and suggestions.
            pub fn ids() -> impl Iterator<Item = &'static str> + Clone {
                Self::ALL.iter().map(|value| value.id())
            }
        }
    };
}

/// Common names for the stakeholder types, as people write them (in lower case): `new`
/// accepts them as answers and `check` suggests the id each stands for.
pub const COMMON_NAMES: &[(&str, &str)] = &[
    ("ngo", "civil-society"),
    ("nonprofit", "civil-society"),
    ("non-profit", "civil-society"),
    ("foundation", "civil-society"),
    ("government", "member-state"),
    ("state", "member-state"),
    ("ministry", "member-state"),
    ("company", "private-sector"),
    ("business", "private-sector"),
    ("industry", "private-sector"),
    ("university", "academia"),
    ("research", "academia"),
    ("un", "un-entity"),
    ("united nations", "un-entity"),
    ("igo", "intergovernmental"),
];

/// The id among `ids` that a person's word for it names: the id in another case or with
/// spaces for hyphens ("Civil society", "Africa"), or a common name ("NGO").
pub fn id_for_name(
    text: &str,
    ids: impl Iterator<Item = &'static str> + Clone,
) -> Option<&'static str> {
    let lower = text.trim().to_lowercase();
    let hyphenated = lower.split_whitespace().collect::<Vec<_>>().join("-");
    let common = COMMON_NAMES
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, id)| *id);
    let mut all = ids;
    all.find(|id| *id == hyphenated || Some(*id) == common)
}

vocabulary! {
    /// Who submitted a contribution.
    StakeholderType {
        MemberState = "member-state" / "Member State",
        UnEntity = "un-entity" / "UN entity",
        Intergovernmental = "intergovernmental" / "Intergovernmental organization",
        PrivateSector = "private-sector" / "Private sector",
        CivilSociety = "civil-society" / "Civil society",
        Academia = "academia" / "Academia",
        TechnicalCommunity = "technical-community" / "Technical community",
        Youth = "youth" / "Youth",
    }
}

vocabulary! {
    /// The regions used by the ITU and the UN regional commissions, plus `global`.
    Region {
        Africa = "africa" / "Africa",
        Americas = "americas" / "Americas",
        ArabStates = "arab-states" / "Arab States",
        AsiaPacific = "asia-pacific" / "Asia-Pacific",
        Cis = "cis" / "CIS",
        Europe = "europe" / "Europe",
        Global = "global" / "Global",
    }
}

vocabulary! {
    /// How far a contribution's work has come.
    Status {
        Planned = "planned" / "Planned",
        Ongoing = "ongoing" / "Ongoing",
        Completed = "completed" / "Completed",
        // Set on a follow-up (`updates:`) to record that the earlier initiative was stopped:
        // a published edition cannot lose a contribution, so withdrawal is reported forward.
        Withdrawn = "withdrawn" / "Withdrawn",
    }
}

vocabulary! {
    /// Who the Compact asks to carry out an action.
    Actor {
        MemberStates = "member-states" / "Member States",
        AllStakeholders = "all-stakeholders" / "All stakeholders",
        Multilateral = "multilateral" / "Multilateral system",
    }
}

vocabulary! {
    /// The categories of the digital-cooperation architecture (Annex I of the brief).
    ForumCategory {
        IntergovernmentalBody = "intergovernmental-body" / "Intergovernmental bodies",
        MultistakeholderBody = "multistakeholder-body" / "Multistakeholder bodies",
        UnMultistakeholderForum = "un-multistakeholder-forum" / "UN multistakeholder forums",
        UnMultistakeholderConference = "un-multistakeholder-conference" / "UN multistakeholder conferences",
        Other = "other" / "Other bodies",
    }
}

vocabulary! {
    /// Whether an edition is frozen or still collecting contributions.
    EditionStatus {
        Published = "published" / "Published",
        Open = "open" / "Open for contributions",
    }
}
