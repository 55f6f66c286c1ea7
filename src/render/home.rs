//! The portal's home page, the site's front doors (`/`, `/fr/`) and the page for a missing address.

use super::*;

/// `home.html`: the portal's home (and the front doors).
#[derive(Serialize)]
struct HomePage<'v> {
    section: &'static str,
    content_language: Language,
    structured_data_html: String,
    page: ProseView,
    /// The edition's newest contributions.
    latest: Vec<tera::Value>,
    /// The editions up to this portal's, each with its counts.
    glance_editions: Vec<&'v EditionView>,
    /// Their contributions in all.
    total: usize,
    charts_html: String,
    policy_notes: Vec<PolicyNoteView>,
}

/// `404.html`: the page for a missing address.
#[derive(Serialize)]
struct NotFoundPage {
    section: &'static str,
}

impl<'a> Renderer<'a> {
    /// The portal's home page.
    pub(super) fn home(&self) -> Made {
        let (view, diagnostics) = self.home_view()?;
        self.page(PageKind::Home, &PortalPath::home(), &view)?;
        Ok(diagnostics)
    }

    /// The site's front door in the portal's language: the edition's home page at the
    /// language's root (`/`, `/fr/`), linking into the edition's portal. Its body's
    /// problems are the portal's home's.
    pub(super) fn front_door(&self) -> Made {
        let out = Prefix::language(self.site, &self.portal.language);
        let (view, _) = self.home_view()?;
        let home = PortalPath::home();
        let context = self.context(PageKind::Home, &home, &view)?;
        self.page_at(PageKind::Home, &home, &out, context)?;
        Ok(Vec::new())
    }

    fn home_view(&self) -> Result<(HomePage<'_>, Vec<Diagnostic>)> {
        let site = self.site;
        let (home, diagnostics) = self.prose(&site.home, &PortalPath::home());
        let positions = self.positions();
        // The glance counts the editions up to this portal's, then lists each one: a
        // published edition's home says what it said when it was published.
        let year = self.portal.edition.year;
        let editions: Vec<&EditionView> = self
            .site_view
            .editions
            .iter()
            .filter(|e| e.year <= year)
            .collect();
        let figures = self.figures();
        let root = visuals::ROOT;
        let view = HomePage {
            section: "home",
            content_language: home.language.clone(),
            structured_data_html: structured::website(site).map_err(structured_data_error)?,
            page: home,
            latest: self.items(&positions[..positions.len().min(8)])?,
            total: editions.iter().map(|edition| edition.contributions).sum(),
            glance_editions: editions,
            charts_html: [
                self.figure(&figures.by_objective, "by-objective", root),
                self.figure(&figures.by_stakeholder_type, "by-stakeholder-type", root),
                self.figure(&figures.by_region, "by-region", root),
            ]
            .concat(),
            policy_notes: (self.notes().take(3))
                .map(|note| PolicyNoteView::new(site, note))
                .collect(),
        };
        Ok((view, diagnostics))
    }

    /// The page servers show for a missing address: at the site root, with links from the
    /// base URL's path because it is served at any depth.
    pub(super) fn not_found(&self) -> Made {
        let path = PortalPath::from_raw("404.html");
        let view = NotFoundPage { section: "" };
        let context = self.context(PageKind::NotFound, &path, &view)?;
        self.page_at(PageKind::NotFound, &path, &Prefix::site_root(), context)?;
        Ok(Vec::new())
    }
}
