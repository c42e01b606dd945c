//! Numbered, append-only migrations embedded in the binary. The database's
//! `user_version` counts how many have been applied; a database with a higher
//! count comes from a newer Debrief and is refused without being touched.

use rusqlite::{Connection, TransactionBehavior};

use super::StoreContext;
use crate::{Error, Result};

/// 'DBRF': written by the first migration so Debrief recognises its own files.
const APPLICATION_ID: i64 = 0x4442_5246;

/// Never edit or reorder: add a new file and append it here. What the database's `user_version`
/// counts is a migration's place in this list; the numbers in file names only keep them in order.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_timeline.sql"),
    include_str!("migrations/0002_postmortem.sql"),
    include_str!("migrations/0003_publications.sql"),
    include_str!("migrations/0004_imports.sql"),
    include_str!("migrations/0005_start_edits.sql"),
    include_str!("migrations/0006_live.sql"),
    include_str!("migrations/0007_action_outcomes.sql"),
    include_str!("migrations/0008_contributing_factors.sql"),
    include_str!("migrations/0009_draft_started_from.sql"),
];

pub(super) const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Refuses databases that are not Debrief's or are newer than this binary, before anything is
/// written; answers how many migrations the database has had. The header is read in one
/// statement, so a database another process is creating right now is seen either before or
/// after, never half-made.
pub(super) fn check_compatible(conn: &Connection, context: &StoreContext) -> Result<i64> {
    let (application_id, version, table_count): (i64, i64, i64) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id()), \
                    (SELECT user_version FROM pragma_user_version()), \
                    (SELECT count(*) FROM sqlite_schema)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .map_err(|source| context.error("reading the database header", source))?;
    let foreign = if application_id == 0 { version != 0 || table_count != 0 } else { application_id != APPLICATION_ID };
    if foreign {
        return Err(Error::Corrupt { path: context.path.clone(), detail: "it was written by another program".into() });
    }
    if version > LATEST_VERSION {
        return Err(Error::NewerDatabase { path: context.path.clone(), found: version, supported: LATEST_VERSION });
    }
    Ok(version)
}

/// Applies every migration the database has not had, all in one transaction taken with the write
/// lock: a second process starting at the same moment waits, then finds nothing left to do.
pub(super) fn migrate(conn: &mut Connection, context: &StoreContext) -> Result<()> {
    let failed = |source| context.error("upgrading the database", source);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
    // Read the version inside the write lock: another process may have migrated meanwhile.
    let version: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(failed)?;
    let applied = usize::try_from(version).unwrap_or(0);
    let pending = MIGRATIONS.get(applied..).unwrap_or_default();
    if pending.is_empty() {
        return Ok(());
    }
    for (offset, sql) in pending.iter().enumerate() {
        let number = applied + offset + 1;
        tx.execute_batch(sql).map_err(|source| schema_error(context, number, version, source))?;
    }
    tx.pragma_update(None, "user_version", LATEST_VERSION).map_err(failed)?;
    tx.commit().map_err(failed)?;
    tracing::info!(from = version, to = LATEST_VERSION, "database migrated");
    Ok(())
}

/// A migration that does not apply means the tables are not what the schema version says: said in
/// one line, with what to do, never the migration's SQL.
fn schema_error(context: &StoreContext, number: usize, version: i64, source: rusqlite::Error) -> Error {
    match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull | rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::DatabaseBusy) => {
            context.error("upgrading the database", source)
        }
        _ => {
            let reason = source.to_string();
            let first_line = reason.lines().next().unwrap_or_default().trim();
            Error::Corrupt {
                path: context.path.clone(),
                detail: format!(
                    "its tables do not match its schema version {version}: upgrade step {number} failed ({first_line})"
                ),
            }
        }
    }
}
