//! The HTML report renderer with hostile text in every field: whatever the data says, the
//! report has exactly one script (its own), no element or attribute from the data, and only
//! safe link targets. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resurs::render::sanitize::{to_html, to_markdown};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let html = to_html(text).to_ascii_lowercase();
    // Text from the data is escaped (`<` is `&lt;`), so every `<` starts a real tag: check the
    // tags, not the text (text may well say `href="javascript:`).
    let allowed = ["p", "em", "strong", "del", "a", "ul", "ol", "li", "code", "pre", "blockquote", "br", "hr", "table", "thead", "tbody", "tr", "th", "td"];
    for tag in html.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let name: String = tag.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
        assert!(allowed.contains(&name.as_str()), "<{name}> in {html}");
        let bare: String = tag.split('"').step_by(2).collect::<Vec<_>>().join(" ");
        assert!(!bare.split_whitespace().any(|w| w.starts_with("on")), "event handler in <{tag}>");
        if let Some(at) = tag.find("href=\"") {
            let url = &tag[at + 6..];
            let url = &url[..url.find('"').unwrap_or(url.len())];
            let safe = ["http://", "https://", "mailto:", "tel:", "#"].iter().any(|p| url.trim_start().starts_with(p));
            assert!(safe, "href=\"{url}\" in {html}");
        }
    }
    // The Markdown written for the report, read back by a CommonMark parser: no raw HTML
    // and no link to anything but http, https, mailto and tel.
    let md = to_markdown(text);
    for ev in pulldown_cmark::Parser::new(&md) {
        match ev {
            pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => panic!("raw HTML {h:?} in {md:?}"),
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) => {
                let url = dest_url.to_ascii_lowercase();
                let safe = ["http://", "https://", "mailto:", "tel:"].iter().any(|p| url.starts_with(p));
                assert!(safe, "link to {url:?} in {md:?}");
            }
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { .. }) => panic!("image in {md:?}"),
            _ => {}
        }
    }
    let report = resurs::render::report::html::render(&resurs::report::sample(text));
    assert_eq!(report.matches("<script").count(), 1, "only the report's own script");
});
