//! One syntax error of the parser, said in Swedish with what to write instead. The parser's
//! English message only chooses which case it is; none of its text is shown. Where the fix is
//! clear, an edit of the line comes with it (checked by parsing the corrected statement).

use std::fmt::Write as _;
use std::ops::Range;

use toml_parser::lexer::TokenKind;

use super::split::{self, Stmt, StmtKind};
use super::values::{missing_value, value};
use crate::checks::shape::{Expect, expects};
use crate::model::schema::Kind;

use super::mistakes::{after_value, backslash, control, no_value, string, unclosed};

/// Where an error is: the statement, and the table it is in.
pub(super) struct Site<'a> {
    pub text: &'a str,
    pub stmt: &'a Stmt,
    pub kind: Kind,
    /// The keys of the table the statement is in (`kontakt` for the keys after `[[kontakt]]`).
    pub table: &'a [String],
}

/// A change of the text: `range` becomes `with`.
#[derive(Debug, Clone)]
pub(super) struct Edit {
    pub range: Range<usize>,
    pub with: String,
}

/// An error in Swedish.
#[derive(Debug, Clone)]
pub(super) struct Diag {
    pub span: Range<usize>,
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
    /// The corrections (one, or more for the same error again on a line).
    pub edits: Vec<Edit>,
    /// The text the diagnosis has read (an unquoted text to the end of the line): the parser's
    /// later errors inside it follow from this one.
    pub covers: Option<Range<usize>>,
}

impl Diag {
    pub(super) fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Diag {
            span,
            message: message.into(),
            label: None,
            help: None,
            edits: Vec::new(),
            covers: None,
        }
    }

    pub(super) fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub(super) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub(super) fn edit(mut self, range: Range<usize>, with: impl Into<String>) -> Self {
        self.edits.push(Edit {
            range,
            with: with.into(),
        });
        self
    }

    pub(super) fn covers(mut self, range: Range<usize>) -> Self {
        self.covers = Some(range);
        self
    }
}

/// Text from the file shown in a message: at most 40 characters, control characters escaped.
pub(crate) fn shown(raw: &str) -> String {
    let mut out = String::new();
    for (i, c) in raw.chars().enumerate() {
        if i == 40 {
            out.push('…');
            break;
        }
        if c.is_control() {
            let _ = write!(out, "\\u{{{:04X}}}", u32::from(c));
        } else if c == '`' {
            out.push('\'');
        } else {
            out.push(c);
        }
    }
    out
}

/// The parser's descriptions of a value it could not read as one of TOML's kinds.
const SCALAR: &[&str] = &[
    "string values must be quoted",
    "invalid boolean",
    "invalid float",
    "invalid integer",
    "invalid hexadecimal",
    "invalid octal",
    "invalid binary",
    "invalid date",
    "invalid time",
    "unexpected leading zero",
    "unexpected sign",
    "redundant",
    "integers with a radix",
    "radix must be lowercase",
    "`_` may only go between digits",
];

/// The error `message` of the parser at `span`, in Swedish.
pub(super) fn diagnose(site: &Site<'_>, message: &str, span: Range<usize>) -> Diag {
    let m = message.to_ascii_lowercase();
    let text = site.text;
    let at = span.start.min(text.len());
    let has = |needle: &str| m.starts_with(needle);
    if SCALAR.iter().any(|s| has(s)) {
        return value(site, &m, at);
    }
    if has("key with no value") {
        return no_value(site, at);
    }
    if has("invalid unquoted key") {
        // The whole key, not only the letter the parser stopped at.
        let span = site
            .stmt
            .keys
            .iter()
            .find(|k| k.span.start <= at && at < k.span.end)
            .map_or(span, |k| k.span.clone());
        let key = text.get(span.clone()).unwrap_or_default();
        let mut d = Diag::new(
            span.clone(),
            format!(
                "nyckeln `{}` har tecken som inte får stå i en nyckel",
                shown(key)
            ),
        )
        .help("nycklar skrivs med a–z, 0–9, `_` och `-`, utan å, ä och ö");
        let ascii = ascii_key(key);
        if !ascii.is_empty() {
            d = d.edit(span, ascii);
        }
        return d;
    }
    if has("unquoted keys cannot be empty") {
        let before = text[..at].trim_end_matches([' ', '\t']);
        if before.ends_with('.') {
            let dot = before.len() - 1;
            return Diag::new(at..at, "nyckeln slutar med en punkt")
                .label("namn saknas efter punkten")
                .help("en punkt står mellan två nycklar: `plats.kommun`")
                .edit(dot..at, "");
        }
        if matches!(site.stmt.kind, StmtKind::Table | StmtKind::ArrayTable) {
            return Diag::new(at..at, "tabellrubriken har inget namn")
                .help("skriv `[namn]`, t.ex. `[plats]` eller `[[kontakt]]`");
        }
        return Diag::new(at..at, "nyckeln saknas före `=`")
            .label("nyckel saknas")
            .help("skriv `nyckel = värde`, t.ex. `namn = \"…\"`");
    }
    if has("keys cannot be multi-line") {
        return Diag::new(span, "en nyckel kan inte vara en text över flera rader")
            .help("skriv nyckeln utan citattecken: `namn = \"…\"`");
    }
    if has("unclosed table") || has("unclosed array table") {
        let close = expected_literal(&m).unwrap_or("]");
        return Diag::new(
            at..at,
            format!("tabellrubriken avslutas inte med `{close}`"),
        )
        .label(format!("`{close}` saknas"))
        .edit(at..at, close);
    }
    if has("unclosed array") {
        return unclosed(site, at, '[', ']', "listan");
    }
    if has("unclosed inline table") {
        return unclosed(site, at, '{', '}', "tabellen");
    }
    if has("missing comma between array elements") {
        let pos = text[..at].trim_end().len();
        return Diag::new(at..at, "kommatecken saknas mellan värdena i listan")
            .label("`,` saknas")
            .help("en lista skrivs `[\"a\", \"b\"]`")
            .edit(pos..pos, ",");
    }
    if has("missing comma between key-value pairs") {
        let pos = text[..at].trim_end().len();
        return Diag::new(at..at, "kommatecken saknas mellan nycklarna i tabellen")
            .label("`,` saknas")
            .help("en tabell på en rad skrivs `{ namn = \"…\", kommun = \"…\" }`")
            .edit(pos..pos, ",");
    }
    if has("extra comma") {
        return Diag::new(span.clone(), "ett kommatecken för mycket")
            .label("ta bort")
            .edit(span, "");
    }
    if has("extra `=`") || has("extra assignment") {
        let end = content_end(site, at);
        return Diag::new(span.clone(), "ett `=` för mycket")
            .label("ta bort")
            .covers(at..end)
            .edit(span, "");
    }
    if has("missing assignment between key-value pairs") {
        return Diag::new(at..at, "`=` saknas mellan nyckel och värde")
            .label("`=` saknas")
            .help("en tabell på en rad skrivs `{ namn = \"…\", kommun = \"…\" }`")
            .edit(at..at, "= ");
    }
    if has("missing value") {
        return missing_value(site, at);
    }
    if has("missing key for inline table element") {
        return Diag::new(at..at, "nyckeln saknas före `=` i tabellen")
            .help("en tabell på en rad skrivs `{ namn = \"…\", kommun = \"…\" }`");
    }
    if has("unexpected `=` in array") {
        return Diag::new(span, "`=` i en lista")
            .help("en lista har bara värden: `[\"a\", \"b\"]`; en tabell skrivs `{ a = 1 }`");
    }
    if has("unexpected key or value") || has("unexpected content") {
        return after_value(site, at);
    }
    if has("invalid basic string") || has("invalid literal string") {
        let quote = if has("invalid basic string") {
            '"'
        } else {
            '\''
        };
        return string(site, &m, at, quote);
    }
    if has("invalid multi-line") {
        let quote = if m.contains("basic") { "\"\"\"" } else { "'''" };
        if m.contains("expected `\"`") || m.contains("expected `'`") {
            let open = text[site.stmt.span.clone()]
                .find(quote)
                .map_or(at, |i| site.stmt.span.start + i);
            return Diag::new(
                open..open + quote.len(),
                format!("texten över flera rader avslutas inte med `{quote}`"),
            )
            .label("texten börjar här")
            .help(format!("avsluta texten med `{quote}`"));
        }
        return control(text, at, "texten");
    }
    if has("missing escaped value")
        || has("too few unicode value digits")
        || has("invalid escape")
        || has("missing opening quote")
    {
        return backslash(site, at);
    }
    if has("invalid comment character") {
        return control(text, at, "kommentaren");
    }
    if has("carriage return") {
        return Diag::new(at..at, "ett ensamt vagnreturtecken (CR) utan radbrytning")
            .help("spara filen med vanliga radslut (LF)");
    }
    if has("cannot recurse further") || has("recursion limit") {
        return Diag::new(span, "för djupt nästlade listor eller tabeller")
            .help("en datafil behöver bara ett par nivåer")
            .covers(at..site.stmt.span.end);
    }
    if has("missing array opening") || has("missing inline table opening") {
        return Diag::new(span, "en avslutande parentes utan början")
            .help("en lista skrivs `[\"a\", \"b\"]`, en tabell `{ a = 1 }`");
    }
    Diag::new(span, "ogiltig TOML här")
        .help("skriv `nyckel = värde` på varje rad; se https://toml.io/sv/ för hur TOML skrivs")
}

/// The literal after "expected" in a parser message (`]]`).
fn expected_literal(m: &str) -> Option<&str> {
    let rest = &m[m.find("expected `")? + 10..];
    Some(&rest[..rest.find('`')?])
}

/// The statement's key, as written (`namn`, `plats.kommun`).
pub(super) fn key_name(site: &Site<'_>) -> String {
    site.stmt
        .keys
        .iter()
        .map(|k| k.name.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

/// What the schema expects at the statement's key; inside the brackets of a list, what its
/// items are.
pub(super) fn expectation(site: &Site<'_>, at: usize) -> Option<Expect> {
    let mut path: Vec<&str> = site.table.iter().map(String::as_str).collect();
    path.extend(site.stmt.keys.iter().map(|k| k.name.as_str()));
    let e = expects(site.kind, &path);
    let start = value_start(site)?;
    if site.text[start..].starts_with('[') && at > start {
        return match e {
            Some(Expect::TextList) => Some(Expect::Text),
            _ => Some(Expect::Other),
        };
    }
    e
}

/// The first character of the value, after `=` and spaces.
pub(super) fn value_start(site: &Site<'_>) -> Option<usize> {
    let eq = site.stmt.eq?;
    let rest = &site.text[eq + 1..site.stmt.span.end];
    Some(eq + 1 + (rest.len() - rest.trim_start_matches([' ', '\t']).len()))
}

/// The end of the line's content at `at`, before a comment.
pub(super) fn content_end(site: &Site<'_>, from: usize) -> usize {
    let line_end = from + split::line_at(site.text, from).len();
    let mut end = from;
    for t in split::lex(site.text, from..line_end) {
        match t.kind {
            TokenKind::Comment | TokenKind::Newline => break,
            TokenKind::Whitespace => {}
            _ => end = t.end,
        }
    }
    end
}

/// A key in ASCII: `språk` → `sprak`, `sista dag` → `sista_dag`.
pub(super) fn ascii_key(key: &str) -> String {
    crate::text::fold(key)
        .chars()
        .map(|c| if c == ' ' { '_' } else { c })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}
