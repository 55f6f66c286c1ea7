//! File-system access confined to the site root.
//!
//! Contributions are untrusted, and so is the layout of the tree they arrive in: a
//! symbolic link in `content/` could point at `/etc/passwd` or at a file of another
//! project. Every read of site files goes through [`SiteRoot`], which refuses any path
//! whose real location (symlinks resolved) lies outside the root, and every I/O error
//! names the path it concerns.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

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
}

/// Why a file under the root could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The path, once symlinks are resolved, leaves the site root.
    OutsideRoot,
    Io(io::Error),
}

impl SiteRoot {
    pub fn open(root: &Path) -> Result<Self, IoError> {
        let canonical = root.canonicalize().with_path("open the site root", root)?;
        Ok(SiteRoot { canonical })
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

    /// True when `path`, symlinks resolved, is the root or lies inside it.
    pub fn contains(&self, path: &Path) -> bool {
        path.canonicalize()
            .map(|real| real.starts_with(&self.canonical))
            .unwrap_or(false)
    }

    /// Reads a UTF-8 file inside the root, refusing anything that resolves outside it.
    pub fn read_to_string(&self, path: &Path) -> Result<String, ReadError> {
        let real = path.canonicalize().map_err(ReadError::Io)?;
        if !real.starts_with(&self.canonical) {
            return Err(ReadError::OutsideRoot);
        }
        std::fs::read_to_string(&real).map_err(ReadError::Io)
    }

    /// Reads a file inside the root as bytes, refusing anything that resolves outside it.
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, ReadError> {
        let real = path.canonicalize().map_err(ReadError::Io)?;
        if !real.starts_with(&self.canonical) {
            return Err(ReadError::OutsideRoot);
        }
        std::fs::read(&real).map_err(ReadError::Io)
    }
}

impl ReadError {
    /// A sentence for a diagnostic about the file that could not be read.
    pub fn describe(&self) -> String {
        match self {
            ReadError::OutsideRoot => {
                "this path leads outside the site root (through a symbolic link); it is not read"
                    .to_owned()
            }
            ReadError::Io(error) if error.kind() == io::ErrorKind::InvalidData => {
                "the file is not valid UTF-8 text".to_owned()
            }
            ReadError::Io(error) => format!("cannot read the file: {error}"),
        }
    }
}
