//! The `id`s a document gives its headings, footnotes and raw-HTML elements.
//!
//! A page holds the template's own ids (`main`, `errata`, `matrix`, chart ids …) next to
//! the ids of the contributor's text, and a theme may add more. So every id that comes from
//! a contributor's text starts with [`CONTENT_PREFIX`], which templates and figures never
//! use: a heading "Main" becomes `c-main`, and cannot take the place of the skip link's
//! target. Links inside the document (`[see](#main)`) are rewritten to match.
//!
//! Duplicate headings are numbered (`results`, `results-2`, …) in linear time: a
//! contribution of 20,000 identical headings must not stall a build.

use std::collections::{HashMap, HashSet};

/// The start of every id that comes from a contributor's text.
pub const CONTENT_PREFIX: &str = "c-";

/// The heading ids given so far in one document.
#[derive(Default)]
pub struct HeadingIds {
    used: HashSet<String>,
    /// For each base id that was already taken, the last number tried after it.
    last_number: HashMap<String, usize>,
}

impl HeadingIds {
    /// A heading id from its text, unique within the document (without the prefixes).
    pub fn unique(&mut self, text: &str) -> String {
        let base = match slug::slugify(text) {
            empty if empty.is_empty() => "section".to_owned(),
            slug => slug,
        };
        if self.used.insert(base.clone()) {
            return base;
        }
        let number = self.last_number.entry(base.clone()).or_insert(1);
        loop {
            *number += 1;
            let id = format!("{base}-{number}");
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }

    /// Whether `id` (without the prefixes) is a heading of the document.
    pub fn contains(&self, id: &str) -> bool {
        self.used.contains(id)
    }

    /// Every id given, for "did you mean" (sorted, so that suggestions are deterministic).
    pub fn sorted(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.used.iter().map(String::as_str).collect();
        ids.sort_unstable();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_numbered_and_never_collide_with_written_numbers() {
        let mut ids = HeadingIds::default();
        let given: Vec<String> = ["Results", "Results", "Results 2", "Results", ""]
            .iter()
            .map(|text| ids.unique(text))
            .collect();
        assert_eq!(
            given,
            [
                "results",
                "results-2",
                "results-2-2",
                "results-3",
                "section"
            ]
        );
    }

    #[test]
    fn twenty_thousand_identical_headings_take_linear_time() {
        let started = std::time::Instant::now();
        let mut ids = HeadingIds::default();
        for _ in 0..20_000 {
            ids.unique("Same heading");
        }
        assert!(ids.contains("same-heading-20000"));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "took {:?}",
            started.elapsed()
        );
    }
}
