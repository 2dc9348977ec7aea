//! `resurs fmt`: data files in one canonical layout. Keys in the order of the schema (unknown
//! keys last, as they were), basic-quoted strings (multi-line text as `"""`), bare keys, one-line
//! arrays and inline tables with single spaces, one newline at the end. Comments are kept.

use serde_json::Value;
use toml_edit::{DocumentMut, Item, Key, Table, Value as TValue};

use crate::model::schema::{Kind, schema};

/// Formats a file of `kind`; `Err` is the parser's message when the file is not valid TOML.
pub fn format(kind: Kind, text: &str) -> Result<String, String> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.message().to_owned())?;
    let root = schema(kind);
    format_table(doc.as_table_mut(), root, root);
    let mut out = doc.to_string();
    let trimmed = out.trim_end_matches(['\n', '\r', ' ']).len();
    out.truncate(trimmed);
    out.push('\n');
    Ok(out)
}

fn resolve<'a>(root: &'a Value, s: &'a Value) -> &'a Value {
    let mut s = s;
    for _ in 0..8 {
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            match root
                .get("definitions")
                .and_then(|d| d.get(r.rsplit('/').next().unwrap_or_default()))
            {
                Some(t) => {
                    s = t;
                    continue;
                }
                None => break,
            }
        }
        if let Some([only]) = s.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
            s = only;
            continue;
        }
        if let Some(alts) = s.get("anyOf").and_then(Value::as_array) {
            if let Some(x) = alts
                .iter()
                .find(|a| a.get("type").and_then(Value::as_str) != Some("null"))
            {
                s = x;
                continue;
            }
        }
        break;
    }
    s
}

/// The schema's key order for a table schema.
fn key_order(root: &Value, table_schema: &Value) -> Vec<String> {
    resolve(root, table_schema)
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

fn property<'a>(root: &'a Value, table_schema: &'a Value, key: &str) -> Option<&'a Value> {
    resolve(root, table_schema)
        .get("properties")
        .and_then(|p| p.get(key))
}

fn rank(order: &[String], key: &Key) -> usize {
    order
        .iter()
        .position(|k| k == key.get())
        .unwrap_or(usize::MAX)
}

fn format_table(table: &mut Table, root: &Value, table_schema: &Value) {
    let order = key_order(root, table_schema);
    table.sort_values_by(|k1, _, k2, _| rank(&order, k1).cmp(&rank(&order, k2)));
    for (mut key, item) in table.iter_mut() {
        normalize_key(&mut key);
        let sub = property(root, table_schema, key.get()).map(|p| resolve(root, p));
        match item {
            Item::Value(v) => format_value(v, root, sub),
            Item::Table(t) => format_table(t, root, sub.unwrap_or(&Value::Null)),
            Item::ArrayOfTables(a) => {
                let item_schema = sub
                    .and_then(|s| s.get("items"))
                    .map_or(&Value::Null, |i| resolve(root, i));
                for t in a.iter_mut() {
                    format_table(t, root, item_schema);
                }
            }
            Item::None => {}
        }
    }
}

/// Bare key, single spaces; the comments and blank lines before the key stay.
fn normalize_key(key: &mut toml_edit::KeyMut<'_>) {
    let prefix = key.leaf_decor().prefix().cloned();
    key.fmt();
    if let Some(p) = prefix {
        key.leaf_decor_mut().set_prefix(p);
    }
}

/// A string as a basic TOML string: `"…"`, or `"""` for text over several lines.
fn basic_string(s: &str) -> String {
    if s.contains('\n') {
        let body = s.replace('\\', "\\\\").replace("\"\"\"", "\"\"\\\"");
        format!("\"\"\"\n{body}\"\"\"")
    } else {
        crate::source::toml_string(s)
    }
}

fn has_comment(s: Option<&str>) -> bool {
    s.is_some_and(|s| s.contains('#'))
}

fn format_value(v: &mut TValue, root: &Value, schema: Option<&Value>) {
    // Keep a trailing comment; normalise the space around the value.
    let suffix = v
        .decor()
        .suffix()
        .and_then(|s| s.as_str())
        .filter(|s| s.contains('#'))
        .map(str::to_owned);
    match v {
        TValue::String(s) => {
            // Literal strings ('…') become basic strings; basic ones are kept as written.
            let raw = s
                .as_repr()
                .and_then(|r| r.as_raw().as_str())
                .unwrap_or_default();
            if raw.starts_with('\'') {
                if let Ok(TValue::String(fresh)) = basic_string(s.value()).parse::<TValue>() {
                    let decor = s.decor().clone();
                    *s = fresh;
                    *s.decor_mut() = decor;
                }
            }
        }
        TValue::Array(a) => {
            let commented = a.iter().any(|x| {
                has_comment(x.decor().prefix().and_then(|p| p.as_str()))
                    || has_comment(x.decor().suffix().and_then(|p| p.as_str()))
            }) || has_comment(a.trailing().as_str());
            let items = schema
                .and_then(|s| s.get("items"))
                .map(|i| resolve(root, i));
            for x in a.iter_mut() {
                format_value(x, root, items);
            }
            if !commented {
                a.fmt();
                a.set_trailing_comma(false);
                a.set_trailing("");
            }
        }
        TValue::InlineTable(t) => {
            let order = schema.map(|s| key_order(root, s)).unwrap_or_default();
            t.sort_values_by(|k1, _, k2, _| rank(&order, k1).cmp(&rank(&order, k2)));
            for (mut key, x) in t.iter_mut() {
                key.fmt();
                let sub = schema
                    .and_then(|s| property(root, s, key.get()))
                    .map(|p| resolve(root, p));
                format_value(x, root, sub);
            }
            t.fmt();
        }
        _ => {}
    }
    v.decor_mut().set_prefix(" ");
    v.decor_mut()
        .set_suffix(suffix.map_or_else(String::new, |s| format!(" {}", s.trim_start())));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_schema_and_comments_stay() {
        let src = "# Röda Korset\nsenast_granskad = 2026-01-01\ntyp='ideell-forening'   # typ\n\"namn\"=\"Röda Korset\"\nomraden = [ 'Växjö' ,\"Alvesta\", ]\nbeskrivning = \"\"\"\nRad ett.\nRad två.\n\"\"\"\n\n\n";
        let out = format(Kind::Aktor, src).unwrap();
        assert_eq!(
            out,
            "namn = \"Röda Korset\"\ntyp = \"ideell-forening\" # typ\nbeskrivning = \"\"\"\nRad ett.\nRad två.\n\"\"\"\nomraden = [\"Växjö\", \"Alvesta\"]\n# Röda Korset\nsenast_granskad = 2026-01-01\n"
        );
        assert_eq!(format(Kind::Aktor, &out).unwrap(), out, "idempotent");
    }

    #[test]
    fn tables_and_inline_tables_are_ordered_too() {
        let src = "namn = \"x\"\nplats = {kommun=\"Växjö\",  namn = \"Kyrkan\"}\n\n[[kontakt]]\npublik = true\nroll = \"diakon\"\n";
        let out = format(Kind::Insats, src).unwrap();
        assert!(
            out.contains("plats = { namn = \"Kyrkan\", kommun = \"Växjö\" }"),
            "{out}"
        );
        assert!(
            out.contains("[[kontakt]]\nroll = \"diakon\"\npublik = true\n"),
            "{out}"
        );
    }
}
