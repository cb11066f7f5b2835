#!/usr/bin/env bash
# Builds TrustBridge and runs it on http://127.0.0.1:5080 over SQLite at <repo>/data/trustbridge.db.
# On the first run the database is new: the administrator is created and the small demo hospital is seeded.
# Everything can be overridden through the environment (same keys as the app's configuration):
#   ASPNETCORE_URLS                 listen address                   (default http://127.0.0.1:5080)
#   ConnectionStrings__TrustBridge  database                         (default Data Source=<repo>/data/trustbridge.db)
#   Database__Provider              sqlite | postgres                (default sqlite)
#   Bootstrap__AdminEmail           first administrator              (default admin@trustbridge.local)
#   Bootstrap__AdminPassword        its password, used once when the database is created (default TrustBridge-Admin-2026)
#   DataProtection__MasterKey       key-encryption key of the key ring (default: made once into data/master.key)
#   Demo__Size                      none | small | large, seeded only into an empty registry (default small)
#   Demo__Seed, Demo__Password      demo random seed and demo logins' password (defaults 20261122, Demo-2026!)
# Ctrl-C stops the app.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WEB="$ROOT/src/TrustBridge.Web"

for tool in dotnet npm curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run.sh: '$tool' is required but was not found on PATH." >&2
    case "$tool" in
      dotnet) echo "  Install the .NET 10 SDK: https://dotnet.microsoft.com/download" >&2 ;;
      npm) echo "  Install Node.js 20+ (npm fetches the front-end libraries during the build)." >&2 ;;
      curl) echo "  Install curl (used to wait until the app is ready)." >&2 ;;
    esac
    exit 1
  fi
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Database__Provider="${Database__Provider:-sqlite}"
mkdir -p "$ROOT/data"
export ConnectionStrings__TrustBridge="${ConnectionStrings__TrustBridge:-Data Source=$ROOT/data/trustbridge.db}"
export Bootstrap__AdminEmail="${Bootstrap__AdminEmail:-admin@trustbridge.local}"
export Bootstrap__AdminPassword="${Bootstrap__AdminPassword:-TrustBridge-Admin-2026}"
export Demo__Size="${Demo__Size:-small}"
export Demo__Password="${Demo__Password:-Demo-2026!}"
# The key that encrypts the Data Protection key ring (and so, indirectly, patients' mobile and ID numbers) is kept
# out of the database: made once into data/master.key, readable by this user only. Production sets it from a secret.
if [ -z "${DataProtection__MasterKey:-}" ]; then
  if [ ! -s "$ROOT/data/master.key" ]; then
    (umask 077 && python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())' > "$ROOT/data/master.key")
  fi
  DataProtection__MasterKey="$(cat "$ROOT/data/master.key")"
  export DataProtection__MasterKey
fi

echo "Building TrustBridge (Release)…"
dotnet build "$WEB/TrustBridge.Web.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly

URL="${ASPNETCORE_URLS%%;*}"
URL="${URL/0.0.0.0/127.0.0.1}"
URL="${URL/\[::\]/127.0.0.1}"
URL="${URL/\*/127.0.0.1}"
URL="${URL/+/127.0.0.1}"

echo "Starting TrustBridge on $ASPNETCORE_URLS (database: $Database__Provider, demo: $Demo__Size)…"
# The content root is the working directory: appsettings.json, wwwroot and Pages are found from src/TrustBridge.Web.
(cd "$WEB" && exec dotnet "bin/Release/net10.0/TrustBridge.Web.dll") &
APP=$!

stop() {
  trap - INT TERM EXIT
  if kill -0 "$APP" 2>/dev/null; then
    echo
    echo "Stopping TrustBridge…"
    kill -TERM "$APP" 2>/dev/null || true
    wait "$APP" 2>/dev/null || true
  fi
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

# A large demo hospital takes a few minutes to seed; /health answers once start-up is done.
for _ in $(seq 1 900); do
  if ! kill -0 "$APP" 2>/dev/null; then
    wait "$APP" || true
    echo "run.sh: TrustBridge exited during start-up (is $URL already in use?)." >&2
    exit 1
  fi
  if curl -fsS "$URL/health" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "$URL/health" >/dev/null 2>&1 || { echo "run.sh: TrustBridge did not become ready." >&2; exit 1; }

cat <<EOF

================================================================================
 TrustBridge 医患信桥 is running:  $URL
   Staff login (web):  $URL/Account/Login
   API login:          POST $URL/api/auth/login  {"email","password"}
   Health:             $URL/health     OpenAPI: $URL/openapi/v1.json

 Administrator:        $Bootstrap__AdminEmail  /  $Bootstrap__AdminPassword
   (set when the database was created; an existing database keeps its password)
EOF
if [ "$Demo__Size" != "none" ]; then
  cat <<EOF

 Demo accounts (password: $Demo__Password), created with the demo hospital:
   office@demo.local        PatientRelations  医患沟通办公室
   cardio.head@demo.local   DepartmentHead    心血管内科 科主任
   dr.zhang@demo.local      Clinician         心血管内科 张医生
   supervisor@demo.local    Supervisor        监督小组（只读）
   executive@demo.local     Executive         院领导
EOF
fi
cat <<EOF

 Database: $ConnectionStrings__TrustBridge
 Press Ctrl-C to stop.
================================================================================
EOF

wait "$APP"
