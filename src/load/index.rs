//! The search index: for each offering file, which category ids of the vocabulary its text
//! contains (and whether it has a backslash, which can hide an id in escapes), keyed by the
//! file's identity: device, inode, size, modification and change time. `sok --behov` then
//! opens only the files that can match; every other file is only looked up (`stat`).
//!
//! Never stale, as git's index: a file whose identity differs from its row is read again; a
//! file written in the last seconds before the index was made is not entered at all (its
//! times could still be shared by a second change in the same clock tick), so it is read
//! every time until it is older. The change time (`ctime`) cannot be set back by any program.
//! The rows answer exactly the question the search's text filter asks of the bytes, for this
//! vocabulary: another vocabulary, or another format version, starts a new index.
//!
//! The index file is input too: it is opened without following a link and without waiting
//! (a pipe), and read only when it is a regular file of at most [`MAX_BYTES`]; anything else
//! counts as no index, and the next one is written in its place through a temporary file with
//! a random name (never through a link).

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use memchr::memmem::Finder;
use sha2::Digest as _;

const FORMAT: &str = "resurs-sokindex 1";
/// Files changed less than this long before the index is made are not entered.
const RACY_SECONDS: i64 = 3;

/// A file's identity, from `stat`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    pub mtime: (i64, i64),
    pub ctime: (i64, i64),
}

/// What the text of one offering file says about the categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    backslash: bool,
    /// Bit `i`: the vocabulary's category id `i` occurs in the text.
    present: u128,
}

/// The largest index that is read (and written): 128 MiB, a row of about 100 bytes for each of
/// more than a million offering files. A bigger folder is searched without an index.
pub const MAX_BYTES: u64 = 128 << 20;

/// Vocabularies with more categories than this have no index (every file is read).
const MAX_CATEGORIES: usize = 128;

pub struct SearchIndex {
    path: PathBuf,
    finders: Vec<Finder<'static>>,
    ids: Vec<String>,
    header: String,
    old: HashMap<Box<str>, (Stamp, Verdict)>,
    new: Mutex<Vec<(Box<str>, Stamp, Verdict)>>,
    /// Whether a row was missing or stale (else the index is not written again).
    changed: std::sync::atomic::AtomicBool,
    /// Unix seconds: files changed at or after this are not entered.
    racy_from: i64,
}

/// Where indexes are kept: `RESURS_CACHE`, else `$XDG_CACHE_HOME/resurs`, else
/// `~/.cache/resurs`. Never inside the data folder.
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("RESURS_CACHE").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d).join("resurs"));
    }
    std::env::var_os("HOME")
        .filter(|d| !d.is_empty())
        .map(|h| PathBuf::from(h).join(".cache/resurs"))
}

/// The index file in `dir` of the data folder whose canonical path is `canonical`.
pub fn index_file(dir: &Path, canonical: &Path) -> PathBuf {
    let name = short_hash(canonical.as_os_str().as_encoded_bytes());
    dir.join(format!("sok-{name}.idx"))
}

/// The text of the index file `path` when it is a regular file (not a link) of at most
/// [`MAX_BYTES`] in UTF-8; `None` for anything else.
fn read_bounded(path: &Path) -> Option<String> {
    use std::io::Read as _;
    #[cfg(unix)]
    let file = {
        use rustix::fs::{FileType, Mode, OFlags};
        let fd = rustix::fs::open(
            path,
            OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY,
            Mode::empty(),
        )
        .ok()?;
        let st = rustix::fs::fstat(&fd).ok()?;
        let size = u64::try_from(st.st_size).ok()?;
        if FileType::from_raw_mode(st.st_mode) != FileType::RegularFile || size > MAX_BYTES {
            return None;
        }
        std::fs::File::from(fd)
    };
    #[cfg(not(unix))]
    let file = {
        let meta = std::fs::symlink_metadata(path).ok()?;
        if !meta.is_file() || meta.len() > MAX_BYTES {
            return None;
        }
        std::fs::File::open(path).ok()?
    };
    // The file may grow after the look at its size: never more than the limit is read.
    let mut text = String::new();
    file.take(MAX_BYTES + 1).read_to_string(&mut text).ok()?;
    (text.len() as u64 <= MAX_BYTES).then_some(text)
}

/// The first 12 bytes of a SHA-256, in hex.
fn short_hash(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    sha2::Sha256::digest(bytes)[..12]
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

impl SearchIndex {
    /// The index of the data folder `root` for the vocabulary's category ids `ids`; empty
    /// when there is none yet or it was made for another vocabulary. `None` when there is no
    /// place for indexes.
    pub fn open(root: &Path, ids: &[String]) -> Option<SearchIndex> {
        Self::open_at(&cache_dir()?, root, ids, now_secs() - RACY_SECONDS)
    }

    /// [`SearchIndex::open`] with the index kept in `dir`, entering only files last changed
    /// before `racy_from` (Unix seconds). For tests, which cannot wait for a file to grow old.
    #[doc(hidden)]
    pub fn open_at(dir: &Path, root: &Path, ids: &[String], racy_from: i64) -> Option<SearchIndex> {
        if ids.len() > MAX_CATEGORIES {
            return None;
        }
        let canonical = std::fs::canonicalize(root).ok()?;
        let path = index_file(dir, &canonical);
        let vocab = short_hash(ids.join("\n").as_bytes());
        let header = format!("{FORMAT} {vocab} {}", canonical.display());
        let mut index = SearchIndex {
            path,
            finders: ids
                .iter()
                .map(|k| Finder::new(k.as_bytes()).into_owned())
                .collect(),
            ids: ids.to_vec(),
            header,
            old: HashMap::new(),
            new: Mutex::new(Vec::new()),
            changed: std::sync::atomic::AtomicBool::new(false),
            racy_from,
        };
        if let Some(text) = read_bounded(&index.path) {
            index.old = index.parse(&text).unwrap_or_default();
        }
        Some(index)
    }

    fn parse(&self, text: &str) -> Option<HashMap<Box<str>, (Stamp, Verdict)>> {
        use rayon::prelude::*;
        let (head, body) = text.split_once('\n')?;
        if head != self.header {
            return None;
        }
        let lines: Vec<&str> = body.lines().collect();
        let rows: Option<Vec<Row>> = lines.par_iter().map(|line| parse_row(line)).collect();
        Some(rows?.into_iter().collect())
    }

    /// The indexes in the vocabulary of the category ids `query`; `None` when one is not in it
    /// (then the index cannot answer, and every file is read).
    pub fn query(&self, query: &[String]) -> Option<u128> {
        let mut bits = 0;
        for q in query {
            bits |= 1u128 << self.ids.iter().position(|id| id == q)?;
        }
        Some(bits)
    }

    /// What the bytes of an offering file say: the same question the search's text filter asks.
    pub fn verdict(&self, bytes: &[u8]) -> Verdict {
        let mut present = 0;
        for (i, f) in self.finders.iter().enumerate() {
            if f.find(bytes).is_some() {
                present |= 1u128 << i;
            }
        }
        Verdict {
            backslash: memchr::memchr(b'\\', bytes).is_some(),
            present,
        }
    }

    /// The row of `rel`, when the file is still the one it was made from.
    pub fn lookup(&self, rel: &str, stamp: &Stamp) -> Option<Verdict> {
        let found = self
            .old
            .get(rel)
            .filter(|(s, _)| s == stamp)
            .map(|(_, v)| *v);
        if found.is_none() {
            self.changed
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        found
    }

    /// Enters a row for the next index (not when the file changed too recently to be sure).
    pub fn record(&self, rel: &str, stamp: Stamp, verdict: Verdict) {
        if stamp.mtime.0 >= self.racy_from || stamp.ctime.0 >= self.racy_from {
            return;
        }
        if rel.contains(['\t', '\n', '\r']) {
            return;
        }
        if let Ok(mut new) = self.new.lock() {
            new.push((rel.into(), stamp, verdict));
        }
    }

    /// Where the index is kept.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes the rows entered in this run (files that are gone drop out), through a
    /// temporary file and a rename. An index that cannot be written is simply not kept.
    pub fn save(&self) {
        use std::fmt::Write as _;
        let Ok(mut rows) = self.new.lock() else {
            return;
        };
        // Nothing new, and no file gone: the index on disk is this one.
        if !self.changed.load(std::sync::atomic::Ordering::Relaxed) && rows.len() == self.old.len()
        {
            return;
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        let mut text = String::with_capacity(rows.len() * 80 + 200);
        text.push_str(&self.header);
        text.push('\n');
        for (rel, s, v) in rows.iter() {
            let _ = writeln!(
                text,
                "{rel}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:x}",
                s.dev,
                s.ino,
                s.size,
                s.mtime.0,
                s.mtime.1,
                s.ctime.0,
                s.ctime.1,
                u8::from(v.backslash),
                v.present
            );
        }
        if text.len() as u64 > MAX_BYTES {
            return;
        }
        let Some(dir) = self.path.parent() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        // A random name, created with O_EXCL; removed when anything fails (on drop).
        let Ok(mut tmp) = tempfile::Builder::new()
            .prefix(".sok-")
            .suffix(".tmp")
            .tempfile_in(dir)
        else {
            return;
        };
        if tmp
            .write_all(text.as_bytes())
            .and_then(|()| tmp.as_file().sync_all())
            .is_ok()
        {
            let _ = tmp.persist(&self.path);
        }
    }
}

impl Verdict {
    /// Whether a file with this text can have one of the categories `query` (bits).
    pub fn may_match(self, query: u128) -> bool {
        self.backslash || self.present & query != 0
    }
}

/// A file (relative to the data folder) with its identity and its verdict.
type Row = (Box<str>, (Stamp, Verdict));

fn parse_row(line: &str) -> Option<Row> {
    let mut f = line.split('\t');
    let rel = f.next()?;
    let mut u = || f.next()?.parse::<u64>().ok();
    let (dev, ino, size) = (u()?, u()?, u()?);
    let mut n = || f.next()?.parse::<i64>().ok();
    let (ms, mn, cs, cn) = (n()?, n()?, n()?, n()?);
    let backslash = f.next()? == "1";
    let present = u128::from_str_radix(f.next()?, 16).ok()?;
    if f.next().is_some() {
        return None;
    }
    let stamp = Stamp {
        dev,
        ino,
        size,
        mtime: (ms, mn),
        ctime: (cs, cn),
    };
    Some((rel.into(), (stamp, Verdict { backslash, present })))
}
