//! Checks a parsed TOML document against the JSON Schema of its kind of file, reporting every
//! unknown key, missing key, wrong type and empty list with its exact location. The schemas are
//! generated from `model.rs`, so the model stays the one description of the format.

use crate::source::toml_string;
use std::path::Path;
use std::sync::OnceLock;

use serde_json::Value;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Code, Loc, Problem, Seg};
use crate::model::schema::{Kind, schema};
use crate::text::closest_str;

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

/// What the schema of `kind` expects at a path of keys (array indexes left out: `kontakt`,
/// `epost` for `[[kontakt]]`'s `epost`); `None` for a key the schema does not know.
pub fn expects(kind: Kind, path: &[&str]) -> Option<Expect> {
    let mut node = compiled(kind);
    for key in path {
        if let Node::Array { items, .. } = node {
            node = items;
        }
        match node {
            Node::Object(t) => node = t.get(key)?,
            Node::Any => return Some(Expect::Other),
            _ => return None,
        }
    }
    Some(match node {
        Node::Str | Node::Enum(_) => Expect::Text,
        Node::Array { items, .. } if matches!(**items, Node::Str | Node::Enum(_)) => {
            Expect::TextList
        }
        Node::Date => Expect::Date,
        Node::Integer { .. } => Expect::Integer,
        Node::Boolean => Expect::Boolean,
        Node::Object(_) => Expect::Table,
        Node::Array { .. } | Node::Any => Expect::Other,
    })
}

/// The kind of value a key holds, for the fixes of syntax errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Text,
    TextList,
    Date,
    Integer,
    Boolean,
    Table,
    Other,
}

/// Puts a stand-in value for every required key of `unread` (keys whose lines could not be
/// read) that is missing from `doc`, so that the rest of the file still makes an entry and the
/// rules can check it. The rules must not judge the stand-ins (see `Dataset::unread`).
/// Whether there was one to put.
pub fn stand_ins(doc: &mut Spanned<DeTable<'_>>, kind: Kind, unread: &[Vec<Seg>]) -> bool {
    let Node::Object(root) = compiled(kind) else {
        return false;
    };
    let mut any = false;
    for path in unread {
        let Some((Seg::Key(last), parents)) = path.split_last() else {
            continue;
        };
        let Some((table, node)) = descend(doc.get_mut(), root, parents) else {
            continue;
        };
        if table.contains_key(last.as_str()) || !node.required.contains(last) {
            continue;
        }
        if let Some(value) = node.get(last).and_then(stand_in) {
            table.insert(
                Spanned::new(0..0, std::borrow::Cow::Owned(last.clone())),
                Spanned::new(0..0, value),
            );
            any = true;
        }
    }
    any
}

/// The table at `path` in a document, with its schema.
fn descend<'t, 'i>(
    mut table: &'t mut DeTable<'i>,
    mut node: &'static TableNode,
    path: &[Seg],
) -> Option<(&'t mut DeTable<'i>, &'static TableNode)> {
    let mut at = 0;
    while at < path.len() {
        let Seg::Key(key) = &path[at] else {
            return None;
        };
        let value = table.get_mut(key.as_str())?.get_mut();
        match (node.get(key)?, value) {
            (Node::Object(sub), DeValue::Table(inner)) => {
                table = inner;
                node = sub;
                at += 1;
            }
            (Node::Array { items, .. }, DeValue::Array(list)) => {
                let (Node::Object(sub), Some(Seg::Index(index))) = (&**items, path.get(at + 1))
                else {
                    return None;
                };
                let DeValue::Table(inner) = list.get_mut(*index)?.get_mut() else {
                    return None;
                };
                table = inner;
                node = sub;
                at += 2;
            }
            _ => return None,
        }
    }
    Some((table, node))
}

/// A value of the right type that says nothing: empty text and lists, the last of a choice.
fn stand_in<'i>(node: &Node) -> Option<DeValue<'i>> {
    Some(match node {
        Node::Str | Node::Any => DeValue::String(std::borrow::Cow::Borrowed("")),
        Node::Enum(values) => DeValue::String(std::borrow::Cow::Owned(values.last()?.clone())),
        Node::Array { .. } => DeValue::Array(toml::de::DeArray::new()),
        Node::Date => DeValue::Datetime(toml::value::Datetime {
            date: Some(toml::value::Date {
                year: 2000,
                month: 1,
                day: 1,
            }),
            time: None,
            offset: None,
        }),
        Node::Integer { .. } => DeValue::Integer(toml::de::DeInteger::default()),
        Node::Boolean => DeValue::Boolean(false),
        Node::Object(_) => DeValue::Table(DeTable::new()),
    })
}

/// A schema compiled for checking: what each key may hold, without JSON look-ups per value.
#[derive(Debug)]
enum Node {
    Object(TableNode),
    Array { min_items: u64, items: Box<Node> },
    Str,
    Date,
    Enum(Vec<String>),
    Integer { min: Option<i64>, max: Option<i64> },
    Boolean,
    Any,
}

#[derive(Debug)]
struct TableNode {
    props: Vec<(String, Node)>,
    required: Vec<String>,
    closed: bool,
}

impl TableNode {
    fn get(&self, key: &str) -> Option<&Node> {
        self.props.iter().find(|(k, _)| k == key).map(|(_, n)| n)
    }
}

/// The compiled schema of a kind (once per process).
fn compiled(kind: Kind) -> &'static Node {
    static CACHE: OnceLock<Vec<Node>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        Kind::ALL
            .iter()
            .map(|k| {
                let root = schema(*k);
                compile(root, root)
            })
            .collect()
    });
    &all[Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)]
}

fn resolve<'s>(root: &'s Value, schema: &'s Value) -> &'s Value {
    let mut s = schema;
    for _ in 0..16 {
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next().unwrap_or_default();
            match root.get("definitions").and_then(|d| d.get(name)) {
                Some(target) => s = target,
                None => return s,
            }
            continue;
        }
        if let Some([only]) = s.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
            s = only;
            continue;
        }
        let alternatives = s
            .get("anyOf")
            .or_else(|| s.get("oneOf"))
            .and_then(Value::as_array);
        if let Some(alts) = alternatives {
            let non_null: Vec<&Value> = alts
                .iter()
                .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"))
                .collect();
            if non_null.len() == 1 {
                s = non_null[0];
                continue;
            }
        }
        return s;
    }
    s
}

fn compile(root: &Value, schema: &Value) -> Node {
    let s = resolve(root, schema);
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        return Node::Enum(
            values
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
        );
    }
    if let Some(alts) = s
        .get("oneOf")
        .or_else(|| s.get("anyOf"))
        .and_then(Value::as_array)
    {
        let consts: Vec<String> = alts
            .iter()
            .filter_map(|a| resolve(root, a).get("const").and_then(Value::as_str))
            .map(str::to_owned)
            .collect();
        if !consts.is_empty() {
            return Node::Enum(consts);
        }
    }
    let ty = match s.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ => "",
    };
    match ty {
        "object" => Node::Object(TableNode {
            props: s
                .get("properties")
                .and_then(Value::as_object)
                .map(|p| {
                    p.iter()
                        .map(|(k, v)| (k.clone(), compile(root, v)))
                        .collect()
                })
                .unwrap_or_default(),
            required: s
                .get("required")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default(),
            closed: s.get("additionalProperties") == Some(&Value::Bool(false)),
        }),
        "array" => Node::Array {
            min_items: s.get("minItems").and_then(Value::as_u64).unwrap_or(0),
            items: Box::new(s.get("items").map_or(Node::Any, |i| compile(root, i))),
        },
        "string" if s.get("format").and_then(Value::as_str) == Some("date") => Node::Date,
        "string" => Node::Str,
        "integer" => Node::Integer {
            min: s.get("minimum").and_then(Value::as_i64),
            max: match s.get("format").and_then(Value::as_str) {
                Some("uint32") => Some(i64::from(u32::MAX)),
                Some("uint8") => Some(255),
                _ => None,
            },
        },
        "boolean" => Node::Boolean,
        _ => Node::Any,
    }
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
