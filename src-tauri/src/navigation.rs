//! The window shows Debrief's own pages and nothing else. A published post-mortem is
//! written by anyone with access to the shared repository, and its links are kept (the
//! reader shows where they lead); following one must not turn the app's window, with
//! its access to Debrief's commands, into a browser for someone else's page.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

/// Refuses every navigation away from the app's own pages.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard").on_navigation(|_, url| is_own_page(url)).build()
}

fn is_own_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => true,
        "http" | "https" if url.host_str() == Some("tauri.localhost") => true,
        // `cargo tauri dev` serves the UI from Vite; release builds embed it.
        "http" => cfg!(debug_assertions) && url.host_str() == Some("localhost"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_pages_may_be_shown() {
        for own in ["tauri://localhost/", "tauri://localhost/index.html", "http://tauri.localhost/"] {
            assert!(is_own_page(&Url::parse(own).unwrap()), "{own}");
        }
        for foreign in [
            "https://example.com/",
            "http://tauri.localhost.example.com/",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
        ] {
            assert!(!is_own_page(&Url::parse(foreign).unwrap()), "{foreign}");
        }
    }
}
