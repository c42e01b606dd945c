//! The typed boundary between Rust and the UI. tauri-specta derives the TypeScript
//! for every command and type from the Rust signatures; the result is checked in as
//! `ui/src/ipc/bindings.ts` and a test fails when it no longer matches the Rust side.

use tauri_specta::collect_commands;

use crate::commands;

/// Every command the UI may call. Capabilities allow exactly these (see build.rs).
/// Entry numbers (`i64`) count lines in one incident, far below 2^53, so TypeScript
/// sees them as plain numbers.
pub fn builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new().dangerously_cast_bigints_to_number().disable_serde_phases().commands(
        collect_commands![
            commands::capture::list_incidents,
            commands::capture::current_incident,
            commands::capture::incident,
            commands::capture::create_incident,
            commands::capture::timeline,
            commands::capture::append_line,
            commands::capture::mark,
            commands::capture::edit_entry,
            commands::draft::open_draft,
            commands::draft::save_draft,
            commands::draft::check_wording,
            commands::draft::preview,
            commands::draft::set_facts,
            commands::draft::set_key_time,
            commands::draft::add_action_item,
            commands::draft::update_action_item,
            commands::publish::publish_checks,
            commands::publish::publish,
            commands::publish::publish_queue,
            commands::publish::retry_publish_queue,
            commands::browse::sync_shared_repository,
            commands::browse::search,
            commands::browse::read_postmortem,
            commands::browse::open_action_items,
            commands::browse::on_this_day,
            commands::browse::trends,
            commands::imports::slack_channels,
            commands::imports::import_into,
            commands::settings::repository_overview,
            commands::settings::set_repository_url,
            commands::settings::set_identity,
            commands::settings::test_connection,
        ],
    )
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use specta_typescript::Typescript;

    use super::*;

    const CHECKED_IN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/ipc/bindings.ts");
    const UPDATE: &str = "DEBRIEF_UPDATE_BINDINGS";
    const HEADER: &str =
        "// From src-tauri/src/ipc.rs; regenerate with DEBRIEF_UPDATE_BINDINGS=1 cargo test -p debrief-app bindings\n";

    /// `DEBRIEF_UPDATE_BINDINGS=1 cargo test -p debrief-app bindings` rewrites the checked-in file.
    #[test]
    fn checked_in_bindings_match_the_commands() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let exported = dir.path().join("bindings.ts");
        builder().export(Typescript::default().header(HEADER), &exported).expect("bindings export");
        let fresh = std::fs::read_to_string(&exported).expect("exported bindings");
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
}
