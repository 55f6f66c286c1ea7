//! Watching the site root: which files changed, with bursts coalesced into one change.
//!
//! Only the inputs of a build are watched: `site.yaml` (through a watch of the root that
//! does not descend) and `content/`, `assets/`, `themes/` and `editions/` (recursively),
//! so a large `public/`, `target/` or `.git/` costs nothing. Editors' temporary and backup
//! files are ignored. An editor's save is several events (write, rename, chmod) and a
//! `git checkout` is thousands; [`next_change`] waits until the events stop and returns
//! them as one [`Change`], so each burst costs one rebuild. How long it waits depends on
//! the last event: after one saying a file is whole (renamed into place, closed after
//! writing, removed), [`SETTLE`], long enough for the rest of a save's events and short
//! beside the 50 ms a save may take to show; after any other (a file being written),
//! [`QUIET`], since more of the same file is coming.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the events must stop before a burst counts as over, while a file may still
/// be being written.
pub const QUIET: Duration = Duration::from_millis(30);

/// How long the events must stop before a burst counts as over, after an event saying a
/// file is whole.
pub const SETTLE: Duration = Duration::from_millis(5);

/// The folders of the root whose files are inputs of a build.
const WATCHED_FOLDERS: &[&str] = &["content", "assets", "themes", "editions"];

/// What the main loop of serve waits for.
#[derive(Debug)]
pub enum Signal {
    /// Files changed (absolute paths, not yet filtered); `whole` when the event says
    /// they are complete (renamed into place, closed after writing, removed).
    Changed { paths: Vec<PathBuf>, whole: bool },
    /// The watcher failed; the message says why.
    WatchFailed(String),
    /// Ctrl-C: stop serving.
    Stop,
}

/// The input files that changed during one burst, relative to the root (`/`-separated).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    pub files: BTreeSet<String>,
}

impl Change {
    /// Whether the theme may have changed: its files, or `site.yaml`, which names it.
    pub fn touches_theme(&self) -> bool {
        self.files
            .iter()
            .any(|file| file.starts_with("themes/") || file == "site.yaml")
    }

    /// Whether only the theme's files changed, so the content need not be loaded again.
    pub fn only_theme(&self) -> bool {
        !self.files.is_empty() && self.files.iter().all(|file| file.starts_with("themes/"))
    }

    /// The slugs of the contributions whose files (or translations) changed.
    pub fn contribution_slugs(&self) -> BTreeSet<String> {
        self.files
            .iter()
            .filter_map(|file| file.strip_prefix("content/contributions/"))
            .filter_map(|name| name.strip_suffix(".md"))
            .filter(|stem| !stem.contains('/'))
            .map(|stem| match stem.rsplit_once('.') {
                Some((slug, language)) if crate::load::LANGUAGES.contains(&language) => slug,
                _ => stem,
            })
            .map(str::to_owned)
            .collect()
    }

    /// A short description for the terminal: the file, or the first file and a count.
    pub fn describe(&self) -> String {
        let mut files = self.files.iter();
        match (files.next(), self.files.len()) {
            (None, _) => "nothing".to_owned(),
            (Some(file), 1) => file.clone(),
            (Some(file), count) => format!("{file} and {} other files", count - 1),
        }
    }
}

/// The watcher of `root`'s inputs; it reports to `signals` until dropped.
pub struct SiteWatcher {
    watcher: RecommendedWatcher,
    root: PathBuf,
    watched: BTreeSet<String>,
}

impl SiteWatcher {
    pub fn start(root: &Path, signals: Sender<Signal>) -> Result<Self, String> {
        let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let signal = match event {
                Ok(event) if is_read(&event.kind) => return,
                Ok(event) => Signal::Changed {
                    whole: is_whole(&event.kind),
                    paths: event.paths,
                },
                Err(error) => Signal::WatchFailed(error.to_string()),
            };
            // The receiver is gone only when serve is stopping.
            drop(signals.send(signal));
        })
        .map_err(|error| format!("cannot watch `{}`: {error}", root.display()))?;
        let mut site_watcher = SiteWatcher {
            watcher,
            root: root.to_path_buf(),
            watched: BTreeSet::new(),
        };
        site_watcher
            .watcher
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(|error| format!("cannot watch `{}`: {error}", root.display()))?;
        site_watcher.watch_new_folders()?;
        Ok(site_watcher)
    }

    /// Watches the input folders that exist and are not watched yet (one may appear
    /// after serve started, such as a first `themes/`).
    pub fn watch_new_folders(&mut self) -> Result<(), String> {
        for folder in WATCHED_FOLDERS {
            let path = self.root.join(folder);
            if self.watched.contains(*folder) || !path.is_dir() {
                continue;
            }
            self.watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|error| format!("cannot watch `{}`: {error}", path.display()))?;
            self.watched.insert((*folder).to_owned());
        }
        Ok(())
    }
}

/// What the main loop does next.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    Rebuild(Change),
    Stop,
}

/// Waits for the next burst of changes to inputs of `root` and returns it once the
/// events have stopped for [`QUIET`]; watcher failures are printed and waited out.
pub fn next_change(signals: &Receiver<Signal>, root: &Path) -> Next {
    let mut change = Change::default();
    let mut quiet = QUIET;
    loop {
        let signal = if change.files.is_empty() {
            signals.recv().map_err(|_| RecvTimeoutError::Disconnected)
        } else {
            signals.recv_timeout(quiet)
        };
        match signal {
            Ok(Signal::Changed { paths, whole }) => {
                let inputs: Vec<String> = paths
                    .iter()
                    .filter_map(|path| input_file(root, path))
                    .collect();
                // Events of other files (an editor's temporary file) change nothing.
                if !inputs.is_empty() {
                    quiet = if whole { SETTLE } else { QUIET };
                    change.files.extend(inputs);
                }
            }
            Ok(Signal::WatchFailed(message)) => eprintln!("warning: watching files: {message}"),
            Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return Next::Stop,
            Err(RecvTimeoutError::Timeout) => return Next::Rebuild(change),
        }
    }
}

/// Whether an event only says that a file was read (opened, read, closed unwritten).
fn is_read(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Access(access) if !is_closed_after_writing(access))
}

/// Whether an event says that its files are whole: renamed into place, closed after
/// writing, or removed.
fn is_whole(kind: &EventKind) -> bool {
    use notify::event::{ModifyKind, RenameMode};
    match kind {
        EventKind::Access(access) => is_closed_after_writing(access),
        EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => true,
        EventKind::Remove(_) => true,
        _ => false,
    }
}

fn is_closed_after_writing(access: &notify::event::AccessKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    matches!(access, AccessKind::Close(AccessMode::Write))
}

/// `path` relative to `root` when it is an input of a build (not an editor's temporary
/// file, nor anything outside the watched folders).
pub fn input_file(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = relative
        .components()
        .map(|component| component.as_os_str().to_string_lossy().into_owned())
        .collect();
    let (first, name) = (parts.first()?, parts.last()?);
    let input = if parts.len() == 1 {
        first == "site.yaml" || WATCHED_FOLDERS.contains(&first.as_str())
    } else {
        WATCHED_FOLDERS.contains(&first.as_str())
    };
    (input && !parts.iter().any(|part| is_scratch(part)) && !name.is_empty())
        .then(|| parts.join("/"))
}

/// Whether a file name is an editor's temporary or backup file, or hidden.
fn is_scratch(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inputs_of_a_build_count() {
        let root = Path::new("/site");
        let cases = [
            ("/site/site.yaml", Some("site.yaml")),
            (
                "/site/content/contributions/x.md",
                Some("content/contributions/x.md"),
            ),
            (
                "/site/themes/default/templates/base.html",
                Some("themes/default/templates/base.html"),
            ),
            ("/site/assets/logo.svg", Some("assets/logo.svg")),
            ("/site/content", Some("content")),
            ("/site/public/index.html", None),
            ("/site/README.md", None),
            ("/site/.git/index", None),
            ("/site/content/contributions/.x.md.swp", None),
            ("/site/content/contributions/x.md~", None),
            ("/site/content/contributions/4913", None),
            ("/site/content/contributions/#x.md#", None),
            ("/elsewhere/site.yaml", None),
        ];
        for (path, expected) in cases {
            assert_eq!(
                input_file(root, Path::new(path)).as_deref(),
                expected,
                "{path}"
            );
        }
    }

    #[test]
    fn a_change_names_its_contributions_and_theme() {
        let change = Change {
            files: BTreeSet::from([
                "content/contributions/a.md".to_owned(),
                "content/contributions/b.fr.md".to_owned(),
                "content/contributions/c.v2.md".to_owned(),
                "content/data/forums.yaml".to_owned(),
            ]),
        };
        assert_eq!(
            change.contribution_slugs(),
            BTreeSet::from(["a".to_owned(), "b".to_owned(), "c.v2".to_owned()])
        );
        assert!(!change.touches_theme());
        assert_eq!(
            change.describe(),
            "content/contributions/a.md and 3 other files"
        );
        let theme = Change {
            files: BTreeSet::from(["site.yaml".to_owned()]),
        };
        assert!(theme.touches_theme());
    }

    #[test]
    fn a_burst_is_one_change_and_stop_ends_the_wait() {
        let (sender, receiver) = std::sync::mpsc::channel();
        let root = Path::new("/site");
        for (name, whole) in [
            ("a.md", false),
            ("a.md", true),
            (".a.md.swp", false),
            ("b.md", true),
        ] {
            drop(sender.send(Signal::Changed {
                paths: vec![root.join("content/contributions").join(name)],
                whole,
            }));
        }
        let expected = Change {
            files: BTreeSet::from([
                "content/contributions/a.md".to_owned(),
                "content/contributions/b.md".to_owned(),
            ]),
        };
        assert_eq!(next_change(&receiver, root), Next::Rebuild(expected));
        drop(sender.send(Signal::Stop));
        assert_eq!(next_change(&receiver, root), Next::Stop);
    }

    #[test]
    fn renamed_closed_and_removed_files_are_whole() {
        use notify::event::{
            AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RemoveKind, RenameMode,
        };
        let whole = [
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Remove(RemoveKind::File),
        ];
        let partial = [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
        ];
        assert!(whole.iter().all(is_whole), "{whole:?}");
        assert!(!partial.iter().any(is_whole), "{partial:?}");
        assert!(!whole.iter().chain(&partial).any(is_read));
        assert!(is_read(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(is_read(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
    }
}
