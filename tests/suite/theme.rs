//! A site's own theme files over the default theme's: the template contract as a theme
//! author meets it.

use std::path::Path;

use super::support::{build, copy_fixture_unpublished, read, temp_dir, write};

/// A contribution's list item is rendered once per portal (`partials/item.html`), not once
/// per page listing it; its links must still lead from each of those pages, whatever their
/// depth: the home page, the front door at the site root, a listing, an objective's page,
/// "what changed" — in every language.
#[test]
fn a_site_item_template_shows_in_every_list_with_links_from_each_page() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    write(
        &root.join("themes/default/templates/partials/item.html"),
        r#"<li class="own-item" data-lang="{{ lang }}"><a href="{{ root }}{{ item.url }}">{{ item.title }}</a> · {{ messages["nav-menu"] }}</li>"#,
    );
    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);
    let lists = [
        ("index.html", "en"),
        ("2025/index.html", "en"),
        ("2025/contributions/index.html", "en"),
        ("2025/objectives/a/index.html", "en"),
        ("fr/2025/contributions/index.html", "fr"),
        ("2026/changes/index.html", "en"),
        ("fr/2026/index.html", "fr"),
    ];
    for (page, language) in lists {
        let html = read(&output.join(page));
        let items: Vec<&str> = html.split(r#"<li class="own-item""#).skip(1).collect();
        assert!(
            !items.is_empty(),
            "{page} lists no item of the site's theme:\n{html}"
        );
        for item in items {
            assert!(
                item.starts_with(&format!(r#" data-lang="{language}""#)),
                "{page}: {item}"
            );
            let href = item
                .split(r#"href=""#)
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .expect("an item's link");
            let target = Path::new(page).parent().expect("a folder").join(href);
            assert!(
                output.join(&target).join("index.html").is_file(),
                "{page}: the item's link {href} leads nowhere"
            );
        }
        assert!(
            !html.contains('\u{E001}'),
            "{page} kept the root placeholder"
        );
    }
}

/// `item.html` sees the portal, not the page: a page's own variable named in it is a
/// template error naming the file, not a list silently printed wrong.
#[test]
fn an_item_template_naming_a_page_variable_is_an_error_naming_it() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    write(
        &root.join("themes/default/templates/partials/item.html"),
        r#"<li><a href="{{ root }}{{ item.url }}">{{ item.title }}</a> {{ pagination.current }}</li>"#,
    );
    let run = build(&root, &temp.path().join("public"));
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("error: the template failed while rendering the list item of `/2025/")
            && run
                .stderr
                .contains("themes/default/templates/partials/item.html"),
        "{}",
        run.stderr
    );
}

/// "What changed" lists the newest 20 new contributions and links to the edition's full
/// listing for the rest: an edition of thousands would otherwise make it megabytes.
#[test]
fn what_changed_lists_the_newest_new_contributions_and_links_to_the_rest() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    for number in 0..25 {
        write(
            &root.join(format!("content/contributions/extra-{number:02}.md")),
            &super::support::contribution(&format!("Extra {number:02}"), "A", "A body.\n"),
        );
    }
    let output = temp.path().join("public");
    build(&root, &output).assert_code(0);
    let html = read(&output.join("2026/changes/index.html"));
    let (_, new) = html
        .split_once(r#"<ol class="items">"#)
        .expect("a list of new contributions");
    let (list, after) = new.split_once("</ol>").expect("the list's end");
    assert_eq!(list.matches("<li>").count(), 20, "{list}");
    assert!(
        after.starts_with("\n<p><a href=\"../contributions/\">All contributions</a></p>"),
        "{after}"
    );
}
