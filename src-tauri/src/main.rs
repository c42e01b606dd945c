//! `debrief-app`: the Debrief desktop app. A Tauri window around the web UI in `ui/`,
//! whose only way into Rust is the typed commands in [`commands`]; everything those
//! commands do is `debrief-core`'s, shared with the `debrief` command.

// No console window next to the app on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;
mod ipc;
mod navigation;

use anyhow::Context as _;

fn main() -> anyhow::Result<()> {
    let ipc = ipc::builder();
    commands::publish::retry_in_background();
    tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(navigation::guard())
        .manage(commands::AppState::default())
        .invoke_handler(ipc.invoke_handler())
        .run(tauri::generate_context!())
        .context("the Debrief window could not be started")
}
