//! Generates one permission per command and embeds the capabilities that grant them,
//! so the window can call exactly Debrief's commands and nothing else.

const COMMANDS: &[&str] = &[
    "list_incidents",
    "current_incident",
    "incident",
    "create_incident",
    "timeline",
    "append_line",
    "mark",
    "edit_entry",
    "open_draft",
    "save_draft",
    "check_wording",
    "preview",
    "set_facts",
    "set_key_time",
    "add_action_item",
    "update_action_item",
    "publish_checks",
    "publish",
    "publish_queue",
    "retry_publish_queue",
    "sync_shared_repository",
    "search",
    "read_postmortem",
    "open_action_items",
    "on_this_day",
    "trends",
    "slack_channels",
    "import_into",
    "repository_overview",
    "set_repository_url",
    "set_identity",
    "test_connection",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
