//! Places problems of a Markdown body at their line and column in the file.
//!
//! The line starts are found once per document, when its first problem is placed, so a
//! body with thousands of problems is still read once (not once per problem).

use std::cell::OnceCell;

use crate::diagnostic::{Diagnostic, Position};
use crate::model::Markdown;

/// Turns byte offsets of a Markdown body into file positions.
pub struct Locator<'a> {
    markdown: &'a Markdown,
    line_starts: OnceCell<Vec<usize>>,
}

impl<'a> Locator<'a> {
    pub fn new(markdown: &'a Markdown) -> Self {
        Locator {
            markdown,
            line_starts: OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let text = self.markdown.text.as_str();
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(index, _)| index + 1))
                .collect()
        })
    }

    /// `diagnostic` placed at byte `offset` of the body, with the line it points to.
    pub fn place(&self, mut diagnostic: Diagnostic, offset: usize) -> Diagnostic {
        let text = self.markdown.text.as_str();
        let offset = offset.min(text.len());
        let starts = self.line_starts();
        let index = starts.partition_point(|start| *start <= offset).max(1) - 1;
        let start = starts.get(index).copied().unwrap_or(0);
        let end = starts.get(index + 1).map_or(text.len(), |next| next - 1);
        let line_text = text.get(start..end).unwrap_or("");
        let column = text
            .get(start..offset)
            .map_or(0, |before| before.chars().count()) as u64;
        let position = Position::new(index as u64 + 1 + self.markdown.line_offset, column + 1);
        diagnostic.line = Some(position.line);
        diagnostic.column = Some(position.column);
        diagnostic.source_line = Some(line_text.trim_end_matches('\r').to_owned());
        diagnostic
    }

    /// `diagnostic` placed at `column` of the `lines_below`-th line after the line holding
    /// byte `offset` (a problem inside a fenced block, counted from its fence).
    pub fn place_below(
        &self,
        diagnostic: Diagnostic,
        offset: usize,
        lines_below: u64,
        column: u64,
    ) -> Diagnostic {
        let starts = self.line_starts();
        let fence = starts
            .partition_point(|start| *start <= offset.min(self.markdown.text.len()))
            .max(1)
            - 1;
        let line = fence.saturating_add(usize::try_from(lines_below).unwrap_or(usize::MAX));
        let Some(start) = starts.get(line).copied() else {
            return self.place(diagnostic, offset);
        };
        let mut placed = self.place(diagnostic, start);
        placed.column = Some(column.max(1));
        placed
    }

    /// The file the body comes from.
    pub fn file(&self) -> &'a str {
        &self.markdown.file
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns_after_the_front_matter() {
        let markdown = Markdown {
            file: "x.md".to_owned(),
            text: std::sync::Arc::new("first\nsécond line\n".to_owned()),
            line_offset: 4,
        };
        let locator = Locator::new(&markdown);
        let placed = locator.place(Diagnostic::error("x.md", "m"), "first\nséc".len());
        assert_eq!((placed.line, placed.column), (Some(6), Some(4)));
        assert_eq!(placed.source_line.as_deref(), Some("sécond line"));
        let first = locator.place(Diagnostic::error("x.md", "m"), 0);
        assert_eq!((first.line, first.column), (Some(5), Some(1)));
    }
}
