//! Reading one data file's bytes, within the size limit (`max_filstorlek_kb`): a huge file is
//! refused (E025) after reading one byte past the limit, never read whole or parsed. A search
//! with its index looks an offering file up first and opens it only when it can match. The
//! bytes then go to the prefilter ([`crate::load::prefilter`]) and the parse
//! ([`crate::load::parse`]).

use std::path::Path;

use crate::diagnostic::{Code, Loc, Problem};
use crate::load::folder::Folder;
use crate::load::options::LoadOptions;
use crate::load::parse::{Parsed, parse_bytes};
use crate::load::walk::Found;
use crate::model::schema::Kind;

/// Reads, checks and parses the file `f` of the data folder `root`.
pub(super) fn read_file(
    root: &Path,
    f: &Found,
    limit_kb: u32,
    opts: &LoadOptions<'_>,
    out: &mut Vec<Problem>,
) -> Option<Parsed> {
    // A search needs no need files: they are not even opened.
    if opts.prefilter().is_some() && f.kind == Kind::Behov {
        return Some(Parsed::Skipped);
    }
    read_opened(
        f,
        std::fs::File::open(root.join(&f.rel)),
        limit_kb,
        opts,
        out,
    )
}

/// [`read_file`] for the file `name` of `folder`; a search with an index first looks the file
/// up, and opens it only when its row is missing, stale or says it can match.
pub(super) fn read_in(
    f: &Found,
    folder: &Folder,
    name: &std::ffi::OsStr,
    limit_kb: u32,
    opts: &LoadOptions<'_>,
    out: &mut Vec<Problem>,
) -> Option<Parsed> {
    let indexed = match opts.prefilter() {
        Some(prefilter) if f.kind == Kind::Insats => prefilter.index(),
        _ => None,
    };
    let (Some((index, query)), Some(stamp), Some(rel)) =
        (indexed, folder.stamp(name), f.rel.to_str())
    else {
        return read_opened(f, folder.open_file(name), limit_kb, opts, out);
    };
    if stamp.size <= u64::from(limit_kb) * 1024 {
        if let Some(v) = index.lookup(rel, &stamp) {
            if !v.may_match(query) {
                index.record(rel, stamp, v);
                return Some(Parsed::Skipped);
            }
        }
    }
    let bytes = read_bytes(f, folder.open_file(name), limit_kb, out)?;
    // Entered with the identity from before the read: if the file changes in between, its
    // identity will differ next time, and it is read again.
    index.record(rel, stamp, index.verdict(&bytes));
    after_read(f, &bytes, opts, out)
}

/// [`read_file`] for a file already opened (or not: `file` holds why).
fn read_opened(
    f: &Found,
    file: std::io::Result<std::fs::File>,
    limit_kb: u32,
    opts: &LoadOptions<'_>,
    out: &mut Vec<Problem>,
) -> Option<Parsed> {
    let bytes = read_bytes(f, file, limit_kb, out)?;
    after_read(f, &bytes, opts, out)
}

/// What follows reading a file: the search's filter, the checks and the typed entry.
fn after_read(
    f: &Found,
    bytes: &[u8],
    opts: &LoadOptions<'_>,
    out: &mut Vec<Problem>,
) -> Option<Parsed> {
    if let Some(prefilter) = opts.prefilter() {
        if !prefilter.wants(f.kind, bytes) {
            return Some(Parsed::Skipped);
        }
    }
    match parse_bytes(f.kind, &f.rel, bytes, opts.checks, opts.free_text, out) {
        // What could be read of a broken file is for `validera`'s checks; the commands that
        // read leave it out, as they did before it could be read at all.
        Some(Parsed::Partial(_, _, true)) if opts.quick() => None,
        p => p,
    }
}

/// The bytes of `file` (the file `f`), at most `limit_kb` kilobytes: a bigger file is refused
/// (E025) without being read further.
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

/// Why a file or folder could not be read, in words for the help of an E018.
pub(super) fn io_help(err: Option<&std::io::Error>) -> String {
    match err.map(std::io::Error::kind) {
        Some(std::io::ErrorKind::PermissionDenied) => {
            "behörighet saknas; kontrollera filens rättigheter".into()
        }
        Some(std::io::ErrorKind::NotFound) => "filen försvann medan den lästes".into(),
        _ => err.map_or_else(|| "okänt fel".into(), |e| format!("systemet svarade: {e}")),
    }
}
