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
