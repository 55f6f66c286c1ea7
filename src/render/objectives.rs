//! The objectives' index, each objective's page and its listings (all contributions, by action).

use super::*;

impl<'a> Renderer<'a> {
    /// The index of objectives, with the chart by objective and the objectives × forums matrix.
    pub(super) fn objectives(&self) -> Made {
        let mut context = page_context("objectives");
        context.insert("objectives", &self.objective_counts());
        context.insert(
            "chart_html",
            &self.figure(&self.figures().by_objective, "by-objective", "../"),
        );
        context.insert("matrix_html", &self.figures().matrix);
        let path = PortalPath::section("objectives");
        self.page(PageKind::Objectives, &path, context)?;
        Ok(Vec::new())
    }

    /// The objective `id`.
    fn objective_of(&self, id: &str) -> Result<&'a crate::model::Objective> {
        self.site.objective(id).ok_or_else(|| unknown_record(&id))
    }

    /// The page of objective `id`: its actions with their latest contributions, forums,
    /// policy notes and the chart of its actions.
    pub(super) fn objective(&self, id: &str) -> Made {
        let site = self.site;
        let objective = self.objective_of(id)?;
        let base = PortalPath::objective(&objective.slug());
        let positions = crate::model::Index::get(&self.portal.index.by_objective, &objective.id);
        let actions: Vec<ActionSection> = objective
            .actions
            .iter()
            .map(|action| {
                let reporting = crate::model::Index::get(&self.portal.index.by_action, &action.id);
                ActionSection {
                    id: action.id.clone(),
                    actor: action.actor.label(),
                    actor_id: action.actor.id(),
                    text: action.text.clone(),
                    text_lang: action.text_lang.clone(),
                    url: PortalPath::action(&objective.slug(), &action.slug()).into(),
                    count: reporting.len(),
                    contributions: self.summaries(&reporting[..reporting.len().min(PER_ACTION)]),
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
        context.insert(
            "all_url",
            &PortalPath::objective_contributions(&objective.slug()),
        );
        if let Some(chart) = self.actions_chart(objective) {
            let name = format!("actions-{}", objective.slug());
            context.insert("chart_html", &self.figure(&chart, &name, "../../"));
        }
        self.page(PageKind::Objective, &base, context)?;
        Ok(Vec::new())
    }

    /// The chart of the contributions on each action of `objective`, in the portal's words.
    fn actions_chart(&self, objective: &crate::model::Objective) -> Option<crate::charts::Chart> {
        visuals::actions_chart(self.site, self.portal.index, &objective.id, &self.words)
    }

    /// The CSV of the chart of objective `id`'s actions (`charts/actions-<a>.csv`).
    pub(super) fn actions_csv(&self, file: &str, id: &str) -> Made {
        let objective = self.objective_of(id)?;
        if let Some(chart) = self.actions_chart(objective) {
            self.write(file, chart.csv.as_bytes())?;
        }
        Ok(Vec::new())
    }

    /// The listing of all the contributions on objective `id`.
    pub(super) fn objective_listing(&self, id: &str) -> Option<ListingOf<'a>> {
        let objective = self.site.objective(id)?;
        let positions = crate::model::Index::get(&self.portal.index.by_objective, &objective.id);
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
        let base = PortalPath::objective_contributions(&objective.slug());
        Some((base, "objectives", positions, extra))
    }

    /// The listing of the contributions reporting on action `action_id` of objective `id`.
    pub(super) fn action_listing(&self, id: &str, action_id: &str) -> Option<ListingOf<'a>> {
        let objective = self.site.objective(id)?;
        let action = objective.actions.iter().find(|a| a.id == action_id)?;
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
        Some((path, "objectives", positions, extra))
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
