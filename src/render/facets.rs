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
        let view = TermsPage {
            section,
            title: self.text(&format!("{section}-title"), &[]),
            intro: self.text(&format!("{section}-intro"), &[]),
            terms: counts,
        };
        self.page(PageKind::Terms, &PortalPath::section(section), &view)?;
        Ok(Vec::new())
    }

    /// The listing of the contributions of stakeholders of type `kind`.
    pub(super) fn stakeholder_type_listing(&self, kind: StakeholderType) -> Option<ListingOf<'a>> {
        let label = self.label("stakeholder-type", kind.id());
        let heading = ListingHeading {
            intro: self.text("stakeholder-type-intro", &[("type", label.clone().into())]),
            title: label,
            ..ListingHeading::default()
        };
        let positions = crate::model::Index::get(&self.portal.index.by_stakeholder_type, &kind);
        let path = PortalPath::stakeholder_type(kind.id());
        Some((path, "stakeholders", positions, heading))
    }

    /// The listing of the contributions from `region`.
    pub(super) fn region_listing(&self, region: Region) -> Option<ListingOf<'a>> {
        let label = self.label("region", region.id());
        let heading = ListingHeading {
            intro: self.text("region-intro", &[("region", label.clone().into())]),
            title: label,
            ..ListingHeading::default()
        };
        let positions = crate::model::Index::get(&self.portal.index.by_region, &region);
        Some((
            PortalPath::region(region.id()),
            "regions",
            positions,
            heading,
        ))
    }

    /// The edition's progress page and gap map: `progress/`.
    pub(super) fn progress(&self) -> Made {
        let path = PortalPath::section("progress");
        let root = path.root();
        let figures = self.figures();
        let view = ProgressPage {
            section: "progress",
            year: self.portal.edition.year,
            gap_map_html: &figures.gap_map,
            charts_html: [
                self.figure(&figures.by_status, "by-status", &root),
                self.figure(&figures.by_edition, "by-edition", &root),
            ]
            .concat(),
        };
        self.page(PageKind::Progress, &path, &view)?;
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
            let view = ChangesPage {
                section: "progress",
                changes: ChangesWithItems {
                    new_contributions: self.items(
                        &changes.new_positions[..changes.new_positions.len().min(NEW_SHOWN)],
                    )?,
                    new_count: changes.new_positions.len(),
                    changes,
                },
            };
            self.page(PageKind::Changes, &PortalPath::section("changes"), &view)?;
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

/// `terms.html`: the index of stakeholder types or of regions.
#[derive(Serialize)]
struct TermsPage {
    section: &'static str,
    title: String,
    intro: String,
    terms: Vec<Count>,
}

/// `progress.html`: the gap map and the charts by status and by edition.
#[derive(Serialize)]
struct ProgressPage<'v> {
    section: &'static str,
    year: i32,
    gap_map_html: &'v str,
    charts_html: String,
}

/// `changes.html`: "what changed" since the previous edition.
#[derive(Serialize)]
struct ChangesPage<'v> {
    section: &'static str,
    changes: ChangesWithItems<'v>,
}

/// New contributions listed on "what changed", newest first; the others are in the
/// edition's listing, which the page links to (an edition may have thousands).
const NEW_SHOWN: usize = 20;

/// "What changed" with its newest new contributions as list items of the portal.
#[derive(Serialize)]
struct ChangesWithItems<'v> {
    #[serde(flatten)]
    changes: &'v changes::ChangesView,
    /// The newest [`NEW_SHOWN`] new contributions.
    new_contributions: Vec<tera::Value>,
    /// How many new contributions the edition has.
    new_count: usize,
}
