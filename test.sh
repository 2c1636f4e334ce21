#!/usr/bin/env bash
# Runs every test of Candor: formatting, lints, unit, property, integration, interop
# (stock `age` CLI), browser (headless Chromium, JavaScript off; axe-core and the Nu HTML
# Checker over every page in every language) and Tor (a private Tor
# network on loopback, ../shared/tor) tests, then a short run of every fuzz target.
# Installs what is missing on Debian/Ubuntu.
#   ./test.sh                  everything
#   FUZZ_SECONDS=0 ./test.sh   skip the fuzz runs (not CANDOR_…: the tests' servers
#                              would read that as a setting)
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v age >/dev/null || need+=(age)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v fincore >/dev/null || need+=(util-linux-extra)
command -v tor >/dev/null || need+=(tor)
command -v curl >/dev/null || need+=(curl)
# Reporters' files: the safe view's sandbox and converters, and the independent checks.
command -v bwrap >/dev/null || need+=(bubblewrap)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v exiftool >/dev/null || need+=(libimage-exiftool-perl)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v python3 >/dev/null || need+=(python3)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# Accessibility and HTML checks of every page in every language: axe-core and the Nu HTML
# Checker from npm (tests/a11y), the checker run with Java.
command -v java >/dev/null || need+=(default-jre-headless)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "==> installing ${need[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Every dependency's source, for every platform: `cargo metadata --offline` in the tests
# reads them all, and a build downloads only this platform's.
echo "==> cargo fetch"
cargo fetch --locked
echo "==> npm ci (tests/a11y: axe-core, vnu-jar)"
npm ci --prefix tests/a11y --no-audit --no-fund --silent
echo "==> cargo fmt --check"
cargo fmt --check
echo "==> cargo clippy"
cargo clippy --locked --workspace --all-targets -- -D warnings
# PostgreSQL: a throw-away cluster on a Unix socket in /tmp, run as an unprivileged user
# (`postgres` when this runs as root), stopped and removed at exit. The store's tests and
# the integration suite's second run use it.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_dir=$(mktemp -d /tmp/candor-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U candor -E UTF8 --no-instructions >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-k $pg_dir -c listen_addresses='' -c max_connections=300 -c wal_recycle=off" start >/dev/null
stop_postgres() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
export TEST_POSTGRES_URL="postgres://candor@localhost/postgres?host=$pg_dir"
# The retention test searches the cluster's files for what a deletion must not leave.
export TEST_POSTGRES_DATA="$pg_dir/data"

echo "==> cargo test"
cargo test --locked --workspace
echo "==> cargo test (integration suite on PostgreSQL)"
TEST_BACKEND=postgres cargo test --locked --test it

# Candor behind onion services, through a private Tor network on loopback (about 2-3
# minutes, most of it the network's bootstrap). Needs ../shared/tor beside the repository.
if [ -f ../shared/tor/onion-check ] || [ -n "${ONION_CHECK:-}" ]; then
  echo "==> cargo test (through Tor)"
  cargo test --locked --test it -- --ignored --nocapture workstation::candor_on_tor_end_to_end
elif [ -n "${CI:-}" ]; then
  echo "../shared/tor/onion-check is missing: the Tor test cannot run" >&2
  exit 1
else
  echo "==> skipping the Tor test: ../shared/tor/onion-check is not there"
fi

fuzz_seconds="${FUZZ_SECONDS:-10}"
if [ "$fuzz_seconds" != "0" ]; then
  command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
  # cargo fuzz needs nightly-only compiler flags; RUSTC_BOOTSTRAP enables them on stable.
  export RUSTC_BOOTSTRAP=1
  for target in $(cargo fuzz list --fuzz-dir fuzz); do
    echo "==> fuzz $target (${fuzz_seconds}s)"
    mkdir -p "fuzz/corpus/$target" "fuzz/seeds/$target"
    cargo fuzz run --fuzz-dir fuzz "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" \
      -- -max_total_time="$fuzz_seconds" -rss_limit_mb=4096
  done
fi
echo "==> all tests passed"
