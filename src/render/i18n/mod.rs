//! Interface strings in the six UN languages: every word a page shows that does not come
//! from the content comes from the theme's message files, `locales/<lang>.ftl`.
//!
//! The files are [Fluent](https://projectfluent.org): a message can choose among plural
//! forms by the language's own rules (Arabic has six, Russian four, Chinese one), which
//! `{n} contribution{s}` templates cannot. The default theme's files are embedded in the
//! binary; a site's theme may redefine any message, or add new ones, in
//! `themes/<name>/locales/<lang>.ftl`, as it overrides templates.
//!
//! What templates use: `{{ messages["nav-forums"] }}` for a message without arguments
//! (`messages` is a map of the page's language in every page's context, made once per
//! language: a lookup, where a function call per string per page cost Tera about three
//! times as much), and, see [`register`],
//! `{{ t(key="contributions-count", count=total) }}` (a number argument selects the plural
//! form and is written the language's way), `{{ date_iso | date }}`, `{{ n | number }}`,
//! `{{ code | autonym }}`; `t(key="nav-forums")` works too. Each function reads the page's
//! language from the `lang` variable of the template context, so one compiled set of
//! templates serves every language. A template naming a message that a language lacks, or
//! reading one with arguments from `messages`, fails the build with the template and the
//! key named (see [`check`]); it never falls back to English silently.
//!
//! What Rust code uses: [`Messages::text`], [`Messages::label`], [`Messages::date`],
//! [`Messages::number`], [`Messages::autonym`] and [`direction`].

mod check;
mod format;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, RwLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use rustc_hash::FxHashMap;
use unic_langid::LanguageIdentifier;

use crate::diagnostic::{Diagnostic, Position};
use crate::load::LANGUAGES;
use crate::model::{Actor, EditionStatus, ForumCategory, Region, StakeholderType, Status};

pub use check::TemplateKeys;
pub use format::NumberSymbols;

type Bundle = FluentBundle<FluentResource>;

/// The message files of a theme, one Fluent bundle per language.
pub struct Messages {
    bundles: BTreeMap<&'static str, Bundle>,
    /// The messages that take no argument, formatted once: most of a page's strings are
    /// such labels and headings, asked for on every page.
    plain: BTreeMap<&'static str, FxHashMap<String, String>>,
    /// The same messages as one template value per language, the `messages` map every
    /// page's context holds: `{{ messages["nav-forums"] }}` is a lookup in it, where
    /// `{{ t(key="nav-forums") }}` is a function call (building its arguments, finding
    /// the page's language) that costs Tera about three times as much, dozens of times a page.
    templates: BTreeMap<&'static str, tera::Value>,
    /// The messages with arguments already formatted, by [`memo_key`]: pages ask for the
    /// same few (a date, "edition 2025", a listing's count) thousands of times, and
    /// Fluent resolves the pattern and its plural rules again at each call.
    formatted: RwLock<FxHashMap<String, String>>,
    /// Dates written out, by language and `YYYY-MM-DD` text: the `date` filter's answers.
    dates: BTreeMap<&'static str, RwLock<FxHashMap<String, String>>>,
}

/// The most formatted messages [`Messages`] keeps; past it, messages are formatted anew.
const MAX_FORMATTED: usize = 100_000;

/// A message file to load: its language, where it comes from (for diagnostics) and its text.
pub struct LocaleFile {
    pub language: String,
    pub file: String,
    pub text: String,
}

/// A value given to a message. A number selects plural forms and is written with the
/// language's separators; a year is an identifier, not a quantity: give it as text.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Number(f64),
    Text(String),
}

impl From<usize> for Arg {
    fn from(count: usize) -> Self {
        Arg::Number(count as f64)
    }
}

impl From<f64> for Arg {
    fn from(value: f64) -> Self {
        Arg::Number(value)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

/// Why a message could not be produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageError {
    /// The language is not one of the six.
    UnknownLanguage(String),
    /// No message `key` in the language's file (or it has attributes but no value).
    Missing { language: String, key: String },
    /// The message exists but failed: an argument it uses was not given, say.
    Failed {
        language: String,
        key: String,
        reason: String,
    },
}

impl std::fmt::Display for MessageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MessageError::UnknownLanguage(language) => write!(
                f,
                "no interface strings for the language `{language}` (the languages are {})",
                LANGUAGES.join(", ")
            ),
            MessageError::Missing { language, key } => write!(
                f,
                "the message `{key}` is not in the `{language}` interface strings \
                 (locales/{language}.ftl of the theme)"
            ),
            MessageError::Failed {
                language,
                key,
                reason,
            } => write!(
                f,
                "the message `{key}` of locales/{language}.ftl failed: {reason}"
            ),
        }
    }
}

impl std::error::Error for MessageError {}

/// The closed lists of the content model and the prefix of their labels' message keys:
/// the label of `Status::Ongoing` is the message `status-ongoing`.
pub fn vocabularies() -> [(&'static str, Vec<&'static str>); 6] {
    [
        ("stakeholder-type", StakeholderType::ids().collect()),
        ("region", Region::ids().collect()),
        ("status", Status::ids().collect()),
        ("actor", Actor::ids().collect()),
        ("forum-category", ForumCategory::ids().collect()),
        ("edition-status", EditionStatus::ids().collect()),
    ]
}

/// The message key of the label of `id` in the closed list with keys starting `prefix`.
pub fn label_key(prefix: &str, id: &str) -> String {
    format!("{prefix}-{id}")
}

/// The writing direction of `language`: `rtl` for Arabic, `ltr` for the others.
pub fn direction(language: &str) -> &'static str {
    if language == "ar" {
        "rtl"
    } else {
        "ltr"
    }
}

impl Messages {
    /// Loads the default theme's files, then a site theme's files over them: a message of
    /// `overrides` replaces the one of the same key in `embedded`, or adds a new one.
    pub fn load(
        embedded: &[LocaleFile],
        overrides: &[LocaleFile],
    ) -> Result<Messages, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut bundles = BTreeMap::new();
        let mut keys: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for language in LANGUAGES {
            let Ok(identifier) = language.parse::<LanguageIdentifier>() else {
                continue;
            };
            let mut bundle = Bundle::new_concurrent(vec![identifier]);
            // Pages are HTML: the bidirectional isolation marks Fluent adds around
            // arguments for plain-text displays would only be invisible noise there.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format_number_value));
            bundles.insert(*language, bundle);
        }
        for (file, is_override) in embedded
            .iter()
            .map(|file| (file, false))
            .chain(overrides.iter().map(|file| (file, true)))
        {
            let Some(bundle) = bundles.get_mut(file.language.as_str()) else {
                problems.push(unknown_language(file));
                continue;
            };
            let Some(resource) = parse(file, &mut problems) else {
                continue;
            };
            keys.entry(file.language.as_str())
                .or_default()
                .extend(message_keys(&resource));
            if is_override {
                bundle.add_resource_overriding(resource);
            } else if let Err(errors) = bundle.add_resource(resource) {
                problems.extend(errors.iter().map(|error| duplicate(file, error)));
            }
        }
        for language in LANGUAGES {
            if !embedded.iter().any(|file| file.language == *language) {
                problems.push(Diagnostic::error(
                    format!("(embedded theme) locales/{language}.ftl"),
                    "the default theme has no message file for this language",
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut messages = Messages {
            bundles,
            plain: BTreeMap::new(),
            templates: BTreeMap::new(),
            formatted: RwLock::default(),
            dates: LANGUAGES
                .iter()
                .map(|language| (*language, RwLock::default()))
                .collect(),
        };
        messages.plain = LANGUAGES
            .iter()
            .map(|language| {
                let formatted = keys
                    .get(language)
                    .into_iter()
                    .flatten()
                    .filter_map(|key| {
                        let text = messages.format(language, key, &[]).ok()?;
                        Some((key.clone(), text))
                    })
                    .collect();
                (*language, formatted)
            })
            .collect();
        messages.templates = messages
            .plain
            .iter()
            .map(|(language, plain)| {
                let map: BTreeMap<String, String> = plain
                    .iter()
                    .map(|(key, text)| (key.clone(), text.clone()))
                    .collect();
                (*language, tera::Value::from(map))
            })
            .collect();
        Ok(messages)
    }

    /// The messages of `language` that take no argument, as the template value `messages`.
    pub fn template_map(&self, language: &str) -> Option<&tera::Value> {
        self.templates.get(language)
    }

    /// The message `key` in `language`, with `args`.
    pub fn try_text(
        &self,
        language: &str,
        key: &str,
        args: &[(&str, Arg)],
    ) -> Result<String, MessageError> {
        if args.is_empty() {
            if let Some(text) = self.plain.get(language).and_then(|plain| plain.get(key)) {
                return Ok(text.clone());
            }
        }
        let memo_key = memo_key(language, key, args);
        let known = self.formatted.read().ok().and_then(|formatted| {
            let text = formatted.get(&memo_key)?;
            Some(text.clone())
        });
        if let Some(text) = known {
            return Ok(text);
        }
        let text = self.format(language, key, args)?;
        if let Ok(mut formatted) = self.formatted.write() {
            if formatted.len() < MAX_FORMATTED {
                formatted.insert(memo_key, text.clone());
            }
        }
        Ok(text)
    }

    /// Formats the message `key` of `language` with Fluent.
    fn format(
        &self,
        language: &str,
        key: &str,
        args: &[(&str, Arg)],
    ) -> Result<String, MessageError> {
        let bundle = self
            .bundles
            .get(language)
            .ok_or_else(|| MessageError::UnknownLanguage(language.to_owned()))?;
        let pattern = bundle
            .get_message(key)
            .and_then(|message| message.value())
            .ok_or_else(|| MessageError::Missing {
                language: language.to_owned(),
                key: key.to_owned(),
            })?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, fluent_value(value));
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        match errors.first() {
            None => Ok(text.into_owned()),
            Some(error) => Err(MessageError::Failed {
                language: language.to_owned(),
                key: key.to_owned(),
                reason: error.to_string(),
            }),
        }
    }

    /// The message `key` in `language`, for strings made in Rust. Its keys are constants
    /// that every embedded file defines (a test checks them) and a site's files can only
    /// add to, so a failure is a bug of rapporteur: it shows as `{key}` on the page,
    /// never as English in place of the language asked for, and never as a panic.
    pub fn text(&self, language: &str, key: &str, args: &[(&str, Arg)]) -> String {
        self.try_text(language, key, args)
            .unwrap_or_else(|_| format!("{{{key}}}"))
    }

    /// The label of `id` in a closed list, e.g. `label("fr", "status", "ongoing")` is "En cours".
    pub fn label(&self, language: &str, prefix: &str, id: &str) -> String {
        self.text(language, &label_key(prefix, id), &[])
    }

    /// Whether `language` has a message `key` that takes no argument (one of `messages`).
    pub fn is_plain(&self, language: &str, key: &str) -> bool {
        self.plain
            .get(language)
            .is_some_and(|plain| plain.contains_key(key))
    }

    /// Whether `language` has a message `key`.
    pub fn has(&self, language: &str, key: &str) -> bool {
        self.bundles
            .get(language)
            .is_some_and(|bundle| bundle.has_message(key))
    }

    /// The name of `language` in itself: "Français", "العربية", "中文".
    pub fn autonym(&self, language: &str) -> String {
        self.text(language, "language-autonym", &[])
    }

    /// `date` written in `language`: "14 March 2025", "14 mars 2025", "2025年3月14日".
    pub fn date(&self, language: &str, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.text(language, &format!("month-{}", date.month()), &[]);
        self.text(
            language,
            "date-long",
            &[
                ("day", Arg::Number(f64::from(date.day()))),
                ("month", Arg::Text(month)),
                ("month_number", Arg::Number(f64::from(date.month()))),
                ("year", Arg::Text(date.year().to_string())),
            ],
        )
    }

    /// The date written `YYYY-MM-DD` in `iso`, written out in `language` as by
    /// [`Messages::date`]; `None` when `iso` is not such a date.
    pub fn iso_date(&self, language: &str, iso: &str) -> Option<String> {
        let memo = self.dates.get(language);
        let known = memo
            .and_then(|memo| memo.read().ok())
            .and_then(|dates| dates.get(iso).cloned());
        if known.is_some() {
            return known;
        }
        let date = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok()?;
        let text = self.date(language, date);
        if let Some(mut dates) = memo.and_then(|memo| memo.write().ok()) {
            if dates.len() < MAX_FORMATTED {
                dates.insert(iso.to_owned(), text.clone());
            }
        }
        Some(text)
    }

    /// `value` written in `language`: "4,200" in English, "4 200" in French.
    pub fn number(&self, language: &str, value: f64) -> String {
        NumberSymbols::of(language).format(value)
    }
}

/// What identifies a formatted message: its language, key and arguments, each length
/// written before it so that no text can make two different calls look the same.
fn memo_key(language: &str, key: &str, args: &[(&str, Arg)]) -> String {
    use std::fmt::Write;
    fn push(memo_key: &mut String, part: &str) {
        // Writing into a String cannot fail.
        let _ = write!(memo_key, "{}:", part.len());
        memo_key.push_str(part);
    }
    let mut memo_key = String::with_capacity(64);
    push(&mut memo_key, language);
    push(&mut memo_key, key);
    for (name, value) in args {
        push(&mut memo_key, name);
        match value {
            Arg::Number(number) => {
                let _ = write!(memo_key, "n{:x};", number.to_bits());
            }
            Arg::Text(text) => {
                memo_key.push('t');
                push(&mut memo_key, text);
            }
        }
    }
    memo_key
}

/// The keys of the messages (not the terms) of `resource`.
fn message_keys(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// A Fluent value for `arg`; whole numbers stay whole, so that "1" selects the form `one`.
fn fluent_value(arg: &Arg) -> FluentValue<'static> {
    match arg {
        Arg::Number(value) if value.fract() == 0.0 && value.abs() < 1e15 => {
            FluentValue::from(*value as i64)
        }
        Arg::Number(value) => FluentValue::from(*value),
        Arg::Text(text) => FluentValue::from(text.clone()),
    }
}

/// Fluent's hook for writing values: numbers get the separators of the bundle's language.
fn format_number_value(
    value: &FluentValue,
    memoizer: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    memoizer
        .with_try_get::<NumberSymbols, _, _>((), |symbols| symbols.format(number.value))
        .ok()
}

/// Parses a message file, turning each syntax error into a diagnostic at its line.
fn parse(file: &LocaleFile, problems: &mut Vec<Diagnostic>) -> Option<FluentResource> {
    match FluentResource::try_new(file.text.clone()) {
        Ok(resource) => Some(resource),
        Err((_, errors)) => {
            problems.extend(errors.iter().map(|error| {
                Diagnostic::error(
                    &file.file,
                    format!("this message file is not valid Fluent: {error}"),
                )
                .at(position(&file.text, error.pos.start), &file.text)
                .with_hint("see https://projectfluent.org/fluent/guide/ for the syntax")
            }));
            None
        }
    }
}

fn unknown_language(file: &LocaleFile) -> Diagnostic {
    Diagnostic::error(
        &file.file,
        format!("`{}` is not one of the six languages", file.language),
    )
    .with_hint(format!(
        "name message files {}.ftl",
        LANGUAGES.join(".ftl, ")
    ))
}

fn duplicate(file: &LocaleFile, error: &FluentError) -> Diagnostic {
    Diagnostic::error(&file.file, format!("{error}"))
        .with_hint("each message key may be defined once per file")
}

/// The 1-based line and column of the byte `offset` of `text`.
pub(crate) fn position(text: &str, offset: usize) -> Position {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Position::new(line as u64, column as u64)
}

/// Adds the functions and filters of the module doc to `tera`.
pub fn register(tera: &mut tera::Tera, messages: &Arc<Messages>) {
    let for_t = Arc::clone(messages);
    tera.register_function("t", move |kwargs: tera::Kwargs, state: &tera::State| {
        translate(&for_t, &kwargs, state)
    });
    let for_date = Arc::clone(messages);
    tera.register_filter(
        "date",
        move |value: &str, _: tera::Kwargs, state: &tera::State| {
            // Model dates are checked, but a manifest's dates are as someone typed them:
            // one that is not `YYYY-MM-DD` is shown as written rather than stopping the build.
            in_page_language(state, |language| {
                for_date
                    .iso_date(language, value)
                    .unwrap_or_else(|| value.to_owned())
            })
        },
    );
    let for_number = Arc::clone(messages);
    tera.register_filter(
        "number",
        move |value: f64, _: tera::Kwargs, state: &tera::State| {
            in_page_language(state, |language| for_number.number(language, value))
        },
    );
    let for_autonym = Arc::clone(messages);
    tera.register_filter(
        "autonym",
        move |language: &str, _: tera::Kwargs, _: &tera::State| {
            for_autonym
                .try_text(language, "language-autonym", &[])
                .map_err(tera::Error::message)
        },
    );
}

/// `use_language` applied to the `lang` variable of the page being rendered (read as a
/// template value, which holds a language code inline: no allocation per message).
fn in_page_language<T>(
    state: &tera::State,
    use_language: impl FnOnce(&str) -> T,
) -> tera::TeraResult<T> {
    let lang = state.get::<tera::Value>("lang")?;
    match lang.as_ref().and_then(tera::Value::as_str) {
        Some(language) => Ok(use_language(language)),
        None => Err(tera::Error::message(
            "the page has no `lang` variable, so no interface language",
        )),
    }
}

/// `t(key="…", name=value…)`: the message `key` in the page's language.
fn translate(
    messages: &Messages,
    kwargs: &tera::Kwargs,
    state: &tera::State,
) -> tera::TeraResult<String> {
    let key: &str = kwargs.must_get("key")?;
    let mut args = Vec::new();
    for (name, value) in kwargs.iter() {
        let Some(name) = name.as_str() else {
            continue;
        };
        if name != "key" {
            args.push((name, template_arg(name, value)?));
        }
    }
    in_page_language(state, |language| messages.try_text(language, key, &args))?
        .map_err(tera::Error::message)
}

/// A template value as a message argument. Numbers are quantities, except arguments
/// whose name ends in `year`: "2025" is a name, and "2,025" would be wrong.
fn template_arg(name: &str, value: &tera::Value) -> tera::TeraResult<Arg> {
    if let Some(text) = value.as_str() {
        return Ok(Arg::Text(text.to_owned()));
    }
    if let Some(whole) = value.as_i64() {
        if name.ends_with("year") {
            return Ok(Arg::Text(whole.to_string()));
        }
    }
    match value.as_f64() {
        Some(number) if value.is_number() => Ok(Arg::Number(number)),
        _ => Err(tera::Error::message(format!(
            "the argument `{name}` of `t` is a {}; give a string or a number",
            value.name()
        ))),
    }
}

#[cfg(test)]
mod tests;
