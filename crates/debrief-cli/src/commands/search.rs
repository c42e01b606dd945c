//! `debrief search`: full-text search over every post-mortem, offline.

use std::process::ExitCode;

use chrono::NaiveDate;
use debrief_core::index::SearchQuery;
use debrief_core::{IncidentKind, Severity};

use super::{Context, parse_value};
use crate::output::{BOLD, DIM, DataFormat, print_json};

/// Search past post-mortems (from the last `debrief sync`)
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief search connection pool\n  debrief search \"certificate expired\" --since 2025-01-01\n  debrief search --service checkout --severity sev1\n  debrief search dns --format json | jq -r '.[].path'"
)]
pub struct Args {
    /// Words to find; \"quoted words\" stay together. Leave out to list by the filters alone
    #[arg(value_name = "QUERY")]
    words: Vec<String>,

    #[arg(long, value_parser = parse_value::<Severity>)]
    severity: Option<Severity>,

    #[arg(long, value_name = "NAME")]
    service: Option<String>,

    #[arg(long, value_name = "TAG")]
    tag: Option<String>,

    /// unscheduled, scheduled or game-day
    #[arg(long, value_parser = parse_value::<IncidentKind>)]
    kind: Option<IncidentKind>,

    /// From this date on (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,

    /// Up to this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    until: Option<NaiveDate>,

    #[arg(long, default_value_t = 20)]
    limit: usize,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let query = SearchQuery {
        text: args.words.join(" "),
        severity: args.severity.map(|severity| severity.as_str().to_string()),
        service: args.service,
        tag: args.tag,
        kind: args.kind.map(|kind| kind.as_str().to_string()),
        since: args.since,
        until: args.until,
        limit: args.limit,
    };
    let hits = workspace.search(&query)?;
    match args.format {
        DataFormat::Json => print_json(&hits)?,
        DataFormat::Text if hits.is_empty() && workspace.indexed_commit()?.is_none() => {
            println!("The index is empty: run `debrief sync` to index the shared repository.");
        }
        DataFormat::Text if hits.is_empty() => println!("No post-mortem matches."),
        DataFormat::Text => {
            for hit in &hits {
                anstream::println!(
                    "{}  {:<4}  {BOLD}{}{BOLD:#}  {DIM}{}{DIM:#}",
                    hit.date.as_deref().unwrap_or("????-??-??"),
                    hit.severity.as_deref().unwrap_or("-"),
                    hit.title,
                    hit.path
                );
                anstream::println!("    {}", highlighted(&hit.passage, &hit.highlights));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn highlighted(passage: &str, highlights: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(passage.len() + highlights.len() * 8);
    for (position, c) in passage.chars().enumerate() {
        if highlights.iter().any(|(start, _)| *start == position) {
            out.push_str(&BOLD.render().to_string());
        }
        if highlights.iter().any(|(_, end)| *end == position) {
            out.push_str(&BOLD.render_reset().to_string());
        }
        out.push(c);
    }
    if highlights.iter().any(|(_, end)| *end == passage.chars().count()) {
        out.push_str(&BOLD.render_reset().to_string());
    }
    out
}
