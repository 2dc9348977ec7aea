//! Hostile data in every Markdown output (`sok`, `matcha`, `uppfoljning` with `--format md`,
//! `rapport` with and without `--publik`): rendered as GitHub would (pulldown-cmark with the GFM
//! extensions, and comrak, a port of GitHub's cmark-gfm), data adds no structure of its own: no
//! heading, HTML, image, link, code block, list, quote or table cell, and its text is shown
//! literally. Each output of a folder whose free text is an attack is compared with the same
//! output of the same folder with plain text in its place.
//!
//! The folder is `tests/fixtures/fientlig-md/`: `XX` in its plain-text fields, `MM` in its
//! Markdown fields (`beskrivning`, `behovsbild`, `kontaktvag`).

use std::path::Path;

use super::common::{layered, resurs, stderr, stdout};

/// What the attacks are put in place of `XX`, and plain text for the comparison.
const PLAIN: &str = "vanlig";

const ATTACKS: &[&str] = &[
    "<img src=https://evil.example/t.png>",
    "![x](https://evil.example/t.png)",
    "[klicka](https://evil.example)",
    "[x]: https://evil.example",
    "rad\r# Injicerad rubrik",
    "rad\n# Injicerad rubrik",
    "rad\n===",
    "\n===",
    "rad\n---",
    "~~~",
    "```",
    "~~~\n<script>alert(1)</script>",
    "1. punkt",
    "1) punkt",
    "- punkt",
    "+ punkt",
    "* punkt",
    "> citat",
    "    fyra mellanslag",
    "\tflik",
    "<https://evil.example>",
    "https://evil.example",
    "www.evil.example",
    "evil@evil.example",
    "mailto:evil@evil.example",
    "a | b | c",
    "\\| b",
    "&lt;b&gt; &#60; &amp;",
    "*fet* _kursiv_ ~~struken~~",
    "`kod` ``kod``",
    "[^1] och [^1]: fotnot",
    "[ ] uppgift [x] klar",
    "$x^2$ och $$y$$",
    "<div>\nblock\n</div>",
    "<!-- kommentar -->",
    "rad  \nbrytning",
    "rad\\\nbrytning",
    "Mat\u{1b}]0;pwned\u{7}kassar\u{1b}[2J",
    "gnp\u{202e}.exe",
    "***",
    "___",
    "| --- | --- |",
    "<https://evil.example> ",
    "#",
    "\\",
    "&",
];

/// The Markdown fields get Markdown of their own: their structure is theirs (a list stays a
/// list), but nothing that a report does not let through (see `markdown_fields_…`).
const PLAIN_MARKDOWN: &str = "Text från datan.";

/// The outputs compared.
const OUTPUTS: &[&[&str]] = &[
    &["sok", "--format", "md"],
    &["matcha", "--format", "md"],
    &["uppfoljning", "--format", "md"],
    &["rapport", "--format", "md"],
    &["rapport", "--format", "md", "--publik"],
];

/// A string as the inside of a TOML basic string.
fn toml_escape(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// The template folder with `text` in its plain-text fields and `markdown` in its Markdown
/// fields.
pub fn folder(text: &str, markdown: &str) -> tempfile::TempDir {
    let d = layered(&["fientlig-md"]);
    for entry in walkdir::WalkDir::new(d.path()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "toml") {
            let t = std::fs::read_to_string(entry.path()).unwrap();
            let t = t
                .replace("XX", &toml_escape(text))
                .replace("MM", &toml_escape(markdown));
            std::fs::write(entry.path(), t).unwrap();
        }
    }
    d
}

fn run(d: &Path, args: &[&str]) -> String {
    let out = resurs(d, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    assert!(
        !stderr(&out).contains("hoppades över"),
        "a file of the template was skipped: {}",
        stderr(&out)
    );
    stdout(&out)
}

/// The options GitHub renders Markdown with, as far as pulldown-cmark has them.
fn github_options() -> pulldown_cmark::Options {
    use pulldown_cmark::Options as O;
    O::ENABLE_TABLES
        | O::ENABLE_STRIKETHROUGH
        | O::ENABLE_TASKLISTS
        | O::ENABLE_FOOTNOTES
        | O::ENABLE_GFM
        | O::ENABLE_MATH
}

/// The structure of a Markdown text as pulldown-cmark sees it, and the text between: every
/// event but text as it is (with its link targets, heading levels, code), a run of text as
/// `text: …` without its spaces (a value's ends are trimmed) and in lower case. An autolink
/// to `allowed` (the data's own web or e-mail address, which resurs writes as a link where
/// it stands in a contact field) counts as its text.
fn structure(md: &str, allowed: &str) -> Vec<String> {
    use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};
    let mut out: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut allowed_links = Vec::new();
    let flush = |out: &mut Vec<String>, text: &mut String| {
        // Lower case: `sok` writes target groups in lower case, whatever the data says.
        let t = text.split_whitespace().collect::<String>().to_lowercase();
        if !t.is_empty() {
            out.push(format!("text: {t}"));
        }
        text.clear();
    };
    for ev in Parser::new_ext(md, github_options()) {
        match ev {
            Event::Text(t) => text.push_str(&t),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ref dest_url,
                ..
            }) if dest_url.as_ref() == allowed.trim() => allowed_links.push(true),
            Event::Start(Tag::Link { .. }) => {
                allowed_links.push(false);
                flush(&mut out, &mut text);
                out.push(format!("{ev:?}"));
            }
            Event::End(TagEnd::Link) => {
                if allowed_links.pop() != Some(true) {
                    flush(&mut out, &mut text);
                    out.push(format!("{ev:?}"));
                }
            }
            // A break inside a paragraph or a cell is a space.
            Event::SoftBreak => text.push(' '),
            ev => {
                flush(&mut out, &mut text);
                out.push(format!("{ev:?}"));
            }
        }
    }
    flush(&mut out, &mut text);
    out
}

/// What a value shows: its line ends, tabs and runs of spaces as one space, control characters
/// (and bidirectional overrides) as `\u{…}`.
fn shown(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                out.extend(c.escape_unicode());
            }
            c => out.push(c),
        }
    }
    out
}

/// The structure of the plain output with the attack shown in place of the plain text: what
/// the hostile output must be.
fn expected(plain: &[String], attack: &str) -> Vec<String> {
    let shown = shown(attack);
    plain
        .iter()
        .map(|e| match e.strip_prefix("text: ") {
            Some(t) => {
                let t = t.replace(PLAIN, &shown);
                let t = t.split_whitespace().collect::<String>();
                format!("text: {}", t.to_lowercase())
            }
            None => e.clone(),
        })
        .collect()
}

/// The kinds of the nodes of a Markdown text as comrak (GFM, as GitHub renders it) sees them,
/// in document order with their depth: an autolink to `allowed` and the text nodes are left
/// out (the text is compared by [`structure`]).
fn gfm_structure(md: &str, allowed: &str) -> Vec<String> {
    use comrak::nodes::NodeValue;
    let mut options = comrak::Options::default();
    let ext = &mut options.extension;
    ext.strikethrough = true;
    ext.table = true;
    ext.autolink = true;
    ext.tasklist = true;
    ext.footnotes = true;
    ext.math_dollars = true;
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, md, &options);
    let mut out = Vec::new();
    for node in root.descendants() {
        let value = &node.data.borrow().value;
        let depth = node.ancestors().count();
        let kind = match value {
            NodeValue::Text(_) | NodeValue::SoftBreak => continue,
            NodeValue::Link(l)
                if l.url == allowed.trim() || l.url == format!("mailto:{}", allowed.trim()) =>
            {
                continue;
            }
            NodeValue::Link(l) => format!("Link {}", l.url),
            NodeValue::Image(l) => format!("Image {}", l.url),
            NodeValue::Code(c) => format!("Code {}", c.literal),
            // The number of cells that are not empty is the text's business.
            NodeValue::Table(t) => format!("Table {:?} {}", t.alignments, t.num_columns),
            v => format!("{v:?}"),
        };
        out.push(format!("{depth} {kind}"));
    }
    out
}

#[test]
fn data_adds_no_structure_to_any_markdown_output() {
    let plain = folder(PLAIN, PLAIN_MARKDOWN);
    let plain_out: Vec<String> = OUTPUTS.iter().map(|a| run(plain.path(), a)).collect();
    for attack in ATTACKS {
        let d = folder(attack, PLAIN_MARKDOWN);
        for (args, plain_md) in OUTPUTS.iter().zip(&plain_out) {
            let md = run(d.path(), args);
            assert_eq!(
                structure(&md, attack),
                expected(&structure(plain_md, PLAIN), attack),
                "{args:?} with {attack:?}:\n{md}"
            );
            assert_eq!(
                gfm_structure(&md, attack),
                gfm_structure(plain_md, PLAIN),
                "GFM: {args:?} with {attack:?}:\n{md}"
            );
        }
    }
}

/// The web address of an offering or an actor is a link where resurs means one (`sok`'s
/// contact column, the report's ways of contact), and only when it is an http(s) address that
/// an autolink holds as it is.
#[test]
fn a_web_address_is_a_link_only_where_resurs_means_one() {
    let d = folder(PLAIN, PLAIN_MARKDOWN);
    for args in [&["sok", "--format", "md"][..], &["rapport"]] {
        let md = run(d.path(), args);
        assert!(
            md.contains("<https://webbaktor.example/>"),
            "{args:?}:\n{md}"
        );
    }
    let d = folder("https://evil.example/\"><img src=x>", PLAIN_MARKDOWN);
    let md = run(d.path(), &["rapport"]);
    assert!(!md.contains("<img"), "{md}");
    assert!(!md.contains("<https://evil.example"), "{md}");
}

/// Data Markdown keeps its lists, emphasis and safe links, but never becomes a heading, HTML,
/// an image or a code block, and the attacks in it do not leave their field.
#[test]
fn markdown_fields_keep_their_structure_but_nothing_a_report_leaves_out() {
    use pulldown_cmark::{Event, Parser, Tag};
    let plain = folder(PLAIN, PLAIN_MARKDOWN);
    let plain_out: Vec<String> = OUTPUTS.iter().map(|a| run(plain.path(), a)).collect();
    let count = |md: &str| {
        let mut n = [0usize; 5];
        for ev in Parser::new_ext(md, github_options()) {
            match ev {
                Event::Start(Tag::Heading { .. }) => n[0] += 1,
                Event::Html(_) | Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock) => n[1] += 1,
                Event::Start(Tag::Image { .. }) => n[2] += 1,
                Event::Start(Tag::CodeBlock(_)) => n[3] += 1,
                Event::Start(Tag::Link { dest_url, .. })
                    if !dest_url.starts_with("https://webbaktor.example") =>
                {
                    n[4] += 1;
                }
                _ => {}
            }
        }
        n
    };
    for attack in ATTACKS {
        let d = folder(PLAIN, attack);
        for (args, plain_md) in OUTPUTS.iter().zip(&plain_out) {
            let md = run(d.path(), args);
            let (got, want) = (count(&md), count(plain_md));
            assert_eq!(got[..4], want[..4], "{args:?} with {attack:?}:\n{md}");
            // Only a link the data wrote as one, to a web address, stays a link.
            let links = attack.contains("](https://") || attack.starts_with("<https://");
            assert!(
                got[4] == want[4] || links,
                "{args:?} with {attack:?}:\n{md}"
            );
        }
    }
}

/// A file name is an id, and a stranger chooses it: it is shown literally too.
#[test]
fn an_id_from_a_hostile_file_name_is_text() {
    let d = folder(PLAIN, PLAIN_MARKDOWN);
    let dir = d.path().join("aktorer/angripare/insatser");
    std::fs::rename(
        dir.join("planerad.toml"),
        dir.join("x`<img src=y>` | [k](https:evil.example).toml"),
    )
    .unwrap();
    for args in OUTPUTS {
        let md = run(d.path(), args);
        for ev in pulldown_cmark::Parser::new_ext(&md, github_options()) {
            use pulldown_cmark::{Event, Tag};
            assert!(
                !matches!(
                    ev,
                    Event::Html(_)
                        | Event::InlineHtml(_)
                        | Event::Start(Tag::Image { .. } | Tag::HtmlBlock)
                ),
                "{args:?}: {ev:?}\n{md}"
            );
            if let Event::Start(Tag::Link { dest_url, .. }) = ev {
                assert!(dest_url.starts_with("https://webbaktor"), "{args:?}\n{md}");
            }
        }
    }
}
