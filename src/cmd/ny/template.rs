//! New data files from templates (`resurs ny`): every field of the schema, the required ones
//! filled in, the optional ones commented out with a one-line Swedish explanation each, and a
//! `#:schema` line so editors validate and complete the file. The fields and their
//! explanations come from the JSON Schema, so the template follows the model.

use std::fmt::Write as _;

use serde_json::Value;

use crate::model::schema::{Kind, schema};

/// Example values for optional keys, written as TOML.
const EXAMPLES: &[(&str, &str)] = &[
    ("beskrivning", "\"\"\"\n…\n\"\"\""),
    ("behovsbild", "\"\"\"\n- …\n\"\"\""),
    ("webb", "\"https://www.exempel.se\""),
    ("epost", "\"info@exempel.se\""),
    ("telefon", "\"0470-12 34 56\""),
    ("organisationsnummer", "\"NNNNNN-NNNN\""),
    ("intern_anteckning", "\"…\""),
    ("omraden", "[\"Växjö\"]"),
    ("sprak", "[\"sv\", \"en\"]"),
    ("tolk", "true"),
    ("kostnad", "\"kostnadsfri\""),
    ("kostnad_beskrivning", "\"…\""),
    ("kanaler", "[\"plats\"]"),
    ("tider", "\"Lördagar 14.00–17.30\""),
    (
        "plats",
        "{ namn = \"…\", adress = \"…\", kommun = \"…\", skyddad = false }",
    ),
    ("kontaktvag", "\"Ring och boka tid.\""),
    ("remiss", "false"),
    ("anonymt", "true"),
    ("journalfors", "false"),
    ("kapacitet", "\"…\""),
    ("min_alder", "0"),
    ("max_alder", "20"),
    ("giltig_fran", "2026-01-01"),
    ("giltig_till", "2026-12-31"),
    ("samarbetspartner", "[\"annan-aktor\"]"),
    ("lyft_av", "[\"aktor-id\"]"),
    ("kalla", "\"Samverkansmöte, oktober 2026\""),
    ("prioritet", "\"medel\""),
    ("namn", "\"…\""),
    ("roll", "\"…\""),
    ("publik", "false"),
    ("ansvarig", "\"aktor-id\""),
    ("status", "\"oppen\""),
    ("senast", "2026-12-31"),
];

fn resolve<'a>(root: &'a Value, s: &'a Value) -> &'a Value {
    let mut s = s;
    for _ in 0..8 {
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            let name = r.rsplit('/').next().unwrap_or_default();
            if let Some(t) = root.get("definitions").and_then(|d| d.get(name)) {
                s = t;
                continue;
            }
        }
        if let Some([only]) = s.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
            s = only;
            continue;
        }
        if let Some(alts) = s.get("anyOf").and_then(Value::as_array) {
            if let Some(non_null) = alts
                .iter()
                .find(|a| a.get("type").and_then(Value::as_str) != Some("null"))
            {
                s = non_null;
                continue;
            }
        }
        break;
    }
    s
}

fn first_line(s: &Value) -> String {
    s.get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The properties of an array-of-tables item (`kontakt`, `atgard`), if the key is one.
fn table_items<'a>(root: &'a Value, prop: &'a Value) -> Option<&'a serde_json::Map<String, Value>> {
    let p = resolve(root, prop);
    if p.get("type").and_then(Value::as_str) != Some("array")
        && !p
            .get("type")
            .and_then(Value::as_array)
            .is_some_and(|t| t.iter().any(|x| x == "array"))
    {
        return None;
    }
    let items = resolve(root, p.get("items")?);
    items.get("properties").and_then(Value::as_object)
}

/// A new file of `kind`: `filled` are the required keys' values as TOML (in any order);
/// `schema_path` the relative path to the schema for the `#:schema` line.
pub fn render(kind: Kind, filled: &[(&str, String)], schema_path: Option<&str>) -> String {
    let root = schema(kind);
    let props = root
        .get("properties")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let required: Vec<&str> = root
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut out = String::new();
    if let Some(p) = schema_path {
        let _ = writeln!(out, "#:schema {p}");
    }
    let _ = writeln!(
        out,
        "# {}\n# Raderna som börjar med # är valfria: ta bort # för att använda en, eller ta bort raden.\n# Kontrollera filen med `resurs validera`. Dataformatet: se README.md.\n",
        first_line(root)
    );
    let mut tables = String::new();
    for (key, prop) in &props {
        if let Some(items) = table_items(root, prop) {
            let _ = writeln!(tables, "\n# {}", first_line(resolve(root, prop)));
            let _ = writeln!(tables, "# [[{key}]]");
            for (k, p) in items {
                let example = EXAMPLES
                    .iter()
                    .find(|(e, _)| e == k)
                    .map_or("\"…\"", |(_, v)| v);
                let example = if example.contains('\n') {
                    "\"…\""
                } else {
                    example
                };
                let _ = writeln!(
                    tables,
                    "# {k} = {example}   # {}",
                    first_line(resolve(root, p))
                );
            }
            continue;
        }
        let description = first_line(prop);
        if let Some((_, value)) = filled.iter().find(|(k, _)| k == key) {
            let _ = writeln!(out, "# {description}\n{key} = {value}");
        } else if required.contains(&key.as_str()) {
            let _ = writeln!(out, "# {description}\n{key} = \"\"");
        } else {
            let example = EXAMPLES
                .iter()
                .find(|(e, _)| e == key)
                .map_or("\"…\"", |(_, v)| v);
            let example = example.replace('\n', "\n# ");
            let _ = writeln!(out, "# {description}\n# {key} = {example}");
        }
    }
    out.push_str(&tables);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actor_template_has_every_field() {
        let t = render(
            Kind::Aktor,
            &[("namn", "\"Röda Korset\"".into())],
            Some("../../schemas/aktor.schema.json"),
        );
        assert!(
            t.starts_with("#:schema ../../schemas/aktor.schema.json\n"),
            "{t}"
        );
        assert!(t.contains("namn = \"Röda Korset\""), "{t}");
        for key in [
            "typ",
            "beskrivning",
            "omraden",
            "behovsbild",
            "webb",
            "epost",
            "telefon",
            "organisationsnummer",
            "senast_granskad",
            "intern_anteckning",
        ] {
            assert!(
                t.contains(&format!("\n{key} = ")) || t.contains(&format!("\n# {key} = ")),
                "{key}\n{t}"
            );
        }
        assert!(t.contains("# [[kontakt]]\n# namn = "), "{t}");
        // The template parses as TOML.
        toml::from_str::<toml::Table>(&t).unwrap();
    }
}
