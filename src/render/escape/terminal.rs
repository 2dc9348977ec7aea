//! Text from the data folder made safe for a terminal.
//!
//! A terminal obeys what it is sent: an escape sequence (`ESC ] 0 ; … BEL` sets the window
//! title, `ESC [ 2 J` clears the screen, OSC 8 hides a link behind text), a carriage return
//! that writes over the start of the line, a bidi override that shows `exe.png` as `gnp.exe`.
//! Every such character from the data is shown visibly escaped instead (`\u{1b}`), so what is
//! printed is what is in the file. The marks that right-to-left writing needs (U+200E LRM,
//! U+200F RLM, U+061C ALM) are kept: they only choose a direction, they cannot reorder
//! what comes after them.

use std::borrow::Cow;

pub use crate::text::{is_bidi_control, is_unsafe};

/// Text of several lines for a terminal: newlines (and a CRLF, as a newline) are kept, a tab
/// becomes a space, and every other character of [`is_unsafe`] becomes a visible `\u{…}`.
pub fn text(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// Text that must stay on one line (a table cell, a `validera --format kort` line, a message
/// quoting a value): like [`text`], but a newline, carriage return or CRLF is shown as `\n`
/// or `\r`, so a value can never start a line of its own.
pub fn line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

fn escape(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push(' '),
            '\n' if keep_newlines => out.push('\n'),
            '\r' if keep_newlines && chars.peek() == Some(&'\n') => {}
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        assert_eq!(
            line("Mat\u{1b}]0;pwned\u{7}kassar\u{1b}[2J"),
            "Mat\\u{1b}]0;pwned\\u{7}kassar\\u{1b}[2J"
        );
        // OSC 8: a hyperlink whose target is hidden behind its text.
        assert_eq!(
            text("\u{1b}]8;;http://evil\u{1b}\\text\u{1b}]8;;\u{1b}\\"),
            "\\u{1b}]8;;http://evil\\u{1b}\\text\\u{1b}]8;;\\u{1b}\\"
        );
        assert_eq!(line("a\u{7f}b\u{0}c"), "a\\u{7f}b\\u{0}c");
    }

    #[test]
    fn c1_controls_are_escaped() {
        // U+009B is CSI on its own: `ESC [` in one character.
        assert_eq!(line("a\u{9b}2Jb\u{85}c"), "a\\u{9b}2Jb\\u{85}c");
        assert_eq!(line("\u{80}\u{9f}"), "\\u{80}\\u{9f}");
        assert_eq!(line("\u{a0}"), "\u{a0}", "no-break space is text");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_escaped() {
        assert_eq!(line("\u{202e}gnp.exe"), "\\u{202e}gnp.exe");
        for c in ['\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}'] {
            assert!(line(&c.to_string()).starts_with("\\u{202"), "{c:?}");
        }
        for c in ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'] {
            assert!(line(&c.to_string()).starts_with("\\u{206"), "{c:?}");
        }
    }

    #[test]
    fn right_to_left_marks_are_kept() {
        let arabic = "مرحبا\u{200f} (RLM), \u{200e}LRM, \u{61c}ALM";
        assert_eq!(text(arabic), arabic);
        assert!(matches!(line(arabic), Cow::Borrowed(_)));
        assert_eq!(line("Råd och stöd – 0–20 år"), "Råd och stöd – 0–20 år");
    }

    #[test]
    fn text_keeps_lines_and_line_makes_one() {
        assert_eq!(text("ett\ntvå\r\ntre\tfyra"), "ett\ntvå\ntre fyra");
        assert_eq!(
            text("ett\rtvå"),
            "ett\\rtvå",
            "a lone CR writes over the line"
        );
        assert_eq!(line("ett\ntvå\r\ntre"), "ett\\ntvå\\r\\ntre");
        assert_eq!(
            line("x\nfil.toml:1:1: fel[E001]: falskt"),
            "x\\nfil.toml:1:1: fel[E001]: falskt"
        );
    }

    #[test]
    fn nothing_unsafe_is_left_in_any_character() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            for out in [text(&s), line(&s)] {
                assert!(!out.chars().any(is_unsafe) || out == "a\nb", "{c:?}");
                assert!(!out.contains('\r') && !out.contains('\u{1b}'), "{c:?}");
            }
        }
    }
}
