//! The page frame: the part of the template contract every page shares (its roots,
//! path, language and direction, edition, and the edition and language switchers).

use super::*;

/// What every page's template sees about its place in the site, whatever the page: the
/// shared frame of the template contract (the page's own view is added beside it).
#[derive(Serialize)]
pub(super) struct PageFrame<'f> {
    /// The portal's root, relative to the page.
    root: &'f str,
    /// The site's root, relative to the page (or the base URL's path, on the 404 page).
    asset_root: &'f str,
    /// The page's path from the site root.
    path: SitePath,
    lang: &'f str,
    dir: &'static str,
    edition: &'f tera::Value,
    editions_switcher: Vec<portal::SwitchLink>,
    languages_switcher: Vec<portal::SwitchLink>,
}

impl<'a> Renderer<'a> {
    /// What every page knows about its portal: roots, language and direction, the
    /// edition, and the switchers to the same page in other editions and languages.
    pub(super) fn frame<'f>(
        &'f self,
        path: &str,
        root: &'f str,
        asset_root: &'f str,
        out_prefix: &Prefix,
    ) -> PageFrame<'f> {
        let portal = &self.portal;
        let front_door = *out_prefix != portal.prefix;
        let autonym = |language: &str| self.theme.messages.autonym(language);
        PageFrame {
            root,
            asset_root,
            path: PortalPath::from_raw(path).in_portal(&portal.prefix),
            lang: portal.language.as_str(),
            dir: i18n::direction(portal.language.as_str()),
            edition: &self.edition_value,
            editions_switcher: portal::edition_links(
                self.site,
                (self.related, self.plan),
                portal.edition,
                &portal.language,
                path,
                asset_root,
            ),
            languages_switcher: portal::language_links(
                self.site,
                (portal.edition.year, &portal.language),
                path,
                asset_root,
                front_door,
                autonym,
            ),
        }
    }
}
