//! The HTML report against each XSS context of the OWASP XSS Prevention Cheat Sheet: element
//! content, attribute values, URLs, and inline script (and style) data. Hostile text is put in
//! every field of a report (`report::sample`), and through the whole pipeline from data files.

mod common;

use common::{layered, resurs, stdout};
use resurs::render::report::html;
use resurs::report::sample;

const PAYLOADS: [&str; 8] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "</script><script>alert(1)</script></style><style>*{display:none}</style>",
];

fn render(payload: &str) -> String {
    html::render(&sample(payload))
}

#[test]
fn element_content_is_escaped() {
    for p in PAYLOADS {
        let out = render(p);
        assert!(!out.contains("<img"), "{p}");
        assert!(!out.contains("<script>alert"), "{p}");
        if p.starts_with('<') {
            assert!(out.contains("&lt;"), "{p}: escaped text expected");
        }
    }
}

#[test]
fn attribute_values_cannot_be_broken_out_of() {
    for p in PAYLOADS {
        let out = render(p);
        // Every attribute value is double-quoted, and `"` and `'` from data are entities
        // there (in element content a quote is harmless text).
        // No tag carries an event handler (text may mention one, escaped).
        for tag in out.split('<').skip(1) {
            let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
            // Outside quoted values (which are escaped text).
            let bare: String = tag.split('"').step_by(2).collect::<Vec<_>>().join(" ");
            let handler = bare
                .split_whitespace()
                .any(|w| w.to_ascii_lowercase().starts_with("on") && w.contains('='));
            assert!(!handler, "{p}: <{tag}>");
        }
        for attr in [
            "data-id=\"",
            "data-omraden=\"",
            "data-sok=\"",
            "data-label=\"",
            "value=\"",
            "label=\"",
            "data-kategori=\"",
        ] {
            for (i, _) in out.match_indices(attr) {
                let value = &out[i + attr.len()..];
                let end = value.find('"').unwrap();
                assert!(
                    !value[..end].contains(['<', '>', '\'']),
                    "{p}: {attr}{}",
                    &value[..end]
                );
            }
        }
    }
}

#[test]
fn urls_only_http_https_mailto_and_tel() {
    for p in PAYLOADS {
        let out = render(p);
        for (i, _) in out.match_indices("href=\"") {
            let url = &out[i + 6..];
            let url = url[..url.find('"').unwrap()].trim().to_ascii_lowercase();
            if url.starts_with('#') {
                continue;
            }
            let ok = url.starts_with("https://")
                || url.starts_with("http://")
                || url.starts_with("mailto:")
                || url.starts_with("tel:");
            assert!(ok, "{p}: href=\"{url}\"");
            assert!(
                !url.contains("javascript") && !url.contains("data:"),
                "{p}: {url}"
            );
        }
    }
}

#[test]
fn inline_script_and_style_hold_no_data() {
    for p in PAYLOADS {
        let out = render(p);
        assert_eq!(out.matches("<script").count(), 1, "{p}");
        assert_eq!(out.matches("</script>").count(), 1, "{p}");
        let start = out.find("<script>").unwrap() + "<script>".len();
        let end = out.find("</script>").unwrap();
        assert_eq!(
            &out[start..end],
            html::SCRIPT,
            "{p}: the script is the report's own, unchanged"
        );
        assert_eq!(out.matches("<style").count(), 1, "{p}");
        let start = out.find("<style>").unwrap() + "<style>".len();
        let end = out.find("</style>").unwrap();
        assert_eq!(
            &out[start..end],
            html::CSS,
            "{p}: the style sheet is the report's own"
        );
    }
}

#[test]
fn the_whole_pipeline_from_hostile_files() {
    let d = layered(&["bas", "fientlig"]);
    // An id with quotes and angle brackets, from a file name.
    std::fs::write(
        d.path().join("aktorer/xss/insatser/x\"><svg onload=alert(1)>.toml"),
        "namn = \"Id-attack\"\nbeskrivning = \"x\"\nbehov = [\"mat\"]\nmalgrupper = [\"alla\"]\nstatus = \"aktiv\"\nsenast_granskad = 2026-10-01\n",
    )
    .unwrap();
    let out = stdout(&resurs(d.path(), &["rapport", "--format", "html"]));
    assert!(out.contains("Id-attack"), "the file is in the report");
    assert!(!out.contains("<svg"), "the id is escaped");
    assert!(
        out.contains("data-id=\"xss/x&quot;&gt;&lt;svg onload=alert(1)&gt;\""),
        "{}",
        out.lines()
            .find(|l| l.contains("Id-attack"))
            .unwrap_or_default()
    );
    assert_eq!(out.matches("<script").count(), 1);
}
