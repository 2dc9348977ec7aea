//! What a user types on the command line, resolved through the vocabularies: ids, labels,
//! synonyms, codes and names with case and diacritics folded; a typo is accepted when one
//! candidate clearly wins (with a notice), otherwise the command fails with the closest ones.

use anyhow::{Result, bail};

use crate::dataset::{Area, AreaResolution, Areas, Dataset};
use crate::text::{Lexicon, Resolution, Term, fold};

/// A resolved value and, when a typo was interpreted, the notice to show on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<T> {
    pub value: T,
    pub notice: Option<String>,
}

/// The largest closeness (edit distance) at which a lone best candidate is taken for a typo.
const TYPO: u32 = 3;

fn listing(terms: &[&Term]) -> String {
    terms
        .iter()
        .map(|t| format!("`{}` ({})", t.id, t.namn))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Resolves `input` in `lex`: `what` names the vocabulary in messages ("inget behov heter …"),
/// `lista` is the `resurs lista` argument that shows every value.
pub fn pick<'a>(
    lex: &'a Lexicon,
    input: &str,
    nothing: &str,
    lista: &str,
) -> Result<Resolved<&'a Term>> {
    let candidates = match lex.resolve(input) {
        Resolution::Id(t) | Resolution::Alias(t) => {
            return Ok(Resolved {
                value: t,
                notice: None,
            });
        }
        Resolution::Unknown(c) if c.len() > 1 && c.iter().all(|t| fold(&t.namn) == fold(input)) => {
            bail!(
                "`{input}` kan betyda flera saker: {}. Skriv id:t.\nSe alla med `resurs lista {lista}`.",
                listing(&c)
            );
        }
        Resolution::Unknown(_) => lex.closest_scored(input, 3),
    };
    let clear = match candidates.as_slice() {
        [(s, t)] if *s <= TYPO => Some(*t),
        [(s, t), (s2, _), ..] if *s <= TYPO && s < s2 => Some(*t),
        _ => None,
    };
    if let Some(t) = clear {
        return Ok(Resolved {
            value: t,
            notice: Some(format!("tolkar '{input}' som {} ({})", t.namn, t.id)),
        });
    }
    let close: Vec<&Term> = candidates.iter().map(|(_, t)| *t).collect();
    if close.is_empty() {
        bail!("{nothing} `{input}`.\nSe alla med `resurs lista {lista}`.");
    }
    bail!(
        "{nothing} `{input}`. Närmast: {}.\nSe alla med `resurs lista {lista}`.",
        listing(&close)
    );
}

fn need<'a>(lex: Option<&'a Lexicon>, what: &str) -> Result<&'a Lexicon> {
    match lex {
        Some(l) => Ok(l),
        None => bail!("vokabulären för {what} kunde inte läsas; kör `resurs validera`"),
    }
}

/// A need: a category id, label or synonym (→ that category) or a group (→ all its categories).
pub fn behov(ds: &Dataset, input: &str) -> Result<Resolved<Vec<String>>> {
    let v = &ds.vokabular;
    let lex = need(v.behov_och_grupper.as_ref(), "behov")?;
    let r = pick(lex, input, "inget behov heter", "kategorier")?;
    let ids = if v
        .kategorier
        .as_ref()
        .and_then(|k| k.get(&r.value.id))
        .is_some()
    {
        vec![r.value.id.clone()]
    } else {
        v.kategorier_i_grupp(&r.value.id)
            .into_iter()
            .map(str::to_owned)
            .collect()
    };
    Ok(Resolved {
        value: ids,
        notice: r.notice,
    })
}

/// A target group.
pub fn malgrupp(ds: &Dataset, input: &str) -> Result<Resolved<String>> {
    let lex = need(ds.vokabular.malgrupper.as_ref(), "målgrupper")?;
    let r = pick(lex, input, "ingen målgrupp heter", "malgrupper")?;
    Ok(Resolved {
        value: r.value.id.clone(),
        notice: r.notice,
    })
}

/// A language: code, Swedish name or synonym.
pub fn sprak(ds: &Dataset, input: &str) -> Result<Resolved<String>> {
    let lex = need(ds.vokabular.sprak.as_ref(), "språk")?;
    let r = pick(lex, input, "inget språk heter", "sprak")?;
    Ok(Resolved {
        value: r.value.id.clone(),
        notice: r.notice,
    })
}

/// An actor type.
pub fn aktorstyp(ds: &Dataset, input: &str) -> Result<Resolved<String>> {
    let lex = need(ds.vokabular.aktorstyper.as_ref(), "aktörstyper")?;
    let r = pick(lex, input, "ingen aktörstyp heter", "aktorstyper")?;
    Ok(Resolved {
        value: r.value.id.clone(),
        notice: r.notice,
    })
}

/// A need category (not a group: a data file names categories).
pub fn kategori(ds: &Dataset, input: &str) -> Result<Resolved<String>> {
    let lex = need(ds.vokabular.kategorier.as_ref(), "behov")?;
    let r = pick(lex, input, "inget behov heter", "kategorier")?;
    Ok(Resolved {
        value: r.value.id.clone(),
        notice: r.notice,
    })
}

/// An actor: its id or its name.
pub fn aktor(ds: &Dataset, input: &str) -> Result<Resolved<String>> {
    let lex = Lexicon::new(
        ds.aktorer
            .values()
            .map(|a| Term {
                id: a.id.clone(),
                namn: a.data.namn.clone(),
                synonymer: Vec::new(),
            })
            .collect(),
    );
    let r = pick(&lex, input, "ingen aktör heter", "aktorer")?;
    Ok(Resolved {
        value: r.value.id.clone(),
        notice: r.notice,
    })
}

/// An area: code, name (folded, with or without "kommun"), or `riket`. With `kommun_only`, a
/// län or riket is refused.
pub fn omrade(ds: &Dataset, input: &str, kommun_only: bool) -> Result<Resolved<Area>> {
    let Some(areas) = ds.vokabular.omraden.as_ref() else {
        bail!("vokabulären för områden kunde inte läsas; kör `resurs validera`");
    };
    let resolved = match areas.resolve(input) {
        AreaResolution::Exact(a) | AreaResolution::Alias(a, _) => Resolved {
            value: a,
            notice: None,
        },
        AreaResolution::Unknown(_) => typo_area(areas, input)?,
    };
    if kommun_only && !matches!(resolved.value, Area::Kommun(_)) {
        bail!(
            "`{input}` är ingen kommun. Använd `--omrade {input}` för ett län eller hela riket.\nSe alla med `resurs lista omraden`."
        );
    }
    Ok(resolved)
}

fn typo_area(areas: &Areas, input: &str) -> Result<Resolved<Area>> {
    let close = areas.closest_scored(input, 3);
    let clear = match close.as_slice() {
        [(s, a)] if *s <= TYPO => Some(a),
        [(s, a), (s2, _), ..] if *s <= TYPO && s < s2 => Some(a),
        _ => None,
    };
    if let Some(a) = clear {
        let name = areas.name(a);
        return Ok(Resolved {
            value: a.clone(),
            notice: Some(format!("tolkar '{input}' som {name}")),
        });
    }
    let names: Vec<String> = close
        .iter()
        .map(|(_, a)| format!("`{}`", areas.name(a)))
        .collect();
    if names.is_empty() {
        bail!("inget område heter `{input}`.\nSe alla med `resurs lista omraden`.");
    }
    bail!(
        "inget område heter `{input}`. Närmast: {}.\nSe alla med `resurs lista omraden`.",
        names.join(", ")
    );
}
