//! Finds text that looks like a Swedish personnummer or samordningsnummer (a valid date and a
//! valid check digit): a data folder may be public, so no such number may ever be in it.

use std::ops::Range;
use std::path::Path;

use crate::date::Datum;
use crate::diagnostic::{Code, Loc, Problem};

/// What was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdNumber {
    Personnummer,
    Samordningsnummer,
}

/// Scans a whole file's text, comments included, and reports every match (`E017`).
pub fn scan(text: &str, file: &Path, out: &mut Vec<Problem>) {
    for (range, kind) in find(text) {
        let what = match kind {
            IdNumber::Personnummer => "ett personnummer",
            IdNumber::Samordningsnummer => "ett samordningsnummer",
        };
        out.push(
            Problem::new(
                Code::E017,
                file,
                Loc::Span(range),
                format!("texten ser ut som {what}"),
            )
            .label("ta bort numret")
            .help(
                "uppgifter om enskilda personer hör aldrig hemma i datamappen, som kan vara publik",
            ),
        );
    }
}

/// Every personnummer or samordningsnummer in `text`, in the forms YYMMDD-NNNN, YYMMDD+NNNN,
/// YYYYMMDDNNNN and YYYYMMDD-NNNN, not part of a longer number.
pub fn find(text: &str) -> Vec<(Range<usize>, IdNumber)> {
    let b = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_digit() || is_joiner(b, i - 1))) {
            i += 1;
            continue;
        }
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let after = i + run;
        let mut matched = None;
        // YYYYMMDDNNNN
        if run == 12 {
            matched = check(&b[i..i + 8], &b[i + 8..i + 12], true).map(|k| (i..after, k));
        }
        // YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN
        if (run == 6 || run == 8) && after + 5 <= b.len() && (b[after] == b'-' || b[after] == b'+')
        {
            let tail = &b[after + 1..after + 5];
            let ends = after + 5 == b.len() || !b[after + 5].is_ascii_digit();
            if tail.iter().all(u8::is_ascii_digit) && ends && !(run == 8 && b[after] == b'+') {
                matched = check(&b[i..after], tail, run == 8).map(|k| (i..after + 5, k));
            }
        }
        if let Some(m) = matched {
            found.push(m);
        }
        i = after;
    }
    found
}

/// A character that makes a digit run part of something else (a date `2022-10-20`, a decimal).
fn is_joiner(b: &[u8], i: usize) -> bool {
    matches!(b[i], b'-' | b'.' | b'/' | b'+' | b':') && i > 0 && b[i - 1].is_ascii_digit()
}

fn digits(b: &[u8]) -> Vec<u32> {
    b.iter().map(|c| u32::from(c - b'0')).collect()
}

fn check(date: &[u8], tail: &[u8], full_year: bool) -> Option<IdNumber> {
    let d = digits(date);
    let (century, yy) = if full_year {
        (Some(d[0] * 10 + d[1]), &d[2..])
    } else {
        (None, &d[..])
    };
    if let Some(c) = century {
        if !(18..=20).contains(&c) {
            return None;
        }
    }
    let year = century.map_or(2000, |c| c * 100) + yy[0] * 10 + yy[1];
    let month = yy[2] * 10 + yy[3];
    let mut day = yy[4] * 10 + yy[5];
    let mut kind = IdNumber::Personnummer;
    if day > 60 {
        day -= 60;
        kind = IdNumber::Samordningsnummer;
    }
    let valid_date = |y: u32| {
        Datum::new(
            i32::try_from(y).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    };
    // With a two-digit year, either century may be meant (29 February decides).
    let ok = valid_date(year).is_some() || (century.is_none() && valid_date(year - 100).is_some());
    if !ok {
        return None;
    }
    let mut ten: Vec<u32> = yy.to_vec();
    ten.extend(digits(tail));
    luhn(&ten).then_some(kind)
}

/// The Luhn check over the ten digits YYMMDDNNNC (also used for organisationsnummer).
pub fn luhn(ten: &[u32]) -> bool {
    let sum: u32 = ten
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = if i % 2 == 0 { d * 2 } else { d };
            v / 10 + v % 10
        })
        .sum();
    ten.len() == 10 && sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<IdNumber> {
        find(text).into_iter().map(|(_, k)| k).collect()
    }

    #[test]
    fn finds_personnummer_in_all_common_forms() {
        // 811218-9876 is Skatteverket's classic example number with a valid check digit.
        assert_eq!(kinds("pnr 811218-9876 här"), vec![IdNumber::Personnummer]);
        assert_eq!(kinds("811218+9876"), vec![IdNumber::Personnummer]);
        assert_eq!(kinds("198112189876"), vec![IdNumber::Personnummer]);
        assert_eq!(kinds("19811218-9876"), vec![IdNumber::Personnummer]);
    }

    #[test]
    fn finds_samordningsnummer() {
        // 1970-10-03: day 03 + 60 = 63, with a valid check digit.
        assert_eq!(kinds("701063-2391"), vec![IdNumber::Samordningsnummer]);
    }

    #[test]
    fn ignores_dates_phone_numbers_and_organisationsnummer() {
        assert!(kinds("2022-10-20").is_empty());
        assert!(kinds("0470-433 88").is_empty());
        assert!(kinds("070-123 45 67").is_empty());
        assert!(kinds("0701234567").is_empty());
        assert!(kinds("+46701234567").is_empty());
        assert!(
            kinds("802002-4280").is_empty(),
            "organisationsnummer: month 20"
        );
        assert!(kinds("811218-9875").is_empty(), "wrong check digit");
        assert!(kinds("1811218-9876").is_empty(), "part of a longer number");
        assert!(kinds("811318-9876").is_empty(), "month 13");
    }
}

/// Contact details written in free text, where they bypass the `kontakt` structure and its
/// `publik` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactDetail {
    Email,
    Phone,
}

/// E-mail addresses and phone numbers in a text (not personnummer: those are E017).
pub fn find_contact_details(text: &str) -> Vec<(Range<usize>, ContactDetail)> {
    let mut found = Vec::new();
    let b = text.as_bytes();
    // Most text has neither: one cheap pass decides.
    let has_at = b.contains(&b'@');
    let has_phone_start = b.iter().any(|&c| c == b'0' || c == b'+');
    if !has_at && !has_phone_start {
        return found;
    }
    // E-mail: local@domain.tld
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-' || c >= 0x80;
    for (at, _) in text.match_indices('@') {
        let mut start = at;
        while start > 0 && local(b[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < b.len() && domain(b[end]) {
            end += 1;
        }
        let dom = text[at + 1..end].trim_end_matches('.');
        let end = at + 1 + dom.len();
        let tld_ok = dom
            .rsplit('.')
            .next()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(char::is_alphabetic));
        if start < at && dom.contains('.') && tld_ok {
            found.push((start..end, ContactDetail::Email));
        }
    }
    // Phone: +46 or 0, then digit groups joined by single spaces or hyphens; 8–12 digits.
    if !has_phone_start {
        return found;
    }
    // Looked for only when a number could be a phone number (most texts have none).
    let mut personnummer: Option<Vec<Range<usize>>> = None;
    let mut i = 0;
    while i < b.len() {
        let boundary = i == 0
            || !(b[i - 1].is_ascii_alphanumeric()
                || b[i - 1] == b'+'
                || b[i - 1] == b'-'
                || b[i - 1] == b'.');
        let starts = b[i] == b'0'
            || (b[i] == b'+' && b.get(i + 1) == Some(&b'4') && b.get(i + 2) == Some(&b'6'));
        if !(boundary && starts) {
            i += 1;
            continue;
        }
        let mut j = i + usize::from(b[i] == b'+');
        let mut digits = 0;
        let mut end = j;
        while j < b.len() {
            if b[j].is_ascii_digit() {
                digits += 1;
                j += 1;
                end = j;
            } else if (b[j] == b' ' || b[j] == b'-') && b.get(j + 1).is_some_and(u8::is_ascii_digit)
            {
                j += 1;
            } else {
                break;
            }
        }
        let followed_by_alnum = b.get(end).is_some_and(u8::is_ascii_alphanumeric);
        if (8..=12).contains(&digits) && !followed_by_alnum {
            let pnr = personnummer
                .get_or_insert_with(|| find(text).into_iter().map(|(r, _)| r).collect());
            if pnr.iter().any(|r| r.start < end && i < r.end) {
                i = end.max(i + 1);
                continue;
            }
            found.push((i..end, ContactDetail::Phone));
        }
        i = end.max(i + 1);
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// Scans the free-text values of a parsed file (the keys [`crate::model::free_text`] marks as
/// scanned, at the top and in `[[atgard]]`) and warns about contact details in them.
pub fn scan_free_text(
    doc: &toml::de::DeTable<'_>,
    text: &str,
    file: &Path,
    out: &mut Vec<Problem>,
) {
    let mut check = |key: &str, v: &toml::Spanned<toml::de::DeValue<'_>>| {
        if !crate::model::free_text::scanned(key) || v.get_ref().as_str().is_none() {
            return;
        }
        let span = v.span();
        let Some(raw) = text.get(span.clone()) else {
            return;
        };
        for (r, what) in find_contact_details(raw) {
            let (code, message, help) = match what {
                ContactDetail::Email => (
                    Code::W007,
                    format!("`{key}` innehåller en e-postadress"),
                    "skriv adressen i `epost`, eller som en `[[kontakt]]` med `publik = true` om den får visas",
                ),
                ContactDetail::Phone => (
                    Code::W008,
                    format!("`{key}` innehåller ett telefonnummer"),
                    "skriv numret i `telefon`, eller som en `[[kontakt]]` med `publik = true` om det får visas",
                ),
            };
            out.push(
                Problem::new(
                    code,
                    file,
                    Loc::Span(span.start + r.start..span.start + r.end),
                    message,
                )
                .label("kringgår `kontakt` och dess `publik`-flagga")
                .help(help),
            );
        }
    };
    for (k, v) in doc {
        check(k.get_ref(), v);
        if k.get_ref() == "atgard" {
            if let Some(items) = v.get_ref().as_array() {
                for item in items {
                    if let Some(t) = item.get_ref().as_table() {
                        for (k2, v2) in t {
                            check(k2.get_ref(), v2);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod contact_tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, ContactDetail)> {
        find_contact_details(text)
            .into_iter()
            .map(|(r, k)| (text[r].to_owned(), k))
            .collect()
    }

    #[test]
    fn finds_email_addresses_and_phone_numbers() {
        assert_eq!(
            kinds("Mejla anna.svensson@example.se."),
            [("anna.svensson@example.se".to_owned(), ContactDetail::Email)]
        );
        assert_eq!(
            kinds("Ring 0470-433 88!"),
            [("0470-433 88".to_owned(), ContactDetail::Phone)]
        );
        assert_eq!(
            kinds("Ring 070-123 45 67 eller +46 470 12 34 56"),
            [
                ("070-123 45 67".to_owned(), ContactDetail::Phone),
                ("+46 470 12 34 56".to_owned(), ContactDetail::Phone)
            ]
        );
    }

    #[test]
    fn ignores_dates_codes_amounts_and_personnummer() {
        for text in [
            "Sedan 2022-10-20, kl. 10.00–12.00",
            "Kommunkod 0780, orgnr 802002-4280",
            "Upp till 10 000 kr, 0–20 år",
            "811218-9876",
            "Ring 1177 eller 112",
            "skriv @-tecknet",
            "version 0.3.7",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }
}
