//! `debrief on-this-day`: incidents from earlier years on today's date.

use std::process::ExitCode;

use chrono::NaiveDate;

use super::Context;
use crate::output::{DIM, DataFormat, print_json};

/// Post-mortems from earlier years on this day
#[derive(clap::Args)]
#[command(after_help = "Examples:\n  debrief on-this-day\n  debrief on-this-day --date 2026-02-29")]
pub struct Args {
    /// The day to look back from [default: today]
    #[arg(long, value_name = "DATE")]
    date: Option<NaiveDate>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let today = args.date.unwrap_or_else(|| chrono::Local::now().date_naive());
    let found = context.workspace()?.on_this_day(today)?;
    match args.format {
        DataFormat::Json => print_json(&found)?,
        DataFormat::Text if found.is_empty() => println!("No incident on {} in earlier years.", today.format("%B %-d")),
        DataFormat::Text => {
            for incident in &found {
                let year = incident.date.map(|date| date.format("%Y").to_string()).unwrap_or_default();
                anstream::println!("{year}  {}  {DIM}{}{DIM:#}", incident.title, incident.path);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
