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

/// A document's text: read into memory, or mapped from the page cache when the file
/// is large. Either way it is checked UTF-8 and reads as a `str`.
pub struct Source(Text);

enum Text {
    Read(String),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for Source {
    type Target = str;

    fn deref(&self) -> &str {
        match &self.0 {
            Text::Read(text) => text,
            // SAFETY: the mapping was checked to be UTF-8 when the Source was made (read_source).
            // A mapping is only made for files of MAP_FROM_BYTES or more, which no write-up
            // reaches; if another program rewrote such a file while it is checked, the text read
            // here could change under the checker, the risk ripgrep also takes with large files.
            Text::Mapped(map) => unsafe { std::str::from_utf8_unchecked(map) },
        }
    }
}

/// Its size and how it is held, not the text itself, which can be many megabytes.
impl std::fmt::Debug for Source {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let held = match self.0 {
            Text::Read(_) => "read",
            Text::Mapped(_) => "mapped",
        };
        formatter.debug_struct("Source").field("bytes", &self.len()).field("held", &held).finish()
    }
}

/// Files at least this large are mapped rather than read: copying many megabytes into
/// fresh memory makes the kernel zero every page first, which took a fifth of the time
/// of checking a 20 MB file on one core.
const MAP_FROM_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a Markdown file, or says why it cannot be checked.
pub fn read_source(path: &Path) -> Result<Source, LintError> {
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
    if metadata.is_file() && metadata.len() >= MAP_FROM_BYTES {
        // SAFETY: the mapping is read-only and is only read as bytes until check_text has
        // found it to be UTF-8; see Source::deref for a file rewritten while it is checked.
        // A file that cannot be mapped is read the ordinary way below.
        if let Ok(map) = unsafe { memmap2::Mmap::map(&file) } {
            check_text(&map, &name)?;
            return Ok(Source(Text::Mapped(map)));
        }
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0).saturating_add(1));
    file.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(LintError::TooLarge { name, size: bytes.len() as u64 });
    }
    decode(bytes, &name).map(|text| Source(Text::Read(text)))
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

/// Text from bytes (UTF-8, or UTF-16 with its byte order mark), refusing binary data and
/// invalid UTF-8.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<String, LintError> {
    if let Some(text) = crate::encoding::utf16_text(&bytes) {
        return Ok(text);
    }
    refuse_binary(&bytes, name)?;
    String::from_utf8(bytes).map_err(|error| not_utf8(error.as_bytes(), error.utf8_error(), name))
}

/// Refuses binary data and invalid UTF-8 in bytes that stay where they are (a mapped file).
fn check_text(bytes: &[u8], name: &str) -> Result<(), LintError> {
    refuse_binary(bytes, name)?;
    std::str::from_utf8(bytes).map(|_| ()).map_err(|error| not_utf8(bytes, error, name))
}

fn refuse_binary(bytes: &[u8], name: &str) -> Result<(), LintError> {
    match bytes[..bytes.len().min(BINARY_PROBE_BYTES)].contains(&0) {
        true => Err(LintError::Binary { name: name.to_string() }),
        false => Ok(()),
    }
}

/// Where the first byte that is not UTF-8 is, as a line and a column of characters.
fn not_utf8(bytes: &[u8], error: std::str::Utf8Error, name: &str) -> LintError {
    let valid = &bytes[..error.valid_up_to()];
    let line = valid.iter().filter(|&&byte| byte == b'\n').count() + 1;
    let line_start = valid.iter().rposition(|&byte| byte == b'\n').map_or(0, |index| index + 1);
    let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
    LintError::NotUtf8 { name: name.to_string(), line, column }
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
    fn large_files_are_mapped_and_read_back_exactly() -> Result<(), Box<dyn std::error::Error>> {
        let directory = tempfile::tempdir()?;
        let path = directory.path().join("large.md");
        // Lines of 19 bytes, a few more than the size that is mapped.
        let text: String = (0..MAP_FROM_BYTES / 16).map(|line| format!("line {line:>13}\n")).collect();
        std::fs::write(&path, &text)?;
        let source = read_source(&path)?;
        assert!(matches!(source.0, Text::Mapped(_)));
        assert_eq!(&*source, text);
        Ok(())
    }

    #[test]
    fn large_files_that_are_not_text_are_refused() -> Result<(), Box<dyn std::error::Error>> {
        let directory = tempfile::tempdir()?;
        let path = directory.path().join("large.md");
        let mut bytes = vec![b'a'; MAP_FROM_BYTES as usize];
        bytes.extend_from_slice(b"\ncaf\xe9\n");
        std::fs::write(&path, &bytes)?;
        let error = read_source(&path).unwrap_err();
        assert!(error.to_string().contains("line 2, column 4"), "{error}");
        Ok(())
    }

    #[test]
    fn oversized_streams_are_refused_without_reading_everything() {
        let endless = std::io::repeat(b'a');
        let error = read_stream(endless, "-").unwrap_err();
        assert!(matches!(error, LintError::TooLarge { .. }), "{error}");
    }
}
