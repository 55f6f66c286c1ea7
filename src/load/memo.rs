//! A memo of parsed YAML, turned on by `serve` only.
//!
//! Validating a site parses every document's front matter, which is most of the time a
//! validation takes: on 10,000 contributions, far more than a live preview can spend
//! after each save. Parsing is a pure function of the YAML text, so `serve` turns this
//! memo on and a rebuild parses only the front matter that changed; everything after
//! parsing (every check, every cross-document rule) runs as in `build`, so serve finds
//! exactly the problems `check` finds. `build` and `check` parse each file once and
//! never turn the memo on, so their memory use is unchanged.
//!
//! The memo is process-wide rather than passed along because parsing happens deep inside
//! `validate`, which takes only the loaded sources. Entries are kept per generation:
//! [`next_generation`] (called before each full validation) forgets the entries the
//! previous one did not use, such as the old versions of edited files, so the memo holds
//! about one parse per file of the site, plus one per save since the last full
//! validation. (After a save of contributions alone, serve validates only the changed
//! files, `validate::update`, and leaves the other entries alone: they are what the next
//! full validation, after a change of site.yaml or a data file, needs.)

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Parsed values by type, then by the YAML text they were parsed from.
#[derive(Default)]
struct Memo {
    generation: u64,
    entries: HashMap<TypeId, HashMap<Box<str>, Entry>>,
}

struct Entry {
    value: Arc<dyn Any + Send + Sync>,
    /// The last generation that used it.
    used: u64,
}

static MEMO: OnceLock<Mutex<Memo>> = OnceLock::new();

/// Turns the memo on for the rest of the process.
pub fn enable() {
    MEMO.get_or_init(Mutex::default);
}

/// Starts a new generation, forgetting what the one ending did not use.
pub fn next_generation() {
    let Some(Ok(mut memo)) = MEMO.get().map(Mutex::lock) else {
        return;
    };
    let ending = memo.generation;
    for by_text in memo.entries.values_mut() {
        by_text.retain(|_, entry| entry.used == ending);
    }
    memo.generation += 1;
}

/// `parse()`, or a copy of what it returned for the same `yaml` before, when the memo
/// is on. Errors are not kept: they are rare, and their diagnostics are cheap to redo.
pub fn memoized<T: Clone + Send + Sync + 'static, E>(
    yaml: &str,
    parse: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    let Some(memo) = MEMO.get() else {
        return parse();
    };
    if let Some(value) = lookup::<T>(memo, yaml) {
        return Ok(value);
    }
    let value = parse()?;
    if let Ok(mut memo) = memo.lock() {
        let used = memo.generation;
        let entry = Entry {
            value: Arc::new(value.clone()),
            used,
        };
        memo.entries
            .entry(TypeId::of::<T>())
            .or_default()
            .insert(yaml.into(), entry);
    }
    Ok(value)
}

/// The memoised value for `yaml`; a poisoned memo is a miss (the text is parsed again,
/// with the same result), never an error.
fn lookup<T: Clone + 'static>(memo: &Mutex<Memo>, yaml: &str) -> Option<T> {
    let mut memo = memo.lock().ok()?;
    let generation = memo.generation;
    let entry = memo.entries.get_mut(&TypeId::of::<T>())?.get_mut(yaml)?;
    entry.used = generation;
    entry.value.downcast_ref::<T>().cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_yaml_is_parsed_once_and_forgotten_when_unused() {
        enable();
        let parses = std::cell::Cell::new(0);
        let parse = |text: &str| {
            memoized::<String, ()>(text, || {
                parses.set(parses.get() + 1);
                Ok(format!("parsed {text}"))
            })
        };
        let text = "memo-test: unique text of this test";
        assert_eq!(parse(text), Ok(format!("parsed {text}")));
        assert_eq!(parse(text), Ok(format!("parsed {text}")));
        assert_eq!(parses.get(), 1);
        next_generation();
        next_generation();
        assert_eq!(parse(text), Ok(format!("parsed {text}")));
        assert_eq!(
            parses.get(),
            2,
            "an entry unused for a generation is forgotten"
        );
    }
}
