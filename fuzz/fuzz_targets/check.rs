//! Fuzz target: one contribution file (front matter, Markdown, chart blocks) through
//! `rapporteur check` on a small site. Any panic, hang or runaway memory is a finding;
//! diagnostics are the expected outcome for bad input.
//!
//! The site is copied once into a private folder (tmpfs when there is one); each input
//! replaces its one contribution. See fuzz/README.md.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn site() -> &'static PathBuf {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let root = base.join(format!("rapporteur-fuzz-{}", std::process::id()));
        let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("site");
        copy(&source, &root);
        // An empty folder is not kept by git: the one contribution's folder is made here.
        std::fs::create_dir_all(root.join("content/contributions")).expect("contributions");
        root
    })
}

fn copy(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("fuzz site folder");
    for entry in std::fs::read_dir(from).expect("fuzz site") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let root = site();
    let file = root.join("content/contributions/fuzzed.md");
    std::fs::write(&file, data).expect("write the input");
    let _ = rapporteur::check(root);
});
