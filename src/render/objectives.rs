//! The objectives' index, each objective's page and its listings (all contributions, by action).

use super::*;

impl<'a> Renderer<'a> {
    /// The index of objectives, with the chart by objective and the objectives × forums matrix.
    pub(super) fn objectives(&self) -> Made {
        let view = ObjectivesPage {
            section: "objectives",
            objectives: self.objective_counts(),
            chart_html: self.figure(&self.figures().by_objective, "by-objective", "../"),
            matrix_html: &self.figures().matrix,
        };
        let path = PortalPath::section("objectives");
        self.page(PageKind::Objectives, &path, &view)?;
        Ok(Vec::new())
    }

    /// The objective `id`.
    fn objective_of(&self, id: &ObjectiveId) -> Result<&'a crate::model::Objective> {
        self.site.objective(id).ok_or_else(|| unknown_record(&id))
    }

    /// The page of objective `id`: its actions with their latest contributions, forums,
    /// policy notes and the chart of its actions.
    pub(super) fn objective(&self, id: &ObjectiveId) -> Made {
        let site = self.site;
        let objective = self.objective_of(id)?;
        let base = PortalPath::objective(&objective.slug());
        let positions = crate::model::Index::get(&self.portal.index.by_objective, &objective.id);
        let actions = objective
            .actions
            .iter()
            .map(|action| {
                let reporting = crate::model::Index::get(&self.portal.index.by_action, &action.id);
                Ok(ActionSection {
                    id: action.id.clone(),
                    actor: action.actor.label(),
                    actor_id: action.actor.id(),
                    text: action.text.clone(),
                    text_lang: action.text_lang.clone(),
                    url: PortalPath::action(&objective.slug(), &action.slug()).into(),
                    count: reporting.len(),
                    contributions: self.items(&reporting[..reporting.len().min(PER_ACTION)])?,
                })
            })
            .collect::<Result<Vec<ActionSection>>>()?;
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
        let name = format!("actions-{}", objective.slug());
        let view = ObjectivePage {
            section: "objectives",
            objective: objective_term(objective),
            description: &objective.description,
            description_lang: &objective.description_lang,
            actions,
            forums,
            policy_notes: notes,
            count: positions.len(),
            latest: self.items(&positions[..positions.len().min(PER_ACTION)])?,
            all_url: PortalPath::objective_contributions(&objective.slug()),
            chart_html: (self.actions_chart(objective))
                .map(|chart| self.figure(chart, &name, "../../")),
        };
        self.page(PageKind::Objective, &base, &view)?;
        Ok(Vec::new())
    }

    /// The chart of the contributions on each action of `objective`, in the portal's
    /// words: drawn once, with every objective's, for its page and its CSV.
    fn actions_chart(&self, objective: &crate::model::Objective) -> Option<&crate::charts::Chart> {
        let charts = self.actions_charts.get_or_init(|| {
            let site = self.site;
            let index = self.portal.index;
            (site.objectives.iter())
                .filter_map(|o| {
                    let chart = visuals::actions_chart(site, index, &o.id, &self.words)?;
                    Some((o.id.clone(), chart))
                })
                .collect()
        });
        charts.get(&objective.id)
    }

    /// The CSV of the chart of objective `id`'s actions (`charts/actions-<a>.csv`).
    pub(super) fn actions_csv(&self, file: &str, id: &ObjectiveId) -> Made {
        let objective = self.objective_of(id)?;
        if let Some(chart) = self.actions_chart(objective) {
            self.write(file, chart.csv.as_bytes())?;
        }
        Ok(Vec::new())
    }

    /// The listing of all the contributions on objective `id`.
    pub(super) fn objective_listing(&self, id: &ObjectiveId) -> Option<ListingOf<'a>> {
        let objective = self.site.objective(id)?;
        let positions = crate::model::Index::get(&self.portal.index.by_objective, &objective.id);
        let id = || objective.id.to_string().into();
        let heading = ListingHeading {
            title: self.text(
                "objective-contributions-title",
                &[("id", id()), ("title", objective.title.clone().into())],
            ),
            intro: self.text("objective-contributions-intro", &[("id", id())]),
            parent: Some(objective_term(objective)),
            ..ListingHeading::default()
        };
        let base = PortalPath::objective_contributions(&objective.slug());
        Some((base, "objectives", positions, heading))
    }

    /// The listing of the contributions reporting on action `action_id` of objective `id`.
    pub(super) fn action_listing(
        &self,
        id: &ObjectiveId,
        action_id: &ActionId,
    ) -> Option<ListingOf<'a>> {
        let objective = self.site.objective(id)?;
        let action = objective.actions.iter().find(|a| a.id == *action_id)?;
        let positions = crate::model::Index::get(&self.portal.index.by_action, &action.id);
        let heading = ListingHeading {
            title: self.text("action-title", &[("id", action.id.to_string().into())]),
            intro: action.text.clone(),
            intro_lang: action.text_lang.as_ref(),
            parent: Some(objective_term(objective)),
            ..ListingHeading::default()
        };
        let path = PortalPath::action(&objective.slug(), &action.slug());
        Some((path, "objectives", positions, heading))
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
    id: ActionId,
    actor: &'static str,
    actor_id: &'static str,
    text: String,
    /// The language of `text` when it is not the portal's (no translation).
    text_lang: Option<Language>,
    url: String,
    count: usize,
    contributions: Vec<tera::Value>,
}

/// `objectives.html`: the index of objectives.
#[derive(Serialize)]
struct ObjectivesPage<'v> {
    section: &'static str,
    objectives: Vec<Count>,
    chart_html: String,
    matrix_html: &'v str,
}

/// `objective.html`: an objective, its actions and their latest contributions.
#[derive(Serialize)]
struct ObjectivePage<'v> {
    section: &'static str,
    objective: Term,
    description: &'v Option<String>,
    /// The language of `description` when it is not the portal's (no translation).
    description_lang: &'v Option<Language>,
    actions: Vec<ActionSection>,
    forums: Vec<Term>,
    policy_notes: Vec<PolicyNoteView>,
    count: usize,
    latest: Vec<tera::Value>,
    all_url: PortalPath,
    #[serde(skip_serializing_if = "Option::is_none")]
    chart_html: Option<String>,
}
