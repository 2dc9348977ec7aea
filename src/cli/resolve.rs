//! What a user types on the command line, resolved through the vocabularies: ids, labels,
//! synonyms, codes and names with case and diacritics folded; a typo is accepted when one
//! candidate clearly wins (with a notice), otherwise the command fails with the closest ones.

use anyhow::{Result, bail};

use crate::dataset::{Area, AreaResolution, Areas, Dataset};
use crate::text::{Found, Lexicon, Taken, Term};

/// A resolved value and, when a typo was interpreted, the notice to show on stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<T> {
    pub value: T,
    pub notice: Option<String>,
}

/// How much a command may make of what a person typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A command that writes data (`ny`, `init`): the id, label or synonym, nothing else.
    Write,
    /// A command that only reads (`sok`, `visa`, `matcha`, …): also a unique part or a clear
    /// typo, said on stderr.
    Read,
}

fn listing(terms: &[&Term]) -> String {
    terms
        .iter()
        .take(5)
        .map(|t| {
            if t.namn.is_empty() || t.namn == t.id {
                format!("`{}`", t.id)
            } else if t.id.bytes().all(|b| b.is_ascii_digit()) {
                // An area is typed by its name; its SCB code is no help in a list.
                format!("`{}`", t.namn)
            } else {
                format!("`{}` ({})", t.id, t.namn)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The one resolution of every value a person types for a filter or a command: `nothing`
/// starts the message for an unknown value ("inget behov heter"), `lista` is the
/// `resurs lista` argument that shows every value.
pub fn pick<'a>(
    lex: &'a Lexicon,
    input: &str,
    mode: Mode,
    nothing: &str,
    lista: &str,
) -> Result<Resolved<&'a Term>> {
    let see = format!("Se alla med `resurs lista {lista}`.");
    settle(
        lex.find(input, mode == Mode::Read),
        input,
        mode,
        nothing,
        &see,
    )
}

/// What [`pick`] says of what it found; `see` is the last line of an error.
fn settle<'a>(
    found: Found<'a>,
    input: &str,
    mode: Mode,
    nothing: &str,
    see: &str,
) -> Result<Resolved<&'a Term>> {
    match found {
        Found::Exact(t) => Ok(Resolved {
            value: t,
            notice: None,
        }),
        Found::Taken(t, how) => {
            let verb = match how {
                Taken::Part => "tar",
                Taken::Typo => "tolkar",
            };
            Ok(Resolved {
                value: t,
                notice: Some(format!("{verb} '{}' som {} ({})", input, t.namn, t.id)),
            })
        }
        Found::Ambiguous(c) => bail!(
            "`{input}` kan betyda flera: {}. Skriv id:t.\n{see}",
            listing(&c)
        ),
        Found::Unknown(close) => {
            let exact = match mode {
                Mode::Write => {
                    "\nEtt kommando som skriver data tar bara ett exakt id, namn eller synonym."
                }
                Mode::Read => "",
            };
            if close.is_empty() {
                bail!("{nothing} `{input}`.{exact}\n{see}");
            }
            bail!(
                "{nothing} `{input}`. Närmast: {}.{exact}\n{see}",
                listing(&close)
            );
        }
    }
}

fn need<'a>(lex: Option<&'a Lexicon>, what: &str) -> Result<&'a Lexicon> {
    match lex {
        Some(l) => Ok(l),
        None => bail!("vokabulären för {what} kunde inte läsas; kör `resurs validera`"),
    }
}

/// The term's id, with the notice.
fn id_of(r: Resolved<&Term>) -> Resolved<String> {
    Resolved {
        value: r.value.id.clone(),
        notice: r.notice,
    }
}

/// A need: a category id, label or synonym (→ that category) or a group (→ all its
/// categories). For searching.
pub fn behov(ds: &Dataset, input: &str) -> Result<Resolved<Vec<String>>> {
    let v = &ds.vokabular;
    let lex = need(v.behov_och_grupper.as_ref(), "behov")?;
    let r = pick(lex, input, Mode::Read, "inget behov heter", "kategorier")?;
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

/// A target group or a group of them (→ its members). For searching.
pub fn malgrupper(ds: &Dataset, input: &str) -> Result<Resolved<Vec<String>>> {
    let v = &ds.vokabular;
    let lex = need(v.malgrupper_och_grupper.as_ref(), "målgrupper")?;
    let r = pick(lex, input, Mode::Read, "ingen målgrupp heter", "malgrupper")?;
    let members = v.malgrupper_i_grupp(&r.value.id);
    let ids = if members.is_empty() {
        vec![r.value.id.clone()]
    } else {
        members.into_iter().map(str::to_owned).collect()
    };
    Ok(Resolved {
        value: ids,
        notice: r.notice,
    })
}

/// A group written where data needs its members: the message that lists them.
fn no_group(input: &str, group: &Term, members: &[&str], flag: &str) -> anyhow::Error {
    let list = members
        .iter()
        .map(|m| format!("`{m}`"))
        .collect::<Vec<_>>()
        .join(", ");
    anyhow::anyhow!(
        "`{input}` är gruppen {}, och data anger det som ingår i den: {list}.\nUpprepa flaggan för var och en, t.ex. `{flag} {}`.",
        group.namn,
        members.first().copied().unwrap_or_default()
    )
}

/// One target group, to write into data: a group is refused with its members listed.
pub fn malgrupp(ds: &Dataset, input: &str, mode: Mode) -> Result<Resolved<String>> {
    let v = &ds.vokabular;
    let lex = need(v.malgrupper.as_ref(), "målgrupper")?;
    if let Some(Found::Exact(g)) = v.malgrupp_grupper.as_ref().map(|g| g.find(input, false)) {
        if !matches!(lex.find(input, false), Found::Exact(_)) {
            return Err(no_group(
                input,
                g,
                &v.malgrupper_i_grupp(&g.id),
                "--malgrupp",
            ));
        }
    }
    Ok(id_of(pick(
        lex,
        input,
        mode,
        "ingen målgrupp heter",
        "malgrupper",
    )?))
}

/// A language: code, Swedish name or synonym.
pub fn sprak(ds: &Dataset, input: &str, mode: Mode) -> Result<Resolved<String>> {
    let lex = need(ds.vokabular.sprak.as_ref(), "språk")?;
    Ok(id_of(pick(lex, input, mode, "inget språk heter", "sprak")?))
}

/// An actor type.
pub fn aktorstyp(ds: &Dataset, input: &str, mode: Mode) -> Result<Resolved<String>> {
    let lex = need(ds.vokabular.aktorstyper.as_ref(), "aktörstyper")?;
    Ok(id_of(pick(
        lex,
        input,
        mode,
        "ingen aktörstyp heter",
        "aktorstyper",
    )?))
}

/// One need category, to write into data: a group is refused with its categories listed.
pub fn kategori(ds: &Dataset, input: &str, mode: Mode) -> Result<Resolved<String>> {
    let v = &ds.vokabular;
    let lex = need(v.kategorier.as_ref(), "behov")?;
    if let Some(Found::Exact(g)) = v.grupper.as_ref().map(|g| g.find(input, false)) {
        if !matches!(lex.find(input, false), Found::Exact(_)) {
            return Err(no_group(input, g, &v.kategorier_i_grupp(&g.id), "--behov"));
        }
    }
    Ok(id_of(pick(
        lex,
        input,
        mode,
        "inget behov heter",
        "kategorier",
    )?))
}

/// An entry as a term: its id and its name.
fn term(id: &str, namn: &str) -> Term {
    Term {
        id: id.to_owned(),
        namn: namn.to_owned(),
        synonymer: Vec::new(),
    }
}

/// The actors as terms.
fn actor_terms(ds: &Dataset) -> impl Iterator<Item = Term> + '_ {
    ds.aktorer.values().map(|a| term(&a.id, &a.data.namn))
}

/// The identified needs as terms: id and title.
fn need_terms(ds: &Dataset) -> impl Iterator<Item = Term> + '_ {
    ds.behov.values().map(|b| term(&b.id, &b.data.titel))
}

/// An actor: its id or its name (read: also a part of either, or a typo).
pub fn aktor(ds: &Dataset, input: &str, mode: Mode) -> Result<Resolved<String>> {
    let lex = Lexicon::new(actor_terms(ds).collect());
    Ok(id_of(pick(
        &lex,
        input,
        mode,
        "ingen aktör heter",
        "aktorer",
    )?))
}

/// An identified need (an entry of `behov/`): its id or its title.
pub fn behov_post(ds: &Dataset, input: &str) -> Result<Resolved<String>> {
    let lex = Lexicon::new(need_terms(ds).collect());
    Ok(id_of(pick(
        &lex,
        input.trim().trim_end_matches(".toml"),
        Mode::Read,
        "inget behov har id:t",
        "behov",
    )?))
}

/// Anything `visa` shows: an actor, an offering or a need, by id or name. A part or a typo
/// is looked for among the actors first, then the offerings, then the needs: `Rädda` is the
/// actor, not one of its offerings.
pub fn post(ds: &Dataset, input: &str) -> Result<Resolved<String>> {
    let actors = Lexicon::new(actor_terms(ds).collect());
    let offerings = Lexicon::new(
        ds.insatser
            .values()
            .map(|i| term(&i.id, &i.data.namn))
            .collect(),
    );
    let needs = Lexicon::new(need_terms(ds).collect());
    let input = input.trim().trim_end_matches(".toml");
    let see =
        "Se alla med `resurs lista aktorer`, `resurs lista insatser` eller `resurs lista behov`.";
    let tiers = [&actors, &offerings, &needs];
    let mut found = None;
    for reading in [false, true] {
        for lex in tiers {
            match lex.find(input, reading) {
                Found::Unknown(_) => {}
                other => {
                    found = Some(other);
                    break;
                }
            }
        }
        if found.is_some() {
            break;
        }
    }
    let found = found.unwrap_or_else(|| {
        let mut close: Vec<(u32, &Term)> = tiers
            .iter()
            .flat_map(|lex| lex.closest_scored(input, 3))
            .collect();
        close.sort_by_key(|(score, _)| *score);
        let mut close: Vec<&Term> = close.into_iter().map(|(_, t)| t).collect();
        // `aktor/insats` with a known actor: that actor's offerings, closest first.
        if let Some((aktor, rest)) = input.split_once('/') {
            let own: Vec<&Term> = offerings
                .terms()
                .iter()
                .filter(|t| Dataset::aktor_of(&t.id) == aktor)
                .collect();
            let ranked =
                crate::text::closest_str(rest, own.iter().map(|t| &t.id[aktor.len() + 1..]));
            let ranked: Vec<&Term> = ranked
                .iter()
                .filter_map(|r| own.iter().copied().find(|t| &t.id[aktor.len() + 1..] == *r))
                .collect();
            for t in if ranked.is_empty() { own } else { ranked } {
                if !close.iter().any(|c| c.id == t.id) {
                    close.push(t);
                }
            }
        }
        close.truncate(5);
        Found::Unknown(close)
    });
    Ok(id_of(settle(found, input, Mode::Read, "inget heter", see)?))
}

/// What an area parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaKind {
    /// A kommun, a län or riket.
    Any,
    /// A kommun only (`--kommun`).
    Kommun,
    /// A län only (`init --lan`): `Kalmar` is Kalmar län here.
    Lan,
}

/// An area: code, name (folded, with or without "kommun" or "län"), or `riket`.
pub fn omrade(ds: &Dataset, input: &str, kind: AreaKind, mode: Mode) -> Result<Resolved<Area>> {
    let Some(areas) = ds.vokabular.omraden.as_ref() else {
        bail!("vokabulären för områden kunde inte läsas; kör `resurs validera`");
    };
    omrade_in(areas, input, kind, mode)
}

/// [`omrade`] against an area vocabulary of its own (`init` has no data folder yet).
pub fn omrade_in(areas: &Areas, input: &str, kind: AreaKind, mode: Mode) -> Result<Resolved<Area>> {
    let exact = match kind {
        AreaKind::Lan => areas.resolve_lan(input),
        _ => match areas.resolve(input) {
            AreaResolution::Exact(a) | AreaResolution::Alias(a, _) => Some(a),
            AreaResolution::Unknown(_) => None,
        },
    };
    let resolved = if let Some(a) = exact {
        Resolved {
            value: a,
            notice: None,
        }
    } else {
        {
            let r = pick(
                areas.lexicon(),
                input,
                mode,
                "inget område heter",
                "omraden",
            )?;
            let Some(a) = areas.by_code(&r.value.id) else {
                bail!("inget område heter `{input}`.\nSe alla med `resurs lista omraden`.");
            };
            Resolved {
                value: a.clone(),
                notice: r.notice,
            }
        }
    };
    match (kind, &resolved.value) {
        (AreaKind::Kommun, Area::Kommun(_))
        | (AreaKind::Lan, Area::Lan(_))
        | (AreaKind::Any, _) => Ok(resolved),
        (AreaKind::Kommun, _) => bail!(
            "`{input}` är ingen kommun. Använd `--omrade {input}` för ett län eller hela riket.\nSe alla med `resurs lista omraden`."
        ),
        (AreaKind::Lan, _) => bail!(
            "`{input}` är inget län; skriv länets namn (t.ex. `Kronoberg` eller \"Kronobergs län\") eller kod (t.ex. `07`).\nSe alla med `resurs lista omraden`."
        ),
    }
}
