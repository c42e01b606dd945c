//! How the window paints on Linux. WebKitGTK paints pages with Skia on the GPU unless told
//! otherwise. Debrief's pages are text and borders: painted on the CPU instead, without the
//! GPU's shader compiling and caches, the capture view shows sooner and WebKit's web process
//! holds less, and a long timeline scrolls as smoothly (tests/app/measure; README, "The
//! desktop app"). Compositing stays on the GPU. Someone who sets the variable themselves
//! (`0` paints on the GPU again) keeps their choice.

const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Asks WebKit's web process, which starts later with this environment, to paint on the CPU.
pub fn prefer_cpu() {
    if std::env::var_os(CPU_PAINTING).is_none() {
        // SAFETY: called first thing in `main`, before any thread exists that could read the
        // environment at the same time.
        unsafe { std::env::set_var(CPU_PAINTING, "1") };
    }
}
