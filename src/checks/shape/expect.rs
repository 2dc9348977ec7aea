//! What the schema of a kind of file expects, compiled once into a tree of keys: the type of
//! each key's value, which keys are required, and stand-in values for required keys that a
//! file with syntax errors could not give.

use std::sync::OnceLock;

use serde_json::Value;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Seg;
use crate::model::schema::{Kind, schema};

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
pub(super) enum Node {
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
pub(super) struct TableNode {
    pub(super) props: Vec<(String, Node)>,
    pub(super) required: Vec<String>,
    pub(super) closed: bool,
}

impl TableNode {
    pub(super) fn get(&self, key: &str) -> Option<&Node> {
        self.props.iter().find(|(k, _)| k == key).map(|(_, n)| n)
    }
}

/// The compiled schema of a kind (once per process).
pub(super) fn compiled(kind: Kind) -> &'static Node {
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
