//! `debrief factors`: across the shared repository's post-mortems (from the browse index),
//! how many incidents name each contributing-factor theme, period by period, and the
//! incidents behind each theme with what they say under it.

use std::process::ExitCode;

use debrief_core::factors::{DEFAULT_THEMES, theme_id};
use debrief_core::index::{FactorIncident, FactorTrends, Period, ThemeTrend};

use super::Context;
use crate::output::{BOLD, By, DIM, DataFormat, plural, print_json};

/// Incidents per contributing-factor theme over time, and the incidents behind each theme
///
/// Reads the index `debrief sync` keeps of the shared repository. An incident counts once per
/// theme however many of its factors have that theme, and under every theme it names. The
/// team's themes come from .debrief/factors.toml in the shared repository, else Debrief's
/// defaults; themes post-mortems name that the list does not have are shown too.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief factors\n  debrief factors --by quarter --theme capacity\n  debrief factors --format json | jq '.themes[] | {theme, incidents}'\n  debrief factors --print-config > .debrief/factors.toml"
)]
pub struct Args {
    #[arg(long, value_enum, default_value_t)]
    by: By,

    /// Only this theme, and the incidents behind it
    #[arg(long, value_name = "THEME")]
    theme: Option<String>,

    #[arg(long, value_enum, default_value_t)]
    format: DataFormat,

    /// Print Debrief's default themes, with comments, and exit
    #[arg(long)]
    print_config: bool,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    if args.print_config {
        print!("{DEFAULT_THEMES}");
        return Ok(ExitCode::SUCCESS);
    }
    let by = Period::from(args.by);
    let workspace = context.workspace()?;
    let mut trends = workspace.factor_trends(by)?;
    if let Some(wanted) = &args.theme {
        let wanted = theme_id(wanted).unwrap_or_default();
        trends.themes.retain(|theme| theme.theme == wanted);
        trends.unthemed.clear();
        if trends.themes.is_empty() {
            let themes = workspace.factor_themes()?;
            anyhow::bail!(
                "no post-mortem names the theme `{wanted}`, and it is not one of the team's themes ({})",
                themes.listed()
            );
        }
    }
    match args.format {
        DataFormat::Json => print_json(&trends)?,
        DataFormat::Text if args.theme.is_some() && trends.themes.iter().all(|theme| theme.incidents == 0) => {
            let theme = trends.themes.first().map(|theme| theme.theme.as_str()).unwrap_or_default();
            println!("No post-mortem in the index names the theme `{theme}` yet.");
        }
        DataFormat::Text => print_text(&trends, by),
    }
    Ok(ExitCode::SUCCESS)
}

fn print_text(trends: &FactorTrends, by: Period) {
    let named: Vec<&ThemeTrend> = trends.themes.iter().filter(|theme| theme.incidents > 0).collect();
    if named.is_empty() && trends.unthemed.is_empty() {
        println!(
            "No post-mortem in the index lists contributing factors yet. They are added with `debrief factor add`, \
             published with the post-mortem, and counted here after `debrief sync`."
        );
        return;
    }
    if !named.is_empty() {
        print_table(trends, &named, by);
    }
    for theme in &named {
        println!();
        let count = plural(theme.incidents, "incident");
        match &theme.description {
            Some(description) => {
                anstream::println!("{BOLD}{}{BOLD:#} ({count}): {DIM}{description}{DIM:#}", theme.theme)
            }
            None => anstream::println!("{BOLD}{}{BOLD:#} ({count}): not one of the team's themes", theme.theme),
        }
        print_incidents(&theme.behind);
    }
    if !trends.unthemed.is_empty() {
        if !named.is_empty() {
            println!();
        }
        anstream::println!(
            "{BOLD}no theme{BOLD:#} ({}): factors not counted under any theme",
            plural(trends.unthemed.len(), "incident")
        );
        print_incidents(&trends.unthemed);
        if named.is_empty() {
            // Post-mortems written by hand list factors without themes: say how they come to count.
            anstream::println!(
                "\n{DIM}A factor counts per period once it has a theme: `theme:` beside it in the front matter's \
                 contributing_factors, as `debrief factor add --theme` writes it.{DIM:#}"
            );
        }
    }
    let quiet: Vec<&str> =
        trends.themes.iter().filter(|theme| theme.incidents == 0).map(|theme| theme.theme.as_str()).collect();
    if !quiet.is_empty() {
        println!();
        anstream::println!("{DIM}No incident names: {}{DIM:#}", quiet.join(", "));
    }
}

/// One row per period, one column per theme that any incident names, and the totals.
fn print_table(trends: &FactorTrends, named: &[&ThemeTrend], by: Period) {
    let first_column = match by {
        Period::Month => "month",
        Period::Quarter => "quarter",
    };
    let widths: Vec<usize> = named.iter().map(|theme| theme.theme.chars().count().max(3)).collect();
    let mut header = format!("{first_column:<8}");
    for (theme, width) in named.iter().zip(&widths) {
        header.push_str(&format!("  {:>width$}", theme.theme));
    }
    anstream::println!("{BOLD}{header}{BOLD:#}");
    for (place, period) in trends.periods.iter().enumerate() {
        let mut row = format!("{period:<8}");
        for (theme, width) in named.iter().zip(&widths) {
            let count = theme.per_period.get(place).copied().unwrap_or(0);
            row.push_str(&format!("  {count:>width$}"));
        }
        println!("{row}");
    }
    let mut total = format!("{:<8}", "all");
    for (theme, width) in named.iter().zip(&widths) {
        total.push_str(&format!("  {:>width$}", theme.incidents));
    }
    anstream::println!("{BOLD}{total}{BOLD:#}");
    let undated = named.iter().any(|theme| theme.per_period.iter().sum::<usize>() < theme.incidents);
    anstream::println!(
        "{DIM}Incidents per theme: each counts once per theme it names.{}{DIM:#}",
        if undated { " `all` includes post-mortems without a date, which no period shows." } else { "" }
    );
}

fn print_incidents(incidents: &[FactorIncident]) {
    for incident in incidents {
        let date = incident.date.map(|date| date.to_string()).unwrap_or_else(|| "no date".into());
        anstream::println!("  {date:<10}  {}  {DIM}{}{DIM:#}", incident.title, incident.path);
        for factor in &incident.factors {
            println!("              - {factor}");
        }
    }
}
