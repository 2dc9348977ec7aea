//! A TOML text cut into statements: one key-value pair, table header or comment each, as a
//! person sees them. Each statement can then be parsed by itself, so that an error in one
//! hides nothing in the others. Cut from the lexer's tokens (which do not depend on context);
//! an unclosed list, table or multi-line text is cut where the next line plainly starts a new
//! statement (`nyckel = …` or `[tabell]`).

use std::borrow::Cow;
use std::ops::Range;

use toml_parser::lexer::TokenKind;
use toml_parser::{Raw, Source, Span};

/// A token with its place in the whole text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

/// Lexes `text[range]`; the positions are in `text`. The end-of-input token is left out.
pub(super) fn lex(text: &str, range: Range<usize>) -> Vec<Tok> {
    let base = range.start;
    let Some(part) = text.get(range) else {
        return Vec::new();
    };
    Source::new(part)
        .lex()
        .filter(|t| t.kind() != TokenKind::Eof)
        .map(|t| Tok {
            kind: t.kind(),
            start: base + t.span().start(),
            end: base + t.span().end(),
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StmtKind {
    KeyVal,
    Table,
    ArrayTable,
    Comment,
}

/// One segment of a statement's key, decoded.
#[derive(Debug, Clone)]
pub(super) struct Key {
    pub name: String,
    pub span: Range<usize>,
    /// A key written with gaps (`senast granskad`) is read as its words run together, or
    /// joined by `_` (this).
    pub snake: Option<String>,
}

#[derive(Debug, Clone)]
pub(super) struct Stmt {
    pub kind: StmtKind,
    /// From the first token to the end of the last one (the line break is not included).
    pub span: Range<usize>,
    /// The key (a key-value pair's, before `=`; a header's), as far as it could be read.
    pub keys: Vec<Key>,
    /// Where the `=` is (key-value pairs).
    pub eq: Option<usize>,
}

/// Cuts `text[range]` into statements. With `cuts`, an open list or table ends where the next
/// line plainly starts a new statement, and an unclosed multi-line text where one of its lines
/// does (a few times at most, so that the work stays linear).
pub(super) fn split(text: &str, range: Range<usize>, cuts: bool) -> Vec<Stmt> {
    let limit = range.end;
    let mut toks = lex(text, range);
    let mut relexed = 0;
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < toks.len() && matches!(toks[i].kind, TokenKind::Whitespace | TokenKind::Newline) {
            i += 1;
        }
        if i >= toks.len() {
            break;
        }
        let first = i;
        let kind = match toks[i].kind {
            TokenKind::LeftSquareBracket => {
                if toks
                    .get(i + 1)
                    .is_some_and(|t| t.kind == TokenKind::LeftSquareBracket)
                {
                    StmtKind::ArrayTable
                } else {
                    StmtKind::Table
                }
            }
            TokenKind::Comment => StmtKind::Comment,
            _ => StmtKind::KeyVal,
        };
        let mut stack: Vec<TokenKind> = Vec::new();
        let mut eq = None;
        let mut last = i;
        let mut last_value_token = None;
        let mut ml_cut = None;
        while i < toks.len() {
            let t = toks[i];
            match t.kind {
                TokenKind::Newline => {
                    if kind != StmtKind::KeyVal || stack.is_empty() {
                        break;
                    }
                    if cuts && cut_here(text, t.end, stack.last().copied(), last_value_token) {
                        break;
                    }
                }
                TokenKind::Whitespace => {}
                k => {
                    if kind == StmtKind::KeyVal {
                        match k {
                            TokenKind::Equals if eq.is_none() && stack.is_empty() => {
                                eq = Some(t.start);
                            }
                            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket => {
                                stack.push(k);
                            }
                            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket => {
                                stack.pop();
                            }
                            TokenKind::MlBasicString | TokenKind::MlLiteralString
                                if cuts && relexed < 4 && unterminated(text, t, limit) =>
                            {
                                ml_cut = ml_cut_at(text, t);
                            }
                            _ => {}
                        }
                        if k != TokenKind::Comment {
                            last_value_token = Some(k);
                        }
                    }
                    last = i;
                    if ml_cut.is_some() {
                        break;
                    }
                }
            }
            i += 1;
        }
        let end = match ml_cut {
            Some(c) => line_end_before(text, c),
            None => toks[last].end,
        };
        let (keys, _) = decode_keys(text, &toks[first..=last], kind, eq.is_some());
        out.push(Stmt {
            kind,
            span: toks[first].start..end.max(toks[first].start),
            keys,
            eq,
        });
        if let Some(c) = ml_cut {
            relexed += 1;
            toks = lex(text, c..limit);
            i = 0;
        }
    }
    out
}

/// Whether the line after a line break inside an open list (`[`) or table (`{`) starts a new
/// statement instead.
fn cut_here(
    text: &str,
    line_start: usize,
    open: Option<TokenKind>,
    before: Option<TokenKind>,
) -> bool {
    let line = line_at(text, line_start);
    if looks_like_header(line) {
        return true;
    }
    match open {
        Some(TokenKind::LeftSquareBracket) => looks_like_keyval(line),
        // A table may go over several lines (TOML 1.1), with commas between its pairs.
        Some(TokenKind::LeftCurlyBracket) => {
            looks_like_keyval(line)
                && !matches!(before, Some(TokenKind::Comma | TokenKind::LeftCurlyBracket))
        }
        _ => false,
    }
}

/// The line that starts at `start` (without its line break).
pub(super) fn line_at(text: &str, start: usize) -> &str {
    let rest = text.get(start..).unwrap_or_default();
    let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
    rest[..end].trim_end_matches('\r')
}

/// The end of the line before the line that starts at `start`.
fn line_end_before(text: &str, start: usize) -> usize {
    let mut end = start;
    let b = text.as_bytes();
    if end > 0 && b.get(end - 1) == Some(&b'\n') {
        end -= 1;
    }
    if end > 0 && b.get(end - 1) == Some(&b'\r') {
        end -= 1;
    }
    end
}

/// A multi-line text that runs to the end of the input without its closing quotes.
fn unterminated(text: &str, t: Tok, limit: usize) -> bool {
    let raw = text.get(t.start..t.end).unwrap_or_default();
    let delim = if t.kind == TokenKind::MlBasicString {
        "\"\"\""
    } else {
        "'''"
    };
    t.end == limit && !(raw.len() >= 6 && raw.ends_with(delim))
}

/// The start of the first line after the first of a multi-line text that plainly starts a
/// new statement.
fn ml_cut_at(text: &str, t: Tok) -> Option<usize> {
    let raw = text.get(t.start..t.end)?;
    let mut offset = memchr::memchr(b'\n', raw.as_bytes())? + 1;
    while offset < raw.len() {
        let line = line_at(raw, offset);
        if looks_like_keyval(line) || looks_like_header(line) {
            return Some(t.start + offset);
        }
        match memchr::memchr(b'\n', &raw.as_bytes()[offset..]) {
            Some(n) => offset += n + 1,
            None => break,
        }
    }
    None
}

/// Reads a key (`a`, `a.b`, `"a b".c`) at the start of `s`; returns the rest.
fn skip_key(s: &str) -> Option<&str> {
    let mut s = s.trim_start_matches([' ', '\t']);
    loop {
        let rest = match s.as_bytes().first()? {
            b'"' | b'\'' => {
                let q = s.as_bytes()[0];
                let close = memchr::memchr(q, &s.as_bytes()[1..])?;
                &s[close + 2..]
            }
            _ => {
                let n = s
                    .bytes()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-')
                    .count();
                if n == 0 {
                    return None;
                }
                &s[n..]
            }
        };
        let after = rest.trim_start_matches([' ', '\t']);
        match after.strip_prefix('.') {
            Some(more) => s = more.trim_start_matches([' ', '\t']),
            None => return Some(after),
        }
    }
}

/// `nyckel = …` (not `==`).
pub(super) fn looks_like_keyval(line: &str) -> bool {
    skip_key(line)
        .and_then(|rest| rest.strip_prefix('='))
        .is_some_and(|rest| !rest.starts_with('='))
}

/// `[tabell]` or `[[tabell]]` alone on its line (a comment may follow).
pub(super) fn looks_like_header(line: &str) -> bool {
    let line = line.trim();
    let Some(inner) = line.strip_prefix('[') else {
        return false;
    };
    let inner = inner.strip_prefix('[').unwrap_or(inner);
    skip_key(inner)
        .and_then(|rest| rest.strip_prefix(']'))
        .map(|rest| rest.strip_prefix(']').unwrap_or(rest).trim_start())
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('#'))
}

/// The key of a statement: before `=` in a key-value pair (up to the first gap when there is
/// no `=`), between the brackets of a header. Segments without a dot between them (`na mn`)
/// are joined, and the key is marked as not well-formed.
fn decode_keys(text: &str, toks: &[Tok], kind: StmtKind, has_eq: bool) -> (Vec<Key>, bool) {
    let toks = match kind {
        StmtKind::Comment => return (Vec::new(), false),
        StmtKind::KeyVal => toks,
        StmtKind::Table => &toks[1..],
        StmtKind::ArrayTable => &toks[2.min(toks.len())..],
    };
    let mut keys: Vec<Key> = Vec::new();
    let mut ok = true;
    let mut want_key = true;
    let mut gap = false;
    for t in toks {
        match t.kind {
            TokenKind::Whitespace => gap = true,
            TokenKind::Dot => {
                if want_key {
                    ok = false;
                }
                want_key = true;
                gap = false;
            }
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString => {
                let (name, good) = decode_key(text, *t);
                ok &= good;
                if want_key {
                    keys.push(Key {
                        name,
                        span: t.start..t.end,
                        snake: None,
                    });
                } else {
                    if !has_eq && kind == StmtKind::KeyVal && gap {
                        // `namn "x"`: the key is what stands before the gap.
                        ok = false;
                        break;
                    }
                    ok = false;
                    if let Some(k) = keys.last_mut() {
                        k.snake = Some(format!("{}_{name}", k.snake.as_ref().unwrap_or(&k.name)));
                        k.name.push_str(&name);
                        k.span.end = t.end;
                    }
                }
                want_key = false;
                gap = false;
            }
            _ => {
                if !(matches!(t.kind, TokenKind::Equals) && kind == StmtKind::KeyVal
                    || matches!(t.kind, TokenKind::RightSquareBracket) && kind != StmtKind::KeyVal)
                {
                    ok = false;
                }
                break;
            }
        }
    }
    if keys.is_empty() || want_key {
        ok = false;
    }
    (keys, ok)
}

/// One key segment, decoded; `false` when it is not a valid key.
pub(super) fn decode_key(text: &str, t: Tok) -> (String, bool) {
    let raw = text.get(t.start..t.end).unwrap_or_default();
    if t.kind == TokenKind::Atom {
        let good = raw
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-');
        return (raw.to_owned(), good);
    }
    let mut out = Cow::Borrowed("");
    let mut errors: Vec<toml_parser::ParseError> = Vec::new();
    Raw::new_unchecked(raw, t.kind.encoding(), Span::new_unchecked(t.start, t.end))
        .decode_key(&mut out, &mut errors);
    (out.into_owned(), errors.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, cuts: bool) -> Vec<&str> {
        split(text, 0..text.len(), cuts)
            .into_iter()
            .map(|s| &text[s.span])
            .collect()
    }

    #[test]
    fn statements_are_lines_and_whole_lists() {
        let text = "a = 1 # c\n\n[b]\nc = [\n  1,\n  2,\n]\n# d\n[[e]]\n";
        assert_eq!(
            pieces(text, false),
            ["a = 1 # c", "[b]", "c = [\n  1,\n  2,\n]", "# d", "[[e]]"]
        );
    }

    #[test]
    fn an_unclosed_list_ends_where_a_new_statement_plainly_starts() {
        let text = "a = [\"x\", \"y\"\nb = 2\n[t]\nc = { d = 1\ne = 2\n";
        assert_eq!(pieces(text, false).len(), 1);
        assert_eq!(
            pieces(text, true),
            ["a = [\"x\", \"y\"", "b = 2", "[t]", "c = { d = 1", "e = 2"]
        );
        // A table over several lines (TOML 1.1) is kept whole.
        assert_eq!(pieces("c = {\n d = 1,\n e = 2 }\n", true).len(), 1);
    }

    #[test]
    fn an_unclosed_multiline_text_ends_at_the_next_key() {
        let text = "a = \"\"\"x\ny\nb = 2\n";
        assert_eq!(pieces(text, true), ["a = \"\"\"x\ny", "b = 2"]);
    }

    #[test]
    fn keys_are_decoded() {
        let text = "a.\"b c\" = 1\nna mn = 2\nnamn \"x\"\n[[k.l]]\n";
        let toks = lex(text, 0..text.len());
        let s = &split(text, 0..text.len(), false);
        let names = |i: usize| {
            s[i].keys
                .iter()
                .map(|k| k.name.as_str())
                .collect::<Vec<_>>()
        };
        let ok = |i: usize| {
            let within: Vec<Tok> = toks
                .iter()
                .filter(|t| t.start >= s[i].span.start && t.end <= s[i].span.end)
                .copied()
                .collect();
            decode_keys(text, &within, s[i].kind, s[i].eq.is_some()).1
        };
        assert_eq!((names(0), ok(0)), (vec!["a", "b c"], true));
        assert_eq!((names(1), ok(1)), (vec!["namn"], false));
        assert_eq!((names(2), ok(2)), (vec!["namn"], false));
        assert_eq!(
            (names(3), ok(3), s[3].kind),
            (vec!["k", "l"], true, StmtKind::ArrayTable)
        );
    }

    #[test]
    fn lines_that_start_statements() {
        assert!(looks_like_keyval("  sprak = [\"sv\"]"));
        assert!(looks_like_keyval("\"a b\".c=1"));
        assert!(!looks_like_keyval("a == b"));
        assert!(!looks_like_keyval("- a = b"));
        assert!(looks_like_header("[[kontakt]] # x"));
        assert!(!looks_like_header("[\"a\"],"));
    }
}
