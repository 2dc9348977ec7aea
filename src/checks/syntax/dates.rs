//! Dates written by hand in another form than TOML's `ÅÅÅÅ-MM-DD`: `31/12/2027`,
//! `2027-31-12`, `31-12-2027`, `2027/12/31`, `2026-1-5`, with a time or odd dashes. Says what
//! is wrong in Swedish and gives the date as it should be written, when only one reading fits.

use crate::date::Datum;

/// What is wrong with a date as written, and the date it should be, when that is clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DateFix {
    pub message: String,
    pub fixed: Option<String>,
    pub help: String,
}

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

const FORM: &str = "datum skrivs ÅÅÅÅ-MM-DD (år-månad-dag) utan citattecken, t.ex. `2026-01-31`";

/// `raw` read as a date: `None` when it does not look like one (three numbers with a year of
/// four digits first or last, or of two digits last).
pub(super) fn diagnose(raw: &str) -> Option<DateFix> {
    let raw = raw.trim();
    let (date, time) = split_time(raw);
    let mut parts = Vec::with_capacity(3);
    let mut seps = Vec::with_capacity(2);
    let mut current = String::new();
    for c in date.chars() {
        if c.is_ascii_digit() {
            current.push(c);
        } else if is_separator(c) && !current.is_empty() {
            parts.push(std::mem::take(&mut current));
            seps.push(c);
        } else {
            return None;
        }
    }
    parts.push(current);
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let num: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    let shown = super::fix::shown(raw);
    let iso = |d: Datum| d.to_string();
    if parts[0].len() == 4 {
        let year = i32::try_from(num[0]).ok()?;
        let (b, c) = (num[1], num[2]);
        if let Some(d) = date_of(year, b, c) {
            let as_written =
                seps.iter().all(|s| *s == '-') && parts[1].len() == 2 && parts[2].len() == 2;
            if as_written && time.is_some() {
                return Some(DateFix {
                    message: format!("`{shown}` har ett klockslag; här skrivs bara ett datum"),
                    fixed: Some(iso(d)),
                    help: FORM.into(),
                });
            }
            if as_written {
                return None;
            }
            return Some(DateFix {
                message: format!(
                    "datum skrivs med bindestreck och två siffror för månad och dag, inte `{shown}`"
                ),
                fixed: Some(iso(d)),
                help: FORM.into(),
            });
        }
        if let Some(d) = date_of(year, c, b) {
            return Some(DateFix {
                message: format!(
                    "det finns ingen månad {b} i `{shown}`; datum skrivs år-månad-dag"
                ),
                fixed: Some(iso(d)),
                help: FORM.into(),
            });
        }
        if (1..=12).contains(&b) {
            let days = (28..=31)
                .rev()
                .find(|d| date_of(year, b, *d).is_some())
                .unwrap_or(28);
            return Some(DateFix {
                message: format!(
                    "det finns ingen {c} {} {year}: {} har {days} dagar",
                    MONTHS[(b - 1) as usize],
                    MONTHS[(b - 1) as usize]
                ),
                fixed: None,
                help: FORM.into(),
            });
        }
        return Some(invalid(&shown));
    }
    if parts[2].len() == 4 || parts[2].len() == 2 {
        let year = i32::try_from(if parts[2].len() == 2 {
            2000 + num[2]
        } else {
            num[2]
        })
        .ok()?;
        let (first, second) = (num[0], num[1]);
        let dmy = date_of(year, second, first);
        let mdy = date_of(year, first, second);
        let fixed = match (dmy, mdy) {
            (Some(day_first), Some(month_first)) if day_first != month_first => {
                return Some(DateFix {
                    message: format!("datum skrivs ÅÅÅÅ-MM-DD, inte `{shown}`"),
                    fixed: None,
                    help: format!(
                        "menar du {} (`{}`) eller {} (`{}`)? skriv det som ÅÅÅÅ-MM-DD",
                        spoken(day_first),
                        iso(day_first),
                        spoken(month_first),
                        iso(month_first)
                    ),
                });
            }
            (Some(only), _) | (None, Some(only)) => only,
            (None, None) => return Some(invalid(&shown)),
        };
        return Some(DateFix {
            message: format!("datum skrivs ÅÅÅÅ-MM-DD (år-månad-dag), inte `{shown}`"),
            fixed: Some(iso(fixed)),
            help: FORM.into(),
        });
    }
    None
}

fn invalid(shown: &str) -> DateFix {
    DateFix {
        message: format!("`{shown}` är inget giltigt datum"),
        fixed: None,
        help: FORM.into(),
    }
}

fn date_of(year: i32, month: u32, day: u32) -> Option<Datum> {
    Datum::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
}

/// "31 december" (with backticks around the ISO date given separately).
fn spoken(d: Datum) -> String {
    format!("{} {}", d.day, MONTHS[usize::from(d.month - 1)])
}

/// Hyphens and dashes people type (or word processors make) between the parts of a date.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '/'
            | '.'
            | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2212}'
    )
}

/// The date and the time after it (`T10:00`, ` 10:00`), if any.
fn split_time(raw: &str) -> (&str, Option<&str>) {
    match raw.find(['T', 't', ' ']) {
        Some(i) => (&raw[..i], Some(raw[i + 1..].trim())),
        None => (raw, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(raw: &str) -> Option<String> {
        diagnose(raw).and_then(|f| f.fixed)
    }

    #[test]
    fn dates_in_another_order_are_turned_round() {
        assert_eq!(fixed("31/12/2027").as_deref(), Some("2027-12-31"));
        assert_eq!(fixed("2027-31-12").as_deref(), Some("2027-12-31"));
        assert_eq!(fixed("31-12-2027").as_deref(), Some("2027-12-31"));
        assert_eq!(fixed("2027/12/31").as_deref(), Some("2027-12-31"));
        assert_eq!(fixed("31.12.2027").as_deref(), Some("2027-12-31"));
        assert_eq!(fixed("12/31/2027").as_deref(), Some("2027-12-31"));
        assert_eq!(fixed("2026-1-5").as_deref(), Some("2026-01-05"));
        assert_eq!(
            fixed("2026\u{2013}01\u{2013}05").as_deref(),
            Some("2026-01-05")
        );
        assert_eq!(fixed("2026-13-01").as_deref(), Some("2026-01-13"));
        assert_eq!(fixed("2026-01-01T25:00").as_deref(), Some("2026-01-01"));
    }

    #[test]
    fn an_ambiguous_date_lists_both_readings() {
        let f = diagnose("05/06/2027").unwrap();
        assert_eq!(f.fixed, None);
        assert!(
            f.help.contains("2027-06-05") && f.help.contains("2027-05-06"),
            "{f:?}"
        );
        assert_eq!(fixed("06/06/2027").as_deref(), Some("2027-06-06"));
    }

    #[test]
    fn impossible_days_say_how_many_days_the_month_has() {
        let f = diagnose("2026-02-30").unwrap();
        assert_eq!(
            f.message,
            "det finns ingen 30 februari 2026: februari har 28 dagar"
        );
        assert_eq!(f.fixed, None);
    }

    #[test]
    fn other_text_is_no_date() {
        assert_eq!(diagnose("0470-43388"), None);
        assert_eq!(diagnose("Språkcafé"), None);
        assert_eq!(diagnose("2026-01-01"), None);
        assert_eq!(diagnose("1.5"), None);
    }
}
