//! Cutting the sorted term list into shards of about [`SHARD_TARGET_BYTES`], so that a
//! reader downloads only the few shards holding the terms of a query.
//!
//! Shards are ranges of the sorted terms, not hash buckets: a range keeps every term that
//! starts with a given prefix in one shard or a few neighbours, which is what matching the
//! last word as the reader types it needs. The manifest lists each shard's lower
//! boundary, shortened to the fewest characters that still separate it from the previous
//! shard's last term; `search.js` finds a term's shard by binary search over them.
//!
//! Order is UTF-16 code-unit order, the order of JavaScript's `<` on strings, so the
//! browser's binary search agrees with ours even for characters beyond U+FFFF (whose
//! UTF-8 order differs).

use std::cmp::Ordering;

/// A shard's size goal before compression; one term's entry may exceed it alone.
pub const SHARD_TARGET_BYTES: usize = 8 * 1024;

/// One shard: its lower boundary and its JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shard {
    /// Every term of the shard is ≥ this (in [`utf16_order`]); the first shard's is "".
    pub boundary: String,
    /// `{"term":[document frequency,"postings"],…}`.
    pub json: String,
}

/// JavaScript's string order: UTF-16 code units compared one by one.
pub fn utf16_order(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Groups `entries` (term, JSON value; sorted in [`utf16_order`], terms unique) into shards.
pub fn partition(entries: &[(String, String)]) -> Vec<Shard> {
    let mut shards = Vec::new();
    let mut json = String::new();
    let mut boundary = String::new();
    let mut previous_term: Option<&str> = None;
    for (term, value) in entries {
        let entry = format!("{}:{value}", serde_json::Value::String(term.clone()));
        if !json.is_empty() && json.len() + entry.len() + 2 > SHARD_TARGET_BYTES {
            shards.push(finish(std::mem::take(&mut boundary), &mut json));
            boundary = shortest_boundary(previous_term.unwrap_or(""), term);
        }
        json.push(if json.is_empty() { '{' } else { ',' });
        json.push_str(&entry);
        previous_term = Some(term);
    }
    if !json.is_empty() || shards.is_empty() {
        shards.push(finish(boundary, &mut json));
    }
    shards
}

fn finish(boundary: String, json: &mut String) -> Shard {
    if json.is_empty() {
        json.push('{');
    }
    json.push('}');
    Shard {
        boundary,
        json: std::mem::take(json),
    }
}

/// The shortest prefix of `first` that sorts after `previous` (`first` itself at worst).
fn shortest_boundary(previous: &str, first: &str) -> String {
    first
        .char_indices()
        .map(|(start, c)| &first[..start + c.len_utf8()])
        .find(|prefix| utf16_order(prefix, previous) == Ordering::Greater)
        .unwrap_or(first)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(terms: &[&str], value_len: usize) -> Vec<(String, String)> {
        terms
            .iter()
            .map(|term| {
                (
                    term.to_string(),
                    format!("[1,\"{}\"]", "A".repeat(value_len)),
                )
            })
            .collect()
    }

    #[test]
    fn small_indexes_fit_one_shard_with_an_empty_boundary() {
        let shards = partition(&entries(&["alpha", "beta"], 2));
        assert_eq!(
            shards,
            vec![Shard {
                boundary: String::new(),
                json: r#"{"alpha":[1,"AA"],"beta":[1,"AA"]}"#.to_owned()
            }]
        );
    }

    #[test]
    fn an_empty_index_has_one_empty_shard() {
        assert_eq!(
            partition(&[]),
            vec![Shard {
                boundary: String::new(),
                json: "{}".to_owned()
            }]
        );
    }

    #[test]
    fn shards_are_cut_near_the_target_with_short_boundaries() {
        let terms = ["data", "datasets", "digital", "diplomacy", "education"];
        let shards = partition(&entries(&terms, SHARD_TARGET_BYTES / 2));
        let boundaries: Vec<&str> = shards.iter().map(|shard| shard.boundary.as_str()).collect();
        // One term per shard here; "datasets" needs five letters to sort after "data".
        assert_eq!(boundaries, ["", "datas", "di", "dip", "e"]);
        assert!(shards
            .iter()
            .all(|shard| shard.json.len() <= SHARD_TARGET_BYTES));
    }

    #[test]
    fn boundaries_are_the_shortest_separating_prefix() {
        assert_eq!(shortest_boundary("connect", "cooperation"), "coo");
        assert_eq!(shortest_boundary("access", "digital"), "d");
        assert_eq!(shortest_boundary("数字", "数据"), "数据");
        assert_eq!(shortest_boundary("", "数据"), "数");
    }

    #[test]
    fn order_is_utf16_not_utf8() {
        // U+FF21 (fullwidth A) is after U+20000 in UTF-8 but before it in UTF-16.
        assert_eq!(utf16_order("\u{FF21}", "\u{20000}"), Ordering::Greater);
        assert!("\u{FF21}" < "\u{20000}");
    }
}
