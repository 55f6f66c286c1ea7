//! The objectives' index, each objective's page and its listings (all contributions, by action).

use super::*;

impl<'a> Renderer<'a> {
    pub(super) fn objectives(&self) -> Result<usize> {
        let site = self.site;
        let index_page = PortalPath::section("objectives");
        let mut pages = 1;
        if !self.unwanted(&[&index_page]) {
            let mut context = page_context("objectives");
            context.insert("objectives", &self.objective_counts());
            context.insert(
                "chart_html",
                &self.figure(&self.figures().by_objective, "by-objective", "../"),
            );
            context.insert("matrix_html", &self.figures().matrix);
            self.page(PageKind::Objectives, &index_page, context)?;
        }
        for objective in &site.objectives {
            let base = PortalPath::objective(&objective.slug());
            let positions =
                crate::model::Index::get(&self.portal.index.by_objective, &objective.id);
            let chart_name = format!("actions-{}", objective.slug());
            let csv_file = PortalPath::chart_csv(&chart_name)
                .in_portal(&self.portal.prefix)
                .file();
            let all = PortalPath::objective_contributions(&objective.slug());
            if self.unwanted(&[&base]) && !self.scope.wants(&csv_file) {
                pages += 1 + self.objective_listings(objective, positions, &all)?;
                continue;
            }
            let actions: Vec<ActionSection> = objective
                .actions
                .iter()
                .map(|action| {
                    let reporting =
                        crate::model::Index::get(&self.portal.index.by_action, &action.id);
                    ActionSection {
                        id: action.id.clone(),
                        actor: action.actor.label(),
                        actor_id: action.actor.id(),
                        text: action.text.clone(),
                        text_lang: action.text_lang.clone(),
                        url: PortalPath::action(&objective.slug(), &action.slug()).into(),
                        count: reporting.len(),
                        contributions: self
                            .summaries(&reporting[..reporting.len().min(PER_ACTION)]),
                    }
                })
                .collect();
            let forums: Vec<Term> = site
                .forums
                .iter()
                .filter(|forum| forum.objectives.contains(&objective.id))
                .map(forum_term)
                .collect();
            let notes: Vec<PolicyNoteView> = self
                .notes()
                .filter(|note| note.objectives.contains(&objective.id))
                .map(|note| PolicyNoteView::new(site, note))
                .collect();
            let mut context = page_context("objectives");
            context.insert("objective", &objective_term(objective));
            context.insert("description", &objective.description);
            context.insert("description_lang", &objective.description_lang);
            context.insert("actions", &actions);
            context.insert("forums", &forums);
            context.insert("policy_notes", &notes);
            context.insert("count", &positions.len());
            context.insert(
                "latest",
                &self.summaries(&positions[..positions.len().min(PER_ACTION)]),
            );
            context.insert("all_url", &all);
            let chart_html =
                visuals::actions_chart(site, self.portal.index, &objective.id, &self.words).map(
                    |chart| {
                        let html = self.figure(&chart, &chart_name, "../../");
                        (html, chart.csv)
                    },
                );
            if let Some((html, csv)) = chart_html {
                context.insert("chart_html", &html);
                self.write(&csv_file, csv.as_bytes())?;
            }
            pages += self.page(PageKind::Objective, &base, context)?;
            pages += self.objective_listings(objective, positions, &all)?;
        }
        Ok(pages)
    }

    /// The listings of an objective: all its contributions (at `all`), and by action.
    pub(super) fn objective_listings(
        &self,
        objective: &crate::model::Objective,
        positions: &[usize],
        all: &PortalPath,
    ) -> Result<usize> {
        let mut extra = Context::new();
        let id = || (objective.id.clone()).into();
        extra.insert(
            "title",
            &self.text(
                "objective-contributions-title",
                &[("id", id()), ("title", objective.title.clone().into())],
            ),
        );
        extra.insert(
            "intro",
            &self.text("objective-contributions-intro", &[("id", id())]),
        );
        extra.insert("parent", &objective_term(objective));
        let mut pages = self.listing(all, "objectives", positions, extra)?;
        for action in &objective.actions {
            let positions = crate::model::Index::get(&self.portal.index.by_action, &action.id);
            let mut extra = Context::new();
            extra.insert(
                "title",
                &self.text("action-title", &[("id", action.id.clone().into())]),
            );
            extra.insert("intro", &action.text);
            extra.insert("intro_lang", &action.text_lang);
            extra.insert("parent", &objective_term(objective));
            let path = PortalPath::action(&objective.slug(), &action.slug());
            pages += self.listing(&path, "objectives", positions, extra)?;
        }
        Ok(pages)
    }

    pub(super) fn objective_counts(&self) -> Vec<Count> {
        let terms = self
            .site
            .objectives
            .iter()
            .map(|objective| {
                (
                    objective_term(objective),
                    crate::model::Index::get(&self.portal.index.by_objective, &objective.id).len(),
                )
            })
            .collect();
        counts(terms)
    }
}

#[derive(Serialize)]
struct ActionSection {
    id: String,
    actor: &'static str,
    actor_id: &'static str,
    text: String,
    /// The language of `text` when it is not the portal's (no translation).
    text_lang: Option<String>,
    url: String,
    count: usize,
    contributions: Vec<tera::Value>,
}
