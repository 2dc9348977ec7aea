//! One file's bytes made into a typed entry, with every problem that can be found in the file
//! by itself: encoding (BOM, UTF-16, invalid UTF-8), an empty file, Windows line ends, privacy
//! ([`crate::checks::privacy`]), control characters ([`crate::checks::controls`]), syntax with
//! recovery ([`crate::checks::syntax`]) and structure ([`crate::checks::shape`]). A file with
//! errors still gives what can be read of it, with stand-ins for the rest, for `validera`.

use std::path::Path;

use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::de::DeTable;

use crate::dataset::FreeText;
use crate::diagnostic::{Code, Loc, Problem, Seg};
use crate::load::lean::strip_free_text;
use crate::load::options::Checks;
use crate::load::walk::Found;
use crate::model::schema::Kind;
use crate::model::{
    Aktor, AktorstypVokabular, Behov, BehovVokabular, Insats, Installningar, MalgruppVokabular,
    OmradeVokabular, SprakVokabular,
};
use crate::source::{DecodeError, decode};

/// One parsed file (boxed: 125,000 of them wait in a vector while a large folder loads).
pub(super) enum Parsed {
    /// Read, but of no interest to a search ([`crate::load::Files::Prefiltered`]).
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

/// Everything that can be checked in one file by itself: encoding, privacy, syntax, structure;
/// then the typed entry, when the file allows one. With [`Checks::Quick`], a data file that
/// fits the model is taken as it is; with [`FreeText::Dropped`], its free text is let go
/// before the entry is made.
pub(super) fn parse_bytes(
    kind: Kind,
    rel: &Path,
    bytes: &[u8],
    checks: Checks,
    free_text: FreeText,
    out: &mut Vec<Problem>,
) -> Option<Parsed> {
    let lean = free_text == FreeText::Dropped;
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
    if checks == Checks::Quick && data && !syntax_errors {
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
        return parse_bytes(kind, rel, bytes, Checks::All, free_text, out);
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
