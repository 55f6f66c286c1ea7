//! The chart spec's fields with forgiving YAML shapes: a text that may be written as a
//! number (`series: [2021]`), a list that may be one text, a filter as a mapping or as
//! `column=value`, a target as a number or a mapping. Each keeps the positions the
//! spec's errors point at.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::{Location, Spanned};

use super::{SpecError, Target};

/// A text field that also takes a YAML number or boolean (`series: [2021]`).
pub(super) struct Scalar(pub(super) String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor).map(Scalar)
    }
}

struct ScalarVisitor;

impl Visitor<'_> for ScalarVisitor {
    type Value = String;
    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a text or a number")
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_owned())
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        Ok(value)
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<String, E> {
        Ok(value.to_string())
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<String, E> {
        Ok(value.to_string())
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<String, E> {
        Ok(value.to_string())
    }
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<String, E> {
        Ok(value.to_string())
    }
}

/// A list of texts, or one text standing for a list of one.
pub(super) struct ScalarList(pub(super) Vec<Spanned<Scalar>>);

impl<'de> Deserialize<'de> for ScalarList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = ScalarList;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a list of column names, e.g. [\"2021\", \"2022\"]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ScalarList, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<Scalar>>()? {
                    items.push(item);
                }
                Ok(ScalarList(items))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<ScalarList, E> {
                Ok(one(value.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<ScalarList, E> {
                Ok(one(value.to_string()))
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<ScalarList, E> {
                Ok(one(value.to_string()))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<ScalarList, E> {
                Ok(one(value.to_string()))
            }
        }
        deserializer.deserialize_any(ListVisitor)
    }
}

/// A list of one text without a position of its own (the list's position is used).
fn one(value: String) -> ScalarList {
    ScalarList(vec![Spanned::new(
        Scalar(value),
        Location::UNKNOWN,
        Location::UNKNOWN,
    )])
}

/// `filter:` as a mapping (`{kind: region}`, values may be lists) or as `column=value`.
pub(super) struct RawFilter(pub(super) Vec<(Spanned<String>, Vec<String>)>);

impl<'de> Deserialize<'de> for RawFilter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FilterVisitor;
        impl<'de> Visitor<'de> for FilterVisitor {
            type Value = RawFilter;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a mapping such as {kind: region}, or kind=region")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawFilter, A::Error> {
                let mut pairs = Vec::new();
                while let Some(column) = map.next_key::<Spanned<String>>()? {
                    let values = map.next_value::<ScalarList>()?;
                    let values = values.0.into_iter().map(|value| value.value.0).collect();
                    pairs.push((column, values));
                }
                Ok(RawFilter(pairs))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<RawFilter, E> {
                let (column, wanted) = value.split_once('=').unwrap_or((value, ""));
                let wanted = wanted.trim();
                let values = if wanted.is_empty() {
                    Vec::new()
                } else {
                    vec![wanted.to_owned()]
                };
                let column = Spanned::new(column.to_owned(), Location::UNKNOWN, Location::UNKNOWN);
                Ok(RawFilter(vec![(column, values)]))
            }
        }
        deserializer.deserialize_any(FilterVisitor)
    }
}

/// `target:` as a number or as `{value: 2, label: "…"}`.
pub(super) struct RawTarget(pub(super) Result<Target, SpecError>);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetFields {
    value: f64,
    label: Option<String>,
}

impl<'de> Deserialize<'de> for RawTarget {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TargetVisitor;
        impl<'de> Visitor<'de> for TargetVisitor {
            type Value = RawTarget;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a number, or {value: 2, label: \"…\"}")
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<RawTarget, E> {
                Ok(target(value, None))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawTarget, E> {
                Ok(target(value as f64, None))
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawTarget, E> {
                Ok(target(value as f64, None))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawTarget, A::Error> {
                let fields = TargetFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let label = fields.label.map(|label| label.trim().to_owned());
                Ok(target(
                    fields.value,
                    label.filter(|label| !label.is_empty()),
                ))
            }
        }
        deserializer.deserialize_any(TargetVisitor)
    }
}

fn target(value: f64, label: Option<String>) -> RawTarget {
    RawTarget(if value.is_finite() {
        Ok(Target { value, label })
    } else {
        Err(SpecError::new("the target is not a finite number")
            .with_hint("write a number such as `target: {value: 2, label: \"Target 2%\"}`"))
    })
}
