//! Contribution pages, their aliases' redirects, the paginated listings and the policy notes.

use super::bodies::BodyMemo;
use super::*;

/// The pages of the edition's contributions in every language of `renderers` (the
/// portals of one edition), each contribution's pages together, so that its body is
/// converted once for all of them where it can be (see `bodies`).
pub(super) fn pages_in_every_language(renderers: &[Renderer]) -> Result<(usize, Vec<Diagnostic>)> {
    let Some(first) = renderers.first() else {
        return Ok((0, Vec::new()));
    };
    let wanted = wanted_addresses(renderers);
    let results: Vec<Result<(usize, Vec<Diagnostic>)>> = first
        .positions()
        .par_iter()
        .filter_map(|position| first.site.contributions.get(*position))
        .map(|contribution| {
            if wanted.as_ref().is_some_and(|wanted| {
                let mut addresses =
                    std::iter::once(&contribution.slug).chain(&contribution.aliases);
                !addresses.any(|address| wanted.contains(address.as_str()))
            }) {
                // What `Renderer::contribution` counts for pages it skips.
                return Ok((
                    renderers.len() * (1 + contribution.aliases.len()),
                    Vec::new(),
                ));
            }
            let mut memo = BodyMemo::new(renderers.len());
            let mut pages = 0;
            let mut diagnostics = Vec::new();
            for renderer in renderers {
                let (count, mut problems) = renderer.contribution(contribution, &mut memo)?;
                pages += count;
                diagnostics.append(&mut problems);
            }
            Ok((pages, diagnostics))
        })
        .collect();
    let mut pages = 0;
    let mut diagnostics = Vec::new();
    for result in results {
        let (count, mut problems) = result?;
        pages += count;
        diagnostics.append(&mut problems);
    }
    Ok((pages, diagnostics))
}

/// The addresses (`x` of `contributions/x/`) under which `serve` asks for a page of the
/// portals of `renderers`, or `None` when every page is wanted (`build`). A request for
/// one page then skips the other contributions without making their paths: on 10,000
/// contributions, making them was most of the time a request took.
fn wanted_addresses<'s>(renderers: &'s [Renderer]) -> Option<std::collections::BTreeSet<&'s str>> {
    let Scope::Only(files) = renderers.first()?.scope else {
        return None;
    };
    let mut addresses = std::collections::BTreeSet::new();
    for renderer in renderers {
        let folder = PortalPath::section("contributions")
            .in_portal(&renderer.portal.prefix)
            .to_string();
        let under = files
            .range(folder.clone()..)
            .take_while(|file| file.starts_with(folder.as_str()));
        addresses.extend(under.filter_map(|file| file[folder.len()..].split('/').next()));
    }
    Some(addresses)
}

impl<'a> Renderer<'a> {
    /// The paginated list of the edition's contributions (their own pages are made by
    /// [`pages_in_every_language`]).
    pub(super) fn contributions(&self) -> Result<usize> {
        let all = self.positions();
        let mut extra = Context::new();
        extra.insert("title", &self.text("contributions-title", &[]));
        extra.insert(
            "intro",
            &self.text("contributions-intro", &[("count", all.len().into())]),
        );
        let base = PortalPath::section("contributions");
        self.listing(&base, "contributions", all, extra)
    }

    /// The page of `contribution` in this portal and its aliases' redirects; `memo` holds
    /// its body's conversion when another language's page made it first.
    pub(super) fn contribution(
        &self,
        contribution: &Contribution,
        memo: &mut BodyMemo,
    ) -> Result<(usize, Vec<Diagnostic>)> {
        let path = PortalPath::contribution(&contribution.slug);
        let aliases: Vec<PortalPath> = contribution
            .aliases
            .iter()
            .map(|alias| PortalPath::contribution(alias))
            .collect();
        // Redirects are not in the sitemap: only the page itself is recorded when skipped.
        if !self.wants_any(aliases.iter()) && self.unwanted(&[&path]) {
            return Ok((1 + aliases.len(), Vec::new()));
        }
        let text = self.localized(contribution.localizable());
        let root = path.root();
        let setting = markdown::Setting {
            page: path.as_str(),
            root: &root,
            blocks: &self.blocks,
            targets: &self.links,
            id_prefix: "",
        };
        let rendered = memo.render(text.body, &setting);
        let (follows, followed_by) = self.related.related(self.site, contribution);
        let view = ContributionView::new(self.site, contribution, follows, &followed_by);
        let mut context = page_context("contributions");
        context.insert("contribution", &view);
        context.insert("body_html", &rendered.html);
        context.insert("title", text.title);
        context.insert("content_language", text.language);
        context.insert(
            "structured_data_html",
            &structured::contribution(self.site, contribution, &self.absolute(&path)),
        );
        let mut pages = self.page(PageKind::Contribution, &path, context)?;
        for alias_path in &aliases {
            let mut context = page_context("contributions");
            context.insert("title", &contribution.title);
            context.insert("target", &path);
            context.insert("canonical", &self.absolute(&path));
            pages += self.page(PageKind::Redirect, alias_path, context)?;
        }
        Ok((pages, rendered.diagnostics))
    }

    /// Renders the paginated listing of `positions` at `base`, with `extra` in every page's context.
    pub(super) fn listing(
        &self,
        base: &PortalPath,
        section: &str,
        positions: &[usize],
        extra: Context,
    ) -> Result<usize> {
        let chunks: Vec<&[usize]> = if positions.is_empty() {
            vec![&[][..]]
        } else {
            positions.chunks(PAGE_SIZE).collect()
        };
        let total = chunks.len();
        let pages: Vec<Result<usize>> = chunks
            .par_iter()
            .enumerate()
            .map(|(index, chunk)| {
                let number = index + 1;
                let path = base.page(number);
                if self.unwanted(&[&path]) {
                    return Ok(1);
                }
                let mut context = page_context(section);
                context.extend(extra.clone());
                context.insert_value("items", self.summaries(chunk).into());
                context.insert("count", &positions.len());
                context.insert("first_number", &(index * PAGE_SIZE + 1));
                context.insert("pagination", &Pagination::new(base, number, total));
                self.page(PageKind::Listing, &path, context)
            })
            .collect();
        pages.into_iter().sum()
    }

    pub(super) fn policy_notes(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let site = self.site;
        let notes: Vec<&crate::model::PolicyNote> = self.notes().collect();
        let views: Vec<PolicyNoteView> = notes
            .iter()
            .map(|note| {
                let mut view = PolicyNoteView::new(site, note);
                let text = self.localized(note.localizable(&site.config.default_language));
                view.title = text.title.to_owned();
                view.language = text.language.to_owned();
                view
            })
            .collect();
        let mut context = page_context("policy-notes");
        context.insert("notes", &views);
        let mut pages = self.page(
            PageKind::PolicyNotes,
            &PortalPath::section("policy-notes"),
            context,
        )?;
        let mut diagnostics = Vec::new();
        for (note, view) in notes.iter().zip(&views) {
            let path = PortalPath::policy_note(&note.slug);
            if self.unwanted(&[&path]) {
                pages += 1;
                continue;
            }
            let text = self.localized(note.localizable(&site.config.default_language));
            let rendered = self.markdown(text.body, path.as_str(), &path.root(), "");
            diagnostics.extend(rendered.diagnostics);
            let mut context = page_context("policy-notes");
            context.insert("note", view);
            context.insert("body_html", &rendered.html);
            context.insert("headings", &rendered.headings);
            context.insert("content_language", text.language);
            context.insert(
                "structured_data_html",
                &structured::policy_note(site, note, &self.absolute(&path)),
            );
            pages += self.page(PageKind::PolicyNote, &path, context)?;
        }
        Ok((pages, diagnostics))
    }
}
