//! The HTML report renderer with hostile text in every field: whatever the data says, the
//! report has exactly one script (its own), no element or attribute from the data, and only
//! safe link targets. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resurs::report::text::{to_html, to_markdown};

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
    let md = to_markdown(text).to_ascii_lowercase();
    // A link needs an unescaped `](` outside code spans: `\](` is a literal bracket, and a code
    // span (between backticks; `to_markdown` keeps backticks out of its content) is text.
    // An escaped backtick (`\\``) is text, not the edge of a code span.
    let outside_code: String = md.replace("\\`", "'").split('`').step_by(2).collect::<Vec<_>>().join(" ");
    // Outside code, `<` is always an entity or an autolink: no raw HTML reaches a Markdown renderer.
    for (i, _) in outside_code.match_indices('<') {
        let rest = &outside_code[i + 1..];
        assert!(rest.starts_with("http") || rest.starts_with("mailto"), "{md}");
    }
    for (i, _) in outside_code.match_indices("](") {
        let escaped = outside_code[..i].ends_with('\\');
        let target = &outside_code[i + 2..];
        let safe = ["http://", "https://", "mailto:", "tel:"].iter().any(|s| target.starts_with(s));
        assert!(escaped || safe, "unsafe link in {md}");
    }
    let report = resurs::report::html::render(&resurs::report::sample(text));
    assert_eq!(report.matches("<script").count(), 1, "only the report's own script");
});
