//! The committed JSON Schemas are exactly what `resurs schema` generates from the model, and
//! `.taplo.toml` associates each of them with its data files.

use std::path::Path;

use resurs::model::schema::{Kind, schema_text};

#[test]
fn committed_schemas_match_the_model() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    for kind in Kind::ALL {
        let file = dir.join(kind.schema_file());
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            committed == schema_text(kind),
            "{} skiljer sig från modellen; kör `cargo run -- schema --ut schemas --skriv-over`",
            file.display()
        );
    }
}

#[test]
fn taplo_config_names_every_schema() {
    let taplo =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".taplo.toml")).unwrap();
    for kind in Kind::ALL {
        assert!(
            taplo.contains(&format!("./schemas/{}", kind.schema_file())),
            "{}",
            kind.schema_file()
        );
        assert!(
            taplo.contains(&format!("\"**/{}\"", kind.glob())),
            "{}",
            kind.glob()
        );
    }
}

#[test]
fn schemas_are_draft_07_and_self_contained() {
    for kind in Kind::ALL {
        let text = schema_text(kind);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["$schema"], "http://json-schema.org/draft-07/schema#");
        for (pos, _) in text.match_indices("\"$ref\"") {
            let rest = &text[pos..];
            assert!(
                rest.starts_with("\"$ref\": \"#/definitions/"),
                "{}: external $ref",
                kind.schema_file()
            );
        }
    }
}

#[test]
fn readme_lists_every_problem_code() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let table: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("| `E") || l.starts_with("| `W"))
        .collect();
    let codes: Vec<String> = resurs::diagnostic::Code::ALL
        .iter()
        .map(|c| format!("| `{c}` | {} | {} |", c.severity().as_str(), c.title()))
        .collect();
    assert_eq!(table, codes, "README:s tabell över koderna");
}

#[test]
fn readme_says_how_to_install_and_keeps_the_two_setup_commands() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for line in [
        "cargo run --release -- sok --behov samtalsstod",
        "cargo test ",
        "cargo install --locked --path .",
        &format!(
            "cargo install --locked --git {} resurs",
            env!("CARGO_PKG_REPOSITORY")
        ),
        "`cargo test` behöver `git` i `PATH`",
    ] {
        assert!(readme.contains(line), "README saknar `{line}`");
    }
}
