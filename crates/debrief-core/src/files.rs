//! Files written whole or not at all: a draft a person edits, or any file Debrief
//! replaces, goes through a temporary file beside it and a rename, so a crash, a full
//! disk or a killed process leaves either the old file or the new one, never half.

use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `content`: written to `.NAME.debrief-tmp` in the same directory,
/// flushed to disk, then renamed over `path`. On failure `path` is unchanged and the
/// temporary file is removed.
pub fn write_atomically(path: &Path, content: &[u8]) -> io::Result<()> {
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, format!("{} is not a file name", path.display())))?;
    let temporary = path.with_file_name(format!(".{}.debrief-tmp", file_name.to_string_lossy()));
    let written = std::fs::File::create(&temporary)
        .and_then(|mut file| file.write_all(content).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        // Best effort: the error that matters is the one returned.
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_leaves_no_temporary_file() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("draft.md");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|entry| entry.unwrap().file_name()).collect();
        assert_eq!(names, ["draft.md"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("missing-folder").join("draft.md");
        assert!(write_atomically(&path, b"new").is_err());
        assert!(write_atomically(Path::new("/"), b"new").is_err(), "a path without a file name");
        // Renaming over a directory fails after the temporary file was written: it is cleaned up.
        let folder = dir.path().join("folder");
        std::fs::create_dir(folder.join("").as_path()).unwrap();
        std::fs::write(folder.join("inside"), "kept").unwrap();
        assert!(write_atomically(&folder, b"new").is_err());
        assert_eq!(std::fs::read_to_string(folder.join("inside")).unwrap(), "kept");
        assert!(!dir.path().join(".folder.debrief-tmp").exists());
    }
}
