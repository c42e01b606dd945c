//! Reading what people point Debrief at (a post-mortem, a template, standard input),
//! never more than a limit: a mistaken path to a device, a 2 GB log or a pipe that
//! never ends is refused once the limit is passed, before it fills memory.

use std::io::Read;
use std::path::Path;

/// What a bounded read found.
pub enum Bounded {
    Read(Vec<u8>),
    /// There was more than the limit (a file's size is checked before anything is read).
    TooLarge,
}

/// Reads at most `limit` bytes from `reader`.
pub fn read_at_most(reader: impl Read, limit: u64) -> std::io::Result<Bounded> {
    let mut bytes = Vec::new();
    reader.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(if bytes.len() as u64 > limit { Bounded::TooLarge } else { Bounded::Read(bytes) })
}

/// Reads the file at `path` if it holds at most `limit` bytes.
pub fn read_file_at_most(path: &Path, limit: u64) -> std::io::Result<Bounded> {
    let file = std::fs::File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a directory"));
    }
    if metadata.is_file() && metadata.len() > limit {
        return Ok(Bounded::TooLarge);
    }
    read_at_most(file, limit)
}

/// `8 MiB`: a limit as people read it.
pub fn size_words(bytes: u64) -> String {
    match bytes {
        bytes if bytes >= 1024 * 1024 => format!("{} MiB", bytes / (1024 * 1024)),
        bytes if bytes >= 1024 => format!("{} KiB", bytes / 1024),
        bytes => format!("{bytes} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_source_stops_at_the_limit() {
        assert!(matches!(read_at_most(std::io::repeat(0), 1024).unwrap(), Bounded::TooLarge));
        assert!(matches!(read_at_most(&b"short"[..], 1024).unwrap(), Bounded::Read(bytes) if bytes == b"short"));
        assert!(matches!(read_file_at_most(Path::new("/dev/zero"), 4096).unwrap(), Bounded::TooLarge));
        assert_eq!(size_words(8 * 1024 * 1024), "8 MiB");
    }
}
