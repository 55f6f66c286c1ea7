//! Files for machines: Atom feeds, open data, the sitemap and robots.txt, and the CSV of every chart.

use super::*;

impl<'a> Renderer<'a> {
    /// Atom feeds of the newest contributions: one per edition, one per objective.
    pub(super) fn feeds(&self) -> Result<()> {
        let site = self.site;
        let of = |positions: &[usize]| -> Vec<&crate::model::Contribution> {
            positions
                .iter()
                .filter_map(|position| site.contributions.get(*position))
                .collect()
        };
        for edition in &site.editions {
            let path = SitePath::edition_feed(edition.year);
            if !self.scope.wants(path.as_str()) {
                continue;
            }
            let title = format!(
                "{}: contributions to edition {}",
                site.config.title, edition.year
            );
            let feed = open_data::atom(
                site,
                &title,
                &path,
                &of(crate::model::Index::get(
                    &site.index.by_edition,
                    &edition.year,
                )),
            );
            self.write(path.as_str(), feed.as_bytes())?;
        }
        for objective in &site.objectives {
            let path = SitePath::objective_feed(&objective.slug());
            if !self.scope.wants(path.as_str()) {
                continue;
            }
            let title = format!(
                "{}: contributions on objective {}. {}",
                site.config.title, objective.id, objective.title
            );
            let feed = open_data::atom(
                site,
                &title,
                &path,
                &of(crate::model::Index::get(
                    &site.index.by_objective,
                    &objective.id,
                )),
            );
            self.write(path.as_str(), feed.as_bytes())?;
        }
        Ok(())
    }

    /// Per-edition JSON and CSV of the contributions, the sitemap and robots.txt.
    pub(super) fn open_data(&self) -> Result<()> {
        // Each edition's files and the feeds are made at once: they come last in a build,
        // when nothing else is left to keep the other cores busy.
        let (data, feeds) = rayon::join(|| self.contributions_data(), || self.feeds());
        data?;
        feeds?;
        let sitemap = SitePath::root_file("sitemap.xml");
        let robots = SitePath::root_file("robots.txt");
        let base_url = &self.site.config.base_url;
        self.write(robots.as_str(), open_data::robots(base_url).as_bytes())?;
        if !self.scope.wants(sitemap.as_str()) {
            return Ok(());
        }
        let paths = self.plan.sitemap_pages();
        self.write(
            sitemap.as_str(),
            open_data::sitemap(base_url, &paths).as_bytes(),
        )?;
        Ok(())
    }

    /// `data/contributions-<year>.json` and `.csv` of every edition.
    fn contributions_data(&self) -> Result<()> {
        let files: Vec<(i32, &str)> = self
            .site
            .editions
            .iter()
            .flat_map(|edition| [(edition.year, "json"), (edition.year, "csv")])
            .collect();
        files.par_iter().try_for_each(|&(year, format)| {
            let path = SitePath::contributions_data(year, format);
            if !self.scope.wants(path.as_str()) {
                return Ok(());
            }
            let text = if format == "json" {
                open_data::contributions_json(self.site, year)
            } else {
                open_data::contributions_csv(self.site, year)
            };
            self.write(path.as_str(), text.as_bytes())?;
            Ok(())
        })
    }

    /// The CSV files of the portal's figures and of its Markdown charts.
    pub(super) fn portal_charts(&self) -> Result<()> {
        let prefix = &self.portal.prefix;
        let wanted = |name: &str| {
            let file = PortalPath::chart_csv(name).in_portal(prefix).file();
            self.scope.wants(&file)
        };
        if visuals::FIGURE_NAMES.iter().any(|name| wanted(name)) {
            for (path, csv) in self.figures().csv_files() {
                self.write(path.in_portal(prefix).as_str(), csv.as_bytes())?;
            }
        }
        // Charts written in Markdown come from the plan, so that one is written (or served)
        // without rendering the page it is on.
        for (file, entry) in self.plan.under(prefix.as_str()) {
            let Producer::BlockChartCsv(source) = &entry.producer else {
                continue;
            };
            if !self.scope.wants(file) {
                continue;
            }
            if let Some(csv) = self.blocks.csv(source) {
                self.write(file, csv.as_bytes())?;
            }
        }
        Ok(())
    }
}
