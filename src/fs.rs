//! File-system access confined to the site root.
//!
//! Contributions are untrusted, and so is the layout of the tree they arrive in: a
//! symbolic link in a pull request could point at `/etc/passwd`, at the CI token that
//! `actions/checkout` keeps in `.git/config`, or at a `.env` beside the site. Every read of
//! site files goes through [`SiteRoot`], which enforces one policy:
//!
//! - **No symbolic link is followed** below the root, wherever it points. Links are refused
//!   rather than checked against an allow-list: a checked link still makes one file appear
//!   under two names (and two editions' manifests), git on Windows checks links out as
//!   small text files holding the target (so the same commit would build differently),
//!   and a rule with no exception is the one a reviewer can verify in a diff. A link is
//!   reported by name; its target is never read, resolved or shown.
//! - **Hidden files and folders** (any path component starting with `.`: `.git`, `.env`)
//!   are never read.
//! - Only **regular files** are read (a FIFO would stall a run forever).
//!
//! The root itself may be reached through a link: it is canonicalized once, when opened.
//! Every I/O error names the path it concerns.
//!
//! On Linux 5.6 and later the kernel enforces the link rule: a file is opened with
//! `openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)` from the root folder, in one call with
//! no window between check and open. Elsewhere, or when that call fails, each folder on
//! the way is looked at in turn, which also names the reason for a refusal.

use std::fmt;
use std::io;
use std::path::{Component, Path, PathBuf};

/// A fatal I/O problem, with the path it concerns.
#[derive(Debug)]
pub struct IoError {
    pub path: PathBuf,
    pub action: &'static str,
    pub source: io::Error,
}

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot {} `{}`: {}",
            self.action,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for IoError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Attaches the path and the attempted action to an I/O result.
pub trait IoContext<T> {
    fn with_path(self, action: &'static str, path: &Path) -> Result<T, IoError>;
}

impl<T> IoContext<T> for io::Result<T> {
    fn with_path(self, action: &'static str, path: &Path) -> Result<T, IoError> {
        self.map_err(|source| IoError {
            path: path.to_path_buf(),
            action,
            source,
        })
    }
}

/// The root of a site, canonicalized once so that containment checks are exact.
#[derive(Clone, Debug)]
pub struct SiteRoot {
    canonical: PathBuf,
    /// The root folder, opened once, for [`SiteRoot::open_beneath`].
    #[cfg(target_os = "linux")]
    folder: Option<std::sync::Arc<rustix::fd::OwnedFd>>,
}

/// Why a file under the root could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The path is not below the root (or climbs out of it with `..`).
    OutsideRoot,
    /// The path, or a folder on the way to it, is a symbolic link.
    Symlink,
    /// The path, or a folder on the way to it, is hidden (its name starts with `.`).
    Hidden,
    /// The path is not a regular file (a folder, a FIFO, a device).
    NotAFile,
    Io(io::Error),
}

impl SiteRoot {
    pub fn open(root: &Path) -> Result<Self, IoError> {
        let canonical = root.canonicalize().with_path("open the site root", root)?;
        #[cfg(target_os = "linux")]
        let folder = {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
            rustix::fs::open(&canonical, flags, Mode::empty())
                .ok()
                .map(std::sync::Arc::new)
        };
        Ok(SiteRoot {
            canonical,
            #[cfg(target_os = "linux")]
            folder,
        })
    }

    pub fn path(&self) -> &Path {
        &self.canonical
    }

    /// The absolute path of `relative` (a `/`-separated path inside the root).
    pub fn join(&self, relative: &str) -> PathBuf {
        self.canonical.join(relative)
    }

    /// `path` relative to the root, with `/` separators, for diagnostics.
    pub fn relative(&self, path: &Path) -> String {
        let relative = path.strip_prefix(&self.canonical).unwrap_or(path);
        relative
            .components()
            .map(|component| component.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Checks `path` (an absolute path below the root) against the read policy: every
    /// component below the root is a visible name, nothing on the way is a symbolic link,
    /// and the path is a regular file.
    pub fn check_readable(&self, path: &Path) -> Result<(), ReadError> {
        let relative = path
            .strip_prefix(&self.canonical)
            .map_err(|_| ReadError::OutsideRoot)?;
        let mut current = self.canonical.clone();
        let mut metadata = None;
        for component in relative.components() {
            let Component::Normal(name) = component else {
                return Err(ReadError::OutsideRoot);
            };
            if is_hidden(name) {
                return Err(ReadError::Hidden);
            }
            current.push(name);
            let found = std::fs::symlink_metadata(&current).map_err(ReadError::Io)?;
            if found.file_type().is_symlink() {
                return Err(ReadError::Symlink);
            }
            metadata = Some(found);
        }
        match metadata {
            Some(metadata) if metadata.is_file() => Ok(()),
            _ => Err(ReadError::NotAFile),
        }
    }

    /// Reads a UTF-8 file below the root, under the read policy ([`SiteRoot::check_readable`]).
    pub fn read_to_string(&self, path: &Path) -> Result<String, ReadError> {
        let bytes = self.read(path)?;
        String::from_utf8(bytes)
            .map_err(|error| ReadError::Io(io::Error::new(io::ErrorKind::InvalidData, error)))
    }

    /// Reads a file below the root as bytes, under the read policy.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        let file = match self.open_beneath(path) {
            Some(file) => file,
            None => {
                self.check_readable(path)?;
                open_no_follow(path).map_err(ReadError::Io)?
            }
        };
        read_regular_file(file)
    }

    /// Opens `path` in one system call that the kernel refuses if any component is a
    /// symbolic link or the path leaves the root (Linux 5.6's `openat2`), where
    /// [`SiteRoot::check_readable`] looks at each component in turn: on 10,000
    /// contributions, those checks were a tenth of the time spent reading. `None` when
    /// that call is not available or does not open the file: then the component checks
    /// run, and give the reason their usual way.
    #[cfg(target_os = "linux")]
    fn open_beneath(&self, path: &Path) -> Option<std::fs::File> {
        use rustix::fs::{Mode, OFlags, ResolveFlags};
        let folder = self.folder.as_deref()?;
        let relative = path.strip_prefix(&self.canonical).ok()?;
        let visible_names = relative
            .components()
            .all(|component| matches!(component, Component::Normal(name) if !is_hidden(name)));
        if !visible_names {
            return None;
        }
        // Non-blocking, so that opening a FIFO does not wait for a writer; it is then
        // refused as not a regular file.
        let flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOCTTY | OFlags::NONBLOCK;
        let resolve = ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS;
        let file = rustix::fs::openat2(folder, relative, flags, Mode::empty(), resolve).ok()?;
        Some(std::fs::File::from(file))
    }

    #[cfg(not(target_os = "linux"))]
    fn open_beneath(&self, _path: &Path) -> Option<std::fs::File> {
        None
    }
}

/// The bytes of an opened file, which must be a regular file.
fn read_regular_file(mut file: std::fs::File) -> Result<Vec<u8>, ReadError> {
    let metadata = file.metadata().map_err(ReadError::Io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile);
    }
    let expected = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    io::Read::read_to_end(&mut file, &mut bytes).map_err(ReadError::Io)?;
    Ok(bytes)
}

/// Whether a file or folder name is hidden (starts with `.`).
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

/// Opens `path` for reading; on Unix, fails if its last component is a symbolic link
/// (one made after the file was listed and checked).
pub fn open_no_follow(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    options.open(path)
}

impl ReadError {
    /// A sentence for a diagnostic about the file that could not be read.
    pub fn describe(&self) -> String {
        match self {
            ReadError::OutsideRoot => {
                "this path leads outside the site root; it is not read".to_owned()
            }
            ReadError::Symlink => SYMLINK_REFUSED.to_owned(),
            ReadError::Hidden => HIDDEN_REFUSED.to_owned(),
            ReadError::NotAFile => "this is not a regular file; it is not read".to_owned(),
            ReadError::Io(error) if error.kind() == io::ErrorKind::InvalidData => {
                "the file is not valid UTF-8 text".to_owned()
            }
            ReadError::Io(error) => format!("cannot read the file: {error}"),
        }
    }
}

/// The message for a symbolic link found below the root.
pub const SYMLINK_REFUSED: &str =
    "this is a symbolic link; links are never followed, so it is not read or published";
/// The hint for a symbolic link found below the root.
pub const SYMLINK_HINT: &str = "replace the link with a copy of the file it points to";
/// The message for a hidden file or folder.
pub const HIDDEN_REFUSED: &str =
    "hidden files and folders (names starting with `.`) are never read or published";

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_and_hidden_paths_are_not_read() {
        let Ok(temp) = tempfile::tempdir() else {
            return;
        };
        let write = |relative: &str| {
            let path = temp.path().join(relative);
            if let Some(parent) = path.parent() {
                assert!(std::fs::create_dir_all(parent).is_ok());
            }
            assert!(std::fs::write(path, "text").is_ok());
        };
        write("content/a.md");
        write(".env");
        write("content/.hidden/b.md");
        let link = temp.path().join("content/link.md");
        assert!(std::os::unix::fs::symlink("a.md", &link).is_ok());
        let Ok(root) = SiteRoot::open(temp.path()) else {
            return;
        };
        assert!(root.read(&root.join("content/a.md")).is_ok());
        assert!(matches!(root.read(&link), Err(ReadError::Symlink)));
        assert!(open_no_follow(&link).is_err());
        assert!(matches!(
            root.read(&root.join(".env")),
            Err(ReadError::Hidden)
        ));
        let hidden = root.join("content/.hidden/b.md");
        assert!(matches!(root.read(&hidden), Err(ReadError::Hidden)));
        let climbing = root.join("content/../.env");
        assert!(matches!(root.read(&climbing), Err(ReadError::OutsideRoot)));
        let folder = root.join("content");
        assert!(matches!(root.read(&folder), Err(ReadError::NotAFile)));
        // A folder on the way that is a link is refused too, and the file it leads to
        // is read under its own name.
        assert!(std::os::unix::fs::symlink("content", temp.path().join("linked")).is_ok());
        let through_link = root.join("linked/a.md");
        assert!(matches!(root.read(&through_link), Err(ReadError::Symlink)));
        assert_eq!(
            root.read(&root.join("content/a.md")).ok(),
            Some(b"text".to_vec())
        );
    }

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let Ok(temp) = tempfile::tempdir() else {
            return;
        };
        let fifo = temp.path().join("pipe.md");
        let made = rustix::fs::mkfifoat(rustix::fs::CWD, &fifo, rustix::fs::Mode::RUSR);
        assert!(made.is_ok(), "{made:?}");
        let Ok(root) = SiteRoot::open(temp.path()) else {
            return;
        };
        assert!(matches!(
            root.read(&root.join("pipe.md")),
            Err(ReadError::NotAFile)
        ));
    }
}
