//! Walks the data folder, reads and parses every file, and builds the [`Dataset`]. One broken
//! file never stops the others: what cannot be read becomes a [`Problem`], and the rest loads.

pub mod folder;
pub mod index;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::de::DeTable;

use crate::dataset::{Dataset, Entry, Vokabular};
use crate::diagnostic::{Code, Loc, Problem, Seg};
use crate::load::folder::{Folder, Ft};
use crate::model::schema::Kind;
use crate::model::{
    Aktor, AktorstypVokabular, Behov, BehovVokabular, Insats, Installningar, MalgruppVokabular,
    OmradeVokabular, SprakVokabular,
};
use crate::source::{DecodeError, decode};
use crate::text::{is_valid_id, slug};

/// A data file found by the walk: what kind it is and the ids its place gives it.
#[derive(Debug, Clone)]
struct Found {
    kind: Kind,
    /// Path relative to the data folder.
    rel: PathBuf,
    /// The entry's id (actor id, need id, or `aktor/insats`).
    id: String,
}

/// One parsed file (boxed: 125,000 of them wait in a vector while a large folder loads).
enum Parsed {
    /// Read, but of no interest to a search ([`Mode::Search`]).
    Skipped,
    Installningar(Installningar),
    Aktor(Box<Aktor>),
    Insats(Box<Insats>),
    Behov(Box<Behov>),
    VokBehov(BehovVokabular),
    VokMalgrupper(MalgruppVokabular),
    VokAktorstyper(AktorstypVokabular),
    VokOmraden(OmradeVokabular),
    VokSprak(SprakVokabular),
    /// An entry of a file with keys that could not be read (syntax errors, wrong types): they
    /// may have stand-ins in the entry, which the rules must not judge. With `true`, the entry
    /// has stand-ins or comes from a file with syntax errors: for `validera` only.
    Partial(Box<Parsed>, Vec<Vec<Seg>>, bool),
}

const VOCABULARIES: [(&str, Kind); 5] = [
    ("behov.toml", Kind::VokBehov),
    ("malgrupper.toml", Kind::VokMalgrupper),
    ("aktorstyper.toml", Kind::VokAktorstyper),
    ("omraden.toml", Kind::VokOmraden),
    ("sprak.toml", Kind::VokSprak),
];

/// The data files of a folder with their kinds (for `fmt`); problems of the layout are left to
/// `validera`.
pub fn data_files(root: &Path) -> Result<Vec<(Kind, PathBuf)>> {
    if !root.is_dir() {
        bail!(
            "datamappen `{}` finns inte eller är ingen mapp",
            root.display()
        );
    }
    check_kraver(root)?;
    let mut ignored = Vec::new();
    let (found, _) = walk(root, &mut ignored);
    Ok(found.into_iter().map(|f| (f.kind, f.rel)).collect())
}

/// Told how loading goes (the CLI shows a progress bar on a terminal). The units are actor
/// folders (each with its offerings) and need files: the files inside an actor folder are only
/// listed by the parallel task that reads them.
pub trait Progress: Sync {
    fn start(&self, _units: usize) {}
    fn unit_done(&self) {}
    fn finish(&self) {}
}

/// No progress shown.
pub struct Quiet;

impl Progress for Quiet {}

/// What a search needs from the folder: an offering file is parsed only when its text can
/// match one of the category ids; need files are not parsed at all.
pub struct Interest {
    kategorier: Vec<memchr::memmem::Finder<'static>>,
    /// The search index, with the query as indexes in its vocabulary.
    index: Option<(crate::load::index::SearchIndex, u128)>,
    /// Whether every actor is needed (else only those with an offering that can match).
    all_actors: bool,
}

impl Interest {
    /// Offerings with any of the category ids `kategorier` (all offerings when it is empty).
    pub fn kategorier(kategorier: &[String]) -> Self {
        Interest {
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
    /// `kategorier` are the same ids as given to [`Interest::kategorier`].
    #[must_use]
    pub fn with_index(
        mut self,
        index: crate::load::index::SearchIndex,
        kategorier: &[String],
    ) -> Self {
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

    /// Whether a file must be parsed. An id in an offering's `behov` stands in its text as
    /// it is, unless written with escapes: a file with a backslash is always parsed. (Need
    /// files never get this far: a search does not open them.)
    fn wants(&self, kind: Kind, bytes: &[u8]) -> bool {
        kind != Kind::Insats
            || self.kategorier.is_empty()
            || memchr::memchr(b'\\', bytes).is_some()
            || self.kategorier.iter().any(|f| f.find(bytes).is_some())
    }
}

/// How much of each file is checked.
#[derive(Clone, Copy)]
enum Mode<'a> {
    /// Everything.
    Full,
    /// Everything, then the free text no rule across files reads is let go ([`load_for_validation`]).
    Validation,
    /// What reading commands need ([`load_for_reading`]).
    Reading,
    /// As `Reading`, without the free text ([`load_for_matching`]).
    Matching,
    /// As `Reading`, for the files of interest only ([`load_for_search`]).
    Search(&'a Interest),
}

impl Mode<'_> {
    fn reading(self) -> bool {
        !matches!(self, Mode::Full | Mode::Validation)
    }
}

/// Loads the data folder at `root`. Fails only when the folder itself cannot be used.
pub fn load(root: &Path) -> Result<Dataset> {
    load_with(root, &Quiet)
}

/// [`load`], telling `progress` about every file read.
pub fn load_with(root: &Path, progress: &dyn Progress) -> Result<Dataset> {
    load_inner(root, progress, Mode::Full)
}

/// For `validera`: every check of [`load_with`]; then the free text of each entry (descriptions,
/// notes), which no rule across files reads, is let go as soon as its file is checked. On a
/// national folder that text is most of the memory, and memory is time.
pub fn load_for_validation(root: &Path, progress: &dyn Progress) -> Result<Dataset> {
    load_inner(root, progress, Mode::Validation)
}

/// For commands that only read (search, reports): a file that fits the model is taken as it is,
/// without the checks that only produce warnings or finer messages; a file that does not fit is
/// checked in full, so it is still known as broken. `validera` always checks everything.
pub fn load_for_reading(root: &Path, progress: &dyn Progress) -> Result<Dataset> {
    load_inner(root, progress, Mode::Reading)
}

/// [`load_for_reading`] for `matcha`, which shows no descriptions: the free text of each entry
/// is let go as soon as its file is read, as for [`load_for_validation`].
pub fn load_for_matching(root: &Path, progress: &dyn Progress) -> Result<Dataset> {
    load_inner(root, progress, Mode::Matching)
}

/// [`load_for_reading`] for a search: every file is read, but only the offerings that can
/// match `interest` are parsed; need files are left out. The others are counted in
/// [`Dataset::files_skipped`], neither loaded nor known as broken.
pub fn load_for_search(
    root: &Path,
    progress: &dyn Progress,
    interest: &Interest,
) -> Result<Dataset> {
    load_inner(root, progress, Mode::Search(interest))
}

/// Only the settings and the vocabularies: what resolving a user's words needs.
pub fn load_vocabulary(root: &Path) -> Result<Dataset> {
    usable(root)?;
    let mut results = Vec::new();
    let mut files = vec![Found {
        kind: Kind::Installningar,
        rel: PathBuf::from("resurs.toml"),
        id: String::new(),
    }];
    for (name, kind) in VOCABULARIES {
        files.push(Found {
            kind,
            rel: Path::new("vokabular").join(name),
            id: String::new(),
        });
    }
    for f in files {
        // As the walk: a symbolic link is not followed.
        if std::fs::symlink_metadata(root.join(&f.rel)).is_ok_and(|m| m.is_file()) {
            let mut out = Vec::new();
            let parsed = read_file(
                root,
                &f,
                crate::model::MAX_FILSTORLEK_KB,
                Mode::Reading,
                &mut out,
            );
            results.push((f, out, parsed));
        }
    }
    let total = results.len();
    Ok(assemble(
        root,
        results.into_iter(),
        total,
        Vec::new(),
        BTreeSet::new(),
    ))
}

/// Fails when the data folder itself cannot be used.
fn usable(root: &Path) -> Result<()> {
    let meta = std::fs::metadata(root).with_context(|| {
        format!(
            "datamappen `{}` finns inte eller kan inte läsas",
            root.display()
        )
    })?;
    if !meta.is_dir() {
        bail!("`{}` är inte en mapp", root.display());
    }
    std::fs::read_dir(root)
        .with_context(|| format!("datamappen `{}` kan inte läsas", root.display()))?;
    check_kraver(root)
}

/// The version of this `resurs` as `(major, minor)`.
pub fn running_version() -> (u64, u64) {
    let part = |s: &str| s.parse().unwrap_or(0);
    (
        part(env!("CARGO_PKG_VERSION_MAJOR")),
        part(env!("CARGO_PKG_VERSION_MINOR")),
    )
}

/// `"0.3"` as `(0, 3)`: `kraver` is a major and a minor version.
fn parse_kraver(s: &str) -> Option<(u64, u64)> {
    let (major, minor) = s.split_once('.')?;
    let number = |p: &str| {
        (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    Some((number(major)?, number(minor)?))
}

/// Fails when `resurs.toml` says the folder needs a newer `resurs` than this one (`kraver`).
/// Checked before anything else is read: a newer folder may hold keys this version does not
/// know, and one line saying which version is needed helps more than errors about each of them.
/// A settings file that cannot be read or parsed is left to the usual checks.
pub fn check_kraver(root: &Path) -> Result<()> {
    let path = root.join("resurs.toml");
    let small = std::fs::symlink_metadata(&path)
        .is_ok_and(|m| m.is_file() && m.len() <= u64::from(crate::model::MAX_FILSTORLEK_KB) * 1024);
    if !small {
        return Ok(());
    }
    let Ok(bytes) = std::fs::read(&path) else {
        return Ok(());
    };
    let Ok((text, _)) = decode(&bytes) else {
        return Ok(());
    };
    let Ok(doc) = DeTable::parse(text) else {
        return Ok(());
    };
    let Some(value) = doc.get_ref().get("kraver") else {
        return Ok(());
    };
    // Another type than a string is a structural error, reported with the others.
    let toml::de::DeValue::String(given) = value.get_ref() else {
        return Ok(());
    };
    let line = 1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..value.span().start]).count();
    let (major, minor) = running_version();
    let Some(needed) = parse_kraver(given) else {
        bail!(
            "resurs.toml:{line}: `kraver = \"{}\"` är ingen version; skriv huvud- och delversion, till exempel `kraver = \"{major}.{minor}\"`",
            given.escape_debug()
        );
    };
    if needed > (major, minor) {
        bail!(
            "resurs.toml:{line}: datamappen kräver resurs {}.{} men detta är resurs {}; höj versionen i .github/workflows/validera.yml (kör `resurs init --bara-ci` med en nyare resurs)",
            needed.0,
            needed.1,
            env!("CARGO_PKG_VERSION")
        );
    }
    Ok(())
}

fn load_inner(root: &Path, progress: &dyn Progress, mode: Mode<'_>) -> Result<Dataset> {
    usable(root)?;

    // The top of the folder is listed first; each actor folder is then walked and its files
    // read and parsed in one parallel task, so listing and parsing overlap on every core.
    let mut top = WalkState::default();
    top.visit_top(root);
    let actor_paths = std::mem::take(&mut top.actor_paths);
    let found = std::mem::take(&mut top.found);

    // The settings first: they hold the size limit for every other file.
    let (settings, rest): (Vec<Found>, Vec<Found>) = found
        .into_iter()
        .partition(|f| f.kind == Kind::Installningar);
    let results: Vec<(Found, Vec<Problem>, Option<Parsed>)> = settings
        .into_iter()
        .map(|f| {
            let mut out = Vec::new();
            let parsed = read_file(root, &f, crate::model::MAX_FILSTORLEK_KB, mode, &mut out);
            (f, out, parsed)
        })
        .collect();
    let limit = results
        .iter()
        .find_map(|(_, _, p)| match p {
            Some(Parsed::Installningar(i)) => i.max_filstorlek_kb,
            _ => None,
        })
        .unwrap_or(crate::model::MAX_FILSTORLEK_KB);

    progress.start(actor_paths.len() + rest.iter().filter(|f| f.kind == Kind::Behov).count());
    let read = |f: Found| {
        let mut out = Vec::new();
        let parsed = read_file(root, &f, limit, mode, &mut out);
        (f, out, parsed)
    };
    let (actor_parts, files): (Vec<_>, Vec<_>) =
        crate::timing::stage("läsa och tolka filerna", || {
            rayon::join(
                || {
                    actor_paths
                        .par_iter()
                        .map(|dir| {
                            let mut part = WalkState::default();
                            let mut parsed = Vec::new();
                            let lazy = matches!(mode, Mode::Search(i) if !i.all_actors);
                            let mut actor = None;
                            part.visit_actor(
                                root,
                                dir,
                                Some(&mut |f: Found, folder: &Folder, name: &std::ffi::OsStr| {
                                    if lazy && f.kind == Kind::Aktor {
                                        actor = Some(f);
                                        return;
                                    }
                                    let mut out = Vec::new();
                                    let p = read_in(&f, folder, name, limit, mode, &mut out);
                                    parsed.push((f, out, p));
                                }),
                            );
                            // The actor of offerings that can match (or are broken) only.
                            if let Some(f) = actor {
                                let needed = parsed
                                    .iter()
                                    .any(|(_, _, p)| !matches!(p, Some(Parsed::Skipped)));
                                let mut out = Vec::new();
                                let p = if needed {
                                    read_file(root, &f, limit, mode, &mut out)
                                } else {
                                    Some(Parsed::Skipped)
                                };
                                parsed.push((f, out, p));
                            }
                            progress.unit_done();
                            (part, parsed)
                        })
                        .collect()
                },
                || {
                    rest.into_par_iter()
                        .map(|f| {
                            let need = f.kind == Kind::Behov;
                            let r = read(f);
                            if need {
                                progress.unit_done();
                            }
                            r
                        })
                        .collect()
                },
            )
        });
    progress.finish();
    let total =
        results.len() + files.len() + actor_parts.iter().map(|(_, p)| p.len()).sum::<usize>();
    let mut parsed_parts = Vec::with_capacity(actor_parts.len());
    for (part, parsed) in actor_parts {
        top.merge(part);
        parsed_parts.push(parsed);
    }
    let mut problems = Vec::new();
    let aktor_dirs = top.finish(&mut problems);
    // Straight from the parallel parts into the dataset: no list of every file in between.
    let all = results
        .into_iter()
        .chain(files)
        .chain(parsed_parts.into_iter().flatten());
    Ok(assemble(root, all, total, problems, aktor_dirs))
}

/// Builds the dataset from every file's outcome.
fn assemble(
    root: &Path,
    results: impl Iterator<Item = (Found, Vec<Problem>, Option<Parsed>)>,
    files_total: usize,
    mut problems: Vec<Problem>,
    aktor_dirs: BTreeSet<String>,
) -> Dataset {
    let mut ds = Dataset {
        root: root.to_path_buf(),
        ..Dataset::default()
    };
    ds.known_aktor_ids = aktor_dirs;
    let mut vok = VokabularParts::default();
    // Room for every file in each (only the pages used are ever touched).
    let mut aktorer = Vec::with_capacity(files_total);
    let mut insatser = Vec::with_capacity(files_total);
    let mut behov = Vec::with_capacity(files_total);
    let mut broken = Vec::new();
    ds.files_total = files_total;
    for (f, file_problems, parsed) in results {
        if parsed.is_none()
            || file_problems
                .iter()
                .any(|p| p.severity == crate::diagnostic::Severity::Fel)
        {
            broken.push(f.rel.clone());
        }
        problems.extend(file_problems);
        let Some(parsed) = parsed else {
            continue;
        };
        let Found { id, rel: file, .. } = f;
        let parsed = match parsed {
            Parsed::Partial(inner, unread, _) => {
                ds.unread.insert(file.clone(), unread);
                *inner
            }
            p => p,
        };
        match parsed {
            Parsed::Skipped => ds.files_skipped += 1,
            Parsed::Installningar(x) => ds.installningar = Some(x),
            Parsed::Aktor(data) => aktorer.push(Entry::keyed(id, file, data)),
            Parsed::Insats(data) => insatser.push(Entry::keyed(id, file, data)),
            Parsed::Behov(data) => behov.push(Entry::keyed(id, file, data)),
            Parsed::VokBehov(x) => vok.behov = Some((x, file)),
            Parsed::VokMalgrupper(x) => vok.malgrupper = Some((x, file)),
            Parsed::VokAktorstyper(x) => vok.aktorstyper = Some((x, file)),
            Parsed::VokOmraden(x) => vok.omraden = Some((x, file)),
            Parsed::VokSprak(x) => vok.sprak = Some((x, file)),
            // Taken apart above.
            Parsed::Partial(..) => {}
        }
    }
    // Sorted first, the maps are built in one pass instead of 125,000 inserts.
    ds.aktorer = sorted_map(aktorer);
    ds.insatser = sorted_map(insatser);
    ds.behov = sorted_map(behov);
    broken.par_sort_unstable();
    ds.broken_files = broken.into_iter().collect();
    ds.vokabular = Vokabular::build(
        vok.behov,
        vok.malgrupper,
        vok.aktorstyper,
        vok.omraden,
        vok.sprak,
    );
    ds.problems = problems;
    ds
}

fn sorted_map<T: Send>(
    mut entries: Vec<(String, Entry<T>)>,
) -> std::collections::BTreeMap<String, Entry<T>> {
    entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    entries.into_iter().collect()
}

#[derive(Default)]
struct VokabularParts {
    behov: Option<(BehovVokabular, PathBuf)>,
    malgrupper: Option<(MalgruppVokabular, PathBuf)>,
    aktorstyper: Option<(AktorstypVokabular, PathBuf)>,
    omraden: Option<(OmradeVokabular, PathBuf)>,
    sprak: Option<(SprakVokabular, PathBuf)>,
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Handed each data file as the walk finds it: the file, its open folder and its name there.
type ReadFound<'a> = dyn FnMut(Found, &Folder, &std::ffi::OsStr) + 'a;

/// What a walk of (part of) the data folder found.
#[derive(Default)]
struct WalkState {
    found: Vec<Found>,
    problems: Vec<Problem>,
    aktor_dirs: BTreeSet<String>,
    has_resurs: bool,
    vocab_seen: BTreeSet<&'static str>,
    aktor_has_file: BTreeSet<String>,
    /// Actor folders left for the parallel walk (relative to the data folder).
    actor_paths: Vec<PathBuf>,
    /// How many actor, offering and need files were found.
    data_files: usize,
}

impl WalkState {
    fn merge(&mut self, mut other: WalkState) {
        self.found.append(&mut other.found);
        self.problems.append(&mut other.problems);
        // `extend`, not `append`: appending rebuilds the whole set, 20,000 times over.
        self.aktor_dirs.extend(other.aktor_dirs);
        self.aktor_has_file.extend(other.aktor_has_file);
        self.data_files += other.data_files;
    }

    /// Walks the top of the data folder; actor folders are listed, not entered.
    fn visit_top(&mut self, root: &Path) {
        match Folder::open(root) {
            Ok(folder) => self.visit(folder, Path::new(""), true, &mut None),
            Err(err) => self.problems.push(
                Problem::new(Code::E018, "", Loc::File, "mappen kan inte läsas")
                    .help(io_help(Some(&err))),
            ),
        }
    }

    /// Walks one actor folder (`rel`, relative to the data folder), handing each data file
    /// to `read` as it is found, opened.
    fn visit_actor(&mut self, root: &Path, rel: &Path, read: Option<&mut ReadFound<'_>>) {
        let mut read = read;
        match Folder::open(&root.join(rel)) {
            Ok(folder) => self.visit(folder, rel, false, &mut read),
            Err(err) => self.problems.push(
                Problem::new(Code::E018, rel, Loc::File, "mappen kan inte läsas")
                    .help(io_help(Some(&err))),
            ),
        }
    }

    /// Walks the open folder `folder` (at `rel_dir` in the data folder), classifying every
    /// entry by its place. At the top (`top`), folders other than the three of the format are
    /// passed over, and actor folders are listed for the parallel walk, not entered. With
    /// `read`, each data file found is opened in its folder and handed over at once, instead
    /// of being listed in `found`.
    fn visit(
        &mut self,
        mut folder: Folder,
        rel_dir: &Path,
        top: bool,
        read: &mut Option<&mut ReadFound<'_>>,
    ) {
        let entries = match folder.list() {
            Ok(e) => e,
            Err(err) => {
                self.problems.push(
                    Problem::new(Code::E018, rel_dir, Loc::File, "mappen kan inte läsas")
                        .help(io_help(Some(&err))),
                );
                return;
            }
        };
        for (name, ft) in entries {
            if is_hidden(&name) {
                continue;
            }
            if top && rel_dir.as_os_str().is_empty() && ft.is_dir() {
                let n = name.to_string_lossy();
                if n != "aktorer" && n != "behov" && n != "vokabular" {
                    continue;
                }
            }
            let rel = rel_dir.join(&name);
            let before = self.found.len();
            let descend = self.classify(&rel, ft, top);
            if ft == Ft::File && self.found.len() > before {
                if let Some(read) = read.as_mut() {
                    if let Some(f) = self.found.pop() {
                        read(f, &folder, &name);
                    }
                }
            } else if descend && ft.is_dir() {
                match folder.open_sub(&name) {
                    Ok(sub) => self.visit(sub, &rel, top, read),
                    Err(err) => self.problems.push(
                        Problem::new(Code::E018, rel, Loc::File, "mappen kan inte läsas")
                            .help(io_help(Some(&err))),
                    ),
                }
            }
        }
    }

    /// Classifies one entry by its place in the data folder; `false` when its contents are not
    /// to be walked (a misplaced folder, or an actor folder left for the parallel walk).
    fn classify(&mut self, place: &Path, ft: Ft, prune_actors: bool) -> bool {
        let problems_before = self.problems.len();
        let rel = place.to_path_buf();
        let owned_parts: Vec<std::borrow::Cow<'_, str>> = place
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect();
        if ft == Ft::Symlink {
            self.problems.push(
                Problem::new(Code::E018, rel, Loc::File, "symboliska länkar följs inte")
                    .help("lägg filen direkt i datamappen i stället för en länk"),
            );
            return false;
        }
        let is_dir = ft.is_dir();
        let parts: Vec<&str> = owned_parts.iter().map(AsRef::as_ref).collect();
        match parts.as_slice() {
            [name] if !is_dir => {
                if *name == "resurs.toml" {
                    self.has_resurs = true;
                    self.found.push(Found {
                        kind: Kind::Installningar,
                        rel,
                        id: String::new(),
                    });
                } else if has_toml_extension(name) {
                    self.problems.push(
                        Problem::new(
                            Code::W006,
                            rel,
                            Loc::File,
                            format!("`{name}` är ingen känd fil i datamappen och läses inte"),
                        )
                        .help("inställningarna hör hemma i `resurs.toml`; aktörer i `aktorer/`, behov i `behov/`"),
                    );
                }
            }
            [_] => {}
            ["vokabular", name] => {
                if let Some((vname, kind)) = VOCABULARIES.iter().find(|(n, _)| n == name) {
                    if is_dir {
                        self.problems.push(dir_not_file(rel));
                    } else {
                        self.vocab_seen.insert(*vname);
                        self.found.push(Found {
                            kind: *kind,
                            rel,
                            id: String::new(),
                        });
                    }
                } else {
                    let known: Vec<&str> = VOCABULARIES.iter().map(|(n, _)| *n).collect();
                    let mut p = misplaced(rel, is_dir, "i `vokabular/` finns bara vokabulärerna");
                    if let Some(best) = crate::text::closest_str(name, known).first() {
                        p = p.suggest(format!("vokabular/{best}"));
                    }
                    self.problems.push(p);
                }
            }
            ["vokabular", ..] => {
                self.problems.push(misplaced(
                    rel,
                    is_dir,
                    "i `vokabular/` finns inga undermappar",
                ));
            }
            ["aktorer", id] => {
                if is_dir {
                    if !is_valid_id(id) {
                        self.problems.push(bad_id(rel, id, "aktörsmappens namn"));
                    }
                    self.aktor_dirs.insert((*id).to_owned());
                    if prune_actors {
                        self.actor_paths.push(place.to_path_buf());
                        return false;
                    }
                } else {
                    self.problems.push(misplaced(
                        rel,
                        false,
                        "en aktör är en mapp: `aktorer/<id>/aktor.toml`",
                    ));
                }
            }
            ["aktorer", id, "aktor.toml"] => {
                if is_dir {
                    self.problems.push(dir_not_file(rel));
                } else {
                    self.aktor_has_file.insert((*id).to_owned());
                    self.data_files += 1;
                    self.found.push(Found {
                        kind: Kind::Aktor,
                        rel,
                        id: (*id).to_owned(),
                    });
                }
            }
            ["aktorer", _, "insatser"] if is_dir => {}
            ["aktorer", aktor, "insatser", file] => {
                let stem = file.strip_suffix(".toml");
                match stem {
                    Some(_) if is_dir => self.problems.push(dir_not_file(rel)),
                    Some(stem) => {
                        if !is_valid_id(stem) {
                            self.problems.push(bad_id(rel.clone(), stem, "filnamnet"));
                        }
                        self.data_files += 1;
                        self.found.push(Found {
                            kind: Kind::Insats,
                            rel,
                            id: format!("{aktor}/{stem}"),
                        });
                    }
                    None => self
                        .problems
                        .push(wrong_extension(rel, file, is_dir, "en insats")),
                }
            }
            ["behov", file] => match file.strip_suffix(".toml") {
                Some(_) if is_dir => self.problems.push(dir_not_file(rel)),
                Some(stem) => {
                    if !is_valid_id(stem) {
                        self.problems.push(bad_id(rel.clone(), stem, "filnamnet"));
                    }
                    self.data_files += 1;
                    self.found.push(Found {
                        kind: Kind::Behov,
                        rel,
                        id: stem.to_owned(),
                    });
                }
                None => self
                    .problems
                    .push(wrong_extension(rel, file, is_dir, "ett behov")),
            },
            ["aktorer", _, name] => {
                let p = misplaced(
                    rel.clone(),
                    is_dir,
                    "i en aktörsmapp finns bara `aktor.toml` och mappen `insatser/`",
                );
                let p = if has_toml_extension(name) {
                    p.help("insatser läggs i `insatser/`: `aktorer/<aktör>/insatser/<id>.toml`")
                } else {
                    p
                };
                self.problems.push(p);
            }
            _ => self.problems.push(misplaced(
                rel,
                is_dir,
                "den här platsen ingår inte i dataformatet",
            )),
        }
        // What is inside a misplaced folder is not reported again, file by file.
        !(ft.is_dir()
            && self.problems.len() > problems_before
            && self.problems.last().is_some_and(|p| p.code == Code::E007))
    }
}

/// Walks the folder: returns the data files and the actor folder names; reports misplaced
/// files, bad names, symlinks and unreadable folders. Actor folders are walked in parallel.
fn walk(root: &Path, problems: &mut Vec<Problem>) -> (Vec<Found>, BTreeSet<String>) {
    let mut state = WalkState::default();
    state.visit_top(root);
    let actors = std::mem::take(&mut state.actor_paths);
    let parts: Vec<WalkState> = actors
        .par_iter()
        .map(|dir| {
            let mut s = WalkState::default();
            s.visit_actor(root, dir, None);
            s
        })
        .collect();
    for part in parts {
        state.merge(part);
    }
    let found = std::mem::take(&mut state.found);
    let dirs = state.finish(problems);
    (found, dirs)
}

impl WalkState {
    /// The checks of the whole walk (files the format requires), once every part is merged;
    /// moves the problems into `problems` and returns the actor folder names.
    fn finish(mut self, problems: &mut Vec<Problem>) -> BTreeSet<String> {
        if !self.has_resurs {
            self.problems.push(
                Problem::new(
                    Code::E021,
                    "resurs.toml",
                    Loc::File,
                    "datamappen saknar `resurs.toml`",
                )
                .help("skapa `resurs.toml` med minst `namn = \"Resurskarta …\"`"),
            );
        }
        for (name, _) in VOCABULARIES {
            if !self.vocab_seen.contains(name) {
                self.problems.push(
                    Problem::new(
                        Code::E021,
                        format!("vokabular/{name}"),
                        Loc::File,
                        format!("vokabulären `vokabular/{name}` saknas"),
                    )
                    .help("utan den kan värdena i datafilerna inte kontrolleras"),
                );
            }
        }
        for id in &self.aktor_dirs {
            if !self.aktor_has_file.contains(id) {
                self.problems.push(
                    Problem::new(
                        Code::E021,
                        format!("aktorer/{id}"),
                        Loc::File,
                        format!("aktörsmappen `aktorer/{id}` saknar `aktor.toml`"),
                    )
                    .help("varje aktör beskrivs i `aktorer/<id>/aktor.toml`"),
                );
            }
        }
        if self.data_files == 0 {
            self.problems.push(
                Problem::new(Code::E020, "", Loc::File, "datamappen har inga aktörer, insatser eller behov")
                    .help("lägg till en aktör i `aktorer/<id>/aktor.toml` eller ett behov i `behov/<id>.toml`"),
            );
        }
        problems.append(&mut self.problems);
        self.aktor_dirs
    }
}

fn has_toml_extension(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml") || e.eq_ignore_ascii_case("tml"))
}

fn misplaced(rel: PathBuf, is_dir: bool, why: &str) -> Problem {
    let what = if is_dir { "mappen" } else { "filen" };
    let name = rel.display().to_string();
    Problem::new(
        Code::E007,
        rel,
        Loc::File,
        format!("{what} `{name}` ligger på fel plats"),
    )
    .help(why.to_owned())
}

fn dir_not_file(rel: PathBuf) -> Problem {
    let name = rel.display().to_string();
    Problem::new(
        Code::E018,
        rel,
        Loc::File,
        format!("`{name}` är en mapp, inte en fil"),
    )
    .help("en datafil ska vara en fil; ta bort eller byt namn på mappen")
}

fn bad_id(rel: PathBuf, id: &str, what: &str) -> Problem {
    let fixed = slug(id);
    let p = Problem::new(
        Code::E006,
        rel,
        Loc::File,
        format!("{what} `{id}` är inget giltigt id"),
    )
    .help("ett id har bara små bokstäver a–z, siffror och bindestreck, t.ex. `rodakorset-vaxjo`");
    if fixed.is_empty() {
        p
    } else {
        p.suggest(fixed)
    }
}

fn wrong_extension(rel: PathBuf, file: &str, is_dir: bool, what: &str) -> Problem {
    if is_dir {
        return misplaced(rel, true, "här finns bara `.toml`-filer");
    }
    let stem = Path::new(file)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let name = rel.display().to_string();
    let mut p = Problem::new(
        Code::E007,
        rel.clone(),
        Loc::File,
        format!("`{name}` har fel filändelse och läses inte"),
    )
    .help(format!("{what} är en `.toml`-fil"));
    if !stem.is_empty() {
        let new_name = rel.with_file_name(format!("{}.toml", slug(&stem)));
        p = p.suggest(new_name.display().to_string());
    }
    p
}

fn io_help(err: Option<&std::io::Error>) -> String {
    match err.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::PermissionDenied) => {
            "behörighet saknas; kontrollera filens rättigheter".into()
        }
        Some(std::io::ErrorKind::NotFound) => "filen försvann medan den lästes".into(),
        _ => err.map_or_else(|| "okänt fel".into(), |e| format!("systemet svarade: {e}")),
    }
}

fn read_file(
    root: &Path,
    f: &Found,
    limit_kb: u32,
    mode: Mode<'_>,
    out: &mut Vec<Problem>,
) -> Option<Parsed> {
    // A search needs no need files: they are not even opened.
    if matches!(mode, Mode::Search(_)) && f.kind == Kind::Behov {
        return Some(Parsed::Skipped);
    }
    read_opened(
        f,
        std::fs::File::open(root.join(&f.rel)),
        limit_kb,
        mode,
        out,
    )
}

/// [`read_file`] for the file `name` of `folder`; a search with an index first looks the file
/// up, and opens it only when its row is missing, stale or says it can match.
fn read_in(
    f: &Found,
    folder: &Folder,
    name: &std::ffi::OsStr,
    limit_kb: u32,
    mode: Mode<'_>,
    out: &mut Vec<Problem>,
) -> Option<Parsed> {
    let indexed = match mode {
        Mode::Search(Interest {
            index: Some((index, query)),
            ..
        }) if f.kind == Kind::Insats => Some((index, query)),
        _ => None,
    };
    let (Some((index, query)), Some(stamp), Some(rel)) =
        (indexed, folder.stamp(name), f.rel.to_str())
    else {
        return read_opened(f, folder.open_file(name), limit_kb, mode, out);
    };
    if stamp.size <= u64::from(limit_kb) * 1024 {
        if let Some(v) = index.lookup(rel, &stamp) {
            if !v.may_match(*query) {
                index.record(rel, stamp, v);
                return Some(Parsed::Skipped);
            }
        }
    }
    let bytes = read_bytes(f, folder.open_file(name), limit_kb, out)?;
    // Entered with the identity from before the read: if the file changes in between, its
    // identity will differ next time, and it is read again.
    index.record(rel, stamp, index.verdict(&bytes));
    after_read(f, &bytes, mode, out)
}

/// [`read_file`] for a file already opened (or not: `file` holds why).
fn read_opened(
    f: &Found,
    file: std::io::Result<std::fs::File>,
    limit_kb: u32,
    mode: Mode<'_>,
    out: &mut Vec<Problem>,
) -> Option<Parsed> {
    let bytes = read_bytes(f, file, limit_kb, out)?;
    after_read(f, &bytes, mode, out)
}

/// What follows reading a file: the search's filter, the checks and the typed entry.
fn after_read(f: &Found, bytes: &[u8], mode: Mode<'_>, out: &mut Vec<Problem>) -> Option<Parsed> {
    if let Mode::Search(interest) = mode {
        if !interest.wants(f.kind, bytes) {
            return Some(Parsed::Skipped);
        }
    }
    let lean = matches!(mode, Mode::Validation | Mode::Matching);
    match parse_bytes(f.kind, &f.rel, bytes, mode.reading(), lean, out) {
        // What could be read of a broken file is for `validera`'s checks; the commands that
        // read leave it out, as they did before it could be read at all.
        Some(Parsed::Partial(_, _, true)) if mode.reading() => None,
        p => p,
    }
}

/// Takes the free text out of a checked document before its typed entry is made, so that it is
/// never copied (see [`load_for_validation`]); a required text is left empty.
fn strip_free_text(doc: &mut toml::Spanned<DeTable<'_>>, kind: Kind) {
    let (required, optional): (&[&str], &[&str]) = match kind {
        Kind::Aktor => (&["beskrivning"], &["behovsbild", "intern_anteckning"]),
        Kind::Insats => (
            &["beskrivning"],
            &[
                "kostnad_beskrivning",
                "tider",
                "kapacitet",
                "intern_anteckning",
            ],
        ),
        Kind::Behov => (&[], &["beskrivning", "intern_anteckning"]),
        _ => return,
    };
    let table = doc.get_mut();
    for key in required {
        if let Some(v) = table.get_mut(*key) {
            if matches!(v.get_ref(), toml::de::DeValue::String(_)) {
                *v.get_mut() = toml::de::DeValue::String(std::borrow::Cow::Borrowed(""));
            }
        }
    }
    for key in optional {
        table.remove(*key);
    }
    // Whether an offering says how to reach it is a rule (W009): a text stays a text, but
    // not its words.
    if kind == Kind::Insats {
        if let Some(v) = table.get_mut("kontaktvag") {
            if let toml::de::DeValue::String(text) = v.get_mut() {
                if !text.trim().is_empty() {
                    *text = std::borrow::Cow::Borrowed("…");
                }
            }
        }
    }
}

fn read_bytes(
    f: &Found,
    file: std::io::Result<std::fs::File>,
    limit_kb: u32,
    out: &mut Vec<Problem>,
) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let unreadable = |e: &std::io::Error| {
        Problem::new(Code::E018, &f.rel, Loc::File, "filen kan inte läsas").help(io_help(Some(e)))
    };
    let file = match file {
        Ok(file) => file,
        Err(e) => {
            out.push(unreadable(&e));
            return None;
        }
    };
    // Read at most one byte past the limit: a huge file is refused without being read or parsed.
    let limit = u64::from(limit_kb) * 1024;
    let mut bytes = Vec::with_capacity(4096);
    if let Err(e) = (&file).take(limit + 1).read_to_end(&mut bytes) {
        out.push(unreadable(&e));
        return None;
    }
    if bytes.len() as u64 > limit {
        let size = file.metadata().map_or(limit + 1, |m| m.len());
        out.push(
            Problem::new(
                Code::E025,
                &f.rel,
                Loc::File,
                format!("filen är {} kB, större än gränsen {limit_kb} kB, och läses inte", size.div_ceil(1024)),
            )
            .help("en datafil är några kilobyte; gränsen ändras med `max_filstorlek_kb` i `resurs.toml`"),
        );
        return None;
    }
    Some(bytes)
}

/// Everything that can be checked in one file by itself: encoding, privacy, syntax, structure;
/// then the typed entry, when the file allows one.
fn parse_bytes(
    kind: Kind,
    rel: &Path,
    bytes: &[u8],
    reading: bool,
    lean: bool,
    out: &mut Vec<Problem>,
) -> Option<Parsed> {
    let start = out.len();
    let f = Found {
        kind,
        rel: rel.to_path_buf(),
        id: String::new(),
    };
    let f = &f;
    let text = match decode(bytes) {
        Ok((text, bom)) => {
            if bom {
                out.push(
                    Problem::new(
                        Code::W003,
                        &f.rel,
                        Loc::File,
                        "filen börjar med en BOM (byte order mark)",
                    )
                    .help("spara filen som UTF-8 utan BOM"),
                );
            }
            text
        }
        Err(DecodeError::Utf16) => {
            out.push(
                Problem::new(Code::E018, &f.rel, Loc::File, "filen är sparad som UTF-16")
                    .help("spara filen som UTF-8 (i Anteckningar: Spara som → Kodning: UTF-8)"),
            );
            return None;
        }
        Err(DecodeError::NotUtf8 { offset, .. }) => {
            out.push(
                Problem::new(Code::E018, &f.rel, Loc::Span(offset..offset + 1), "filen är inte giltig UTF-8")
                    .label("ogiltig byte här")
                    .help("spara filen som UTF-8; å, ä och ö är troligen sparade i en annan teckenkodning"),
            );
            return None;
        }
    };
    if text.trim().is_empty() {
        out.push(
            Problem::new(Code::E019, &f.rel, Loc::File, "filen är tom").help(format!(
                "fyll i uppgifterna för {} eller ta bort filen",
                f.kind.describe()
            )),
        );
        return None;
    }
    if let Some(pos) = memchr::memmem::find(text.as_bytes(), b"\r\n") {
        out.push(
            Problem::new(Code::W004, &f.rel, Loc::Span(pos..pos), "filen har Windows-radslut (CRLF)")
                .help("spara filen med LF-radslut (Unix); `.gitattributes` med `*.toml text eol=lf` hjälper"),
        );
    }
    crate::checks::privacy::scan(text, &f.rel, out);

    let data = matches!(f.kind, Kind::Aktor | Kind::Insats | Kind::Behov);
    // The fast parse; only a file it refuses is read again, statement by statement, for every
    // syntax error and for what can still be read of it.
    let readable: String;
    let mut unread = Vec::new();
    let (mut doc, syntax_errors) = if let Ok(doc) = DeTable::parse(text) {
        (doc, false)
    } else {
        let recovery = crate::checks::syntax::recover(&f.rel, text, f.kind);
        out.extend(recovery.problems);
        readable = recovery.readable?;
        unread = recovery.unread;
        (DeTable::parse(&readable).ok()?, true)
    };
    if reading && data && !syntax_errors {
        if lean {
            strip_free_text(&mut doc, f.kind);
        }
        let mut ignored = Vec::new();
        let fast = match f.kind {
            Kind::Aktor => typed(doc, &f.rel, &mut ignored).map(|x| Parsed::Aktor(Box::new(x))),
            Kind::Insats => typed(doc, &f.rel, &mut ignored).map(|x| Parsed::Insats(Box::new(x))),
            _ => typed(doc, &f.rel, &mut ignored).map(|x| Parsed::Behov(Box::new(x))),
        };
        if fast.is_some() {
            return fast;
        }
        // Does not fit: check it in full, so its problems mark it as broken.
        out.truncate(start);
        return parse_bytes(kind, rel, bytes, false, lean, out);
    }
    crate::checks::controls::scan(doc.get_ref(), text, &f.rel, out);
    if data {
        crate::checks::privacy::scan_free_text(doc.get_ref(), text, &f.rel, out);
    }
    let before = out.len();
    crate::checks::shape::check_readable(&doc, f.kind, &f.rel, &unread, out);
    let bad: Vec<std::ops::Range<usize>> = out[before..]
        .iter()
        .filter_map(|p| match &p.loc {
            Loc::Span(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    let structural_errors = out[before..]
        .iter()
        .any(|p| p.severity == crate::diagnostic::Severity::Fel);
    if structural_errors {
        // Leave out the keys that are wrong, so the rules can still check the rest of the
        // file in this run; the file stays marked as broken.
        // In one pass each (a file may have thousands of wrong keys).
        let mut starts: Vec<usize> = bad.iter().map(|b| b.start).collect();
        starts.sort_unstable();
        let inside = |outer: &std::ops::Range<usize>| {
            let i = starts.partition_point(|&s| s < outer.start);
            starts.get(i).is_some_and(|&s| s <= outer.end)
        };
        let table = std::mem::take(doc.get_mut());
        let (dropped, kept): (Vec<_>, Vec<_>) = table
            .into_iter()
            .partition(|(k, v)| inside(&k.span()) || inside(&v.span()));
        *doc.get_mut() = kept.into_iter().collect();
        unread.extend(
            dropped
                .into_iter()
                .map(|(k, _)| vec![Seg::Key(k.into_inner().into_owned())]),
        );
    }
    if syntax_errors && !data {
        // A vocabulary or the settings only in full: a part of one would mislead every check.
        return None;
    }
    if lean {
        strip_free_text(&mut doc, f.kind);
    }
    // What could not be read gets a stand-in, so that the rest of the file still makes an
    // entry for the rules; the rules do not judge the stand-ins (`Dataset::unread`).
    let invented = crate::checks::shape::stand_ins(&mut doc, f.kind, &unread) || syntax_errors;
    let mut scratch = Vec::new();
    let sink = if structural_errors || syntax_errors {
        &mut scratch
    } else {
        &mut *out
    };
    let parsed = match f.kind {
        Kind::Installningar => typed(doc, &f.rel, sink).map(Parsed::Installningar),
        Kind::Aktor => typed(doc, &f.rel, sink).map(|x| Parsed::Aktor(Box::new(x))),
        Kind::Insats => typed(doc, &f.rel, sink).map(|x| Parsed::Insats(Box::new(x))),
        Kind::Behov => typed(doc, &f.rel, sink).map(|x| Parsed::Behov(Box::new(x))),
        Kind::VokBehov => typed(doc, &f.rel, sink).map(Parsed::VokBehov),
        Kind::VokMalgrupper => typed(doc, &f.rel, sink).map(Parsed::VokMalgrupper),
        Kind::VokAktorstyper => typed(doc, &f.rel, sink).map(Parsed::VokAktorstyper),
        Kind::VokOmraden => typed(doc, &f.rel, sink).map(Parsed::VokOmraden),
        Kind::VokSprak => typed(doc, &f.rel, sink).map(Parsed::VokSprak),
    };
    if unread.is_empty() && !invented {
        parsed
    } else {
        parsed.map(|p| Parsed::Partial(Box::new(p), unread, invented))
    }
}

fn typed<T: DeserializeOwned>(
    doc: toml::Spanned<DeTable<'_>>,
    rel: &Path,
    out: &mut Vec<Problem>,
) -> Option<T> {
    match T::deserialize(doc.into_deserializer()) {
        Ok(v) => Some(v),
        Err(e) => {
            let loc = e.span().map_or(Loc::File, Loc::Span);
            out.push(Problem::new(
                Code::E005,
                rel,
                loc,
                format!("värdet kan inte läsas: {}", e.message()),
            ));
            None
        }
    }
}

/// Checks one file's bytes as a file of `kind` at `rel` (relative to the data folder), against
/// the vocabularies and actors of `base`, as `validera` would; for fuzzing and tests.
#[doc(hidden)]
pub fn check_one(
    base: &Dataset,
    kind: Kind,
    rel: &Path,
    bytes: &[u8],
    today: crate::date::Datum,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let parsed = parse_bytes(kind, rel, bytes, false, false, &mut out);
    let mut ds = base.clone();
    ds.problems = out;
    let id = rel
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let file = rel.to_path_buf();
    let parsed = match parsed {
        Some(Parsed::Partial(inner, unread, _)) => {
            ds.unread.insert(file.clone(), unread);
            Some(*inner)
        }
        p => p,
    };
    match parsed {
        Some(Parsed::Aktor(data)) => {
            ds.aktorer.insert(id.clone(), Entry { id, file, data });
        }
        Some(Parsed::Insats(data)) => {
            let full = format!("fuzz/{id}");
            ds.insatser.insert(
                full.clone(),
                Entry {
                    id: full,
                    file,
                    data,
                },
            );
        }
        Some(Parsed::Behov(data)) => {
            ds.behov.insert(id.clone(), Entry { id, file, data });
        }
        _ => {}
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    crate::validate::validate_with(&ds, &crate::validate::Options { today }, |p| {
        (p == rel).then(|| text.clone())
    })
    .into_iter()
    .filter(|p| p.file == rel)
    .collect()
}
