//! Listings by stakeholder type and region, the progress page (gap map) and "what changed".

use super::*;

impl<'a> Renderer<'a> {
    /// Listings by stakeholder type and by region, with their index pages.
    pub(super) fn facets(&self) -> Result<usize> {
        let mut pages = 0;
        let facets = [
            (
                "stakeholders",
                self.text("stakeholders-title", &[]),
                self.text("stakeholders-intro", &[]),
                stakeholder_type_counts(self.portal.index),
            ),
            (
                "regions",
                self.text("regions-title", &[]),
                self.text("regions-intro", &[]),
                region_counts(self.portal.index),
            ),
        ];
        for (section, title, intro, counts) in facets {
            let mut context = page_context(section);
            context.insert("title", &title);
            context.insert("intro", &intro);
            context.insert("terms", &counts);
            pages += self.page(PageKind::Terms, &PortalPath::section(section), context)?;
        }
        for kind in StakeholderType::ALL {
            let mut extra = Context::new();
            let label = self.label("stakeholder-type", kind.id());
            extra.insert(
                "intro",
                &self.text("stakeholder-type-intro", &[("type", label.clone().into())]),
            );
            extra.insert("title", &label);
            pages += self.listing(
                &PortalPath::stakeholder_type(kind.id()),
                "stakeholders",
                crate::model::Index::get(&self.portal.index.by_stakeholder_type, kind),
                extra,
            )?;
        }
        for region in Region::ALL {
            let mut extra = Context::new();
            let label = self.label("region", region.id());
            extra.insert(
                "intro",
                &self.text("region-intro", &[("region", label.clone().into())]),
            );
            extra.insert("title", &label);
            pages += self.listing(
                &PortalPath::region(region.id()),
                "regions",
                crate::model::Index::get(&self.portal.index.by_region, region),
                extra,
            )?;
        }
        Ok(pages)
    }

    /// The edition's progress page and gap map: `progress/`.
    pub(super) fn progress(&self) -> Result<usize> {
        let path = PortalPath::section("progress");
        if self.unwanted(&[&path]) {
            return Ok(1);
        }
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
        self.page(PageKind::Progress, &path, context)
    }

    /// "What changed" since the previous edition, if there is one: `changes/`.
    pub(super) fn changes(&self) -> Result<usize> {
        let edition = self.portal.edition;
        let path = PortalPath::section("changes");
        let csv_path = PortalPath::chart_csv(&format!("changes-{}", edition.year))
            .in_portal(&self.portal.prefix)
            .file();
        if self.related.has_changes(edition.year)
            && !self.scope.wants(&csv_path)
            && self.unwanted(&[&path])
        {
            return Ok(1);
        }
        let Some(changes) = changes::compare(self.site, edition.year, &path.root(), &self.words)
        else {
            return Ok(0);
        };
        self.write(&csv_path, changes.chart_csv.as_bytes())?;
        let mut context = page_context("progress");
        context.insert("changes", &changes);
        self.page(PageKind::Changes, &path, context)
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
