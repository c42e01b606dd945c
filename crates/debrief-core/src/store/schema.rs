//! Numbered, append-only migrations embedded in the binary. The database's
//! `user_version` counts how many have been applied; a database with a higher
//! count comes from a newer Debrief and is refused without being touched.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreContext;
use crate::{Error, Result};

/// 'DBRF': written by the first migration so Debrief recognises its own files.
const APPLICATION_ID: i64 = 0x4442_5246;

/// Never edit or reorder: add a new file and append it here.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_timeline.sql"),
    include_str!("migrations/0002_postmortem.sql"),
    include_str!("migrations/0003_publications.sql"),
    include_str!("migrations/0004_imports.sql"),
];

pub(super) const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Refuses databases that are not Debrief's or are newer than this binary, before anything is written.
pub(super) fn check_compatible(conn: &Connection, context: &StoreContext) -> Result<()> {
    let read = |pragma: &str| -> Result<i64> {
        conn.pragma_query_value(None, pragma, |row| row.get(0))
            .map_err(|source| context.error("reading the database header", source))
    };
    let application_id = read("application_id")?;
    let version = read("user_version")?;
    let table_count: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
        .map_err(|source| context.error("reading the database header", source))?;
    let foreign = if application_id == 0 { version != 0 || table_count != 0 } else { application_id != APPLICATION_ID };
    if foreign {
        return Err(Error::Corrupt { path: context.path.clone(), detail: "it was written by another program".into() });
    }
    if version > LATEST_VERSION {
        return Err(Error::NewerDatabase { path: context.path.clone(), found: version, supported: LATEST_VERSION });
    }
    Ok(())
}

pub(super) fn migrate(conn: &mut Connection, context: &StoreContext) -> Result<()> {
    let failed = |source| context.error("upgrading the database", source);
    loop {
        // Read the version inside the write lock: another process may have migrated meanwhile.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(failed)?;
        let Some(sql) = usize::try_from(version).ok().and_then(|applied| MIGRATIONS.get(applied)) else {
            return Ok(());
        };
        tx.execute_batch(sql).map_err(failed)?;
        tx.pragma_update(None, "user_version", version + 1).map_err(failed)?;
        tx.commit().map_err(failed)?;
        tracing::info!(version = version + 1, "database migrated");
    }
}
