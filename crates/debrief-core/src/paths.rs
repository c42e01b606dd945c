//! Where Debrief keeps its data: an explicit directory, else `DEBRIEF_HOME`,
//! else the platform's data directory (`~/.local/share/debrief` on Linux).

use std::path::PathBuf;

use crate::{Error, Result};

pub const HOME_VARIABLE: &str = "DEBRIEF_HOME";

pub fn data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(HOME_VARIABLE).filter(|value| !value.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "debrief").map(|dirs| dirs.data_dir().to_path_buf()).ok_or_else(|| {
        Error::DataDir {
            path: PathBuf::from("~"),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no home directory is known; set {HOME_VARIABLE}"),
            ),
        }
    })
}
