//! The resolved, indexed data folder: entries by id, vocabulary look-ups ([`vocabulary`]) and
//! the areas ([`area`]: kommun in län in riket). Search, matching, validation and reports all
//! read this.

pub mod area;
pub mod vocabulary;

pub use area::{Area, AreaNumber, AreaResolution, Areas};
pub use vocabulary::Vokabular;

use std::collections::{BTreeMap, BTreeSet};

/// The unread index is asked about every problem: a fast hash (see `text.rs`).
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
use std::path::PathBuf;

use crate::diagnostic::{Loc, Problem, Seg};
use crate::model::{Aktor, Behov, Insats, Installningar};

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

    /// The actor an offering belongs to (`aktor/insats` → `aktor`).
    pub fn aktor_of(insats_id: &str) -> &str {
        insats_id.split('/').next().unwrap_or_default()
    }
}
