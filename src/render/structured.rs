//! schema.org metadata (JSON-LD) for the pages search engines and citation tools read:
//! the site, each edition's report, each contribution and each policy note.
//!
//! The JSON is built with serde_json from model values, never by string concatenation,
//! and `<`, `>` and `&` are written as `\u003c`… so no value can close the `<script>`
//! element it sits in.

use serde_json::{json, Value};

use crate::model::{Contribution, Edition, PolicyNote, Site};

/// `value` as a `<script type="application/ld+json">` element.
fn script(value: &Value) -> String {
    let text = value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    format!("<script type=\"application/ld+json\">{text}</script>")
}

/// The publisher of everything on the site: the Forum, named by the site's title.
fn publisher(site: &Site) -> Value {
    json!({"@type": "Organization", "name": site.config.title, "url": site.config.base_url})
}

/// The site as a whole, on home pages.
pub fn website(site: &Site) -> String {
    script(&json!({
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site.config.title,
        "url": site.config.base_url,
        "inLanguage": site.config.languages,
        "publisher": publisher(site),
    }))
}

/// An edition's report, at absolute `url`, with its chapters as `(title, absolute url)`.
pub fn report(
    site: &Site,
    edition: &Edition,
    title: &str,
    url: &str,
    language: &str,
    chapters: &[(String, String)],
) -> String {
    script(&json!({
        "@context": "https://schema.org",
        "@type": "Report",
        "name": title,
        "url": url,
        "inLanguage": language,
        "publisher": publisher(site),
        "datePublished": edition.published_on,
        "temporalCoverage": format!("{}/{}", edition.from, edition.to),
        "creativeWorkStatus": edition.status.id(),
        "hasPart": chapters.iter().map(|(name, url)| json!({
            "@type": "Chapter", "name": name, "url": url,
        })).collect::<Vec<_>>(),
    }))
}

/// A contribution, at absolute `url`.
pub fn contribution(site: &Site, contribution: &Contribution, url: &str) -> String {
    let about: Vec<String> = contribution
        .objectives
        .iter()
        .filter_map(|id| site.objective(id))
        .map(|objective| format!("{}. {}", objective.id, objective.title))
        .collect();
    script(&json!({
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": contribution.title,
        "url": url,
        "dateCreated": contribution.date.to_string(),
        "inLanguage": contribution.language,
        "author": {"@type": "Organization", "name": contribution.stakeholder.name},
        "about": about,
        "creativeWorkStatus": contribution.status.id(),
        "isPartOf": {"@type": "Collection", "name": format!("{}, edition {}", site.config.title, contribution.edition)},
    }))
}

/// A policy note, at absolute `url`.
pub fn policy_note(site: &Site, note: &PolicyNote, url: &str) -> String {
    script(&json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": note.title,
        "url": url,
        "datePublished": note.date.to_string(),
        "author": note.author.as_ref().map(|name| json!({"@type": "Organization", "name": name})),
        "publisher": publisher(site),
        "abstract": note.summary,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_close_the_script_element() {
        let html = script(&json!({"name": "</script><script>alert(1)</script> & more"}));
        assert_eq!(
            html,
            "<script type=\"application/ld+json\">{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 more\"}</script>"
        );
    }
}
