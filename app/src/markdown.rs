//! Markdown from people (backgrounds, comments) rendered to HTML that is safe to put in a page.
//!
//! Two steps, both from maintained crates rather than home-made filters: `pulldown-cmark` turns
//! CommonMark into HTML (raw HTML in the input passes through it), then `ammonia` keeps only an
//! allow-list of tags and attributes and drops every script, event handler, style and
//! `javascript:`/`data:` URL. Only this function's output is ever inserted as HTML; everything else
//! user-written is rendered as escaped text. Server-only: the browser receives the finished HTML.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::sync::LazyLock;

/// Renders `markdown` to sanitised HTML.
pub fn render(markdown: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, images_as_links(Parser::new_ext(markdown, options)));
    SANITISER.clean(&unsafe_html).to_string()
}

/// Images become links to them: a page shows nothing from another host (which would tell that
/// host who reads a restricted project, and when) and requests no broken relative address on every
/// view. The alt text is the link's text; an image without one is named by its address.
fn images_as_links<'a>(events: impl Iterator<Item = Event<'a>>) -> impl Iterator<Item = Event<'a>> {
    // The address of the image just opened, while nothing has been written inside it.
    let mut unnamed: Option<CowStr<'a>> = None;
    events.flat_map(move |event| match event {
        Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
            unnamed = Some(dest_url.clone());
            vec![Event::Start(Tag::Link { link_type, dest_url, title, id })]
        }
        Event::End(TagEnd::Image) => match unnamed.take() {
            Some(address) => vec![Event::Text(address), Event::End(TagEnd::Link)],
            None => vec![Event::End(TagEnd::Link)],
        },
        other => {
            unnamed = None;
            vec![other]
        }
    })
}

static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    // Links open safely and tell search engines nothing; only web and mail links survive.
    builder.link_rel(Some("noopener noreferrer nofollow"));
    builder.url_schemes(["http", "https", "mailto"].into_iter().collect());
    // Images written as raw HTML go too (Markdown images are links by now, see `images_as_links`).
    builder.rm_tags(["img"]);
    // Task-list checkboxes from `- [x]` render, disabled.
    builder.add_tags(["input"]);
    builder.add_tag_attributes("input", ["type", "checked", "disabled"]);
    builder.set_tag_attribute_value("input", "disabled", "");
    builder
});

/// The `@username` mentions in a text, lowercased, each once, in order of first appearance.
/// A mention starts at the beginning or after a character that cannot be part of a username (so
/// `name@example.com` is not a mention).
pub fn mentions(text: &str) -> Vec<String> {
    let is_name_char = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    let mut found: Vec<String> = Vec::new();
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        if c == '@' && !previous.is_some_and(is_name_char) {
            let rest = &text[i + 1..];
            let name: String = rest.chars().take_while(|&c| is_name_char(c)).collect();
            let name = name.trim_end_matches(['.', '-']).to_ascii_lowercase();
            if name.len() >= 2 && !found.contains(&name) {
                found.push(name);
            }
        }
        previous = Some(c);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders_headings_lists_and_tables() {
        let html = render("## 客户视角\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<h2>客户视角</h2>"));
        assert!(html.contains("<li>one</li>"));
        assert!(html.contains("<td>1</td>"));
    }

    #[test]
    fn scripts_handlers_and_javascript_urls_are_removed() {
        let html = render(
            "<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <a href=\"https://ok.example\">ok</a>",
        );
        assert!(!html.contains("<script") && !html.contains("onerror") && !html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("<a rel=\"noopener noreferrer nofollow\">x</a>"), "the javascript: link loses its href: {html}");
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
    }

    #[test]
    fn images_load_nothing_they_become_links() {
        let html =
            render("![diagram](https://tracker.example/pixel.png)\n\n![](img/flow.png)\n\n<img src=\"https://tracker.example/raw.png\">");
        assert!(!html.contains("<img"), "no image is loaded: {html}");
        assert!(html.contains("<a href=\"https://tracker.example/pixel.png\" rel=\"noopener noreferrer nofollow\">diagram</a>"), "{html}");
        assert!(
            html.contains("<a href=\"img/flow.png\" rel=\"noopener noreferrer nofollow\">img/flow.png</a>"),
            "a relative image is a link named by its address: {html}"
        );
    }

    #[test]
    fn mentions_are_found_once_and_emails_are_not_mentions() {
        assert_eq!(mentions("@xiaolan please check, cc @XiaoMing. mail a@b.com @xiaolan"), ["xiaolan", "xiaoming"]);
        assert!(mentions("no mentions here @ all").is_empty());
    }
}
