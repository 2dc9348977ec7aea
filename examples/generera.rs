//! Writes a synthetic, valid, deterministic data folder at national scale, for benchmarks:
//!
//! ```sh
//! cargo run --release --example generera -- --aktorer 20000 --insatser-per-aktor 5 --behov 5000 --ut DIR [--seed N]
//! ```
//!
//! Real kommun codes and vocabulary values (the ones of `data/vokabular/`), Swedish text of
//! realistic length, the same folder for the same arguments. Refuses a folder that is not empty.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const VOKABULAR: [(&str, &str); 5] = [
    ("behov.toml", include_str!("../data/vokabular/behov.toml")),
    (
        "malgrupper.toml",
        include_str!("../data/vokabular/malgrupper.toml"),
    ),
    (
        "aktorstyper.toml",
        include_str!("../data/vokabular/aktorstyper.toml"),
    ),
    (
        "omraden.toml",
        include_str!("../data/vokabular/omraden.toml"),
    ),
    ("sprak.toml", include_str!("../data/vokabular/sprak.toml")),
];

/// SplitMix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const ORGANISATIONER: [(&str, &str); 10] = [
    ("Röda Korset", "ideell-forening"),
    ("Rädda Barnen", "ideell-forening"),
    ("Svenska kyrkan", "trossamfund"),
    ("Kommunens socialtjänst", "kommun"),
    ("Frivilligcentralen", "ideell-forening"),
    ("Studieförbundet", "studieforbund"),
    ("Idrottsföreningen", "idrottsforening"),
    ("Equmeniakyrkan", "trossamfund"),
    ("Stadsmissionen", "stiftelse"),
    ("Vårdcentralen", "region"),
];

const INSATSER: [(&str, &str); 12] = [
    ("Samtalsstöd", "samtalsstod"),
    ("Föräldrastöd", "foraldraskapsstod"),
    ("Språkcafé", "sprakstod"),
    ("Matkassar", "mat"),
    ("Läxhjälp", "sprakstod"),
    ("Stödgrupp", "psykosocialt-gruppstod"),
    ("Juridisk rådgivning", "juridisk-radgivning"),
    ("Träffpunkt", "motesplats-fritid"),
    ("Samhällsorientering", "samhallsorientering"),
    ("Avlastningssamtal för volontärer", "avlastningssamtal"),
    ("Utbildning i traumamedveten omsorg", "tmo"),
    ("Krisstöd", "krisstod"),
];

const MALGRUPPER: [&str; 10] = [
    "alla",
    "foraldrar",
    "barn",
    "unga",
    "kvinnor",
    "nyanlanda",
    "asylsokande",
    "tillfalligt-skydd",
    "volontarer",
    "personal",
];
const SPRAK: [&str; 8] = ["sv", "en", "uk", "ar", "fa", "so", "ti", "ru"];
const ORD: [&str; 40] = [
    "stöd",
    "samtal",
    "familjer",
    "tillsammans",
    "trygghet",
    "erbjuder",
    "varje",
    "vecka",
    "frivilliga",
    "kontakt",
    "möjlighet",
    "språk",
    "barnen",
    "föräldrar",
    "gemenskap",
    "hjälp",
    "vardagen",
    "information",
    "kommunen",
    "öppet",
    "behov",
    "människor",
    "nyanlända",
    "träffas",
    "personal",
    "utbildning",
    "samverkan",
    "lokalen",
    "anmälan",
    "kostnadsfritt",
    "tolk",
    "enskilt",
    "grupp",
    "ungdomar",
    "hälsa",
    "välkommen",
    "boende",
    "arbete",
    "fritid",
    "region",
];

fn sentence(r: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = r.pick(&ORD);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn paragraph(r: &mut Rng, sentences: usize) -> String {
    (0..sentences)
        .map(|_| {
            let n = 6 + r.below(10);
            sentence(r, n)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn list(items: &[&str]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|i| format!("\"{i}\""))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

struct Args {
    aktorer: usize,
    per_aktor: usize,
    behov: usize,
    ut: PathBuf,
    seed: u64,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        aktorer: 100,
        per_aktor: 5,
        behov: 25,
        ut: PathBuf::new(),
        seed: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let given = it.next();
        let value = || {
            given
                .clone()
                .ok_or_else(|| format!("{flag} behöver ett värde"))
        };
        match flag.as_str() {
            "--aktorer" => a.aktorer = value()?.parse().map_err(|e| format!("--aktorer: {e}"))?,
            "--insatser-per-aktor" => {
                a.per_aktor = value()?
                    .parse()
                    .map_err(|e| format!("--insatser-per-aktor: {e}"))?;
            }
            "--behov" => a.behov = value()?.parse().map_err(|e| format!("--behov: {e}"))?,
            "--ut" => a.ut = PathBuf::from(value()?),
            "--seed" => a.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            other => return Err(format!("okänd flagga `{other}`")),
        }
    }
    if a.ut.as_os_str().is_empty() {
        return Err("ange --ut MAPP".into());
    }
    Ok(a)
}

fn write(path: &Path, text: &str) {
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "fel: {e}\nAnvändning: generera --aktorer N --insatser-per-aktor N --behov N --ut MAPP [--seed N]"
            );
            std::process::exit(2);
        }
    };
    if a.ut.exists() && std::fs::read_dir(&a.ut).map_or(true, |mut d| d.next().is_some()) {
        eprintln!("fel: `{}` finns redan och är inte tom", a.ut.display());
        std::process::exit(2);
    }
    generate(&a.ut, a.aktorer, a.per_aktor, a.behov, a.seed);
    eprintln!(
        "Skrev {} aktörer, {} insatser och {} behov till {}.",
        a.aktorer,
        a.aktorer * a.per_aktor,
        a.behov,
        a.ut.display()
    );
}

/// Writes the folder (also used by the benchmarks).
pub fn generate(ut: &Path, aktorer: usize, per_aktor: usize, antal_behov: usize, seed: u64) {
    let a = Args {
        aktorer,
        per_aktor,
        behov: antal_behov,
        ut: ut.to_path_buf(),
        seed,
    };
    let omraden: resurs::model::OmradeVokabular =
        toml::from_str(VOKABULAR[3].1).expect("omraden.toml");
    let kommuner: Vec<(String, String)> = omraden
        .kommun
        .iter()
        .map(|k| (k.kod.clone(), k.namn.clone()))
        .collect();
    assert_eq!(kommuner.len(), 290);
    let mut r = Rng(a.seed);
    write(
        &a.ut.join("resurs.toml"),
        "namn = \"Syntetisk resurskarta för hela Sverige\"\nbeskrivning = \"Genererad för prestandamätningar.\"\n\n[granskning]\nvarna_efter_manader = 12\nfel_efter_manader = 24\n",
    );
    for (name, text) in VOKABULAR {
        write(&a.ut.join("vokabular").join(name), text);
    }
    let mut ids = Vec::with_capacity(a.aktorer);
    for i in 0..a.aktorer {
        let (org, typ) = *r.pick(&ORGANISATIONER);
        let (kod, kommun) = r.pick(&kommuner).clone();
        let id = format!("aktor-{i:05}");
        let omrade = if r.chance(15) {
            kod[..2].to_owned()
        } else if r.chance(2) {
            "riket".to_owned()
        } else {
            kommun.clone()
        };
        let mut t = String::new();
        let _ = writeln!(
            t,
            "namn = \"{org} {kommun} {i}\"\ntyp = \"{typ}\"\nbeskrivning = \"\"\"\n{}\n\"\"\"\nomraden = [\"{omrade}\"]",
            paragraph(&mut r, 6)
        );
        if r.chance(60) {
            let _ = writeln!(
                t,
                "webb = \"https://www.exempel{i}.se\"\nepost = \"info@exempel{i}.se\"\ntelefon = \"0{}0-{} {:02} {:02}\"",
                1 + r.below(9),
                100 + r.below(900),
                r.below(100),
                r.below(100)
            );
        }
        let _ = writeln!(
            t,
            "senast_granskad = 2026-{:02}-{:02}",
            1 + r.below(10),
            1 + r.below(28)
        );
        if r.chance(30) {
            let _ = writeln!(
                t,
                "\n[[kontakt]]\nroll = \"samordnare\"\nepost = \"samordnare@exempel{i}.se\"\npublik = true"
            );
        }
        write(&a.ut.join("aktorer").join(&id).join("aktor.toml"), &t);
        for j in 0..a.per_aktor {
            let (namn, behov) = *r.pick(&INSATSER);
            let mut grupper = vec![*r.pick(&MALGRUPPER)];
            if r.chance(30) {
                let g = *r.pick(&MALGRUPPER);
                if !grupper.contains(&g) {
                    grupper.push(g);
                }
            }
            let mut sprak = vec!["sv"];
            if r.chance(40) {
                let s = *r.pick(&SPRAK);
                if !sprak.contains(&s) {
                    sprak.push(s);
                }
            }
            let status = if r.chance(85) {
                "aktiv"
            } else if r.chance(60) {
                "planerad"
            } else {
                "pausad"
            };
            let sentences = 4 + r.below(4);
            let text = paragraph(&mut r, sentences);
            let tolk = r.chance(25);
            let mut t = String::new();
            let _ = writeln!(
                t,
                "namn = \"{namn} {j}\"\nbeskrivning = \"\"\"\n{}\n\"\"\"\nbehov = [\"{behov}\"]\nmalgrupper = {}\nstatus = \"{status}\"\nsprak = {}\ntolk = {}",
                text,
                list(&grupper),
                list(&sprak),
                tolk
            );
            if r.chance(50) {
                let _ = writeln!(
                    t,
                    "kostnad = \"kostnadsfri\"\nkanaler = [\"plats\"]\ntider = \"{}dagar {}.00–{}.00\"",
                    r.pick(&["Mån", "Tis", "Ons", "Tors", "Fre"]),
                    9 + r.below(4),
                    14 + r.below(5)
                );
            }
            let _ = writeln!(
                t,
                "senast_granskad = 2026-{:02}-{:02}",
                1 + r.below(10),
                1 + r.below(28)
            );
            write(
                &a.ut
                    .join("aktorer")
                    .join(&id)
                    .join("insatser")
                    .join(format!("insats-{j}.toml")),
                &t,
            );
        }
        ids.push(id);
    }
    for i in 0..a.behov {
        let (namn, behov) = *r.pick(&INSATSER);
        let (_, kommun) = r.pick(&kommuner).clone();
        let mut t = format!(
            "titel = \"Behov av {} i {kommun}\"\nbeskrivning = \"{}\"\nkategorier = [\"{behov}\"]\nmalgrupper = [\"{}\"]\nomraden = [\"{kommun}\"]\n",
            namn.to_lowercase(),
            paragraph(&mut r, 4),
            r.pick(&MALGRUPPER)
        );
        if r.chance(20) {
            let _ = writeln!(t, "sprak = [\"{}\"]", r.pick(&SPRAK[2..]));
        }
        if !ids.is_empty() {
            let _ = writeln!(t, "lyft_av = [\"{}\"]", r.pick(&ids));
        }
        let _ = writeln!(
            t,
            "datum = 2026-{:02}-{:02}\nprioritet = \"{}\"\nstatus = \"aktuellt\"",
            1 + r.below(10),
            1 + r.below(28),
            r.pick(&["hog", "medel", "lag"])
        );
        if r.chance(30) && !ids.is_empty() {
            let _ = writeln!(
                t,
                "\n[[atgard]]\nbeskrivning = \"{}\"\nansvarig = \"{}\"\nstatus = \"oppen\"\nsenast = 2027-0{}-15",
                sentence(&mut r, 8),
                r.pick(&ids),
                1 + r.below(9)
            );
        }
        write(&a.ut.join("behov").join(format!("behov-{i:05}.toml")), &t);
    }
}
