//! The one place for text folding and "did you mean": search, validation and the CLI all
//! compare user-typed words through [`fold`] and look up vocabulary values through [`Lexicon`]
//! (in `lexicon`); typo distances are in `distance`, Swedish counts and lists in [`words`].

mod distance;
mod lexicon;
pub mod words;

pub use distance::{edit_distance, typo_distance, typo_limit};
pub use lexicon::{Folded, Found, Lexicon, Resolution, Taken, Term, closest_str};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A character that must never reach a terminal as itself: the C0 controls, DEL, the C1
/// controls (U+0080–U+009F), and the bidi embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069). Tab and newline are controls too; the escapers decide what they become.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): the
/// characters that reorder the text after them (Trojan Source, `gnp.exe`).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Folds case and diacritics: `Samtalsstöd`, `samtalsstod` and `SAMTALSSTÖD` fold to the same
/// string. Runs of whitespace become one space; leading and trailing space is dropped.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Text in Unicode normal form C (composed: `ö` as one character).
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// How well one word of a free-text query matches a text: `Some(100)` when the folded text
/// contains it, `Some(60)` when a word of the text (or its beginning) is a typo away;
/// `None` otherwise.
pub fn word_score(word: &str, text: &str) -> Option<u32> {
    let w = fold(word);
    let t = fold(text);
    if w.is_empty() {
        return None;
    }
    if t.contains(&w) {
        return Some(100);
    }
    let wlen = w.chars().count();
    if wlen >= 4 {
        let limit = if wlen >= 8 { 2 } else { 1 };
        let typo = t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|tok| !tok.is_empty())
            .any(|tok| {
                let prefix: String = tok.chars().take(wlen).collect();
                edit_distance(&w, tok) <= limit
                    || (wlen >= 7 && tok.chars().count() > wlen && edit_distance(&w, &prefix) <= 1)
            });
        if typo {
            return Some(60);
        }
    }
    None
}

/// Makes a valid id from any text: `Röda Korset Växjö` → `roda-korset-vaxjo`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The naming rule for ids: `^[a-z0-9]+(-[a-z0-9]+)*$`.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests;
