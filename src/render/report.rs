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
                    lang: (*text.language != self.portal.language).then(|| text.language.clone()),
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
        let chapter_urls: Vec<(String, String)> = toc
            .iter()
            .map(|chapter| {
                let url = self.absolute(&PortalPath::from_raw(&chapter.url));
                (chapter.label.clone(), url)
            })
            .collect();
        let view = ReportPage {
            section: "report",
            content_language: &front.language,
            structured_data_html: structured::report(
                self.site,
                self.portal.edition,
                &front.title,
                &self.absolute(&base),
                front.language.as_str(),
                &chapter_urls,
            )
            .map_err(structured_data_error)?,
            page: &front,
            toc: &toc,
            toc_summaries: summaries,
        };
        self.page(PageKind::Report, &base, &view)?;
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
        let view = ChapterPage {
            section: "report",
            content_language: &view.language,
            page: &view,
            toc: &toc,
            report_url: PortalPath::section("report"),
            report_title: self.localize(&report.front).title,
            previous: number.checked_sub(1).and_then(|previous| toc.get(previous)),
            next: toc.get(number + 1),
        };
        self.page(PageKind::Chapter, &path, &view)?;
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
                    language: text.language.clone(),
                }
            })
            .collect();
        let view = PrintPage {
            section: "report",
            content_language: &front.language,
            page: &front,
            chapters: views,
        };
        self.page(PageKind::Print, &path, &view)?;
        Ok(Vec::new())
    }
}

/// `report.html`: the report's front page and its table of contents.
#[derive(Serialize)]
struct ReportPage<'v> {
    section: &'static str,
    content_language: &'v Language,
    structured_data_html: String,
    page: &'v ProseView,
    toc: &'v [Term],
    /// Each chapter's summary, in the order of `toc`.
    toc_summaries: Vec<Option<String>>,
}

/// `chapter.html`: a chapter, with the report's table of contents and its neighbours.
#[derive(Serialize)]
struct ChapterPage<'v> {
    section: &'static str,
    content_language: &'v Language,
    page: &'v ProseView,
    toc: &'v [Term],
    report_url: PortalPath,
    report_title: &'v str,
    previous: Option<&'v Term>,
    next: Option<&'v Term>,
}

/// `print.html`: the whole report on one page.
#[derive(Serialize)]
struct PrintPage<'v> {
    section: &'static str,
    content_language: &'v Language,
    page: &'v ProseView,
    chapters: Vec<ProseView>,
}
