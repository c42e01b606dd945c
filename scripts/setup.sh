# Shared by ./run and ./run-tests: install what Debrief needs on first use,
# idempotently and quietly. Sourced, not run.

# Debian packages, installed only when missing. Output goes to a log; one line says what happens.
need_debian_packages() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  local log="${TMPDIR:-/tmp}/debrief-apt.log"
  echo "Installing Debian packages: ${missing[*]} (log: $log)" >&2
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    echo "Could not install ${missing[*]}; see $log" >&2
    return 1
  fi
}

# npm packages of a front-end directory, installed from its lock file when it changed.
need_npm_packages() {
  local dir="$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing npm packages in $dir" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
}

# Where cargo puts what it builds.
TARGET_DIR="${CARGO_TARGET_DIR:-target}"

# What building the desktop app needs: Tauri's WebKitGTK stack and a C toolchain.
APP_DEBIAN_PACKAGES=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev
  build-essential pkg-config)
# What driving it in a real window needs: a virtual display and WebKit's WebDriver.
WINDOW_TEST_DEBIAN_PACKAGES=(xvfb xauth x11-utils webkit2gtk-driver python3)

# The desktop app as people run it: a release build with ui/dist embedded (custom-protocol).
build_app() {
  need_debian_packages "${APP_DEBIAN_PACKAGES[@]}"
  need_npm_packages ui
  (cd ui && npm run --silent build -- --logLevel error)
  cargo build --release --locked --quiet -p debrief-app --features custom-protocol
}

# tauri-driver bridges WebDriver clients to WebKitWebDriver for Tauri apps; built once, kept in ~/.cargo/bin.
need_tauri_driver() {
  local driver="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
  [ -x "$driver" ] && return 0
  local log="${TMPDIR:-/tmp}/debrief-tauri-driver.log"
  echo "Installing tauri-driver (log: $log)" >&2
  if ! cargo install tauri-driver --version '^2' --locked >"$log" 2>&1; then
    echo "Could not install tauri-driver; see $log" >&2
    return 1
  fi
}
