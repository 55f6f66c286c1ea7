//! The formats as written: serde types for `site.yaml`, front matter and data files.
//!
//! These types accept anything structurally plausible (fields optional, ids as strings)
//! and keep each value's position with [`Spanned`], so that `validate` can report every
//! problem of a file with its line and column instead of stopping at the first.
//! Field names are those of `CONTENT_MODEL.md`, verbatim.

use serde::Deserialize;
use serde_saphyr::Spanned;

pub type S<T> = Spanned<T>;

/// `site.yaml`.
#[derive(Clone, Debug, Deserialize)]
pub struct RawSite {
    pub title: Option<S<String>>,
    pub base_url: Option<S<String>>,
    pub default_language: Option<S<String>>,
    pub languages: Option<Vec<S<String>>>,
    pub theme: Option<S<String>>,
    pub editions: Option<Vec<S<RawEdition>>>,
    pub description: Option<S<String>>,
    pub repository: Option<S<String>>,
    /// The title and description in the site's other languages, by language.
    pub translations: Option<S<std::collections::BTreeMap<String, S<RawSiteTexts>>>>,
}

/// `site.yaml`'s `translations.<lang>`: the site's own texts in one language.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSiteTexts {
    pub title: Option<S<String>>,
    pub description: Option<S<String>>,
}

pub const SITE_FIELDS: &[&str] = &[
    "title",
    "base_url",
    "default_language",
    "languages",
    "theme",
    "editions",
    "description",
    "repository",
    "translations",
];

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEdition {
    pub year: S<i64>,
    pub from: S<String>,
    pub to: S<String>,
    pub status: S<String>,
}

/// The front matter of a contribution.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawContribution {
    pub title: Option<S<String>>,
    pub stakeholder: Option<S<RawStakeholder>>,
    pub region: Option<S<String>>,
    pub objectives: Option<Vec<S<String>>>,
    pub actions: Option<Vec<S<String>>>,
    pub forums: Option<Vec<S<String>>>,
    pub sdgs: Option<Vec<S<i64>>>,
    pub date: Option<S<String>>,
    pub status: Option<S<String>>,
    pub language: Option<S<String>>,
    pub edition: Option<S<i64>>,
    pub indicators: Option<Vec<S<RawIndicator>>>,
    pub links: Option<Vec<S<RawLink>>>,
    pub illustrative: Option<bool>,
    pub summary: Option<S<String>>,
    pub aliases: Option<Vec<S<String>>>,
    pub updates: Option<S<String>>,
    /// `draft: true` keeps the contribution out of the build; it is still checked.
    pub draft: Option<S<bool>>,
}

pub const CONTRIBUTION_FIELDS: &[&str] = &[
    "title",
    "stakeholder",
    "region",
    "objectives",
    "actions",
    "forums",
    "sdgs",
    "date",
    "status",
    "language",
    "edition",
    "indicators",
    "links",
    "illustrative",
    "summary",
    "aliases",
    "updates",
    "draft",
];

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStakeholder {
    pub name: Option<S<String>>,
    #[serde(rename = "type")]
    pub kind: Option<S<String>>,
    pub country: Option<S<String>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub name: S<String>,
    pub value: S<Number>,
    pub unit: Option<S<String>>,
    pub year: Option<S<i64>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLink {
    pub title: S<String>,
    pub url: S<String>,
}

/// The front matter of a policy note.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawPolicyNote {
    pub title: Option<S<String>>,
    pub date: Option<S<String>>,
    pub objectives: Option<Vec<S<String>>>,
    pub forums: Option<Vec<S<String>>>,
    pub summary: Option<S<String>>,
    pub author: Option<S<String>>,
    pub language: Option<S<String>>,
    pub edition: Option<S<i64>>,
}

pub const POLICY_NOTE_FIELDS: &[&str] = &[
    "title",
    "date",
    "objectives",
    "forums",
    "summary",
    "author",
    "language",
    "edition",
];

/// The front matter of the home page, a report's front page or a chapter.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct RawPage {
    pub title: Option<S<String>>,
    pub weight: Option<S<i64>>,
    pub edition: Option<S<i64>>,
    pub summary: Option<S<String>>,
}

pub const PAGE_FIELDS: &[&str] = &["title", "weight", "edition", "summary"];

/// One entry of `content/data/objectives.yaml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObjective {
    pub id: S<String>,
    pub title: S<String>,
    pub description: Option<S<String>>,
    #[serde(default)]
    pub actions: Vec<S<RawAction>>,
    /// The first edition that shows this record (an addition for a later edition).
    pub added_in: Option<S<i32>>,
    /// The first edition that no longer shows it (kept for the editions before).
    pub removed_in: Option<S<i32>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAction {
    pub id: S<String>,
    pub actor: S<String>,
    pub text: S<String>,
    /// The first edition that shows this record (an addition for a later edition).
    pub added_in: Option<S<i32>>,
    /// The first edition that no longer shows it (kept for the editions before).
    pub removed_in: Option<S<i32>>,
}

/// One entry of `content/data/forums.yaml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawForum {
    pub id: S<String>,
    pub name: S<String>,
    pub category: S<String>,
    pub host: Option<S<String>>,
    pub since: Option<S<i64>>,
    pub cadence: Option<S<String>>,
    pub url: Option<S<String>>,
    #[serde(default)]
    pub objectives: Vec<S<String>>,
    pub description: Option<S<String>>,
    /// The first edition that shows this record (an addition for a later edition).
    pub added_in: Option<S<i32>>,
    /// The first edition that no longer shows it (kept for the editions before).
    pub removed_in: Option<S<i32>>,
}

/// A number as written. A YAML number is a number; anything else keeps its text, so that
/// validation can say what is wrong with it (`4,200`) while the file's other fields are
/// still checked (a type error would stop the whole front matter at the first one).
#[derive(Clone, Debug, PartialEq)]
pub enum Number {
    Value(f64),
    Text(String),
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumberVisitor)
    }
}

struct NumberVisitor;

impl serde::de::Visitor<'_> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a number")
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Number, E> {
        Ok(Number::Value(value))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Number, E> {
        Ok(Number::Value(value as f64))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Number, E> {
        Ok(Number::Value(value as f64))
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Number, E> {
        Ok(Number::Text(value.to_owned()))
    }

    fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<Number, E> {
        Ok(Number::Text(value.to_string()))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Number, E> {
        Ok(Number::Text(String::new()))
    }
}

/// One entry of a translation of the objectives, `content/data/objectives.<lang>.yaml`:
/// the objective's id and its texts in that language.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawObjectiveTranslation {
    pub id: S<String>,
    pub title: Option<S<String>>,
    pub description: Option<S<String>>,
    #[serde(default)]
    pub actions: Vec<S<RawActionTranslation>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActionTranslation {
    pub id: S<String>,
    pub text: S<String>,
}

/// One entry of a translation of the forums, `content/data/forums.<lang>.yaml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawForumTranslation {
    pub id: S<String>,
    pub name: Option<S<String>>,
    pub host: Option<S<String>>,
    pub cadence: Option<S<String>>,
    pub description: Option<S<String>>,
}
