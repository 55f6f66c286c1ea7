//! The fuzzer's corpus (`fuzz/corpus/check/`) as regression inputs: each file, as the one
//! contribution of `fuzz/site/`, must give `check` a verdict (0 or 1), never a crash.

use super::support::{copy_dir, manifest_dir, rapporteur, temp_dir};

#[test]
fn every_corpus_input_gets_a_verdict_from_check() {
    let temp = temp_dir();
    let root = temp.path().join("site");
    copy_dir(&manifest_dir().join("fuzz/site"), &root);
    let corpus = manifest_dir().join("fuzz/corpus/check");
    let mut inputs: Vec<_> = std::fs::read_dir(&corpus)
        .expect("the corpus")
        .map(|entry| entry.expect("entry").path())
        .collect();
    inputs.sort();
    assert!(inputs.len() > 50, "{} inputs", inputs.len());
    // An empty folder is not kept by git: the one contribution's folder is made here.
    std::fs::create_dir_all(root.join("content/contributions")).expect("contributions folder");
    let target = root.join("content/contributions/fuzzed.md");
    for input in inputs {
        std::fs::copy(&input, &target).expect("copy the input");
        let run = rapporteur().arg("check").arg("--root").arg(&root).run();
        assert!(
            run.code == 0 || run.code == 1,
            "{}: exit {}\n{}",
            input.display(),
            run.code,
            run.stderr
        );
        assert!(
            !run.stderr.contains("panicked"),
            "{}: {}",
            input.display(),
            run.stderr
        );
    }
}
