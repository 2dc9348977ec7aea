//! What a command asks of a load: which checks run on each file, whether the free text is kept,
//! which files are parsed, and who is told how it goes. One [`LoadOptions`] instead of one
//! loader per command: each command says what it needs, and [`crate::load::load`] does only
//! that. The defaults load everything, checked in full, quietly.

use crate::dataset::FreeText;
use crate::load::prefilter::Prefilter;

/// How [`crate::load::load`] reads a data folder.
///
/// ```
/// use resurs::load::{Checks, FreeText, LoadOptions, load};
///
/// // What `matcha` asks for: the quick checks, without the free text.
/// let opts = LoadOptions {
///     checks: Checks::Quick,
///     free_text: FreeText::Dropped,
///     ..LoadOptions::default()
/// };
/// let ds = load(std::path::Path::new("data"), &opts).unwrap();
/// assert_eq!(ds.free_text, FreeText::Dropped);
/// ```
#[derive(Clone, Copy)]
pub struct LoadOptions<'a> {
    /// Which checks run on each file: all of them (`validera`, `ny`), or only what tells a
    /// file that fits the model from one that does not (the commands that only read).
    pub checks: Checks,
    /// Whether the free text of each entry (the fields [`crate::model::free_text`] marks) is
    /// kept, or let go as soon as its file is read: on a national folder that text is most of
    /// the memory, and memory is time. The dataset records which ([`crate::dataset::Dataset::free_text`]),
    /// and what shows or searches free text refuses a dataset without it.
    pub free_text: FreeText,
    /// Which files are parsed: all, only the settings and vocabularies, or those a search can
    /// match.
    pub files: Files<'a>,
    /// Told how loading goes (the CLI shows a progress bar on a terminal).
    pub progress: &'a dyn Progress,
}

impl Default for LoadOptions<'_> {
    /// Every file, every check, the free text kept, no progress shown.
    fn default() -> Self {
        LoadOptions {
            checks: Checks::All,
            free_text: FreeText::Kept,
            files: Files::All,
            progress: &Quiet,
        }
    }
}

/// Which checks run on each file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// Every check of one file by itself: encoding, privacy, controls, syntax, structure. What
    /// can still be read of a broken file is loaded, with stand-ins the rules do not judge
    /// ([`crate::dataset::Dataset::unread`]). For `validera`.
    All,
    /// For commands that only read (search, reports): a file that fits the model is taken as
    /// it is, without the checks that only produce warnings or finer messages; a file that does
    /// not fit is checked in full, so it is still known as broken, and is left out of the
    /// dataset (as the commands that read did before a broken file could be read at all).
    Quick,
}

/// Which files of the folder are parsed.
#[derive(Clone, Copy)]
pub enum Files<'a> {
    /// Every file the walk finds, with every problem of the folder's layout.
    All,
    /// Only the settings and the vocabularies, without a walk: what resolving a user's words
    /// needs. A missing vocabulary is simply absent (no E021).
    Vocabulary,
    /// As `All`, but need files are not opened and an offering file is parsed only when its
    /// text can match the prefilter (actors too, with [`Prefilter::only_actors_with_hits`]).
    /// The others are counted in [`crate::dataset::Dataset::files_skipped`], neither loaded
    /// nor known as broken.
    Prefiltered(&'a Prefilter),
}

/// Told how loading goes. The units are actor folders (each with its offerings) and need
/// files: the files inside an actor folder are only listed by the parallel task that reads them.
pub trait Progress: Sync {
    fn start(&self, _units: usize) {}
    fn unit_done(&self) {}
    fn finish(&self) {}
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {}

impl LoadOptions<'_> {
    /// Whether a file that fits the model skips the finer checks.
    pub(super) fn quick(&self) -> bool {
        self.checks == Checks::Quick
    }

    /// The search's prefilter, if any.
    pub(super) fn prefilter(&self) -> Option<&Prefilter> {
        match self.files {
            Files::Prefiltered(p) => Some(p),
            _ => None,
        }
    }
}
