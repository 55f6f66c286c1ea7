//! Making the plan: each page family's files, portal by portal, then the files at the
//! site root and the site's assets, every claim checked against the ones before it.

use super::bodies::{portal_bodies, BodyCharts};
use super::*;

/// Makes a plan, recording collisions.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) plan: Plan,
    pub(super) problems: Vec<Diagnostic>,
}

/// Who claims the pages the generator makes from the model alone.
const GENERATOR: &str = "the generator's pages";

/// The portal whose files are being added.
struct PortalFiles<'p> {
    id: PortalId,
    prefix: &'p Prefix,
}

impl Builder {
    /// Adds `file`; a file claimed twice is an error naming both claims.
    fn add(&mut self, file: String, producer: Producer, claimed_by: impl Into<String>) {
        let claimed_by = claimed_by.into();
        if let Some(first) = self.plan.entries.get(&file) {
            let problem = collision(&file, &first.claimed_by, &claimed_by);
            self.problems.push(problem);
            return;
        }
        let entry = Entry {
            producer,
            claimed_by,
        };
        self.plan.entries.insert(file, entry);
    }

    /// Adds the page at `path` of the portal, showing `subject`.
    fn page(
        &mut self,
        portal: &PortalFiles,
        (kind, subject): (PageKind, Subject),
        path: &PortalPath,
        claimed_by: &str,
    ) {
        let site_path = path.in_portal(portal.prefix);
        let file = site_path.file();
        let page = PlannedPage {
            kind,
            path: site_path,
            portal: portal.id.clone(),
            subject,
        };
        self.add(file, Producer::Page(page), claimed_by);
    }

    /// A page of the portal at a section's fixed address (`report/`, `search/`).
    fn section(
        &mut self,
        portal: &PortalFiles,
        kind: (PageKind, Subject),
        name: &str,
        claimed_by: &str,
    ) {
        self.page(portal, kind, &PortalPath::section(name), claimed_by);
    }

    /// The pages of a paginated listing of `count` contributions at `base`.
    fn listing(
        &mut self,
        portal: &PortalFiles,
        (base, listed): (&PortalPath, Listed),
        count: usize,
        claimed_by: &str,
    ) {
        let pages = count.div_ceil(PAGE_SIZE).max(1);
        for number in 1..=pages {
            let subject = Subject::Listing(listed.clone(), number);
            let kind = (PageKind::Listing, subject);
            self.page(portal, kind, &base.page(number), claimed_by);
        }
    }

    /// A CSV file of the portal.
    fn csv(&mut self, portal: &PortalFiles, name: &str, producer: Producer, claimed_by: &str) {
        let file = PortalPath::chart_csv(name).in_portal(portal.prefix).file();
        self.add(file, producer, claimed_by);
    }

    /// Every file of the portal of `edition` in `language`.
    pub(super) fn portal(
        &mut self,
        (site, prepared, charts): (&Site, &Prepared, &BodyCharts),
        edition: &Edition,
        language: &Language,
    ) {
        let Some(index) = prepared.editions.get(&edition.year).map(|e| &e.index) else {
            return;
        };
        let prefix = Prefix::portal(site, edition.year, language);
        let portal = PortalFiles {
            id: PortalId {
                year: edition.year,
                language: language.clone(),
            },
            prefix: &prefix,
        };
        let home = (PageKind::Home, Subject::Home);
        self.page(&portal, home, &PortalPath::home(), "content/_index.md");
        self.report(site, &portal);
        self.contributions(site, &portal, index);
        self.objectives(site, &portal, index);
        self.forums(site, &portal, index);
        self.facets(&portal, index);
        self.section(
            &portal,
            (PageKind::Progress, Subject::Progress),
            "progress",
            GENERATOR,
        );
        if prepared.related.has_changes(edition.year) {
            self.section(
                &portal,
                (PageKind::Changes, Subject::Changes),
                "changes",
                GENERATOR,
            );
            let name = format!("changes-{}", edition.year);
            let producer = Producer::ChartCsv(portal.id.clone(), PortalChart::Changes);
            self.csv(&portal, &name, producer, GENERATOR);
        }
        self.search(&portal);
        for name in crate::render::visuals::FIGURE_NAMES {
            let producer = Producer::ChartCsv(portal.id.clone(), PortalChart::Figure(name));
            self.csv(&portal, name, producer, GENERATOR);
        }
        self.block_charts(site, charts, &portal);
    }

    /// The edition's report: its front page, the printable whole and one page per chapter.
    fn report(&mut self, site: &Site, portal: &PortalFiles) {
        let year = portal.id.year;
        let Some(report) = site.reports.iter().find(|report| report.year == year) else {
            return;
        };
        let front = &report.front.body.file;
        self.section(portal, (PageKind::Report, Subject::Report), "report", front);
        self.section(portal, (PageKind::Print, Subject::Print), "print", front);
        for (number, chapter) in report.chapters.iter().enumerate() {
            let path = PortalPath::chapter(&chapter.slug);
            let kind = (PageKind::Chapter, Subject::Chapter(number));
            self.page(portal, kind, &path, &chapter.body.file);
        }
    }

    /// The edition's contributions, their aliases' redirects, their listing, and the
    /// policy notes.
    fn contributions(&mut self, site: &Site, portal: &PortalFiles, index: &crate::model::Index) {
        let year = portal.id.year;
        let positions = crate::model::Index::get(&index.by_edition, &year);
        let all = PortalPath::section("contributions");
        self.listing(portal, (&all, Listed::All), positions.len(), GENERATOR);
        for &position in positions {
            let Some(contribution) = site.contributions.get(position) else {
                continue;
            };
            let file = &contribution.body.file;
            let page = PortalPath::contribution(&contribution.slug);
            let slug = &contribution.slug;
            let kind = (PageKind::Contribution, Subject::Contribution(slug.clone()));
            self.page(portal, kind, &page, file);
            for (alias, address) in contribution.aliases.iter().enumerate() {
                let claim = format!("{file} (its alias `{address}`)");
                let path = PortalPath::contribution(address);
                let slug = slug.clone();
                let kind = (PageKind::Redirect, Subject::Alias { slug, alias });
                self.page(portal, kind, &path, &claim);
            }
        }
        self.section(
            portal,
            (PageKind::PolicyNotes, Subject::PolicyNotes),
            "policy-notes",
            GENERATOR,
        );
        for note in site.policy_notes.iter().filter(|n| n.edition == year) {
            let path = PortalPath::policy_note(&note.slug);
            let kind = (PageKind::PolicyNote, Subject::PolicyNote(note.slug.clone()));
            self.page(portal, kind, &path, &note.body.file);
        }
    }

    fn objectives(&mut self, site: &Site, portal: &PortalFiles, index: &crate::model::Index) {
        let data = "content/data/objectives.yaml";
        let year = portal.id.year;
        self.section(
            portal,
            (PageKind::Objectives, Subject::Objectives),
            "objectives",
            data,
        );
        for objective in site.objectives.iter().filter(|o| o.shown_in(year)) {
            let slug = objective.slug();
            let id = &objective.id;
            let kind = (PageKind::Objective, Subject::Objective(id.clone()));
            self.page(portal, kind, &PortalPath::objective(&slug), data);
            let all = PortalPath::objective_contributions(&slug);
            let count = crate::model::Index::get(&index.by_objective, id).len();
            self.listing(portal, (&all, Listed::Objective(id.clone())), count, data);
            for action in objective
                .actions
                .iter()
                .filter(|a| a.lifespan.includes(year))
            {
                let path = PortalPath::action(&slug, &action.slug());
                let count = crate::model::Index::get(&index.by_action, &action.id).len();
                let listed = Listed::Action(id.clone(), action.id.clone());
                self.listing(portal, (&path, listed), count, data);
            }
            if !objective.actions.is_empty() {
                let chart = PortalChart::Actions(id.clone());
                let producer = Producer::ChartCsv(portal.id.clone(), chart);
                self.csv(portal, &format!("actions-{slug}"), producer, data);
            }
        }
    }

    fn forums(&mut self, site: &Site, portal: &PortalFiles, index: &crate::model::Index) {
        let data = "content/data/forums.yaml";
        self.section(portal, (PageKind::Forums, Subject::Forums), "forums", data);
        let year = portal.id.year;
        for forum in site.forums.iter().filter(|forum| forum.shown_in(year)) {
            let count = crate::model::Index::get(&index.by_forum, &forum.id).len();
            let listed = (
                &PortalPath::forum(&forum.id),
                Listed::Forum(forum.id.clone()),
            );
            self.listing(portal, listed, count, data);
        }
    }

    /// Listings by stakeholder type and by region, with their index pages.
    fn facets(&mut self, portal: &PortalFiles, index: &crate::model::Index) {
        for facet in [Facet::Stakeholders, Facet::Regions] {
            let path = PortalPath::section(facet.section());
            self.page(
                portal,
                (PageKind::Terms, Subject::Terms(facet)),
                &path,
                GENERATOR,
            );
        }
        for kind in StakeholderType::ALL {
            let count = crate::model::Index::get(&index.by_stakeholder_type, kind).len();
            let path = PortalPath::stakeholder_type(kind.id());
            let listed = (&path, Listed::StakeholderType(*kind));
            self.listing(portal, listed, count, GENERATOR);
        }
        for region in Region::ALL {
            let count = crate::model::Index::get(&index.by_region, region).len();
            let path = PortalPath::region(region.id());
            self.listing(portal, (&path, Listed::Region(*region)), count, GENERATOR);
        }
    }

    /// The search page, and its index: one entry for the whole folder.
    fn search(&mut self, portal: &PortalFiles) {
        self.section(
            portal,
            (PageKind::Search, Subject::Search),
            "search",
            GENERATOR,
        );
        let folder = PortalPath::section("search").in_portal(portal.prefix);
        let index_file = PortalPath::search_file("index.json").in_portal(portal.prefix);
        let producer = Producer::SearchIndex(portal.id.clone());
        self.add(index_file.file(), producer, GENERATOR);
        self.plan
            .folders
            .insert(folder.to_string(), index_file.file());
    }

    /// The CSV of every chart written in Markdown on the portal's pages (its home, report,
    /// contributions and policy notes, in the portal's language).
    fn block_charts(&mut self, site: &Site, charts: &BodyCharts, portal: &PortalFiles) {
        for (file, _) in portal_bodies(site, portal.id.year, &portal.id.language) {
            for source in charts.sources(file) {
                let name = crate::render::visuals::block_chart_name(source);
                let csv = PortalPath::chart_csv(&name).in_portal(portal.prefix).file();
                // One chart may appear on several pages: its CSV is the same file.
                if !self.plan.entries.contains_key(&csv) {
                    let producer = Producer::BlockChartCsv(portal.id.clone(), source.clone());
                    self.add(csv, producer, file);
                }
            }
        }
    }

    /// The files at the site root: front doors, the missing-page page, theme statics,
    /// datasets, open data, feeds, sitemap and robots.txt.
    pub(super) fn site_files(&mut self, site: &Site, theme: &Theme) {
        if let Some(current) = site.current_edition() {
            let portal = |language: &Language| PortalId {
                year: current.year,
                language: language.clone(),
            };
            for language in &site.config.languages {
                let door = Prefix::language(site, language).home();
                let page = PlannedPage {
                    kind: PageKind::Home,
                    path: door.clone(),
                    portal: portal(language),
                    subject: Subject::FrontDoor,
                };
                self.add(door.file(), Producer::Page(page), "content/_index.md");
            }
            let not_found = SitePath::root_file("404.html");
            let page = PlannedPage {
                kind: PageKind::NotFound,
                path: not_found.clone(),
                portal: portal(&site.config.default_language),
                subject: Subject::NotFound,
            };
            self.add(not_found.file(), Producer::Page(page), GENERATOR);
        }
        self.theme_statics(site, theme);
        for dataset in &site.datasets {
            let claim = format!("content/data/datasets/{}.csv", dataset.name);
            let producer = Producer::Dataset(dataset.name.clone());
            self.add(SitePath::dataset(&dataset.name).file(), producer, claim);
        }
        for edition in &site.editions {
            for extension in ["json", "csv"] {
                let path = SitePath::contributions_data(edition.year, extension);
                let producer = Producer::OpenData(edition.year, extension);
                self.add(path.file(), producer, "the generator's open data");
            }
            let feed = SitePath::edition_feed(edition.year);
            let producer = Producer::Feed(FeedOf::Edition(edition.year));
            self.add(feed.file(), producer, "the generator's feeds");
        }
        for objective in &site.objectives {
            let feed = SitePath::objective_feed(&objective.slug());
            let producer = Producer::Feed(FeedOf::Objective(objective.id.clone()));
            self.add(feed.file(), producer, "the generator's feeds");
        }
        let sitemap = "the generator's sitemap";
        self.add("sitemap.xml".to_owned(), Producer::Sitemap, sitemap);
        let robots = "the generator's robots.txt";
        self.add("robots.txt".to_owned(), Producer::Robots, robots);
    }

    /// The theme's static files: its stylesheet, its search script and the others.
    fn theme_statics(&mut self, site: &Site, theme: &Theme) {
        for file in &theme.statics {
            let path = match file {
                ThemeStatic::Embedded { output_path, .. } => output_path,
                ThemeStatic::Site(file) => &file.output_path,
            };
            let producer = match path.as_str() {
                "style.css" => Producer::Stylesheet,
                "search.js" => Producer::SearchScript,
                _ => Producer::ThemeStatic,
            };
            let claim = format!("the theme `{}`", site.config.theme);
            self.add(path.clone(), producer, claim);
        }
    }

    /// The site's own files. They may replace a theme's static file (an image, a font, the
    /// stylesheet, to which the charts' classes are still appended), but never a file the
    /// generator makes, and never add a file inside a portal or a
    /// language's folder, which belong to the generator.
    pub(super) fn assets(&mut self, site: &Site) {
        let portal_folders: Vec<String> = site
            .editions
            .iter()
            .map(|edition| format!("{}/", edition.year))
            .chain(
                site.config
                    .languages
                    .iter()
                    .filter(|language| **language != site.config.default_language)
                    .map(|language| format!("{language}/")),
            )
            .collect();
        for asset in &site.assets {
            let file = &asset.output_path;
            let claim = format!("assets/{file}");
            if let Some(folder) = portal_folders.iter().find(|f| file.starts_with(f.as_str())) {
                self.problems.push(asset_in_portal(&claim, folder));
                continue;
            }
            let entry = self.plan.entries.get(file).map(|entry| &entry.producer);
            if entry == Some(&Producer::Stylesheet) {
                // The site's own stylesheet: written in the theme's place, with the charts'
                // classes appended (`statics::stylesheet`), like a site theme's style.css.
                continue;
            }
            let replaceable = entry == Some(&Producer::ThemeStatic);
            if replaceable {
                self.plan.entries.remove(file);
            }
            self.add(file.clone(), Producer::Asset, claim);
        }
    }
}

/// Two claims on one output file.
fn collision(file: &str, first: &str, second: &str) -> Diagnostic {
    let (input, other) = if second.starts_with("assets/") || second.starts_with("content/") {
        (second, first)
    } else {
        (first, second)
    };
    let input_file = input.split(" (").next().unwrap_or(input);
    Diagnostic::error(
        input_file.to_owned(),
        format!("`/{file}` is claimed twice: by {input} and by {other}"),
    )
    .with_hint("rename or remove one of them; every address of the portal has one source")
}

fn asset_in_portal(claim: &str, folder: &str) -> Diagnostic {
    Diagnostic::error(
        claim.to_owned(),
        format!("this file would add to `/{folder}`, a folder the generator makes"),
    )
    .with_hint("put the file outside the edition and language folders, e.g. in assets/files/")
}
