//! `resurs init KATALOG`: a new, valid data repository, ready for pull requests from
//! organisations and for CI: settings, vocabularies (the taxonomy and all 290 kommuner),
//! a Swedish contributor README, a GitHub Actions workflow, a pull-request template, a
//! CODEOWNERS example, `.taplo.toml` and the JSON Schemas.

use std::path::Path;

use std::fmt::Write as _;

use anyhow::{Context, bail};

use crate::date::Datum;
use crate::exit;
use crate::schema::{Kind, schema_text};
use crate::structure::toml_string;

/// The vocabularies every new data folder starts with (the ones of `data/`).
const VOKABULAR: [(&str, &str); 5] = [
    (
        "behov.toml",
        include_str!("../../data/vokabular/behov.toml"),
    ),
    (
        "malgrupper.toml",
        include_str!("../../data/vokabular/malgrupper.toml"),
    ),
    (
        "aktorstyper.toml",
        include_str!("../../data/vokabular/aktorstyper.toml"),
    ),
    (
        "omraden.toml",
        include_str!("../../data/vokabular/omraden.toml"),
    ),
    (
        "sprak.toml",
        include_str!("../../data/vokabular/sprak.toml"),
    ),
];

/// `.taplo.toml` for a folder whose `schemas/` sits beside the data (or above it).
pub fn taplo_config(schemas: &str) -> String {
    let mut out = String::from(
        "# Kopplar datafilerna till sina JSON Schemas, så att editorer med Even Better TOML (VS Code)\n# eller taplo kontrollerar och kompletterar dem. Skapad av `resurs`.\n\n[formatting]\narray_auto_expand = false\ncolumn_width = 100\n",
    );
    for kind in Kind::ALL {
        let _ = write!(
            out,
            "\n[[rule]]\ninclude = [\"**/{}\"]\nschema.path = \"{schemas}/{}\"\n",
            kind.glob(),
            kind.schema_file()
        );
    }
    out
}

const README: &str = include_str!("init/README.md");
const WORKFLOW: &str = include_str!("init/validera.yml");
const PR_TEMPLATE: &str = include_str!("init/pull_request_template.md");
const CODEOWNERS: &str = include_str!("init/CODEOWNERS");

pub fn init(dir: &Path, namn: &str, lan: Option<&str>, today: Datum) -> anyhow::Result<i32> {
    if dir.exists() {
        if !dir.is_dir() {
            bail!("`{}` finns redan och är ingen mapp", dir.display());
        }
        let mut entries = std::fs::read_dir(dir)
            .with_context(|| format!("`{}` kan inte läsas", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "`{}` är inte tom; `resurs init` skapar bara nya datamappar",
                dir.display()
            );
        }
    }
    // Resolve the county against the bundled area vocabulary.
    let areas = {
        let vok: crate::model::OmradeVokabular = toml::from_str(VOKABULAR[3].1)?;
        crate::dataset::Areas::new(&vok)
    };
    let (lan_kod, lan_namn) = match lan {
        None => (None, None),
        Some(l) => {
            let r = crate::query::omrade_in(
                &areas,
                l,
                crate::query::AreaKind::Lan,
                crate::query::Mode::Write,
            )?;
            let crate::dataset::Area::Lan(k) = r.value else {
                bail!("`{l}` är inget län");
            };
            let lan_name = areas.name(&crate::dataset::Area::Lan(k.clone()));
            (Some(k), Some(lan_name))
        }
    };
    let write = |rel: &str, text: &str| -> anyhow::Result<()> {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("`{}` kan inte skapas", parent.display()))?;
        }
        super::write_file(&path, text, false)
    };

    let mut resurs = format!(
        "#:schema ./schemas/resurs.schema.json\n# Inställningar för resurskartan.\nnamn = {}\nbeskrivning = \"\"\"\nVem gör vad för människor i en utsatt situation – och för dem som hjälper dem.\n\"\"\"\n",
        toml_string(namn)
    );
    if let Some(k) = &lan_kod {
        let _ = writeln!(resurs, "lan = \"{k}\"");
    }
    resurs.push_str("\n# När uppgifter räknas som inaktuella: varning och fel efter så många månader.\n[granskning]\nvarna_efter_manader = 12\nfel_efter_manader = 24\n");
    write("resurs.toml", &resurs)?;
    for (name, text) in VOKABULAR {
        write(&format!("vokabular/{name}"), text)?;
    }
    for kind in Kind::ALL {
        write(
            &format!("schemas/{}", kind.schema_file()),
            &schema_text(kind),
        )?;
    }
    write(".taplo.toml", &taplo_config("./schemas"))?;
    write(".gitattributes", "*.toml text eol=lf\n")?;
    write("README.md", &README.replace("{namn}", namn))?;
    write(".github/workflows/validera.yml", WORKFLOW)?;
    write(".github/pull_request_template.md", PR_TEMPLATE)?;
    write(".github/CODEOWNERS", CODEOWNERS)?;

    // One example actor, so the folder is valid from the start; the README says to replace it.
    let omrade = lan_namn.unwrap_or_else(|| "riket".to_owned());
    let exempel = crate::template::render(
        Kind::Aktor,
        &[
            ("namn", "\"Exempelaktör\"".to_owned()),
            ("typ", "\"ideell-forening\"".to_owned()),
            (
                "beskrivning",
                "\"\"\"\nEtt exempel som visar formatet. Byt ut den mot den första riktiga aktören, eller ta bort mappen.\n\"\"\"".to_owned(),
            ),
            ("omraden", format!("[{}]", toml_string(&omrade))),
            ("senast_granskad", today.to_string()),
        ],
        Some("../../schemas/aktor.schema.json"),
    );
    write("aktorer/exempel/aktor.toml", &exempel)?;
    std::fs::create_dir_all(dir.join("behov"))?;
    write("behov/.gitkeep", "")?;

    super::print(&format!(
        "Skapade en ny datamapp i {}.\nNästa steg: lägg till en aktör med `resurs --data {} ny aktor ID --namn \"…\" --typ …`,\nta bort exemplet i aktorer/exempel/ och kontrollera med `resurs --data {} validera`.\n",
        dir.display(),
        dir.display(),
        dir.display()
    ))?;
    Ok(exit::OK)
}
