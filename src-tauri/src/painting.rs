//! How the window paints on Linux. WebKitGTK paints pages with Skia on the GPU unless told
//! otherwise. On a machine without a GPU render node (no `/dev/dri/renderD*`, as on most
//! VMs and remote desktops) that GPU is Mesa's software GL running on the CPU anyway;
//! there, painting Debrief's pages (text and borders) on the CPU directly, without
//! compiling shaders and filling GPU caches, shows the capture view sooner and keeps
//! WebKit's web process smaller (tests/app/measure; README, "The desktop app"). With a
//! render node WebKit keeps its default. Only painting changes; compositing is left to
//! WebKit. Someone who sets the variable themselves (`1` paints on the CPU, `0` on the
//! GPU) keeps their choice.

use std::ffi::OsStr;

const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
const GPU_DEVICES: &str = "/dev/dri";

/// Asks WebKit's web process, which starts later with this environment, to paint on the
/// CPU when the machine has no GPU render node.
pub fn prefer_cpu_without_gpu() {
    // No /dev/dri at all, or one that cannot be read, leaves no render node to paint with.
    let device_names = std::fs::read_dir(GPU_DEVICES).into_iter().flatten().flatten().map(|entry| entry.file_name());
    if paints_on_cpu(device_names, std::env::var_os(CPU_PAINTING).as_deref()) {
        // SAFETY: called first thing in `main`, before any thread exists that could read the
        // environment at the same time.
        unsafe { std::env::set_var(CPU_PAINTING, "1") };
    }
}

/// Whether Debrief should ask for CPU painting, given the names in `/dev/dri` and the
/// variable as the user's environment has it.
fn paints_on_cpu<Name: AsRef<OsStr>>(
    device_names: impl IntoIterator<Item = Name>,
    chosen_by_user: Option<&OsStr>,
) -> bool {
    chosen_by_user.is_none()
        && !device_names.into_iter().any(|name| name.as_ref().to_str().is_some_and(|name| name.starts_with("renderD")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_DEVICES: [&str; 0] = [];

    #[test]
    fn paints_on_the_cpu_only_without_a_render_node() {
        assert!(paints_on_cpu(NO_DEVICES, None), "no /dev/dri: a VM or Xvfb");
        assert!(paints_on_cpu(["card0", "by-path"], None), "a display controller alone renders nothing");
        assert!(!paints_on_cpu(["by-path", "card0", "renderD128"], None), "a GPU keeps WebKit's default");
        assert!(!paints_on_cpu(["card1", "renderD129", "card0", "renderD128"], None), "two GPUs");
    }

    #[test]
    fn the_users_own_setting_is_kept() {
        for chosen in ["0", "1", ""] {
            assert!(!paints_on_cpu(NO_DEVICES, Some(OsStr::new(chosen))), "{chosen:?} without a GPU");
            assert!(!paints_on_cpu(["renderD128"], Some(OsStr::new(chosen))), "{chosen:?} with a GPU");
        }
    }
}
