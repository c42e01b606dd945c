//! `debrief draft`: the post-mortem draft, written from the timeline into the
//! team's template, and edited in `$EDITOR` with the result kept in the store.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, bail};
use debrief_core::files::write_atomically;
use debrief_core::workspace::ReadBack;
use debrief_core::{TemplateChoice, Workspace, shell_word};

use super::{Context, IncidentArg, print_read_back};

/// Write the post-mortem draft as Markdown, or edit it
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  debrief draft > postmortem.md\n  debrief draft -o postmortem.md --incident 2026-11-23-checkout-latency\n  debrief draft --edit                  # opens $VISUAL or $EDITOR; the result is kept\n  debrief draft --template team-template.md\n  debrief draft --template team-template.md --start-over   # the draft so far is kept in a file"
)]
pub struct Args {
    #[command(flatten)]
    incident: IncidentArg,

    /// Write to FILE instead of standard output
    #[arg(long, short, value_name = "FILE", conflicts_with = "edit")]
    output: Option<PathBuf>,

    /// Open the draft in $VISUAL or $EDITOR and keep what you save
    #[arg(long)]
    edit: bool,

    /// Sections to start the draft from [default: the shared repository's .debrief/template.md, else Debrief's]; a
    /// draft nobody has written in starts again from it
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,

    /// Start the draft again from the template even though it holds writing; the draft as it
    /// stands is kept in a file in the data directory first
    #[arg(long)]
    start_over: bool,
}

pub fn run(context: &Context, args: Args) -> anyhow::Result<ExitCode> {
    let workspace = context.workspace()?;
    let incident = args.incident.target(&workspace)?.id;
    let markdown = if args.template.is_some() || args.start_over {
        chosen_template(&workspace, &incident, args.template.as_deref(), args.start_over)?
    } else {
        workspace.draft(&incident, None)?
    };
    if args.edit {
        let edits = workspace.data_dir().join("edits");
        return edit(&workspace, &incident, &markdown, &edits);
    }
    match args.output {
        Some(path) => {
            write_atomically(&path, markdown.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote the draft of {incident} to {}", path.display());
        }
        None => print!("{markdown}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// The draft started from the template asked for, saying so when that replaced the draft; a
/// draft holding writing is never replaced without --start-over.
fn chosen_template(
    workspace: &Workspace,
    incident: &str,
    template: Option<&Path>,
    start_over: bool,
) -> anyhow::Result<String> {
    let chosen = workspace.draft_from_template(incident, template, start_over)?;
    let named = template.map_or_else(|| "the team's template".to_string(), |file| file.display().to_string());
    match chosen.choice {
        TemplateChoice::Started | TemplateChoice::Unchanged => {}
        TemplateChoice::Replaced { unwritten: true } => {
            eprintln!("Started the draft of {incident} again from {named}: nothing had been written in it yet.");
        }
        // Started over: the draft as it stood was kept first.
        TemplateChoice::Replaced { unwritten: false } => eprintln!(
            "Started the draft of {incident} again from {named}; the draft as it stood is kept in {}.",
            chosen.kept_in.as_deref().map_or_else(|| "the data directory".into(), Path::to_string_lossy)
        ),
        TemplateChoice::Written => {
            let again = template
                .map_or_else(String::new, |file| format!(" --template {}", shell_word(&file.display().to_string())));
            bail!(
                "the draft of {incident} already holds writing, and a template only starts a draft, so {named} was not \
                 used. Nothing was changed; `debrief draft --edit` moves the writing by hand, or `debrief draft \
                 --incident {incident}{again} --start-over` starts the draft again from it, keeping the draft as it \
                 stands in a file"
            );
        }
    }
    Ok(chosen.markdown)
}

/// Edits go through a file in the data directory, so a crash or a mistake never loses them:
/// the file is removed only once its content is safely in the store.
fn edit(workspace: &Workspace, incident: &str, markdown: &str, edits: &Path) -> anyhow::Result<ExitCode> {
    std::fs::create_dir_all(edits).with_context(|| format!("cannot create {}", edits.display()))?;
    let path = edits.join(format!("{incident}.md"));
    match std::fs::read_to_string(&path) {
        Ok(unsaved) if unsaved != markdown => {
            eprintln!("Reopening your earlier edit that was not saved yet: {}", path.display());
        }
        _ => {
            write_atomically(&path, markdown.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?
        }
    }
    let editor = std::env::var("VISUAL").or_else(|_| std::env::var("EDITOR")).unwrap_or_else(|_| "vi".into());
    // Through the shell, so editors given with arguments ("code --wait") work.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("debrief-editor")
        .arg(&path)
        .status()
        .with_context(|| format!("cannot start the editor `{editor}`; set VISUAL or EDITOR"))?;
    if !status.success() {
        bail!("the editor `{editor}` failed ({status}); your edit is kept in {}", path.display());
    }
    let after = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read your edit back from {}; it is kept there", path.display()))?;
    if after == markdown {
        std::fs::remove_file(&path).ok();
        eprintln!("No changes.");
        return Ok(ExitCode::SUCCESS);
    }
    let saved = workspace.save_draft(incident, &after);
    let report = match saved {
        Ok(report) => report,
        Err(error) => {
            return Err(anyhow::Error::new(error).context(format!(
                "your edit was NOT saved; it is kept in {}: run `debrief draft --edit` again to fix it",
                path.display()
            )));
        }
    };
    std::fs::remove_file(&path).ok();
    let open = workspace.incident(incident)?.resolved_at.is_none();
    print_read_back(&ReadBack::imported(report, path.display().to_string(), open))
}
