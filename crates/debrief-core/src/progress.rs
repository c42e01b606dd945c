//! How far long work has got (fetching from the shared repository, indexing, importing),
//! for a shell that shows it: a progress bar on a terminal, nothing when output is piped.
//! Like logging, the shell installs one reporter for the process; the core only reports,
//! and reporting costs nothing when none is installed.

use std::sync::OnceLock;

/// Receives progress. Called from whichever thread does the work.
pub trait Reporter: Send + Sync {
    /// `what` is under way, `done` of `total` units (`None` when the total is not known).
    fn report(&self, what: &str, done: u64, total: Option<u64>);
    /// The work is over: clear whatever shows it.
    fn finish(&self);
}

static REPORTER: OnceLock<Box<dyn Reporter>> = OnceLock::new();

/// Installs the process's reporter; only the first one counts.
pub fn install(reporter: Box<dyn Reporter>) {
    let _ = REPORTER.set(reporter);
}

pub fn report(what: &str, done: u64, total: Option<u64>) {
    if let Some(reporter) = REPORTER.get() {
        reporter.report(what, done, total);
    }
}

pub fn finish() {
    if let Some(reporter) = REPORTER.get() {
        reporter.finish();
    }
}

/// Reads git's own progress lines (`Receiving objects:  45% (450/1000)`, also behind `remote: `)
/// into what is under way and how far.
pub fn from_git_line(line: &str) -> Option<(&str, u64, Option<u64>)> {
    let line = line.trim().strip_prefix("remote: ").unwrap_or(line.trim());
    let (what, rest) = line.split_once(':')?;
    if what.is_empty() || !what.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') {
        return None;
    }
    let rest = rest.trim();
    if let Some(counts) = rest.split_once('(').and_then(|(_, counts)| counts.split_once(')')).map(|(counts, _)| counts)
    {
        let (done, total) = counts.split_once('/')?;
        return Some((what, done.trim().parse().ok()?, Some(total.trim().parse().ok()?)));
    }
    let done = rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()?;
    Some((what, done, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gits_progress_lines_are_read() {
        assert_eq!(
            from_git_line("Receiving objects:  45% (450/1000), 1.2 MiB | 3 MiB/s"),
            Some(("Receiving objects", 450, Some(1000)))
        );
        assert_eq!(
            from_git_line("remote: Counting objects: 100% (12/12), done."),
            Some(("Counting objects", 12, Some(12)))
        );
        assert_eq!(
            from_git_line("remote: Enumerating objects: 1234, done."),
            Some(("Enumerating objects", 1234, None))
        );
        assert_eq!(from_git_line("fatal: unable to access 'https://x/': 403"), None);
        assert_eq!(from_git_line("To ssh://example.com/pm.git"), None);
    }
}
