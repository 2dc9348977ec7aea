//! The walk of the data folder: every entry classified by its place in the format (settings,
//! vocabularies, actor folders, offerings, needs), and the problems of the layout itself:
//! misplaced files and folders, bad names, wrong extensions, symbolic links, unreadable
//! folders, and the files the format requires (E006, E007, E018, E020, E021, W006). Actor
//! folders are walked in parallel, each by the task that also reads its files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use rayon::prelude::*;

use crate::diagnostic::{Code, Loc, Problem};
use crate::load::folder::{Folder, Ft};
use crate::load::read::io_help;
use crate::model::schema::Kind;
use crate::text::{is_valid_id, slug};

/// A data file found by the walk: what kind it is and the ids its place gives it.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) kind: Kind,
    /// Path relative to the data folder.
    pub(super) rel: PathBuf,
    /// The entry's id (actor id, need id, or `aktor/insats`).
    pub(super) id: String,
}

/// The vocabulary files of `vokabular/`, with their kinds.
pub(super) const VOCABULARIES: [(&str, Kind); 5] = [
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
    crate::load::usable::check_kraver(root)?;
    let mut ignored = Vec::new();
    let (found, _) = walk(root, &mut ignored);
    Ok(found.into_iter().map(|f| (f.kind, f.rel)).collect())
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Handed each data file as the walk finds it: the file, its open folder and its name there.
pub(super) type ReadFound<'a> = dyn FnMut(Found, &Folder, &std::ffi::OsStr) + 'a;

/// What a walk of (part of) the data folder found.
#[derive(Default)]
pub(super) struct WalkState {
    pub(super) found: Vec<Found>,
    problems: Vec<Problem>,
    aktor_dirs: BTreeSet<String>,
    has_resurs: bool,
    vocab_seen: BTreeSet<&'static str>,
    aktor_has_file: BTreeSet<String>,
    /// Actor folders left for the parallel walk (relative to the data folder).
    pub(super) actor_paths: Vec<PathBuf>,
    /// How many actor, offering and need files were found.
    data_files: usize,
}

impl WalkState {
    pub(super) fn merge(&mut self, mut other: WalkState) {
        self.found.append(&mut other.found);
        self.problems.append(&mut other.problems);
        // `extend`, not `append`: appending rebuilds the whole set, 20,000 times over.
        self.aktor_dirs.extend(other.aktor_dirs);
        self.aktor_has_file.extend(other.aktor_has_file);
        self.data_files += other.data_files;
    }

    /// Walks the top of the data folder; actor folders are listed, not entered.
    pub(super) fn visit_top(&mut self, root: &Path) {
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
    pub(super) fn visit_actor(
        &mut self,
        root: &Path,
        rel: &Path,
        read: Option<&mut ReadFound<'_>>,
    ) {
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
    pub(super) fn finish(mut self, problems: &mut Vec<Problem>) -> BTreeSet<String> {
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
