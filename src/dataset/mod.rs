//! The resolved, indexed data folder: entries by id, vocabulary look-ups and the area
//! hierarchy (kommun in län in riket). Search, matching, validation and reports all read this.

use std::collections::{BTreeMap, BTreeSet};

/// Area look-ups run for every value of every file: a fast hash (see `text.rs`).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::path::PathBuf;

use crate::diagnostic::{Loc, Problem, Seg};
use crate::model::{
    Aktor, AktorstypVokabular, Behov, BehovVokabular, Insats, Installningar, MalgruppVokabular,
    Omrade, OmradeVokabular, SprakVokabular,
};
use crate::text::{Lexicon, Term, fold};

/// One loaded entry with its id and its file (relative to the data folder).
#[derive(Debug, Clone)]
pub struct Entry<T> {
    pub id: String,
    pub file: PathBuf,
    /// Boxed: the maps stay small, and an entry is never copied after it is parsed.
    pub data: Box<T>,
}

impl<T> Entry<T> {
    /// The entry with its id as the key of a map.
    pub fn keyed(id: String, file: PathBuf, data: Box<T>) -> (String, Self) {
        (id.clone(), Entry { id, file, data })
    }
}

/// A path segment, borrowed, for look-ups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum SegRef<'a> {
    Key(&'a str),
    Index(usize),
}

impl<'a> SegRef<'a> {
    fn of(seg: &'a Seg) -> Self {
        match seg {
            Seg::Key(k) => SegRef::Key(k),
            Seg::Index(i) => SegRef::Index(*i),
        }
    }
}

#[derive(Default)]
struct UnreadFile<'a> {
    /// The paths that could not be read.
    unread: std::collections::HashSet<Vec<SegRef<'a>>, foldhash::fast::RandomState>,
    /// Every path holding one of them.
    holding: std::collections::HashSet<Vec<SegRef<'a>>, foldhash::fast::RandomState>,
}

/// See [`Dataset::unread_index`].
pub struct UnreadIndex<'a>(HashMap<&'a std::path::Path, UnreadFile<'a>>);

impl UnreadIndex<'_> {
    /// Whether `p` is about a value that could not be read, or about a part holding one.
    pub fn judges(&self, p: &Problem) -> bool {
        let (Some(f), Loc::Value(path) | Loc::Key(path)) = (self.0.get(p.file.as_path()), &p.loc)
        else {
            return false;
        };
        let segs: Vec<SegRef<'_>> = path.iter().map(SegRef::of).collect();
        f.holding.contains(&segs) || (1..=segs.len()).any(|n| f.unread.contains(&segs[..n]))
    }
}

/// Everything loaded from a data folder.
#[derive(Debug, Default, Clone)]
pub struct Dataset {
    pub root: PathBuf,
    pub installningar: Option<Installningar>,
    pub vokabular: Vokabular,
    pub aktorer: BTreeMap<String, Entry<Aktor>>,
    /// Keyed by the full id `aktor-id/insats-id`.
    pub insatser: BTreeMap<String, Entry<Insats>>,
    pub behov: BTreeMap<String, Entry<Behov>>,
    /// Actor folders that exist, even when their `aktor.toml` could not be loaded: references
    /// to them are not reported twice.
    pub known_aktor_ids: BTreeSet<String>,
    /// Problems found while loading (syntax, structure, files).
    pub problems: Vec<Problem>,
    pub files_total: usize,
    /// Files read but not parsed, as of no interest to a search.
    pub files_skipped: usize,
    /// Files with an error that kept them out of the dataset.
    pub broken_files: BTreeSet<PathBuf>,
    /// Per file, the keys that could not be read (a syntax error on their line, a wrong
    /// type): their values in the entry are stand-ins, which no rule may judge.
    pub unread: BTreeMap<PathBuf, Vec<Vec<crate::diagnostic::Seg>>>,
    /// Whether the entries' free text was kept: a lean load leaves `beskrivning` empty, which
    /// would pass for a description nobody wrote. What shows or searches free text calls
    /// [`Dataset::require_free_text`].
    pub free_text: FreeText,
}

/// Whether a load kept the free text of the entries (the fields [`crate::model::free_text`]
/// marks): the choice of [`crate::load::LoadOptions::free_text`], recorded in the dataset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FreeText {
    /// Every text as written.
    #[default]
    Kept,
    /// Let go as each file was read (`validera`, `matcha`): a required text is empty, an
    /// optional one absent, a `kontaktvag` that is not blank is "…". Names and titles stay.
    Dropped,
}

impl Dataset {
    /// Refuses a dataset loaded without its free text: for code that shows or searches it
    /// (`visa`, `sok --fritext`, the reports), where an emptied description would pass for
    /// an empty one.
    ///
    /// # Panics
    ///
    /// When the free text was let go ([`FreeText::Dropped`]): the caller loaded the folder
    /// with the wrong options, a mistake in the program, not in the data.
    pub fn require_free_text(&self, reader: &str) {
        assert!(
            self.free_text == FreeText::Kept,
            "{reader} reads free text, but the folder was loaded without it (LoadOptions::free_text)"
        );
    }

    /// Whether a file had an error: its entry (if any) may lack the keys that were wrong, and
    /// search leaves it out.
    pub fn is_broken(&self, file: &std::path::Path) -> bool {
        self.broken_files.contains(file)
    }

    /// Tells the problems of rules about values that could not be read (stand-ins), or about
    /// a part of a file holding one.
    pub fn unread_index(&self) -> UnreadIndex<'_> {
        let mut files: HashMap<&std::path::Path, UnreadFile<'_>> = HashMap::default();
        for (file, paths) in &self.unread {
            let f = files.entry(file.as_path()).or_default();
            for path in paths {
                let segs: Vec<SegRef<'_>> = path.iter().map(SegRef::of).collect();
                for n in 1..segs.len() {
                    f.holding.insert(segs[..n].to_vec());
                }
                f.unread.insert(segs);
            }
        }
        UnreadIndex(files)
    }

    /// Where an offering is given: its own `omraden`, else its actor's.
    pub fn insats_omraden<'a>(&'a self, id: &str, insats: &'a Insats) -> &'a [String] {
        match &insats.omraden {
            Some(o) => o,
            None => self
                .aktorer
                .get(Self::aktor_of(id))
                .map_or(&[][..], |a| a.data.omraden.as_slice()),
        }
    }

    /// Areas as written in data, shown by name ("0780" → "Växjö").
    pub fn omrade_namn(&self, written: &[String]) -> Vec<String> {
        written
            .iter()
            .map(|w| {
                match self
                    .vokabular
                    .omraden
                    .as_ref()
                    .map(|a| (a, a.resolve_suggesting(w, false)))
                {
                    Some((a, AreaResolution::Exact(area) | AreaResolution::Alias(area, _))) => {
                        a.name(&area)
                    }
                    _ => w.clone(),
                }
            })
            .collect()
    }

    /// The languages of an offering: its own `sprak`, else Swedish.
    pub fn insats_sprak(insats: &Insats) -> Vec<String> {
        insats
            .sprak
            .clone()
            .unwrap_or_else(|| vec!["sv".to_owned()])
    }

    /// The actor an offering belongs to (`aktor/insats` → `aktor`).
    pub fn aktor_of(insats_id: &str) -> &str {
        insats_id.split('/').next().unwrap_or_default()
    }
}

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

    /// Whether `outer` covers `inner`: riket covers everything, a län its kommuner.
    pub fn contains(outer: &Area, inner: &Area) -> bool {
        match (outer, inner) {
            (Area::Riket, _) => true,
            (Area::Lan(l), Area::Lan(m)) => l == m,
            (Area::Lan(l), Area::Kommun(k)) => k.starts_with(l.as_str()) && k.len() == 4,
            (Area::Kommun(a), Area::Kommun(b)) => a == b,
            _ => false,
        }
    }
}

/// The five vocabularies, prepared for look-ups. A vocabulary that could not be loaded is
/// `None`, and values against it are not checked (its own file's problems say why).
#[derive(Debug, Clone, Default)]
pub struct Vokabular {
    pub kategorier: Option<Lexicon>,
    pub grupper: Option<Lexicon>,
    /// Categories and groups together: what a user may type for a need.
    pub behov_och_grupper: Option<Lexicon>,
    pub behov_raw: BehovVokabular,
    pub malgrupper: Option<Lexicon>,
    /// The groups of target groups (`migranter`), and their members by group id.
    pub malgrupp_grupper: Option<Lexicon>,
    /// In file order, as `(group id, member ids)`.
    pub malgrupp_medlemmar: Vec<(String, Vec<String>)>,
    /// Target groups and their groups together: what a user may type to search.
    pub malgrupper_och_grupper: Option<Lexicon>,
    pub aktorstyper: Option<Lexicon>,
    pub sprak: Option<Lexicon>,
    pub omraden: Option<Areas>,
    /// The files the vocabularies came from.
    pub files: BTreeMap<&'static str, PathBuf>,
}

impl Vokabular {
    pub fn build(
        behov: Option<(BehovVokabular, PathBuf)>,
        malgrupper: Option<(MalgruppVokabular, PathBuf)>,
        aktorstyper: Option<(AktorstypVokabular, PathBuf)>,
        omraden: Option<(OmradeVokabular, PathBuf)>,
        sprak: Option<(SprakVokabular, PathBuf)>,
    ) -> Self {
        let mut v = Vokabular::default();
        if let Some((b, file)) = behov {
            v.kategorier = Some(Lexicon::new(
                b.kategori
                    .iter()
                    .map(|k| Term {
                        id: k.id.clone(),
                        namn: k.namn.clone(),
                        synonymer: k.synonymer.clone(),
                    })
                    .collect(),
            ));
            v.grupper = Some(Lexicon::new(
                b.grupp
                    .iter()
                    .map(|g| Term {
                        id: g.id.clone(),
                        namn: g.namn.clone(),
                        synonymer: Vec::new(),
                    })
                    .collect(),
            ));
            v.behov_och_grupper = Some(Lexicon::new(
                b.kategori
                    .iter()
                    .map(|k| Term {
                        id: k.id.clone(),
                        namn: k.namn.clone(),
                        synonymer: k.synonymer.clone(),
                    })
                    .chain(b.grupp.iter().map(|g| Term {
                        id: g.id.clone(),
                        namn: g.namn.clone(),
                        synonymer: Vec::new(),
                    }))
                    .collect(),
            ));
            v.behov_raw = b;
            v.files.insert("behov", file);
        }
        if let Some((m, file)) = malgrupper {
            let members: Vec<Term> = m
                .malgrupp
                .into_iter()
                .map(|o| Term {
                    id: o.id,
                    namn: o.namn,
                    synonymer: o.synonymer,
                })
                .collect();
            let groups: Vec<Term> = m
                .grupp
                .iter()
                .map(|g| Term {
                    id: g.id.clone(),
                    namn: g.namn.clone(),
                    synonymer: g.synonymer.clone(),
                })
                .collect();
            v.malgrupper_och_grupper = Some(Lexicon::new(
                members.iter().chain(&groups).cloned().collect(),
            ));
            v.malgrupper = Some(Lexicon::new(members));
            v.malgrupp_grupper = Some(Lexicon::new(groups));
            v.malgrupp_medlemmar = m.grupp.into_iter().map(|g| (g.id, g.malgrupper)).collect();
            v.files.insert("malgrupper", file);
        }
        if let Some((t, file)) = aktorstyper {
            v.aktorstyper = Some(Lexicon::new(
                t.typ
                    .into_iter()
                    .map(|o| Term {
                        id: o.id,
                        namn: o.namn,
                        synonymer: o.synonymer,
                    })
                    .collect(),
            ));
            v.files.insert("aktorstyper", file);
        }
        if let Some((s, file)) = sprak {
            v.sprak = Some(Lexicon::new(
                s.sprak
                    .into_iter()
                    .map(|o| Term {
                        id: o.kod,
                        namn: o.namn,
                        synonymer: o.synonymer,
                    })
                    .collect(),
            ));
            v.files.insert("sprak", file);
        }
        if let Some((o, file)) = omraden {
            v.omraden = Some(Areas::new(&o));
            v.files.insert("omraden", file);
        }
        v
    }

    /// The label of a category, or the id when it is unknown.
    pub fn kategori_namn<'a>(&'a self, id: &'a str) -> &'a str {
        self.kategorier
            .as_ref()
            .and_then(|l| l.get(id))
            .map_or(id, |t| t.namn.as_str())
    }

    /// The label of a target group, or the id.
    pub fn malgrupp_namn<'a>(&'a self, id: &'a str) -> &'a str {
        self.malgrupper
            .as_ref()
            .and_then(|l| l.get(id))
            .map_or(id, |t| t.namn.as_str())
    }

    /// The Swedish name of a language, or the code.
    pub fn sprak_namn<'a>(&'a self, kod: &'a str) -> &'a str {
        self.sprak
            .as_ref()
            .and_then(|l| l.get(kod))
            .map_or(kod, |t| t.namn.as_str())
    }

    /// Every category id, in vocabulary order.
    pub fn kategori_ids(&self) -> Vec<String> {
        self.behov_raw
            .kategori
            .iter()
            .map(|k| k.id.clone())
            .collect()
    }

    /// The target groups of a group of them (none for a target group or an unknown id).
    pub fn malgrupper_i_grupp(&self, grupp: &str) -> Vec<&str> {
        self.malgrupp_medlemmar
            .iter()
            .find(|(g, _)| g == grupp)
            .map(|(_, m)| m.iter().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// The categories of a group, in vocabulary order.
    pub fn kategorier_i_grupp(&self, grupp: &str) -> Vec<&str> {
        self.behov_raw
            .kategori
            .iter()
            .filter(|k| k.grupp == grupp)
            .map(|k| k.id.as_str())
            .collect()
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

    #[test]
    fn a_lan_contains_its_kommuner_and_riket_contains_all() {
        let vaxjo = Area::Kommun("0780".into());
        assert!(Areas::contains(&Area::Lan("07".into()), &vaxjo));
        assert!(!Areas::contains(&Area::Lan("03".into()), &vaxjo));
        assert!(Areas::contains(&Area::Riket, &vaxjo));
        assert!(!Areas::contains(&vaxjo, &Area::Lan("07".into())));
    }
}
