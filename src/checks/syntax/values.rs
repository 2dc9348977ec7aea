//! A value that is none of TOML's kinds, as its key wants it: unquoted text (quoted, or as a
//! list), a date in another form, `ja` for `true`, `018` for `18`.

use std::ops::Range;

use toml_parser::lexer::TokenKind;

use super::dates;
use super::fix::{Diag, Site, content_end, expectation, key_name, shown, value_start};
use super::split;
use crate::checks::shape::Expect;
use crate::source::toml_string;

/// The bare value around `at`: words and dots, with the spaces between them.
fn scalar_at(site: &Site<'_>, at: usize) -> Range<usize> {
    let line_start = site.text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = at + split::line_at(site.text, at).len();
    let toks = split::lex(site.text, line_start.max(site.stmt.span.start)..line_end);
    let bare = |k: TokenKind| matches!(k, TokenKind::Atom | TokenKind::Dot);
    let Some(i) = toks.iter().position(|t| t.end > at || t.start >= at) else {
        return at..at;
    };
    if !bare(toks[i].kind) {
        return at..at;
    }
    let (mut a, mut b) = (i, i);
    while a > 0
        && (bare(toks[a - 1].kind)
            || toks[a - 1].kind == TokenKind::Whitespace && a > 1 && bare(toks[a - 2].kind))
    {
        a -= 1;
    }
    while b + 1 < toks.len()
        && (bare(toks[b + 1].kind)
            || toks[b + 1].kind == TokenKind::Whitespace
                && toks.get(b + 2).is_some_and(|t| bare(t.kind)))
    {
        b += 1;
    }
    // Not the key and `=` before the value.
    let start = toks[a].start.max(value_start(site).unwrap_or(0));
    start.min(toks[b].end)..toks[b].end
}

/// A value that is none of TOML's kinds: unquoted text, a date in another form, `ja`, `07`.
pub(super) fn value(site: &Site<'_>, m: &str, at: usize) -> Diag {
    let expect = expectation(site, at);
    let key = key_name(site);
    let in_list = value_start(site).is_some_and(|s| site.text[s..].starts_with('[') && at > s);
    let scalar = scalar_at(site, at);
    let raw = &site.text[scalar.clone()];
    if raw.trim().is_empty() && !in_list {
        return missing_value(site, at);
    }
    let date = dates::diagnose(raw);
    match expect {
        Some(Expect::Date) => {
            return match date {
                Some(f) => date_diag(scalar, f),
                None => Diag::new(scalar, format!("`{}` är inget datum", shown(raw)))
                    .help("datum skrivs ÅÅÅÅ-MM-DD utan citattecken, t.ex. `2026-01-31`"),
            };
        }
        Some(Expect::Boolean) => return boolean(scalar, raw),
        Some(Expect::Integer) => return integer(scalar, raw, &key),
        None | Some(Expect::Other | Expect::Table) => {
            if let Some(f) = date {
                return date_diag(scalar, f);
            }
            if bool_word(raw).is_some() || m.starts_with("invalid boolean") && is_bool_case(raw) {
                return boolean(scalar, raw);
            }
        }
        Some(Expect::Text | Expect::TextList) => {}
    }
    // Text without quotes: to the end of the line, unless inside a list.
    let range = if in_list {
        scalar
    } else {
        let start = value_start(site).unwrap_or(scalar.start);
        start..content_end(site, start).max(scalar.end)
    };
    let raw = &site.text[range.clone()];
    let leading_zero = m.starts_with("unexpected leading zero");
    let (message, label) = if leading_zero {
        (
            "ett tal kan inte börja med 0".to_owned(),
            "skriv det som text",
        )
    } else {
        (
            format!("texten `{}` står utan citattecken", shown(raw)),
            "citattecken saknas",
        )
    };
    let list = expect == Some(Expect::TextList) && !in_list;
    let with = if list {
        let items: Vec<String> = raw
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(toml_string)
            .collect();
        format!("[{}]", items.join(", "))
    } else {
        toml_string(raw)
    };
    let help = if leading_zero {
        "koder och nummer skrivs som text inom citattecken, t.ex. `\"0780\"`".to_owned()
    } else if list {
        format!("`{key}` är en lista: `{key} = [\"…\", \"…\"]`")
    } else if key.is_empty() || in_list {
        "text skrivs inom citattecken: `\"…\"`".to_owned()
    } else {
        format!("text skrivs inom citattecken: `{key} = \"…\"`")
    };
    Diag::new(range.clone(), message)
        .label(label)
        .help(help)
        .covers(range.clone())
        .edit(range, with)
}

fn date_diag(range: Range<usize>, f: dates::DateFix) -> Diag {
    let mut d = Diag::new(range.clone(), f.message)
        .label("skriv år-månad-dag")
        .help(f.help)
        .covers(range.clone());
    if let Some(fixed) = f.fixed {
        d = d.edit(range, fixed);
    }
    d
}

/// `ja`, `nej` and the like, as `true` or `false`.
fn bool_word(raw: &str) -> Option<&'static str> {
    match crate::text::fold(raw).as_str() {
        "true" | "ja" | "sant" | "yes" => Some("true"),
        "false" | "nej" | "falskt" | "no" => Some("false"),
        _ => None,
    }
}

fn is_bool_case(raw: &str) -> bool {
    matches!(raw.to_ascii_lowercase().as_str(), "true" | "false")
}

fn boolean(range: Range<usize>, raw: &str) -> Diag {
    let d = Diag::new(
        range.clone(),
        format!("`{}` är inget sanningsvärde", shown(raw)),
    )
    .label("skriv `true` eller `false`")
    .help("skriv `true` (ja) eller `false` (nej), med små bokstäver och utan citattecken")
    .covers(range.clone());
    match bool_word(raw) {
        Some(b) => d.edit(range, b),
        None => d,
    }
}

fn integer(range: Range<usize>, raw: &str, key: &str) -> Diag {
    let digits: String = raw
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ' ' || *c == '_')
        .filter(char::is_ascii_digit)
        .collect();
    let number = digits.trim_start_matches('0');
    let number = if number.is_empty() && !digits.is_empty() {
        "0"
    } else {
        number
    };
    let d = Diag::new(range.clone(), format!("`{}` är inget heltal", shown(raw)))
        .label("skriv bara siffror")
        .help(format!(
            "skriv ett heltal med siffror, utan inledande nollor, t.ex. `{key} = 18`"
        ))
        .covers(range.clone());
    if number.is_empty() {
        d
    } else {
        d.edit(range, number)
    }
}

pub(super) fn missing_value(site: &Site<'_>, at: usize) -> Diag {
    let key = key_name(site);
    let example = match expectation(site, at) {
        Some(Expect::Date) => "2026-01-31",
        Some(Expect::TextList) => "[\"…\"]",
        Some(Expect::Integer) => "18",
        Some(Expect::Boolean) => "false",
        Some(Expect::Table) => "{ … }",
        _ => "\"…\"",
    };
    let inside = value_start(site).is_some_and(|s| s < at && site.text[s..at].contains('{'));
    let help = if key.is_empty() || inside {
        format!("skriv ett värde efter `=`, t.ex. {example}")
    } else {
        format!("skriv ett värde efter `=`: `{key} = {example}`")
    };
    Diag::new(at..at, "värdet saknas efter `=`")
        .label("värde saknas")
        .help(help)
}
