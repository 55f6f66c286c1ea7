//! Open data and discovery files: every contribution of each edition as JSON and CSV,
//! `sitemap.xml` and `robots.txt`.
//!
//! The JSON and CSV hold every field of every contribution, so that anyone can check the
//! portal's figures. Rows follow the model's order (newest first), so files are
//! deterministic.

use serde::Serialize;

use crate::escape::markup;
use crate::model::{ActionId, Contribution, ForumId, Language, ObjectiveId, Site, Slug};
use crate::urls::{PortalPath, Prefix, SitePath};

/// One contribution with all of its fields, for `contributions-<year>.json`.
#[derive(Serialize)]
struct Record<'a> {
    slug: &'a Slug,
    url: String,
    title: &'a str,
    stakeholder_name: &'a str,
    stakeholder_type: &'static str,
    country: Option<&'a str>,
    region: &'static str,
    objectives: &'a [ObjectiveId],
    actions: &'a [ActionId],
    forums: &'a [ForumId],
    sdgs: &'a [u8],
    date: String,
    status: &'static str,
    language: &'a Language,
    edition: i32,
    indicators: Vec<IndicatorRecord<'a>>,
    links: Vec<LinkRecord<'a>>,
    illustrative: bool,
}

#[derive(Serialize)]
struct IndicatorRecord<'a> {
    name: &'a str,
    value: f64,
    unit: Option<&'a str>,
    year: Option<i64>,
}

#[derive(Serialize)]
struct LinkRecord<'a> {
    title: &'a str,
    url: &'a str,
}

fn record<'a>(site: &Site, contribution: &'a Contribution) -> Record<'a> {
    Record {
        slug: &contribution.slug,
        url: contribution_url(site, contribution),
        title: &contribution.title,
        stakeholder_name: &contribution.stakeholder.name,
        stakeholder_type: contribution.stakeholder.kind.id(),
        country: contribution.stakeholder.country.as_deref(),
        region: contribution.region.id(),
        objectives: &contribution.objectives,
        actions: &contribution.actions,
        forums: &contribution.forums,
        sdgs: &contribution.sdgs,
        date: contribution.date.to_string(),
        status: contribution.status.id(),
        language: &contribution.language,
        edition: contribution.edition,
        indicators: contribution
            .indicators
            .iter()
            .map(|indicator| IndicatorRecord {
                name: &indicator.name,
                value: indicator.value,
                unit: indicator.unit.as_deref(),
                year: indicator.year,
            })
            .collect(),
        links: contribution
            .links
            .iter()
            .map(|link| LinkRecord {
                title: &link.title,
                url: &link.url,
            })
            .collect(),
        illustrative: contribution.illustrative,
    }
}

/// The contributions of `year` as pretty JSON. (serde_json fails only on a map with
/// non-string keys or a `Serialize` that errors, which a record does not have: an error is
/// a bug, reported as one rather than written as an empty file.)
pub fn contributions_json(site: &Site, year: i32) -> Result<String, serde_json::Error> {
    let records: Vec<Record> = edition_contributions(site, year)
        .map(|contribution| record(site, contribution))
        .collect();
    let mut json = serde_json::to_string_pretty(&records)?;
    json.push('\n');
    Ok(json)
}

/// The contributions of `year` as CSV; list fields are joined with `;`, indicators as `name=value unit (year)`.
pub fn contributions_csv(site: &Site, year: i32) -> String {
    let header = [
        "slug",
        "url",
        "title",
        "stakeholder_name",
        "stakeholder_type",
        "country",
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
    ];
    let mut rows = vec![header.map(str::to_owned).to_vec()];
    for contribution in edition_contributions(site, year) {
        let record = record(site, contribution);
        let sdgs: Vec<String> = record.sdgs.iter().map(u8::to_string).collect();
        let indicators: Vec<String> = record
            .indicators
            .iter()
            .map(|indicator| {
                let unit = indicator
                    .unit
                    .map(|unit| format!(" {unit}"))
                    .unwrap_or_default();
                let year = indicator
                    .year
                    .map(|year| format!(" ({year})"))
                    .unwrap_or_default();
                format!("{}={}{unit}{year}", indicator.name, indicator.value)
            })
            .collect();
        let links: Vec<&str> = record.links.iter().map(|link| link.url).collect();
        let row = [
            record.slug.to_string(),
            record.url.clone(),
            record.title.to_owned(),
            record.stakeholder_name.to_owned(),
            record.stakeholder_type.to_owned(),
            record.country.unwrap_or_default().to_owned(),
            record.region.to_owned(),
            joined(record.objectives),
            joined(record.actions),
            joined(record.forums),
            sdgs.join(";"),
            record.date.clone(),
            record.status.to_owned(),
            record.language.to_string(),
            record.edition.to_string(),
            indicators.join(";"),
            links.join(" "),
            record.illustrative.to_string(),
        ];
        rows.push(row.to_vec());
    }
    crate::csv_file::to_csv(rows)
}

/// The absolute URL of `contribution`'s page in its edition's portal, in the default
/// language (feeds and open data are not translated).
/// Ids as one CSV cell: `A;B`.
fn joined<Id: AsRef<str>>(ids: &[Id]) -> String {
    let ids: Vec<&str> = ids.iter().map(AsRef::as_ref).collect();
    ids.join(";")
}

fn contribution_url(site: &Site, contribution: &Contribution) -> String {
    let prefix = Prefix::portal(site, contribution.edition, &site.config.default_language);
    PortalPath::contribution(&contribution.slug)
        .in_portal(&prefix)
        .absolute(&site.config.base_url)
}

fn edition_contributions(site: &Site, year: i32) -> impl Iterator<Item = &Contribution> {
    site.index
        .by_edition
        .get(&year)
        .into_iter()
        .flatten()
        .filter_map(|position| site.contributions.get(*position))
}

/// `sitemap.xml` listing `paths` (relative to the root, sorted) under `base_url`.
pub fn sitemap(base_url: &str, paths: &[&SitePath]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for path in paths {
        xml.push_str("<url><loc>");
        xml.push_str(&markup(&path.absolute(base_url)));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt`: everything may be indexed; the sitemap is named.
pub fn robots(base_url: &str) -> String {
    let sitemap = SitePath::root_file("sitemap.xml").absolute(base_url);
    format!("User-agent: *\nAllow: /\nSitemap: {sitemap}\n")
}

/// Entries per feed: the newest contributions.
const FEED_ENTRIES: usize = 100;

/// An Atom feed of `contributions` (newest first), at `path` under `base_url`.
///
/// The feed's `updated` is the newest entry's date, never the build time, so feeds are as
/// deterministic as pages.
pub fn atom(site: &Site, title: &str, path: &SitePath, contributions: &[&Contribution]) -> String {
    let base_url = &site.config.base_url;
    let feed_url = path.absolute(base_url);
    let updated = contributions.first().map_or_else(
        || "1970-01-01".to_owned(),
        |contribution| contribution.date.to_string(),
    );
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    xml.push_str(&format!("<title>{}</title>\n", markup(title)));
    xml.push_str(&format!("<id>{}</id>\n", markup(&feed_url)));
    xml.push_str(&format!(
        "<link rel=\"self\" href=\"{}\"/>\n",
        markup(&feed_url)
    ));
    xml.push_str(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        markup(base_url)
    ));
    xml.push_str(&format!("<updated>{updated}T00:00:00Z</updated>\n"));
    xml.push_str(&format!(
        "<author><name>{}</name></author>\n",
        markup(&site.config.title)
    ));
    for contribution in contributions.iter().take(FEED_ENTRIES) {
        let url = contribution_url(site, contribution);
        let summary = format!(
            "{} ({}), {}. Objectives {}. Status: {}.",
            contribution.stakeholder.name,
            contribution.stakeholder.kind.label(),
            contribution.region.label(),
            contribution.objectives.join(", "),
            contribution.status.label()
        );
        xml.push_str("<entry>\n");
        xml.push_str(&format!("<title>{}</title>\n", markup(&contribution.title)));
        xml.push_str(&format!(
            "<id>{}</id>\n<link href=\"{}\"/>\n",
            markup(&url),
            markup(&url)
        ));
        xml.push_str(&format!(
            "<updated>{}T00:00:00Z</updated>\n",
            contribution.date
        ));
        xml.push_str(&format!(
            "<author><name>{}</name></author>\n",
            markup(&contribution.stakeholder.name)
        ));
        xml.push_str(&format!("<summary>{}</summary>\n", markup(&summary)));
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}
