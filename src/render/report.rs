//! The edition's report: its front page, one page per chapter and the whole report on one printable page.

use super::*;

impl<'a> Renderer<'a> {
    /// The edition's report, if it has one.
    fn edition_report(&self) -> Result<&'a crate::model::Report> {
        let year = self.portal.edition.year;
        let report = self.site.reports.iter().find(|report| report.year == year);
        report.ok_or_else(|| unknown_record(&format!("the report of {year}")))
    }

    /// The table of contents of `report`: each chapter's title (in the portal's language
    /// where translated) and address.
    fn toc(&self, report: &crate::model::Report) -> Vec<Term> {
        report
            .chapters
            .iter()
            .map(|chapter| {
                let text = self.localize(chapter);
                Term {
                    id: chapter.slug.clone(),
                    label: text.title.to_owned(),
                    url: PortalPath::chapter(&chapter.slug).to_string(),
                    lang: (text.language != self.portal.language).then(|| text.language.to_owned()),
                }
            })
            .collect()
    }

    /// The report's front page at `report/`, with its table of contents.
    pub(super) fn report(&self) -> Made {
        let report = self.edition_report()?;
        let base = PortalPath::section("report");
        let toc = self.toc(report);
        let summaries: Vec<Option<String>> = report
            .chapters
            .iter()
            .map(|chapter| chapter.summary.clone())
            .collect();
        let (front, diagnostics) = self.prose(&report.front, &base);
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
        self.page(PageKind::Report, &base, context)?;
        Ok(diagnostics)
    }

    /// Chapter `number` (from 0) of the report, at `report/<chapter>/`.
    pub(super) fn chapter(&self, number: usize) -> Made {
        let report = self.edition_report()?;
        let chapter = report
            .chapters
            .get(number)
            .ok_or_else(|| unknown_record(&number))?;
        let toc = self.toc(report);
        let path = PortalPath::chapter(&chapter.slug);
        let (view, diagnostics) = self.prose(chapter, &path);
        let mut context = page_context("report");
        context.insert("content_language", &view.language);
        context.insert("page", &view);
        context.insert("toc", &toc);
        context.insert("report_url", &PortalPath::section("report"));
        context.insert("report_title", self.localize(&report.front).title);
        context.insert(
            "previous",
            &number.checked_sub(1).and_then(|previous| toc.get(previous)),
        );
        context.insert("next", &toc.get(number + 1));
        self.page(PageKind::Chapter, &path, context)?;
        Ok(diagnostics)
    }

    /// The whole report on one page, chapters in order, for printing or saving as PDF.
    /// Heading ids are prefixed by the chapter's slug so that they stay unique, and links
    /// are relative to `print/`. The front's problems are reported by its own page.
    pub(super) fn print(&self) -> Made {
        let report = self.edition_report()?;
        let path = PortalPath::section("print");
        let (front, _) = self.prose(&report.front, &PortalPath::section("report"));
        let views: Vec<ProseView> = report
            .chapters
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
        context.insert("page", &front);
        context.insert("chapters", &views);
        self.page(PageKind::Print, &path, context)?;
        Ok(Vec::new())
    }
}
