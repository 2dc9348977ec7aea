//! Validation problems as values: every rule returns [`Problem`]s; nothing here prints.

mod code;
pub mod explain;

pub use code::{Code, UnknownCode};

use std::ops::Range;
use std::path::PathBuf;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Fel,
    Varning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Fel => "fel",
            Severity::Varning => "varning",
        }
    }
}

/// One segment of a path into a TOML document: a key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

impl From<&str> for Seg {
    fn from(k: &str) -> Self {
        Seg::Key(k.to_owned())
    }
}

impl From<usize> for Seg {
    fn from(i: usize) -> Self {
        Seg::Index(i)
    }
}

/// Where in a file a problem is, before it is turned into a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loc {
    /// The file as a whole (line 1, column 1).
    File,
    /// A byte range of the source.
    Span(Range<usize>),
    /// A value addressed by its path of keys and indexes (`behov[2]`).
    Value(Vec<Seg>),
    /// The key itself of a path's last segment.
    Key(Vec<Seg>),
}

/// Builds a path from keys and indexes: `path!["kontakt", 0, "epost"]`.
#[macro_export]
macro_rules! path {
    ($($seg:expr),* $(,)?) => { vec![$($crate::diagnostic::Seg::from($seg)),*] };
}

/// A problem found in the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Stable code, e.g. `E004`; listed in the README and explained by `resurs forklara`.
    pub code: Code,
    /// The code's severity ([`Code::severity`]).
    pub severity: Severity,
    /// Path relative to the data folder, with `/` separators.
    pub file: PathBuf,
    pub loc: Loc,
    /// Swedish, one sentence, no trailing period.
    pub message: String,
    /// A short label under the caret in the text format ("skriv id:t, inte etiketten").
    pub label: Option<String>,
    /// What to write instead, as it would be written (`samtalsstod`).
    pub suggestion: Option<String>,
    /// A note on the suggestion, e.g. the label of a vocabulary term (`Samtalsstöd`).
    pub suggestion_note: Option<String>,
    /// General advice on how to fix it.
    pub help: Option<String>,
    /// Filled in by [`crate::validate::locate`]: 1-based line and column.
    pub line: usize,
    pub column: usize,
    /// Byte range in the file, when known (for the caret).
    pub span: Option<Range<usize>>,
}

impl Problem {
    pub fn new(code: Code, file: impl Into<PathBuf>, loc: Loc, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.severity(),
            file: file.into(),
            loc,
            message: message.into(),
            label: None,
            suggestion: None,
            suggestion_note: None,
            help: None,
            line: 0,
            column: 0,
            span: None,
        }
    }

    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    #[must_use]
    pub fn suggest(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    #[must_use]
    pub fn suggest_with_note(
        mut self,
        suggestion: impl Into<String>,
        note: impl Into<String>,
    ) -> Self {
        self.suggestion = Some(suggestion.into());
        self.suggestion_note = Some(note.into());
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The file path as shown to users: always `/`-separated.
    pub fn file_display(&self) -> String {
        if self.file.as_os_str().is_empty() {
            return ".".into();
        }
        self.file
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// How many unknown values of one file get suggestions. Looking for the closest of a big
/// vocabulary costs milliseconds a value; a file with a hundred thousand unknown values must
/// still take a second, not minutes.
pub const SUGGESTIONS_PER_FILE: usize = 100;

/// The suggestions one file has had: after [`SUGGESTIONS_PER_FILE`] unknown values, no more
/// are looked for, and the first value without one says so.
#[derive(Debug, Default)]
pub struct Suggestions {
    asked: usize,
}

impl Suggestions {
    /// Whether to look for a suggestion for one more unknown value (`p`'s problem); the first
    /// value past the limit gets a note that no more are shown.
    pub fn allow(&mut self, p: &mut Problem) -> bool {
        self.asked += 1;
        if self.asked == SUGGESTIONS_PER_FILE + 1 {
            let note = format!(
                "fler förslag visas inte för den här filen (den har fler än {SUGGESTIONS_PER_FILE} okända värden)"
            );
            p.help = Some(match p.help.take() {
                Some(h) => format!("{h}; {note}"),
                None => note,
            });
        }
        self.asked <= SUGGESTIONS_PER_FILE
    }
}
