//! The preview `serve` shows: the site with its drafts among the contributions, each
//! marked (`draft: true`, a banner on its page), so that an author sees a draft before
//! publishing it. `build` never sees it.
//!
//! After a save, the new preview is made from the one served, as the validated site is
//! (`validate::update`): the contributions that did not change are shared, not copied,
//! and only the changed ones and the drafts (which are not shared between versions) are
//! read; the index is moved along with them (`Index::updated`).

use std::sync::Arc;

use crate::model::{Contribution, Site};

/// `site` with its drafts among its contributions (the same site when it has none).
pub fn of(site: &Arc<Site>) -> Arc<Site> {
    site.with_drafts()
        .map_or_else(|| Arc::clone(site), Arc::new)
}

/// The preview of `site`, which `served` (whose preview is `served_preview`) became,
/// made from the served preview.
pub fn updated(site: &Arc<Site>, served: &Site, served_preview: &Site) -> Arc<Site> {
    if site.drafts.is_empty() {
        return Arc::clone(site);
    }
    let moves = site.contributions.moves_from(&served.contributions);
    let (old, new) = (served.contributions.shared(), site.contributions.shared());
    let gone = moves.gone.iter().filter_map(|&position| old.get(position));
    let mut gone: Vec<&Contribution> = gone.map(AsRef::as_ref).collect();
    gone.extend(&served.drafts);
    let added = moves.added.iter().filter_map(|&position| new.get(position));
    let mut added: Vec<Arc<Contribution>> = added.cloned().collect();
    added.extend(site.drafts.iter().cloned().map(Arc::new));
    let mut preview = Site::clone(site);
    preview.drafts = Vec::new();
    preview.contributions = served_preview.contributions.with_changes(&gone, added);
    let moves = preview
        .contributions
        .moves_from(&served_preview.contributions);
    preview.index = served_preview.index.updated(&moves, &preview.contributions);
    Arc::new(preview)
}
