#!/usr/bin/env bash
# Runs the real-browser e2e suite inside a private network namespace (root only).
#
# Chromium sends ICE checks from every host candidate it gathers, and test traffic may not touch the
# machine's real addresses; with only `lo` Chromium gathers nothing at all. So: `unshare --net` a new
# namespace, add a veth pair whose BOTH ends stay inside it (v0 10.99.0.1/24, v1 10.99.0.2/24,
# default route via 10.99.0.2), bind the daemon to 10.99.0.1, and run Chromium there. Nothing can
# leave the namespace; it disappears with the last process in it.
#
# Usage (from anywhere; paths are relative to this script):
#   bash e2e/run-in-netns.sh [scenario args] -- <daemon command...>
#   DAEMON_CMD='java -jar sfu-daemon/target/sfu4j.jar' bash e2e/run-in-netns.sh [scenario args]
#   bash e2e/run-in-netns.sh --selftest        # no daemon: netns + Chromium + client-library self-test
# The daemon command is given WITHOUT network options; this script appends
#   --dev --http-ip 10.99.0.1 --http-port $E2E_HTTP_PORT --rtc-listen-ip 10.99.0.1
#   --rtc-min-port 40000 --rtc-max-port 40999 $E2E_DAEMON_ARGS
# Scenario args go to e2e/scenarios.mjs (e.g. --only 1,3). Exit status: the runner's.
# Env: E2E_HTTP_PORT (4443), E2E_HEALTH_TIMEOUT_S (90), E2E_DAEMON_ARGS, E2E_DAEMON_LOG (file path;
#      default a temp file, its tail is printed on failure), E2E_STREAM_DAEMON_LOG=1 to stream it.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
IP=10.99.0.1
PEER_IP=10.99.0.2

if [ "${SFU4J_E2E_IN_NETNS:-}" != "1" ]; then
  # ---------------- outside: checks, then re-exec inside a new network namespace ----------------
  if [ "$(id -u)" -ne 0 ]; then
    echo "[e2e] FAIL: must run as root (network namespace + veth); CI runs as root" >&2
    exit 3
  fi
  for tool in unshare ip node curl; do
    command -v "$tool" >/dev/null || { echo "[e2e] FAIL: '$tool' not found" >&2; exit 3; }
  done
  chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$chromium_path" ] || { echo "[e2e] FAIL: Chromium not found at $chromium_path (apt-get install -y chromium)" >&2; exit 3; }
  if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/mediasoup-client" ]; then
    echo "[e2e] installing npm packages from the lock file"
    (cd "$here" && npm ci --no-audit --no-fund)
  fi
  # --kill-child=SIGTERM: if unshare dies, the inner script still gets to run its cleanup trap.
  exec unshare --net --kill-child=SIGTERM -- env SFU4J_E2E_IN_NETNS=1 bash "${BASH_SOURCE[0]}" "$@"
fi

# ---------------- inside the new namespace ----------------
ip link set lo up
ip link add v0 type veth peer name v1
ip addr add "$IP/24" dev v0
ip addr add "$PEER_IP/24" dev v1
ip link set v0 up
ip link set v1 up
ip route add default via "$PEER_IP"
echo "[e2e] network namespace ready: $(ip -br -4 addr | tr -s ' ' | tr '\n' ';')"

selftest=0
runner_args=()
daemon_cmd=()
while (($#)); do
  case "$1" in
    --selftest) selftest=1; shift ;;
    --) shift; daemon_cmd=("$@"); break ;;
    *) runner_args+=("$1"); shift ;;
  esac
done

children=()
cleanup() {
  local rc=$?
  for pid in "${children[@]:-}"; do
    [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${children[@]:-}"; do
    [ -z "$pid" ] && continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# Runs a command in the background and waits for it, so that signals reach our trap at once.
run_and_wait() {
  "$@" &
  local pid=$!
  children+=("$pid")
  local rc=0
  wait "$pid" || rc=$?
  return "$rc"
}

if ((selftest)); then
  rc=0
  run_and_wait node "$here/selftest.mjs" "${runner_args[@]}" || rc=$?
  exit "$rc"
fi

if ((${#daemon_cmd[@]} == 0)); then
  if [ -z "${DAEMON_CMD:-}" ]; then
    echo "[e2e] FAIL: no daemon command (pass it after -- or in DAEMON_CMD)" >&2
    exit 3
  fi
  read -r -a daemon_cmd <<<"$DAEMON_CMD"
fi

port="${E2E_HTTP_PORT:-4443}"
base="http://$IP:$port"
log="${E2E_DAEMON_LOG:-$(mktemp /tmp/sfu4j-e2e-daemon.XXXXXX.log)}"
# shellcheck disable=SC2206
extra=(${E2E_DAEMON_ARGS:-})
full=("${daemon_cmd[@]}" --dev --http-ip "$IP" --http-port "$port" --rtc-listen-ip "$IP"
      --rtc-min-port 40000 --rtc-max-port 40999 "${extra[@]}")
# print the command with any long class path shortened
shown=()
for a in "${full[@]}"; do
  if ((${#a} > 120)); then shown+=("${a:0:60}...(${#a} chars)"); else shown+=("$a"); fi
done
echo "[e2e] starting daemon: ${shown[*]}"
echo "[e2e] daemon log: $log"
if [ "${E2E_STREAM_DAEMON_LOG:-0}" = "1" ]; then
  "${full[@]}" > >(tee "$log" | sed -u 's/^/[daemon] /') 2>&1 &
else
  "${full[@]}" >"$log" 2>&1 &
fi
daemon_pid=$!
children+=("$daemon_pid")

print_log_tail() {
  echo "[e2e] ---- last 150 lines of the daemon log ($log) ----"
  tail -n 150 "$log" | sed 's/^/[daemon] /' || true
  echo "[e2e] ---- end of daemon log ----"
}

deadline=$((SECONDS + ${E2E_HEALTH_TIMEOUT_S:-90}))
until curl -fsS -o /dev/null --max-time 2 "$base/health" 2>/dev/null; do
  if ! kill -0 "$daemon_pid" 2>/dev/null; then
    echo "[e2e] FAIL: the daemon exited before answering $base/health"
    print_log_tail
    exit 4
  fi
  if ((SECONDS > deadline)); then
    echo "[e2e] FAIL: $base/health did not answer 200 within ${E2E_HEALTH_TIMEOUT_S:-90} s"
    print_log_tail
    exit 4
  fi
  sleep 0.3
done
echo "[e2e] daemon healthy at $base"

rc=0
run_and_wait node "$here/scenarios.mjs" --base "$base" "${runner_args[@]}" || rc=$?
if ! kill -0 "$daemon_pid" 2>/dev/null; then
  echo "[e2e] FAIL: the daemon died during the scenarios"
  if [ "$rc" -eq 0 ]; then rc=5; fi
fi
if [ "$rc" -ne 0 ]; then print_log_tail; fi
echo "[e2e] finished with status $rc"
exit "$rc"
