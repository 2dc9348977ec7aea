//! Checks a parsed TOML document against the JSON Schema of its kind of file, reporting every
//! unknown key, missing key, wrong type and empty list with its exact location. The schemas are
//! generated from the model (`src/model/`), so the model stays the one description of the format.

mod expect;

pub use expect::{Expect, expects, stand_ins};

use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Code, Loc, Problem, Seg};
use crate::model::schema::Kind;
use crate::source::toml_string;
use crate::text::closest_str;
use expect::{Node, TableNode, compiled};

/// Words people write for a key, folded, and the key they mean.
const KEY_ALIASES: &[(&str, &str)] = &[
    ("hemsida", "webb"),
    ("webbplats", "webb"),
    ("webbsida", "webb"),
    ("url", "webb"),
    ("website", "webb"),
    ("mejl", "epost"),
    ("mail", "epost"),
    ("email", "epost"),
    ("e-post", "epost"),
    ("e_post", "epost"),
    ("tel", "telefon"),
    ("telefonnummer", "telefon"),
    ("phone", "telefon"),
    ("malgrupp", "malgrupper"),
    ("omrade", "omraden"),
    ("kategori", "kategorier"),
    ("sprak_", "sprak"),
    ("language", "sprak"),
    ("name", "namn"),
    ("description", "beskrivning"),
    ("orgnr", "organisationsnummer"),
    ("organisationsnr", "organisationsnummer"),
];

/// Checks `doc` (a whole file) against the schema of `kind`; appends what is wrong to `out`.
pub fn check(doc: &Spanned<DeTable<'_>>, kind: Kind, file: &Path, out: &mut Vec<Problem>) {
    check_readable(doc, kind, file, &[], out);
}

/// [`check`] for what could be read of a file with syntax errors: a required key under one of
/// the paths in `unread` (keys whose lines could not be read) is not reported as missing.
pub fn check_readable(
    doc: &Spanned<DeTable<'_>>,
    kind: Kind,
    file: &Path,
    unread: &[Vec<Seg>],
    out: &mut Vec<Problem>,
) {
    let Node::Object(root) = compiled(kind) else {
        return;
    };
    let unread = unread
        .iter()
        .map(|path| {
            path.iter()
                .map(|s| match s {
                    Seg::Key(k) => Ok(k.as_str()),
                    Seg::Index(i) => Err(*i),
                })
                .collect()
        })
        .collect();
    let mut walker = Walker {
        file,
        kind,
        unread,
        out,
        suggestions: crate::diagnostic::Suggestions::default(),
    };
    walker.table(doc.get_ref(), doc.span(), root, &mut Vec::new());
}

struct Walker<'a> {
    file: &'a Path,
    kind: Kind,
    /// Keys whose lines had a syntax error: not reported as missing.
    unread: std::collections::HashSet<Vec<Result<&'a str, usize>>>,
    out: &'a mut Vec<Problem>,
    suggestions: crate::diagnostic::Suggestions,
}

/// Where a value is, for messages only (keys borrowed from the document).
#[derive(Clone, Copy)]
enum At<'d> {
    Key(&'d str),
    Index(usize),
}

impl Walker<'_> {
    fn push(&mut self, p: Problem) {
        self.out.push(p);
    }

    fn table<'d>(
        &mut self,
        table: &'d DeTable<'d>,
        span: std::ops::Range<usize>,
        node: &TableNode,
        path: &mut Vec<At<'d>>,
    ) {
        let mut suggested: Vec<&str> = Vec::new();
        // The same key twice, in two Unicode forms: the parser sees two keys, a reader one.
        if table.keys().any(|k| !k.get_ref().is_ascii()) {
            // A set: a table may have a hundred thousand keys.
            let mut seen_nfc: std::collections::HashSet<String> = std::collections::HashSet::new();
            let mut in_order: Vec<_> = table.keys().collect();
            in_order.sort_by_key(|k| k.span().start);
            for key in in_order {
                let n = crate::text::nfc(key.get_ref());
                if seen_nfc.contains(n.as_str()) {
                    self.push(
                        Problem::new(
                            Code::E001,
                            self.file,
                            Loc::Span(key.span()),
                            format!(
                                "nyckeln `{n}` finns redan (skriven med en annan Unicode-form)"
                            ),
                        )
                        .help(
                            "en nyckel får bara förekomma en gång; ta bort eller slå ihop raderna",
                        ),
                    );
                } else {
                    seen_nfc.insert(n);
                }
            }
        }
        for (key, value) in table {
            let name: &'d str = key.get_ref().as_ref();
            match node.get(name) {
                Some(sub) => {
                    path.push(At::Key(name));
                    self.value(value, sub, path);
                    path.pop();
                    if node.required.iter().any(|k| k == name)
                        && value
                            .get_ref()
                            .as_str()
                            .is_some_and(|t| t.trim().is_empty())
                    {
                        self.push(
                            Problem::new(
                                Code::E023,
                                self.file,
                                Loc::Span(value.span()),
                                format!("`{name}` får inte vara tom"),
                            )
                            .help(format!("skriv {} här", field_hint(name))),
                        );
                    }
                }
                None if node.closed => {
                    let known: Vec<&str> = node.props.iter().map(|(k, _)| k.as_str()).collect();
                    let mut p = Problem::new(
                        Code::E002,
                        self.file,
                        Loc::Span(key.span()),
                        format!("okänd nyckel `{name}`"),
                    )
                    .label(format!("finns inte i {}", self.where_(path)));
                    let folded = crate::text::fold(name);
                    let alias = KEY_ALIASES
                        .iter()
                        .find(|(a, _)| folded == *a)
                        .map(|(_, k)| *k)
                        .filter(|k| known.contains(k));
                    let best = alias.or_else(|| {
                        self.suggestions
                            .allow(&mut p)
                            .then(|| closest_str(name, known.iter().copied()).first().copied())
                            .flatten()
                    });
                    if let Some(best) = best {
                        suggested.push(best);
                        p = p.suggest(best);
                    } else {
                        let allowed = format!("tillåtna nycklar: {}", backticked(&known));
                        p.help = Some(match p.help.take() {
                            Some(earlier) => format!("{allowed}; {earlier}"),
                            None => allowed,
                        });
                    }
                    self.push(p);
                }
                None => {}
            }
        }
        for key in &node.required {
            // A misspelled key already says what is missing.
            if !table.keys().any(|k| k.get_ref() == key)
                && !suggested.contains(&key.as_str())
                && !self.unread_at(path, key)
            {
                let loc = if path.is_empty() {
                    Loc::File
                } else {
                    Loc::Span(span.clone())
                };
                let example = node.get(key).map(example).unwrap_or_default();
                self.push(
                    Problem::new(
                        Code::E003,
                        self.file,
                        loc,
                        format!("nyckeln `{key}` saknas i {}", self.where_(path)),
                    )
                    .help(format!("lägg till en rad: `{key} = {example}`")),
                );
            }
        }
    }

    /// Whether the key `key` of the table at `path` is under a key whose line could not be read.
    fn unread_at(&self, path: &[At<'_>], key: &str) -> bool {
        if self.unread.is_empty() {
            return false;
        }
        let mut full: Vec<Result<&str, usize>> = path
            .iter()
            .map(|a| match a {
                At::Key(k) => Ok(*k),
                At::Index(i) => Err(*i),
            })
            .collect();
        full.push(Ok(key));
        (1..=full.len()).any(|n| self.unread.contains(&full[..n]))
    }

    /// "en aktörsfil", "`kontakt` nr 2": where a key is, for messages.
    fn where_(&self, path: &[At<'_>]) -> String {
        match path {
            [] => match self.kind {
                Kind::Installningar => "resurs.toml".into(),
                Kind::Aktor => "en aktörsfil".into(),
                Kind::Insats => "en insatsfil".into(),
                Kind::Behov => "en behovsfil".into(),
                _ => format!("filen för {}", self.kind.describe()),
            },
            [.., At::Key(k), At::Index(i)] => format!("`{k}` nr {}", i + 1),
            [.., At::Key(k)] => format!("`{k}`"),
            [.., At::Index(i)] => format!("element nr {}", i + 1),
        }
    }

    fn value<'d>(&mut self, v: &'d Spanned<DeValue<'d>>, node: &Node, path: &mut Vec<At<'d>>) {
        let span = v.span();
        // Messages are built only when something is wrong.
        let key = || last_key(path);
        let wrong = |expected: &str| -> Problem {
            Problem::new(
                Code::E005,
                self.file,
                Loc::Span(span.clone()),
                format!(
                    "`{}` ska vara {expected}, inte {}",
                    key(),
                    describe_value(v.get_ref())
                ),
            )
        };
        match (node, v.get_ref()) {
            (Node::Object(t), DeValue::Table(table)) => self.table(table, span.clone(), t, path),
            (Node::Object(_), _) => {
                let p = wrong("en tabell")
                    .help(format!("skriv t.ex. `{} = {{ namn = \"…\" }}`", key()));
                self.push(p);
            }
            (Node::Array { min_items, items }, DeValue::Array(list)) => {
                if list.is_empty() && *min_items > 0 {
                    self.push(
                        Problem::new(
                            Code::E023,
                            self.file,
                            Loc::Span(span.clone()),
                            format!("`{}` får inte vara en tom lista", key()),
                        )
                        .help(format!("skriv minst ett värde: `{} = [\"…\"]`", key())),
                    );
                }
                for (i, item) in list.iter().enumerate() {
                    path.push(At::Index(i));
                    self.value(item, items, path);
                    path.pop();
                }
            }
            (Node::Array { .. }, DeValue::String(text)) => {
                let p = wrong("en lista")
                    .label("hakparenteser saknas")
                    .suggest(format!("[{}]", toml_string(text)));
                self.push(p);
            }
            (Node::Array { .. }, _) => {
                let p = wrong("en lista").help(format!("skriv t.ex. `{} = [\"…\", \"…\"]`", key()));
                self.push(p);
            }
            (Node::Str, DeValue::String(_))
            | (Node::Boolean, DeValue::Boolean(_))
            | (Node::Any, _) => {}
            (Node::Str, DeValue::Integer(i)) => {
                let p = wrong("text")
                    .label("citattecken saknas")
                    .suggest(format!("\"{}\"", i.as_str()));
                self.push(p);
            }
            (Node::Str, _) => {
                let p = wrong("text").help(format!(
                    "skriv texten inom citattecken: `{} = \"…\"`",
                    key()
                ));
                self.push(p);
            }
            (Node::Date, DeValue::Datetime(dt)) => {
                if dt.time.is_some() || dt.offset.is_some() || dt.date.is_none() {
                    let p = Problem::new(
                        Code::E005,
                        self.file,
                        Loc::Span(span.clone()),
                        format!("`{}` ska vara ett datum utan klockslag", key()),
                    )
                    .maybe_date_suggestion(dt.date.map(|d| d.to_string()));
                    self.push(p);
                }
            }
            (Node::Date, DeValue::String(text)) => {
                let p = wrong("ett datum").label("datum skrivs utan citattecken");
                let p = if crate::date::Datum::parse(text.trim()).is_some() {
                    p.suggest(text.trim().to_owned())
                } else {
                    p.help(format!(
                        "skriv datumet som ÅÅÅÅ-MM-DD utan citattecken: `{} = 2026-01-31`",
                        key()
                    ))
                };
                self.push(p);
            }
            (Node::Date, _) => {
                let p = wrong("ett datum").help(format!("skriv `{} = 2026-01-31`", key()));
                self.push(p);
            }
            (Node::Enum(values), DeValue::String(text)) => {
                if !values.iter().any(|x| x == text.as_ref()) {
                    let values: Vec<&str> = values.iter().map(String::as_str).collect();
                    let mut p = Problem::new(
                        Code::E005,
                        self.file,
                        Loc::Span(span.clone()),
                        format!("`{}` kan inte vara `{text}`", key()),
                    )
                    .help(format!("möjliga värden: {}", backticked(&values)));
                    if self.suggestions.allow(&mut p) {
                        if let Some(best) = closest_str(text, values.iter().copied()).first() {
                            p = p.suggest(format!("\"{best}\""));
                        }
                    }
                    self.push(p);
                }
            }
            (Node::Enum(values), _) => {
                let values: Vec<&str> = values.iter().map(String::as_str).collect();
                let p = wrong("text").help(format!("möjliga värden: {}", backticked(&values)));
                self.push(p);
            }
            (Node::Integer { min, max }, DeValue::Integer(i)) => {
                let n = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok();
                let too_small = min.zip(n).is_some_and(|(m, n)| n < m);
                let too_big = n.is_none() || max.zip(n).is_some_and(|(m, n)| n > m);
                let message = if too_small && *min == Some(0) {
                    format!("`{}` kan inte vara negativ", key())
                } else if too_small {
                    format!("`{}` är för litet", key())
                } else {
                    format!("`{}` är för stort", key())
                };
                if too_small || too_big {
                    self.push(Problem::new(
                        Code::E005,
                        self.file,
                        Loc::Span(span.clone()),
                        message,
                    ));
                }
            }
            (Node::Integer { .. }, DeValue::String(text)) if text.trim().parse::<u32>().is_ok() => {
                let p = wrong("ett heltal")
                    .label("tal skrivs utan citattecken")
                    .suggest(text.trim().to_owned());
                self.push(p);
            }
            (Node::Integer { .. }, _) => {
                let p = wrong("ett heltal").help(format!("skriv t.ex. `{} = 18`", key()));
                self.push(p);
            }
            (Node::Boolean, DeValue::String(text)) => {
                let suggestion = match crate::text::fold(text).as_str() {
                    "true" | "ja" | "sant" | "yes" => Some("true"),
                    "false" | "nej" | "falskt" | "no" => Some("false"),
                    _ => None,
                };
                let mut p = wrong("sant eller falskt (`true` eller `false`)")
                    .label("skrivs utan citattecken");
                if let Some(s) = suggestion {
                    p = p.suggest(s);
                }
                self.push(p);
            }
            (Node::Boolean, _) => {
                let p = wrong("sant eller falskt (`true` eller `false`)");
                self.push(p);
            }
        }
    }
}

fn example(node: &Node) -> String {
    match node {
        Node::Object(_) => "{ … }".into(),
        Node::Array { .. } => "[\"…\"]".into(),
        Node::Date => "2026-01-31".into(),
        Node::Enum(values) => format!("\"{}\"", values.first().map_or("…", String::as_str)),
        Node::Integer { .. } => "0".into(),
        Node::Boolean => "false".into(),
        Node::Str | Node::Any => "\"…\"".into(),
    }
}

trait DateSuggestion {
    fn maybe_date_suggestion(self, date: Option<String>) -> Self;
}

impl DateSuggestion for Problem {
    fn maybe_date_suggestion(self, date: Option<String>) -> Self {
        match date {
            Some(d) => self.suggest(d),
            None => self.help("skriv datumet som ÅÅÅÅ-MM-DD"),
        }
    }
}

fn last_key(path: &[At<'_>]) -> String {
    let key = path.iter().rev().find_map(|s| match s {
        At::Key(k) => Some(*k),
        At::Index(_) => None,
    });
    match (key, path.last()) {
        (Some(k), Some(At::Index(i))) => format!("{k}[{i}]"),
        (Some(k), _) => k.to_owned(),
        (None, _) => String::new(),
    }
}

/// A value's kind in plain Swedish, for "ska vara X, inte Y".
pub fn describe_value(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "ett heltal",
        DeValue::Float(_) => "ett decimaltal",
        DeValue::Boolean(_) => "sant/falskt",
        DeValue::Datetime(_) => "ett datum",
        DeValue::Array(_) => "en lista",
        DeValue::Table(_) => "en tabell",
    }
}

fn backticked(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What belongs in a required text field, for the E023 help.
fn field_hint(key: &str) -> &'static str {
    match key {
        "namn" => "namnet",
        "titel" => "en kort rubrik",
        "beskrivning" => "en beskrivning med vanlig text",
        "typ" => "ett id ur `vokabular/aktorstyper.toml`",
        _ => "ett värde",
    }
}
