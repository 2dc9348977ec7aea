//! The search's prefilter: what `sok --behov` needs from the folder, decided from a file's bytes
//! before it is parsed. An offering file is parsed only when its text can hold one of the
//! category ids; with the search index ([`crate::load::index`]) a file whose row says it cannot
//! is not even opened. Need files are never opened for a search.

use crate::load::index::SearchIndex;
use crate::model::schema::Kind;

/// What a search needs from the folder ([`crate::load::Files::Prefiltered`]).
pub struct Prefilter {
    kategorier: Vec<memchr::memmem::Finder<'static>>,
    /// The search index, with the query as indexes in its vocabulary.
    index: Option<(SearchIndex, u128)>,
    /// Whether every actor is needed (else only those with an offering that can match).
    all_actors: bool,
}

impl Prefilter {
    /// Offerings with any of the category ids `kategorier` (all offerings when it is empty).
    pub fn kategorier(kategorier: &[String]) -> Self {
        Prefilter {
            kategorier: kategorier
                .iter()
                .map(|k| memchr::memmem::Finder::new(k.as_bytes()).into_owned())
                .collect(),
            index: None,
            all_actors: true,
        }
    }

    /// Only the actors of offerings that can match are read (a search that names no actor).
    #[must_use]
    pub fn only_actors_with_hits(mut self) -> Self {
        self.all_actors = self.kategorier.is_empty();
        self
    }

    /// With the search index: an offering file whose row says it cannot match is not opened.
    /// `kategorier` are the same ids as given to [`Prefilter::kategorier`].
    #[must_use]
    pub fn with_index(mut self, index: SearchIndex, kategorier: &[String]) -> Self {
        if let Some(query) = index.query(kategorier).filter(|&q| q != 0) {
            self.index = Some((index, query));
        }
        self
    }

    /// Keeps the index for the next search.
    pub fn save_index(&self) {
        if let Some((index, _)) = &self.index {
            index.save();
        }
    }

    /// Whether every actor is read (else only those with an offering that can match).
    pub(super) fn all_actors(&self) -> bool {
        self.all_actors
    }

    /// The index and the query in its terms, when the search has one.
    pub(super) fn index(&self) -> Option<(&SearchIndex, u128)> {
        self.index.as_ref().map(|(index, query)| (index, *query))
    }

    /// Whether a file must be parsed. An id in an offering's `behov` stands in its text as
    /// it is, unless written with escapes: a file with a backslash is always parsed. (Need
    /// files never get this far: a search does not open them.)
    pub(super) fn wants(&self, kind: Kind, bytes: &[u8]) -> bool {
        kind != Kind::Insats
            || self.kategorier.is_empty()
            || memchr::memchr(b'\\', bytes).is_some()
            || self.kategorier.iter().any(|f| f.find(bytes).is_some())
    }
}
