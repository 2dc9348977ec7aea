//! `resurs fmt [--check]`: every data file in canonical form, written through a temporary file
//! and a rename.

use std::path::Path;

use crate::exit;

pub fn fmt(data: &Path, check: bool) -> anyhow::Result<i32> {
    let files = crate::load::data_files(data)?;
    let mut changed = Vec::new();
    let mut broken = Vec::new();
    for (kind, rel) in &files {
        let path = data.join(rel);
        let Ok(bytes) = std::fs::read(&path) else {
            broken.push(format!("{}: kan inte läsas", rel.display()));
            continue;
        };
        let Ok((text, _)) = crate::load::decode(&bytes) else {
            broken.push(format!("{}: är inte UTF-8", rel.display()));
            continue;
        };
        match crate::format::format(*kind, text) {
            Err(msg) => broken.push(format!(
                "{}: kan inte formateras ({})",
                rel.display(),
                msg.lines().next().unwrap_or_default()
            )),
            Ok(new) if new != text || bytes.starts_with(&[0xEF, 0xBB, 0xBF]) => {
                if !check {
                    super::write_file(&path, &new, true)?;
                }
                changed.push(rel.to_string_lossy().replace('\\', "/"));
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
    let n = changed.len();
    if check {
        eprintln!(
            "{} av {} skulle ändras.",
            crate::render::count(n, "fil", "filer"),
            files.len()
        );
    } else {
        eprintln!(
            "{} av {} formaterades.",
            crate::render::count(n, "fil", "filer"),
            files.len()
        );
    }
    Ok(if (check && n > 0) || !broken.is_empty() {
        exit::DATA_ERRORS
    } else {
        exit::OK
    })
}
