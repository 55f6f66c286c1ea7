//! Listings by stakeholder type and region, the progress page (gap map) and "what changed".

use super::plan::Facet;
use super::*;

impl<'a> Renderer<'a> {
    /// The index of stakeholder types or of regions, with each one's count.
    pub(super) fn terms(&self, facet: Facet) -> Made {
        let section = facet.section();
        let counts = match facet {
            Facet::Stakeholders => stakeholder_type_counts(self.portal.index),
            Facet::Regions => region_counts(self.portal.index),
        };
        let mut context = page_context(section);
        context.insert("title", &self.text(&format!("{section}-title"), &[]));
        context.insert("intro", &self.text(&format!("{section}-intro"), &[]));
        context.insert("terms", &counts);
        self.page(PageKind::Terms, &PortalPath::section(section), context)?;
        Ok(Vec::new())
    }

    /// The listing of the contributions of stakeholders of type `kind`.
    pub(super) fn stakeholder_type_listing(&self, kind: StakeholderType) -> Option<ListingOf<'a>> {
        let mut extra = Context::new();
        let label = self.label("stakeholder-type", kind.id());
        extra.insert(
            "intro",
            &self.text("stakeholder-type-intro", &[("type", label.clone().into())]),
        );
        extra.insert("title", &label);
        let positions = crate::model::Index::get(&self.portal.index.by_stakeholder_type, &kind);
        let path = PortalPath::stakeholder_type(kind.id());
        Some((path, "stakeholders", positions, extra))
    }

    /// The listing of the contributions from `region`.
    pub(super) fn region_listing(&self, region: Region) -> Option<ListingOf<'a>> {
        let mut extra = Context::new();
        let label = self.label("region", region.id());
        extra.insert(
            "intro",
            &self.text("region-intro", &[("region", label.clone().into())]),
        );
        extra.insert("title", &label);
        let positions = crate::model::Index::get(&self.portal.index.by_region, &region);
        Some((PortalPath::region(region.id()), "regions", positions, extra))
    }

    /// The edition's progress page and gap map: `progress/`.
    pub(super) fn progress(&self) -> Made {
        let path = PortalPath::section("progress");
        let root = path.root();
        let figures = self.figures();
        let mut context = page_context("progress");
        context.insert("year", &self.portal.edition.year);
        context.insert("gap_map_html", &figures.gap_map);
        let charts_html = [
            self.figure(&figures.by_status, "by-status", &root),
            self.figure(&figures.by_edition, "by-edition", &root),
        ]
        .concat();
        context.insert("charts_html", &charts_html);
        self.page(PageKind::Progress, &path, context)?;
        Ok(Vec::new())
    }

    /// "What changed" since the previous edition, made once for its page and its CSV.
    fn comparison(&self) -> Option<&changes::ChangesView> {
        self.changes
            .get_or_init(|| {
                let root = PortalPath::section("changes").root();
                changes::compare(self.site, self.portal.edition.year, &root, &self.words)
            })
            .as_ref()
    }

    /// "What changed" since the previous edition: `changes/`.
    pub(super) fn changes_page(&self) -> Made {
        if let Some(changes) = self.comparison() {
            let mut context = page_context("progress");
            context.insert("changes", changes);
            self.page(PageKind::Changes, &PortalPath::section("changes"), context)?;
        }
        Ok(Vec::new())
    }

    /// The CSV of the chart of "what changed" (`charts/changes-<year>.csv`).
    pub(super) fn changes_csv(&self, file: &str) -> Made {
        if let Some(changes) = self.comparison() {
            self.write(file, changes.chart_csv.as_bytes())?;
        }
        Ok(Vec::new())
    }
}

fn stakeholder_type_counts(index: &crate::model::Index) -> Vec<Count> {
    counts(
        StakeholderType::ALL
            .iter()
            .map(|kind| {
                (
                    stakeholder_type_term(*kind),
                    crate::model::Index::get(&index.by_stakeholder_type, kind).len(),
                )
            })
            .collect(),
    )
}

fn region_counts(index: &crate::model::Index) -> Vec<Count> {
    counts(
        Region::ALL
            .iter()
            .map(|region| {
                (
                    region_term(*region),
                    crate::model::Index::get(&index.by_region, region).len(),
                )
            })
            .collect(),
    )
}
