//! `resurs schema`: prints or writes the JSON Schemas generated from the model.

use anyhow::{Context, bail};

use crate::cli::SchemaArgs;
use crate::exit;
use crate::model::schema::{Kind, schema_text};

pub fn schema(args: &SchemaArgs) -> anyhow::Result<i32> {
    if let Some(dir) = &args.ut {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("mappen `{}` kan inte skapas", dir.display()))?;
        let mut written = 0;
        for kind in Kind::ALL {
            let path = dir.join(kind.schema_file());
            let text = schema_text(kind);
            if path.exists() {
                let same = std::fs::read_to_string(&path).is_ok_and(|old| old == text);
                if same {
                    continue;
                }
                if !args.skriv_over {
                    bail!(
                        "`{}` finns redan; lägg till --skriv-over för att ersätta den",
                        path.display()
                    );
                }
            }
            super::write_file(&path, &text, true)?;
            written += 1;
        }
        eprintln!("{written} scheman skrevs till {}.", dir.display());
        return Ok(exit::OK);
    }
    let Some(name) = &args.namn else {
        bail!("ange vilket schema (t.ex. `resurs schema aktor`) eller `--ut MAPP` för alla")
    };
    let file = format!("{name}.schema.json");
    let Some(kind) = Kind::ALL.iter().find(|k| k.schema_file() == file) else {
        let names: Vec<&str> = Kind::ALL
            .iter()
            .map(|k| k.schema_file().trim_end_matches(".schema.json"))
            .collect();
        bail!(
            "det finns inget schema `{name}`. Välj bland: {}",
            names.join(", ")
        );
    };
    super::print_raw(&schema_text(*kind))?;
    Ok(exit::OK)
}
