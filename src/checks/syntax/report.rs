//! Diagnoses as problems: the errors of a statement that follow from an earlier one are left
//! out, those of a line share one corrected line, and a key that stands twice names the line
//! where it first stands.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;
use toml_parser::lexer::TokenKind;

use super::fix::{self, Diag};
use super::split::{self, Stmt, StmtKind};
use crate::diagnostic::{Code, Loc, Problem};
use crate::source::LineIndex;

/// The keys inside a statement's value (`{ a = 1, a = 2 }`): each key's name by where it
/// stands, and where each name first stands.
pub(super) struct InnerKeys {
    names: HashMap<usize, String>,
    first: HashMap<String, usize>,
}

impl InnerKeys {
    pub(super) fn new(text: &str, stmt: &Stmt) -> Self {
        let toks = split::lex(text, stmt.span.clone());
        let mut keys = InnerKeys {
            names: HashMap::new(),
            first: HashMap::new(),
        };
        for (i, t) in toks.iter().enumerate() {
            let keyish = matches!(
                t.kind,
                TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString
            );
            let before_eq = toks[i + 1..]
                .iter()
                .find(|t| t.kind != TokenKind::Whitespace)
                .is_some_and(|t| matches!(t.kind, TokenKind::Equals | TokenKind::Dot));
            if keyish && before_eq {
                let name = split::decode_key(text, *t).0;
                keys.first.entry(name.clone()).or_insert(t.start);
                keys.names.insert(t.start, name);
            }
        }
        keys
    }

    /// Where the key that stands at `at` stands first, when that is before `at`.
    pub(super) fn first_before(&self, at: usize) -> Option<usize> {
        let name = self.names.get(&at)?;
        self.first.get(name).copied().filter(|&o| o < at)
    }
}

/// A key or table that stands twice.
pub(super) fn twice(
    text: &str,
    lines: &LineIndex,
    stmt: &Stmt,
    span: Range<usize>,
    first: Option<usize>,
) -> Diag {
    let own = stmt
        .keys
        .iter()
        .find(|k| k.span.start <= span.start && span.start < k.span.end.max(k.span.start + 1));
    // A key inside the statement's value (`{ a = 1, a = 2 }`), or the statement's own.
    let inner = split::lex(text, span.clone())
        .first()
        .filter(|t| own.is_none() && t.start == span.start && t.kind != TokenKind::Whitespace)
        .map(|t| split::Key {
            name: split::decode_key(text, *t).0,
            span: t.start..t.end,
            snake: None,
        });
    let key = inner.or_else(|| own.or(stmt.keys.last()).cloned());
    let key = key.as_ref();
    let name = key.map_or_else(String::new, |k| fix::shown(&k.name));
    let line = lines.line(span.start);
    let place = match first.map(|o| lines.line(o)) {
        Some(l) if l == line => "redan tidigare på raden".to_owned(),
        Some(l) => format!("redan på rad {l}"),
        None => "redan tidigare i filen".to_owned(),
    };
    let (message, help) = match stmt.kind {
        StmtKind::Table => (
            format!("tabellen `[{name}]` står {place}"),
            "en tabell får bara stå en gång; samla nycklarna under en rubrik",
        ),
        StmtKind::ArrayTable => (
            format!("`{name}` står {place}"),
            "`[[…]]` lägger till en tabell i en lista; namnet får inte också vara en vanlig nyckel eller tabell",
        ),
        _ => (
            format!("nyckeln `{name}` står {place}"),
            "en nyckel får bara stå en gång i samma tabell; ta bort den ena raden eller slå ihop dem",
        ),
    };
    let mut d = Diag {
        span: key.map_or(span, |k| k.span.clone()),
        message,
        label: Some("en gång till".into()),
        help: Some(help.into()),
        edits: Vec::new(),
        covers: None,
    };
    if d.span.is_empty() {
        d.label = None;
    }
    d
}

/// The diagnoses of one statement (with where the parser saw each error) as problems: an
/// error that follows from an earlier one is left out, the same error again on a line only
/// adds its correction, and the errors of a line share one corrected line (when the
/// corrections, applied together, make a line the parser takes).
pub(super) fn to_problems(
    file: &Path,
    text: &str,
    lines: &LineIndex,
    stmt: &Stmt,
    mut diags: Vec<(usize, Diag)>,
) -> Vec<Problem> {
    diags.sort_by_key(|(at, _)| *at);
    let mut kept: Vec<(usize, Diag)> = Vec::new();
    for (at, d) in diags {
        let line = lines.line(d.span.start);
        let follows = kept.iter().any(|(k_at, k)| {
            *k_at == at
                || k.covers
                    .as_ref()
                    .is_some_and(|c| c.start <= at && at <= c.end)
        });
        if follows {
            continue;
        }
        if let Some((_, same)) = kept
            .iter_mut()
            .find(|(_, k)| k.message == d.message && lines.line(k.span.start) == line)
        {
            same.edits.extend(d.edits);
            continue;
        }
        kept.push((at, d));
    }
    let kept: Vec<Diag> = kept.into_iter().map(|(_, d)| d).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < kept.len() {
        let line = lines.line(kept[i].span.start);
        let j = i + kept[i..]
            .iter()
            .take_while(|d| lines.line(d.span.start) == line)
            .count();
        let group = &kept[i..j];
        let suggestion = corrected_line(text, stmt, group);
        for (n, d) in group.iter().enumerate() {
            let mut p = Problem::new(
                Code::E001,
                file,
                Loc::Span(d.span.clone()),
                d.message.clone(),
            );
            if let Some(l) = &d.label {
                p = p.label(l.clone());
            }
            if n == 0 {
                if let Some(s) = &suggestion {
                    p = p.suggest(s.clone());
                }
            }
            if let Some(h) = &d.help {
                p = p.help(h.clone());
            }
            out.push(p);
        }
        i = j;
    }
    out
}

/// The line of a group of diagnoses with all their edits made, when there is one for each and
/// the statement then parses without an error on that line.
fn corrected_line(text: &str, stmt: &Stmt, group: &[Diag]) -> Option<String> {
    // A line is corrected, not a page: a long statement gets none (and is not parsed again).
    if group.iter().any(|d| d.edits.is_empty()) || stmt.span.len() > 16 * 1024 {
        return None;
    }
    let mut edits: Vec<&fix::Edit> = group.iter().flat_map(|d| &d.edits).collect();
    edits.sort_by_key(|e| e.range.start);
    if edits.windows(2).any(|w| w[0].range.end > w[1].range.start) {
        return None;
    }
    let start = stmt.span.start;
    let line_start = text[..group[0].span.start.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = line_start + split::line_at(text, line_start).len();
    // Every edit on this line, inside the statement.
    let (lo, hi) = (line_start.max(start), line_end.min(stmt.span.end));
    if edits
        .iter()
        .any(|e| e.range.start < lo || e.range.end > hi || e.range.start > e.range.end)
        || edits
            .iter()
            .any(|e| !text.is_char_boundary(e.range.start) || !text.is_char_boundary(e.range.end))
    {
        return None;
    }
    let mut fixed_stmt = text[stmt.span.clone()].to_owned();
    let mut fixed_line = text[line_start..line_end].to_owned();
    for e in edits.iter().rev() {
        fixed_stmt.replace_range(e.range.start - start..e.range.end - start, &e.with);
        fixed_line.replace_range(
            e.range.start - line_start..e.range.end - line_start,
            &e.with,
        );
    }
    let rel_start = line_start.saturating_sub(start);
    let rel_end = (line_end - start + fixed_line.len()).saturating_sub(line_end - line_start);
    let (_, errors) = DeTable::parse_recoverable(&fixed_stmt);
    if errors
        .iter()
        .filter_map(toml::de::Error::span)
        .any(|s| s.start >= rel_start && s.start <= rel_end)
    {
        return None;
    }
    let fixed = fixed_line.trim();
    if fixed.chars().any(|c| c.is_control() && c != '\t') {
        return None;
    }
    if fixed.chars().count() <= 100 {
        return Some(fixed.to_owned());
    }
    match edits.as_slice() {
        [e] if e.with.chars().count() > 1 => Some(e.with.clone()),
        _ => None,
    }
}
