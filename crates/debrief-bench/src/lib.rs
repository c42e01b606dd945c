//! What Debrief's benchmarks share: synthetic post-mortem repositories of
//! realistic size and shape, built quickly with `git fast-import`, and a small
//! way to report timings with the machine they ran on.

pub mod synthetic;

use std::time::Duration;

/// Percentile of sorted durations, in milliseconds.
pub fn percentile_ms(sorted: &[Duration], fraction: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = ((sorted.len() as f64 * fraction) as usize).min(sorted.len() - 1);
    sorted[index].as_secs_f64() * 1000.0
}

/// One line describing the machine, for the README's tables.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .map(|line| line.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map(|cores| cores.get()).unwrap_or(1);
    format!("{cores} cores, {cpu}")
}

/// The CPU time this thread has used so far (Linux; `None` elsewhere): what a step costs on
/// a machine busy with other work, where its elapsed time says more about the others.
pub fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // The command name (field 2) may hold spaces; utime and stime are fields 14 and 15 after it.
    let after_name = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // Linux reports these in USER_HZ, 100 per second on every architecture it runs on.
    Some(Duration::from_millis(ticks * 10))
}
