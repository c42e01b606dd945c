//! `debrief stats`: how many incidents, and how quickly they were detected,
//! mitigated and resolved, period by period.

use std::process::ExitCode;

use debrief_core::index::{Period, Spread};
use debrief_core::time::display_duration;

use super::Context;
use crate::output::{DataFormat, print_json};

#[derive(Clone, Copy, Default, clap::ValueEnum)]
enum By {
    #[default]
    Month,
    Quarter,
}

/// Incidents per period, and the median and p90 of time to detect, mitigate and resolve
///
/// Time to detect runs from the start; times to mitigate and resolve from detection.
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  debrief stats\n  debrief stats --by quarter --format json")]
pub struct Args {
    #[arg(long, value_enum, default_value_t)]
    by: By,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let period = match args.by {
        By::Month => Period::Month,
        By::Quarter => Period::Quarter,
    };
    let periods = context.workspace()?.trends(period)?;
    match args.format {
        DataFormat::Json => print_json(&periods)?,
        DataFormat::Text if periods.is_empty() => println!("No dated post-mortems in the index; run `debrief sync`."),
        DataFormat::Text => {
            println!(
                "{:<8}  {:>9}  {:<20}  {:<20}  {:<20}",
                "period", "incidents", "detect (median/p90)", "mitigate", "resolve"
            );
            for row in &periods {
                println!(
                    "{:<8}  {:>9}  {:<20}  {:<20}  {:<20}",
                    row.period,
                    row.incidents,
                    spread(&row.time_to_detect),
                    spread(&row.time_to_mitigate),
                    spread(&row.time_to_resolve)
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn spread(spread: &Spread) -> String {
    let show = |seconds: Option<i64>| seconds.map(|seconds| display_duration(chrono::Duration::seconds(seconds)));
    match (show(spread.median_s), show(spread.p90_s)) {
        (Some(median), Some(p90)) => format!("{median} / {p90}"),
        _ => "-".into(),
    }
}
