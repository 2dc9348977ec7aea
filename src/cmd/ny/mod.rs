//! `resurs ny aktor|insats|behov`: a new data file from the template, never over an existing
//! one; the values given are checked, the file validated, and what is left to fill in is said.

pub mod template;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::cli::NyVad;
use crate::cli::resolve::{self, AreaKind, Mode, Resolved};
use crate::date::Datum;
use crate::exit;
use crate::model::schema::Kind;
use crate::source::toml_string;
use crate::text::{is_valid_id, slug};
use crate::validate::{Options, validate};

fn note<T>(r: Resolved<T>) -> T {
    if let Some(n) = r.notice {
        super::note(&n);
    }
    r.value
}

fn check_id(id: &str, what: &str) -> anyhow::Result<()> {
    if is_valid_id(id) {
        return Ok(());
    }
    let s = slug(id);
    if s.is_empty() {
        bail!(
            "`{id}` är inget giltigt id för {what}: använd små bokstäver a–z, siffror och bindestreck."
        );
    }
    bail!(
        "`{id}` är inget giltigt id för {what}: använd små bokstäver a–z, siffror och bindestreck.\nMenade du `{s}`?"
    );
}

fn list(values: &[String]) -> String {
    format!(
        "[{}]",
        values
            .iter()
            .map(|v| toml_string(v))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Areas given on the command line, as a data file writes them: the exact name, or `riket`.
fn area_names(ds: &crate::dataset::Dataset, given: &[String]) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    for o in given {
        let area = note(resolve::omrade(ds, o, AreaKind::Any, Mode::Write)?);
        names.push(match (&area, ds.vokabular.omraden.as_ref()) {
            (crate::dataset::Area::Riket, _) => "riket".to_owned(),
            (_, Some(areas)) => areas.name(&area),
            (_, None) => o.clone(),
        });
    }
    Ok(names)
}

/// The path from `from_dir` to `to`, both absolute: `../../schemas/aktor.schema.json`.
/// The file of a new entry (its id has been checked).
fn entry_file(kind: Kind, id: &str) -> std::path::PathBuf {
    kind.entry_file(id).unwrap_or_default()
}

fn relative(from_dir: &Path, to: &Path) -> Option<String> {
    let from: Vec<_> = from_dir.components().collect();
    let target: Vec<_> = to.components().collect();
    let common = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return None;
    }
    let mut parts: Vec<String> =
        std::iter::repeat_n("..".to_owned(), from.len() - common).collect();
    parts.extend(
        target[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Some(parts.join("/"))
}

/// The `schemas/` folder of the data folder or of a folder above it (up to the repository).
fn schema_path(data: &Path, file_dir: &Path, kind: Kind) -> Option<String> {
    let data = data.canonicalize().ok()?;
    let dir = data
        .ancestors()
        .take(3)
        .map(|a| a.join("schemas"))
        .find(|s| s.join(kind.schema_file()).is_file())?;
    let file_dir = file_dir.canonicalize().ok()?;
    relative(&file_dir, &dir.join(kind.schema_file()))
}

/// Makes the folders of `rel` inside `data`, one at a time, and refuses to go through a
/// symbolic link: a data folder can ship `behov -> /någon/annanstans`, and a new file must
/// land in the data folder. (The data folder itself may be a link.)
fn make_folders(data: &Path, rel: &Path) -> anyhow::Result<()> {
    let mut dir = data.to_path_buf();
    let mut shown = PathBuf::new();
    for part in rel.components() {
        dir.push(part);
        shown.push(part);
        match super::write::at(&dir)? {
            super::write::At::Nothing => std::fs::create_dir(&dir)
                .with_context(|| format!("mappen `{}` kan inte skapas", dir.display()))?,
            super::write::At::Dir => {}
            super::write::At::Other(what) => bail!(
                "`{}` är {what}, inte en mapp; resurs ny skriver bara i datamappens egna mappar och följer ingen länk",
                shown.display()
            ),
            super::write::At::File(_) => bail!(
                "`{}` är en fil, inte en mapp; resurs ny kan inte skapa filen där",
                shown.display()
            ),
        }
    }
    Ok(())
}

pub fn ny(data: &Path, today: Datum, vad: &NyVad) -> anyhow::Result<i32> {
    let ds = crate::load::load(data, &crate::load::LoadOptions::default())?;
    let granskad = today.to_string();
    let (kind, rel, filled): (Kind, PathBuf, Vec<(&str, String)>) = match vad {
        NyVad::Aktor {
            id,
            namn,
            typ,
            omrade,
        } => {
            check_id(id, "en aktör")?;
            let typ = note(resolve::aktorstyp(&ds, typ, Mode::Write)?);
            let omraden = area_names(&ds, omrade)?;
            (
                Kind::Aktor,
                entry_file(Kind::Aktor, id),
                vec![
                    ("namn", toml_string(namn)),
                    ("typ", toml_string(&typ)),
                    ("omraden", list(&omraden)),
                    ("senast_granskad", granskad),
                ],
            )
        }
        NyVad::Insats {
            id,
            namn,
            behov,
            malgrupp,
            status,
        } => {
            let Some((aktor, insats)) = id.split_once('/') else {
                bail!("skriv insatsens id som AKTÖR/ID, t.ex. `rodakorset-vaxjo/traffpunkt`");
            };
            if !ds.known_aktor_ids.contains(aktor) {
                let close =
                    crate::text::closest_str(aktor, ds.known_aktor_ids.iter().map(String::as_str));
                let hint = close
                    .first()
                    .map(|c| format!("\nMenade du `{c}`?"))
                    .unwrap_or_default();
                bail!(
                    "det finns ingen aktör `{aktor}`; skapa den först med `resurs ny aktor {aktor} --namn … --typ …`{hint}"
                );
            }
            check_id(insats, "en insats")?;
            let mut kategorier = Vec::new();
            for b in behov {
                kategorier.push(note(resolve::kategori(&ds, b, Mode::Write)?));
            }
            let mut grupper = Vec::new();
            for m in malgrupp {
                grupper.push(note(resolve::malgrupp(&ds, m, Mode::Write)?));
            }
            (
                Kind::Insats,
                entry_file(Kind::Insats, &format!("{aktor}/{insats}")),
                vec![
                    ("namn", toml_string(namn)),
                    ("behov", list(&kategorier)),
                    ("malgrupper", list(&grupper)),
                    ("status", toml_string(status.as_str())),
                    ("senast_granskad", granskad),
                ],
            )
        }
        NyVad::Behov {
            id,
            titel,
            kategori,
            malgrupp,
            omrade,
        } => {
            check_id(id, "ett behov")?;
            let mut kategorier = Vec::new();
            for b in kategori {
                kategorier.push(note(resolve::kategori(&ds, b, Mode::Write)?));
            }
            let mut grupper = Vec::new();
            for m in malgrupp {
                grupper.push(note(resolve::malgrupp(&ds, m, Mode::Write)?));
            }
            let omraden = area_names(&ds, omrade)?;
            (
                Kind::Behov,
                entry_file(Kind::Behov, id),
                vec![
                    ("titel", toml_string(titel)),
                    ("kategorier", list(&kategorier)),
                    ("malgrupper", list(&grupper)),
                    ("omraden", list(&omraden)),
                    ("datum", today.to_string()),
                    ("status", "\"aktuellt\"".to_owned()),
                ],
            )
        }
    };
    let path = data.join(&rel);
    if !matches!(super::write::at(&path)?, super::write::At::Nothing) {
        bail!(
            "`{}` finns redan och skrivs inte över; ändra den filen i stället",
            rel.display()
        );
    }
    make_folders(data, rel.parent().unwrap_or(Path::new("")))?;
    let dir = path.parent().unwrap_or(data);
    let text =
        crate::cmd::ny::template::render(kind, &filled, schema_path(data, dir, kind).as_deref());
    super::write_file(&path, &text, false)?;

    let ds = crate::load::load(data, &crate::load::LoadOptions::default())?;
    let problems: Vec<_> = validate(&ds, &Options { today })
        .into_iter()
        .filter(|p| p.file == rel)
        .collect();
    let shown = rel.to_string_lossy().replace('\\', "/");
    let mut out = format!("Skapade {shown}.\n");
    if problems.is_empty() {
        out.push_str("Filen är komplett. Kör `resurs validera` innan du skickar in den.\n");
    } else {
        out.push_str("Kvar att fylla i:\n");
        for p in &problems {
            let _ = writeln!(out, "  rad {}: {}", p.line, p.message);
        }
    }
    super::print(&out)?;
    Ok(exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_between_folders() {
        assert_eq!(
            relative(
                Path::new("/r/data/aktorer/x"),
                Path::new("/r/schemas/aktor.schema.json")
            )
            .as_deref(),
            Some("../../../schemas/aktor.schema.json")
        );
        assert_eq!(
            relative(Path::new("/r/behov"), Path::new("/r/schemas/b.json")).as_deref(),
            Some("../schemas/b.json")
        );
    }
}
