//! Places: all of Sweden, a län or a kommun, and the one home of what they mean. Written
//! areas are resolved here (codes, names, aliases, "did you mean"); containment (a län holds
//! its kommuner, riket holds everything) and reach (a kommun is served by its län and by
//! riket, as `sok --kommun` finds) are decided here, and so is the numeric encoding matching
//! grades with, which a test holds to the same containment for every area of Sweden.

/// Area look-ups run for every value of every file: a fast hash (see `text.rs`).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

use crate::model::{Omrade, OmradeVokabular};
use crate::text::{Lexicon, Term, fold};

/// A län's name without "län": `Kronobergs län` → `Kronoberg`, `Skåne län` → `Skåne`,
/// `Västra Götalands län` → `Västra Götaland`.
fn lan_short(namn: &str) -> Option<String> {
    let base = namn.strip_suffix(" län")?;
    // The genitive s of "Kronobergs", but not the s of a name ending in s itself.
    let short = match base.strip_suffix('s') {
        Some(stem) if !base.ends_with("ss") => stem,
        _ => base,
    };
    Some(short.to_owned())
}

/// A place: all of Sweden, a län or a kommun (by SCB code).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    Riket,
    Lan(String),
    Kommun(String),
}

impl Area {
    /// The area as the report's kommun filter writes it: `riket`, or its SCB code.
    pub fn code(&self) -> &str {
        match self {
            Area::Riket => "riket",
            Area::Lan(k) | Area::Kommun(k) => k,
        }
    }

    /// The area as a number, for grading with integer operations: see [`AreaNumber`].
    #[inline]
    pub fn number(&self) -> AreaNumber {
        AreaNumber(match self {
            Area::Riket => 0,
            Area::Lan(k) => 100 + k.parse::<u32>().unwrap_or(0),
            Area::Kommun(k) => 10_000 + k.parse::<u32>().unwrap_or(0),
        })
    }
}

/// How a written area relates to the area vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AreaResolution {
    /// A code, an exact name, or `riket`.
    Exact(Area),
    /// Clear, but not as the data format writes it (`vaxjo`, `Växjö kommun`): the canonical
    /// name to write instead.
    Alias(Area, String),
    /// Unknown; the closest names.
    Unknown(Vec<String>),
}

/// Sweden's län and kommuner, with look-ups by code and name.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    lan: Vec<Omrade>,
    kommun: Vec<Omrade>,
    by_code: HashMap<String, Area>,
    by_name: HashMap<String, Area>,
    by_fold: HashMap<String, Vec<Area>>,
    /// Län and kommuner as terms (id = code), for "did you mean".
    lexicon: Lexicon,
    /// Each area's name, by area.
    names: HashMap<Area, String>,
    /// The names of län and kommuner, folded once: for "did you mean".
    folded_names: crate::text::Folded<String>,
}

impl Areas {
    pub fn new(vok: &OmradeVokabular) -> Self {
        let mut a = Areas {
            lan: vok.lan.clone(),
            kommun: vok.kommun.clone(),
            ..Areas::default()
        };
        for l in &vok.lan {
            a.add(Area::Lan(l.kod.clone()), l);
        }
        for k in &vok.kommun {
            a.add(Area::Kommun(k.kod.clone()), k);
        }
        a.folded_names =
            crate::text::Folded::new(vok.lan.iter().chain(&vok.kommun).map(|o| o.namn.clone()));
        // A län is also its name without "län" (`Kronoberg`, `Kalmar`); where a kommun has
        // that name, the kommun's own name wins a look-up that is not for a län.
        a.lexicon = Lexicon::new(
            vok.lan
                .iter()
                .map(|o| Term {
                    id: o.kod.clone(),
                    namn: o.namn.clone(),
                    synonymer: lan_short(&o.namn).into_iter().collect(),
                })
                .chain(vok.kommun.iter().map(|o| Term {
                    id: o.kod.clone(),
                    namn: o.namn.clone(),
                    synonymer: vec![format!("{} kommun", o.namn)],
                }))
                .collect(),
        );
        a
    }

    /// The län and kommuner as terms (id = code), for [`Lexicon::find`].
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// A län written as its code, its name, or its name without "län" (`Kalmar`, `kronoberg`),
    /// case and diacritics folded.
    pub fn resolve_lan(&self, written: &str) -> Option<Area> {
        let folded = fold(&crate::text::nfc(written));
        self.lan
            .iter()
            .find(|l| {
                l.kod == written
                    || fold(&l.namn) == folded
                    || lan_short(&l.namn).is_some_and(|short| fold(&short) == folded)
            })
            .map(|l| Area::Lan(l.kod.clone()))
    }

    /// The area with this SCB code.
    pub fn by_code(&self, kod: &str) -> Option<&Area> {
        self.by_code.get(kod)
    }

    /// The closest areas by name, with closeness (lower is better), best first.
    pub fn closest_scored(&self, written: &str, max: usize) -> Vec<(u32, Area)> {
        self.lexicon
            .closest_scored(written, max)
            .into_iter()
            .filter_map(|(s, t)| self.by_code.get(&t.id).map(|a| (s, a.clone())))
            .collect()
    }

    /// How well an offering's area serves a wanted area: `Some(0)` for the same area or one
    /// inside it (a kommun in a wanted län), `Some(1)` for the län around a wanted kommun,
    /// `Some(2)` for riket; `None` when it does not reach. Search and matching both use this.
    pub fn reach(offered: &Area, wanted: &Area) -> Option<u8> {
        if offered == wanted || Self::contains(wanted, offered) {
            return Some(0);
        }
        match offered {
            Area::Riket => Some(2),
            Area::Lan(_) if Self::contains(offered, wanted) => Some(1),
            _ => None,
        }
    }

    fn add(&mut self, area: Area, o: &Omrade) {
        self.by_code.insert(o.kod.clone(), area.clone());
        self.names
            .entry(area.clone())
            .or_insert_with(|| o.namn.clone());
        self.by_name
            .entry(o.namn.clone())
            .or_insert_with(|| area.clone());
        self.by_fold.entry(fold(&o.namn)).or_default().push(area);
    }

    pub fn is_empty(&self) -> bool {
        self.lan.is_empty() && self.kommun.is_empty()
    }

    pub fn lan(&self) -> &[Omrade] {
        &self.lan
    }

    pub fn kommuner(&self) -> &[Omrade] {
        &self.kommun
    }

    /// The name of an area, as written in reports.
    pub fn name(&self, area: &Area) -> String {
        match area {
            Area::Riket => "hela Sverige".into(),
            Area::Lan(kod) | Area::Kommun(kod) => self
                .names
                .get(area)
                .map_or_else(|| kod.to_owned(), Clone::clone),
        }
    }

    /// The area written exactly as its code, its name or `riket`; no copy is made.
    pub fn exact(&self, written: &str) -> Option<&Area> {
        if written == "riket" {
            return Some(&Area::Riket);
        }
        self.by_code
            .get(written)
            .or_else(|| self.by_name.get(written))
    }

    /// Resolves a written area: code, exact name, `riket`; else a folded or "… kommun" alias;
    /// else the closest names.
    pub fn resolve(&self, written: &str) -> AreaResolution {
        self.resolve_suggesting(written, true)
    }

    /// [`Areas::resolve`] without looking for the closest names of an unknown area when
    /// `suggest` is false (`Unknown` is then empty): for reading many values, where nobody
    /// sees a suggestion.
    pub fn resolve_suggesting(&self, written: &str, suggest: bool) -> AreaResolution {
        if let Some(a) = self.exact(written) {
            return AreaResolution::Exact(a.clone());
        }
        if !written.is_ascii() && !unicode_normalization::is_nfc(written) {
            return self.resolve_suggesting(&crate::text::nfc(written), suggest);
        }
        let folded = fold(written);
        if folded == "riket" || folded == "sverige" || folded == "hela sverige" {
            return AreaResolution::Alias(Area::Riket, "riket".into());
        }
        let stripped = folded
            .strip_suffix(" kommun")
            .or_else(|| folded.strip_suffix(" stad"))
            .unwrap_or(&folded);
        for key in [
            folded.as_str(),
            stripped,
            &format!("{stripped}s lan"),
            &format!("{stripped} lan"),
        ] {
            if let Some(areas) = self.by_fold.get(key) {
                if let [only] = areas.as_slice() {
                    return AreaResolution::Alias(only.clone(), self.name(only));
                }
            }
        }
        if !suggest {
            return AreaResolution::Unknown(Vec::new());
        }
        let mut close: Vec<String> = self
            .folded_names
            .closest_of(written)
            .into_iter()
            .cloned()
            .collect();
        if close.is_empty() {
            // Folded duplicates (Håbo/Habo): offer all of them.
            if let Some(areas) = self.by_fold.get(stripped) {
                close = areas.iter().map(|a| self.name(a)).collect();
            }
        }
        AreaResolution::Unknown(close)
    }

    /// The areas of written values that resolve (exactly or as an alias); others are skipped
    /// (validation reports them).
    pub fn resolve_all(&self, written: &[String]) -> Vec<Area> {
        written
            .iter()
            .filter_map(|w| match self.resolve_suggesting(w, false) {
                AreaResolution::Exact(a) | AreaResolution::Alias(a, _) => Some(a),
                AreaResolution::Unknown(_) => None,
            })
            .collect()
    }

    /// Whether the kommun with this code lies in the län with this one: a kommun's län is the
    /// first two digits of its four.
    pub fn kommun_in_lan(kommun: &str, lan: &str) -> bool {
        kommun.len() == 4 && kommun.starts_with(lan)
    }

    /// The codes of every area that covers `area`, itself first, then its län, then `riket`:
    /// what the report's script compares an offering's areas with (it computes no
    /// containment of its own).
    pub fn covering_codes<'a>(&'a self, area: &'a Area) -> Vec<&'a str> {
        let mut out = vec![area.code()];
        if let Area::Kommun(_) = area {
            out.extend(
                self.lan()
                    .iter()
                    .filter(|l| Self::contains(&Area::Lan(l.kod.clone()), area))
                    .map(|l| l.kod.as_str()),
            );
        }
        if *area != Area::Riket {
            out.push(Area::Riket.code());
        }
        out
    }

    /// Whether `outer` covers `inner`: riket covers everything, a län its kommuner.
    pub fn contains(outer: &Area, inner: &Area) -> bool {
        match (outer, inner) {
            (Area::Riket, _) => true,
            (Area::Lan(l), Area::Lan(m)) => l == m,
            (Area::Lan(l), Area::Kommun(k)) => Self::kommun_in_lan(k, l),
            (Area::Kommun(a), Area::Kommun(b)) => a == b,
            _ => false,
        }
    }
}

impl Areas {
    /// The kommuner that the given areas name, and those of every län they name (riket
    /// names none), sorted by folded name: the choices of the report's kommun filter.
    pub fn kommuner_named<'a>(&self, named: impl IntoIterator<Item = &'a Area>) -> Vec<&Omrade> {
        let mut wanted: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
        for a in named {
            match a {
                Area::Riket => {}
                Area::Kommun(k) => {
                    wanted.insert(k);
                }
                Area::Lan(lan) => wanted.extend(
                    self.kommun
                        .iter()
                        .filter(|k| Self::kommun_in_lan(&k.kod, lan))
                        .map(|k| k.kod.as_str()),
                ),
            }
        }
        let mut out: Vec<&Omrade> = self
            .kommun
            .iter()
            .filter(|k| wanted.contains(k.kod.as_str()))
            .collect();
        out.sort_by_key(|k| fold(&k.namn));
        out
    }
}

/// An area as a number: riket 0, a län 100 + its code, a kommun 10,000 + its code (SCB codes:
/// a kommun's first two digits are its län, so 0184 Solna is 10,184, in län 101). Matching
/// grades thousands of offerings per need with these; they cover as [`Areas::contains`] says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AreaNumber(u32);

impl AreaNumber {
    /// Riket's number.
    pub const RIKET: AreaNumber = AreaNumber(0);

    /// The län number of a kommun number.
    #[inline]
    fn lan_of(kommun: u32) -> u32 {
        (kommun - 10_000) / 100 + 100
    }

    /// The offered areas that cover this wanted one: riket, the area itself, and a kommun's
    /// län.
    #[inline]
    pub fn covering(self) -> impl Iterator<Item = AreaNumber> {
        let lan = (self.0 >= 10_000).then(|| AreaNumber(Self::lan_of(self.0)));
        [Some(Self::RIKET), Some(self), lan].into_iter().flatten()
    }

    /// Whether this offered area covers the wanted one (as [`Areas::contains`], on numbers).
    #[inline]
    pub fn covers(self, wanted: AreaNumber) -> bool {
        let (offered, wanted) = (self.0, wanted.0);
        match offered {
            0 => true,
            1..=9_999 => wanted == offered || (wanted >= 10_000 && Self::lan_of(wanted) == offered),
            _ => wanted == offered,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn areas() -> Areas {
        let o = |kod: &str, namn: &str| Omrade {
            kod: kod.into(),
            namn: namn.into(),
        };
        Areas::new(&OmradeVokabular {
            lan: vec![
                o("07", "Kronobergs län"),
                o("03", "Uppsala län"),
                o("06", "Jönköpings län"),
            ],
            kommun: vec![
                o("0780", "Växjö"),
                o("0764", "Alvesta"),
                o("0305", "Håbo"),
                o("0643", "Habo"),
            ],
        })
    }

    #[test]
    fn a_kommun_is_covered_by_itself_its_lan_and_riket() {
        let a = areas();
        let k = Area::Kommun("0780".into());
        assert_eq!(a.covering_codes(&k), ["0780", "07", "riket"]);
        assert_eq!(a.covering_codes(&Area::Lan("03".into())), ["03", "riket"]);
        assert_eq!(a.covering_codes(&Area::Riket), ["riket"]);
    }

    #[test]
    fn codes_names_and_riket_resolve_exactly() {
        let a = areas();
        assert_eq!(
            a.resolve("0780"),
            AreaResolution::Exact(Area::Kommun("0780".into()))
        );
        assert_eq!(
            a.resolve("Växjö"),
            AreaResolution::Exact(Area::Kommun("0780".into()))
        );
        assert_eq!(
            a.resolve("Kronobergs län"),
            AreaResolution::Exact(Area::Lan("07".into()))
        );
        assert_eq!(a.resolve("riket"), AreaResolution::Exact(Area::Riket));
        assert_eq!(
            a.resolve("Håbo"),
            AreaResolution::Exact(Area::Kommun("0305".into()))
        );
        assert_eq!(
            a.resolve("Habo"),
            AreaResolution::Exact(Area::Kommun("0643".into()))
        );
    }

    #[test]
    fn near_names_are_aliases_with_the_name_to_write() {
        let a = areas();
        let vaxjo = AreaResolution::Alias(Area::Kommun("0780".into()), "Växjö".into());
        assert_eq!(a.resolve("vaxjo"), vaxjo);
        assert_eq!(a.resolve("Växjö kommun"), vaxjo);
        assert_eq!(
            a.resolve("Kronoberg"),
            AreaResolution::Alias(Area::Lan("07".into()), "Kronobergs län".into())
        );
        match a.resolve("Vaxsjö") {
            AreaResolution::Unknown(close) => assert_eq!(close[0], "Växjö"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reach_ranks_kommun_then_lan_then_riket() {
        let vaxjo = Area::Kommun("0780".into());
        let kronoberg = Area::Lan("07".into());
        assert_eq!(Areas::reach(&vaxjo, &vaxjo), Some(0));
        assert_eq!(Areas::reach(&kronoberg, &vaxjo), Some(1));
        assert_eq!(Areas::reach(&Area::Riket, &vaxjo), Some(2));
        assert_eq!(Areas::reach(&Area::Kommun("0764".into()), &vaxjo), None);
        assert_eq!(Areas::reach(&Area::Lan("03".into()), &vaxjo), None);
        // Searching a län finds what is offered in its kommuner.
        assert_eq!(Areas::reach(&vaxjo, &kronoberg), Some(0));
    }

    /// Every area of Sweden, against every other: the numbers agree with [`Areas::contains`],
    /// and `covering` names exactly the covering areas (a kommun code below 1000, as 0184
    /// Solna, once made every Stockholm kommun one area).
    #[test]
    fn area_numbers_cover_as_areas_contain() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/vokabular/omraden.toml"),
        )
        .unwrap();
        let vok: OmradeVokabular = toml::from_str(&text).unwrap();
        let mut all = vec![Area::Riket];
        all.extend(vok.lan.iter().map(|l| Area::Lan(l.kod.clone())));
        all.extend(vok.kommun.iter().map(|k| Area::Kommun(k.kod.clone())));
        assert!(all.len() > 300);
        for offered in &all {
            for wanted in &all {
                let (o, w) = (offered.number(), wanted.number());
                assert_eq!(
                    o.covers(w),
                    Areas::contains(offered, wanted),
                    "{offered:?} {wanted:?}"
                );
                assert_eq!(
                    w.covering().any(|c| c == o),
                    o.covers(w),
                    "{offered:?} {wanted:?}"
                );
            }
        }
    }

    #[test]
    fn the_kommun_filter_names_kommuner_and_those_of_named_lan() {
        let a = areas();
        let names = |named: &[Area]| -> Vec<String> {
            a.kommuner_named(named)
                .iter()
                .map(|k| k.namn.clone())
                .collect()
        };
        assert_eq!(names(&[Area::Lan("07".into())]), ["Alvesta", "Växjö"]);
        assert_eq!(
            names(&[Area::Kommun("0643".into()), Area::Kommun("0305".into())]),
            ["Håbo", "Habo"]
        );
        assert!(names(&[Area::Riket]).is_empty());
    }

    #[test]
    fn a_lan_contains_its_kommuner_and_riket_contains_all() {
        let vaxjo = Area::Kommun("0780".into());
        assert!(Areas::contains(&Area::Lan("07".into()), &vaxjo));
        assert!(!Areas::contains(&Area::Lan("03".into()), &vaxjo));
        assert!(Areas::contains(&Area::Riket, &vaxjo));
        assert!(!Areas::contains(&vaxjo, &Area::Lan("07".into())));
    }
}
