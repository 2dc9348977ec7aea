//! `resurs sok`.

use std::path::Path;

use crate::cli::resolve::{self, AreaKind, Mode, Resolved};
use crate::cli::{SokArgs, SokFormat};
use crate::exit;
use crate::load::{Files, LoadOptions, Prefilter};
use crate::model::Status;
use crate::render::hits;
use crate::search::{Query, search};

/// Folders with more files than this keep a search index.
const INDEX_FROM_FILES: usize = 2_000;

fn note<T>(r: Resolved<T>) -> T {
    if let Some(n) = r.notice {
        super::note(&n);
    }
    r.value
}

pub fn sok(data: &Path, args: &SokArgs) -> anyhow::Result<i32> {
    let mut q = Query {
        fritext: (!args.fritext.is_empty()).then(|| args.fritext.join(" ")),
        tolk: args.tolk,
        kostnadsfri: args.kostnadsfri,
        ..Query::default()
    };
    // The needs are resolved against the vocabulary first: then only the offerings that can
    // have one of them are parsed (every file is still read).
    let mut prefilter = Prefilter::kategorier(&[]);
    if !args.behov.is_empty() {
        let vok = crate::load::load(
            data,
            &LoadOptions {
                files: Files::Vocabulary,
                ..super::READING
            },
        )?;
        for b in &args.behov {
            for id in note(resolve::behov(&vok, b)?) {
                if !q.behov.contains(&id) {
                    q.behov.push(id);
                }
            }
        }
        prefilter = Prefilter::kategorier(&q.behov);
        if args.aktor.is_empty() {
            prefilter = prefilter.only_actors_with_hits();
        }
        // The index answers for this vocabulary's categories only (see src/load/index.rs).
        let ids = vok.vokabular.kategori_ids();
        if !args.utan_index && !ids.is_empty() {
            if let Some(index) = crate::timing::stage("läsa sökindex", || {
                crate::load::index::SearchIndex::open(data, &ids)
            }) {
                prefilter = prefilter.with_index(index, &q.behov);
            }
        }
    }
    let ds = super::load(
        data,
        LoadOptions {
            files: Files::Prefiltered(&prefilter),
            ..super::READING
        },
    )?;
    // Small folders are read in milliseconds: no index is kept for them.
    if ds.files_total > INDEX_FROM_FILES {
        crate::timing::stage("spara sökindex", || prefilter.save_index());
    }
    for m in &args.malgrupp {
        for id in note(resolve::malgrupper(&ds, m)?) {
            if !q.malgrupper.contains(&id) {
                q.malgrupper.push(id);
            }
        }
    }
    if let Some(k) = &args.kommun {
        q.omrade = Some(note(resolve::omrade(&ds, k, AreaKind::Kommun, Mode::Read)?));
    }
    if let Some(o) = &args.omrade {
        q.omrade = Some(note(resolve::omrade(&ds, o, AreaKind::Any, Mode::Read)?));
    }
    for s in &args.sprak {
        q.sprak.push(note(resolve::sprak(&ds, s, Mode::Read)?));
    }
    for a in &args.aktor {
        q.aktorer.push(note(resolve::aktor(&ds, a, Mode::Read)?));
    }
    q.kanaler.extend(&args.kanal);
    for s in &args.status {
        if s == crate::cli::ALLA {
            q.status.extend(Status::ALL);
        } else {
            // clap has checked the value against the same list.
            q.status
                .extend(Status::ALL.into_iter().find(|x| x.as_str() == s));
        }
    }

    let found = search(&ds, &q);
    if found.is_empty() {
        // Loosening a need takes the offerings of other needs, which a search by need does
        // not parse: the folder is read again, whole.
        let all;
        let whole: &crate::dataset::Dataset = if q.behov.is_empty() {
            &ds
        } else {
            all = crate::load::load(data, &super::READING)?;
            &all
        };
        let why = crate::search::loosen::text(whole, &crate::search::loosen::explain(whole, &q));
        if args.format == SokFormat::Tabell {
            super::print(&why)?;
            return Ok(exit::OK);
        }
        super::note(&why);
    }
    let out = match args.format {
        SokFormat::Tabell => hits::table(&ds, &found),
        SokFormat::Json => hits::json(&ds, &found),
        SokFormat::Csv => hits::csv(&ds, &found),
        SokFormat::Md => hits::markdown(&ds, &found),
    };
    if args.format == SokFormat::Tabell {
        super::print(&out)?;
    } else {
        super::print_data(&out)?;
    }
    Ok(exit::OK)
}
