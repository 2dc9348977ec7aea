//! The shapes of contact details and identifiers: e-mail, phone number, URL, organisationsnummer.
//! Each check returns `Err` with a Swedish reason and, where one is clear, a corrected value.

use crate::checks::privacy::luhn;

/// A rejected value: why, and what to write instead when that is clear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub reason: String,
    pub fix: Option<String>,
}

fn reject(reason: impl Into<String>, fix: Option<String>) -> Result<(), Rejected> {
    Err(Rejected {
        reason: reason.into(),
        fix,
    })
}

/// A character that has no place in an address and that a reader cannot see: a control
/// character (an escape sequence, a newline), a bidi control, or an invisible format character
/// (a zero-width space, a direction mark, a BOM).
fn invisible(c: char) -> bool {
    crate::text::is_unsafe(c)
        || matches!(
            c,
            '\u{61c}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
        )
}

/// Refuses an address with an [`invisible`] character in it, naming the character.
fn visible(s: &str, what: &str) -> Result<(), Rejected> {
    match s.chars().find(|&c| invisible(c)) {
        Some(c) => reject(
            format!(
                "{what} innehåller det osynliga tecknet `{}` (ett styrtecken); skriv bara {what}",
                c.escape_unicode()
            ),
            None,
        ),
        None => Ok(()),
    }
}

/// An e-mail address: `namn@domän.se`.
pub fn email(s: &str) -> Result<(), Rejected> {
    visible(s, "adressen")?;
    let t = s.trim();
    if t != s {
        return reject("mellanslag före eller efter adressen", Some(t.to_owned()));
    }
    if let Some(rest) = t.strip_prefix("mailto:") {
        return reject("skriv adressen utan `mailto:`", Some(rest.to_owned()));
    }
    let Some((local, domain)) = t.split_once('@') else {
        return reject("`@` saknas", None);
    };
    if local.is_empty() || domain.contains('@') {
        return reject("en adress har en del före och en efter ett enda `@`", None);
    }
    if t.chars()
        .any(|c| c.is_whitespace() || c == ',' || c == ';' || c == '<' || c == '>')
    {
        return reject(
            "adressen innehåller mellanslag eller skiljetecken; skriv en adress per fält",
            None,
        );
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    let labels_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if !tld_ok || !labels_ok {
        return reject(format!("domänen `{domain}` är inte giltig"), None);
    }
    Ok(())
}

/// A phone number: Swedish national (`0470-433 88`), international (`+46 470 433 88`) or a
/// short service number (`1177`, `116 111`).
pub fn phone(s: &str) -> Result<(), Rejected> {
    visible(s, "numret")?;
    let t = s.trim();
    if t.is_empty() {
        return reject("numret är tomt", None);
    }
    let allowed =
        |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+' | '\u{a0}');
    if let Some(bad) = t.chars().find(|c| !allowed(*c)) {
        return reject(
            format!(
                "tecknet `{bad}` hör inte hemma i ett telefonnummer; skriv ett nummer per fält"
            ),
            None,
        );
    }
    if t[1..].contains('+') {
        return reject("`+` får bara stå först", None);
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let n = digits.len();
    let ok = if t.starts_with('+') {
        (8..=15).contains(&n)
    } else if digits.starts_with("00") {
        (10..=17).contains(&n)
    } else if digits.starts_with('0') {
        (7..=11).contains(&n)
    } else {
        // Short numbers: 112, 1177, 116 111, 114 14.
        (3..=6).contains(&n) && digits.starts_with('1')
    };
    if ok {
        Ok(())
    } else {
        reject(format!("{n} siffror är inget giltigt telefonnummer"), None)
    }
}

/// A web address with http or https.
pub fn url(s: &str) -> Result<(), Rejected> {
    visible(s, "adressen")?;
    let t = s.trim();
    if t != s {
        return reject("mellanslag före eller efter adressen", Some(t.to_owned()));
    }
    let lower = t.to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("https://") {
        r
    } else if let Some(r) = lower.strip_prefix("http://") {
        r
    } else if lower.contains("://")
        || lower.starts_with("javascript:")
        || lower.starts_with("mailto:")
        || lower.starts_with("data:")
    {
        return reject(
            "bara adresser som börjar med `https://` eller `http://` är tillåtna",
            None,
        );
    } else {
        let fix = (!t.contains(' ') && t.contains('.')).then(|| format!("https://{t}"));
        return reject("adressen ska börja med `https://`", fix);
    };
    if t.chars().any(char::is_whitespace) {
        return reject("en webbadress får inte innehålla mellanslag", None);
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    if host.is_empty() || !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
        return reject(format!("`{host}` är ingen giltig domän"), None);
    }
    Ok(())
}

/// An organisationsnummer: ten digits `NNNNNN-NNNN` with a valid check digit.
pub fn organisationsnummer(s: &str) -> Result<(), Rejected> {
    let t = s.trim();
    let digits: Vec<u32> = t.chars().filter_map(|c| c.to_digit(10)).collect();
    let shape_ok = t.chars().all(|c| c.is_ascii_digit() || c == '-');
    if !shape_ok || digits.len() != 10 {
        let fix =
            (digits.len() == 12 && digits.starts_with(&[1, 6])).then(|| fmt_orgnr(&digits[2..]));
        return reject("ett organisationsnummer har tio siffror: NNNNNN-NNNN", fix);
    }
    if !luhn(&digits) {
        return reject(
            "kontrollsiffran stämmer inte; kontrollera numret mot Bolagsverket",
            None,
        );
    }
    let formatted = fmt_orgnr(&digits);
    if formatted != t {
        return reject("skriv numret som NNNNNN-NNNN", Some(formatted));
    }
    Ok(())
}

fn fmt_orgnr(d: &[u32]) -> String {
    let s: String = d.iter().filter_map(|x| char::from_digit(*x, 10)).collect();
    format!("{}-{}", &s[..6], &s[6..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(email("utbildning@rb.se").is_ok());
        assert!(email("maria.ingelssonsgroi@lnu.se").is_ok());
        assert!(email("info@växjö.se").is_ok());
        assert!(email("utbildning.rb.se").is_err());
        assert!(email("a@b").is_err());
        assert!(email("a b@c.se").is_err());
        assert!(email("a@c.se, b@c.se").is_err());
        assert_eq!(
            email("mailto:a@b.se").unwrap_err().fix.as_deref(),
            Some("a@b.se")
        );
    }

    #[test]
    fn phones() {
        for ok in [
            "0470-433 88",
            "0470-43388",
            "+46 470 433 88",
            "1177",
            "116 111",
            "020-22 33 44",
            "(0470) 433 88",
        ] {
            assert!(phone(ok).is_ok(), "{ok}");
        }
        for bad in ["12", "0470-433 88 eller 0470-1", "abc", "0470+43388", "04"] {
            assert!(phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls() {
        assert!(url("https://www.raddabarnen.se").is_ok());
        assert!(url("http://lnu.se/psykologi?x=1").is_ok());
        assert_eq!(
            url("www.lnu.se").unwrap_err().fix.as_deref(),
            Some("https://www.lnu.se")
        );
        assert!(url("javascript:alert(1)").is_err());
        assert!(url("ftp://lnu.se").is_err());
        assert!(url("https://").is_err());
        assert!(url("https://lnu se").is_err());
    }

    #[test]
    fn addresses_with_control_characters_are_refused() {
        for bad in [
            "a\u{1b}[2J@b.se",
            "a@b.se\u{7}",
            "\u{202e}es.b@a",
            "a\u{200b}@b.se",
            "a@b\u{9b}.se",
        ] {
            let why = email(bad).unwrap_err().reason;
            assert!(why.contains("osynliga tecknet `\\u{"), "{bad:?}: {why}");
        }
        for bad in [
            "https://www.red\u{1b}[2Jcross.se",
            "https://lnu.se/\u{1b}]8;;http://evil\u{1b}\\",
            "https://lnu.se/\u{202e}fdp.exe",
            "https://lnu.se/\u{200f}",
        ] {
            assert!(url(bad).unwrap_err().reason.contains("osynliga"), "{bad:?}");
        }
        assert!(
            phone("0470-433\u{1b}[2J 88")
                .unwrap_err()
                .reason
                .contains("osynliga")
        );
        assert!(phone("\u{202d}0470-433 88").is_err());
    }

    #[test]
    fn organisationsnummer_checks_the_check_digit() {
        // Rädda Barnen's organisationsnummer.
        assert!(organisationsnummer("802002-4280").is_ok());
        assert!(organisationsnummer("802002-4281").is_err());
        assert_eq!(
            organisationsnummer("8020024280")
                .unwrap_err()
                .fix
                .as_deref(),
            Some("802002-4280")
        );
        assert_eq!(
            organisationsnummer("16802002-4280")
                .unwrap_err()
                .fix
                .as_deref(),
            Some("802002-4280")
        );
        assert!(organisationsnummer("80200-4280").is_err());
    }
}
