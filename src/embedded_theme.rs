//! The default theme's files, embedded in the binary by `build.rs`. A leaf module: `render`
//! compiles templates from it, and `load` tells a site's own theme files (overrides, part of
//! a published edition's inputs) from copies of these.

include!(concat!(env!("OUT_DIR"), "/embedded_theme.rs"));

/// The embedded file at `path` (relative to the theme folder), if any.
pub fn file(path: &str) -> Option<&'static [u8]> {
    DEFAULT_THEME
        .iter()
        .find(|(name, _)| *name == path)
        .map(|(_, bytes)| *bytes)
}
