//! The first sync of a shared repository of 10,000 post-mortems (and 10,000 commits) into a
//! fresh data directory, beside `git clone --bare` of the same repository in the same run:
//! over file:// and over SSH to an OpenSSH server on 127.0.0.1. The sync's own progress
//! reports split its time into fetching (git's transfer) and indexing.
//!
//! `cargo run --release -p debrief-bench --bin sync`

use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use debrief_bench::ssh::SshServer;
use debrief_bench::{children_cpu, load, machine, percentile_ms, process_cpu, synthetic};
use debrief_core::config::Config;
use debrief_core::progress::Reporter;
use debrief_core::workspace::Workspace;

const POSTMORTEMS: usize = 10_000;
const ROUNDS: usize = 5;
const INDEXING: &str = "Indexing post-mortems";

/// When the sync first reported indexing.
#[derive(Clone, Default)]
struct Phases(Arc<Mutex<Option<Instant>>>);

impl Reporter for Phases {
    fn report(&self, what: &str, _done: u64, _total: Option<u64>) {
        if what == INDEXING
            && let Ok(mut indexing) = self.0.lock()
        {
            indexing.get_or_insert_with(Instant::now);
        }
    }

    fn finish(&self) {}
}

fn main() -> anyhow::Result<()> {
    let dir = tempfile::Builder::new().prefix("sync-bench").tempdir()?;
    let remote = dir.path().join("remote.git");
    let started = Instant::now();
    synthetic::build_repository(&remote, POSTMORTEMS, 7)?;
    // Packed as a git host keeps it: both sides then send the same deltas.
    let status = Command::new("git").arg("--git-dir").arg(&remote).args(["gc", "--quiet"]).status()?;
    anyhow::ensure!(status.success(), "git gc failed");
    println!("built a remote with {POSTMORTEMS} post-mortems and commits in {:.1} s", started.elapsed().as_secs_f64());

    let server = SshServer::start()?;
    let mut transports = vec![("file://", format!("file://{}", remote.display()))];
    match &server {
        Some(server) => {
            // SAFETY: no other thread runs yet; git and the syncs started later inherit it.
            unsafe { std::env::set_var("GIT_SSH_COMMAND", server.ssh_command()) };
            transports.push(("ssh:// (OpenSSH on 127.0.0.1)", server.url(&remote)));
        }
        None => println!("SSH skipped: OpenSSH's sshd is not installed (Debian package openssh-server)"),
    }
    let phases = Phases::default();
    debrief_core::progress::install(Box::new(phases.clone()));

    println!("{}", load().unwrap_or_default());
    for (name, url) in transports {
        let (mut clones, mut syncs, mut fetches, mut indexing) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut clone_cpu, mut sync_cpu) = (Vec::new(), Vec::new());
        for round in 0..ROUNDS {
            let cpu = children_cpu();
            clones.push(git_clone_bare(&url, &dir.path().join(format!("clone-{round}")))?);
            clone_cpu.push(children_cpu().saturating_sub(cpu));
            let data_dir = dir.path().join(format!("data-{round}"));
            std::fs::create_dir_all(&data_dir)?;
            Config::set_repository_url(&data_dir, &url)?;
            let workspace = Workspace::open(Some(data_dir.clone()))?;
            *phases.0.lock().map_err(|_| anyhow::anyhow!("progress lock"))? = None;
            let (started, cpu) = (Instant::now(), process_cpu() + children_cpu());
            let report = workspace.sync()?;
            let took = started.elapsed();
            sync_cpu.push((process_cpu() + children_cpu()).saturating_sub(cpu));
            anyhow::ensure!(report.offline.is_none(), "{name} could not be reached: {:?}", report.offline);
            anyhow::ensure!(report.documents == POSTMORTEMS, "indexed {} of {POSTMORTEMS}", report.documents);
            let index_started =
                phases.0.lock().map_err(|_| anyhow::anyhow!("progress lock"))?.unwrap_or_else(Instant::now);
            fetches.push(index_started.saturating_duration_since(started));
            indexing.push(took.saturating_sub(index_started.saturating_duration_since(started)));
            syncs.push(took);
            drop(workspace);
            std::fs::remove_dir_all(&data_dir)?;
        }
        let median = |times: &mut Vec<Duration>| {
            times.sort();
            percentile_ms(times, 0.5) / 1000.0
        };
        let (clone, sync) = (median(&mut clones), median(&mut syncs));
        println!(
            "first sync over {name}, median of {ROUNDS}: git clone --bare {clone:.2} s; Debrief {sync:.2} s \
             (fetch {:.2} s, then index {:.2} s), {:.1}x the clone; CPU on this machine (the SSH server's \
             side not counted): git clone --bare {:.2} s, Debrief {:.2} s",
            median(&mut fetches),
            median(&mut indexing),
            sync / clone,
            median(&mut clone_cpu),
            median(&mut sync_cpu)
        );
    }
    println!("{}", load().unwrap_or_default());
    println!("machine: {}", machine());
    Ok(())
}

/// How long `git clone --bare` of `url` takes; the copy is removed afterwards.
fn git_clone_bare(url: &str, target: &Path) -> anyhow::Result<Duration> {
    let started = Instant::now();
    let status = Command::new("git").args(["clone", "--bare", "--quiet", "--", url]).arg(target).status()?;
    let took = started.elapsed();
    anyhow::ensure!(status.success(), "git clone --bare {url} failed");
    std::fs::remove_dir_all(target)?;
    Ok(took)
}
