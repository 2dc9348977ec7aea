//! Finds control characters and bidi controls in a file's text (`W010`): an escape sequence
//! written as `\u001b` or `\e` in a TOML string clears a terminal or sets its title, a bidi
//! override (U+202E) shows `exe.png` as `gnp.exe`, in a terminal and in a reviewer's diff.
//! `resurs` shows them escaped wherever it prints; this warns whoever merges the pull request.
//! Tab and newline are text; the marks that right-to-left writing needs (U+200E, U+200F,
//! U+061C) are too, and give no warning.

use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Code, Loc, Problem};
use crate::text::is_bidi_control;

/// A character that gives a warning: a control character other than tab and newline, or a
/// bidi embedding, override or isolate.
fn flagged(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || is_bidi_control(c)
}

/// Warns (`W010`) once per line about the flagged characters on it: those written as
/// themselves anywhere in the file (a TOML file may hold C1 controls and bidi controls as
/// they are, in strings and comments alike; the other control characters are syntax errors),
/// and those written as escapes in the strings of `doc`.
pub fn scan(doc: &DeTable<'_>, text: &str, file: &Path, out: &mut Vec<Problem>) {
    // Written as themselves they are C1 controls (bytes C2 80–C2 9F) and bidi controls
    // (E2 80 AA–E2 81 A9): only those lead bytes are looked at.
    let mut found: Vec<(Range<usize>, char)> = memchr::memchr2_iter(0xc2, 0xe2, text.as_bytes())
        .filter_map(|i| {
            let c = text.get(i..)?.chars().next()?;
            flagged(c).then(|| (i..i + c.len_utf8(), c))
        })
        .collect();
    strings(doc, text, &mut found);
    found.sort_by_key(|(r, _)| r.start);
    found.dedup_by_key(|(r, _)| r.start);
    // One warning per line, at its first such character, naming each of them once.
    let mut i = 0;
    while i < found.len() {
        let start = found[i].0.start;
        let line_end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |n| start + n);
        let mut j = i;
        let mut chars: Vec<char> = Vec::new();
        while j < found.len() && found[j].0.start < line_end {
            if !chars.contains(&found[j].1) && chars.len() < 5 {
                chars.push(found[j].1);
            }
            j += 1;
        }
        out.push(problem(file, found[i].0.clone(), &chars));
        i = j;
    }
}

fn problem(file: &Path, span: Range<usize>, chars: &[char]) -> Problem {
    let names: Vec<String> = chars
        .iter()
        .map(|c| format!("`{}`", c.escape_unicode()))
        .collect();
    let bidi = chars.iter().any(|&c| is_bidi_control(c));
    let control = chars.iter().any(|&c| !is_bidi_control(c));
    let what = match (control, bidi) {
        (true, true) => "styrtecken och tecken som vänder textens riktning",
        (false, true) => "tecken som vänder textens riktning",
        _ => "styrtecken",
    };
    Problem::new(
        Code::W010,
        file,
        Loc::Span(span),
        format!("texten innehåller {what} ({})", names.join(", ")),
    )
    .label(if bidi && !control {
        "får texten att visas i en annan ordning än den står"
    } else {
        "en terminal lyder tecknet i stället för att visa det"
    })
    .help(
        "ta bort tecknet; tabb och radbrytning går bra, och höger-till-vänster-text behöver bara \
         U+200F (RLM), U+200E (LRM) eller U+061C (ALM), som är tillåtna",
    )
}

/// The flagged characters written as escapes (`\u001b`, `\e`, `\x1b`, `\b`, `\f`, `\r`) in
/// the basic strings of `doc`, at their escapes' places in `text`.
fn strings(doc: &DeTable<'_>, text: &str, found: &mut Vec<(Range<usize>, char)>) {
    for v in doc.values() {
        value(v, text, found);
    }
}

fn value(v: &toml::Spanned<DeValue<'_>>, text: &str, found: &mut Vec<(Range<usize>, char)>) {
    match v.get_ref() {
        DeValue::String(s) if s.chars().any(flagged) => {
            let span = v.span();
            if let Some(raw) = text.get(span.clone()) {
                escapes(raw, span.start, found);
            }
        }
        DeValue::Array(items) => {
            for item in items {
                value(item, text, found);
            }
        }
        DeValue::Table(t) => strings(t, text, found),
        _ => {}
    }
}

/// The escapes of a basic string (`raw` with its quotes, at `offset` in the file) that stand
/// for a flagged character. A literal string (`'…'`) has no escapes.
fn escapes(raw: &str, offset: usize, found: &mut Vec<(Range<usize>, char)>) {
    if !raw.starts_with('"') {
        return;
    }
    let b = raw.as_bytes();
    let mut i = 0;
    while let Some(n) = memchr::memchr(b'\\', &b[i..]) {
        let at = i + n;
        let Some(&kind) = b.get(at + 1) else {
            return;
        };
        let hex = |len: usize| {
            raw.get(at + 2..at + 2 + len)
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32)
                .map(|c| (c, 2 + len))
        };
        let decoded = match kind {
            b'e' => Some(('\u{1b}', 2)),
            b'b' => Some(('\u{8}', 2)),
            b'f' => Some(('\u{c}', 2)),
            b'r' => Some(('\r', 2)),
            b'x' => hex(2),
            b'u' => hex(4),
            b'U' => hex(8),
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                if flagged(c) {
                    found.push((offset + at..offset + at + len, c));
                }
                i = at + len;
            }
            // `\\`, `\"`, `\n`, `\t`, a line-ending backslash: two bytes either way.
            None => i = at + 2,
        }
        if i >= b.len() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(text: &str) -> Vec<(String, String)> {
        let doc = DeTable::parse(text).unwrap();
        let mut out = Vec::new();
        scan(doc.get_ref(), text, Path::new("a.toml"), &mut out);
        out.into_iter()
            .map(|p| {
                let Loc::Span(s) = p.loc else { panic!() };
                (text[s].to_owned(), p.message)
            })
            .collect()
    }

    #[test]
    fn finds_escapes_that_a_terminal_obeys() {
        let w = warnings("namn = \"Mat\\u001b]0;pwned\\u0007kassar\\u001b[2J\"\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].0, "\\u001b");
        assert_eq!(w[0].1, "texten innehåller styrtecken (`\\u{1b}`, `\\u{7}`)");
        for (text, at) in [
            ("a = \"x\\e[2J\"", "\\e"),
            ("a = \"x\\x1b[2J\"", "\\x1b"),
            ("a = \"x\\U0000009b2J\"", "\\U0000009b"),
            ("a = \"x\\ry\"", "\\r"),
            ("a = [\"ok\", {b = \"x\\b\"}]", "\\b"),
            ("[t]\na = \"\"\"\nrad\\u202E\"\"\"", "\\u202E"),
        ] {
            let w = warnings(text);
            assert_eq!(w.len(), 1, "{text}: {w:?}");
            assert_eq!(w[0].0, at, "{text}");
        }
    }

    #[test]
    fn finds_bidi_controls_and_c1_written_as_themselves() {
        let w = warnings("namn = \"\u{202e}gnp.exe\" # \u{2066}\nb = \"x\u{9b}2J\"\n");
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(w[0].0, "\u{202e}");
        assert!(w[0].1.contains("vänder textens riktning"), "{w:?}");
        assert_eq!(w[1].0, "\u{9b}");
        assert_eq!(warnings("a = \"x\u{85}y\"").len(), 1);
    }

    #[test]
    fn allows_text_tabs_newlines_and_right_to_left_marks() {
        for text in [
            "a = \"Råd\\toch\\nstöd\"",
            "a = \"\"\"\nett\ntvå\n\"\"\"",
            "a = \"مرحبا\u{200f} بالعربية\u{61c}\u{200e}\"",
            "a = 'C:\\u001b är text'",
            "a = \"\\\\u001b är text\"",
            "a = \"\\\\\\\\e\"",
        ] {
            assert!(warnings(text).is_empty(), "{text}: {:?}", warnings(text));
        }
    }
}
