//! Generates one permission per command registered in src/ipc.rs (the one list of
//! commands) and embeds the capabilities that grant them, so the window can call exactly
//! Debrief's commands and nothing else. A test in ipc.rs checks that the capability file
//! grants each of them and nothing more.

#[path = "src/command_names.rs"]
mod command_names;

fn main() {
    println!("cargo:rerun-if-changed=src/ipc.rs");
    println!("cargo:rerun-if-changed=src/command_names.rs");
    let source = std::fs::read_to_string("src/ipc.rs").expect("src/ipc.rs is readable");
    let commands = command_names::in_ipc_source(&source);
    assert!(!commands.is_empty(), "src/ipc.rs lists no commands in collect_commands![...]");
    // tauri-build keeps the names for the whole build; a build script ends right after.
    let commands: Vec<&'static str> = commands.into_iter().map(|name| &*name.leak()).collect();
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands.leak())),
    )
    .expect("tauri build step");
}
