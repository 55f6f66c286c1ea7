//! The portal's home page, the site's front doors (`/`, `/fr/`) and the page for a missing address.

use super::*;

impl<'a> Renderer<'a> {
    /// The portal's home page.
    pub(super) fn home(&self) -> Made {
        let (context, diagnostics) = self.home_context();
        self.page(PageKind::Home, &PortalPath::home(), context)?;
        Ok(diagnostics)
    }

    /// The site's front door in the portal's language: the edition's home page at the
    /// language's root (`/`, `/fr/`), linking into the edition's portal. Its body's
    /// problems are the portal's home's.
    pub(super) fn front_door(&self) -> Made {
        let out = Prefix::language(self.site, &self.portal.language);
        let (context, _) = self.home_context();
        self.page_at(PageKind::Home, &PortalPath::home(), &out, context)?;
        Ok(Vec::new())
    }

    pub(super) fn home_context(&self) -> (Context, Vec<Diagnostic>) {
        let site = self.site;
        let (home, diagnostics) = self.prose(&site.home, &PortalPath::home());
        let mut context = page_context("home");
        context.insert("content_language", &home.language);
        context.insert("structured_data_html", &structured::website(site));
        context.insert("page", &home);
        let positions = self.positions();
        context.insert(
            "latest",
            &self.summaries(&positions[..positions.len().min(8)]),
        );
        // The glance counts the editions up to this portal's, then lists each one: a
        // published edition's home says what it said when it was published.
        let year = self.portal.edition.year;
        let editions: Vec<_> = self
            .site_view
            .editions
            .iter()
            .filter(|e| e.year <= year)
            .collect();
        let total: usize = editions.iter().map(|edition| edition.contributions).sum();
        context.insert("glance_editions", &editions);
        context.insert("total", &total);
        let figures = self.figures();
        let charts_html = [
            self.figure(&figures.by_objective, "by-objective", visuals::ROOT),
            self.figure(
                &figures.by_stakeholder_type,
                "by-stakeholder-type",
                visuals::ROOT,
            ),
            self.figure(&figures.by_region, "by-region", visuals::ROOT),
        ]
        .concat();
        context.insert("charts_html", &charts_html);
        let notes: Vec<PolicyNoteView> = self
            .notes()
            .take(3)
            .map(|note| PolicyNoteView::new(site, note))
            .collect();
        context.insert("policy_notes", &notes);
        (context, diagnostics)
    }

    /// The page servers show for a missing address: at the site root, with links from the
    /// base URL's path because it is served at any depth.
    pub(super) fn not_found(&self) -> Made {
        let mut context = Context::new();
        context.insert("section", "");
        let path = PortalPath::from_raw("404.html");
        self.page_at(PageKind::NotFound, &path, &Prefix::site_root(), context)?;
        Ok(Vec::new())
    }
}
