//! Files for machines: Atom feeds, open data, the sitemap and robots.txt, and the CSV of every chart.

use super::plan::{FeedOf, PortalChart};
use super::*;

/// What the files at the site root (feeds, open data, sitemap, robots.txt, the theme's
/// files, datasets, assets) are made from: no portal, so that they are made for a site
/// whatever its editions.
pub(super) struct SiteFiles<'a> {
    /// The current edition's site in the default language, or the site itself.
    pub(super) site: &'a Site,
    pub(super) plan: &'a Plan,
    pub(super) theme: &'a Theme,
    pub(super) sink: &'a dyn Sink,
}

impl SiteFiles<'_> {
    fn write(&self, path: &str, contents: &[u8]) -> std::result::Result<(), IoError> {
        self.sink.write(path, contents)
    }

    /// An Atom feed of the newest contributions: of an edition, or of an objective.
    pub(super) fn feed(&self, file: &str, feed: &FeedOf) -> Made {
        let site = self.site;
        let (title, path, positions) = match feed {
            FeedOf::Edition(year) => (
                format!("{}: contributions to edition {year}", site.config.title),
                SitePath::edition_feed(*year),
                crate::model::Index::get(&site.index.by_edition, year),
            ),
            FeedOf::Objective(id) => {
                let objective = site.objective(id).ok_or_else(|| unknown_record(id))?;
                let title = format!(
                    "{}: contributions on objective {}. {}",
                    site.config.title, objective.id, objective.title
                );
                let path = SitePath::objective_feed(&objective.slug());
                let positions = crate::model::Index::get(&site.index.by_objective, &objective.id);
                (title, path, positions)
            }
        };
        let contributions: Vec<&Contribution> = positions
            .iter()
            .filter_map(|position| site.contributions.get(*position))
            .collect();
        let atom = open_data::atom(site, &title, &path, &contributions);
        self.write(file, atom.as_bytes())?;
        Ok(Vec::new())
    }

    /// `data/contributions-<year>.json` or `.csv`.
    pub(super) fn open_data(&self, file: &str, year: i32, format: &str) -> Made {
        let text = if format == "json" {
            open_data::contributions_json(self.site, year)
                .map_err(|error| super::serialization_bug(&format!("`{file}`"), &error))?
        } else {
            open_data::contributions_csv(self.site, year)
        };
        self.write(file, text.as_bytes())?;
        Ok(Vec::new())
    }

    /// The sitemap: a filter over the plan.
    pub(super) fn sitemap(&self, file: &str) -> Made {
        let paths = self.plan.sitemap_pages();
        let sitemap = open_data::sitemap(&self.site.config.base_url, &paths);
        self.write(file, sitemap.as_bytes())?;
        Ok(Vec::new())
    }

    pub(super) fn robots(&self, file: &str) -> Made {
        let robots = open_data::robots(&self.site.config.base_url);
        self.write(file, robots.as_bytes())?;
        Ok(Vec::new())
    }
}

impl Renderer<'_> {
    /// The CSV of one of the charts the portal draws itself.
    pub(super) fn chart_csv(&self, file: &str, chart: &PortalChart) -> Made {
        match chart {
            PortalChart::Figure(name) => {
                let figures = self.figures().csv_files();
                let csv = figures.iter().zip(visuals::FIGURE_NAMES);
                let found = csv.into_iter().find(|(_, figure)| figure == name);
                let (_, csv) = found.ok_or_else(|| unknown_record(name))?.0;
                self.write(file, csv.as_bytes())?;
                Ok(Vec::new())
            }
            PortalChart::Actions(id) => self.actions_csv(file, id),
            PortalChart::Changes => self.changes_csv(file),
        }
    }

    /// The CSV of a chart written in Markdown, from its source in the plan: it is written
    /// (or served) without rendering the page it is on.
    pub(super) fn block_chart_csv(&self, file: &str, source: &str) -> Made {
        if let Some(csv) = self.blocks.csv(source) {
            self.write(file, csv.as_bytes())?;
        }
        Ok(Vec::new())
    }
}
