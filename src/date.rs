//! Calendar dates without a time zone: what the data format's TOML dates mean, and the
//! arithmetic the staleness rules need (whole months between two dates). "Today" is the date
//! in Sweden (Europe/Stockholm), whatever the machine's time zone.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (`2022-10-20`), written in TOML as a date without quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Datum {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Datum {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|()| day >= 1 && day <= days_in_month(year, month))
            .map(|()| Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = s[0..4].parse().ok()?;
        let month = s[5..7].parse().ok()?;
        let day = s[8..10].parse().ok()?;
        Self::new(year, month, day)
    }

    /// Today's date in Sweden. The environment variable `RESURS_NU`, an instant such as
    /// `2026-12-02T23:30:00Z`, stands in for the clock (to rerun a night's job, or test one).
    pub fn today() -> anyhow::Result<Self> {
        Ok(Self::today_at(now(
            std::env::var_os("RESURS_NU").as_deref()
        )?))
    }

    /// The date in Sweden (Europe/Stockholm, summer time included) at the instant `now`: the
    /// clock of [`Datum::today`], given as an argument so that a test can choose the instant.
    pub fn today_at(now: jiff::Timestamp) -> Self {
        // The zone's rules are compiled into the binary: no time zone database is needed on
        // the machine, and the machine's own time zone does not matter.
        static STOCKHOLM: jiff::tz::TimeZone = jiff::tz::get!("Europe/Stockholm");
        Self::from_civil(STOCKHOLM.to_datetime(now).date())
    }

    fn from_civil(d: jiff::civil::Date) -> Self {
        Self {
            year: i32::from(d.year()),
            month: u8::try_from(d.month()).unwrap_or(1),
            day: u8::try_from(d.day()).unwrap_or(1),
        }
    }

    fn to_civil(self) -> Option<jiff::civil::Date> {
        jiff::civil::Date::new(
            i16::try_from(self.year).ok()?,
            i8::try_from(self.month).ok()?,
            i8::try_from(self.day).ok()?,
        )
        .ok()
    }

    /// Days from `self` to `later` (negative when `later` is earlier; 0 for a date outside
    /// the years -9999…9999, which the data format cannot hold).
    pub fn days_until(self, later: Datum) -> i64 {
        match (self.to_civil(), later.to_civil()) {
            (Some(a), Some(b)) => a.until(b).map_or(0, |s| i64::from(s.get_days())),
            _ => 0,
        }
    }

    /// Converts days since 1970-01-01 to a date (Howard Hinnant's `civil_from_days`).
    pub fn from_days(z: i64) -> Self {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: Datum) -> i32 {
        let mut months =
            (later.year - self.year) * 12 + i32::from(later.month) - i32::from(self.month);
        if later.day < self.day {
            months -= 1;
        }
        months
    }
}

/// The instant `RESURS_NU` names, else the system clock's.
fn now(env: Option<&std::ffi::OsStr>) -> anyhow::Result<jiff::Timestamp> {
    let Some(value) = env else {
        return Ok(jiff::Timestamp::now());
    };
    value
        .to_str()
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "RESURS_NU är ingen tidpunkt: `{}`. Skriv t.ex. `2026-12-02T23:30:00Z` (UTC) \
                 eller `2026-12-03T00:30:00+01:00`, eller ta bort variabeln.",
                value.to_string_lossy()
            )
        })
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Datum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Datum {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let dt = toml::value::Datetime::deserialize(d)?;
        match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => Datum::new(i32::from(date.year), date.month, date.day)
                .ok_or_else(|| D::Error::custom("ogiltigt datum")),
            _ => Err(D::Error::custom("skriv bara ett datum, utan klockslag")),
        }
    }
}

impl Serialize for Datum {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl JsonSchema for Datum {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Datum".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "description": "Ett datum som TOML-datum utan citattecken: 2024-09-02"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_dates() {
        assert_eq!(Datum::parse("2024-02-29"), Datum::new(2024, 2, 29));
        assert!(Datum::parse("2023-02-29").is_none());
        assert!(Datum::parse("2023-13-01").is_none());
        assert!(Datum::parse("20230101").is_none());
    }

    #[test]
    fn counts_whole_months() {
        let a = Datum::parse("2024-09-02").unwrap();
        assert_eq!(a.months_until(Datum::parse("2025-11-25").unwrap()), 14);
        assert_eq!(a.months_until(Datum::parse("2025-09-01").unwrap()), 11);
        assert_eq!(a.months_until(Datum::parse("2025-09-02").unwrap()), 12);
    }

    fn at(instant: &str) -> Datum {
        Datum::today_at(instant.parse().unwrap())
    }

    #[test]
    fn today_is_the_date_in_sweden() {
        // 00:30 in Stockholm in winter (CET, UTC+1) is still the day before in UTC.
        assert_eq!(at("2026-12-02T23:30:00Z").to_string(), "2026-12-03");
        assert_eq!(at("2026-12-02T22:59:59Z").to_string(), "2026-12-02");
        // 00:30 in summer (CEST, UTC+2).
        assert_eq!(at("2026-07-14T22:30:00Z").to_string(), "2026-07-15");
        assert_eq!(at("2026-07-14T21:59:59Z").to_string(), "2026-07-14");
        // The nights summer time begins and ends.
        assert_eq!(at("2026-03-28T23:00:00Z").to_string(), "2026-03-29");
        assert_eq!(at("2026-10-24T22:00:00Z").to_string(), "2026-10-25");
        assert_eq!(at("2026-10-24T21:59:00Z").to_string(), "2026-10-24");
    }

    #[test]
    fn resurs_nu_stands_in_for_the_clock() {
        let t = now(Some("2026-12-02T23:30:00Z".as_ref())).unwrap();
        assert_eq!(Datum::today_at(t).to_string(), "2026-12-03");
        let err = now(Some("i natt".as_ref())).unwrap_err().to_string();
        assert!(
            err.starts_with("RESURS_NU är ingen tidpunkt: `i natt`."),
            "{err}"
        );
        assert!(now(None).is_ok());
    }

    #[test]
    fn counts_days() {
        let a = Datum::parse("2022-10-20").unwrap();
        assert_eq!(a.days_until(Datum::parse("2022-10-20").unwrap()), 0);
        assert_eq!(a.days_until(Datum::parse("2026-11-25").unwrap()), 1497);
        assert_eq!(Datum::parse("2026-11-25").unwrap().days_until(a), -1497);
        assert_eq!(
            Datum::parse("2024-02-28")
                .unwrap()
                .days_until(Datum::parse("2024-03-01").unwrap()),
            2
        );
    }

    #[test]
    fn converts_days_since_epoch() {
        assert_eq!(Datum::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Datum::from_days(20_417).to_string(), "2025-11-25");
    }
}
