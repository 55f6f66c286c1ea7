//! The ids of the model, one type each: a language, a contribution's slug, an objective,
//! an action, a forum.
//!
//! They are all text, and were all `String`: a function taking an objective's id and a
//! forum's could be called with the two swapped and nothing noticed. Now the compiler
//! tells them apart. Ids are made from text only in `validate`, once it has checked that
//! text (`load`'s raw types keep what was written): where the data files and site.yaml
//! define them, and in `Checker::ids` for a document's references, which hands back the
//! known id itself. The rest of the code receives ids and passes them on.
//!
//! What readers see does not change: each serializes as its text (so template variables
//! and open data are byte for byte the same), and orders, compares and hashes as its text
//! does (sort orders are those of `String`). Each borrows as `str`, so a map keyed by ids is
//! looked up with text from a URL or YAML without making an id. There is deliberately no
//! `Deref<Target = str>`: `as_str()` says where an id becomes plain text again.
//!
//! Inside is an `Arc<str>`: the render plan copies a slug or a language into each of its
//! tens of thousands of entries, and a copy is then a reference count, not an allocation.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares an id type: a newtype over `Arc<str>` that reads, compares and serializes as
/// its text.
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Arc<str>);

        impl $name {
            /// The id `text`, which the caller has checked (or took from another id).
            pub fn new(text: impl Into<Arc<str>>) -> $name {
                $name(text.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&*self.0, formatter)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                *self.0 == **other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                *self == *other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                **self == *other.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                String::deserialize(deserializer).map($name::new)
            }
        }
    };
}

id_type! {
    /// A language of the site, as `site.yaml` lists it (`en`, `fr`).
    Language
}

id_type! {
    /// A contribution's slug: its file name, and its address (`contributions/<slug>/`).
    /// Its former slugs (`aliases:`) and the contribution it `updates:` are slugs too.
    Slug
}

id_type! {
    /// An objective of the Compact, as `objectives.yaml` names it (`A`).
    ObjectiveId
}

id_type! {
    /// An action of an objective, as `objectives.yaml` numbers it (`A.1`).
    ActionId
}

id_type! {
    /// A forum of the cooperation architecture, as `forums.yaml` names it (`igf`).
    ForumId
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use super::*;

    #[test]
    fn an_id_serializes_as_its_text() {
        let id = Language::new("fr");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"fr\"");
        let back: Language = serde_json::from_str("\"fr\"").unwrap();
        assert_eq!(back, id);
        assert_eq!(format!("{id} {id:?}"), "fr \"fr\"");
    }

    #[test]
    fn ids_sort_as_strings_do() {
        let texts = ["b", "B", "a.10", "a.2", "é", "a"];
        let mut ids: Vec<Language> = texts.iter().map(|text| Language::new(*text)).collect();
        let mut strings: Vec<String> = texts.iter().map(|text| text.to_string()).collect();
        ids.sort();
        strings.sort();
        let ids: Vec<&str> = ids.iter().map(Language::as_str).collect();
        assert_eq!(ids, strings);
    }

    #[test]
    fn maps_keyed_by_ids_are_read_with_text() {
        let tree = BTreeMap::from([(Language::new("fr"), 1)]);
        let hash = HashMap::from([(Language::new("fr"), 1)]);
        assert_eq!(tree.get("fr"), Some(&1));
        assert_eq!(hash.get("fr"), Some(&1));
    }
}
