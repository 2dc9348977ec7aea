//! The data folder read into a [`Dataset`], as a command asks ([`LoadOptions`]): the folder is
//! walked ([`walk`]), each file read within the size limit ([`read`]), passed by the search's
//! prefilter ([`prefilter`], with its [`index`]), checked and parsed ([`parse`]), its free text
//! let go when asked ([`lean`]), and the dataset assembled here. One broken file never stops the
//! others: what cannot be read becomes a [`Problem`], and the rest loads.

pub mod folder;
pub mod index;
mod lean;
mod options;
mod parse;
mod prefilter;
mod read;
mod usable;
mod walk;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::Result;
use rayon::prelude::*;

pub use crate::dataset::FreeText;
use crate::dataset::{Dataset, Entry, Vokabular};
use crate::diagnostic::Problem;
use crate::load::folder::Folder;
use crate::load::parse::{Parsed, parse_bytes};
use crate::load::read::{read_file, read_in};
use crate::load::walk::{Found, VOCABULARIES, WalkState};
use crate::model::schema::Kind;
use crate::model::{
    AktorstypVokabular, BehovVokabular, MalgruppVokabular, OmradeVokabular, SprakVokabular,
};
pub use options::{Checks, Files, LoadOptions, Progress, Quiet};
pub use prefilter::Prefilter;
pub use usable::{check_kraver, running_version};
pub use walk::data_files;

/// Loads the data folder at `root` as `opts` say. Fails only when the folder itself cannot be
/// used; every problem in it is in [`Dataset::problems`].
///
/// # Errors
///
/// When `root` does not exist, is not a folder, cannot be listed, or needs a newer `resurs`
/// ([`check_kraver`]).
pub fn load(root: &Path, opts: &LoadOptions<'_>) -> Result<Dataset> {
    usable::usable(root)?;
    match opts.files {
        Files::Vocabulary => Ok(load_vocabulary(root, opts)),
        Files::All | Files::Prefiltered(_) => Ok(load_folder(root, opts)),
    }
}

/// Only the settings and the vocabularies ([`Files::Vocabulary`]), without a walk.
fn load_vocabulary(root: &Path, opts: &LoadOptions<'_>) -> Dataset {
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
            let parsed = read_file(root, &f, crate::model::MAX_FILSTORLEK_KB, opts, &mut out);
            results.push((f, out, parsed));
        }
    }
    let total = results.len();
    assemble(
        root,
        results.into_iter(),
        total,
        Vec::new(),
        BTreeSet::new(),
        opts,
    )
}

/// Every file of the folder (or those the prefilter wants), walked and read in parallel.
fn load_folder(root: &Path, opts: &LoadOptions<'_>) -> Dataset {
    let progress = opts.progress;

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
            let parsed = read_file(root, &f, crate::model::MAX_FILSTORLEK_KB, opts, &mut out);
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
        let parsed = read_file(root, &f, limit, opts, &mut out);
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
                            let lazy = opts.prefilter().is_some_and(|p| !p.all_actors());
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
                                    let p = read_in(&f, folder, name, limit, opts, &mut out);
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
                                    read_file(root, &f, limit, opts, &mut out)
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
    assemble(root, all, total, problems, aktor_dirs, opts)
}

/// Builds the dataset from every file's outcome.
fn assemble(
    root: &Path,
    results: impl Iterator<Item = (Found, Vec<Problem>, Option<Parsed>)>,
    files_total: usize,
    mut problems: Vec<Problem>,
    aktor_dirs: BTreeSet<String>,
    opts: &LoadOptions<'_>,
) -> Dataset {
    let mut ds = Dataset {
        root: root.to_path_buf(),
        free_text: opts.free_text,
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

/// `base` with one more file: `bytes` parsed as a file of `kind` at `rel` (relative to the data
/// folder) with every check, as `validera` loads it; the file's problems are the dataset's
/// problems. An offering's id is `fuzz/<file stem>`. For fuzzing and tests
/// (`resurs::validate::check_one`).
#[doc(hidden)]
pub fn with_file(base: &Dataset, kind: Kind, rel: &Path, bytes: &[u8]) -> Dataset {
    let mut out = Vec::new();
    let parsed = parse_bytes(kind, rel, bytes, Checks::All, FreeText::Kept, &mut out);
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
    ds
}
