//! The import graph of `src/` has no loop: the layers ARCHITECTURE.md describes are kept
//! by this test, as a workspace would keep them by the compiler.
//!
//! Every `crate::…` and `super::…` path outside `#[cfg(test)]` code (doc links included)
//! is resolved to the deepest module of `src/` it names. Then, at each level of the tree,
//! the modules that share a parent must not import one another in a loop: the top-level
//! modules (`load`, `validate`, `model`, `render`…, each standing for all its files), the
//! files of `charts/`, of `validate/`, and so on.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

#[test]
fn modules_import_one_another_without_loops() {
    let sources = module_sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(sources.len() > 50, "src/ not found");
    let known: BTreeSet<Module> = sources.keys().cloned().collect();
    let mut imports_of: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, text) in &sources {
        imports_of.insert(module.clone(), imports(module, text, &known));
    }
    let depth = known.iter().map(Vec::len).max().unwrap_or(1);
    let described: Vec<String> = (1..=depth)
        .flat_map(|level| cycles(&between_siblings(&imports_of, level)))
        .map(|cycle| {
            cycle
                .iter()
                .map(|m| m.join("::"))
                .collect::<Vec<_>>()
                .join(" ⇄ ")
        })
        .collect();
    assert!(described.is_empty(), "import loops: {described:#?}");
}

/// The imports seen at one level of the module tree: each module stands for everything
/// below it (`render::home` counts as `render` at level 1), and only edges between
/// siblings (modules of `level` parts with the same parent) are kept. A child's use of its
/// own parent is the ordinary shape of a Rust module and is not an edge at any level.
fn between_siblings(
    imports_of: &BTreeMap<Module, BTreeSet<Module>>,
    level: usize,
) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, targets) in imports_of {
        for target in targets {
            let siblings = module.len() >= level
                && target.len() >= level
                && module[..level - 1] == target[..level - 1]
                && module[..level] != target[..level];
            if siblings {
                edges
                    .entry(module[..level].to_vec())
                    .or_default()
                    .insert(target[..level].to_vec());
            }
        }
    }
    edges
}

#[test]
fn a_loop_is_found() {
    let module = |name: &str| vec![name.to_owned()];
    let mut edges = BTreeMap::new();
    edges.insert(module("load"), BTreeSet::from([module("validate")]));
    edges.insert(module("validate"), BTreeSet::from([module("model")]));
    edges.insert(module("model"), BTreeSet::from([module("load")]));
    assert_eq!(cycles(&edges).len(), 1);
    edges.insert(module("model"), BTreeSet::new());
    assert!(cycles(&edges).is_empty());
}

/// Every `.rs` file's module path (`render/mod.rs` → `render`) and its code without its
/// test-only items.
fn module_sources(src: &Path) -> BTreeMap<Module, String> {
    let mut sources = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|extension| extension != "rs") {
            continue;
        }
        let Ok(relative) = path.strip_prefix(src) else {
            continue;
        };
        let mut module: Module = relative
            .with_extension("")
            .iter()
            .map(|part| part.to_string_lossy().into_owned())
            .collect();
        if module.last().is_some_and(|last| last == "mod") || module == ["lib"] {
            module.pop();
        }
        // `main.rs`, and the `tests.rs` files of `#[cfg(test)] mod tests;`.
        if module == ["main"] || module.is_empty() || module.last().is_some_and(|m| m == "tests") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap_or_default();
        sources.insert(module, without_tests(&text));
    }
    sources
}

/// The code of a file without its test-only items. A `#[cfg(test)] mod name;` line is
/// left out where it stands (`charts/mod.rs` declares its fixtures near the top); any other
/// test item is taken to run to the end of the file, where this code base keeps them.
fn without_tests(text: &str) -> String {
    const TEST_ONLY: &str = "#[cfg(test)]";
    let mut code = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(TEST_ONLY) {
        code.push_str(&rest[..at]);
        let item = rest[at + TEST_ONLY.len()..].trim_start();
        let line = item.lines().next().unwrap_or("");
        if !(line.starts_with("mod ") && line.trim_end().ends_with(';')) {
            return code;
        }
        rest = &item[line.len()..];
    }
    code.push_str(rest);
    code
}

#[test]
fn a_test_module_declared_at_the_top_hides_only_itself() {
    let text = "use crate::a;\n#[cfg(test)]\nmod fixtures;\nuse crate::b;\n#[cfg(test)]\nmod tests {\n    use crate::c;\n}\n";
    let code = without_tests(text);
    assert!(
        code.contains("crate::a") && code.contains("crate::b"),
        "{code}"
    );
    assert!(
        !code.contains("fixtures") && !code.contains("crate::c"),
        "{code}"
    );
}

/// The modules that `text` (the code of `module`) names through `crate::` or `super::`.
fn imports(module: &Module, text: &str, known: &BTreeSet<Module>) -> BTreeSet<Module> {
    let mut found = BTreeSet::new();
    for (start, _) in text
        .match_indices("crate::")
        .chain(text.match_indices("super::"))
    {
        let preceded_by_path = text[..start].ends_with("::")
            || text[..start].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        if preceded_by_path {
            continue;
        }
        for path in expand(&text[start..]) {
            if let Some(target) = resolve(module, &path, known) {
                found.insert(target);
            }
        }
    }
    found
}

/// The paths one `use` tree or path expression names: `super::{a, b::C}` gives
/// `super::a` and `super::b::C`.
fn expand(text: &str) -> Vec<Vec<String>> {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(text.len());
    let prefix: Vec<String> = text[..end]
        .split("::")
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect();
    if !text[end..].starts_with('{') || !text[..end].ends_with("::") {
        return vec![prefix];
    }
    let inner = text[end + 1..].split('}').next().unwrap_or("");
    inner
        .split(',')
        .map(|item| {
            let mut path = prefix.clone();
            let item = item.split_whitespace().next().unwrap_or("");
            path.extend(
                item.split("::")
                    .filter(|part| !part.is_empty())
                    .map(str::to_owned),
            );
            path
        })
        .collect()
}

/// The deepest known module that `path`, written in `module`, names.
fn resolve(module: &Module, path: &[String], known: &BTreeSet<Module>) -> Option<Module> {
    let mut base = module.clone();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some("super") => {
            while rest.first().is_some_and(|part| part == "super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    (1..=rest.len()).rev().find_map(|length| {
        let mut candidate = base.clone();
        candidate.extend(rest[..length].iter().cloned());
        known.contains(&candidate).then_some(candidate)
    })
}

/// The strongly connected components with more than one module (Tarjan's algorithm).
fn cycles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct Search<'a> {
        edges: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        found: Vec<Vec<Module>>,
    }
    impl<'a> Search<'a> {
        fn visit(&mut self, node: &'a Module) {
            let number = self.index.len();
            self.index.insert(node, number);
            self.low.insert(node, number);
            self.stack.push(node);
            for next in self.edges.get(node).into_iter().flatten() {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.stack.contains(&next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut component = Vec::new();
                while let Some(top) = self.stack.pop() {
                    component.push(top.clone());
                    if top == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    self.found.push(component);
                }
            }
        }
    }
    let mut search = Search {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for node in edges.keys() {
        if !search.index.contains_key(node) {
            search.visit(node);
        }
    }
    search.found
}
