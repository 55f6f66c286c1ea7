//! Text from `site.yaml` and from contributions reaches Atom feeds and the sitemap through
//! the one markup escaper (`src/escape.rs`): a quote cannot end an attribute, and the
//! files stay well-formed XML whatever the site's address or a contributor's name holds.

use super::support::{build, contribution, copy_fixture_unpublished, read, temp_dir, write};

#[test]
fn a_quote_in_the_base_url_cannot_end_a_feed_attribute() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let site = read(&root.join("site.yaml"));
    write(
        &root.join("site.yaml"),
        &site.replace(
            "base_url: \"https://example.org/minimal/\"",
            "base_url: 'https://example.org/a\"b/'",
        ),
    );
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);

    let feed = read(&output.join("feeds/2025.xml"));
    assert!(
        feed.contains("<link rel=\"self\" href=\"https://example.org/a&quot;b/feeds/2025.xml\"/>"),
        "{feed}"
    );
    assert!(!feed.contains("a\"b"), "{feed}");
    let sitemap = read(&output.join("sitemap.xml"));
    assert!(
        sitemap.contains("<loc>https://example.org/a&quot;b/</loc>"),
        "{sitemap}"
    );
}

#[test]
fn quotes_and_ampersands_in_a_contribution_are_escaped_in_its_feed_entry() {
    let temp = temp_dir();
    let root = copy_fixture_unpublished("minimal", temp.path());
    let text = contribution("Tom's <b>\\\"first\\\"</b> & last", "A", "Body.")
        .replace("name: \"Test Organization\"", "name: \"O'Neil & Sons\"");
    write(&root.join("content/contributions/quoted.md"), &text);
    let output = temp.path().join("out");
    build(&root, &output).assert_code(0);

    let feed = read(&output.join("feeds/2026.xml"));
    assert!(
        feed.contains("<title>Tom&#39;s &lt;b&gt;&quot;first&quot;&lt;/b&gt; &amp; last</title>"),
        "{feed}"
    );
    assert!(
        feed.contains("<author><name>O&#39;Neil &amp; Sons</name></author>"),
        "{feed}"
    );
}
