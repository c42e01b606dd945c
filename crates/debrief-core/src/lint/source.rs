//! Reading a document to check, refusing what is not a Markdown text: files too
//! large to be a write-up, binary files, and text that is not UTF-8. Each is a
//! clear error for that one file; the caller goes on with the others.

use std::io::Read;
use std::path::Path;

use super::LintError;

/// Larger than any write-up; a bigger file is refused without being read into memory.
pub const MAX_SOURCE_BYTES: u64 = 32 * 1024 * 1024;

/// How much of the start of a file is searched for NUL bytes, as git does to spot binaries.
const BINARY_PROBE_BYTES: usize = 8000;

/// Reads a Markdown file, or says why it cannot be checked.
pub fn read_source(path: &Path) -> Result<String, LintError> {
    let name = path.display().to_string();
    let read_error = |source| LintError::Read { name: name.clone(), source };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let metadata = file.metadata().map_err(read_error)?;
    if metadata.is_dir() {
        return Err(read_error(std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a directory")));
    }
    if metadata.len() > MAX_SOURCE_BYTES {
        return Err(LintError::TooLarge { name, size: metadata.len() });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0).saturating_add(1));
    file.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(LintError::TooLarge { name, size: bytes.len() as u64 });
    }
    decode(bytes, &name)
}

/// Reads a document from a stream (standard input), up to the size limit.
pub fn read_stream(stream: impl Read, name: &str) -> Result<String, LintError> {
    let mut bytes = Vec::new();
    // One byte more than the limit tells a stream that is too large from one that is exactly full.
    stream
        .take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| LintError::Read { name: name.to_string(), source })?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(LintError::TooLarge { name: name.to_string(), size: bytes.len() as u64 });
    }
    decode(bytes, name)
}

/// Text from bytes, refusing binary data and invalid UTF-8.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, LintError> {
    if bytes[..bytes.len().min(BINARY_PROBE_BYTES)].contains(&0) {
        return Err(LintError::Binary { name: name.to_string() });
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&byte| byte == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&byte| byte == b'\n').map_or(0, |index| index + 1);
        let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
        LintError::NotUtf8 { name: name.to_string(), line, column }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_invalid_text_are_refused() {
        let binary = decode(b"PK\x03\x04\x00\x00".to_vec(), "x.zip").unwrap_err();
        assert!(binary.to_string().contains("binary"), "{binary}");
        let latin1 = decode(b"# Title\ncaf\xe9".to_vec(), "x.md").unwrap_err();
        assert!(latin1.to_string().contains("line 2, column 4"), "{latin1}");
        assert_eq!(decode(b"ok".to_vec(), "x.md").expect("text"), "ok");
    }

    #[test]
    fn oversized_streams_are_refused_without_reading_everything() {
        let endless = std::io::repeat(b'a');
        let error = read_stream(endless, "-").unwrap_err();
        assert!(matches!(error, LintError::TooLarge { .. }), "{error}");
    }
}
