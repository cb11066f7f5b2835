#!/usr/bin/env bash
# Builds TrustBridge once and runs every test project: Core, Web on SQLite, Web on PostgreSQL (a throwaway server
# started here), and the Playwright E2E tests on Chromium. Installs postgresql, chromium and fonts-noto-cjk with
# apt-get when they are missing. Carries on after a failing project; the last line is the total over all runs:
#   N passed, N failed[, N skipped]
# and the exit code is non-zero when anything failed or a test run did not complete.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DEBIAN_FRONTEND=noninteractive
START=$(date +%s)

log() { printf '\n=== %s\n' "$*"; }

if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo -n); fi

# --- what the tests need from the machine -------------------------------------------------------------------------
for tool in dotnet npm python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "test.sh: '$tool' is required but was not found on PATH." >&2; echo "0 passed, 1 failed"; exit 1; }
done

pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}
chromium_path() { command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null || true; }

missing=()
[ -n "$(pg_bindir)" ] || missing+=(postgresql)
[ -n "$(chromium_path)" ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]}"
  if ! { "${SUDO[@]}" apt-get update -q && "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; } </dev/null; then
    echo "test.sh: could not install ${missing[*]} with apt-get; the tests that need them will fail." >&2
  fi
fi
PGBIN="$(pg_bindir)"
CHROMIUM="$(chromium_path)"
[ -n "$PGBIN" ] || { echo "test.sh: PostgreSQL server binaries (initdb) not found." >&2; echo "0 passed, 1 failed"; exit 1; }
export TRUSTBRIDGE_CHROMIUM="${TRUSTBRIDGE_CHROMIUM:-${CHROMIUM:-/usr/bin/chromium}}"

# --- build once ---------------------------------------------------------------------------------------------------
log "Building TrustBridge.slnx (Release)"
if ! dotnet build TrustBridge.slnx -c Release -nologo -clp:"Summary;ErrorsOnly"; then
  echo "test.sh: the build failed." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# --- a throwaway PostgreSQL server ----------------------------------------------------------------------------------
PGTMP="$(mktemp -d "${TMPDIR:-/tmp}/trustbridge-pg.XXXXXX")"
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root.
  chown postgres: "$PGTMP"
  as_pg() { (cd "$PGTMP" && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd "$PGTMP" && "$@"); }
fi
stop_pg() {
  if [ -f "$PGTMP/data/postmaster.pid" ]; then as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$PGTMP"
}
trap stop_pg EXIT
trap 'stop_pg; trap - EXIT; echo "test.sh: interrupted" >&2; exit 130' INT TERM

PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log "Starting a throwaway PostgreSQL ($("$PGBIN/postgres" --version)) on 127.0.0.1:$PGPORT"
as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$PGTMP/initdb.log" 2>&1 \
  || { cat "$PGTMP/initdb.log" >&2; echo "0 passed, 1 failed"; exit 1; }
if ! as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 start \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$PGTMP' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null; then
  cat "$PGTMP/server.log" >&2 || true
  echo "0 passed, 1 failed"
  exit 1
fi
POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"

# --- the test runs --------------------------------------------------------------------------------------------------
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
RUNS=()
STATUS=()

run_tests() { # name project [VAR=value…]
  local name="$1" project="$2"
  shift 2
  log "Tests: $name"
  local code=0
  env "$@" dotnet test "$project" --no-build -c Release --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" \
    --blame-hang-timeout 15m --blame-hang-dump-type none || code=$?
  RUNS+=("$name")
  STATUS+=("$code")
}

run_tests core tests/TrustBridge.Core.Tests/TrustBridge.Core.Tests.csproj
run_tests web-sqlite tests/TrustBridge.Web.Tests/TrustBridge.Web.Tests.csproj TRUSTBRIDGE_TEST_PROVIDER=sqlite
run_tests web-postgres tests/TrustBridge.Web.Tests/TrustBridge.Web.Tests.csproj TRUSTBRIDGE_TEST_PROVIDER=postgres "TRUSTBRIDGE_TEST_POSTGRES=$POSTGRES"
run_tests e2e tests/TrustBridge.E2E/TrustBridge.E2E.csproj "TRUSTBRIDGE_CHROMIUM=$TRUSTBRIDGE_CHROMIUM"

# --- totals ---------------------------------------------------------------------------------------------------------
# A run whose TRX is missing, or that exited non-zero without a failed test (a crashed or hung test host), counts as
# one failure: it must never look like zero tests and success.
log "Summary ($(( ($(date +%s) - START) / 60 )) min $(( ($(date +%s) - START) % 60 )) s)"
TOTALS=$(python3 - "$RESULTS" "${#RUNS[@]}" "${RUNS[@]}" "${STATUS[@]}" <<'PY'
import sys, os, xml.etree.ElementTree as ET
results, n = sys.argv[1], int(sys.argv[2])
names, codes = sys.argv[3:3 + n], [int(c) for c in sys.argv[3 + n:3 + 2 * n]]
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
tp = tf = ts = 0
for name, code in zip(names, codes):
    path = os.path.join(results, name + ".trx")
    p = f = s = 0
    note = ""
    try:
        c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
        p = int(c.get("passed", 0))
        f = sum(int(c.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
        # xunit's skipped tests are counted in total but not executed (notExecuted stays 0).
        s = max(int(c.get("notExecuted", 0)), int(c.get("total", 0)) - int(c.get("executed", 0)))
    except (OSError, ET.ParseError, AttributeError) as e:
        f, note = 1, f"  (no test results: {type(e).__name__})"
    if code != 0 and f == 0:
        f, note = 1, f"  (test run exited with {code} without a failed test: crashed or aborted)"
    print(f"  {name:<14} {p:>5} passed, {f:>3} failed, {s:>3} skipped{note}", file=sys.stderr)
    tp, tf, ts = tp + p, tf + f, ts + s
print(f"{tp} passed, {tf} failed" + (f", {ts} skipped" if ts else ""))
PY
) || TOTALS="0 passed, 1 failed"

stop_pg
trap - EXIT INT TERM
echo "$TOTALS"
case "$TOTALS" in
  *" 0 failed"*) exit 0 ;;
  *) exit 1 ;;
esac
