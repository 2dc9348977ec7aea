//! Finds text that looks like a Swedish personnummer or samordningsnummer (a valid date and a
//! valid check digit): a data folder may be public, so no such number may ever be in it.

use std::ops::Range;
use std::path::Path;

use crate::date::Datum;
use crate::problem::{Loc, Problem};

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
                "E017",
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
