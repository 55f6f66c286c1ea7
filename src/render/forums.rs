//! The forums' index (map and matrix) and each forum's listing.

use super::*;

impl<'a> Renderer<'a> {
    /// The index of forums: by category, with the forum map and the matrix.
    pub(super) fn forums(&self) -> Made {
        let site = self.site;
        let groups: Vec<ForumGroup> = ForumCategory::ALL
            .iter()
            .map(|category| ForumGroup {
                id: category.id(),
                label: category.label(),
                forums: site
                    .forums
                    .iter()
                    .filter(|forum| forum.category == *category)
                    .map(|forum| Count {
                        term: forum_term(forum),
                        count: crate::model::Index::get(&self.portal.index.by_forum, &forum.id)
                            .len(),
                        percent: 0,
                    })
                    .collect(),
            })
            .filter(|group| !group.forums.is_empty())
            .collect();
        let view = ForumsPage {
            section: "forums",
            groups,
            map_html: &self.figures().forum_map,
            matrix_html: &self.figures().matrix,
        };
        self.page(PageKind::Forums, &PortalPath::section("forums"), &view)?;
        Ok(Vec::new())
    }

    /// The listing of the contributions at forum `id`, the forum described above them.
    pub(super) fn forum_listing(&self, id: &ForumId) -> Option<ListingOf<'a>> {
        let site = self.site;
        let forum = site.forums.iter().find(|forum| forum.id == *id)?;
        let detail = ForumView {
            name: forum.name.clone(),
            name_lang: forum.name_lang.clone(),
            host_lang: forum.host_lang.clone(),
            cadence_lang: forum.cadence_lang.clone(),
            description_lang: forum.description_lang.clone(),
            category: forum.category.label(),
            category_id: forum.category.id(),
            host: forum.host.clone(),
            since: forum.since,
            cadence: forum.cadence.clone(),
            url: forum.url.clone(),
            description: forum.description.clone(),
            objectives: forum
                .objectives
                .iter()
                .filter_map(|id| site.objective(id))
                .map(objective_term)
                .collect(),
            policy_notes: self
                .notes()
                .filter(|note| note.forums.contains(&forum.id))
                .map(|note| PolicyNoteView::new(site, note))
                .collect(),
        };
        let heading = ListingHeading {
            title: forum.name.clone(),
            title_lang: forum.name_lang.as_ref(),
            forum: Some(detail),
            ..ListingHeading::default()
        };
        let positions = crate::model::Index::get(&self.portal.index.by_forum, &forum.id);
        Some((PortalPath::forum(&forum.id), "forums", positions, heading))
    }
}

#[derive(Serialize)]
struct ForumGroup {
    id: &'static str,
    label: &'static str,
    forums: Vec<Count>,
}

/// `forums.html`: the forums by category, the forum map and the matrix.
#[derive(Serialize)]
struct ForumsPage<'v> {
    section: &'static str,
    groups: Vec<ForumGroup>,
    map_html: &'v str,
    matrix_html: &'v str,
}

/// A forum, as its listing shows it above its contributions.
#[derive(Serialize)]
pub(super) struct ForumView {
    name: String,
    /// The languages of `name`, `host`, `cadence` and `description` when not the portal's.
    name_lang: Option<Language>,
    host_lang: Option<Language>,
    cadence_lang: Option<Language>,
    description_lang: Option<Language>,
    category: &'static str,
    category_id: &'static str,
    host: Option<String>,
    since: Option<i64>,
    cadence: Option<String>,
    url: Option<String>,
    description: Option<String>,
    objectives: Vec<Term>,
    policy_notes: Vec<PolicyNoteView>,
}
