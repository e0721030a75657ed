#!/usr/bin/env bash
# FerretDB v1.24 (MongoDB wire protocol on SQLite) for the contract and integration tests.
#
#   scripts/ferretdb.sh ensure             build the binary unless a working one is cached; prints its path
#   scripts/ferretdb.sh check              exit 0 and print the path when a working binary is cached
#   scripts/ferretdb.sh start <port> <dir> run FerretDB in the foreground on 127.0.0.1:<port>, data in <dir>
#
# Binary: $FERRETDB_BIN, default ~/.cache/lotse/ferretdb-bin/ferretdb.
#
# Why not a plain `go install ...@v1.24.2`: the module zip lacks build/version/version.txt (a generated
# file), and the binary built from it panics at start ("Invalid build/version/version.txt file
# content"). `ensure` therefore downloads the module with the Go tool, copies its source, writes
# version.txt and builds that copy. The first build takes minutes on 2 cores; the result is cached.
set -euo pipefail

readonly FERRETDB_VERSION="v1.24.2"
readonly FERRETDB_MODULE="github.com/FerretDB/FerretDB"
BIN="${FERRETDB_BIN:-$HOME/.cache/lotse/ferretdb-bin/ferretdb}"

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# True when $BIN exists and starts (a broken build panics already on --version).
binary_works() {
  [[ -x "$BIN" ]] && "$BIN" --version >/dev/null 2>&1
}

build() {
  command -v go >/dev/null 2>&1 || { echo "ferretdb.sh: Go toolchain not found (needed to build FerretDB)" >&2; exit 1; }
  local module_dir
  BUILD_DIR="$(mktemp -d)"
  trap 'chmod -R u+w "$BUILD_DIR" 2>/dev/null; rm -rf "$BUILD_DIR"' EXIT
  local work="$BUILD_DIR"
  echo "ferretdb.sh: building FerretDB $FERRETDB_VERSION (first time: several minutes)..." >&2
  # Download into the module cache (what `go install ...@$FERRETDB_VERSION` would fetch).
  module_dir="$(cd "$work" && go mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" \
    | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -n "$module_dir" && -d "$module_dir" ]] || { echo "ferretdb.sh: module download failed" >&2; exit 1; }
  cp -R "$module_dir" "$work/src"
  chmod -R u+w "$work/src"
  echo "$FERRETDB_VERSION" >"$work/src/build/version/version.txt"
  mkdir -p "$(dirname "$BIN")"
  (cd "$work/src" && GOFLAGS=-buildvcs=false go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb)
  mv -f "$BIN.tmp" "$BIN"
}

cmd="${1:-}"
case "$cmd" in
  ensure)
    binary_works || build
    binary_works || { echo "ferretdb.sh: $BIN does not run after the build" >&2; exit 1; }
    echo "$BIN"
    ;;
  check)
    binary_works || { echo "ferretdb.sh: no working FerretDB binary at $BIN (run: scripts/ferretdb.sh ensure)" >&2; exit 1; }
    echo "$BIN"
    ;;
  start)
    [[ $# -eq 3 ]] || usage
    port="$2"
    dir="$3"
    [[ "$port" =~ ^[0-9]+$ ]] || { echo "ferretdb.sh: port must be a number" >&2; exit 2; }
    binary_works || { echo "ferretdb.sh: no working FerretDB binary at $BIN (run: scripts/ferretdb.sh ensure)" >&2; exit 1; }
    mkdir -p "$dir"
    # exec: the caller's child pid is FerretDB itself, so killing it stops the server.
    exec "$BIN" \
      --handler=sqlite \
      --sqlite-url="file:$dir/" \
      --listen-addr="127.0.0.1:$port" \
      --state-dir="$dir" \
      --debug-addr=- \
      --telemetry=disable \
      --log-level=WARN
    ;;
  *)
    usage
    ;;
esac
