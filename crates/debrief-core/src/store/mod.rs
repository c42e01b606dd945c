//! The local store: one SQLite database in the data directory.
//!
//! Durability is the point of this module. The database runs in WAL mode with
//! `synchronous = FULL`, so every commit fsyncs the write-ahead log before it
//! returns: a line is acknowledged only once it would survive kill -9 or a
//! power cut. Writes take the write lock up front (`BEGIN IMMEDIATE`) so the
//! desktop app and the CLI can write to the same database at once.

mod actions;
mod details;
mod drafts;
mod editing;
mod entries;
mod factors;
mod imports;
mod incidents;
mod live;
mod publications;
mod schema;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset, SubsecRound};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension};

use crate::{Error, Result};

pub use actions::{ActionChange, NewActionItem};
pub use details::{IncidentFacts, IncidentUpdate};
pub use drafts::{ImportReport, TemplateChoice};
pub use editing::{BodyWarning, EditableDraft};
pub use entries::{EntryChange, MAX_ENTRY_BYTES, NewEntry, TimelinePage};
pub use factors::{FactorChange, NewFactor};
pub use imports::AddedLines;
pub use incidents::{IncidentUse, NewIncident};
pub use live::{Applied, LiveEvent, LiveResponder, Responder};
pub use publications::Publication;

pub const DATABASE_FILE: &str = "debrief.sqlite3";

/// How long a write waits for another Debrief process holding the write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Store {
    conn: Connection,
    context: StoreContext,
}

/// What an error needs to know to explain itself: which database it was.
struct StoreContext {
    path: PathBuf,
}

impl StoreContext {
    /// Turns an SQLite failure into the error a person can act on.
    fn error(&self, action: &'static str, source: rusqlite::Error) -> Error {
        let path = self.path.clone();
        match source.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => Error::DiskFull { path },
            // SQLite reports a full disk met while growing its shared-memory or log files as I/O.
            Some(ErrorCode::SystemIoFailure) if disk_is_full(&path) => Error::DiskFull { path },
            Some(ErrorCode::ReadOnly) => Error::ReadOnly { path },
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                Error::Corrupt { path, detail: source.to_string() }
            }
            _ => Error::Database { action, path, source },
        }
    }

    /// A value in the database that Debrief itself could not have written.
    fn unreadable(&self, what: String) -> Error {
        Error::Corrupt { path: self.path.clone(), detail: what }
    }
}

impl Store {
    /// Opens (or creates) the database in `data_dir`, refusing one that is damaged,
    /// foreign or newer than this binary without writing to it.
    pub fn open(data_dir: &Path) -> Result<Store> {
        std::fs::create_dir_all(data_dir).map_err(|source| data_dir_error(data_dir, source))?;
        let context = StoreContext { path: data_dir.join(DATABASE_FILE) };
        match Store::open_database(&context) {
            Ok(conn) => Ok(Store { conn, context }),
            // SQLite reports a read-only directory as "unable to open" at whichever step first
            // needs to write; say what it really is.
            Err(Error::Database { .. }) if !is_writable_dir(data_dir) => {
                Err(Error::ReadOnly { path: data_dir.to_path_buf() })
            }
            Err(error) => Err(error),
        }
    }

    /// Opens the database only to read it: nothing is written and no lock is waited for, so a
    /// list or a timeline answers while another process writes. A database that is missing or
    /// older than this binary is opened as [`Store::open`] does (created, or migrated).
    pub fn open_for_reading(data_dir: &Path) -> Result<Store> {
        let context = StoreContext { path: data_dir.join(DATABASE_FILE) };
        if !context.path.exists() {
            return Store::open(data_dir);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&context.path, flags)
            .map_err(|source| context.error("opening the database", source))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|source| context.error("opening the database", source))?;
        if schema::check_compatible(&conn, &context)? < schema::LATEST_VERSION {
            drop(conn);
            return Store::open(data_dir);
        }
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|source| context.error("configuring the database", source))?;
        Ok(Store { conn, context })
    }

    fn open_database(context: &StoreContext) -> Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(&context.path, flags)
            .map_err(|source| context.error("opening the database", source))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|source| context.error("opening the database", source))?;
        let version = schema::check_compatible(&conn, context)?;
        if conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) {
            return Err(Error::ReadOnly { path: context.path.clone() });
        }
        // Migrate before anything else is written, so a migration that fails leaves the file as it was.
        if version < schema::LATEST_VERSION {
            schema::migrate(&mut conn, context)?;
        }
        switch_to_write_ahead_logging(&conn, context)?;
        for (pragma, value) in [("synchronous", "FULL"), ("foreign_keys", "ON")] {
            conn.pragma_update(None, pragma, value)
                .map_err(|source| context.error("configuring the database", source))?;
        }
        Ok(conn)
    }

    /// The database file this store writes to.
    pub fn path(&self) -> &Path {
        &self.context.path
    }
}

/// Switches a new database to write-ahead logging. That takes the database's exclusive lock:
/// only a new database needs it, so opening one in use never waits on its writers. Several
/// first starts at once all hold a shared lock while each asks for the exclusive one, and SQLite
/// answers "busy" at once rather than wait (waiting could deadlock): so the switch is tried again
/// after a short, varied pause, until one start has made it or the busy timeout has passed.
fn switch_to_write_ahead_logging(conn: &Connection, context: &StoreContext) -> Result<()> {
    let started = std::time::Instant::now();
    let mut attempt: u64 = 0;
    loop {
        let journal_mode: String = conn
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .map_err(|source| context.error("reading the journal mode", source))?;
        if journal_mode.eq_ignore_ascii_case("wal") {
            return Ok(());
        }
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0)) {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            Ok(_) => return Err(Error::ReadOnly { path: context.path.clone() }),
            Err(rusqlite::Error::SqliteFailure(failure, _))
                if failure.code == ErrorCode::DatabaseBusy && started.elapsed() < BUSY_TIMEOUT =>
            {
                let pause = 5 + (u64::from(std::process::id()) + attempt * 7) % 20;
                std::thread::sleep(Duration::from_millis(pause));
                attempt += 1;
            }
            Err(source) => return Err(context.error("switching to write-ahead logging", source)),
        }
    }
}

fn ensure_incident(tx: &Connection, context: &StoreContext, incident: &str) -> Result<()> {
    tx.query_row("SELECT 1 FROM incidents WHERE id = ?1", [incident], |_| Ok(()))
        .optional()
        .map_err(|source| context.error("finding the incident", source))?
        .ok_or_else(|| Error::IncidentNotFound(incident.to_string()))
}

/// Whether the file system holding `path` has (almost) no space left.
fn disk_is_full(path: &Path) -> bool {
    const NEARLY_NOTHING: u64 = 64 * 1024;
    let directory = path.parent().unwrap_or(path);
    available_bytes(directory).is_some_and(|available| available < NEARLY_NOTHING)
}

#[cfg(unix)]
fn available_bytes(directory: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(directory.as_os_str().as_bytes()).ok()?;
    let mut stats = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `path` is a valid NUL-terminated string and `stats` is written by statvfs before it is read.
    let stats = unsafe {
        if libc::statvfs(path.as_ptr(), stats.as_mut_ptr()) != 0 {
            return None;
        }
        stats.assume_init()
    };
    // Both are narrower than u64 on some platforms.
    #[allow(clippy::useless_conversion)]
    let (blocks, block_size) = (u64::from(stats.f_bavail), u64::from(stats.f_frsize));
    Some(blocks.saturating_mul(block_size))
}

#[cfg(not(unix))]
fn available_bytes(_directory: &Path) -> Option<u64> {
    None
}

fn data_dir_error(dir: &Path, source: std::io::Error) -> Error {
    if source.kind() == std::io::ErrorKind::ReadOnlyFilesystem {
        Error::ReadOnly { path: dir.to_path_buf() }
    } else {
        Error::DataDir { path: dir.to_path_buf(), source }
    }
}

/// Whether a file could be created in `dir`: the only honest test, since root ignores mode bits.
fn is_writable_dir(dir: &Path) -> bool {
    let probe = dir.join(format!(".debrief-write-probe-{}", std::process::id()));
    std::fs::write(&probe, b"").and_then(|()| std::fs::remove_file(&probe)).is_ok()
}

/// The local time now, to the millisecond: precise enough to order what was recorded.
fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset().trunc_subsecs(3)
}

/// The default for when something happened: people type to the second, and keeping
/// sub-seconds would only make times harder to read.
fn now_to_the_second() -> DateTime<FixedOffset> {
    now().trunc_subsecs(0)
}

fn parse_stored_time(context: &StoreContext, text: &str) -> Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text).map_err(|_| context.unreadable(format!("unreadable time `{text}`")))
}

/// Text typed by people: trimmed, not empty, no NUL, not larger than `max_bytes`.
fn clean_text(what: &'static str, text: &str, max_bytes: usize) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(what, "it is empty"));
    }
    if trimmed.len() > max_bytes {
        return Err(Error::invalid(
            what,
            format!("it is {} bytes, more than the limit of {max_bytes}; split it into several lines", trimmed.len()),
        ));
    }
    if trimmed.contains('\0') {
        return Err(Error::invalid(what, "it contains a NUL character"));
    }
    Ok(trimmed.to_string())
}

/// A name or title: one line of printable text.
fn clean_label(what: &'static str, text: &str, max_chars: usize) -> Result<String> {
    let cleaned = clean_text(what, text, max_chars * 4)?;
    if cleaned.chars().count() > max_chars {
        return Err(Error::invalid(what, format!("it is longer than {max_chars} characters")));
    }
    if cleaned.chars().any(char::is_control) {
        return Err(Error::invalid(what, "it contains a line break or another control character"));
    }
    Ok(cleaned)
}

#[cfg(test)]
mod tests;
