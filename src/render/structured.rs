//! schema.org metadata (JSON-LD) for the pages search engines and citation tools read:
//! the site, each edition's report, each contribution and each policy note.
//!
//! The JSON is built with serde_json from model values, never by string concatenation,
//! and `<`, `>` and `&` are written as `\u003c`… so no value can close the `<script>`
//! element it sits in. A contribution's, written on every contribution page in every
//! language, is a typed struct serialized straight into the page's text; the others, one
//! per edition or note, use `json!`. Keys come out sorted either way (as `json!`'s map
//! sorts them), so the struct lists its fields in that order.

use serde::Serialize;
use serde_json::{json, Value};

use crate::model::{Contribution, Edition, PolicyNote, Site};

/// `value` as a `<script type="application/ld+json">` element. Serializing fails only for
/// a map whose keys are not text, which no value here has; it is reported, not hidden.
fn script(value: &impl Serialize) -> Result<String, serde_json::Error> {
    let mut html = ScriptText(b"<script type=\"application/ld+json\">".to_vec());
    serde_json::to_writer(&mut html, value)?;
    html.0.extend_from_slice(b"</script>");
    String::from_utf8(html.0).map_err(serde::ser::Error::custom)
}

/// JSON written into a `<script>` element: `<`, `>` and `&`, which only occur inside JSON
/// strings, become `\u003c`, `\u003e` and `\u0026`.
struct ScriptText(Vec<u8>);

impl std::io::Write for ScriptText {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        for byte in bytes {
            match byte {
                b'<' => self.0.extend_from_slice(b"\\u003c"),
                b'>' => self.0.extend_from_slice(b"\\u003e"),
                b'&' => self.0.extend_from_slice(b"\\u0026"),
                _ => self.0.push(*byte),
            }
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The publisher of everything on the site: the Forum, named by the site's title.
fn publisher(site: &Site) -> Value {
    json!({"@type": "Organization", "name": site.config.title, "url": site.config.base_url})
}

/// The site as a whole, on home pages.
pub fn website(site: &Site) -> Result<String, serde_json::Error> {
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
) -> Result<String, serde_json::Error> {
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
pub fn contribution(
    site: &Site,
    contribution: &Contribution,
    url: &str,
) -> Result<String, serde_json::Error> {
    script(&CreativeWork {
        context: "https://schema.org",
        kind: "CreativeWork",
        about: contribution
            .objectives
            .iter()
            .filter_map(|id| site.objective(id))
            .map(|objective| format!("{}. {}", objective.id, objective.title))
            .collect(),
        author: Named {
            kind: "Organization",
            name: &contribution.stakeholder.name,
        },
        status: contribution.status.id(),
        date_created: contribution.date.to_string(),
        in_language: contribution.language.as_str(),
        is_part_of: Named {
            kind: "Collection",
            name: &format!("{}, edition {}", site.config.title, contribution.edition),
        },
        name: &contribution.title,
        url,
    })
}

/// A contribution as schema.org describes it; fields in the order of their JSON keys.
#[derive(Serialize)]
struct CreativeWork<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    about: Vec<String>,
    author: Named<'a>,
    #[serde(rename = "creativeWorkStatus")]
    status: &'static str,
    #[serde(rename = "dateCreated")]
    date_created: String,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(rename = "isPartOf")]
    is_part_of: Named<'a>,
    name: &'a str,
    url: &'a str,
}

/// A schema.org thing of `@type` `kind` known by its name.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// A policy note, at absolute `url`.
pub fn policy_note(site: &Site, note: &PolicyNote, url: &str) -> Result<String, serde_json::Error> {
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
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_close_the_script_element() {
        let html = script(&json!({"name": "</script><script>alert(1)</script> & more"}))
            .expect("a map with text keys serializes");
        assert_eq!(
            html,
            "<script type=\"application/ld+json\">{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 more\"}</script>"
        );
    }
}
