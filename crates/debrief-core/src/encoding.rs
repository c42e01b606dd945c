//! Text a person saved in another encoding than UTF-8, read as what it says. Windows
//! PowerShell 5 writes files as UTF-16 with a byte order mark by default (`Out-File`, `>`),
//! and so do some Windows editors: a post-mortem saved that way is text, not the binary file
//! its NUL bytes make it look like.

/// The text of `bytes` saved as UTF-16 with its byte order mark, little- or big-endian;
/// `None` when they are not that (no mark, an odd length, unpaired surrogates, or NULs, as
/// UTF-32's mark, which starts like UTF-16's, decodes to).
pub fn utf16_text(bytes: &[u8]) -> Option<String> {
    let little_endian = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = &bytes[2..];
    if !units.len().is_multiple_of(2) {
        return None;
    }
    let units = units.chunks_exact(2).map(|pair| match little_endian {
        true => u16::from_le_bytes([pair[0], pair[1]]),
        false => u16::from_be_bytes([pair[0], pair[1]]),
    });
    let text: String = char::decode_utf16(units).collect::<Result<_, _>>().ok()?;
    (!text.contains('\0')).then_some(text)
}

/// The text of a file a person saved: UTF-16 with its mark, else UTF-8; else the offset of the
/// first byte that is not UTF-8.
pub fn saved_text(bytes: Vec<u8>) -> Result<String, usize> {
    match utf16_text(&bytes) {
        Some(text) => Ok(text),
        None => String::from_utf8(bytes).map_err(|error| error.utf8_error().valid_up_to()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_its_mark_is_text_and_other_bytes_are_not() {
        let text = "# Störung\n\n障害 at 14:02\n";
        let little: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let big: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(utf16_text(&little).as_deref(), Some(text));
        assert_eq!(utf16_text(&big).as_deref(), Some(text));
        assert_eq!(utf16_text(text.as_bytes()), None, "UTF-8");
        assert_eq!(utf16_text(&little[..little.len() - 1]), None, "an odd length");
        assert_eq!(utf16_text(&[0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]), None, "UTF-32");
        assert_eq!(utf16_text(&[0xFF, 0xFE, 0x00, 0xD8]), None, "an unpaired surrogate");
    }
}
