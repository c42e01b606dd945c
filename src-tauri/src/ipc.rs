//! The typed boundary between Rust and the UI, and the one list of commands. tauri-specta
//! derives the TypeScript for every command and type from the Rust signatures; the result
//! is checked in as `ui/src/ipc/bindings.ts`, from which the UI's wrappers are derived, and
//! a test fails when it no longer matches the Rust side. build.rs makes one permission per
//! command listed here, and a test fails when `capabilities/main.json` does not grant
//! exactly those.

use tauri::ipc::Invoke;
use tauri_specta::{collect_commands, collect_events};

use crate::{commands, live_sharing};

/// Every command the UI may call, and the events it may hear. Capabilities allow exactly
/// these commands (see build.rs); the events need `mount_events` at setup.
/// Entry numbers (`i64`) count lines in one incident, far below 2^53, so TypeScript
/// sees them as plain numbers.
pub fn builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .dangerously_cast_bigints_to_number()
        .disable_serde_phases()
        .commands(collect_commands![
            commands::capture::list_incidents,
            commands::capture::opening,
            commands::capture::incident,
            commands::capture::create_incident,
            commands::capture::timeline_page,
            commands::capture::append_line,
            commands::capture::mark,
            commands::capture::edit_entry,
            commands::live::joinable_incidents,
            commands::live::join_incident,
            commands::live::live_status,
            commands::live::accept_proposal,
            commands::draft::open_draft,
            commands::draft::save_draft,
            commands::draft::check_wording,
            commands::draft::check_claims,
            commands::draft::preview,
            commands::draft::set_facts,
            commands::draft::set_start,
            commands::draft::set_key_time,
            commands::draft::add_action_item,
            commands::draft::update_action_item,
            commands::draft::factor_themes,
            commands::draft::add_factor,
            commands::draft::update_factor,
            commands::draft::remove_factor,
            commands::publish::publish_checks,
            commands::publish::publish,
            commands::publish::publish_queue,
            commands::publish::retry_publish_queue,
            commands::browse::sync_shared_repository,
            commands::browse::search,
            commands::browse::read_postmortem,
            commands::browse::open_published,
            commands::browse::open_action_items,
            commands::browse::owner_rollup,
            commands::browse::on_this_day,
            commands::browse::trends,
            commands::browse::seen_before,
            commands::browse::factor_trends,
            commands::imports::slack_channels,
            commands::imports::import_into,
            commands::imports::import_postmortem_file,
            commands::settings::repository_overview,
            commands::settings::set_repository_url,
            commands::settings::set_identity,
            commands::settings::test_connection,
            commands::settings::set_up_repository,
            commands::tasks::start_task,
            commands::tasks::cancel_task,
        ])
        .events(collect_events![live_sharing::LiveShared])
}

/// The commands' handler, logging each call by name (never its arguments, which carry
/// what people typed).
pub fn invoke_handler(
    builder: &tauri_specta::Builder<tauri::Wry>,
) -> impl Fn(Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
    let handle = builder.invoke_handler();
    move |invoke| {
        tracing::debug!(command = invoke.message.command(), "called");
        handle(invoke)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use specta_typescript::Typescript;

    use super::*;
    use crate::command_names;

    const CHECKED_IN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/ipc/bindings.ts");
    const UPDATE: &str = "DEBRIEF_UPDATE_BINDINGS";
    const HEADER: &str =
        "// From src-tauri/src/ipc.rs; regenerate with DEBRIEF_UPDATE_BINDINGS=1 cargo test -p debrief-app bindings\n";

    const CAPABILITY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities/main.json");

    fn exported_bindings() -> String {
        let dir = tempfile::tempdir().expect("temporary directory");
        let exported = dir.path().join("bindings.ts");
        builder().export(Typescript::default().header(HEADER), &exported).expect("bindings export");
        std::fs::read_to_string(&exported).expect("exported bindings")
    }

    /// The commands the window can invoke, as the exported bindings name them.
    fn invoked_commands(bindings: &str) -> BTreeSet<String> {
        bindings
            .split("__TAURI_INVOKE(\"")
            .skip(1)
            .filter_map(|call| call.split('"').next())
            .map(str::to_string)
            .collect()
    }

    /// `DEBRIEF_UPDATE_BINDINGS=1 cargo test -p debrief-app bindings` rewrites the checked-in file.
    #[test]
    fn checked_in_bindings_match_the_commands() {
        let fresh = exported_bindings();
        if std::env::var_os(UPDATE).is_some() {
            std::fs::write(CHECKED_IN, &fresh).expect("checked-in bindings written");
        }
        let checked_in = std::fs::read_to_string(Path::new(CHECKED_IN)).unwrap_or_default();
        assert!(
            fresh == checked_in,
            "ui/src/ipc/bindings.ts differs from what the Rust commands export; \
             run `{UPDATE}=1 cargo test -p debrief-app bindings` and commit the result"
        );
    }

    /// The list build.rs makes permissions from is the list tauri-specta registers.
    #[test]
    fn build_step_reads_every_registered_command() {
        let listed: BTreeSet<String> = command_names::in_ipc_source(include_str!("ipc.rs")).into_iter().collect();
        assert_eq!(listed, invoked_commands(&exported_bindings()));
    }

    /// Adding a command to the list above without granting it, or granting one that is
    /// not there, fails here rather than in the window ("not allowed by ACL").
    #[test]
    fn capability_grants_exactly_the_registered_commands() {
        let capability: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(CAPABILITY).expect("capability file")).expect("JSON");
        let granted: BTreeSet<String> = capability["permissions"]
            .as_array()
            .expect("a list of permissions")
            .iter()
            .filter_map(serde_json::Value::as_str)
            // Tauri's own (core:event:...) are granted by name, outside Debrief's commands.
            .filter(|permission| !permission.contains(':'))
            .map(str::to_string)
            .collect();
        let needed: BTreeSet<String> = invoked_commands(&exported_bindings())
            .iter()
            .map(|command| format!("allow-{}", command.replace('_', "-")))
            .collect();
        let missing: Vec<_> = needed.difference(&granted).collect();
        let unknown: Vec<_> = granted.difference(&needed).collect();
        assert!(
            missing.is_empty() && unknown.is_empty(),
            "capabilities/main.json must grant exactly the commands in ipc.rs; \
             add {missing:?} and remove {unknown:?}"
        );
    }
}
