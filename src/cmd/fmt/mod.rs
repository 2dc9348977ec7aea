//! `resurs fmt [--check]`: every data file in canonical form, written through a temporary file
//! and a rename (see `write.rs`). A file keeps its permissions; a read-only file, and one that
//! changes while `fmt` works on it, is left as it is, with a note.

pub mod rewrite;

use std::path::Path;

use crate::exit;

pub fn fmt(data: &Path, check: bool) -> anyhow::Result<i32> {
    let files = crate::load::data_files(data)?;
    let mut changed = Vec::new();
    let mut broken = Vec::new();
    let mut left = Vec::new();
    for (kind, rel) in &files {
        let path = data.join(rel);
        let shown = rel.to_string_lossy().replace('\\', "/");
        // Data files are regular files (the loader follows no link); anything else is left.
        let meta = match super::write::at(&path)? {
            super::write::At::File(m) => m,
            super::write::At::Nothing => continue,
            super::write::At::Dir => {
                left.push(format!("{shown}: är en mapp"));
                continue;
            }
            super::write::At::Other(what) => {
                left.push(format!("{shown}: är {what}"));
                continue;
            }
        };
        let Ok(bytes) = std::fs::read(&path) else {
            broken.push(format!("{}: kan inte läsas", rel.display()));
            continue;
        };
        let Ok((text, _)) = crate::source::decode(&bytes) else {
            broken.push(format!("{}: är inte UTF-8", rel.display()));
            continue;
        };
        match crate::cmd::fmt::rewrite::format(*kind, text) {
            Err(msg) => broken.push(format!(
                "{}: kan inte formateras ({})",
                rel.display(),
                msg.lines().next().unwrap_or_default()
            )),
            Ok(new) if new != text || bytes.starts_with(&[0xEF, 0xBB, 0xBF]) => {
                if !check {
                    if !super::write::writable(&path, &meta) {
                        left.push(format!("{shown}: är skrivskyddad"));
                        continue;
                    }
                    match super::write::replace_unchanged(&path, &new, &meta, &bytes)? {
                        super::write::Replaced::Yes => {}
                        super::write::Replaced::Changed => {
                            left.push(format!(
                                "{shown}: ändrades medan resurs fmt arbetade; kör `resurs fmt` igen"
                            ));
                            continue;
                        }
                    }
                }
                changed.push(shown);
            }
            Ok(_) => {}
        }
    }
    let mut out = String::new();
    for f in &changed {
        out.push_str(if check {
            "skulle ändras: "
        } else {
            "formaterade: "
        });
        out.push_str(f);
        out.push('\n');
    }
    super::print(&out)?;
    for b in &broken {
        super::note(&format!("fel: {b}; kör `resurs validera`"));
    }
    for l in &left {
        eprintln!("lämnades orörd: {l}");
    }
    let n = changed.len();
    if check {
        eprintln!(
            "{} av {} skulle ändras.",
            crate::text::words::count(n, "fil", "filer"),
            files.len()
        );
    } else {
        eprintln!(
            "{} av {} formaterades.",
            crate::text::words::count(n, "fil", "filer"),
            files.len()
        );
    }
    Ok(if (check && n > 0) || !broken.is_empty() {
        exit::DATA_ERRORS
    } else {
        exit::OK
    })
}
