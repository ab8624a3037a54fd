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

# Debian packages for what `needs` (the tests that use them), unless every one of `files`
# (the programs they bring) is there already: as root, apt-get installs them; otherwise the
# script says what to install and stops.
# Usage: ensure_debian_packages NEEDS "PACKAGE ..." FILE ...
ensure_debian_packages() {
  local needs="$1" packages="$2"; shift 2
  local f missing=0
  for f in "$@"; do [ -x "$f" ] || missing=1; done
  [ "$missing" = 1 ] || return 0
  if [ "$(id -u)" = 0 ]; then
    say "Installing Debian's $packages"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086 # the package list is words
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
  else
    echo "$needs: run 'sudo apt-get install -y $packages'." >&2
    exit 1
  fi
}

ensure_chromium() {
  ensure_debian_packages "The browser tests need Chromium and ChromeDriver" \
    "chromium chromium-driver" /usr/bin/chromium /usr/bin/chromedriver
}

# Headless Firefox ESR for the browser-firefox suite: Debian's firefox-esr.
ensure_firefox() {
  ensure_debian_packages "The Firefox browser tests need Firefox ESR" firefox-esr /usr/bin/firefox-esr
}

# WebKit for the browser-webkit and e2e-webkit suites: WebKitGTK's WebDriver
# (webkit2gtk-driver, which brings MiniBrowser) and a virtual display for it (xvfb:
# MiniBrowser has no headless mode).
ensure_webkit() {
  ensure_debian_packages "The WebKit browser tests need WebKitGTK's WebDriver and Xvfb" \
    "webkit2gtk-driver xvfb" /usr/bin/WebKitWebDriver /usr/bin/xvfb-run
}

# python-docx for the Word writer's test (docx/tests/write.rs reads a generated plan with it):
# from PyPI for the python3 on PATH, else Debian's python3-docx.
ensure_python_docx() {
  if python3 -c 'import docx' >/dev/null 2>&1; then return; fi
  say "Installing python-docx (pip)"
  python3 -m pip install --quiet python-docx >/dev/null 2>&1 ||
    ensure_debian_packages "The Word writer's test needs python-docx" python3-docx /nonexistent
  python3 -c 'import docx' || { echo "python-docx could not be installed for $(command -v python3)" >&2; exit 1; }
}

# openxml-audit (PyPI, pinned): the documents suite's validator of Office Open XML.
OPENXML_AUDIT_VERSION="0.8.0"
ensure_openxml_audit() {
  if python3 -c 'import openxml_audit' >/dev/null 2>&1; then return; fi
  say "Installing openxml-audit $OPENXML_AUDIT_VERSION (pip)"
  python3 -m pip install --quiet "openxml-audit==$OPENXML_AUDIT_VERSION" >/dev/null 2>&1
  python3 -c 'import openxml_audit' || { echo "openxml-audit could not be installed for $(command -v python3)" >&2; exit 1; }
}

# LibreOffice (headless, no GUI) and poppler's pdftotext for the documents suite: Debian's
# libreoffice-writer-nogui and poppler-utils.
ensure_office() {
  ensure_debian_packages "The documents suite needs LibreOffice Writer and pdftotext" \
    "libreoffice-writer-nogui poppler-utils" /usr/bin/soffice /usr/bin/pdftotext
}

# geckodriver (Firefox's WebDriver) from crates.io, skipped when one is already on PATH.
GECKODRIVER_VERSION="0.37"
ensure_geckodriver() {
  if command -v geckodriver >/dev/null 2>&1; then return; fi
  say "Installing geckodriver $GECKODRIVER_VERSION (cargo install, a few minutes once)"
  cargo install --locked geckodriver --version "~$GECKODRIVER_VERSION"
}

# wasm-split-cli, which splits the code the start page never runs off the app's WebAssembly
# (the build's step "split", scripts/postbuild.mjs). It prints no version: cargo's list of installed
# packages tells.
WASM_SPLIT_VERSION="0.2.4"
ensure_wasm_split() {
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" ||
     ! command -v wasm-split-cli >/dev/null 2>&1; then
    say "Installing wasm-split-cli $WASM_SPLIT_VERSION (cargo install, a minute or two once)"
    cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
  fi
}

# Trunk for the app (scripts/build, scripts/serve): cargo's link of its WebAssembly keeps the
# linker's relocations (--emit-relocs), which wasm-split-cli reads to split the pages' code
# off (scripts/postbuild.mjs step "split"); the build leaves them out of dist/. Set here
# and not in .cargo/config.toml, so no other wasm32 build (the browser tests, the size
# baseline) carries them.
APP_RUSTFLAGS="-C link-arg=--emit-relocs"
trunk_app() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$APP_RUSTFLAGS" trunk "$@"
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_tools_npm
  ensure_wasm_split
  ensure_trunk
}
