//! HTML: text for element content and quoted attribute values. The report's templates write
//! every value through it (askama's escaper for `.html`, `render::report::escape`), and
//! Markdown from the data becomes HTML in `render::sanitize` (pulldown-cmark escapes its text).

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = write_esc(&mut out, s);
    out
}

/// [`esc`], written to `dest`: what is safe is written as it is, in one piece.
pub fn write_esc(mut dest: impl std::fmt::Write, s: &str) -> std::fmt::Result {
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        dest.write_str(&s[from..i])?;
        dest.write_str(entity)?;
        from = i + 1;
    }
    dest.write_str(&s[from..])
}
