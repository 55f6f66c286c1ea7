//! Ids for charts' markup: every chart, map and table id, and the `url(#…)` and CSS
//! selectors that name them, are made here from the chart's name. (Text is escaped by
//! `crate::escape`, shared with feeds and pages.)

/// An id safe in `id="…"`, `url(#…)` and CSS selectors: `[A-Za-z0-9_-]`, starting with a
/// letter (`chart` when `raw` has no usable character).
pub fn ident(raw: &str) -> String {
    let cleaned: String = raw
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '_' | '-' => c,
            _ => '-',
        })
        .collect();
    let cleaned = cleaned.trim_matches('-');
    match cleaned.chars().next() {
        None => "chart".to_owned(),
        Some(first) if first.is_ascii_alphabetic() => cleaned.to_owned(),
        Some(_) => format!("chart-{cleaned}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idents_are_safe() {
        assert_eq!(ident("fig-1"), "fig-1");
        assert_eq!(ident("1 \"x\""), "chart-1--x");
        assert_eq!(ident("<>"), "chart");
    }
}
