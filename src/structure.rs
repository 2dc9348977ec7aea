//! Checks a parsed TOML document against the JSON Schema of its kind of file, reporting every
//! unknown key, missing key, wrong type and empty list with its exact location. The schemas are
//! generated from `model.rs`, so the model stays the one description of the format.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::path;
use crate::problem::{Loc, Problem, Seg};
use crate::schema::{Kind, schema};
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
    let root = schema(kind);
    let mut walker = Walker {
        root,
        file,
        kind,
        out,
    };
    walker.table(doc.get_ref(), doc.span(), root, &mut Vec::new());
}

struct Walker<'a> {
    root: &'a Value,
    file: &'a Path,
    kind: Kind,
    out: &'a mut Vec<Problem>,
}

/// The shape a schema node asks for, after `$ref` and `null` alternatives are removed.
enum Shape<'s> {
    Object(&'s Value),
    Array(&'s Value),
    Str,
    Date,
    Enum(Vec<&'s str>),
    Integer { min: Option<i64>, max: Option<i64> },
    Boolean,
    Any,
}

impl<'a> Walker<'a> {
    fn resolve<'s>(&self, schema: &'s Value) -> &'s Value
    where
        'a: 's,
    {
        let mut s = schema;
        for _ in 0..16 {
            if let Some(r) = s.get("$ref").and_then(Value::as_str) {
                let name = r.rsplit('/').next().unwrap_or_default();
                match self.root.get("definitions").and_then(|d| d.get(name)) {
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

    fn shape<'s>(&self, schema: &'s Value) -> Shape<'s>
    where
        'a: 's,
    {
        let s = self.resolve(schema);
        if let Some(values) = s.get("enum").and_then(Value::as_array) {
            return Shape::Enum(values.iter().filter_map(Value::as_str).collect());
        }
        if let Some(alts) = s
            .get("oneOf")
            .or_else(|| s.get("anyOf"))
            .and_then(Value::as_array)
        {
            let consts: Vec<&str> = alts
                .iter()
                .filter_map(|a| self.resolve(a).get("const").and_then(Value::as_str))
                .collect();
            if !consts.is_empty() {
                return Shape::Enum(consts);
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
            "object" => Shape::Object(s),
            "array" => Shape::Array(s),
            "string" if s.get("format").and_then(Value::as_str) == Some("date") => Shape::Date,
            "string" => Shape::Str,
            "integer" => Shape::Integer {
                min: s.get("minimum").and_then(Value::as_i64),
                max: match s.get("format").and_then(Value::as_str) {
                    Some("uint32") => Some(i64::from(u32::MAX)),
                    Some("uint8") => Some(255),
                    _ => None,
                },
            },
            "boolean" => Shape::Boolean,
            _ => Shape::Any,
        }
    }

    fn push(&mut self, p: Problem) {
        self.out.push(p);
    }

    fn table(
        &mut self,
        table: &DeTable<'_>,
        span: std::ops::Range<usize>,
        schema: &Value,
        path: &mut Vec<Seg>,
    ) {
        let s = self.resolve(schema);
        let props = s.get("properties").and_then(Value::as_object);
        let closed = s.get("additionalProperties") == Some(&Value::Bool(false));
        let mut suggested: Vec<&str> = Vec::new();
        // The same key twice, in two Unicode forms: the parser sees two keys, a reader one.
        let mut seen_nfc: Vec<String> = Vec::new();
        let mut in_order: Vec<_> = table.keys().collect();
        in_order.sort_by_key(|k| k.span().start);
        for key in in_order {
            let n = crate::text::nfc(key.get_ref());
            if seen_nfc.contains(&n) {
                self.push(
                    Problem::new(
                        "E001",
                        self.file,
                        Loc::Span(key.span()),
                        format!("nyckeln `{n}` finns redan (skriven med en annan Unicode-form)"),
                    )
                    .help("en nyckel får bara förekomma en gång; ta bort eller slå ihop raderna"),
                );
            } else {
                seen_nfc.push(n);
            }
        }
        for (key, value) in table {
            let name = key.get_ref().as_ref();
            match props.and_then(|p| p.get(name)) {
                Some(sub) => {
                    path.push(Seg::Key(name.to_owned()));
                    self.value(value, sub, path);
                    path.pop();
                    let required = s
                        .get("required")
                        .and_then(Value::as_array)
                        .is_some_and(|r| r.iter().any(|k| k == name));
                    if required
                        && value
                            .get_ref()
                            .as_str()
                            .is_some_and(|t| t.trim().is_empty())
                    {
                        self.push(
                            Problem::new(
                                "E023",
                                self.file,
                                Loc::Span(value.span()),
                                format!("`{name}` får inte vara tom"),
                            )
                            .help(format!("skriv {} här", field_hint(name))),
                        );
                    }
                }
                None if closed => {
                    let known: Vec<&str> = props
                        .map(|p| p.keys().map(String::as_str).collect())
                        .unwrap_or_default();
                    let mut p = Problem::new(
                        "E002",
                        self.file,
                        Loc::Span(key.span()),
                        format!("okänd nyckel `{name}`"),
                    )
                    .label(format!("finns inte i {}", self.where_(path)));
                    let alias = KEY_ALIASES
                        .iter()
                        .find(|(a, _)| crate::text::fold(name) == *a)
                        .map(|(_, k)| *k)
                        .filter(|k| known.contains(k));
                    if let Some(best) =
                        alias.or_else(|| closest_str(name, known.iter().copied()).first().copied())
                    {
                        suggested.push(best);
                        p = p.suggest(best);
                    } else {
                        p = p.help(format!("tillåtna nycklar: {}", backticked(&known)));
                    }
                    self.push(p);
                }
                None => {}
            }
        }
        if let Some(required) = s.get("required").and_then(Value::as_array) {
            for key in required.iter().filter_map(Value::as_str) {
                // A misspelled key already says what is missing.
                if !table.keys().any(|k| k.get_ref().as_ref() == key) && !suggested.contains(&key) {
                    let loc = if path.is_empty() {
                        Loc::File
                    } else {
                        Loc::Span(span.clone())
                    };
                    let example = props
                        .and_then(|p| p.get(key))
                        .map(|sub| self.example(sub))
                        .unwrap_or_default();
                    self.push(
                        Problem::new(
                            "E003",
                            self.file,
                            loc,
                            format!("nyckeln `{key}` saknas i {}", self.where_(path)),
                        )
                        .help(format!("lägg till en rad: `{key} = {example}`")),
                    );
                }
            }
        }
    }

    /// "en aktörsfil", "kontakt nr 2": where a key is, for messages.
    fn where_(&self, path: &[Seg]) -> String {
        match path {
            [] => match self.kind {
                Kind::Installningar => "resurs.toml".into(),
                Kind::Aktor => "en aktörsfil".into(),
                Kind::Insats => "en insatsfil".into(),
                Kind::Behov => "en behovsfil".into(),
                _ => format!("filen för {}", self.kind.describe()),
            },
            [.., Seg::Key(k), Seg::Index(i)] => format!("`{k}` nr {}", i + 1),
            [.., Seg::Key(k)] => format!("`{k}`"),
            [.., Seg::Index(i)] => format!("element nr {}", i + 1),
        }
    }

    fn example(&self, schema: &Value) -> String {
        match self.shape(schema) {
            Shape::Object(_) => "{ … }".into(),
            Shape::Array(_) => "[\"…\"]".into(),
            Shape::Date => "2026-01-31".into(),
            Shape::Enum(values) => format!("\"{}\"", values.first().copied().unwrap_or("…")),
            Shape::Integer { .. } => "0".into(),
            Shape::Boolean => "false".into(),
            Shape::Str | Shape::Any => "\"…\"".into(),
        }
    }

    fn value(&mut self, v: &Spanned<DeValue<'_>>, schema: &Value, path: &mut Vec<Seg>) {
        let shape = self.shape(schema);
        let key = last_key(path);
        let span = v.span();
        let wrong = |expected: &str| -> Problem {
            Problem::new(
                "E005",
                self.file,
                Loc::Span(span.clone()),
                format!(
                    "`{key}` ska vara {expected}, inte {}",
                    describe_value(v.get_ref())
                ),
            )
        };
        match (shape, v.get_ref()) {
            (Shape::Object(s), DeValue::Table(t)) => self.table(t, span.clone(), s, path),
            (Shape::Object(_), _) => {
                let p =
                    wrong("en tabell").help(format!("skriv t.ex. `{key} = {{ namn = \"…\" }}`"));
                self.push(p);
            }
            (Shape::Array(s), DeValue::Array(items)) => {
                if items.is_empty() && s.get("minItems").and_then(Value::as_u64).unwrap_or(0) > 0 {
                    self.push(
                        Problem::new(
                            "E023",
                            self.file,
                            Loc::Span(span.clone()),
                            format!("`{key}` får inte vara en tom lista"),
                        )
                        .help(format!("skriv minst ett värde: `{key} = [\"…\"]`")),
                    );
                }
                let item_schema = s.get("items").cloned().unwrap_or(Value::Bool(true));
                for (i, item) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    self.value(item, &item_schema, path);
                    path.pop();
                }
            }
            (Shape::Array(_), DeValue::String(text)) => {
                let p = wrong("en lista")
                    .label("hakparenteser saknas")
                    .suggest(format!("[{}]", toml_string(text)));
                self.push(p);
            }
            (Shape::Array(_), _) => {
                let p = wrong("en lista").help(format!("skriv t.ex. `{key} = [\"…\", \"…\"]`"));
                self.push(p);
            }
            (Shape::Str, DeValue::String(_))
            | (Shape::Boolean, DeValue::Boolean(_))
            | (Shape::Any, _) => {}
            (Shape::Str, DeValue::Integer(i)) => {
                let p = wrong("text")
                    .label("citattecken saknas")
                    .suggest(format!("\"{}\"", i.as_str()));
                self.push(p);
            }
            (Shape::Str, _) => {
                let p =
                    wrong("text").help(format!("skriv texten inom citattecken: `{key} = \"…\"`"));
                self.push(p);
            }
            (Shape::Date, DeValue::Datetime(dt)) => {
                if dt.time.is_some() || dt.offset.is_some() || dt.date.is_none() {
                    let p = Problem::new(
                        "E005",
                        self.file,
                        Loc::Span(span.clone()),
                        format!("`{key}` ska vara ett datum utan klockslag"),
                    )
                    .maybe_date_suggestion(dt.date.map(|d| d.to_string()));
                    self.push(p);
                }
            }
            (Shape::Date, DeValue::String(text)) => {
                let p = wrong("ett datum").label("datum skrivs utan citattecken");
                let p = if crate::date::Datum::parse(text.trim()).is_some() {
                    p.suggest(text.trim().to_owned())
                } else {
                    p.help(format!(
                        "skriv datumet som ÅÅÅÅ-MM-DD utan citattecken: `{key} = 2026-01-31`"
                    ))
                };
                self.push(p);
            }
            (Shape::Date, _) => {
                let p = wrong("ett datum").help(format!("skriv `{key} = 2026-01-31`"));
                self.push(p);
            }
            (Shape::Enum(values), DeValue::String(text)) => {
                if !values.contains(&text.as_ref()) {
                    let mut p = Problem::new(
                        "E005",
                        self.file,
                        Loc::Span(span.clone()),
                        format!("`{key}` kan inte vara `{text}`"),
                    )
                    .help(format!("möjliga värden: {}", backticked(&values)));
                    if let Some(best) = closest_str(text, values.iter().copied()).first() {
                        p = p.suggest(format!("\"{best}\""));
                    }
                    self.push(p);
                }
            }
            (Shape::Enum(values), _) => {
                let p = wrong("text").help(format!("möjliga värden: {}", backticked(&values)));
                self.push(p);
            }
            (Shape::Integer { min, max }, DeValue::Integer(i)) => {
                let n = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok();
                let too_small = min.zip(n).is_some_and(|(m, n)| n < m);
                let too_big = n.is_none() || max.zip(n).is_some_and(|(m, n)| n > m);
                let message = if too_small && min == Some(0) {
                    format!("`{key}` kan inte vara negativ")
                } else if too_small {
                    format!("`{key}` är för litet")
                } else {
                    format!("`{key}` är för stort")
                };
                if too_small || too_big {
                    self.push(Problem::new(
                        "E005",
                        self.file,
                        Loc::Span(span.clone()),
                        message,
                    ));
                }
            }
            (Shape::Integer { .. }, DeValue::String(text))
                if text.trim().parse::<u32>().is_ok() =>
            {
                let p = wrong("ett heltal")
                    .label("tal skrivs utan citattecken")
                    .suggest(text.trim().to_owned());
                self.push(p);
            }
            (Shape::Integer { .. }, _) => {
                let p = wrong("ett heltal").help(format!("skriv t.ex. `{key} = 18`"));
                self.push(p);
            }
            (Shape::Boolean, DeValue::String(text)) => {
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
            (Shape::Boolean, _) => {
                let p = wrong("sant eller falskt (`true` eller `false`)");
                self.push(p);
            }
        }
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

fn last_key(path: &[Seg]) -> String {
    let key = path.iter().rev().find_map(|s| match s {
        Seg::Key(k) => Some(k.as_str()),
        Seg::Index(_) => None,
    });
    match (key, path.last()) {
        (Some(k), Some(Seg::Index(i))) => format!("{k}[{i}]"),
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

/// A TOML basic string literal for `s`.
pub fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[allow(dead_code)]
fn _path_macro_is_used() -> Vec<Seg> {
    path!["a", 0]
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
