//! The report templates' escapers, chosen by askama from a template's extension (see
//! `askama.toml`): `.html` templates write every value as HTML text (`&`, `<`, `>`, `"`, `'`
//! as entities, safe in element content and quoted attribute values); `.md` templates write
//! every value as one line of literal Markdown text
//! ([`crate::render::escape::markdown::text`]). Output that is already safe (Markdown from
//! the data, made safe by [`crate::render::sanitize`]; a link) is marked `|safe` where the
//! template writes it.

use std::fmt;

/// HTML text and attribute values.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: fmt::Write>(&self, dest: W, s: &str) -> fmt::Result {
        crate::render::escape::html::write_esc(dest, s)
    }
}

/// Markdown: a value on one line, shown literally.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown;

impl askama::filters::Escaper for Markdown {
    fn write_escaped_str<W: fmt::Write>(&self, mut dest: W, s: &str) -> fmt::Result {
        dest.write_str(&crate::render::escape::markdown::text(s))
    }
}
