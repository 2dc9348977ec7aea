//! TOML syntax errors (`E001`): every one of a file, in Swedish, with the corrected line where
//! the fix is clear; and what can still be read of the file, so that one broken line hides
//! none of the file's other problems.
//!
//! Only for a file the parser has refused (the loader parses every file once, fast, and comes
//! here when that fails). The file is cut into statements (see [`split`]), each parsed by
//! itself: a broken one is blanked out (spaces, so that every position stays), and the rest
//! is parsed again as a whole, which finds the keys and tables that stand twice. All of it is
//! linear in the file: each statement is parsed at most twice, the whole a few times.

mod dates;
mod fix;
mod mistakes;
mod report;
mod split;
mod values;

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::de::DeTable;

use crate::diagnostic::{Code, Loc, Problem, Seg};
use crate::model::schema::Kind;
use crate::source::LineIndex;
use fix::{Diag, Site};
use report::{InnerKeys, to_problems, twice};
use split::{Stmt, StmtKind};

/// A file with syntax errors, as far as it can be read.
#[derive(Debug, Default)]
pub struct Recovery {
    /// Every syntax error, in Swedish.
    pub problems: Vec<Problem>,
    /// The text with every statement that could not be read blanked out (same length, same
    /// lines), when the rest parses: for the checks of structure, vocabulary and format.
    pub readable: Option<String>,
    /// The keys (and tables) whose lines could not be read: they are not missing, only unread.
    pub unread: Vec<Vec<Seg>>,
}

/// Every syntax error of `text` (a file of `kind` at `file`), and what can be read of it.
pub fn recover(file: &Path, text: &str, kind: Kind) -> Recovery {
    let a = analyse(text);
    let lines = LineIndex::new(text);
    let mut problems = Vec::new();
    for (i, unit) in a.units.iter().enumerate() {
        if unit.errors.is_empty() && unit.twice.is_empty() {
            continue;
        }
        let table = names(&a.ctx[i]);
        let table = match unit.stmt.kind {
            StmtKind::KeyVal | StmtKind::Comment => table,
            StmtKind::Table | StmtKind::ArrayTable => Vec::new(),
        };
        let site = Site {
            text,
            stmt: &unit.stmt,
            kind,
            table: &table,
        };
        let mut diags: Vec<(usize, Diag)> = Vec::new();
        let mut inner_keys = None;
        // Past the first errors of a statement the parser mostly follows its own trail; each
        // diagnosis reads at most the statement, so their number is bounded to stay linear.
        for (message, span) in unit.errors.iter().take(MAX_PER_STATEMENT) {
            let d = if message.starts_with("duplicate key") {
                let keys = inner_keys.get_or_insert_with(|| InnerKeys::new(text, &unit.stmt));
                let first = keys.first_before(span.start);
                twice(text, &lines, &unit.stmt, span.clone(), first)
            } else {
                fix::diagnose(&site, message, span.clone())
            };
            diags.push((span.start, d));
        }
        for (span, first) in &unit.twice {
            diags.push((
                span.start,
                twice(text, &lines, &unit.stmt, span.clone(), *first),
            ));
        }
        problems.extend(to_problems(file, text, &lines, &unit.stmt, diags));
    }
    if problems.is_empty() {
        // Never seen; but a file the parser refuses is never taken as it is.
        let (_, errors) = DeTable::parse_recoverable(text);
        let span = errors
            .first()
            .and_then(toml::de::Error::span)
            .unwrap_or(0..0);
        problems.push(
            Problem::new(Code::E001, file, Loc::Span(span), "ogiltig TOML här").help(
                "skriv `nyckel = värde` på varje rad; se https://toml.io/sv/ för hur TOML skrivs",
            ),
        );
        return Recovery {
            problems,
            ..Recovery::default()
        };
    }
    Recovery {
        problems,
        readable: a.readable,
        unread: a.unread,
    }
}

/// How many of a statement's errors are diagnosed.
const MAX_PER_STATEMENT: usize = 50;

/// The text of a file with syntax errors as far as it can be read, blanked where it cannot
/// (see [`Recovery::readable`]); for locating problems in such a file.
pub fn readable(text: &str) -> Option<String> {
    analyse(text).readable
}

/// One statement of the file and what is wrong with it.
struct Unit {
    stmt: Stmt,
    /// The parser's errors in the statement by itself: its message and where (in the file).
    errors: Vec<(String, Range<usize>)>,
    /// Keys that stand twice (found in the whole file): where, and where the key first stands.
    twice: Vec<(Range<usize>, Option<usize>)>,
    /// Left out of the readable text.
    blank: bool,
    /// In the section of a table header that could not be read.
    orphan: bool,
}

struct Analysis {
    units: Vec<Unit>,
    /// The path of the table each statement is in (a header's own path).
    ctx: Vec<Vec<Seg>>,
    readable: Option<String>,
    unread: Vec<Vec<Seg>>,
}

/// The parser's errors of `text[span]` by itself, with positions in `text`.
fn parse_alone(text: &str, span: &Range<usize>) -> Vec<(String, Range<usize>)> {
    let Some(part) = text.get(span.clone()) else {
        return Vec::new();
    };
    let (_, errors) = DeTable::parse_recoverable(part);
    errors
        .into_iter()
        .map(|e| {
            let s = e.span().unwrap_or(0..0);
            let start = (span.start + s.start).min(span.end);
            let end = (span.start + s.end).clamp(start, span.end);
            (e.message().to_owned(), start..end)
        })
        .collect()
}

fn analyse(text: &str) -> Analysis {
    let mut units = Vec::new();
    for stmt in split::split(text, 0..text.len(), false) {
        let errors = parse_alone(text, &stmt.span);
        if !errors.is_empty() && text[stmt.span.clone()].contains('\n') {
            // An unclosed list or text runs on: cut it where a new statement plainly starts.
            for piece in split::split(text, stmt.span.clone(), true) {
                let errors = parse_alone(text, &piece.span);
                units.push(unit(piece, errors));
            }
        } else {
            units.push(unit(stmt, errors));
        }
    }
    // The keys under a header that cannot be read belong to no known table.
    let mut broken_header = false;
    for u in &mut units {
        match u.stmt.kind {
            StmtKind::Table | StmtKind::ArrayTable => broken_header = !u.errors.is_empty(),
            StmtKind::KeyVal if broken_header => {
                u.blank = true;
                u.orphan = true;
            }
            _ => {}
        }
    }
    let mut readable = None;
    let mut ctx = Vec::new();
    // What each statement parses to alone may still clash in the whole: a key or table that
    // stands twice. Those are blanked too, and the whole parsed again (a few times at most).
    for _round in 0..4 {
        let (paths, first) = contexts(&units);
        ctx = paths;
        let candidate = blanked(text, &units);
        let (_, errors) = DeTable::parse_recoverable(&candidate);
        if errors.is_empty() {
            readable = Some(candidate);
            break;
        }
        let mut changed = false;
        for e in errors {
            let at = e.span().map_or(0, |s| s.start);
            let Some(i) = unit_at(&units, at) else {
                continue;
            };
            if units[i].blank {
                continue;
            }
            let line = first.lookup(&units[i].stmt, &ctx[i], at);
            if e.message().starts_with("duplicate key") || e.message().starts_with("cannot extend")
            {
                units[i].twice.push((e.span().unwrap_or(at..at), line));
            } else {
                units[i]
                    .errors
                    .push((e.message().to_owned(), e.span().unwrap_or(at..at)));
            }
            units[i].blank = true;
            changed = true;
            if matches!(units[i].stmt.kind, StmtKind::Table | StmtKind::ArrayTable) {
                for u in units[i + 1..].iter_mut().take_while(|u| {
                    u.stmt.kind == StmtKind::KeyVal || u.stmt.kind == StmtKind::Comment
                }) {
                    u.blank = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut unread = Vec::new();
    for (u, c) in units.iter().zip(&ctx) {
        let own = !u.errors.is_empty();
        if !(u.blank && (own || u.orphan)) || u.stmt.keys.is_empty() {
            continue;
        }
        let mut path = match u.stmt.kind {
            StmtKind::KeyVal => c.clone(),
            StmtKind::Table | StmtKind::ArrayTable => Vec::new(),
            StmtKind::Comment => continue,
        };
        path.extend(u.stmt.keys.iter().map(|k| Seg::Key(k.name.clone())));
        // The key as it was meant: `senast granskad`, `språk`.
        if let Some(last) = u.stmt.keys.last() {
            let mut meant = vec![fix::ascii_key(&last.name)];
            meant.extend(last.snake.clone());
            for m in meant
                .into_iter()
                .filter(|m| *m != last.name && !m.is_empty())
            {
                let mut other = path.clone();
                other.pop();
                other.push(Seg::Key(m));
                unread.push(other);
            }
        }
        unread.push(path);
    }
    Analysis {
        units,
        ctx,
        readable,
        unread,
    }
}

fn unit(stmt: Stmt, errors: Vec<(String, Range<usize>)>) -> Unit {
    Unit {
        blank: !errors.is_empty(),
        stmt,
        errors,
        twice: Vec::new(),
        orphan: false,
    }
}

/// The statement at (or last before) a position.
fn unit_at(units: &[Unit], at: usize) -> Option<usize> {
    let i = units.partition_point(|u| u.stmt.span.start <= at);
    i.checked_sub(1)
        .or(if units.is_empty() { None } else { Some(0) })
}

/// `text` with the statements to leave out blanked: every byte but line breaks a space.
fn blanked(text: &str, units: &[Unit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for u in units.iter().filter(|u| u.blank) {
        for b in &mut bytes[u.stmt.span.clone()] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Whole statements are blanked, so what is left is still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

fn names(path: &[Seg]) -> Vec<String> {
    path.iter()
        .filter_map(|s| match s {
            Seg::Key(k) => Some(k.clone()),
            Seg::Index(_) => None,
        })
        .collect()
}

/// Where each key of the readable statements first stands.
#[derive(Default)]
struct First {
    exact: HashMap<Vec<Result<String, usize>>, usize>,
    by_name: HashMap<Vec<String>, usize>,
}

/// A path as a key of a map.
fn hashed(path: &[Seg]) -> Vec<Result<String, usize>> {
    path.iter()
        .map(|s| match s {
            Seg::Key(k) => Ok(k.clone()),
            Seg::Index(i) => Err(*i),
        })
        .collect()
}

impl First {
    fn record(&mut self, path: &[Seg], at: usize) {
        self.by_name.entry(names(path)).or_insert(at);
        self.exact.entry(hashed(path)).or_insert(at);
    }

    /// The offset where the key at `at` of `stmt` (in the table `ctx`) stands earlier.
    fn lookup(&self, stmt: &Stmt, ctx: &[Seg], at: usize) -> Option<usize> {
        if stmt.keys.is_empty() {
            return None;
        }
        let k = stmt
            .keys
            .iter()
            .position(|k| k.span.start <= at && at < k.span.end.max(k.span.start + 1))
            .unwrap_or(stmt.keys.len() - 1);
        let path: Vec<Seg> = if stmt.kind == StmtKind::KeyVal {
            let mut p = ctx.to_vec();
            p.extend(stmt.keys[..=k].iter().map(|k| Seg::Key(k.name.clone())));
            p
        } else {
            // A header's own path: its keys up to `k`, with the indexes between them.
            let mut p = Vec::new();
            let mut keys = 0;
            for s in ctx {
                if matches!(s, Seg::Key(_)) {
                    if keys > k {
                        break;
                    }
                    keys += 1;
                }
                p.push(s.clone());
            }
            while matches!(p.last(), Some(Seg::Index(_))) {
                p.pop();
            }
            p
        };
        self.exact
            .get(&hashed(&path))
            .copied()
            .filter(|&o| o < at)
            .or_else(|| self.by_name.get(&names(&path)).copied().filter(|&o| o < at))
    }
}

/// The table path of every statement (with the index of each `[[…]]`), and where the keys of
/// the readable ones first stand.
fn contexts(units: &[Unit]) -> (Vec<Vec<Seg>>, First) {
    let mut first = First::default();
    let mut counts: HashMap<Vec<String>, usize> = HashMap::new();
    let mut header: Vec<Seg> = Vec::new();
    let mut out = Vec::with_capacity(units.len());
    let resolve = |names: &[String], counts: &HashMap<Vec<String>, usize>| {
        let mut p = Vec::new();
        for i in 0..names.len() {
            p.push(Seg::Key(names[i].clone()));
            if let Some(c) = counts.get(&names[..=i]) {
                p.push(Seg::Index(c - 1));
            }
        }
        p
    };
    for u in units {
        let keys: Vec<String> = u.stmt.keys.iter().map(|k| k.name.clone()).collect();
        match u.stmt.kind {
            StmtKind::Table | StmtKind::ArrayTable if u.blank => {
                header = keys.into_iter().map(Seg::Key).collect();
                out.push(header.clone());
            }
            StmtKind::Table => {
                header = resolve(&keys, &counts);
                record_prefixes(&mut first, &header, &u.stmt);
                out.push(header.clone());
            }
            StmtKind::ArrayTable => {
                let Some((last, parents)) = keys.split_last() else {
                    out.push(header.clone());
                    continue;
                };
                let mut p = resolve(parents, &counts);
                p.push(Seg::Key(last.clone()));
                record_prefixes(&mut first, &p, &u.stmt);
                let c = counts.entry(keys.clone()).or_insert(0);
                *c += 1;
                p.push(Seg::Index(*c - 1));
                header = p;
                out.push(header.clone());
            }
            StmtKind::KeyVal => {
                if !u.blank {
                    let mut p = header.clone();
                    for (name, key) in keys.iter().zip(&u.stmt.keys) {
                        p.push(Seg::Key(name.clone()));
                        first.record(&p, key.span.start);
                    }
                }
                out.push(header.clone());
            }
            StmtKind::Comment => out.push(header.clone()),
        }
    }
    (out, first)
}

/// Records where each prefix of a header's path first stands (`[a.b]`: `a`, `a.b`).
fn record_prefixes(first: &mut First, path: &[Seg], stmt: &Stmt) {
    let mut keys = stmt.keys.iter();
    for i in 0..path.len() {
        if matches!(path[i], Seg::Key(_)) {
            let at = keys.next().map_or(stmt.span.start, |k| k.span.start);
            first.record(&path[..=i], at);
        }
    }
}

#[cfg(test)]
mod tests;
