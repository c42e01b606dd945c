//! Publishing into a shared repository that already holds 10,000 post-mortems
//! and as many commits, over file:// to a local bare repository.
//!
//! `cargo run --release -p debrief-bench --bin publish`

use std::time::{Duration, Instant};

use debrief_bench::{children_cpu, load, machine, percentile_ms, process_cpu, synthetic};
use debrief_core::config::Config;
use debrief_core::publish::{Delivery, PublishOptions};
use debrief_core::workspace::Workspace;
use debrief_core::{NewEntry, NewIncident};

const POSTMORTEMS: usize = 10_000;
const MEASURED_PUBLISHES: usize = 7;

fn main() -> anyhow::Result<()> {
    let dir = tempfile::Builder::new().prefix("publish-bench").tempdir()?;
    let remote = dir.path().join("remote.git");
    let started = Instant::now();
    synthetic::build_repository(&remote, POSTMORTEMS, 7)?;
    println!("built a remote with {POSTMORTEMS} post-mortems and commits in {:.1} s", started.elapsed().as_secs_f64());

    let data_dir = dir.path().join("data");
    std::fs::create_dir_all(&data_dir)?;
    Config::set_repository_url(&data_dir, &format!("file://{}", remote.display()))?;
    Config::set_identity(&data_dir, "Bench Responder", "bench@example.com")?;
    let workspace = Workspace::open(Some(data_dir))?;

    // Elapsed time, and the CPU time Debrief and the git processes it ran used: steadier than
    // elapsed time on a machine busy with other work.
    let publish_new = |title: String| -> anyhow::Result<(Duration, Duration)> {
        let incident = workspace.create_incident(NewIncident { title, ..Default::default() })?.id;
        workspace
            .add_entry(&incident, NewEntry { text: "Error rate at 40% on checkout".into(), ..Default::default() })?;
        let (started, cpu) = (Instant::now(), process_cpu() + children_cpu());
        let report = workspace.publish(&incident, &PublishOptions::default())?;
        let (elapsed, used) = (started.elapsed(), (process_cpu() + children_cpu()).saturating_sub(cpu));
        let delivery = report.published.map(|published| published.delivery);
        anyhow::ensure!(delivery == Some(Delivery::Pushed), "not pushed: {delivery:?}");
        Ok((elapsed, used))
    };
    let (first, _) = publish_new("First publish from a fresh laptop".into())?;
    println!("first publish, including fetching all {POSTMORTEMS}: {:.0} ms", first.as_secs_f64() * 1000.0);
    let measured: Vec<(Duration, Duration)> = (0..MEASURED_PUBLISHES)
        .map(|number| publish_new(format!("Benchmark incident {number}")))
        .collect::<Result<_, _>>()?;
    let (mut times, mut cpu): (Vec<Duration>, Vec<Duration>) = measured.into_iter().unzip();
    times.sort();
    cpu.sort();
    println!(
        "publish one more (check, render, commit, push, refresh the browse index): median {:.0} ms, max {:.0} ms over {MEASURED_PUBLISHES}; CPU median {:.0} ms (Debrief and its git processes)",
        percentile_ms(&times, 0.5),
        percentile_ms(&times, 1.0),
        percentile_ms(&cpu, 0.5)
    );
    println!("{}", load().unwrap_or_default());
    println!("machine: {}", machine());
    Ok(())
}
