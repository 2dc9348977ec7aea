//! The common mistakes, each with its diagnosis: a key-value line without a value, an unclosed
//! bracket, text after a value, a broken string, a control character, a stray backslash. The
//! case is chosen in `fix`; these say it in Swedish and offer the edit.

use super::fix::{Diag, Site, content_end, shown, value_start};
use super::split::{self, StmtKind};
use super::values::missing_value;
use crate::checks::shape::expects;
use crate::source::toml_string;

/// A key-value line without `=`, or with spaces in its key.
pub(super) fn no_value(site: &Site<'_>, at: usize) -> Diag {
    let stmt = site.stmt;
    let text = site.text;
    let Some(first) = stmt.keys.first() else {
        return Diag::new(at..at, "raden har inget `=`")
            .help("skriv `nyckel = värde` på varje rad; en kommentar börjar med `#`");
    };
    if let Some(eq) = stmt.eq {
        // `na mn = …`: the key has a gap.
        let written = text[first.span.start..eq].trim_end();
        let parts: Vec<&str> = written.split_whitespace().collect();
        let mut table: Vec<&str> = site.table.iter().map(String::as_str).collect();
        let joined = parts.concat();
        let snake = parts.join("_");
        table.push(&joined);
        let fixed = if expects(site.kind, &table).is_some() {
            joined.clone()
        } else {
            snake
        };
        let range = first.span.start..first.span.start + written.len();
        return Diag::new(
            range.clone(),
            format!("nyckeln `{}` har mellanrum", shown(written)),
        )
        .label("mellanrum i nyckeln")
        .help("nycklar skrivs utan mellanrum, med `_` mellan orden")
        .covers(range.clone())
        .edit(range, fixed);
    }
    let key = &text[first.span.clone()];
    let rest_start = first.span.end;
    let rest_end = content_end(site, rest_start).max(rest_start);
    let rest = text[rest_start..rest_end].trim();
    if rest.is_empty() {
        if matches!(text.as_bytes().get(first.span.start), Some(b'"' | b'\''))
            && stmt.keys.len() == 1
        {
            return Diag::new(
                first.span.clone(),
                format!("`{}` står ensamt på raden, utan nyckel", shown(key)),
            )
            .help("skriv `nyckel = värde`, t.ex. `namn = \"…\"`");
        }
        return Diag::new(
            first.span.clone(),
            format!("nyckeln `{}` har inget `=` och inget värde", shown(key)),
        )
        .help(format!("skriv `{} = värde`", shown(key)));
    }
    let value_ok = toml::de::DeTable::parse(&format!("x = {rest}")).is_ok();
    let with = if value_ok {
        format!(" = {rest}")
    } else {
        format!(" = {}", toml_string(rest))
    };
    Diag::new(at..at, format!("`=` saknas efter nyckeln `{}`", shown(key)))
        .label("`=` saknas")
        .help(format!("skriv `{} = värde`", shown(key)))
        .covers(rest_start..rest_end)
        .edit(rest_start..rest_end, with)
}

/// An unclosed list or table: on one line the closing bracket is added; over several, the
/// opening one is shown.
pub(super) fn unclosed(site: &Site<'_>, at: usize, open: char, close: char, what: &str) -> Diag {
    let stmt = &site.stmt.span;
    let message = format!("{what} avslutas inte med `{close}`");
    let body = &site.text[stmt.clone()];
    if !body.contains('\n') {
        let pos = content_end(site, stmt.start).max(site.text[..at].trim_end().len().min(stmt.end));
        // `{ a = 1 }` is written with spaces inside, `["a"]` without.
        let spaced = close == '}' && body[body.find(open).map_or(0, |i| i + 1)..].starts_with(' ');
        let with = if spaced {
            format!(" {close}")
        } else {
            close.to_string()
        };
        return Diag::new(pos..pos, message)
            .label(format!("`{close}` saknas"))
            .edit(pos..pos, with);
    }
    let from = site.stmt.eq.map_or(stmt.start, |e| e + 1);
    let opening = site.text[from..stmt.end]
        .find(open)
        .map_or(stmt.start, |i| from + i);
    Diag::new(opening..opening + 1, message)
        .label(format!("{what} börjar här"))
        .help(format!("avsluta {what} med `{close}`"))
}

/// After a whole value, more: a decimal comma, two pairs on one line, quotes inside a text.
pub(super) fn after_value(site: &Site<'_>, at: usize) -> Diag {
    let text = site.text;
    let stmt = site.stmt;
    let rest = &text[at..content_end(site, at).max(at)];
    let rest_trim = rest.trim_start();
    let pos = at + (rest.len() - rest_trim.len());
    if matches!(stmt.kind, StmtKind::Table | StmtKind::ArrayTable) {
        if rest_trim.starts_with(']') {
            return Diag::new(pos..pos + 1, "en `]` för mycket efter tabellrubriken")
                .label("ta bort")
                .edit(pos..pos + 1, "");
        }
        return Diag::new(pos..pos, "text efter tabellrubriken")
            .label("här")
            .help("en tabellrubrik står ensam på sin rad; skriv nycklarna på raderna under");
    }
    // (An error before the `=` has no value before it.)
    let start = value_start(site).filter(|&s| s <= at).unwrap_or(at);
    let value = text[start..at].trim_end();
    if let Some(after) = rest_trim.strip_prefix(',') {
        let decimals = after.bytes().take_while(u8::is_ascii_digit).count();
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) && decimals > 0 {
            return Diag::new(
                start..pos + 1 + decimals,
                "decimaltal skrivs med punkt, inte med komma",
            )
            .label("skriv `.`")
            .edit(pos..pos + 1, ".");
        }
        if split::looks_like_keyval(after) {
            return Diag::new(pos..pos + 1, "två nycklar på samma rad")
                .label("ny rad här")
                .help("skriv varje `nyckel = värde` på en egen rad");
        }
        let end = content_end(site, start);
        let items: Vec<String> = text[start..end]
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|item| {
                if toml::de::DeTable::parse(&format!("x = {item}")).is_ok() {
                    item.to_owned()
                } else {
                    toml_string(item)
                }
            })
            .collect();
        return Diag::new(start..end, "flera värden utan hakparenteser")
            .label("hakparenteser saknas")
            .help("en lista skrivs `[\"a\", \"b\"]`")
            .covers(start..end)
            .edit(start..end, format!("[{}]", items.join(", ")));
    }
    let end = content_end(site, start);
    let whole = &text[start..end];
    let between = text.get(at..end.saturating_sub(1)).unwrap_or_default();
    if whole.len() >= 3
        && whole.starts_with('"')
        && whole.ends_with('"')
        && !between.contains(['=', ','])
    {
        let inner = &whole[1..whole.len() - 1];
        let mut fixed = String::from("\"");
        let mut escaped = false;
        for c in inner.chars() {
            if c == '"' && !escaped {
                fixed.push('\\');
            }
            escaped = c == '\\' && !escaped;
            fixed.push(c);
        }
        fixed.push('"');
        return Diag::new(pos..pos, "ett citattecken inne i texten avslutar den")
            .label("texten slutar här")
            .help("skriv `\\\"` för ett citattecken inne i en text, eller skriv texten inom `'…'`")
            .covers(start..end)
            .edit(start..end, fixed);
    }
    Diag::new(pos..pos, "oväntad text efter värdet")
        .label("här")
        .help("bara en nyckel och ett värde per rad; en kommentar börjar med `#`")
}

pub(super) fn string(site: &Site<'_>, m: &str, at: usize, quote: char) -> Diag {
    let text = site.text;
    if m.contains(&format!("expected `{quote}`")) {
        if text[..at].trim_end().ends_with('=') {
            return missing_value(site, at);
        }
        return Diag::new(at..at, format!("texten avslutas inte: `{quote}` saknas i slutet"))
            .label(format!("`{quote}` saknas"))
            .help(format!(
                "en text på en rad avslutas med `{quote}` på samma rad; en text över flera rader skrivs inom `\"\"\"`"
            ))
            .edit(at..at, quote.to_string());
    }
    control(text, at, "texten")
}

/// A control character (other than tab) where none may stand.
pub(super) fn control(text: &str, at: usize, place: &str) -> Diag {
    let end = at
        + text
            .get(at..)
            .and_then(|r| r.chars().next())
            .map_or(0, char::len_utf8);
    Diag::new(at..end, format!("otillåtet styrtecken i {place}"))
        .label("osynligt tecken")
        .help("ta bort tecknet; en tabb i en text skrivs `\\t`")
        .edit(at..end, "")
}

/// A backslash that starts no escape (`C:\Users`).
pub(super) fn backslash(site: &Site<'_>, at: usize) -> Diag {
    let line_start = site.text[..at].rfind('\n').map_or(0, |i| i + 1);
    let Some(slash) = site.text[line_start..at]
        .rfind('\\')
        .map(|i| line_start + i)
    else {
        return Diag::new(at..at, "ogiltigt tecken efter `\\`")
            .help("i en text inom `\"…\"` skrivs ett bakstreck `\\\\`");
    };
    Diag::new(
        slash..at.max(slash + 1),
        "ett bakstreck i en text skrivs dubbelt",
    )
    .label("skriv `\\\\`")
    .help("i en text inom `\"…\"` skrivs ett bakstreck `\\\\`; eller skriv texten inom `'…'`")
    .edit(slash..slash, "\\")
}
