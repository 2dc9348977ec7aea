//! Bytes to text: UTF-8 with or without a BOM; UTF-16 and invalid UTF-8 are named, not guessed.

/// Decodes a file's bytes: strips a UTF-8 BOM, rejects UTF-16 and invalid UTF-8. Returns the
/// text and whether a BOM was removed; the same function serves loading and error excerpts.
pub fn decode(bytes: &[u8]) -> Result<(&str, bool), DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError::Utf16);
    }
    let (bytes, bom) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text, bom)),
        Err(e) => Err(DecodeError::NotUtf8 {
            offset: e.valid_up_to(),
            bom,
        }),
    }
}

/// Why a file's bytes are not text we can read.
#[derive(Debug, Clone, Copy)]
pub enum DecodeError {
    Utf16,
    NotUtf8 { offset: usize, bom: bool },
}
