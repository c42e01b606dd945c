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
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step");
}
