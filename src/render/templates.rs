//! The template engine: Tera 2, loaded once per build with the theme's templates.
//!
//! The default theme is embedded in the binary (see `build.rs`); a site may override any
//! of its files with `themes/<theme>/templates/<name>.html` and add static files in
//! `themes/<theme>/static/`. Templates are compiled once and shared by all threads.
//! Autoescaping is on for every `.html` template, so a value printed with `{{ }}` is
//! escaped unless a template marks it `| safe` (only the `*_html` view fields are).
//!
//! The theme's interface strings (`locales/<lang>.ftl`, see `i18n`) load with it, in the
//! same way: the embedded files first, then the site theme's files over them.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::fs::SiteRoot;
use crate::model::{Language, StaticFile};

use super::i18n::{self, LocaleFile, Messages, TemplateKeys};

use crate::embedded_theme as embedded;

/// A theme's static file: embedded bytes or a file of the site's own theme.
pub enum ThemeStatic {
    Embedded {
        output_path: String,
        bytes: &'static [u8],
    },
    Site(StaticFile),
}

/// The loaded theme: compiled templates, interface strings and the static files to copy.
pub struct Theme {
    pub tera: tera::Tera,
    pub statics: Vec<ThemeStatic>,
    pub messages: Arc<Messages>,
    /// The message keys the templates name, to check against the site's languages.
    template_keys: TemplateKeys,
}

thread_local! {
    /// The rendering thread's page buffer: a page is rendered into it and written from it,
    /// so that no page allocates (and grows, copying, then frees) a string of its own.
    static PAGE_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A buffer past this size (a long printed report) is not kept for the thread's next page.
const KEPT_BUFFER: usize = 1 << 20;

impl Theme {
    /// Renders `template` with `context` and hands the page to `use_page`, from a buffer
    /// that the rendering thread reuses for its next page.
    pub fn render<T>(
        &self,
        template: &str,
        context: &tera::Context,
        use_page: impl FnOnce(&str) -> T,
    ) -> tera::TeraResult<T> {
        render_in_thread_buffer(&self.tera, template, context, |page| {
            let page = std::str::from_utf8(page).map_err(tera::Error::message)?;
            Ok(use_page(page))
        })?
    }

    /// [`Theme::render`] for a page that is only written: its bytes, not checked again as
    /// UTF-8 (Tera writes only the text of its templates and values, which is UTF-8; the
    /// check was 2 % of a build).
    pub fn render_bytes<T>(
        &self,
        template: &str,
        context: &tera::Context,
        use_page: impl FnOnce(&[u8]) -> T,
    ) -> tera::TeraResult<T> {
        render_in_thread_buffer(&self.tera, template, context, use_page)
    }

    /// A diagnostic for each message a template uses that one of `languages` lacks.
    pub fn check_languages(&self, languages: &[Language]) -> Vec<Diagnostic> {
        self.template_keys.missing_in(&self.messages, languages)
    }
}

/// [`Theme::render`] with `tera`.
fn render_in_thread_buffer<T>(
    tera: &tera::Tera,
    template: &str,
    context: &tera::Context,
    use_page: impl FnOnce(&[u8]) -> T,
) -> tera::TeraResult<T> {
    let render_into = |buffer: &mut Vec<u8>| {
        buffer.clear();
        tera.render_to(template, context, &mut *buffer)?;
        Ok(use_page(buffer))
    };
    PAGE_BUFFER.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buffer) => {
            let result = render_into(&mut buffer);
            if buffer.capacity() > KEPT_BUFFER {
                *buffer = Vec::new();
            }
            result
        }
        // Only a page rendered while rendering another would find it in use.
        Err(_) => render_into(&mut Vec::new()),
    })
}

/// `page` with every `placeholder` replaced by `value`, or `None` when it has none.
pub(super) fn replace_all(page: &[u8], placeholder: &[u8], value: &[u8]) -> Option<Vec<u8>> {
    let mut found = memchr::memmem::find_iter(page, placeholder).peekable();
    found.peek()?;
    let mut replaced = Vec::with_capacity(page.len() + 64);
    let mut copied = 0;
    for at in found {
        replaced.extend_from_slice(page.get(copied..at).unwrap_or_default());
        replaced.extend_from_slice(value);
        copied = at + placeholder.len();
    }
    replaced.extend_from_slice(page.get(copied..).unwrap_or_default());
    Some(replaced)
}

/// Loads the theme named in `site.yaml`, overlaying the site's files on the embedded default.
pub fn load_theme(root: &SiteRoot, name: &str) -> Result<Theme, Vec<Diagnostic>> {
    let mut templates: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut statics: BTreeMap<String, ThemeStatic> = BTreeMap::new();
    let mut embedded_locales = Vec::new();
    for (path, bytes) in embedded::DEFAULT_THEME {
        if let Some(locale) = path.strip_prefix("locales/") {
            embedded_locales.push(LocaleFile {
                language: locale.trim_end_matches(".ftl").to_owned(),
                file: format!("(embedded theme) locales/{locale}"),
                text: String::from_utf8_lossy(bytes).into_owned(),
            });
        } else if let Some(template) = path.strip_prefix("templates/") {
            let text = String::from_utf8_lossy(bytes).into_owned();
            templates.insert(
                template.to_owned(),
                (format!("(embedded theme) templates/{template}"), text),
            );
        } else if let Some(output_path) = path.strip_prefix("static/") {
            statics.insert(
                output_path.to_owned(),
                ThemeStatic::Embedded {
                    output_path: output_path.to_owned(),
                    bytes,
                },
            );
        }
    }

    let mut problems = crate::diagnostic::Diagnostics::new();
    let theme_dir = format!("themes/{name}");
    for file in crate::load::static_files(root, &format!("{theme_dir}/templates"), &mut problems) {
        let relative = root.relative(&file.source);
        match root.read_to_string(&file.source) {
            Ok(text) => {
                templates.insert(file.output_path.clone(), (relative, text));
            }
            Err(error) => problems.push(Diagnostic::error(relative, error.describe())),
        }
    }
    for file in crate::load::static_files(root, &format!("{theme_dir}/static"), &mut problems) {
        statics.insert(file.output_path.clone(), ThemeStatic::Site(file));
    }
    let site_locales = site_locales(root, &theme_dir, &mut problems);
    if name != "default" && !root.join(&theme_dir).is_dir() {
        problems.push(
            Diagnostic::error("site.yaml", format!("the theme `{name}` does not exist")).with_hint(
                format!("create {theme_dir}/templates/, or write `theme: default`"),
            ),
        );
    }
    let messages = match Messages::load(&embedded_locales, &site_locales) {
        Ok(messages) => Arc::new(messages),
        Err(errors) => {
            problems.extend(errors);
            return Err(problems.sorted());
        }
    };
    if problems.has_errors() {
        return Err(problems.sorted());
    }

    let mut template_keys = TemplateKeys::default();
    for (file, text) in templates.values() {
        template_keys.scan(file, text);
    }
    let mut tera = tera::Tera::new();
    i18n::register(&mut tera, &messages);
    tera.autoescape_on([".html", ".xml"]);
    let sources: Vec<(String, String)> = templates
        .iter()
        .map(|(name, (_, text))| (name.clone(), text.clone()))
        .collect();
    if let Err(error) = tera.add_raw_templates(sources) {
        let file = templates
            .values()
            .map(|(file, _)| file.clone())
            .find(|file| {
                error
                    .to_string()
                    .contains(file.rsplit('/').next().unwrap_or_default())
            });
        return Err(vec![Diagnostic::error(
            file.unwrap_or_else(|| theme_dir.clone()),
            format!("the theme's templates do not compile: {}", one_line(&error)),
        )
            .with_hint("fix the template at the line shown; the default theme's templates are in themes/default/templates/ of rapporteur's repository")]);
    }
    Ok(Theme {
        tera,
        statics: statics.into_values().collect(),
        messages,
        template_keys,
    })
}

/// The site theme's message files, `themes/<name>/locales/<lang>.ftl`.
fn site_locales(
    root: &SiteRoot,
    theme_dir: &str,
    problems: &mut crate::diagnostic::Diagnostics,
) -> Vec<LocaleFile> {
    let mut locales = Vec::new();
    for file in crate::load::static_files(root, &format!("{theme_dir}/locales"), problems) {
        let relative = root.relative(&file.source);
        let Some(language) = file.output_path.strip_suffix(".ftl") else {
            problems.push(
                Diagnostic::error(
                    relative,
                    "the theme's locales/ folder holds only .ftl files",
                )
                .with_hint("name message files <language>.ftl, e.g. fr.ftl"),
            );
            continue;
        };
        match root.read_to_string(&file.source) {
            Ok(text) => locales.push(LocaleFile {
                language: language.to_owned(),
                file: relative,
                text,
            }),
            Err(error) => problems.push(Diagnostic::error(relative, error.describe())),
        }
    }
    locales
}

/// A template error as one line, with its causes.
pub fn one_line(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(tera: &tera::Tera, template: &str, text: &str) -> String {
        let mut context = tera::Context::new();
        context.insert("text", text);
        let page = render_in_thread_buffer(tera, template, &context, <[u8]>::to_vec);
        match page.map(String::from_utf8) {
            Ok(Ok(page)) => page,
            Ok(Err(error)) => panic!("{error}"),
            Err(error) => panic!("{}", one_line(&error)),
        }
    }

    #[test]
    fn a_page_rendered_after_a_longer_one_holds_only_its_own_text() {
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html"]);
        let added = tera.add_raw_templates([
            ("page.html", "<p>{{ text }}</p>"),
            ("outer.html", "{{ text }}"),
        ]);
        assert!(added.is_ok(), "{added:?}");
        assert_eq!(render(&tera, "page.html", &"long ".repeat(100)).len(), 507);
        assert_eq!(
            render(&tera, "page.html", "<short>"),
            "<p>&lt;short&gt;</p>"
        );
        // A page rendered while the thread's buffer is in use gets a buffer of its own.
        let mut context = tera::Context::new();
        context.insert("text", "outer");
        let nested = render_in_thread_buffer(&tera, "outer.html", &context, |outer| {
            let outer = String::from_utf8_lossy(outer);
            format!("{outer}+{}", render(&tera, "page.html", "inner"))
        });
        assert_eq!(nested.ok().as_deref(), Some("outer+<p>inner</p>"));
        let huge = "x".repeat(KEPT_BUFFER + 1);
        assert_eq!(render(&tera, "outer.html", &huge).len(), huge.len());
        assert_eq!(render(&tera, "outer.html", "after"), "after");
    }

    #[test]
    fn every_placeholder_is_replaced_and_a_page_without_one_is_left_alone() {
        let replaced = replace_all(b"<a href=\"@x\">@</a>@", b"@", b"../");
        assert_eq!(
            replaced.as_deref(),
            Some(&b"<a href=\"../x\">../</a>../"[..])
        );
        assert_eq!(replace_all(b"no placeholder", b"@", b"../"), None);
    }
}
