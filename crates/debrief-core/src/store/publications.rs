//! Where each post-mortem was last published, so the next publish updates the
//! same file and merges with what others changed since.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::{Store, now};
use crate::Result;
use crate::time::rfc3339_string;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Publication {
    pub incident: String,
    pub path: String,
    pub branch: String,
    pub commit: String,
    pub published_at: String,
}

impl Store {
    pub fn publication(&self, incident: &str) -> Result<Option<Publication>> {
        self.conn
            .query_row(
                "SELECT incident_id, path, branch, commit_id, published_at FROM publications WHERE incident_id = ?1",
                [incident],
                |row| {
                    Ok(Publication {
                        incident: row.get(0)?,
                        path: row.get(1)?,
                        branch: row.get(2)?,
                        commit: row.get(3)?,
                        published_at: row.get(4)?,
                    })
                },
            )
            .optional()
            .map_err(|source| self.context.error("reading where the post-mortem was published", source))
    }

    pub fn record_publication(&mut self, incident: &str, path: &str, branch: &str, commit: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO publications (incident_id, path, branch, commit_id, published_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (incident_id) DO UPDATE SET path = excluded.path, branch = excluded.branch,
                     commit_id = excluded.commit_id, published_at = excluded.published_at",
                params![incident, path, branch, commit, rfc3339_string(&now())],
            )
            .map_err(|source| self.context.error("recording the publish", source))?;
        Ok(())
    }
}
