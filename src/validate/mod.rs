//! Rules over the [`Dataset`]: every problem in one run, each with a code, a location and,
//! where it can, a suggestion. Problems found while loading are included.

pub mod formats;
mod one_file;
mod rules;
mod vocab;

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::dataset::Dataset;
use crate::date::Datum;
use crate::diagnostic::{Loc, Problem, Seg};
use crate::source::{LineIndex, read_text};

#[doc(hidden)]
pub use one_file::check_one;

/// What the rules need besides the data.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The date staleness and expiry are measured against.
    pub today: Datum,
}

/// Every problem of the data folder, located and sorted by file, line and column.
pub fn validate(ds: &Dataset, opts: &Options) -> Vec<Problem> {
    validate_with(ds, opts, |rel| read_text(&ds.root.join(rel)))
}

/// [`validate`] with the files' texts from `source` instead of the disk.
pub fn validate_with(
    ds: &Dataset,
    opts: &Options,
    source: impl Fn(&Path) -> Option<String>,
) -> Vec<Problem> {
    let mut problems = ds.problems.clone();
    let loaded = problems.len();
    crate::timing::stage("vokabulärregler", || vocab::check(ds, &mut problems));
    crate::timing::stage("övriga regler", || rules::check(ds, *opts, &mut problems));
    if !ds.unread.is_empty() {
        // Values that could not be read have stand-ins in their entries: not for the rules.
        let unread = ds.unread_index();
        let mut i = 0;
        problems.retain(|p| {
            i += 1;
            i <= loaded || !unread.judges(p)
        });
    }
    crate::timing::stage("rad och kolumn", || locate_with(&mut problems, source));
    // One key per problem, not one file name made per comparison.
    problems.sort_by_cached_key(|p| (p.file_display(), p.line, p.column, p.code));
    problems.dedup();
    problems
}

/// Turns every problem's [`Loc`] into a line, a column and a byte span, reading each file with
/// problems once more (only those files).
fn locate_with(problems: &mut [Problem], read: impl Fn(&Path) -> Option<String>) {
    // Each file with problems is read, parsed and walked once, however many problems it has.
    let mut by_file: HashMap<PathBuf, Vec<usize>> = HashMap::new();
    for (i, p) in problems.iter_mut().enumerate() {
        p.line = 1;
        p.column = 1;
        p.span = None;
        by_file.entry(p.file.clone()).or_default().push(i);
    }
    for (file, indexes) in by_file {
        let Some(text) = read(&file) else {
            continue;
        };
        let by_path = indexes
            .iter()
            .any(|&i| matches!(problems[i].loc, Loc::Value(_) | Loc::Key(_)));
        // A file with syntax errors is searched in what can be read of it (same positions).
        let readable;
        let doc = if by_path {
            if let Ok(doc) = DeTable::parse(&text) {
                Some(doc)
            } else {
                readable = crate::checks::syntax::readable(&text);
                readable.as_deref().and_then(|t| DeTable::parse(t).ok())
            }
        } else {
            None
        };
        let spans: Vec<(usize, Range<usize>)> = indexes
            .iter()
            .filter_map(|&i| {
                let span = match &problems[i].loc {
                    Loc::File => None,
                    Loc::Span(s) => Some(s.clone()),
                    Loc::Value(path) => doc.as_ref().and_then(|d| find_in(d, path, false)),
                    Loc::Key(path) => doc.as_ref().and_then(|d| find_in(d, path, true)),
                };
                span.map(|s| (i, s))
            })
            .collect();
        let index = LineIndex::new(&text);
        for (i, span) in spans {
            let (line, column) = index.line_col(&text, span.start);
            let p = &mut problems[i];
            p.line = line;
            p.column = column;
            p.span = Some(span);
        }
    }
}

/// The span of a value (or its key) addressed by a path, in a file's text.
#[cfg(test)]
fn find_path(text: &str, path: &[Seg], want_key: bool) -> Option<Range<usize>> {
    find_in(&DeTable::parse(text).ok()?, path, want_key)
}

/// The span of a value (or its key) addressed by a path, in a parsed file.
fn find_in(doc: &toml::Spanned<DeTable<'_>>, path: &[Seg], want_key: bool) -> Option<Range<usize>> {
    let mut table: &DeTable<'_> = doc.get_ref();
    let mut value: Option<&toml::Spanned<DeValue<'_>>> = None;
    let mut key_span = None;
    for (i, seg) in path.iter().enumerate() {
        let current = match (seg, value) {
            (Seg::Key(k), None) => {
                let (key, v) = table.get_key_value(k.as_str())?;
                key_span = Some(key.span());
                v
            }
            (Seg::Key(k), Some(v)) => {
                let t = v.get_ref().as_table()?;
                let (key, v) = t.get_key_value(k.as_str())?;
                key_span = Some(key.span());
                v
            }
            (Seg::Index(n), Some(v)) => v.get_ref().as_array()?.get(*n)?,
            (Seg::Index(_), None) => return None,
        };
        if i + 1 < path.len() {
            if let DeValue::Table(t) = current.get_ref() {
                table = t;
            }
        }
        value = Some(current);
    }
    if want_key {
        key_span
    } else {
        value.map(toml::Spanned::span)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path;

    #[test]
    fn finds_values_and_keys_by_path() {
        let text = "namn = \"x\"\nbehov = [\"a\", \"b\"]\n\n[[kontakt]]\nnamn = \"Moa\"\n";
        let (behov, kontakt, saknas) = (
            path!["behov", 1],
            path!["kontakt", 0, "namn"],
            path!["saknas"],
        );
        let span = find_path(text, &behov, false).unwrap();
        assert_eq!(&text[span.clone()], "\"b\"");
        assert_eq!(crate::source::line_col(text, span.start), (2, 15));
        let span = find_path(text, &kontakt, true).unwrap();
        assert_eq!(crate::source::line_col(text, span.start), (5, 1));
        assert!(find_path(text, &saknas, false).is_none());
    }
}
