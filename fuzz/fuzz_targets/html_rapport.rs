//! The HTML report renderer with hostile text in every field: whatever the data says, the
//! report has exactly one script (its own), no element or attribute from the data, and only
//! safe link targets. Must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use resurs::report::text::{to_html, to_markdown};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let html = to_html(text).to_ascii_lowercase();
    for bad in ["<script", "<img", "<iframe", "<style", "<svg", "<object", "<embed", "<form", "<input", "href=\"javascript", "href=\"data:", "href=\"vbscript"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    // Every tag left is one pulldown-cmark makes from Markdown.
    let allowed = ["p", "em", "strong", "del", "a", "ul", "ol", "li", "code", "pre", "blockquote", "br", "hr", "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6"];
    for tag in html.split('<').skip(1) {
        let name: String = tag.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
        assert!(allowed.contains(&name.as_str()), "<{name}> in {html}");
    }
    let md = to_markdown(text).to_ascii_lowercase();
    assert!(!md.contains("<script"), "{md}");
    // A link needs an unescaped `](`; `\](` is a literal bracket.
    for (i, _) in md.match_indices("](") {
        let escaped = md[..i].ends_with('\\');
        let target = &md[i + 2..];
        let safe = ["http://", "https://", "mailto:", "tel:"].iter().any(|s| target.starts_with(s));
        assert!(escaped || safe, "unsafe link in {md}");
    }
    let report = resurs::report::html::render(&resurs::report::sample(text));
    assert_eq!(report.matches("<script").count(), 1, "only the report's own script");
});
