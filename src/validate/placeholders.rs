//! The texts `rapporteur new` writes for the author to replace.
//!
//! They live here, below `new`, because `check` refuses a file that still holds one:
//! the validator owns the rule, and `new` writes what the rule names.

/// The skeleton's title, an error in `check` until it is replaced.
pub const TITLE: &str = "A short title that says what was done and where";

/// The skeleton's stakeholder name, an error in `check` until it is replaced.
pub const STAKEHOLDER: &str = "Your organization";

/// The body every new contribution starts with, an error in `check` until it is replaced.
pub const CONTRIBUTION_BODY: &str =
    "Describe the work in a few paragraphs: what was done, for whom, with whom, what changed,
and what remains to be done. You can use Markdown: **bold**, lists, tables and links.
";

/// The body every new policy note starts with, an error in `check` until it is replaced.
pub const NOTE_BODY: &str =
    "Write the note here: the issue, what the contributions show, and the options they
point to. You can use Markdown: headings, **bold**, lists, tables and links.
";

/// The body every new chapter starts with, an error in `check` until it is replaced.
pub const CHAPTER_BODY: &str =
    "Write the chapter here. You can use Markdown: headings, **bold**, lists, tables and links.
";
