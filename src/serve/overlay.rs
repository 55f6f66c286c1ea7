//! What serve adds to HTML pages: the reload script and, while the content has problems,
//! an overlay that lists them.
//!
//! Both are added only by `serve`, never by `build`, so published pages stay free of
//! JavaScript. The overlay is rendered on the server and works without JavaScript: a page
//! fetched while the content is broken already carries it. The script only keeps open
//! tabs current (see `reload.js`). Diagnostics quote contributors' text, so every
//! character of them is escaped before it reaches the markup.

use crate::diagnostic::{self, Diagnostic, Format, Severity};
use crate::escape::markup;

/// The URL of the reload script.
pub const SCRIPT_URL: &str = "/__rapporteur/reload.js";
/// The script itself, served at [`SCRIPT_URL`].
pub const SCRIPT: &str = include_str!("reload.js");
/// The tag that loads the script, added before `</body>` of every HTML page.
const SCRIPT_TAG: &str = "<script src=\"/__rapporteur/reload.js\" defer></script>";

/// The overlay listing `problems` (errors and warnings), or `None` when none is an error.
pub fn overlay(problems: &[Diagnostic]) -> Option<String> {
    let errors = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .count();
    if errors == 0 {
        return None;
    }
    let heading = if errors == 1 {
        "The content has 1 problem to fix".to_owned()
    } else {
        format!("The content has {errors} problems to fix")
    };
    Some(format!(
        "<div id=\"rapporteur-overlay\" role=\"alert\" style=\"{STYLE}\">\
         <h2 style=\"margin:0 0 .5em;font-size:1.25em\">{heading}</h2>\
         <p style=\"margin:0 0 .5em\">This preview shows the last version that was valid, \
         and updates when the problems are fixed.</p>\
         <pre style=\"white-space:pre-wrap;margin:0;font-size:.875em\">{}</pre></div>",
        markup(&diagnostic::render(problems, Format::Human))
    ))
}

/// Dark text on a light background with a thick border: the contrast passes WCAG AA.
const STYLE: &str = "position:fixed;inset:auto 1em 1em 1em;max-height:60vh;overflow:auto;\
z-index:2147483647;background:#fff8f6;color:#1a1a1a;border:4px solid #b3261e;\
padding:1em;font:1rem/1.4 system-ui,sans-serif;box-shadow:0 2px 12px rgba(0,0,0,.3)";

/// `html` with the reload script, and the overlay when there is one, before `</body>`.
pub fn inject(html: &[u8], overlay: Option<&str>) -> Vec<u8> {
    let addition = format!("{}{SCRIPT_TAG}", overlay.unwrap_or_default());
    let at = body_end(html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + addition.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(addition.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// Where the last `</body>` starts, in any letter case.
fn body_end(html: &[u8]) -> Option<usize> {
    const TAG: &[u8] = b"</body>";
    html.windows(TAG.len())
        .rposition(|window| window.eq_ignore_ascii_case(TAG))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_closing_body_tag() {
        let html = b"<html><body><p>x</p></BODY></html>";
        let injected = String::from_utf8_lossy(&inject(html, None)).into_owned();
        assert_eq!(
            injected,
            "<html><body><p>x</p><script src=\"/__rapporteur/reload.js\" defer></script></BODY></html>"
        );
    }

    #[test]
    fn a_page_without_body_gets_the_script_at_the_end() {
        let injected = inject(b"<p>x</p>", Some("<div>o</div>"));
        assert_eq!(
            String::from_utf8_lossy(&injected),
            "<p>x</p><div>o</div><script src=\"/__rapporteur/reload.js\" defer></script>"
        );
    }

    #[test]
    fn the_overlay_escapes_what_contributors_wrote() {
        let problem = Diagnostic::error("content/contributions/x.md", "bad <script>\"&'");
        let html = overlay(&[problem]).unwrap_or_default();
        assert!(html.starts_with("<div id=\"rapporteur-overlay\" role=\"alert\""));
        assert!(html.contains("The content has 1 problem to fix"));
        assert!(
            html.contains("bad &lt;script&gt;&quot;&amp;&#39;"),
            "{html}"
        );
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn warnings_alone_show_no_overlay() {
        let warning = Diagnostic::warning("site.yaml", "a warning");
        assert_eq!(overlay(&[warning]), None);
    }
}
