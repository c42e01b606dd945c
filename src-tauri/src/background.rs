//! Slow work off the window's path. Commands are async and run on Tauri's tokio runtime;
//! whatever waits on the disk or the network (rusqlite, git2, git itself, big files) runs
//! on tokio's blocking pool, so a sync or an import never holds up a line being captured.
//!
//! Some of that work is only wanted while its view is open: a sync for browsing, an import
//! preview, a connection test. The window takes a [`Ticket`] for it and hands it back with
//! `cancel_task` when the person leaves; the command then stops before its next step, or,
//! when the core is already at work, answers `cancelled` at once and its result is dropped
//! when it comes. Publishing is never abandoned this way: it commits, and its outcome counts.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use tokio::sync::watch;

use crate::error::AppError;

pub type Reply<T> = Result<T, AppError>;

/// Names one piece of abandonable work, from `start_task` to the end of the command it was given to.
pub type Ticket = u32;

/// Runs `work` on tokio's blocking pool; `what` names it in the log with how long it took
/// and, when it failed, the error's code (never its message, which may quote what was typed).
pub async fn blocking<T: Send + 'static>(
    what: &'static str,
    work: impl FnOnce() -> debrief_core::Result<T> + Send + 'static,
) -> Reply<T> {
    let started = Instant::now();
    let done = tauri::async_runtime::spawn_blocking(work).await;
    let elapsed_ms = started.elapsed().as_millis();
    match done {
        Ok(Ok(value)) => {
            tracing::debug!(what, elapsed_ms, "done");
            Ok(value)
        }
        Ok(Err(error)) => {
            let code = error.code();
            let error = AppError::from(error);
            if error.code.is_about_the_request() {
                tracing::info!(what, elapsed_ms, code, "refused");
            } else {
                tracing::warn!(what, elapsed_ms, code, "failed");
            }
            Err(error)
        }
        Err(failure) => {
            tracing::error!(what, elapsed_ms, %failure, "stopped unexpectedly");
            Err(AppError::unexpected(&failure.to_string()))
        }
    }
}

/// The abandonable work under way, by ticket.
#[derive(Default)]
pub struct Tasks {
    by_ticket: Mutex<Tickets>,
}

#[derive(Default)]
struct Tickets {
    last: Ticket,
    /// A ticket given out and not yet finished or cancelled; `true` once cancelled while
    /// its command runs. A ticket missing here was cancelled before its command started.
    live: HashMap<Ticket, watch::Sender<bool>>,
}

impl Tasks {
    /// A fresh ticket for work the window may walk away from.
    pub fn start(&self) -> Ticket {
        let mut tickets = self.by_ticket.lock().unwrap_or_else(PoisonError::into_inner);
        tickets.last = tickets.last.wrapping_add(1);
        let ticket = tickets.last;
        tickets.live.insert(ticket, watch::channel(false).0);
        ticket
    }

    /// The window no longer wants what `ticket` was given for.
    pub fn cancel(&self, ticket: Ticket) {
        let mut tickets = self.by_ticket.lock().unwrap_or_else(PoisonError::into_inner);
        let Some(running) = tickets.live.get(&ticket) else { return };
        if running.receiver_count() == 0 {
            // Its command has not started: forgetting the ticket is what stops it.
            tickets.live.remove(&ticket);
        } else {
            running.send_replace(true);
        }
        tracing::info!(ticket, "work abandoned by the window");
    }

    /// Runs `work` unless or until `ticket` is cancelled; without a ticket, to the end. Work
    /// already handed to the blocking pool finishes there, and its result is dropped.
    pub async fn abandonable<T>(&self, ticket: Option<Ticket>, work: impl Future<Output = Reply<T>>) -> Reply<T> {
        let Some(ticket) = ticket else { return work.await };
        let Some(mut cancelled) = self.watch(ticket) else { return Err(AppError::cancelled()) };
        let outcome = tokio::select! {
            // Cancelled before it started: the work is never begun.
            biased;
            _ = cancelled.wait_for(|cancelled| *cancelled) => Err(AppError::cancelled()),
            outcome = work => outcome,
        };
        self.by_ticket.lock().unwrap_or_else(PoisonError::into_inner).live.remove(&ticket);
        outcome
    }

    fn watch(&self, ticket: Ticket) -> Option<watch::Receiver<bool>> {
        self.by_ticket.lock().unwrap_or_else(PoisonError::into_inner).live.get(&ticket).map(watch::Sender::subscribe)
    }
}

#[cfg(test)]
mod tests {
    use tokio::sync::oneshot;

    use super::*;
    use crate::error::ErrorCode;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().build().expect("runtime")
    }

    #[test]
    fn work_runs_to_its_end_when_nobody_walks_away() {
        let tasks = Tasks::default();
        let ticket = tasks.start();
        let answer = runtime().block_on(tasks.abandonable(Some(ticket), async { Ok(42) }));
        assert_eq!(answer, Ok(42));
        assert!(tasks.watch(ticket).is_none(), "the finished ticket is forgotten");
        assert_eq!(runtime().block_on(tasks.abandonable(None, async { Ok("no ticket") })), Ok("no ticket"));
    }

    #[test]
    fn work_cancelled_before_it_starts_is_never_begun() {
        let tasks = Tasks::default();
        let ticket = tasks.start();
        tasks.cancel(ticket);
        let mut begun = false;
        let answer = runtime().block_on(tasks.abandonable(Some(ticket), async {
            begun = true;
            Ok(())
        }));
        assert_eq!(answer.map_err(|error| error.code), Err(ErrorCode::Cancelled));
        assert!(!begun);
    }

    #[test]
    fn work_cancelled_while_it_runs_answers_at_once_and_its_result_is_dropped() {
        let tasks = Tasks::default();
        let ticket = tasks.start();
        let (finish, finished) = oneshot::channel::<u32>();
        let answer = runtime().block_on(async {
            let work = tasks.abandonable(Some(ticket), async {
                // Stands for the core at work: it ends only when told to, which here is never before the cancel.
                Ok(finished.await.unwrap_or_default())
            });
            let cancel = async {
                tokio::task::yield_now().await;
                tasks.cancel(ticket);
            };
            let (answer, ()) = tokio::join!(work, cancel);
            answer
        });
        assert_eq!(answer.map_err(|error| error.code), Err(ErrorCode::Cancelled));
        assert!(finish.send(7).is_err(), "nobody waits for the result any more");
        assert!(tasks.watch(ticket).is_none(), "the cancelled ticket is forgotten");
    }

    #[test]
    fn cancelling_an_unknown_or_finished_ticket_changes_nothing() {
        let tasks = Tasks::default();
        tasks.cancel(99);
        let ticket = tasks.start();
        assert_eq!(runtime().block_on(tasks.abandonable(Some(ticket), async { Ok(1) })), Ok(1));
        tasks.cancel(ticket);
        let next = tasks.start();
        assert_ne!(next, ticket);
        assert_eq!(runtime().block_on(tasks.abandonable(Some(next), async { Ok(2) })), Ok(2));
    }
}
