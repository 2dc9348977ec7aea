//! The text of a data file as the loader saw it, and where its lines are: a line index built
//! once per file, so that a file with a hundred thousand problems costs a hundred thousand
//! look-ups, not a hundred thousand walks over the file.

mod decode;
mod toml;

pub use decode::{DecodeError, decode};
pub use toml::toml_string;

use std::path::Path;

/// Bytes per checkpoint of the character count: a column costs at most this many bytes to count,
/// however long its line.
const BLOCK: usize = 256;

/// Where the lines of a text start, and how many characters stand before each block of it.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
    /// Characters before byte `i * BLOCK`, for each block.
    chars: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// One walk over the text.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let mut chars = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut seen = 0;
        for block in bytes.chunks(BLOCK) {
            chars.push(seen);
            seen += char_starts(block);
        }
        chars.push(seen);
        LineIndex {
            starts,
            chars,
            len: text.len(),
        }
    }

    /// How many lines the text has (a last line without a line break counts; a text ending in
    /// a line break has no empty line after it).
    pub fn lines(&self) -> usize {
        if self.starts.len() > 1 && self.starts.last() == Some(&self.len) {
            self.starts.len() - 1
        } else {
            self.starts.len()
        }
    }

    /// The 1-based line of a byte offset (an offset past the end is on the last line).
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The byte range of a 1-based line, without its line break (`\n` or `\r\n`).
    pub fn line_range(&self, text: &str, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        if line > self.lines() {
            return None;
        }
        let mut end = self.starts.get(line).map_or(self.len, |next| next - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(start..end)
    }

    /// Characters in `text[..offset]` (the offset moved back to a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let offset = offset.min(self.len);
        let block = offset / BLOCK;
        self.chars[block] + char_starts(&text.as_bytes()[block * BLOCK..offset])
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let column = self.chars_before(text, offset) - self.chars_before(text, start) + 1;
        (line, column)
    }
}

/// How many characters begin in some bytes of UTF-8: every byte that does not continue one.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// A file's text with its line index.
#[derive(Debug, Clone, Default)]
pub struct Source {
    text: String,
    index: LineIndex,
}

impl Source {
    pub fn new(text: String) -> Self {
        let index = LineIndex::new(&text);
        Source { text, index }
    }

    /// The file as the loader saw it: see [`read_text`].
    pub fn read(path: &Path) -> Option<Self> {
        read_text(path).map(Self::new)
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.index.line_col(&self.text, offset)
    }

    /// The byte range of a 1-based line, without its line break.
    pub fn line_range(&self, line: usize) -> Option<std::ops::Range<usize>> {
        self.index.line_range(&self.text, line)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, line: usize) -> Option<&str> {
        self.line_range(line).map(|r| &self.text[r])
    }
}

/// A file's text as the loader saw it (BOM removed; invalid UTF-8 replaced so that positions
/// before the first bad byte are right). `None` for what is not a readable regular file or is
/// UTF-16.
pub fn read_text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    match decode(&bytes) {
        Ok((text, _)) => Some(text.to_owned()),
        Err(DecodeError::NotUtf8 { bom, .. }) => {
            let body = if bom { &bytes[3..] } else { &bytes[..] };
            Some(String::from_utf8_lossy(body).into_owned())
        }
        Err(DecodeError::Utf16) => None,
    }
}

/// 1-based line and column (in characters) of a byte offset, for one look-up; many look-ups in
/// one text go through a [`LineIndex`].
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The obvious way, for comparison.
    fn naive(text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_col("å = \"ö\"", 5), (1, 5));
    }

    #[test]
    fn every_offset_is_where_the_obvious_walk_puts_it() {
        // Lines longer than a block, characters of 1 to 4 bytes across block borders.
        let long: String = "aå€😀".repeat(200);
        let text = format!("å = 1\r\nbb = \"ö\"\n\n{long}\nc = [\n  1,\n]\n{long}");
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                index.line_col(&text, offset),
                naive(&text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn lines_are_found_by_number_without_their_breaks() {
        let s = Source::new("a = 1\r\nb = 2\n\nc".to_owned());
        assert_eq!(s.index().lines(), 4);
        assert_eq!(s.line(1), Some("a = 1"));
        assert_eq!(s.line(2), Some("b = 2"));
        assert_eq!(s.line(3), Some(""));
        assert_eq!(s.line(4), Some("c"));
        assert_eq!(s.line(5), None);
        assert_eq!(s.line(0), None);
        let s = Source::new("a\n".to_owned());
        assert_eq!(
            (s.index().lines(), s.line(1), s.line(2)),
            (1, Some("a"), None)
        );
        let s = Source::new(String::new());
        assert_eq!((s.index().lines(), s.line(1)), (1, Some("")));
    }
}
