//! The edition's report: its front page, one page per chapter and the whole report on one printable page.

use super::*;

impl<'a> Renderer<'a> {
    /// The edition's report: its front page at `report/`, one page per chapter at
    /// `report/<chapter>/`, and the whole report on one printable page at `print/`.
    pub(super) fn reports(&self) -> Result<(usize, Vec<Diagnostic>)> {
        let year = self.portal.edition.year;
        let Some(report) = self.site.reports.iter().find(|report| report.year == year) else {
            return Ok((0, Vec::new()));
        };
        let base = PortalPath::section("report");
        let paths: Vec<PortalPath> = [base.clone(), PortalPath::section("print")]
            .into_iter()
            .chain(report.chapters.iter().map(|c| PortalPath::chapter(&c.slug)))
            .collect();
        if self.unwanted(&paths.iter().collect::<Vec<_>>()) {
            return Ok((paths.len(), Vec::new()));
        }
        let mut diagnostics = Vec::new();
        let chapters: Vec<(ProseView, Vec<Diagnostic>)> = report
            .chapters
            .iter()
            .map(|chapter| self.prose(chapter, &PortalPath::chapter(&chapter.slug)))
            .collect();
        let toc: Vec<Term> = chapters
            .iter()
            .zip(&report.chapters)
            .map(|((view, _), chapter)| Term {
                id: chapter.slug.clone(),
                label: view.title.clone(),
                url: view.url.clone(),
                lang: (view.language != self.portal.language).then(|| view.language.clone()),
            })
            .collect();
        let summaries: Vec<Option<String>> = report
            .chapters
            .iter()
            .map(|chapter| chapter.summary.clone())
            .collect();
        let (front, mut problems) = self.prose(&report.front, &base);
        diagnostics.append(&mut problems);
        let mut context = page_context("report");
        context.insert("content_language", &front.language);
        let chapter_urls: Vec<(String, String)> = toc
            .iter()
            .map(|chapter| {
                let url = self.absolute(&PortalPath::from_raw(&chapter.url));
                (chapter.label.clone(), url)
            })
            .collect();
        context.insert(
            "structured_data_html",
            &structured::report(
                self.site,
                self.portal.edition,
                &front.title,
                &self.absolute(&base),
                &front.language,
                &chapter_urls,
            ),
        );
        context.insert("page", &front);
        context.insert("toc", &toc);
        context.insert("toc_summaries", &summaries);
        let mut pages = self.page(PageKind::Report, &base, context)?;
        pages += self.print(&front, &report.chapters)?;
        for (index, (chapter, mut problems)) in chapters.into_iter().enumerate() {
            diagnostics.append(&mut problems);
            let path = PortalPath::from_raw(&chapter.url);
            let mut context = page_context("report");
            context.insert("content_language", &chapter.language);
            context.insert("page", &chapter);
            context.insert("toc", &toc);
            context.insert("report_url", &base);
            context.insert("report_title", &front.title);
            context.insert(
                "previous",
                &index.checked_sub(1).and_then(|previous| toc.get(previous)),
            );
            context.insert("next", &toc.get(index + 1));
            pages += self.page(PageKind::Chapter, &path, context)?;
        }
        Ok((pages, diagnostics))
    }

    /// The whole report on one page, chapters in order, for printing or saving as PDF.
    /// Heading ids are prefixed by the chapter's slug so that they stay unique, and links
    /// are relative to `print/`.
    pub(super) fn print(&self, front: &ProseView, chapters: &[Page]) -> Result<usize> {
        let path = PortalPath::section("print");
        if self.unwanted(&[&path]) {
            return Ok(1);
        }
        let views: Vec<ProseView> = chapters
            .iter()
            .map(|chapter| {
                let text = self.localize(chapter);
                let rendered = self.markdown(
                    text.body,
                    PortalPath::chapter(&chapter.slug).as_str(),
                    &path.root(),
                    &format!("{}-", chapter.slug),
                );
                ProseView {
                    title: text.title.to_owned(),
                    summary: chapter.summary.clone(),
                    url: chapter.slug.clone(),
                    body_html: rendered.html,
                    headings: rendered.headings,
                    language: text.language.to_owned(),
                }
            })
            .collect();
        let mut context = page_context("report");
        context.insert("content_language", &front.language);
        context.insert("page", front);
        context.insert("chapters", &views);
        self.page(PageKind::Print, &path, context)
    }
}
