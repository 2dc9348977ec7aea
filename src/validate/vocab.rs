//! Rules for the vocabularies themselves: valid and unique ids, known groups, unambiguous
//! synonyms, well-formed area codes.

use std::collections::HashMap;
use std::path::Path;

use crate::dataset::Dataset;
use crate::diagnostic::{Code, Loc, Problem, Seg};
use crate::path;
use crate::text::{fold, is_valid_id};

/// Checks the loaded vocabularies.
pub fn check(ds: &Dataset, out: &mut Vec<Problem>) {
    let v = &ds.vokabular;
    if let Some(file) = v.files.get("behov") {
        let b = &v.behov_raw;
        ids(file, "grupp", b.grupp.iter().map(|g| g.id.as_str()), out);
        ids(
            file,
            "kategori",
            b.kategori.iter().map(|k| k.id.as_str()),
            out,
        );
        for (i, k) in b.kategori.iter().enumerate() {
            if !b.grupp.iter().any(|g| g.id == k.grupp) {
                out.push(
                    Problem::new(
                        Code::E022,
                        file,
                        Loc::Value(path!["kategori", i, "grupp"]),
                        format!("det finns ingen grupp `{}`", k.grupp),
                    )
                    .help("varje kategori hör till en `[[grupp]]` i samma fil"),
                );
            }
        }
        let terms = b.kategori.iter().enumerate().map(|(i, k)| {
            (
                "kategori",
                i,
                k.id.as_str(),
                k.namn.as_str(),
                k.synonymer.as_slice(),
            )
        });
        synonyms(file, terms, out);
    }
    if let (Some(file), Some(lex)) = (v.files.get("malgrupper"), &v.malgrupper) {
        ids(
            file,
            "malgrupp",
            lex.terms().iter().map(|t| t.id.as_str()),
            out,
        );
        let groups = v.malgrupp_grupper.as_ref().map_or(&[][..], |g| g.terms());
        ids(file, "grupp", groups.iter().map(|t| t.id.as_str()), out);
        for (i, g) in groups.iter().enumerate() {
            if lex.get(&g.id).is_some() {
                out.push(
                    Problem::new(
                        Code::E022,
                        file,
                        Loc::Value(path!["grupp", i, "id"]),
                        format!("`{}` är redan en målgrupp", g.id),
                    )
                    .help("en grupp och en målgrupp kan inte ha samma id"),
                );
            }
        }
        let mut suggestions = crate::diagnostic::Suggestions::default();
        for (i, (_, members)) in v.malgrupp_medlemmar.iter().enumerate() {
            if members.is_empty() {
                out.push(
                    Problem::new(
                        Code::E022,
                        file,
                        Loc::Value(path!["grupp", i, "malgrupper"]),
                        "gruppen har inga målgrupper",
                    )
                    .help("skriv id:n ur `[[malgrupp]]`, t.ex. `malgrupper = [\"asylsokande\"]`"),
                );
            }
            for (j, m) in members.iter().enumerate() {
                if lex.get(m).is_none() {
                    let mut p = Problem::new(
                        Code::E022,
                        file,
                        Loc::Value(path!["grupp", i, "malgrupper", j]),
                        format!("det finns ingen målgrupp `{m}`"),
                    )
                    .help("en grupp består av målgrupper ur `[[malgrupp]]` i samma fil");
                    if suggestions.allow(&mut p) {
                        if let Some(best) = lex.closest(m, 1).first() {
                            p = p.suggest_with_note(best.id.clone(), best.namn.clone());
                        }
                    }
                    out.push(p);
                }
            }
        }
        let terms = lex
            .terms()
            .iter()
            .enumerate()
            .map(|(i, t)| ("malgrupp", i, t))
            .chain(groups.iter().enumerate().map(|(i, t)| ("grupp", i, t)))
            .map(|(table, i, t)| {
                (
                    table,
                    i,
                    t.id.as_str(),
                    t.namn.as_str(),
                    t.synonymer.as_slice(),
                )
            });
        synonyms(file, terms, out);
    }
    if let (Some(file), Some(lex)) = (v.files.get("aktorstyper"), &v.aktorstyper) {
        ids(file, "typ", lex.terms().iter().map(|t| t.id.as_str()), out);
        let terms = lex.terms().iter().enumerate().map(|(i, t)| {
            (
                "typ",
                i,
                t.id.as_str(),
                t.namn.as_str(),
                t.synonymer.as_slice(),
            )
        });
        synonyms(file, terms, out);
    }
    if let (Some(file), Some(lex)) = (v.files.get("sprak"), &v.sprak) {
        for (i, t) in lex.terms().iter().enumerate() {
            let ok = (2..=3).contains(&t.id.len()) && t.id.bytes().all(|b| b.is_ascii_lowercase());
            if !ok {
                out.push(
                    Problem::new(Code::E022, file, Loc::Value(path!["sprak", i, "kod"]), format!("`{}` är ingen språkkod", t.id))
                        .help("skriv ISO 639-1-koden med två små bokstäver (t.ex. `uk`), eller ISO 639-3 med tre"),
                );
            }
        }
        duplicates(
            file,
            "sprak",
            "kod",
            lex.terms().iter().map(|t| t.id.as_str()),
            out,
        );
        let terms = lex.terms().iter().enumerate().map(|(i, t)| {
            (
                "sprak",
                i,
                t.id.as_str(),
                t.namn.as_str(),
                t.synonymer.as_slice(),
            )
        });
        synonyms(file, terms, out);
    }
    if let (Some(file), Some(areas)) = (v.files.get("omraden"), &v.omraden) {
        for (i, l) in areas.lan().iter().enumerate() {
            if l.kod.len() != 2 || !l.kod.bytes().all(|b| b.is_ascii_digit()) {
                out.push(Problem::new(
                    Code::E022,
                    file,
                    Loc::Value(path!["lan", i, "kod"]),
                    format!("`{}` är ingen länskod med två siffror", l.kod),
                ));
            }
        }
        for (i, k) in areas.kommuner().iter().enumerate() {
            let digits = k.kod.len() == 4 && k.kod.bytes().all(|b| b.is_ascii_digit());
            if !digits {
                out.push(Problem::new(
                    Code::E022,
                    file,
                    Loc::Value(path!["kommun", i, "kod"]),
                    format!("`{}` är ingen kommunkod med fyra siffror", k.kod),
                ));
            } else if !areas
                .lan()
                .iter()
                .any(|l| crate::dataset::Areas::kommun_in_lan(&k.kod, &l.kod))
            {
                out.push(
                    Problem::new(
                        Code::E022,
                        file,
                        Loc::Value(path!["kommun", i, "kod"]),
                        format!("kommunkoden `{}` hör inte till något län i filen", k.kod),
                    )
                    .help("en kommuns län är de två första siffrorna i koden"),
                );
            }
        }
        let all = areas
            .lan()
            .iter()
            .map(|o| o.kod.as_str())
            .chain(areas.kommuner().iter().map(|o| o.kod.as_str()));
        let mut seen = HashMap::new();
        for (i, kod) in all.enumerate() {
            if seen.insert(kod, i).is_some() {
                let (table, idx) = if i < areas.lan().len() {
                    ("lan", i)
                } else {
                    ("kommun", i - areas.lan().len())
                };
                out.push(Problem::new(
                    Code::E022,
                    file,
                    Loc::Value(path![table, idx, "kod"]),
                    format!("koden `{kod}` finns redan"),
                ));
            }
        }
    }
}

fn ids<'a>(
    file: &Path,
    table: &str,
    ids_: impl Iterator<Item = &'a str> + Clone,
    out: &mut Vec<Problem>,
) {
    for (i, id) in ids_.clone().enumerate() {
        if !is_valid_id(id) {
            out.push(
                Problem::new(
                    Code::E006,
                    file,
                    Loc::Value(vec![
                        Seg::Key(table.into()),
                        Seg::Index(i),
                        Seg::Key("id".into()),
                    ]),
                    format!("`{id}` är inget giltigt id"),
                )
                .help("ett id har bara små bokstäver a–z, siffror och bindestreck")
                .suggest(crate::text::slug(id)),
            );
        }
    }
    duplicates(file, table, "id", ids_, out);
}

fn duplicates<'a>(
    file: &Path,
    table: &str,
    key: &str,
    ids_: impl Iterator<Item = &'a str>,
    out: &mut Vec<Problem>,
) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids_.enumerate() {
        if let Some(first) = seen.insert(id, i) {
            out.push(
                Problem::new(
                    Code::E022,
                    file,
                    Loc::Value(vec![
                        Seg::Key(table.into()),
                        Seg::Index(i),
                        Seg::Key(key.into()),
                    ]),
                    format!("`{id}` finns redan (post nr {})", first + 1),
                )
                .help("varje id får bara finnas en gång"),
            );
        }
    }
}

/// A synonym or label that folds to another term's id, label or synonym makes look-ups
/// ambiguous.
fn synonyms<'a>(
    file: &Path,
    terms: impl Iterator<Item = (&'a str, usize, &'a str, &'a str, &'a [String])>,
    out: &mut Vec<Problem>,
) {
    let mut owner: HashMap<String, &str> = HashMap::new();
    let terms: Vec<_> = terms.collect();
    for (_, _, id, namn, _) in &terms {
        owner.entry(fold(id)).or_insert(id);
        owner.entry(fold(namn)).or_insert(id);
    }
    for (table, i, id, _, syns) in &terms {
        for (j, s) in syns.iter().enumerate() {
            match owner.get(&fold(s)) {
                Some(other) if other != id => out.push(
                    Problem::new(
                        Code::E022,
                        file,
                        Loc::Value(vec![
                            Seg::Key((*table).into()),
                            Seg::Index(*i),
                            Seg::Key("synonymer".into()),
                            Seg::Index(j),
                        ]),
                        format!("synonymen `{s}` används redan av `{other}`"),
                    )
                    .help("ett ord får bara betyda en sak; ta bort synonymen från en av posterna"),
                ),
                _ => {
                    owner.insert(fold(s), id);
                }
            }
        }
    }
}
