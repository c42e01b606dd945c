//! How the window paints on Linux. WebKitGTK paints pages with Skia on the GPU unless told
//! otherwise. On a machine without a GPU render node (no `/dev/dri/renderD*`, as on most
//! VMs and remote desktops) that GPU is Mesa's software GL running on the CPU anyway;
//! there, painting Debrief's pages (text and borders) on the CPU directly, without
//! compiling shaders and filling GPU caches, shows the capture view sooner and keeps
//! WebKit's web process smaller (tests/app/measure; README, "The desktop app"). With a
//! render node WebKit keeps its default. Only painting changes; compositing is left to
//! WebKit. Someone who sets the variable themselves (`1` paints on the CPU, `0` on the
//! GPU) keeps their choice.
//!
//! Whatever paints them, scrollable areas are painted with the page rather than each in a
//! layer of its own ([`paint_scrollable_areas_with_page`]).

use std::ffi::{CStr, OsStr, c_char, c_void};

use webkit2gtk::WebViewExt as _;
use webkit2gtk::glib::translate::ToGlibPtr as _;

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

/// WebKit gives each scrollable area of a page a layer of its own, painted ahead beyond what
/// shows so that it can scroll without the page's thread: for the timeline, 12 to 16 MB in
/// the web process as soon as it holds more lines than fit (README, "The desktop app").
/// Debrief's long lists draw their rows on the page's thread as they scroll anyway, so those
/// areas are painted with the page instead. A WebKitGTK without the switch (before 2.42)
/// keeps its default.
pub fn paint_scrollable_areas_with_page(webview: &webkit2gtk::WebView) {
    let Some(settings) = webview.settings() else { return };
    let turned_off =
        FeatureSwitches::find().is_some_and(|switches| switches.turn_off(&settings, c"AsyncOverflowScrolling"));
    tracing::debug!(turned_off, "scrollable areas painted with the page");
}

/// An object WebKitGTK hands out and takes back (a feature, a list of them).
type Opaque = *mut c_void;

/// WebKitGTK's switches for its features (2.42 and later), looked up as the app starts, so
/// that an older WebKitGTK still runs it.
struct FeatureSwitches {
    all: unsafe extern "C" fn() -> Opaque,
    length: unsafe extern "C" fn(Opaque) -> usize,
    get: unsafe extern "C" fn(Opaque, usize) -> Opaque,
    identifier: unsafe extern "C" fn(Opaque) -> *const c_char,
    set_enabled: unsafe extern "C" fn(*mut webkit2gtk::ffi::WebKitSettings, Opaque, webkit2gtk::glib::ffi::gboolean),
    release: unsafe extern "C" fn(Opaque),
}

impl FeatureSwitches {
    fn find() -> Option<Self> {
        // SAFETY: each field's type is the declaration, in WebKitSettings.h and WebKitFeature.h,
        // of the function named for it.
        unsafe {
            Some(Self {
                all: function(c"webkit_settings_get_all_features")?,
                length: function(c"webkit_feature_list_get_length")?,
                get: function(c"webkit_feature_list_get")?,
                identifier: function(c"webkit_feature_get_identifier")?,
                set_enabled: function(c"webkit_settings_set_feature_enabled")?,
                release: function(c"webkit_feature_list_unref")?,
            })
        }
    }

    /// Turns off the feature WebKit calls `identifier`; false when this WebKit has none by that name.
    fn turn_off(&self, settings: &webkit2gtk::Settings, identifier: &CStr) -> bool {
        // SAFETY: the list is a new reference, given back once read; the features it holds live
        // as long as it does, and their identifiers are NUL-terminated strings.
        unsafe {
            let features = (self.all)();
            let found = (0..(self.length)(features))
                .map(|index| (self.get)(features, index))
                .find(|&feature| CStr::from_ptr((self.identifier)(feature)) == identifier);
            if let Some(feature) = found {
                (self.set_enabled)(settings.to_glib_none().0, feature, webkit2gtk::glib::ffi::GFALSE);
            }
            (self.release)(features);
            found.is_some()
        }
    }
}

/// The function of that name in the libraries the app runs with, as `F`.
///
/// # Safety
/// `F` must be a function pointer type matching the function's C declaration.
unsafe fn function<F: Copy>(name: &CStr) -> Option<F> {
    const { assert!(size_of::<F>() == size_of::<Opaque>()) };
    // SAFETY: dlsym only reads the name, a NUL-terminated string.
    let address = unsafe { libc::dlsym(libc::RTLD_DEFAULT, name.as_ptr()) };
    // SAFETY: the caller says `F` is the function's type, and it has an address's size.
    (!address.is_null()).then(|| unsafe { std::mem::transmute_copy::<Opaque, F>(&address) })
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
