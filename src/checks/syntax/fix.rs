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
use crate::source::toml_string;

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

/// A key-value line without `=`, or with spaces in its key.
fn no_value(site: &Site<'_>, at: usize) -> Diag {
    let stmt = site.stmt;
    let text = site.text;
    let Some(first) = stmt.keys.first() else {
        return Diag::new(at..at, "raden har inget `=`")
            .help("skriv `nyckel = värde` på varje rad; en kommentar börjar med `#`");
    };
    if let Some(eq) = stmt.eq {
        // `na mn = …`: the key has a gap.
        let written = text[first.span.start..eq].trim_end();
        let parts: Vec<&str> = written.split_whitespace().collect();
        let mut table: Vec<&str> = site.table.iter().map(String::as_str).collect();
        let joined = parts.concat();
        let snake = parts.join("_");
        table.push(&joined);
        let fixed = if expects(site.kind, &table).is_some() {
            joined.clone()
        } else {
            snake
        };
        let range = first.span.start..first.span.start + written.len();
        return Diag::new(
            range.clone(),
            format!("nyckeln `{}` har mellanrum", shown(written)),
        )
        .label("mellanrum i nyckeln")
        .help("nycklar skrivs utan mellanrum, med `_` mellan orden")
        .covers(range.clone())
        .edit(range, fixed);
    }
    let key = &text[first.span.clone()];
    let rest_start = first.span.end;
    let rest_end = content_end(site, rest_start).max(rest_start);
    let rest = text[rest_start..rest_end].trim();
    if rest.is_empty() {
        if matches!(text.as_bytes().get(first.span.start), Some(b'"' | b'\''))
            && stmt.keys.len() == 1
        {
            return Diag::new(
                first.span.clone(),
                format!("`{}` står ensamt på raden, utan nyckel", shown(key)),
            )
            .help("skriv `nyckel = värde`, t.ex. `namn = \"…\"`");
        }
        return Diag::new(
            first.span.clone(),
            format!("nyckeln `{}` har inget `=` och inget värde", shown(key)),
        )
        .help(format!("skriv `{} = värde`", shown(key)));
    }
    let value_ok = toml::de::DeTable::parse(&format!("x = {rest}")).is_ok();
    let with = if value_ok {
        format!(" = {rest}")
    } else {
        format!(" = {}", toml_string(rest))
    };
    Diag::new(at..at, format!("`=` saknas efter nyckeln `{}`", shown(key)))
        .label("`=` saknas")
        .help(format!("skriv `{} = värde`", shown(key)))
        .covers(rest_start..rest_end)
        .edit(rest_start..rest_end, with)
}

/// An unclosed list or table: on one line the closing bracket is added; over several, the
/// opening one is shown.
fn unclosed(site: &Site<'_>, at: usize, open: char, close: char, what: &str) -> Diag {
    let stmt = &site.stmt.span;
    let message = format!("{what} avslutas inte med `{close}`");
    let body = &site.text[stmt.clone()];
    if !body.contains('\n') {
        let pos = content_end(site, stmt.start).max(site.text[..at].trim_end().len().min(stmt.end));
        // `{ a = 1 }` is written with spaces inside, `["a"]` without.
        let spaced = close == '}' && body[body.find(open).map_or(0, |i| i + 1)..].starts_with(' ');
        let with = if spaced {
            format!(" {close}")
        } else {
            close.to_string()
        };
        return Diag::new(pos..pos, message)
            .label(format!("`{close}` saknas"))
            .edit(pos..pos, with);
    }
    let from = site.stmt.eq.map_or(stmt.start, |e| e + 1);
    let opening = site.text[from..stmt.end]
        .find(open)
        .map_or(stmt.start, |i| from + i);
    Diag::new(opening..opening + 1, message)
        .label(format!("{what} börjar här"))
        .help(format!("avsluta {what} med `{close}`"))
}

/// After a whole value, more: a decimal comma, two pairs on one line, quotes inside a text.
fn after_value(site: &Site<'_>, at: usize) -> Diag {
    let text = site.text;
    let stmt = site.stmt;
    let rest = &text[at..content_end(site, at).max(at)];
    let rest_trim = rest.trim_start();
    let pos = at + (rest.len() - rest_trim.len());
    if matches!(stmt.kind, StmtKind::Table | StmtKind::ArrayTable) {
        if rest_trim.starts_with(']') {
            return Diag::new(pos..pos + 1, "en `]` för mycket efter tabellrubriken")
                .label("ta bort")
                .edit(pos..pos + 1, "");
        }
        return Diag::new(pos..pos, "text efter tabellrubriken")
            .label("här")
            .help("en tabellrubrik står ensam på sin rad; skriv nycklarna på raderna under");
    }
    // (An error before the `=` has no value before it.)
    let start = value_start(site).filter(|&s| s <= at).unwrap_or(at);
    let value = text[start..at].trim_end();
    if let Some(after) = rest_trim.strip_prefix(',') {
        let decimals = after.bytes().take_while(u8::is_ascii_digit).count();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) && decimals > 0 {
            return Diag::new(
                start..pos + 1 + decimals,
                "decimaltal skrivs med punkt, inte med komma",
            )
            .label("skriv `.`")
            .edit(pos..pos + 1, ".");
        }
        if split::looks_like_keyval(after) {
            return Diag::new(pos..pos + 1, "två nycklar på samma rad")
                .label("ny rad här")
                .help("skriv varje `nyckel = värde` på en egen rad");
        }
        let end = content_end(site, start);
        let items: Vec<String> = text[start..end]
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|item| {
                if toml::de::DeTable::parse(&format!("x = {item}")).is_ok() {
                    item.to_owned()
                } else {
                    toml_string(item)
                }
            })
            .collect();
        return Diag::new(start..end, "flera värden utan hakparenteser")
            .label("hakparenteser saknas")
            .help("en lista skrivs `[\"a\", \"b\"]`")
            .covers(start..end)
            .edit(start..end, format!("[{}]", items.join(", ")));
    }
    let end = content_end(site, start);
    let whole = &text[start..end];
    let between = text.get(at..end.saturating_sub(1)).unwrap_or_default();
    if whole.len() >= 3
        && whole.starts_with('"')
        && whole.ends_with('"')
        && !between.contains(['=', ','])
    {
        let inner = &whole[1..whole.len() - 1];
        let mut fixed = String::from("\"");
        let mut escaped = false;
        for c in inner.chars() {
            if c == '"' && !escaped {
                fixed.push('\\');
            }
            escaped = c == '\\' && !escaped;
            fixed.push(c);
        }
        fixed.push('"');
        return Diag::new(pos..pos, "ett citattecken inne i texten avslutar den")
            .label("texten slutar här")
            .help("skriv `\\\"` för ett citattecken inne i en text, eller skriv texten inom `'…'`")
            .covers(start..end)
            .edit(start..end, fixed);
    }
    Diag::new(pos..pos, "oväntad text efter värdet")
        .label("här")
        .help("bara en nyckel och ett värde per rad; en kommentar börjar med `#`")
}

fn string(site: &Site<'_>, m: &str, at: usize, quote: char) -> Diag {
    let text = site.text;
    if m.contains(&format!("expected `{quote}`")) {
        if text[..at].trim_end().ends_with('=') {
            return missing_value(site, at);
        }
        return Diag::new(at..at, format!("texten avslutas inte: `{quote}` saknas i slutet"))
            .label(format!("`{quote}` saknas"))
            .help(format!(
                "en text på en rad avslutas med `{quote}` på samma rad; en text över flera rader skrivs inom `\"\"\"`"
            ))
            .edit(at..at, quote.to_string());
    }
    control(text, at, "texten")
}

/// A control character (other than tab) where none may stand.
fn control(text: &str, at: usize, place: &str) -> Diag {
    let end = at
        + text
            .get(at..)
            .and_then(|r| r.chars().next())
            .map_or(0, char::len_utf8);
    Diag::new(at..end, format!("otillåtet styrtecken i {place}"))
        .label("osynligt tecken")
        .help("ta bort tecknet; en tabb i en text skrivs `\\t`")
        .edit(at..end, "")
}

/// A backslash that starts no escape (`C:\Users`).
fn backslash(site: &Site<'_>, at: usize) -> Diag {
    let line_start = site.text[..at].rfind('\n').map_or(0, |i| i + 1);
    let Some(slash) = site.text[line_start..at]
        .rfind('\\')
        .map(|i| line_start + i)
    else {
        return Diag::new(at..at, "ogiltigt tecken efter `\\`")
            .help("i en text inom `\"…\"` skrivs ett bakstreck `\\\\`");
    };
    Diag::new(
        slash..at.max(slash + 1),
        "ett bakstreck i en text skrivs dubbelt",
    )
    .label("skriv `\\\\`")
    .help("i en text inom `\"…\"` skrivs ett bakstreck `\\\\`; eller skriv texten inom `'…'`")
    .edit(slash..slash, "\\")
}

/// A key in ASCII: `språk` → `sprak`, `sista dag` → `sista_dag`.
pub(super) fn ascii_key(key: &str) -> String {
    crate::text::fold(key)
        .chars()
        .map(|c| if c == ' ' { '_' } else { c })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}
