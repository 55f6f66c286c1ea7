//! Embeds the default theme (`themes/default`) into the binary.
//!
//! `rapporteur build` must work on any site root, including one that has no `themes/`
//! folder of its own, so the default templates and static files travel inside the
//! executable. This script lists every file of the theme, in sorted order so that the
//! generated table is the same on every machine, and writes `embedded_theme.rs` into
//! `OUT_DIR` as a slice of `(relative path, bytes)` pairs built with `include_bytes!`.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let theme_dir = manifest_dir.join("themes").join("default");
    println!("cargo:rerun-if-changed={}", theme_dir.display());

    let mut files: Vec<(String, PathBuf)> = walkdir::WalkDir::new(&theme_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter_map(|entry| {
            let relative = entry.path().strip_prefix(&theme_dir).ok()?;
            let name = relative.to_string_lossy().replace('\\', "/");
            println!("cargo:rerun-if-changed={}", entry.path().display());
            Some((name, entry.path().to_path_buf()))
        })
        .collect();
    files.sort();

    let mut table = String::from(
        "/// Files of `themes/default`, as `(path relative to the theme, contents)`.\n",
    );
    table.push_str("pub static DEFAULT_THEME: &[(&str, &[u8])] = &[\n");
    for (name, path) in &files {
        let _ = writeln!(
            table,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    table.push_str("];\n");

    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap_or_default());
    write_if_changed(&out_dir.join("embedded_theme.rs"), &table);
}

/// Rewrites the generated file only when its contents change, to spare needless rebuilds.
fn write_if_changed(path: &Path, contents: &str) {
    if fs::read_to_string(path).ok().as_deref() == Some(contents) {
        return;
    }
    if let Err(error) = fs::write(path, contents) {
        panic!("cannot write {}: {error}", path.display());
    }
}
