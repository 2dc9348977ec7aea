//! Text from the data folder made safe for Markdown: every Markdown output (`sok`, `matcha`
//! and `uppfoljning` with `--format md`, `rapport --format md`) writes data through here, so
//! that a renderer (GitHub's GFM, any CommonMark renderer) shows it literally and it adds no
//! structure of its own: no heading, list, quote, code block, table row or cell, HTML, image,
//! link, autolink, link reference definition, footnote, task list, emphasis, strikethrough,
//! math or entity.
//!
//! [`web_address`] and [`email_address`] are for the contact fields that resurs means as links.
//!
//! [`text`] is for a value on one line: a table cell, a heading, a list item or a paragraph
//! line, wherever it stands on the line (its start is escaped as if it began a line). A newline
//! in the data becomes a space, since a value never spans lines. Control characters (and the
//! bidirectional overrides and isolates) are shown as `\u{1b}`, as in the terminal.
//!
//! Data Markdown (the `beskrivning` fields) is not written here but through
//! [`crate::render::sanitize::to_markdown`], which keeps its safe structure and writes its text
//! through [`fragment`].

use super::terminal::is_bidi_control;

/// A value on one line, with its ends trimmed: safe in a table cell, a heading, a list item or
/// anywhere in a paragraph line.
pub fn text(s: &str) -> String {
    escape(s.trim_matches(|c: char| c.is_whitespace()))
}

/// Text that stands among other Markdown written by resurs (the text of data Markdown between
/// its emphasis and links): as [`text`], but its spaces at the ends are kept (as one).
pub fn fragment(s: &str) -> String {
    escape(s)
}

/// A web address that resurs means as a link: `<https://…>` when it is an http or https
/// address that an autolink holds as it is, else the address as text ([`text`]).
pub fn web_address(url: &str) -> String {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let scheme = ["http://", "https://"]
        .iter()
        .find(|s| lower.starts_with(*s))
        .map(|s| s.len());
    match scheme {
        Some(n)
            if u.len() > n
                && !u.chars().any(|c| {
                    c.is_whitespace()
                        || c.is_control()
                        || is_bidi_control(c)
                        || "<>\"'`\\|".contains(c)
                }) =>
        {
            format!("<{u}>")
        }
        _ => text(u),
    }
}

/// An e-mail address that resurs means as a link: `<namn@example.se>` when it is a plain
/// address (letters, digits and `._%+-` before the `@`, a domain of letters, digits and `-`
/// between dots), else the address as text ([`text`]).
pub fn email_address(addr: &str) -> String {
    let a = addr.trim();
    let plain = a.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
            && domain.contains('.')
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            })
    });
    if plain { format!("<{a}>") } else { text(a) }
}

/// An id or a file name as a code span, when it has nothing a code span cannot hold (a
/// backtick, a `|`, which ends a table cell even in a code span, a control character); else
/// as [`text`].
pub fn code(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s
            .chars()
            .any(|c| c == '`' || c == '|' || c.is_control() || is_bidi_control(c));
    if plain { format!("`{s}`") } else { text(s) }
}

/// The destination of a link in `[text](destination)`: characters that could end it or make it
/// something else are percent-encoded, so the link goes where the address says.
pub fn link_destination(url: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        if " <>()\\`\"'|[]".contains(c) || c.is_control() || c.is_whitespace() || is_bidi_control(c)
        {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `c` starts a block when it begins a line (after up to three spaces): a list item
/// (`-`, `+`, `*`), a setext underline or thematic break (`=`, `-`, `_`, `*`), a quote (`>`), a
/// heading (`#`), a fence (`` ` ``, `~`), HTML (`<`). The ones not escaped everywhere anyway are
/// escaped at the start of a value.
fn starts_block(c: char) -> bool {
    matches!(c, '-' | '+' | '=')
}

fn escape(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    // Where the first character that is not a space is: a block marker there is escaped.
    let first = chars
        .iter()
        .position(|c| !is_space(*c))
        .unwrap_or(chars.len());
    // An ordered list marker `1.` or `1)` at the start: its `.` or `)` is escaped.
    let digits = chars[first..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let list_dot = (digits > 0 && digits < 10)
        .then_some(first + digits)
        .filter(|&i| matches!(chars.get(i), Some('.' | ')')));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            // A value stays on its line; a run of spaces is one space (four at the start of a
            // line would be a code block, two at the end a line break).
            c if is_space(c) => {
                while chars.get(i + 1).is_some_and(|c| is_space(*c)) {
                    i += 1;
                }
                out.push(' ');
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // An entity reference (`&lt;`, `&#60;`) would be shown as its character.
            '&' if chars
                .get(i + 1)
                .is_none_or(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;");
            }
            // A bare `https://…` becomes a link on GitHub (GFM's autolink extension).
            ':' if chars.get(i + 1) == Some(&'/') && chars.get(i + 2) == Some(&'/') => {
                out.push_str("\\:");
            }
            // And an e-mail address (`@` between a name and a domain), and `www.…`.
            '@' => out.push_str("\\@"),
            '.' if i >= 3
                && chars[i - 3..i].iter().all(|w| w.eq_ignore_ascii_case(&'w'))
                && (i == 3 || !chars[i - 4].is_alphanumeric()) =>
            {
                out.push_str("\\.");
            }
            c if i == first && starts_block(c) => {
                out.push('\\');
                out.push(c);
            }
            c if Some(i) == list_dot => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || is_bidi_control(c) => {
                // Shown as `\u{1b}`; the backslash escaped, so that it is shown.
                out.push('\\');
                out.extend(c.escape_unicode());
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// Spaces, tabs and line ends: a value's line ends become spaces.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_initial_markers_are_escaped() {
        for (input, want) in [
            ("- punkt", "\\- punkt"),
            ("+ punkt", "\\+ punkt"),
            ("===", "\\==="),
            ("1. punkt", "1\\. punkt"),
            ("12) punkt", "12\\) punkt"),
            ("> citat", "&gt; citat"),
            ("    kod", "kod"),
            ("~~~", "\\~\\~\\~"),
            ("```", "\\`\\`\\`"),
            ("# Rubrik", "\\# Rubrik"),
        ] {
            assert_eq!(text(input), want, "{input:?}");
        }
        // Inside a line they are text and stay as they are.
        assert_eq!(text("a - b + c = d 1. e"), "a - b + c = d 1. e");
    }

    #[test]
    fn no_markup_html_link_or_entity() {
        assert_eq!(
            text("<img src=x> ![x](y) [k](z) [x]: https://e"),
            "&lt;img src=x&gt; !\\[x\\](y) \\[k\\](z) \\[x\\]: https\\://e"
        );
        assert_eq!(
            text("&lt; & &#60; Mat & kläder"),
            "&amp;lt; & &amp;\\#60; Mat & kläder"
        );
        assert_eq!(text("www.evil.example"), "www\\.evil.example");
        assert_eq!(
            text("a|b *c* _d_ ~~e~~ $x$"),
            "a\\|b \\*c\\* \\_d\\_ \\~\\~e\\~\\~ \\$x\\$"
        );
    }

    #[test]
    fn lines_and_controls_stay_on_the_line_and_visible() {
        assert_eq!(text("rad\r# Injicerad\n==="), "rad \\# Injicerad ===");
        assert_eq!(text("a\u{1b}[2J\u{202e}b"), "a\\\\u{1b}\\[2J\\\\u{202e}b");
        assert_eq!(fragment(" och "), " och ");
    }

    #[test]
    fn web_addresses_codes_and_destinations() {
        assert_eq!(web_address("https://a.se/x"), "<https://a.se/x>");
        assert_eq!(web_address("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(web_address("https://a.se/\"x"), "https\\://a.se/\"x");
        assert_eq!(email_address("vaxjo@redcross.se"), "<vaxjo@redcross.se>");
        assert_eq!(email_address("a\"<b>@x.se"), "a\"&lt;b&gt;\\@x.se");
        assert_eq!(code("rodakorset-vaxjo"), "`rodakorset-vaxjo`");
        assert_eq!(code("a`<b>"), "a\\`&lt;b&gt;");
        assert_eq!(
            link_destination("https://a.se/(x) y\\"),
            "https://a.se/%28x%29%20y%5C"
        );
    }
}
