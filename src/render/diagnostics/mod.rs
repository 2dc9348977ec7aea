//! The four formats of `resurs validera`: `text` (a source excerpt with a caret, like rustc:
//! [`text`]), `kort` (one line each), `json` and `github` (GitHub Actions annotations).

mod text;

pub use text::text;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::{Problem, Severity};
use crate::render::escape::terminal::line as one;
use crate::text::words::count;

/// How many entries were read, for the summary line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub aktorer: usize,
    pub insatser: usize,
    pub behov: usize,
}

impl Counts {
    fn phrase(self) -> String {
        format!(
            "{}, {}, {}",
            count(self.aktorer, "aktör", "aktörer"),
            count(self.insatser, "insats", "insatser"),
            count(self.behov, "behov", "behov")
        )
    }
}

/// The closing line: "Allt i ordning: …" or "2 problem i 2 filer (1 fel, 1 varning). …".
pub fn summary(problems: &[Problem], counts: Counts) -> String {
    if problems.is_empty() {
        return format!("Allt i ordning: {}.", counts.phrase());
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Fel)
        .count();
    let warnings = problems.len() - errors;
    let files: BTreeSet<&PathBuf> = problems.iter().map(|p| &p.file).collect();
    format!(
        "{} i {} ({}, {}). {} lästes.",
        count(problems.len(), "problem", "problem"),
        count(files.len(), "fil", "filer"),
        count(errors, "fel", "fel"),
        count(warnings, "varning", "varningar"),
        capitalize(&counts.phrase())
    )
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// The message with its suggestion, on one line (for `kort` and `github`): a newline or an
/// escape sequence in a quoted value is shown escaped, so it can never make a line of its own.
fn one_line(p: &Problem) -> String {
    let mut s = p.message.clone();
    if let Some(sugg) = p
        .suggestion
        .as_ref()
        .filter(|s| !p.message.ends_with(&format!("`{s}`")))
    {
        let _ = write!(s, "; menade du `{sugg}`?");
    } else if let Some(help) = &p.help {
        let _ = write!(s, "; {help}");
    }
    one(&s).into_owned()
}

/// `kort`: `fil:rad:kolumn: fel[KOD]: meddelande`, one line each.
pub fn short(problems: &[Problem]) -> String {
    let mut out = String::new();
    for p in problems {
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            one(&p.file_display()),
            p.line,
            p.column,
            p.severity.as_str(),
            p.code,
            one_line(p)
        );
    }
    out
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    kod: &'a str,
    niva: &'a str,
    fil: String,
    rad: usize,
    kolumn: usize,
    meddelande: &'a str,
    forslag: Option<&'a str>,
}

/// `json`: an array of `{kod, niva, fil, rad, kolumn, meddelande, forslag}`.
pub fn json(problems: &[Problem]) -> String {
    let items: Vec<JsonProblem<'_>> = problems
        .iter()
        .map(|p| JsonProblem {
            kod: p.code.as_str(),
            niva: p.severity.as_str(),
            fil: p.file_display(),
            rad: p.line,
            kolumn: p.column,
            meddelande: &p.message,
            forslag: p.suggestion.as_deref(),
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

/// `github`: workflow commands that GitHub Actions shows as annotations on the pull request.
/// `data_dir` is the data folder as given on the command line, so paths are relative to the
/// repository root when the tool runs there.
pub fn github(problems: &[Problem], data_dir: &Path) -> String {
    let mut out = String::new();
    for p in problems {
        let level = match p.severity {
            Severity::Fel => "error",
            Severity::Varning => "warning",
        };
        let file = repo_path(data_dir, &one(&p.file_display()));
        let _ = writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            escape_property(&file),
            p.line,
            p.column,
            p.code,
            escape_data(&one_line(p))
        );
    }
    out
}

fn repo_path(data_dir: &Path, file: &str) -> String {
    let dir = data_dir.to_string_lossy().replace('\\', "/");
    let dir = dir.trim_start_matches("./").trim_end_matches('/');
    match (dir, file) {
        ("" | ".", f) => f.to_owned(),
        (d, "") => d.to_owned(),
        (d, f) => format!("{d}/{f}"),
    }
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Loc};

    fn problem() -> Problem {
        let mut p = Problem::new(
            Code::E004,
            "aktorer/a/insatser/b.toml",
            Loc::File,
            "okänt behov `x`",
        )
        .suggest("mat");
        p.line = 4;
        p.column = 11;
        p
    }

    #[test]
    fn github_annotations_escape_what_github_would_misread() {
        let mut p = problem();
        p.message = "50% klart\nrad två".into();
        let out = github(&[p], Path::new("./data"));
        assert_eq!(
            out,
            "::error file=data/aktorer/a/insatser/b.toml,line=4,col=11,title=E004::50%25 klart\\nrad två; menade du `mat`?\n"
        );
    }

    #[test]
    fn a_value_cannot_forge_a_line_of_its_own() {
        let mut p = problem();
        p.message = "okänt behov `x\r\n::error file=a.toml::\u{1b}[2J`".into();
        p.suggestion = Some("y\nfil.toml:1:1: fel[E001]: falskt".into());
        for out in [short(&[p.clone()]), github(&[p.clone()], Path::new("."))] {
            assert_eq!(out.lines().count(), 1, "{out}");
            assert!(!out.contains('\u{1b}') && !out.contains('\r'), "{out}");
        }
        let out = text(&[p], Path::new("."));
        assert!(
            !out.lines()
                .any(|l| l.starts_with("::error") || l.starts_with("fil.toml"))
        );
    }

    #[test]
    fn short_format_is_one_line_per_problem() {
        assert_eq!(
            short(&[problem()]),
            "aktorer/a/insatser/b.toml:4:11: fel[E004]: okänt behov `x`; menade du `mat`?\n"
        );
    }

    #[test]
    fn summary_counts_in_swedish() {
        let c = Counts {
            aktorer: 9,
            insatser: 1,
            behov: 8,
        };
        assert_eq!(
            summary(&[], c),
            "Allt i ordning: 9 aktörer, 1 insats, 8 behov."
        );
        let mut w = problem();
        w.severity = Severity::Varning;
        assert_eq!(
            summary(&[problem(), w], c),
            "2 problem i 1 fil (1 fel, 1 varning). 9 aktörer, 1 insats, 8 behov lästes."
        );
    }
}
