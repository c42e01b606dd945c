//! `debrief stats`: how many incidents, and how quickly they were detected,
//! mitigated and resolved, period by period, as spreads with their counts, so that a
//! month of three incidents is not read as a trend.

use std::process::ExitCode;

use debrief_core::index::{FEWEST_TO_COMPARE, Period, PeriodStats, Spread};
use debrief_core::time::display_duration;

use super::Context;
use crate::output::{By, DataFormat, print_json};

/// Incidents per period, and the spread of time to detect, mitigate and resolve
///
/// Time to detect runs from the start; times to mitigate and resolve from detection. Each is
/// shown as its median, interquartile range and the number of incidents measured, never as a
/// mean; also the time spent in incidents and how many began outside working hours.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  debrief stats\n  debrief stats --by quarter --format json")]
pub struct Args {
    #[arg(long, value_enum, default_value_t)]
    by: By,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let period = Period::from(args.by);
    let periods = context.workspace()?.trends(period)?;
    match args.format {
        DataFormat::Json => print_json(&periods)?,
        DataFormat::Text if periods.is_empty() => println!("No dated post-mortems in the index; run `debrief sync`."),
        DataFormat::Text => print_text(&periods),
    }
    Ok(ExitCode::SUCCESS)
}

/// One row per period: counts, then each duration as median, interquartile range and n, with
/// a mark on those measured on too few incidents to compare.
fn print_text(periods: &[PeriodStats]) {
    println!(
        "{:<8}  {:>9}  {:>13}  {:>17}  {:<28}  {:<28}  {:<28}",
        "period", "incidents", "outside hours", "time in incidents", "detect: median (IQR) n", "mitigate", "resolve"
    );
    for row in periods {
        let time_in = match row.time_in_incidents_measured {
            0 => "-".to_string(),
            _ => display(row.time_in_incidents_s),
        };
        println!(
            "{:<8}  {:>9}  {:>13}  {:>17}  {:<28}  {:<28}  {:<28}",
            row.period,
            row.incidents,
            row.outside_working_hours,
            time_in,
            spread(&row.time_to_detect),
            spread(&row.time_to_mitigate),
            spread(&row.time_to_resolve)
        );
    }
    let thin = periods.iter().any(|row| {
        [&row.time_to_detect, &row.time_to_mitigate, &row.time_to_resolve]
            .iter()
            .any(|spread| spread.measured > 0 && !spread.comparable)
    });
    if thin {
        println!(
            "* measured on fewer than {FEWEST_TO_COMPARE} incidents: too few to compare with another period; one slow incident moves its median"
        );
    }
    println!(
        "IQR: the middle half of the incidents, 25th to 75th percentile. Outside hours: started before 09:00, after 18:00 or at a weekend, on the incident's own clock. Time in incidents: start to resolved, added up. Detect: start to detected; mitigate and resolve: from detected; a post-mortem written by hand without those times counts with the figures it states (\"Time to repair: 1h 5m\") or its listed key times give (\"Repaired: 2025-01-14 16:00\")."
    );
}

fn display(seconds: i64) -> String {
    display_duration(chrono::Duration::seconds(seconds))
}

/// `12m (8m-20m) n=6`, with `*` when too few to compare; `-` when nothing was measured.
fn spread(spread: &Spread) -> String {
    match (spread.median_s, spread.p25_s, spread.p75_s) {
        (Some(median), Some(low), Some(high)) => {
            let thin = if spread.comparable { "" } else { "*" };
            format!("{} ({}-{}) n={}{thin}", display(median), display(low), display(high), spread.measured)
        }
        _ => "-".into(),
    }
}
