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
    let bytes = match read_in_halves(&file, metadata.len()) {
        Some(bytes) => bytes,
        None => {
            let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0).saturating_add(1));
            file.take(MAX_SOURCE_BYTES + 1).read_to_end(&mut bytes).map_err(read_error)?;
            bytes
        }
    };
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(LintError::TooLarge { name, size: bytes.len() as u64 });
    }
    decode(bytes, &name)
}

/// Files at least this large are read by two threads at once.
const READ_IN_HALVES_BYTES: u64 = 4 * 1024 * 1024;

/// A large file read by two threads, each into its half of the buffer: copying
/// from the page cache into fresh memory is most of the time reading takes, and
/// it is spread over two cores. `None` when the file is small, is not exactly
/// `size` bytes long any more, or cannot be read this way: the caller reads it
/// the ordinary way, which also reports any error.
#[cfg(unix)]
fn read_in_halves(file: &std::fs::File, size: u64) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    if !(READ_IN_HALVES_BYTES..=MAX_SOURCE_BYTES).contains(&size) {
        return None;
    }
    let mut bytes = vec![0; usize::try_from(size).ok()?];
    ask_for_huge_pages(&mut bytes);
    let half = bytes.len() / 2;
    let (first, second) = bytes.split_at_mut(half);
    let second_offset = first.len() as u64;
    let read = std::thread::scope(|scope| {
        let second_half = scope.spawn(|| file.read_exact_at(second, second_offset));
        let first_half = file.read_exact_at(first, 0);
        second_half.join().is_ok_and(|read| read.is_ok()) && first_half.is_ok()
    });
    // A file that grew after its size was taken is read again, whole.
    let grew = file.read_at(&mut [0], size).map_or(true, |count| count > 0);
    (read && !grew).then_some(bytes)
}

/// Asks Linux to back `buffer` with 2 MiB pages where it can: filling a fresh buffer of
/// many megabytes otherwise takes one page fault per 4 KiB, a tenth of checking the file.
#[cfg(target_os = "linux")]
fn ask_for_huge_pages(buffer: &mut [u8]) {
    const HUGE_PAGE: usize = 2 * 1024 * 1024;
    let start = buffer.as_mut_ptr() as usize;
    let first = start.next_multiple_of(HUGE_PAGE);
    let end = (start + buffer.len()) / HUGE_PAGE * HUGE_PAGE;
    if end > first {
        // SAFETY: [first, end) lies inside `buffer`, which this function borrows mutably, and
        // MADV_HUGEPAGE only changes how the kernel backs those pages, never their contents.
        // The advice can be refused (huge pages off); the buffer then works as before.
        unsafe { libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE) };
    }
}

#[cfg(all(unix, not(target_os = "linux")))]
fn ask_for_huge_pages(_buffer: &mut [u8]) {}

#[cfg(not(unix))]
fn read_in_halves(_file: &std::fs::File, _size: u64) -> Option<Vec<u8>> {
    None
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
    fn large_files_read_in_halves_read_back_exactly() -> Result<(), Box<dyn std::error::Error>> {
        let directory = tempfile::tempdir()?;
        let path = directory.path().join("large.md");
        // Lines of 19 bytes, a few more than the size that is read in halves.
        let text: String = (0..READ_IN_HALVES_BYTES / 16).map(|line| format!("line {line:>13}\n")).collect();
        std::fs::write(&path, &text)?;
        assert_eq!(read_source(&path)?, text);
        Ok(())
    }

    #[test]
    fn oversized_streams_are_refused_without_reading_everything() {
        let endless = std::io::repeat(b'a');
        let error = read_stream(endless, "-").unwrap_err();
        assert!(matches!(error, LintError::TooLarge { .. }), "{error}");
    }
}
