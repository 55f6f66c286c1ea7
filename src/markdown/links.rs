//! Link and image addresses in Markdown: made safe, resolved and checked.
//!
//! - An address with a scheme must be `https:`, `http:` or `mailto:`; images may not come
//!   from other hosts at all (readers' browsers would call them).
//! - `other.md`, `../policy-notes/note.md`: a link to another document by its file, as
//!   GitHub reads it; rewritten to that document's page (in its own edition's portal).
//! - `/assets/images/map.png` (from the repository's root, as GitHub reads it) or a path
//!   relative to the Markdown file that lands in `assets/`: a file of the site, which must
//!   exist; images must also be of a web type and small.
//! - Any other address is a page of the portal, relative to the page or, with a leading
//!   `/`, to the edition's root (`/objectives/a/`); it must exist. A report is also found
//!   by its content path, as Zola and Hugo users write it (`/report/2025/`).
//! - `#results`: a heading (or raw-HTML id) of the same document; checked once the whole
//!   document has been read (see the converter).

use super::ids::CONTENT_PREFIX;
use super::targets::LinkTargets;
use crate::diagnostic::did_you_mean;

/// Image types a page may show.
pub const IMAGE_TYPES: [&str; 5] = ["png", "jpg", "jpeg", "webp", "gif"];
/// The largest image a page may show, in bytes: readers are often on phones and slow networks.
pub const IMAGE_MAX_BYTES: u64 = 300 * 1024;

/// Where the link is written and shown.
pub struct Place<'a> {
    /// The Markdown file (`content/contributions/x.md`).
    pub file: &'a str,
    /// The page showing it, inside its portal (`contributions/x/`).
    pub page: &'a str,
    /// The relative path from the page to its portal's root (`../../`).
    pub root: &'a str,
}

/// What became of an address.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// Use this address.
    Address(String),
    /// An anchor within the document, checked when all its ids are known.
    Anchor(String),
    /// A broken or unsafe address: report it, and use `replacement`.
    Problem {
        replacement: String,
        message: String,
        hint: String,
    },
}

fn problem(replacement: &str, message: String, hint: impl Into<String>) -> Outcome {
    Outcome::Problem {
        replacement: replacement.to_owned(),
        message,
        hint: hint.into(),
    }
}

/// The hint for an image on another host.
pub const REMOTE_IMAGE_HINT: &str = "images on other hosts make every reader's browser call that host; put the image in `assets/images/` and link it from there: `![description](/assets/images/<file>)`";

/// Resolves the address `url` of a link (or of an image, when `is_image`) written at `place`.
pub fn resolve(url: &str, is_image: bool, place: &Place, targets: &dyn LinkTargets) -> Outcome {
    if let Some(scheme) = scheme(url) {
        return with_scheme(url, &scheme, is_image);
    }
    if url.starts_with("//") {
        return if is_image {
            problem("", remote_image(url), REMOTE_IMAGE_HINT)
        } else {
            Outcome::Address(url.to_owned())
        };
    }
    if let Some(anchor) = url.strip_prefix('#') {
        return Outcome::Anchor(anchor.to_owned());
    }
    if url.is_empty() {
        return Outcome::Address(String::new());
    }
    if !targets.checks() {
        return Outcome::Address(unchecked(url, place.root));
    }
    if let Some(host) = missing_scheme(url) {
        return problem(
            "#",
            format!(
                "`{}` has no scheme, so it is read as a page of the portal",
                super::truncate(url, 60)
            ),
            format!("a web address starts with https://: write `https://{host}`"),
        );
    }
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (path, suffix) = url.split_at(split);
    if path.to_ascii_lowercase().ends_with(".md") {
        return document(path, suffix, place, targets);
    }
    let file = site_file(path, place.file);
    match file {
        Some(file) if file.starts_with("assets/") => asset(&file, suffix, is_image, place, targets),
        _ if is_image => problem(
            "",
            format!("the image `{}` is not in `assets/`", super::truncate(url, 60)),
            "put the image in `assets/images/` and link it from there: `![description](/assets/images/<file>)`",
        ),
        _ => page(url, path, place, targets),
    }
}

/// The lowercased scheme of `url`, if it has one (`https`, `javascript` …).
fn scheme(url: &str) -> Option<String> {
    let end = url.find([':', '/', '?', '#'])?;
    url[end..]
        .starts_with(':')
        .then(|| url[..end].to_ascii_lowercase())
}

fn with_scheme(url: &str, scheme: &str, is_image: bool) -> Outcome {
    match scheme {
        "http" | "https" if is_image => problem("", remote_image(url), REMOTE_IMAGE_HINT),
        "http" | "https" | "mailto" => Outcome::Address(url.to_owned()),
        _ => problem(
            "#",
            format!("unsafe link address `{}`", super::truncate(url, 60)),
            "links may only use https://, http://, mailto: or a relative address; the link was disabled",
        ),
    }
}

fn remote_image(url: &str) -> String {
    format!("image from another host `{}`", super::truncate(url, 60))
}

/// What links did before they were checked: a root-relative address made relative to the page.
fn unchecked(url: &str, root: &str) -> String {
    match url.strip_prefix('/') {
        Some(rest) if !rest.starts_with('/') => format!("{root}{rest}"),
        _ => url.to_owned(),
    }
}

/// The host of an address written without its scheme (`www.example.org/x`), if it looks like one.
fn missing_scheme(url: &str) -> Option<&str> {
    let host = url.split(['/', '?', '#']).next()?;
    let top_level = host.rsplit('.').next()?;
    let looks_like_host = host.starts_with("www.")
        || (host.contains('.')
            && matches!(
                top_level,
                "org" | "com" | "net" | "int" | "edu" | "gov" | "info" | "io"
            ));
    looks_like_host.then_some(url)
}

/// The path in the site root of `path` written in the Markdown file `file`: from the
/// repository's root with a leading `/`, else relative to the file. None if it climbs out.
fn site_file(path: &str, file: &str) -> Option<String> {
    match path.strip_prefix('/') {
        Some(rooted) => normalize("", rooted),
        None => normalize(file.rsplit_once('/').map_or("", |(folder, _)| folder), path),
    }
}

/// `base/relative` with `.` and `..` resolved; None if it climbs above `base`'s root.
fn normalize(base: &str, relative: &str) -> Option<String> {
    let mut segments: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for segment in relative.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            other => segments.push(other),
        }
    }
    let mut joined = segments.join("/");
    if relative.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// A link to another document by its file (`other.md`).
fn document(path: &str, suffix: &str, place: &Place, targets: &dyn LinkTargets) -> Outcome {
    let file = site_file(path, place.file).unwrap_or_else(|| path.to_owned());
    if let Some(page) = targets.document_page(&file) {
        // The other document's headings have ids of the contributor's text, prefixed.
        let suffix = match suffix.split_once('#') {
            Some((query, anchor)) if !anchor.is_empty() && !anchor.starts_with(CONTENT_PREFIX) => {
                format!("{query}#{CONTENT_PREFIX}{anchor}")
            }
            _ => suffix.to_owned(),
        };
        return Outcome::Address(format!("{}{page}{suffix}", place.root));
    }
    let documents = targets.documents();
    let hint = match did_you_mean(&file, documents.iter().copied()) {
        Some(found) => format!("did you mean `{}`?", relative_to(place.file, found)),
        None => "link to a document by its file name, as it is in the repository: `[title](other-contribution.md)` from a contribution".to_owned(),
    };
    problem("#", format!("no document `{file}` to link to"), hint)
}

/// `target` (a path in the site root) as written from the Markdown file `from`.
fn relative_to(from: &str, target: &str) -> String {
    let from_folder: Vec<&str> = from.split('/').collect();
    let from_folder = &from_folder[..from_folder.len().saturating_sub(1)];
    let target_parts: Vec<&str> = target.split('/').collect();
    let common = from_folder
        .iter()
        .zip(&target_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let ups = "../".repeat(from_folder.len() - common);
    format!("{ups}{}", target_parts[common..].join("/"))
}

/// A file of `assets/`: it must exist; an image must be of a web type and small.
fn asset(
    file: &str,
    suffix: &str,
    is_image: bool,
    place: &Place,
    targets: &dyn LinkTargets,
) -> Outcome {
    let Some(source) = targets.asset(file) else {
        let assets = targets.assets();
        let hint = match did_you_mean(file, assets.iter().copied()) {
            Some(found) => format!("did you mean `/{found}`?"),
            None => "add the file to `assets/` (images in `assets/images/`), then link it as `/assets/<file>`".to_owned(),
        };
        return problem("", format!("no file `{file}` in the site"), hint);
    };
    if is_image {
        if let Some(outcome) = image_problem(file, &source) {
            return outcome;
        }
    }
    let published = file.trim_start_matches("assets/");
    Outcome::Address(format!(
        "{}{}{published}{suffix}",
        place.root,
        targets.site_root()
    ))
}

fn image_problem(file: &str, source: &std::path::Path) -> Option<Outcome> {
    let extension = file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if !IMAGE_TYPES.contains(&extension.as_str()) {
        return Some(problem(
            "",
            format!("`{file}` is not an image type pages can show"),
            format!("use a {} image (SVG files can hold scripts, so they are not accepted from contributions)", IMAGE_TYPES.join(", ")),
        ));
    }
    let size = std::fs::metadata(source)
        .map(|metadata| metadata.len())
        .unwrap_or(0);
    (size > IMAGE_MAX_BYTES).then(|| {
        problem(
            "",
            format!("the image `{file}` is {} KB; images may be at most {} KB", size / 1024, IMAGE_MAX_BYTES / 1024),
            "readers are often on phones and slow networks: resize the image (1200 pixels wide is plenty) or save it as WebP or JPEG",
        )
    })
}

/// A page of the portal.
fn page(url: &str, path: &str, place: &Place, targets: &dyn LinkTargets) -> Outcome {
    let target = match path.strip_prefix('/') {
        Some(rooted) => normalize("", rooted),
        None => normalize(place.page, path),
    };
    // Above the portal's root (the site's own files): not a page of the portal to check.
    let Some(target) = target else {
        return Outcome::Address(url.to_owned());
    };
    // From the portal's root, so that the link also works where the document is shown on
    // another page (the printable report).
    let rewritten = format!("{}{target}{}", place.root, &url[path.len()..]);
    if target.starts_with("charts/") && target.ends_with(".csv") {
        return Outcome::Address(rewritten);
    }
    let with_slash = format!("{target}/");
    if targets.has_page(&target) || (!target.ends_with('/') && targets.has_page(&with_slash)) {
        return Outcome::Address(rewritten);
    }
    let content_path = if target.ends_with('/') {
        &target
    } else {
        &with_slash
    };
    if let Some(page) = targets.content_page(content_path) {
        return Outcome::Address(format!("{}{page}{}", place.root, &url[path.len()..]));
    }
    let hint = match relative_slip(path, &target, targets) {
        Some(meant) => format!("did you mean `/{meant}`? A relative address starts from this page's own address, `/{}`; write `/{meant}` to start from the edition's root", place.page),
        None => page_hint(&target, targets),
    };
    problem("#", format!("no page `/{target}` in this edition"), hint)
}

/// The page a relative address (`../report/`) was most likely meant for, when read from the
/// page's own address it leads nowhere: the page named by its last parts, from the
/// edition's root (`report/`).
fn relative_slip<'t>(path: &str, target: &'t str, targets: &dyn LinkTargets) -> Option<&'t str> {
    if path.starts_with('/') {
        return None;
    }
    let mut rest = target;
    while let Some((_, shorter)) = rest.split_once('/') {
        if !shorter.is_empty() && targets.has_page(shorter) {
            return Some(shorter);
        }
        rest = shorter;
    }
    None
}

fn page_hint(target: &str, targets: &dyn LinkTargets) -> String {
    let by_file = "link to another contribution by its file name: `[title](other-contribution.md)`";
    if let Some((first, rest)) = target.split_once('/') {
        let is_prefix = first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit())
            || first.len() == 2 && first.bytes().all(|b| b.is_ascii_lowercase());
        if is_prefix && targets.has_page(rest) {
            return format!("addresses start at the edition's root, without year or language: write `/{rest}`; or {by_file}");
        }
    }
    let pages = targets.pages();
    let to_contribution = target.starts_with("contributions/");
    match did_you_mean(target, pages.iter().copied()) {
        Some(found) if to_contribution => format!("did you mean `/{found}`? Or {by_file}"),
        Some(found) => format!("did you mean `/{found}`?"),
        None => format!("{by_file}; a page of the portal by its address from the edition's root, such as `/objectives/a/`"),
    }
}

#[cfg(test)]
mod tests;
