//! Publishes committed while the shared repository was away wait in a queue; this task
//! pushes them again without anyone asking, for as long as the app runs. It waits
//! [`FIRST_WAIT`] between tries (`DEBRIEF_PUSH_RETRY_SECONDS` sets another), twice as
//! long after each try that finds the repository still away, up to ten times the first
//! wait, and starts over from the first wait once a try pushes everything or finds
//! nothing waiting. A repository that answers and refuses (a protected branch, a hook) is
//! asked again only at the longest wait: its rules change when its owners change them, not
//! with retries. The publish panel's queue keeps showing what waits meanwhile.

use std::path::Path;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use debrief_core::Workspace;
use debrief_core::publish::Delivery;
use tauri::async_runtime::JoinHandle;

use crate::background;

/// The wait before the first try, and again after every try that leaves nothing waiting.
const FIRST_WAIT: Duration = Duration::from_secs(30);
/// Waits grow up to this many times the first one.
const LONGEST_WAIT_FACTOR: u32 = 10;
/// For the window tests, which cannot wait half a minute.
const FIRST_WAIT_VARIABLE: &str = "DEBRIEF_PUSH_RETRY_SECONDS";

/// The running task, kept in the app's state so it ends with the app.
pub struct PushRetry {
    task: Mutex<Option<JoinHandle<()>>>,
}

/// Starts retrying on Tauri's runtime; called from the app's setup.
pub fn start() -> PushRetry {
    let first = std::env::var(FIRST_WAIT_VARIABLE)
        .ok()
        .and_then(|seconds| seconds.parse().ok())
        .filter(|seconds| *seconds > 0)
        .map(Duration::from_secs)
        .unwrap_or(FIRST_WAIT);
    tracing::info!(first_wait_s = first.as_secs(), "pushing queued publishes in the background");
    PushRetry { task: Mutex::new(Some(tauri::async_runtime::spawn(retry(Backoff::new(first))))) }
}

impl PushRetry {
    /// Stops retrying; a push under way finishes on its own thread, or with the process.
    pub fn stop(&self) {
        if let Some(task) = self.task.lock().unwrap_or_else(PoisonError::into_inner).take() {
            task.abort();
            tracing::info!("stopped pushing queued publishes");
        }
    }
}

async fn retry(mut backoff: Backoff) {
    loop {
        tokio::time::sleep(backoff.wait()).await;
        match background::blocking("pushing queued publishes", push_queued).await {
            Ok(Round { pushed, waiting: 0, .. }) => {
                if pushed > 0 {
                    tracing::info!(pushed, "queued publishes pushed");
                }
                backoff.settled();
            }
            Ok(Round { pushed, waiting, refused }) if refused == waiting => {
                backoff.repository_refuses();
                tracing::info!(pushed, refused, next_try_s = backoff.wait().as_secs(), "the shared repository refuses");
            }
            Ok(Round { pushed, waiting, refused }) => {
                backoff.repository_away();
                tracing::info!(
                    pushed,
                    waiting,
                    refused,
                    next_try_s = backoff.wait().as_secs(),
                    "the shared repository is away"
                );
            }
            // Already logged with its code; usually the same as being away.
            Err(_) => backoff.repository_away(),
        }
    }
}

/// What one try did.
#[derive(Debug, PartialEq, Eq)]
struct Round {
    pushed: usize,
    /// Still queued: the repository did not take them.
    waiting: usize,
    /// Of those waiting, the ones the repository answered and refused, or whose address takes no publishes.
    refused: usize,
}

fn push_queued() -> debrief_core::Result<Round> {
    push_queued_in(&debrief_core::paths::data_dir(None)?)
}

fn push_queued_in(data_dir: &Path) -> debrief_core::Result<Round> {
    let workspace = Workspace::open(Some(data_dir.to_path_buf()))?;
    // Without a shared repository there is nothing to push to, and no reason to touch
    // Debrief's copy of it.
    if workspace.config()?.shared_repository.url.is_none() || workspace.queue()?.is_empty() {
        return Ok(Round { pushed: 0, waiting: 0, refused: 0 });
    }
    let deliveries = workspace.retry_queue()?;
    let waiting = deliveries.iter().filter(|(_, delivery)| delivery.waits_to_be_pushed()).count();
    let refused = deliveries
        .iter()
        .filter(|(_, delivery)| matches!(delivery, Delivery::Refused(_) | Delivery::ReadOnly(_)))
        .count();
    Ok(Round { pushed: deliveries.len() - waiting, waiting, refused })
}

/// How long to wait before the next try.
#[derive(Debug)]
struct Backoff {
    first: Duration,
    longest: Duration,
    next: Duration,
}

impl Backoff {
    fn new(first: Duration) -> Backoff {
        Backoff { first, longest: first * LONGEST_WAIT_FACTOR, next: first }
    }

    fn wait(&self) -> Duration {
        self.next
    }

    /// The repository did not take everything: wait longer before asking again.
    fn repository_away(&mut self) {
        self.next = (self.next * 2).min(self.longest);
    }

    /// The repository answered and refused everything waiting: straight to the longest wait.
    fn repository_refuses(&mut self) {
        self.next = self.longest;
    }

    /// Nothing is left waiting: back to the first wait.
    fn settled(&mut self) {
        self.next = self.first;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_while_the_repository_stays_away_and_start_over_after_a_success() {
        let mut backoff = Backoff::new(Duration::from_secs(30));
        assert_eq!(backoff.wait(), Duration::from_secs(30));
        let mut waits = Vec::new();
        for _ in 0..6 {
            backoff.repository_away();
            waits.push(backoff.wait().as_secs());
        }
        assert_eq!(waits, [60, 120, 240, 300, 300, 300]);
        backoff.settled();
        assert_eq!(backoff.wait(), Duration::from_secs(30));
    }

    #[test]
    fn a_refusing_repository_is_asked_again_only_at_the_longest_wait() {
        let mut backoff = Backoff::new(Duration::from_secs(30));
        backoff.repository_refuses();
        assert_eq!(backoff.wait(), Duration::from_secs(300));
        backoff.settled();
        assert_eq!(backoff.wait(), Duration::from_secs(30));
    }

    #[test]
    fn without_a_shared_repository_nothing_is_tried_and_nothing_is_written() {
        let home = tempfile::tempdir().expect("temporary directory");
        let listing = || {
            let mut names: Vec<_> = std::fs::read_dir(home.path())
                .expect("data directory")
                .map(|entry| entry.expect("entry").file_name())
                .collect();
            names.sort();
            names
        };
        debrief_core::config::Config::load(home.path()).expect("default settings");
        let before = listing();
        assert_eq!(push_queued_in(home.path()).expect("a quiet round"), Round { pushed: 0, waiting: 0, refused: 0 });
        assert_eq!(listing(), before, "no copy of a shared repository was made");
    }
}
