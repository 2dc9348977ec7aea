//! Rules over loaded entries: vocabulary values, references, areas, contact details, dates.

use std::path::Path;

use rayon::prelude::*;

use crate::dataset::{Area, AreaResolution, Dataset};
use crate::date::Datum;
use crate::diagnostic::Suggestions;
use crate::diagnostic::{Code, Loc, Problem, Seg};
use crate::model::{Kanal, Kontakt, Status};
use crate::path;
use crate::validate::Options;
use crate::validate::formats::{self, Rejected};

mod values;

/// Runs every entry rule.
pub fn check(ds: &Dataset, opts: Options, out: &mut Vec<Problem>) {
    let granskning = ds
        .installningar
        .as_ref()
        .map(|i| i.granskning)
        .unwrap_or_default();
    let c = Checker {
        ds,
        out,
        suggestions: Suggestions::default(),
    };

    if let Some(inst) = &ds.installningar {
        let file = Path::new("resurs.toml");
        if let (Some(lan), Some(areas)) = (&inst.lan, &ds.vokabular.omraden) {
            if !matches!(areas.resolve(lan), AreaResolution::Exact(Area::Lan(ref kod)) if kod == lan)
            {
                let mut p = Problem::new(
                    Code::E024,
                    file,
                    Loc::Value(path!["lan"]),
                    format!("`{lan}` är ingen länskod"),
                )
                .help("skriv länets kod med två siffror, t.ex. `lan = \"07\"` för Kronobergs län");
                if let AreaResolution::Exact(Area::Lan(kod))
                | AreaResolution::Alias(Area::Lan(kod), _) = areas.resolve(lan)
                {
                    p = p.suggest(format!("\"{kod}\""));
                }
                c.out.push(p);
            }
        }
        if granskning.varna_efter_manader >= granskning.fel_efter_manader {
            c.out.push(
                Problem::new(
                    Code::E024,
                    file,
                    Loc::Value(path!["granskning", "varna_efter_manader"]),
                    "`varna_efter_manader` ska vara mindre än `fel_efter_manader`",
                )
                .help("annars blir en inaktuell uppgift ett fel innan den blir en varning"),
            );
        }
    }

    let found = each(ds, &ds.aktorer, |c, e| {
        let a = &e.data;
        let f = e.file.as_path();
        c.vocab(
            ds.vokabular.aktorstyper.as_ref(),
            &a.typ,
            AKTORSTYP,
            "aktorstyper",
            f,
            || path!["typ"],
        );
        for (i, o) in a.omraden.iter().enumerate() {
            c.area(o, f, || path!["omraden", i], false);
        }
        c.repeated("omraden", strs(&a.omraden), f);
        c.contact_ways(
            a.webb.as_deref(),
            a.epost.as_deref(),
            a.telefon.as_deref(),
            f,
            &[],
        );
        if let Some(nr) = &a.organisationsnummer {
            c.format(
                formats::organisationsnummer(nr),
                Code::E013,
                "ogiltigt organisationsnummer",
                nr,
                f,
                || path!["organisationsnummer"],
            );
        }
        c.contacts(&a.kontakt, f);
        c.review(a.senast_granskad, opts.today, granskning, f);
    });
    c.out.extend(found);

    let found = each(ds, &ds.insatser, |c, e| {
        let x = &e.data;
        let f = e.file.as_path();
        for (i, b) in x.behov.iter().enumerate() {
            c.category(b, f, || path!["behov", i]);
        }
        for (i, m) in x.malgrupper.iter().enumerate() {
            c.target_group(m, f, || path!["malgrupper", i]);
        }
        for (i, o) in x.omraden.iter().flatten().enumerate() {
            c.area(o, f, || path!["omraden", i], false);
        }
        for (i, s) in x.sprak.iter().flatten().enumerate() {
            c.vocab(ds.vokabular.sprak.as_ref(), s, SPRAK, "sprak", f, || {
                path!["sprak", i]
            });
        }
        if let Some(k) = x.plats.as_ref().and_then(|p| p.kommun.as_ref()) {
            c.area(k, f, || path!["plats", "kommun"], true);
        }
        for (i, id) in x.samarbetspartner.iter().enumerate() {
            c.aktor_ref(id, f, || path!["samarbetspartner", i]);
        }
        c.repeated("behov", strs(&x.behov), f);
        c.repeated("malgrupper", strs(&x.malgrupper), f);
        c.repeated("omraden", strs(x.omraden.iter().flatten()), f);
        c.repeated("sprak", strs(x.sprak.iter().flatten()), f);
        c.repeated("samarbetspartner", strs(&x.samarbetspartner), f);
        c.repeated("kanaler", x.kanaler.iter().map(|k| kanal(*k)), f);
        if let (Some(from), Some(to)) = (x.giltig_fran, x.giltig_till) {
            if to < from {
                c.out.push(
                    Problem::new(
                        Code::E014,
                        f,
                        Loc::Value(path!["giltig_till"]),
                        format!("`giltig_till` ({to}) är före `giltig_fran` ({from})"),
                    )
                    .help("kontrollera datumen; kanske är de omkastade"),
                );
            }
        }
        if let (Some(min), Some(max)) = (x.min_alder, x.max_alder) {
            if min > max {
                c.out.push(
                    Problem::new(
                        Code::E015,
                        f,
                        Loc::Value(path!["min_alder"]),
                        format!("`min_alder` ({min}) är högre än `max_alder` ({max})"),
                    )
                    .help("kontrollera åldrarna; kanske är de omkastade"),
                );
            }
        }
        if let Some(to) = x.giltig_till {
            if x.status == Status::Aktiv && to < opts.today {
                c.out.push(
                    Problem::new(
                        Code::W002,
                        f,
                        Loc::Value(path!["giltig_till"]),
                        format!("insatsen är markerad som aktiv men gällde bara till {to}"),
                    )
                    .help("sätt `status = \"avslutad\"` eller ett nytt `giltig_till`"),
                );
            }
        }
        c.reachable(&e.id, x, f);
        c.contact_ways(
            x.webb.as_deref(),
            x.epost.as_deref(),
            x.telefon.as_deref(),
            f,
            &[],
        );
        c.contacts(&x.kontakt, f);
        c.review(x.senast_granskad, opts.today, granskning, f);
    });
    c.out.extend(found);

    let found = each(ds, &ds.behov, |c, e| {
        let b = &e.data;
        let f = e.file.as_path();
        for (i, k) in b.kategorier.iter().enumerate() {
            c.category(k, f, || path!["kategorier", i]);
        }
        for (i, m) in b.malgrupper.iter().enumerate() {
            c.target_group(m, f, || path!["malgrupper", i]);
        }
        for (i, o) in b.omraden.iter().enumerate() {
            c.area(o, f, || path!["omraden", i], false);
        }
        for (i, s) in b.sprak.iter().enumerate() {
            c.vocab(ds.vokabular.sprak.as_ref(), s, SPRAK, "sprak", f, || {
                path!["sprak", i]
            });
        }
        for (i, id) in b.lyft_av.iter().enumerate() {
            c.aktor_ref(id, f, || path!["lyft_av", i]);
        }
        for (i, a) in b.atgard.iter().enumerate() {
            if let Some(id) = &a.ansvarig {
                c.aktor_ref(id, f, || path!["atgard", i, "ansvarig"]);
            }
        }
        c.repeated("kategorier", strs(&b.kategorier), f);
        c.repeated("malgrupper", strs(&b.malgrupper), f);
        c.repeated("omraden", strs(&b.omraden), f);
        c.repeated("sprak", strs(&b.sprak), f);
        c.repeated("lyft_av", strs(&b.lyft_av), f);
    });
    c.out.extend(found);
}

/// The values of a list of texts, as `&str`.
fn strs<'v>(values: impl IntoIterator<Item = &'v String>) -> impl Iterator<Item = &'v str> {
    values.into_iter().map(String::as_str)
}

/// A channel as the data writes it.
fn kanal(k: Kanal) -> &'static str {
    match k {
        Kanal::Plats => "plats",
        Kanal::Telefon => "telefon",
        Kanal::Digitalt => "digitalt",
        Kanal::Uppsokande => "uppsokande",
    }
}

/// A vocabulary's word in the forms messages need.
#[derive(Clone, Copy)]
struct Word {
    unknown: &'static str,
    definite: &'static str,
}

const BEHOV: Word = Word {
    unknown: "okänt behov",
    definite: "behovets",
};
const MALGRUPP: Word = Word {
    unknown: "okänd målgrupp",
    definite: "målgruppens",
};
const AKTORSTYP: Word = Word {
    unknown: "okänd aktörstyp",
    definite: "aktörstypens",
};
const SPRAK: Word = Word {
    unknown: "okänt språk",
    definite: "språkets",
};

/// Runs `check` on every entry in parallel and gathers what it finds.
fn each<T: Sync>(
    ds: &Dataset,
    entries: &std::collections::BTreeMap<String, crate::dataset::Entry<T>>,
    check: impl Fn(&mut Checker<'_>, &crate::dataset::Entry<T>) + Sync,
) -> Vec<Problem> {
    entries
        .par_iter()
        .flat_map_iter(|(_, e)| {
            let mut found = Vec::new();
            check(
                &mut Checker {
                    ds,
                    out: &mut found,
                    suggestions: Suggestions::default(),
                },
                e,
            );
            found
        })
        .collect()
}

/// The checks of one entry (one file).
struct Checker<'a> {
    ds: &'a Dataset,
    out: &'a mut Vec<Problem>,
    suggestions: Suggestions,
}

impl Checker<'_> {
    fn format(
        &mut self,
        r: Result<(), Rejected>,
        code: Code,
        what: &str,
        value: &str,
        f: &Path,
        path: impl FnOnce() -> Vec<Seg>,
    ) {
        if let Err(rej) = r {
            let mut p = Problem::new(code, f, Loc::Value(path()), format!("{what} `{value}`"))
                .label(rej.reason);
            if let Some(fix) = rej.fix {
                p = p.suggest(fix);
            }
            self.out.push(p);
        }
    }

    /// An offering that is or will be given needs a public way to reach it (`W009`): a
    /// telephone, e-mail or web address, a public contact, `kontaktvag` or a place that is not
    /// protected, on itself or on its actor. Otherwise "Så får man den" is empty in the public
    /// report.
    fn reachable(&mut self, id: &str, x: &crate::model::Insats, f: &Path) {
        fn some(s: Option<&String>) -> bool {
            s.is_some_and(|s| !s.trim().is_empty())
        }
        fn public_contact(k: &[crate::model::Kontakt]) -> bool {
            k.iter()
                .any(|k| k.publik && (some(k.epost.as_ref()) || some(k.telefon.as_ref())))
        }
        // A file with a syntax or structure error may hold its way on the broken line.
        if x.status == Status::Avslutad || self.ds.is_broken(f) {
            return;
        }
        // An actor that could not be read is reported on its own.
        let Some(aktor) = self.ds.aktorer.get(Dataset::aktor_of(id)) else {
            return;
        };
        let a = &aktor.data;
        let own = [&x.webb, &x.epost, &x.telefon, &x.kontaktvag]
            .into_iter()
            .any(|w| some(w.as_ref()))
            || public_contact(&x.kontakt)
            || x.plats
                .as_ref()
                .is_some_and(|p| !p.skyddad && (some(p.namn.as_ref()) || some(p.adress.as_ref())));
        let actors = [&a.webb, &a.epost, &a.telefon]
            .into_iter()
            .any(|w| some(w.as_ref()))
            || public_contact(&a.kontakt);
        if !own && !actors {
            self.out.push(
                Problem::new(
                    Code::W009,
                    f,
                    Loc::Value(path!["namn"]),
                    "insatsen har inget publikt sätt att nå den",
                )
                .label("ingen kontaktväg här eller hos aktören")
                .help("skriv `kontaktvag`, `telefon`, `epost`, `webb`, `plats` eller en publik `[[kontakt]]`"),
            );
        }
    }

    fn contact_ways(
        &mut self,
        webb: Option<&str>,
        epost: Option<&str>,
        telefon: Option<&str>,
        f: &Path,
        prefix: &[Seg],
    ) {
        let at = |k: &str| {
            let mut p = prefix.to_vec();
            p.push(Seg::Key(k.to_owned()));
            p
        };
        if let Some(w) = webb {
            self.format(
                formats::url(w),
                Code::E012,
                "ogiltig webbadress",
                w,
                f,
                || at("webb"),
            );
        }
        if let Some(e) = epost {
            self.format(
                formats::email(e),
                Code::E010,
                "ogiltig e-postadress",
                e,
                f,
                || at("epost"),
            );
        }
        if let Some(t) = telefon {
            self.format(
                formats::phone(t),
                Code::E011,
                "ogiltigt telefonnummer",
                t,
                f,
                || at("telefon"),
            );
        }
    }

    fn contacts(&mut self, kontakter: &[Kontakt], f: &Path) {
        for (i, k) in kontakter.iter().enumerate() {
            if k.namn.is_none() && k.roll.is_none() {
                self.out.push(
                    Problem::new(
                        Code::E003,
                        f,
                        Loc::Value(path!["kontakt", i]),
                        "kontakten saknar både `namn` och `roll`",
                    )
                    .help("skriv minst en av dem, t.ex. `roll = \"volontärsamordnare\"`"),
                );
            }
            let at = path!["kontakt", i];
            self.contact_ways(None, k.epost.as_deref(), k.telefon.as_deref(), f, &at);
        }
    }

    fn review(&mut self, senast: Datum, today: Datum, g: crate::model::Granskning, f: &Path) {
        let months = senast.months_until(today);
        let help =
            "kontrollera uppgifterna med aktören och sätt `senast_granskad` till dagens datum";
        let loc = || Loc::Value(path!["senast_granskad"]);
        if senast > today {
            self.out.push(
                Problem::new(
                    Code::W005,
                    f,
                    loc(),
                    format!("`senast_granskad` ({senast}) ligger i framtiden"),
                )
                .help("skriv det datum då uppgifterna faktiskt granskades"),
            );
        } else if months >= i32::try_from(g.fel_efter_manader).unwrap_or(i32::MAX) {
            self.out.push(
                Problem::new(
                    Code::E016,
                    f,
                    loc(),
                    format!(
                        "uppgifterna granskades senast {senast}, för {} sedan",
                        months_phrase(months)
                    ),
                )
                .label(format!("äldre än {} månader", g.fel_efter_manader))
                .help(help),
            );
        } else if months >= i32::try_from(g.varna_efter_manader).unwrap_or(i32::MAX) {
            self.out.push(
                Problem::new(
                    Code::W001,
                    f,
                    loc(),
                    format!(
                        "uppgifterna granskades senast {senast}, för {} sedan",
                        months_phrase(months)
                    ),
                )
                .help(help),
            );
        }
    }
}

fn months_phrase(months: i32) -> String {
    crate::text::words::count(usize::try_from(months).unwrap_or(0), "månad", "månader")
}
