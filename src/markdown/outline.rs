//! One heading outline under the page's `h1`: the body's first heading is an `h2`, and none
//! is more than one level below the one before (`#` and `###` right under the title become
//! `h2`). Contributors write `###` for a section as often as `##`; a page whose outline
//! skips a level is harder to navigate with a screen reader, and invalid for the Nu HTML
//! Checker.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::Heading;

/// Renumbers the heading events and the table-of-contents `headings` alike.
pub fn outline(events: &mut [Event<'_>], headings: &mut [Heading]) {
    let mut previous = 1u8;
    let mut current = HeadingLevel::H2;
    let mut index = 0;
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let wanted = (*level as u8).clamp(2, previous + 1);
                current = HeadingLevel::try_from(usize::from(wanted)).unwrap_or(HeadingLevel::H6);
                *level = current;
                previous = wanted;
                if let Some(heading) = headings.get_mut(index) {
                    heading.level = wanted;
                }
                index += 1;
            }
            Event::End(TagEnd::Heading(level)) => *level = current,
            _ => {}
        }
    }
}
