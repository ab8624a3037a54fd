# Shared by scripts/serve, scripts/test and scripts/build.
# Every ensure_* step is idempotent: it checks first and installs only what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
# Project-local tools first (wasm-opt from npm's binaryen), then cargo-installed ones.
export PATH="$ROOT/tools/node_modules/.bin:$CARGO_BIN:$PATH"
# Trunk must never download anything: it uses the wasm-bindgen and wasm-opt on PATH.
export TRUNK_OFFLINE=true

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The version of a package as Cargo.lock records it (the single source of truth).
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    say "Installing trunk $TRUNK_VERSION (takes about 13 minutes once)"
    cargo install --locked trunk --version "$TRUNK_VERSION" --force
  fi
}

ensure_wasm_bindgen() {
  local v
  v="$(locked_version wasm-bindgen)"
  [ -n "$v" ] || { echo "wasm-bindgen is not in Cargo.lock" >&2; exit 1; }
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $v" ||
     ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q "$v"; then
    say "Installing wasm-bindgen-cli $v (the version in Cargo.lock)"
    # Not --locked: that lock file names a crate version the registry does not serve.
    cargo install wasm-bindgen-cli --version "$v" --force
  fi
}

# tools/'s npm packages: wasm-opt (binaryen) and terser for builds (scripts/postbuild.mjs
# minifies the JS with terser), playwright-core for the embed checks (it drives Debian's
# Chromium in scripts/check-embed.test.mjs; no browser download). npm ci when node_modules is
# missing, older than the lock file (a checkout that changed it), or lacks one of them.
ensure_tools_npm() {
  local tools="$ROOT/tools"
  if [ ! -f "$tools/node_modules/.package-lock.json" ] ||
     [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ] ||
     ! wasm-opt --version 2>/dev/null | grep -q "version 132" ||
     [ ! -f "$tools/node_modules/terser/package.json" ] ||
     [ ! -f "$tools/node_modules/playwright-core/package.json" ]; then
    say "Installing tools/ npm packages (npm ci): wasm-opt (binaryen), terser, playwright-core"
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  if [ "$(id -u)" = 0 ]; then
    say "Installing Debian's chromium and chromium-driver"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "The browser tests need Chromium and ChromeDriver: run 'sudo apt-get install -y chromium chromium-driver'." >&2
    exit 1
  fi
}

# Headless Firefox ESR for the browser-firefox suite: Debian's firefox-esr.
ensure_firefox() {
  if [ -x /usr/bin/firefox-esr ]; then return; fi
  if [ "$(id -u)" = 0 ]; then
    say "Installing Debian's firefox-esr"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
  else
    echo "The Firefox browser tests need Firefox ESR: run 'sudo apt-get install -y firefox-esr'." >&2
    exit 1
  fi
}

# WebKit for the browser-webkit suite: WebKitGTK's WebDriver (webkit2gtk-driver, which brings
# MiniBrowser) and a virtual display for it (xvfb: MiniBrowser has no headless mode).
ensure_webkit() {
  if [ -x /usr/bin/WebKitWebDriver ] && [ -x /usr/bin/xvfb-run ]; then return; fi
  if [ "$(id -u)" = 0 ]; then
    say "Installing Debian's webkit2gtk-driver and xvfb"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb >/dev/null
  else
    echo "The WebKit browser tests need WebKitGTK's WebDriver and Xvfb: run 'sudo apt-get install -y webkit2gtk-driver xvfb'." >&2
    exit 1
  fi
}

# geckodriver (Firefox's WebDriver) from crates.io, skipped when one is already on PATH.
GECKODRIVER_VERSION="0.37"
ensure_geckodriver() {
  if command -v geckodriver >/dev/null 2>&1; then return; fi
  say "Installing geckodriver $GECKODRIVER_VERSION (cargo install, a few minutes once)"
  cargo install --locked geckodriver --version "~$GECKODRIVER_VERSION"
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_tools_npm
  ensure_trunk
}
