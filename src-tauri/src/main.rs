//! `debrief-app`: the Debrief desktop app. A Tauri window around the web UI in `ui/`,
//! whose only way into Rust is the typed commands in [`commands`]; everything those
//! commands do is `debrief-core`'s, shared with the `debrief` command. Slow work runs on
//! Tauri's tokio runtime ([`background`]), queued publishes are pushed by a task that
//! lives as long as the app ([`push_retry`]), live incidents are shared by another
//! ([`live_sharing`]), and what happens is logged where the CLI logs ([`logging`]). On
//! Linux, scrollable areas are painted with the page, and on a machine without a GPU,
//! WebKit paints the pages on the CPU ([`painting`]).

// No console window next to the app on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod background;
#[cfg(test)]
mod command_names;
mod commands;
mod error;
mod ipc;
mod live_sharing;
mod logging;
mod navigation;
#[cfg(target_os = "linux")]
mod painting;
mod push_retry;

use anyhow::Context as _;
use tauri::{Manager as _, RunEvent};

fn main() -> anyhow::Result<()> {
    #[cfg(target_os = "linux")]
    painting::prefer_cpu_without_gpu();
    logging::init();
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Debrief app starting");
    let ipc = ipc::builder();
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(navigation::guard())
        .manage(commands::AppState::default())
        .invoke_handler(ipc::invoke_handler(&ipc))
        .setup(move |app| {
            ipc.mount_events(app);
            #[cfg(target_os = "linux")]
            if let Some(window) = app.get_webview_window("main") {
                window.with_webview(|webview| painting::paint_scrollable_areas_with_page(&webview.inner()))?;
            }
            app.manage(push_retry::start());
            app.manage(live_sharing::start(app.handle().clone()));
            Ok(())
        })
        .build(tauri::generate_context!())
        .context("the Debrief window could not be started")?;
    app.run(|app, event| {
        if let RunEvent::Exit = event {
            if let Some(retry) = app.try_state::<push_retry::PushRetry>() {
                retry.stop();
            }
            if let Some(sharing) = app.try_state::<live_sharing::LiveSharing>() {
                sharing.stop();
            }
            tracing::info!("Debrief app closed");
        }
    });
    Ok(())
}
