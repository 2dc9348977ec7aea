//! The resource map as a report: a pure function from the dataset to a [`Report`] (what to
//! show, already filtered and with privacy applied), and renderers for Markdown and HTML.
//! Privacy is decided here, once, so no renderer can leak what `--publik` leaves out.

pub mod html;
pub mod markdown;

use std::collections::{BTreeMap, BTreeSet};

use crate::dataset::{Area, Areas, Dataset, Entry, Vokabular};
use crate::date::Datum;
use crate::followup::followups;
use crate::matching::{Tackning, grade, need_shortfalls};
use crate::model::{AtgardStatus, Behov, BehovStatus, Insats, Kontakt, Kostnad, Prioritet, Status};
use rayon::prelude::*;

/// What the report is made of and for whom.
#[derive(Debug, Clone)]
pub struct Options {
    /// Leave out every non-public contact, internal note and protected address.
    pub publik: bool,
    /// Only what reaches this area.
    pub omrade: Option<Area>,
    /// Only these categories.
    pub behov: Vec<String>,
    pub today: Datum,
    /// The commit of the data folder, when it is in a git repository.
    pub commit: Option<String>,
}

/// A way to reach someone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Way {
    Webb(String),
    Epost(String),
    Telefon(String),
}

/// A named contact, already filtered for the audience.
#[derive(Debug, Clone)]
pub struct Person {
    pub text: String,
    pub ways: Vec<Way>,
    pub publik: bool,
}

/// An offering as a row of the map.
#[derive(Debug, Clone)]
pub struct Offering {
    pub id: String,
    pub namn: String,
    pub aktor_id: String,
    pub aktor_namn: String,
    pub planerad: bool,
    pub status: &'static str,
    pub behov: Vec<String>,
    /// "föräldrar, unga 0–20 år".
    pub for_vem: String,
    pub var: Vec<String>,
    /// Codes the offering reaches, for the filter: kommun and län codes, or `riket`.
    pub omrade_koder: Vec<String>,
    pub sprak: Vec<String>,
    pub tolk: bool,
    pub kostnad: Option<String>,
    /// Markdown: how to get it.
    pub kontaktvag: Option<String>,
    pub tider: Option<String>,
    pub plats: Option<String>,
    pub ways: Vec<Way>,
    pub kontakter: Vec<Person>,
    pub beskrivning: String,
    pub intern: Option<String>,
    /// What the map's filter searches besides the row's text: its categories' ids, labels and
    /// synonyms, its target groups' labels and synonyms, its areas and its actor.
    pub sokord: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
    pub namn: String,
    pub insatser: Vec<Offering>,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub namn: String,
    pub kategorier: Vec<Category>,
}

#[derive(Debug, Clone)]
pub struct ActorSection {
    pub id: String,
    pub namn: String,
    pub typ: String,
    pub var: Vec<String>,
    pub beskrivning: String,
    pub behovsbild: Option<String>,
    pub ways: Vec<Way>,
    pub kontakter: Vec<Person>,
    pub intern: Option<String>,
    /// (id, name, status) of its offerings in the report.
    pub insatser: Vec<(String, String, &'static str)>,
}

#[derive(Debug, Clone)]
pub struct NeedSection {
    pub id: String,
    pub titel: String,
    pub tackning: Tackning,
    pub prioritet: &'static str,
    pub var: Vec<String>,
    pub beskrivning: Option<String>,
    pub lyft_av: Vec<String>,
    pub brister: Vec<String>,
    /// (offering id, "Aktör: Insats", full, shortfalls).
    pub kandidater: Vec<(String, String, bool, Vec<String>)>,
    pub intern: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Action {
    pub ansvarig: String,
    pub beskrivning: String,
    pub status: &'static str,
    pub senast: Option<Datum>,
    pub forsenad: bool,
    pub behov_id: String,
    pub behov_titel: String,
    pub intern: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Review {
    pub namn: String,
    pub fil: String,
    pub senast_granskad: Datum,
    pub manader: i32,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub aktorer: usize,
    pub insatser: usize,
    pub behov: usize,
    pub tackt: usize,
    pub delvis: usize,
    pub saknas: usize,
}

/// Everything a report shows.
#[derive(Debug, Clone)]
pub struct Report {
    pub titel: String,
    pub beskrivning: Option<String>,
    pub datum: Datum,
    pub commit: Option<String>,
    pub publik: bool,
    /// The filters, in words ("Växjö", "Samtalsstöd").
    pub urval: Vec<String>,
    pub summary: Summary,
    pub karta: Vec<Group>,
    pub aktorer: Vec<ActorSection>,
    pub behov: Vec<NeedSection>,
    pub atgarder: Vec<Action>,
    pub granska: Vec<Review>,
    /// (code, name) of the kommuner the map's filter offers.
    pub kommuner: Vec<(String, String)>,
}

fn ways(webb: Option<&String>, epost: Option<&String>, telefon: Option<&String>) -> Vec<Way> {
    let mut w = Vec::new();
    if let Some(x) = telefon {
        w.push(Way::Telefon(x.clone()));
    }
    if let Some(x) = epost {
        w.push(Way::Epost(x.clone()));
    }
    if let Some(x) = webb {
        w.push(Way::Webb(x.clone()));
    }
    w
}

fn people(kontakter: &[Kontakt], publik: bool) -> Vec<Person> {
    kontakter
        .iter()
        .filter(|k| !publik || k.publik)
        .map(|k| Person {
            text: [&k.namn, &k.roll]
                .into_iter()
                .filter_map(|s| s.as_deref())
                .collect::<Vec<_>>()
                .join(", "),
            ways: ways(None, k.epost.as_ref(), k.telefon.as_ref()),
            publik: k.publik,
        })
        .collect()
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Aktiv => "aktiv",
        Status::Planerad => "planerad",
        Status::Pausad => "pausad",
        Status::Avslutad => "avslutad",
    }
}

/// The words the map's filter finds an offering by, beyond what its row shows.
fn search_words(v: &Vokabular, x: &Insats, aktor: &str, var: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for b in &x.behov {
        out.push(b.clone());
        if let Some(t) = v.kategorier.as_ref().and_then(|l| l.get(b)) {
            out.push(t.namn.clone());
            out.extend(t.synonymer.iter().cloned());
        }
    }
    for m in &x.malgrupper {
        if let Some(t) = v.malgrupper.as_ref().and_then(|l| l.get(m)) {
            out.push(t.namn.clone());
            out.extend(t.synonymer.iter().cloned());
        }
    }
    out.extend(var.iter().cloned());
    out.push(aktor.to_owned());
    out
}

/// Area codes an offering reaches, for the map's kommun filter.
fn codes(areas: &[Area]) -> Vec<String> {
    areas
        .iter()
        .map(|a| match a {
            Area::Riket => "riket".to_owned(),
            Area::Lan(k) | Area::Kommun(k) => k.clone(),
        })
        .collect()
}

/// Builds the report. Entries from files with errors are left out, as in search.
pub fn build(ds: &Dataset, opts: &Options) -> Report {
    let v = &ds.vokabular;
    let publik = opts.publik;
    let areas = v.omraden.as_ref();
    let reaches = |written: &[String]| -> bool {
        match (&opts.omrade, areas) {
            (Some(wanted), Some(areas)) => areas
                .resolve_all(written)
                .iter()
                .any(|o| Areas::reach(o, wanted).is_some()),
            _ => true,
        }
    };

    // Offerings in the report.
    let all: Vec<(&String, &Entry<Insats>)> = ds.insatser.iter().collect();
    let offerings: Vec<Offering> = all
        .into_par_iter()
        .filter_map(|(id, e)| {
            let x = &e.data;
            if ds.is_broken(&e.file) || x.status == Status::Avslutad {
                return None;
            }
            if !opts.behov.is_empty() && !x.behov.iter().any(|b| opts.behov.contains(b)) {
                return None;
            }
            let written = ds.insats_omraden(id, x);
            if !reaches(written) {
                return None;
            }
            let aktor = ds.aktorer.get(Dataset::aktor_of(id));
            let for_vem = v.for_vem(x);
            let kostnad = match (x.kostnad, &x.kostnad_beskrivning) {
                (Some(Kostnad::Kostnadsfri), None) => Some("Kostnadsfri".to_owned()),
                (Some(Kostnad::Kostnadsfri), Some(d)) => Some(format!("Kostnadsfri ({d})")),
                (Some(Kostnad::Avgift), None) => Some("Avgift".to_owned()),
                (Some(Kostnad::Avgift), Some(d)) => Some(format!("Avgift: {d}")),
                (None, d) => d.clone(),
            };
            let plats = x.plats.as_ref().map(|p| {
                let mut parts: Vec<String> = Vec::new();
                if let Some(n) = &p.namn {
                    parts.push(n.clone());
                }
                match (&p.adress, p.skyddad, publik) {
                    (Some(a), false, _) => parts.push(a.clone()),
                    (Some(a), true, false) => {
                        parts.push(format!("{a} (skyddad adress – visas inte publikt)"));
                    }
                    _ => {}
                }
                if let Some(k) = &p.kommun {
                    parts.push(ds.omrade_namn(std::slice::from_ref(k)).join(""));
                }
                parts.join(", ")
            });
            let resolved = areas.map(|a| a.resolve_all(written)).unwrap_or_default();
            let aktor_namn =
                aktor.map_or_else(|| Dataset::aktor_of(id).to_owned(), |a| a.data.namn.clone());
            let var = ds.omrade_namn(written);
            Some(Offering {
                id: id.clone(),
                namn: x.namn.clone(),
                aktor_id: Dataset::aktor_of(id).to_owned(),
                sokord: search_words(v, x, &aktor_namn, &var),
                aktor_namn,
                planerad: x.status != Status::Aktiv,
                status: status_word(x.status),
                behov: x.behov.clone(),
                for_vem,
                var,
                omrade_koder: codes(&resolved),
                sprak: x
                    .languages()
                    .iter()
                    .map(|s| v.sprak_namn(s).to_owned())
                    .collect(),
                tolk: x.tolk,
                kostnad,
                kontaktvag: x.kontaktvag.clone(),
                tider: x.tider.clone(),
                plats: plats.filter(|p| !p.is_empty()),
                // An offering without ways of its own is reached through its actor's.
                ways: match (
                    ways(x.webb.as_ref(), x.epost.as_ref(), x.telefon.as_ref()),
                    aktor,
                ) {
                    (own, Some(a)) if own.is_empty() => ways(
                        a.data.webb.as_ref(),
                        a.data.epost.as_ref(),
                        a.data.telefon.as_ref(),
                    ),
                    (own, _) => own,
                },
                kontakter: people(&x.kontakt, publik),
                beskrivning: x.beskrivning.clone(),
                intern: x.intern_anteckning.clone().filter(|_| !publik),
            })
        })
        .collect();

    // The map: groups → categories → offerings.
    let mut karta = Vec::new();
    for g in &v.behov_raw.grupp {
        let mut kategorier = Vec::new();
        for k in v.behov_raw.kategori.iter().filter(|k| k.grupp == g.id) {
            let insatser: Vec<Offering> = offerings
                .iter()
                .filter(|o| o.behov.contains(&k.id))
                .cloned()
                .collect();
            if !insatser.is_empty() {
                kategorier.push(Category {
                    id: k.id.clone(),
                    namn: k.namn.clone(),
                    insatser,
                });
            }
        }
        if !kategorier.is_empty() {
            karta.push(Group {
                id: g.id.clone(),
                namn: g.namn.clone(),
                kategorier,
            });
        }
    }

    // Actors: those with offerings in the report, or whose area reaches the filter.
    let mut by_actor: BTreeMap<&str, Vec<&Offering>> = BTreeMap::new();
    for o in &offerings {
        by_actor.entry(o.aktor_id.as_str()).or_default().push(o);
    }
    let aktorer: Vec<ActorSection> = ds
        .aktorer
        .values()
        .filter(|a| !ds.is_broken(&a.file))
        .filter(|a| {
            by_actor.contains_key(a.id.as_str())
                || (opts.behov.is_empty() && reaches(&a.data.omraden))
        })
        .map(|a| ActorSection {
            id: a.id.clone(),
            namn: a.data.namn.clone(),
            typ: v
                .aktorstyper
                .as_ref()
                .and_then(|l| l.get(&a.data.typ))
                .map_or(a.data.typ.clone(), |t| t.namn.clone()),
            var: ds.omrade_namn(&a.data.omraden),
            beskrivning: a.data.beskrivning.clone(),
            behovsbild: a.data.behovsbild.clone(),
            ways: ways(
                a.data.webb.as_ref(),
                a.data.epost.as_ref(),
                a.data.telefon.as_ref(),
            ),
            kontakter: people(&a.data.kontakt, publik),
            intern: a.data.intern_anteckning.clone().filter(|_| !publik),
            insatser: by_actor
                .get(a.id.as_str())
                .into_iter()
                .flatten()
                .map(|o| (o.id.clone(), o.namn.clone(), o.status))
                .collect(),
        })
        .collect();

    // Needs and coverage, gaps first: only the needs in the report are graded.
    let needs: Vec<&Entry<Behov>> = ds
        .behov
        .values()
        .filter(|b| b.data.status == BehovStatus::Aktuellt)
        .filter(|b| {
            opts.behov.is_empty() || b.data.kategorier.iter().any(|k| opts.behov.contains(k))
        })
        .filter(|b| reaches(&b.data.omraden))
        .collect();
    let coverage = grade(ds, needs);
    let mut summary = Summary::default();
    let mut behov = Vec::new();
    for c in &coverage {
        let b = &c.behov.data;
        if !opts.behov.is_empty() && !b.kategorier.iter().any(|k| opts.behov.contains(k)) {
            continue;
        }
        if !reaches(&b.omraden) {
            continue;
        }
        match c.tackning {
            Tackning::Tackt => summary.tackt += 1,
            Tackning::Delvis => summary.delvis += 1,
            Tackning::Saknas => summary.saknas += 1,
        }
        let lyft_av = b
            .lyft_av
            .iter()
            .map(|id| {
                ds.aktorer
                    .get(id)
                    .map_or_else(|| id.clone(), |a| a.data.namn.clone())
            })
            .collect();
        behov.push(NeedSection {
            id: c.behov.id.clone(),
            titel: b.titel.clone(),
            tackning: c.tackning,
            prioritet: match b.prioritet {
                Some(Prioritet::Hog) => "hög",
                Some(Prioritet::Medel) => "medel",
                Some(Prioritet::Lag) => "låg",
                None => "",
            },
            var: ds.omrade_namn(&b.omraden),
            beskrivning: b.beskrivning.clone(),
            lyft_av,
            brister: need_shortfalls(ds, c),
            kandidater: c
                .kandidater
                .iter()
                .map(|k| {
                    let aktor = ds
                        .aktorer
                        .get(Dataset::aktor_of(k.id))
                        .map_or(Dataset::aktor_of(k.id), |a| a.data.namn.as_str());
                    (
                        k.id.to_owned(),
                        format!("{aktor}: {}", k.insats.data.namn),
                        k.full(),
                        k.brister.clone(),
                    )
                })
                .collect(),
            intern: b.intern_anteckning.clone().filter(|_| !publik),
        });
    }
    let shown_needs: BTreeSet<&str> = behov.iter().map(|b| b.id.as_str()).collect();

    // Open follow-up actions of the needs in the report.
    let atgarder: Vec<Action> = followups(ds, opts.today, None)
        .into_iter()
        .filter(|f| {
            f.atgard.status != AtgardStatus::Klar && shown_needs.contains(f.behov.id.as_str())
        })
        .map(|f| Action {
            ansvarig: f.ansvarig_label(),
            beskrivning: f.atgard.beskrivning.clone(),
            status: if f.atgard.status == AtgardStatus::Pagar {
                "pågår"
            } else {
                "öppen"
            },
            senast: f.atgard.senast,
            forsenad: f.forsenad,
            behov_id: f.behov.id.clone(),
            behov_titel: f.behov.data.titel.clone(),
            intern: f.atgard.intern_anteckning.clone().filter(|_| !publik),
        })
        .collect();

    // Entries due for review.
    let g = ds
        .installningar
        .as_ref()
        .map(|i| i.granskning)
        .unwrap_or_default();
    let limit = i32::try_from(g.varna_efter_manader).unwrap_or(i32::MAX);
    let mut granska: Vec<Review> = Vec::new();
    for a in aktorer.iter().filter_map(|s| ds.aktorer.get(&s.id)) {
        let m = a.data.senast_granskad.months_until(opts.today);
        if m >= limit {
            granska.push(Review {
                namn: a.data.namn.clone(),
                fil: a.file.to_string_lossy().replace('\\', "/"),
                senast_granskad: a.data.senast_granskad,
                manader: m,
            });
        }
    }
    for o in &offerings {
        if let Some(e) = ds.insatser.get(&o.id) {
            let m = e.data.senast_granskad.months_until(opts.today);
            if m >= limit {
                granska.push(Review {
                    namn: format!("{}: {}", o.aktor_namn, o.namn),
                    fil: e.file.to_string_lossy().replace('\\', "/"),
                    senast_granskad: e.data.senast_granskad,
                    manader: m,
                });
            }
        }
    }
    granska.sort_by(|a, b| {
        a.senast_granskad
            .cmp(&b.senast_granskad)
            .then_with(|| a.fil.cmp(&b.fil))
    });

    // Kommuner for the filter: those named, and those of every län named.
    let mut kommuner: Vec<(String, String)> = Vec::new();
    if let Some(areas) = areas {
        let mut wanted: BTreeSet<String> = BTreeSet::new();
        for o in &offerings {
            for c in &o.omrade_koder {
                if c.len() == 4 {
                    wanted.insert(c.clone());
                } else if c.len() == 2 {
                    for k in areas
                        .kommuner()
                        .iter()
                        .filter(|k| k.kod.starts_with(c.as_str()))
                    {
                        wanted.insert(k.kod.clone());
                    }
                }
            }
        }
        kommuner = areas
            .kommuner()
            .iter()
            .filter(|k| wanted.contains(&k.kod))
            .map(|k| (k.kod.clone(), k.namn.clone()))
            .collect();
        kommuner.sort_by_key(|k| crate::text::fold(&k.1));
    }

    let mut urval = Vec::new();
    if let (Some(a), Some(areas)) = (&opts.omrade, areas) {
        urval.push(areas.name(a));
    }
    for b in &opts.behov {
        urval.push(v.kategori_namn(b).to_owned());
    }

    summary.aktorer = aktorer.len();
    summary.insatser = offerings.len();
    summary.behov = behov.len();
    Report {
        titel: ds
            .installningar
            .as_ref()
            .map_or_else(|| "Resurskarta".to_owned(), |i| i.namn.clone()),
        beskrivning: ds
            .installningar
            .as_ref()
            .and_then(|i| i.beskrivning.clone()),
        datum: opts.today,
        commit: opts.commit.clone(),
        publik,
        urval,
        summary,
        karta,
        aktorer,
        behov,
        atgarder,
        granska,
        kommuner,
    }
}

/// A phone number as a `tel:` link target: digits and a leading `+` only.
pub fn tel_href(nr: &str) -> String {
    let t = nr.trim();
    let mut out: String = t.chars().filter(char::is_ascii_digit).collect();
    if t.starts_with('+') {
        out.insert(0, '+');
    }
    format!("tel:{out}")
}

/// A report with `text` in every field that comes from data (names, ids, descriptions, links,
/// contacts, notes): for fuzzing and for the XSS tests.
#[doc(hidden)]
pub fn sample(text: &str) -> Report {
    let t = || text.to_owned();
    let ways = vec![Way::Webb(t()), Way::Epost(t()), Way::Telefon(t())];
    let person = Person {
        text: t(),
        ways: ways.clone(),
        publik: false,
    };
    let offering = Offering {
        id: t(),
        namn: t(),
        aktor_id: t(),
        aktor_namn: t(),
        planerad: true,
        status: "planerad",
        behov: vec![t()],
        for_vem: t(),
        var: vec![t()],
        omrade_koder: vec![t()],
        sprak: vec![t()],
        tolk: true,
        kostnad: Some(t()),
        kontaktvag: Some(t()),
        tider: Some(t()),
        plats: Some(t()),
        ways: ways.clone(),
        kontakter: vec![person.clone()],
        beskrivning: t(),
        intern: Some(t()),
        sokord: vec![t()],
    };
    Report {
        titel: t(),
        beskrivning: Some(t()),
        datum: Datum {
            year: 2026,
            month: 11,
            day: 25,
        },
        commit: Some(t()),
        publik: false,
        urval: vec![t()],
        summary: Summary::default(),
        karta: vec![Group {
            id: t(),
            namn: t(),
            kategorier: vec![Category {
                id: t(),
                namn: t(),
                insatser: vec![offering],
            }],
        }],
        aktorer: vec![ActorSection {
            id: t(),
            namn: t(),
            typ: t(),
            var: vec![t()],
            beskrivning: t(),
            behovsbild: Some(t()),
            ways,
            kontakter: vec![person],
            intern: Some(t()),
            insatser: vec![(t(), t(), "aktiv")],
        }],
        behov: vec![NeedSection {
            id: t(),
            titel: t(),
            tackning: Tackning::Delvis,
            prioritet: "hög",
            var: vec![t()],
            beskrivning: Some(t()),
            lyft_av: vec![t()],
            brister: vec![t()],
            kandidater: vec![(t(), t(), false, vec![t()])],
            intern: Some(t()),
        }],
        atgarder: vec![Action {
            ansvarig: t(),
            beskrivning: t(),
            status: "öppen",
            senast: None,
            forsenad: true,
            behov_id: t(),
            behov_titel: t(),
            intern: Some(t()),
        }],
        granska: vec![Review {
            namn: t(),
            fil: t(),
            senast_granskad: Datum {
                year: 2020,
                month: 1,
                day: 1,
            },
            manader: 70,
        }],
        kommuner: vec![(t(), t())],
    }
}
