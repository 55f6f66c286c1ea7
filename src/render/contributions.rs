//! Contribution pages, their aliases' redirects, the paginated listings and the policy notes.

use super::plan::Listed;
use super::*;

impl<'a> Renderer<'a> {
    /// Page `number` (from 1) of the listing of `listed`.
    pub(super) fn listing_page(&self, listed: &Listed, number: usize) -> Made {
        let (base, section, positions, extra) = match listed {
            Listed::All => self.all_contributions(),
            Listed::Objective(id) => self.objective_listing(id),
            Listed::Action(objective, action) => self.action_listing(objective, action),
            Listed::Forum(id) => self.forum_listing(id),
            Listed::StakeholderType(kind) => self.stakeholder_type_listing(*kind),
            Listed::Region(region) => self.region_listing(*region),
        }
        .ok_or_else(|| unknown_record(listed))?;
        self.listing(&base, section, positions, extra, number)?;
        Ok(Vec::new())
    }

    /// The listing of the edition's contributions: its address, section, contributions
    /// and what its pages show above them.
    fn all_contributions(&self) -> Option<ListingOf<'_>> {
        let all = self.positions();
        let heading = ListingHeading {
            title: self.text("contributions-title", &[]),
            intro: self.text("contributions-intro", &[("count", all.len().into())]),
            ..ListingHeading::default()
        };
        let base = PortalPath::section("contributions");
        Some((base, "contributions", all, heading))
    }

    /// The page of the contribution `slug`, its body converted once for all the
    /// languages of its edition where it can be (see `bodies`).
    pub(super) fn contribution(&self, slug: &Slug) -> Made {
        let (position, contribution) = self.contribution_of(slug)?;
        let path = PortalPath::contribution(&contribution.slug);
        let text = self.localized(contribution.localizable());
        let root = path.root();
        let setting = markdown::Setting {
            page: path.as_str(),
            root: &root,
            blocks: &self.blocks,
            targets: &self.links,
            id_prefix: "",
        };
        let rendered = self.caches.bodies.render(position, text.body, &setting);
        let (follows, followed_by) = self.related.related(self.site, contribution);
        let view = ContributionPage {
            section: "contributions",
            contribution: ContributionView::new(self.site, contribution, follows, &followed_by),
            body_html: &rendered.html,
            title: text.title,
            content_language: text.language,
            structured_data_html: structured::contribution(
                self.site,
                contribution,
                &self.absolute(&path),
            )
            .map_err(structured_data_error)?,
        };
        self.page(PageKind::Contribution, &path, &view)?;
        Ok(rendered.diagnostics)
    }

    /// The redirect from the `alias`-th old address of the contribution `slug`.
    pub(super) fn redirect(&self, slug: &Slug, alias: usize) -> Made {
        let (_, contribution) = self.contribution_of(slug)?;
        let path = PortalPath::contribution(&contribution.slug);
        let address = contribution
            .aliases
            .get(alias)
            .ok_or_else(|| unknown_record(&contribution.slug))?;
        let view = RedirectPage {
            section: "contributions",
            title: &contribution.title,
            canonical: self.absolute(&path),
            target: path,
        };
        let alias_path = PortalPath::contribution(address);
        self.page(PageKind::Redirect, &alias_path, &view)?;
        Ok(Vec::new())
    }

    /// The contribution `slug`, with its position in the site's list.
    fn contribution_of(&self, slug: &Slug) -> Result<(usize, &'a Contribution)> {
        let position = self.related.position(slug.as_str());
        let found = position.and_then(|p| Some((p, self.site.contributions.get(p)?)));
        found
            .filter(|(_, contribution)| contribution.slug == *slug)
            .ok_or_else(|| unknown_record(&slug))
    }

    /// Renders page `number` (from 1) of the paginated listing of `positions` at `base`,
    /// under `heading`.
    fn listing(
        &self,
        base: &PortalPath,
        section: &'static str,
        positions: &[usize],
        heading: ListingHeading,
        number: usize,
    ) -> Result<usize> {
        let total = positions.len().div_ceil(PAGE_SIZE).max(1);
        let first = (number - 1) * PAGE_SIZE;
        let chunk = positions
            .get(first..positions.len().min(first + PAGE_SIZE))
            .unwrap_or_default();
        let view = ListingPage {
            section,
            heading,
            items: self.items(chunk)?,
            count: positions.len(),
            first_number: first + 1,
            pagination: Pagination::new(base, number, total),
        };
        self.page(PageKind::Listing, &base.page(number), &view)
    }

    /// The index of the edition's policy notes.
    pub(super) fn policy_notes(&self) -> Made {
        let view = PolicyNotesPage {
            section: "policy-notes",
            notes: self.notes().map(|note| self.note_view(note)).collect(),
        };
        let path = PortalPath::section("policy-notes");
        self.page(PageKind::PolicyNotes, &path, &view)?;
        Ok(Vec::new())
    }

    /// A policy note, with its title in the portal's language where translated.
    fn note_view(&self, note: &crate::model::PolicyNote) -> PolicyNoteView {
        let site = self.site;
        let mut view = PolicyNoteView::new(site, note);
        let text = self.localized(note.localizable(&site.config.default_language));
        view.title = text.title.to_owned();
        view.language = text.language.to_owned();
        view
    }

    /// The page of the edition's policy note `slug`.
    pub(super) fn policy_note(&self, slug: &str) -> Made {
        let site = self.site;
        let note = self
            .notes()
            .find(|note| note.slug == slug)
            .ok_or_else(|| unknown_record(&slug))?;
        let path = PortalPath::policy_note(&note.slug);
        let text = self.localized(note.localizable(&site.config.default_language));
        let rendered = self.markdown(text.body, path.as_str(), &path.root(), "");
        let view = PolicyNotePage {
            section: "policy-notes",
            note: self.note_view(note),
            body_html: &rendered.html,
            headings: &rendered.headings,
            content_language: text.language,
            structured_data_html: structured::policy_note(site, note, &self.absolute(&path))
                .map_err(structured_data_error)?,
        };
        self.page(PageKind::PolicyNote, &path, &view)?;
        Ok(rendered.diagnostics)
    }
}

/// `contribution.html`: a contribution's page.
#[derive(Serialize)]
struct ContributionPage<'v> {
    section: &'static str,
    contribution: ContributionView,
    body_html: &'v str,
    /// The title in the portal's language, or the original's.
    title: &'v str,
    /// The language of the body and title shown.
    content_language: &'v Language,
    structured_data_html: String,
}

/// `redirect.html`: an old address of a contribution, leading to its page.
#[derive(Serialize)]
struct RedirectPage<'v> {
    section: &'static str,
    title: &'v str,
    target: PortalPath,
    canonical: String,
}

/// `listing.html`: one page of a paginated list of contributions.
#[derive(Serialize)]
struct ListingPage<'v> {
    section: &'static str,
    #[serde(flatten)]
    heading: ListingHeading<'v>,
    /// The summaries of the page's contributions, as made once for every listing.
    items: Vec<tera::Value>,
    /// How many contributions the whole listing has.
    count: usize,
    /// The number of the page's first contribution in the listing (from 1).
    first_number: usize,
    pagination: Pagination,
}

/// `policy_notes.html`: the edition's policy notes.
#[derive(Serialize)]
struct PolicyNotesPage {
    section: &'static str,
    notes: Vec<PolicyNoteView>,
}

/// `policy_note.html`: a policy note's page.
#[derive(Serialize)]
struct PolicyNotePage<'v> {
    section: &'static str,
    note: PolicyNoteView,
    body_html: &'v str,
    headings: &'v [markdown::Heading],
    content_language: &'v Language,
    structured_data_html: String,
}
