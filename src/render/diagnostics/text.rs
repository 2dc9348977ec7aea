//! `validera --format text`: each problem as rustc and ruff show theirs, rendered by
//! `annotate-snippets`: the title with its code, the place, the lines of the file under it
//! with carets (over several lines when the problem's span covers them), then the suggestion
//! and the help.
//!
//! Every character from the data is escaped for the terminal before the renderer sees it, and
//! the span is moved onto the escaped text, so that a caret stands under the character it
//! points at however that is shown (`\u{1b}` is six columns wide). A long line (a list of
//! thousands of values on one line) is cut around the caret: a problem costs what it shows,
//! not the length of its line.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use rayon::prelude::*;

use crate::diagnostic::{Problem, Severity};
use crate::render::escape::terminal::line as one;
use crate::source::Source;

/// The width to render within when the output is not a terminal and `COLUMNS` is unset: the
/// renderer's own default, which shows an excerpt of [`WHOLE`] characters uncut.
const DEFAULT_WIDTH: usize = 140;

/// `text`: every problem with a source excerpt and carets, then an empty line.
pub fn text(problems: &[Problem], root: &Path) -> String {
    // Each file is read and its lines found once: a file may have a hundred thousand problems.
    let mut sources: HashMap<&Path, Option<Source>> = HashMap::new();
    for p in problems.iter().filter(|p| p.span.is_some()) {
        sources
            .entry(p.file.as_path())
            .or_insert_with(|| Source::read(&root.join(&p.file)));
    }
    let width = crate::render::table::terminal_width().unwrap_or(DEFAULT_WIDTH);
    let renderer = Renderer::plain().term_width(width);
    // Each problem is drawn on its own (in parallel: the renderer is most of the time), then
    // the drawings are joined in order.
    let shown: Vec<String> = problems
        .par_iter()
        .map(|p| {
            let excerpt = p.span.as_ref().and_then(|span| {
                sources
                    .get(p.file.as_path())
                    .and_then(Option::as_ref)
                    .and_then(|s| Excerpt::of(s, p.line, span))
            });
            one_problem(p, excerpt.as_ref(), &renderer)
        })
        .collect();
    let mut out = String::with_capacity(shown.iter().map(String::len).sum());
    for s in &shown {
        out.push_str(s);
    }
    out
}

/// One problem as [`text`] shows it, with the empty line after it.
fn one_problem(p: &Problem, excerpt: Option<&Excerpt>, renderer: &Renderer) -> String {
    let shown = renderer.render(&[group(p, excerpt)]);
    let mut out = String::with_capacity(shown.len() + 64);
    match (excerpt, shown.split_once('\n')) {
        // The place is the problem's own line and column (in characters of the file), not
        // the renderer's count in the escaped and cut excerpt: written here, under the
        // title, as the renderer writes it (indented by the width of the line numbers).
        (Some(x), Some((title, rest))) => {
            let width = (x.line + x.text.matches('\n').count()).to_string().len();
            let _ = write!(
                out,
                "{title}\n{:width$}--> {}:{}:{}\n{rest}",
                "",
                file_shown(p),
                p.line,
                p.column
            );
        }
        _ => out.push_str(&shown),
    }
    out.push_str("\n\n");
    out
}

/// The file as shown: `.` for the data folder itself.
fn file_shown(p: &Problem) -> String {
    match one(&p.file_display()).into_owned() {
        f if f.is_empty() => ".".to_owned(),
        f => f,
    }
}

/// One problem as the renderer's report; the place of a problem with an excerpt is written by
/// [`text`].
fn group<'a>(p: &'a Problem, excerpt: Option<&'a Excerpt>) -> Group<'a> {
    let level = match p.severity {
        Severity::Fel => Level::ERROR.with_name("fel"),
        Severity::Varning => Level::WARNING.with_name("varning"),
    };
    let mut group = Group::with_title(level.primary_title(one(&p.message)).id(p.code.as_str()));
    if excerpt.is_none() {
        group = group.element(match p.span {
            Some(_) => Origin::path(file_shown(p))
                .line(p.line)
                .char_column(p.column),
            None => Origin::path(file_shown(p)),
        });
    }
    if let Some(x) = excerpt {
        let label = p.label.as_deref().map(one);
        group = group.element(
            Snippet::source(x.text.as_str())
                .line_start(x.line)
                .annotation(AnnotationKind::Primary.span(x.span.clone()).label(label)),
        );
    } else if let Some(label) = &p.label {
        group = group.element(Level::NOTE.no_name().message(one(label)));
    }
    if let Some(s) = &p.suggestion {
        let shown = match &p.suggestion_note {
            Some(note) => format!("`{}` ({})", one(s), one(note)),
            None => format!("`{}`", one(s)),
        };
        group = group.element(Level::HELP.with_name("förslag").message(shown));
    }
    if let Some(h) = &p.help {
        group = group.element(Level::HELP.with_name("hjälp").message(one(h)));
    }
    group
}

/// A line of up to this many characters is shown whole; of a longer one, at most this many
/// characters before the caret and after it.
const WHOLE: usize = 120;
const BEFORE: usize = 50;
const AFTER: usize = 70;
/// A span over more lines than this is shown on its first line only.
const MAX_LINES: usize = 6;

/// The lines shown under a problem, escaped and cut, and the span moved onto them.
#[derive(Debug, PartialEq, Eq)]
struct Excerpt {
    text: String,
    /// The 1-based line of the file that `text` starts with.
    line: usize,
    /// Byte range in `text`.
    span: Range<usize>,
}

impl Excerpt {
    /// The lines of `span` from `line` on; linear in what is shown, not in the lines.
    fn of(source: &Source, line: usize, span: &Range<usize>) -> Option<Self> {
        let first = source.line_range(line)?;
        let start = span.start.clamp(first.start, first.end);
        let end = span.end.max(start);
        let last_line = if end > start {
            source.index().line(end - 1).max(line)
        } else {
            line
        };
        let last_line = if last_line - line < MAX_LINES {
            last_line
        } else {
            line
        };
        let mut text = String::new();
        let (mut from, mut to) = (0, 0);
        for n in line..=last_line {
            let range = source.line_range(n)?;
            let line_text = &source.text()[range.clone()];
            let at = |offset: usize| {
                floor(
                    line_text,
                    offset.clamp(range.start, range.end) - range.start,
                )
            };
            let (shown, marks) = match (n == line, n == last_line) {
                (true, true) => cut(line_text, at(start), [at(start), at(end).max(at(start))]),
                (true, false) => cut(line_text, at(start), [at(start), line_text.len()]),
                (false, true) => cut(line_text, at(end), [0, at(end)]),
                (false, false) => cut(line_text, 0, [0, 0]),
            };
            if n > line {
                text.push('\n');
            }
            if n == line {
                from = text.len() + marks[0];
            }
            if n == last_line {
                to = text.len() + marks[1];
            }
            text.push_str(&shown);
        }
        // An empty span marks the character at it, as one caret.
        if to == from {
            to = text[from..]
                .chars()
                .next()
                .filter(|&c| c != '\n')
                .map_or(from, |c| from + c.len_utf8());
        }
        Some(Excerpt {
            text,
            line,
            span: from..to,
        })
    }
}

/// A line as shown: whole, or the characters around `focus` with `…` where it is cut, every
/// character escaped for the terminal; and where the byte offsets `marks` of the line are in it
/// (a mark outside what is shown is moved to its edge).
fn cut(line_text: &str, focus: usize, marks: [usize; 2]) -> (String, [usize; 2]) {
    let whole = line_text.len() <= 4 * WHOLE && line_text.chars().count() <= WHOLE;
    let (from, to) = if whole {
        (0, line_text.len())
    } else {
        let from = line_text[..focus]
            .char_indices()
            .rev()
            .nth(BEFORE - 1)
            .map_or(0, |(i, _)| i);
        let to = line_text[focus..]
            .char_indices()
            .nth(AFTER)
            .map_or(line_text.len(), |(i, _)| focus + i);
        (from, to)
    };
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    let lead = shown.len();
    shown.push_str(&one(&line_text[from..to]));
    if to < line_text.len() {
        shown.push('…');
    }
    // The escaping goes character by character, so the escaped text before a mark is the
    // start of the escaped text shown.
    let place = |m: usize| lead + one(&line_text[from..m.clamp(from, to)]).len();
    (shown, [place(marks[0]), place(marks[1])])
}

/// The offset moved back to a character boundary.
fn floor(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, line: usize, span: Range<usize>) -> (String, String) {
        let x = Excerpt::of(&Source::new(text.to_owned()), line, &span).unwrap();
        let marked = x.text[x.span.clone()].to_owned();
        (x.text, marked)
    }

    #[test]
    fn the_span_moves_onto_the_escaped_text() {
        let text = "namn = \"Mat\u{1b}[2J\"\nx = 1\n";
        let at = text.find('\u{1b}').unwrap();
        let (shown, marked) = excerpt(text, 1, at..at + 1);
        assert_eq!(shown, "namn = \"Mat\\u{1b}[2J\"");
        assert_eq!(marked, "\\u{1b}");
    }

    #[test]
    fn a_long_line_is_cut_around_the_caret() {
        let text = format!("a = [{}\"x\"]\n", "\"y\", ".repeat(10_000));
        let at = text.find("\"x\"").unwrap();
        let (shown, marked) = excerpt(&text, 1, at..at + 3);
        assert_eq!(marked, "\"x\"");
        assert!(
            shown.starts_with('…') && shown.chars().count() < 130,
            "{shown}"
        );
    }

    #[test]
    fn a_span_over_lines_shows_them_and_a_very_long_one_its_first() {
        let text = "a = [\n  \"x\",\n]\nb = 1\n";
        let (shown, marked) = excerpt(text, 1, 4..text.find("\nb").unwrap());
        assert_eq!(shown, "a = [\n  \"x\",\n]");
        assert_eq!(marked, "[\n  \"x\",\n]");
        let long = format!("a = [\n{}]\n", "  1,\n".repeat(MAX_LINES + 1));
        let (shown, marked) = excerpt(&long, 1, 4..long.len() - 1);
        assert_eq!((shown.as_str(), marked.as_str()), ("a = [", "["));
    }

    #[test]
    fn an_empty_span_marks_one_character() {
        let (_, marked) = excerpt("ab = 1\n", 1, 3..3);
        assert_eq!(marked, "=");
    }
}
