//! The Compact's texts in the portal's language: translations of the data files.
//!
//! `objectives.yaml` and `forums.yaml` are written in the site's default language. Their
//! translations (`objectives.<lang>.yaml`, `forums.<lang>.yaml`, checked by
//! `validate::translations`) hold, for one language, the texts readers see: objective
//! titles and descriptions, action texts, forum names, hosts, cadences and descriptions.
//!
//! Rendering does not look texts up one by one: [`Site::localized`] makes, once per
//! language portal, a copy of the site whose objectives and forums carry the texts of that
//! language, so that every page, figure and map of the portal reads them as before. A text
//! without a translation keeps its original and records the original's language in its
//! `*_lang` field, which templates put in a `lang` attribute.

use std::collections::BTreeMap;

use super::{Forum, Language, Objective, Site};

/// Which text of which entry a translation replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    ObjectiveTitle,
    ObjectiveDescription,
    ActionText,
    ForumName,
    ForumHost,
    ForumCadence,
    ForumDescription,
}

/// The translated texts of the data files, by language, then by field and entry id.
#[derive(Clone, Debug, Default)]
pub struct DataTranslations {
    texts: BTreeMap<Language, BTreeMap<(Field, String), String>>,
}

impl DataTranslations {
    /// Records `text` as the `language` version of `field` of the entry `id`.
    pub fn insert(&mut self, language: &Language, field: Field, id: &str, text: String) {
        self.texts
            .entry(language.clone())
            .or_default()
            .insert((field, id.to_owned()), text);
    }

    /// The `language` version of `field` of the entry `id`, if it was translated.
    pub fn get(&self, language: &Language, field: Field, id: &str) -> Option<&str> {
        self.texts
            .get(language)?
            .get(&(field, id.to_owned()))
            .map(String::as_str)
    }

    /// The number of texts translated into `language`.
    pub fn count(&self, language: &str) -> usize {
        self.texts.get(language).map_or(0, BTreeMap::len)
    }
}

/// Puts the `language` version of one text in place: the translation, or the original
/// (left as it is) with the original's language in `lang`.
struct Localizer<'a> {
    translations: &'a DataTranslations,
    language: &'a Language,
    original_language: &'a Language,
}

impl Localizer<'_> {
    fn text(&self, field: Field, id: &str, text: &mut String, lang: &mut Option<Language>) {
        match self.translations.get(self.language, field, id) {
            Some(translated) => *text = translated.to_owned(),
            None => *lang = Some(self.original_language.clone()),
        }
    }

    fn optional(
        &self,
        field: Field,
        id: &str,
        text: &mut Option<String>,
        lang: &mut Option<Language>,
    ) {
        if let Some(text) = text {
            self.text(field, id, text, lang);
        }
    }

    fn objective(&self, objective: &mut Objective) {
        let id = objective.id.as_str();
        self.text(
            Field::ObjectiveTitle,
            id,
            &mut objective.title,
            &mut objective.title_lang,
        );
        self.optional(
            Field::ObjectiveDescription,
            id,
            &mut objective.description,
            &mut objective.description_lang,
        );
        for action in &mut objective.actions {
            self.text(
                Field::ActionText,
                action.id.as_str(),
                &mut action.text,
                &mut action.text_lang,
            );
        }
    }

    fn forum(&self, forum: &mut Forum) {
        let id = forum.id.as_str();
        self.text(Field::ForumName, id, &mut forum.name, &mut forum.name_lang);
        self.optional(Field::ForumHost, id, &mut forum.host, &mut forum.host_lang);
        self.optional(
            Field::ForumCadence,
            id,
            &mut forum.cadence,
            &mut forum.cadence_lang,
        );
        self.optional(
            Field::ForumDescription,
            id,
            &mut forum.description,
            &mut forum.description_lang,
        );
    }
}

impl Site {
    /// The site as the portal in `language` shows it: objectives, actions and forums in
    /// that language where translated, in the original (marked with its language)
    /// elsewhere. `None` for the default language, whose portal shows the site as it is.
    pub fn localized(&self, language: &Language) -> Option<Site> {
        let original_language = &self.config.default_language;
        if language == original_language {
            return None;
        }
        let localizer = Localizer {
            translations: &self.translations,
            language,
            original_language,
        };
        let mut site = self.clone();
        site.objectives
            .iter_mut()
            .for_each(|objective| localizer.objective(objective));
        site.forums
            .iter_mut()
            .for_each(|forum| localizer.forum(forum));
        if let Some(texts) = self.config.translations.get(language) {
            if let Some(title) = &texts.title {
                site.config.title.clone_from(title);
            }
            if texts.description.is_some() {
                site.config.description.clone_from(&texts.description);
            }
        }
        Some(site)
    }
}
