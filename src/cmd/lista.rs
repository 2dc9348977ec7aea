//! `resurs lista aktorer|insatser|behov|kategorier|malgrupper|omraden|sprak`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::bail;

use crate::cli::ListaVad;
use crate::dataset::Dataset;
use crate::exit;
use crate::model::BehovStatus;
use crate::text::Lexicon;

/// Two columns: the ids, padded, and their text wrapped at spaces to the terminal's width
/// under itself. When the ids take more than half the width, each text goes under its id.
fn aligned(rows: &[(String, String)]) -> String {
    aligned_at(rows, crate::render::table::terminal_width())
}

fn aligned_at(rows: &[(String, String)], width: Option<usize>) -> String {
    use crate::render::escape::terminal::line;
    use crate::render::table::wrap;
    use unicode_width::UnicodeWidthStr as _;
    let ids: Vec<String> = rows.iter().map(|(a, _)| line(a).into_owned()).collect();
    let id_width = ids.iter().map(|a| a.width()).max().unwrap_or(0);
    let stacked = width.is_some_and(|w| id_width + 2 > w / 2);
    let hang = " ".repeat(if stacked { 4 } else { id_width + 2 });
    let mut out = String::new();
    for (a, (_, b)) in ids.iter().zip(rows) {
        if stacked {
            let _ = writeln!(out, "{a}");
            out.push_str(&wrap(&line(b), width, &hang, &hang));
        } else {
            let first = format!("{a}{}  ", " ".repeat(id_width - a.width()));
            out.push_str(&wrap(&line(b), width, &first, &hang));
        }
    }
    out
}

fn terms(lex: Option<&Lexicon>, what: &str) -> anyhow::Result<String> {
    let Some(lex) = lex else {
        bail!("vokabulären för {what} kunde inte läsas; kör `resurs validera`");
    };
    let rows: Vec<(String, String)> = lex
        .terms()
        .iter()
        .map(|t| {
            let syn = if t.synonymer.is_empty() {
                String::new()
            } else {
                format!(" – {}", t.synonymer.join(", "))
            };
            (t.id.clone(), format!("{}{syn}", t.namn))
        })
        .collect();
    Ok(aligned(&rows))
}

pub fn lista(data: &Path, vad: ListaVad) -> anyhow::Result<i32> {
    let ds = super::load(data, super::READING)?;
    let v = &ds.vokabular;
    let out = match vad {
        ListaVad::Aktorer => {
            let rows: Vec<(String, String)> = ds
                .aktorer
                .values()
                .map(|a| {
                    let typ = v.aktorstyp_namn(&a.data.typ);
                    (a.id.clone(), format!("{} ({typ})", a.data.namn))
                })
                .collect();
            aligned(&rows)
        }
        ListaVad::Insatser => {
            let rows: Vec<(String, String)> = ds
                .insatser
                .values()
                .map(|i| {
                    let aktor = ds
                        .aktorer
                        .get(Dataset::aktor_of(&i.id))
                        .map_or("", |a| a.data.namn.as_str());
                    let status = if i.data.is_active() {
                        String::new()
                    } else {
                        format!(" [{}]", i.data.status.as_str())
                    };
                    (i.id.clone(), format!("{} – {aktor}{status}", i.data.namn))
                })
                .collect();
            aligned(&rows)
        }
        ListaVad::Behov => {
            let rows: Vec<(String, String)> = ds
                .behov
                .values()
                .map(|b| {
                    let status = match b.data.status {
                        BehovStatus::Aktuellt => String::new(),
                        s => format!(" [{}]", s.as_str()),
                    };
                    (b.id.clone(), format!("{}{status}", b.data.titel))
                })
                .collect();
            aligned(&rows)
        }
        ListaVad::Kategorier => {
            let Some(kat) = v.kategorier.as_ref() else {
                bail!("vokabulären för behov kunde inte läsas; kör `resurs validera`");
            };
            let mut out = String::new();
            for g in &v.behov_raw.grupp {
                let _ = writeln!(out, "{} ({})", g.namn, g.id);
                let rows: Vec<(String, String)> = v
                    .kategorier_i_grupp(&g.id)
                    .into_iter()
                    .filter_map(|id| kat.get(id))
                    .map(|t| {
                        let syn = if t.synonymer.is_empty() {
                            String::new()
                        } else {
                            format!(" – {}", t.synonymer.join(", "))
                        };
                        (format!("  {}", t.id), format!("{}{syn}", t.namn))
                    })
                    .collect();
                out.push_str(&aligned(&rows));
                out.push('\n');
            }
            out.trim_end().to_owned() + "\n"
        }
        ListaVad::Malgrupper => terms(v.malgrupper.as_ref(), "målgrupper")?,
        ListaVad::Sprak => terms(v.sprak.as_ref(), "språk")?,
        ListaVad::Aktorstyper => terms(v.aktorstyper.as_ref(), "aktörstyper")?,
        ListaVad::Omraden => {
            let Some(areas) = v.omraden.as_ref() else {
                bail!("vokabulären för områden kunde inte läsas; kör `resurs validera`");
            };
            let mut out = String::from("riket  hela Sverige\n");
            for l in areas.lan() {
                let _ = writeln!(out, "{}    {}", l.kod, l.namn);
                for k in areas
                    .kommuner()
                    .iter()
                    .filter(|k| crate::dataset::Areas::kommun_in_lan(&k.kod, &l.kod))
                {
                    let _ = writeln!(out, "  {}  {}", k.kod, k.namn);
                }
            }
            out
        }
    };
    super::print(&out)?;
    Ok(exit::OK)
}
