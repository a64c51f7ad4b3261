#!/usr/bin/env bash
# sfu4j load runs, pinned per core: the system under test on CPU 1, the load tool on CPU 0.
#
#   benchmarks/run-load.sh relay  P S DURATION    bare UDP relay baseline (separate process)
#   benchmarks/run-load.sh engine P S DURATION    relay baseline, then in-process engine
#                                                 (worker thread pinned to CPU 1, peers to CPU 0)
#   benchmarks/run-load.sh daemon P S DURATION    relay baseline, then sfu4j daemon (taskset -c 1)
#                                                 driven over WebSocket signaling
#   benchmarks/run-load.sh storm DURATION [PEERS] [CONCURRENCY]
#                                                 join storm against the daemon: PEERS (default
#                                                 200) in one room, CONCURRENCY joining at once
#                                                 (default: all), then DURATION s of media
#                                                 (STORM_PREWARM=N: an N-peer storm first, so the
#                                                 measured one meets a warm daemon JIT)
#   benchmarks/run-load.sh flood DURATION RATE [P] [S]
#                                                 the daemon (taskset -c 1) serving P publishers x S
#                                                 subscribers (default 1 x 2) while, in the measured
#                                                 window, the load tool (taskset -c 0) floods its
#                                                 worker port from FLOOD_SOCKETS (default 64) UDP
#                                                 5-tuples: random bytes, STUN with a real ufrag and
#                                                 wrong integrity, STUN with unknown ufrag, DTLS
#                                                 ClientHellos, RTP and RTCP; RATE datagrams/s
#                                                 (0 = unpaced; off = no-flood control run)
#   benchmarks/run-load.sh knee MODE P "S1 S2 .." DURATION
#                                                 increasing subscribers per publisher until
#                                                 loss > 1 %; prints one table row per step
#                                                 (KNEE_ALL=1: run every step regardless)
#
# Build first: mvn -B -o -q -pl benchmarks,sfu-daemon -am package -DskipTests
# Every run is bounded (duration <= 600 s, <= 5,000 subscribers), loopback only, exits by itself.
# Each RESULT line is also appended to benchmarks/results/results.log.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/sfu4j-load.jar
DAEMON_JAR=sfu-daemon/target/sfu4j.jar
RESULTS=benchmarks/results
RELAY_PORT=${RELAY_PORT:-41000}
HTTP_PORT=${HTTP_PORT:-18080}
RTC_PORT=${RTC_PORT:-42000}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseParallelGC -Xms512m -Xmx2g"}
# extra JVM options for the daemon only / the load tool only (e.g. a JFR recording of one side:
# DAEMON_OPTS="-XX:StartFlightRecording=filename=/tmp/d.jfr,settings=profile")
DAEMON_OPTS=${DAEMON_OPTS:-}
TOOL_OPTS=${TOOL_OPTS:-}
WARMUP=${WARMUP:-3}
EXTRA=${EXTRA:-}
DAEMON_CONFIG=${DAEMON_CONFIG:-benchmarks/load-daemon.yaml}
mkdir -p "$RESULTS"
[ -f "$JAR" ] || { echo "missing $JAR (build first)"; exit 2; }

result_field() { sed -n "s/^RESULT .*$1=\([^ ]*\).*/\1/p" | tail -1; }

log_result() { # mode line [duration]
  echo "$(date -u +%FT%TZ) load=$(cut -d' ' -f1 /proc/loadavg) mode=$1 ${2#RESULT }${3:+ duration=$3}" \
    >> "$RESULTS/results.log"
}

run_relay() { # P S D -> prints the RESULT line
  local p=$1 s=$2 d=$3 pid out
  taskset -c 1 java $JAVA_OPTS -cp "$JAR" org.sfu4j.bench.load.BareUdpRelay \
    --port "$RELAY_PORT" --seconds $((d + WARMUP + 120)) > "$RESULTS/.relay.out" 2>&1 &
  pid=$!
  for _ in $(seq 50); do grep -q RELAY "$RESULTS/.relay.out" 2>/dev/null && break; sleep 0.1; done
  out=$(taskset -c 0 java $JAVA_OPTS -jar "$JAR" --mode relay --relay 127.0.0.1:$RELAY_PORT \
    --target-pid "$pid" --publishers "$p" --subscribers "$s" --duration "$d" --warmup "$WARMUP" \
    --results "$RESULTS" --label "relay pinned cpu1" --quiet $EXTRA | tee /dev/stderr | grep '^RESULT' || true)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  log_result relay "$out" "$d"
  echo "$out"
}

run_engine() { # P S D BASELINE_PPS BASELINE_CPU
  local out
  out=$(taskset -c 0,1 java $JAVA_OPTS -jar "$JAR" --mode engine --pin-target 1 --pin-tool 0 \
    --publishers "$1" --subscribers "$2" --duration "$3" --warmup "$WARMUP" \
    --baseline-pps "$4" --baseline-cpu "$5" --results "$RESULTS" --label "engine worker pinned cpu1" --quiet $EXTRA \
    | tee /dev/stderr | grep '^RESULT' || true)
  log_result engine "$out"
  echo "$out"
}

run_daemon() { # P S D BASELINE_PPS BASELINE_CPU
  local pid out
  [ -f "$DAEMON_JAR" ] || { echo "missing $DAEMON_JAR" >&2; return 2; }
  # --config: the --dev settings with room limits raised (benchmarks/load-daemon.yaml;
  # DAEMON_CONFIG=other.yaml to vary e.g. rtc.dtlsHandshakeConcurrency)
  taskset -c 1 java $JAVA_OPTS $DAEMON_OPTS -jar "$DAEMON_JAR" --config "$DAEMON_CONFIG" \
    --http-ip 127.0.0.1 --http-port "$HTTP_PORT" \
    --rtc-listen-ip 127.0.0.1 --rtc-min-port "$RTC_PORT" --rtc-max-port $((RTC_PORT + 10)) \
    --workers 1 > "$RESULTS/.daemon.out" 2>&1 &
  pid=$!
  for _ in $(seq 100); do grep -q 'sfu4j is running' "$RESULTS/.daemon.out" 2>/dev/null && break; sleep 0.2; done
  if [ "${MODE_OVERRIDE:-}" = storm ] && [ -n "${STORM_PREWARM:-}" ]; then
    # STORM_PREWARM=N: a storm of N peers (own room, 2 s of media, result discarded) first, so
    # the measured storm meets a daemon whose JIT has seen joins, transports and DTLS once
    mkdir -p "$RESULTS/prewarm"
    taskset -c 0 java $JAVA_OPTS $TOOL_OPTS -jar "$JAR" --mode storm \
      --daemon "ws://127.0.0.1:$HTTP_PORT" --target-pid "$pid" --publishers 1 --subscribers 1 \
      --storm-peers "$STORM_PREWARM" --duration 2 --warmup 1 --results "$RESULTS/prewarm" --quiet \
      > "$RESULTS/.prewarm.out" 2>&1 || echo "prewarm storm failed (see $RESULTS/.prewarm.out)" >&2
  fi
  out=$(taskset -c 0 java $JAVA_OPTS $TOOL_OPTS -jar "$JAR" --mode "${MODE_OVERRIDE:-daemon}" \
    --daemon "ws://127.0.0.1:$HTTP_PORT" --metrics "http://127.0.0.1:$HTTP_PORT/metrics" \
    --target-pid "$pid" --publishers "$1" --subscribers "$2" --duration "$3" --warmup "$WARMUP" \
    --baseline-pps "$4" --baseline-cpu "$5" --results "$RESULTS" --label "daemon pinned cpu1" --quiet $EXTRA \
    | tee /dev/stderr | grep '^RESULT' || true)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  log_result "${MODE_OVERRIDE:-daemon}" "$out"
  echo "$out"
}

with_baseline() { # MODE P S D
  local base pps cpu
  # REUSE_BASELINE=1: take the last relay run at the same P, S and duration from results.log
  # (saves a relay run per step when engine and daemon knees run back to back)
  base=""
  if [ -n "${REUSE_BASELINE:-}" ] && [ -f "$RESULTS/results.log" ]; then
    base=$(grep " mode=relay publishers=$2 consumers=$(($2 * $3)) " "$RESULTS/results.log" \
      | grep " duration=$4$" | tail -1 | sed 's/^.* mode=relay /RESULT /; s/ duration=[^ ]*//' || true)
  fi
  [ -n "$base" ] || base=$(run_relay "$2" "$3" "$4")
  pps=$(echo "$base" | result_field pps_out)
  cpu=$(echo "$base" | result_field cpu_cores)
  echo "baseline: $base" >&2
  "run_$1" "$2" "$3" "$4" "${pps:-NaN}" "${cpu:-NaN}"
}

case "${1:-}" in
  relay) run_relay "$2" "$3" "$4" ;;
  engine|daemon) with_baseline "$1" "$2" "$3" "$4" ;;
  storm) MODE_OVERRIDE=storm EXTRA="$EXTRA --storm-peers ${3:-200} ${4:+--concurrency $4}" \
    run_daemon 1 1 "${2:-10}" NaN NaN ;;
  flood)
    rate=${3:?usage: run-load.sh flood DURATION RATE|off [P] [S]}
    echo "loadavg before: $(cat /proc/loadavg)" >&2
    if [ "$rate" = off ]; then
      MODE_OVERRIDE=flood EXTRA="$EXTRA --flood-off" run_daemon "${4:-1}" "${5:-2}" "${2:-20}" NaN NaN
    else
      MODE_OVERRIDE=flood EXTRA="$EXTRA --flood-rate $rate --flood-sockets ${FLOOD_SOCKETS:-64}" \
        run_daemon "${4:-1}" "${5:-2}" "${2:-20}" NaN NaN
    fi
    echo "loadavg after: $(cat /proc/loadavg)" >&2 ;;
  knee)
    mode=$2 p=$3 d=$5
    echo "| mode | publishers | consumers | pps_out | relay pps_out | baseline_ratio | loss % | p50 ms | p99 ms | cpu cores | pps/core | relay pps/core | per-core ratio | run-queue wait | tool rx cpu | late frames | RSS MB | direct MB | load avg |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for s in $4; do
      line=$(with_baseline "$mode" "$p" "$s" "$d")

      f() { echo "$line" | result_field "$1"; }
      json=$(ls -t "$RESULTS"/"$mode"-p"$p"-s"$s"-*.json 2>/dev/null | head -1)
      j() { [ -n "$json" ] && python3 -c "import json,sys; v=json.load(open(sys.argv[1])).get(sys.argv[2]); print('n/a' if v is None else (round(v) if sys.argv[2]=='pps_per_core' or sys.argv[2]=='baseline_pps_per_core' else v))" "$json" "$1" || echo n/a; }
      relay=$(j baseline_pps)
      echo "| $mode | $p | $(f consumers) | $(f pps_out) | $relay | $(f baseline_ratio) | $(f loss_pct) | $(f p50_ms) | $(f p99_ms) | $(f cpu_cores) | $(j pps_per_core) | $(j baseline_pps_per_core) | $(j per_core_ratio) | $(j target_runqueue_wait) | $(j tool_rx_cpu_cores) | $(j late_frames) | $(f rss_mb) | $(j direct_mb) | $(j load_average) |"
      loss=$(f loss_pct)
      if [ -z "${KNEE_ALL:-}" ] && { [ -z "$loss" ] || awk "BEGIN{exit !($loss > 1.0)}"; }; then echo "knee: loss ${loss:-n/a}% at S=$s"; break; fi
    done ;;
  *) sed -n '2,28p' "$0"; exit 2 ;;
esac
