#!/usr/bin/env bash
# ChatOps against ncat --chat, side by side on loopback, with `chatops bench`.
# Each run gets a fresh server; servers alternate within each round; every scenario runs ROUNDS times per server.
# Prints one Markdown table per scenario (raw runs, medians, ratios ChatOps/ncat) and keeps the raw JSON lines.
#
#   bench/compare.sh                      # everything, 2 rounds (about 8 min; 12 with the web host)
#   ROUNDS=3 SCENARIOS="1 4" bench/compare.sh
#   SERVERS="chatops" bench/compare.sh    # only some servers (ncat, chatops, web, chatops-cluster3)
#   SERVERS="chatops chatops-cluster3" SCENARIOS=4 ROUNDS=2 bench/compare.sh  # one host against three hosts on one Redis
#   WINDOW_ACK=slowest SCENARIOS=4 bench/compare.sh  # scenario 4's window acknowledged by the slowest reader, not a witness
#
# Traffic stays on 127.0.0.1; every run is bounded in time (timeout) and in count (fixed clients and durations).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
SCENARIOS=${SCENARIOS:-"1 2 3 4 5a 5b 5c 6"}
# Scenario 4: who acknowledges a sender's window. witness (one fixed client, as in real chat) or slowest.
WINDOW_ACK=${WINDOW_ACK:-witness}
PORT_BASE=${PORT_BASE:-17300}
OUT=${OUT:-bench/results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
RESULTS="$OUT/runs.jsonl"
: >"$RESULTS"

# 10,000 idle connections need 10,000 descriptors in the generator and as many in the server.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (( $(ulimit -n) < 10100 )); then
  echo "compare.sh: ulimit -n is $(ulimit -n); scenario 5b (10,000 connections) may fail for lack of descriptors." >&2
fi

if ! command -v ncat >/dev/null; then
  echo "compare.sh: installing Debian's ncat" >&2
  SUDO=$([[ $(id -u) == 0 ]] && echo "" || echo sudo)
  $SUDO apt-get install -y --no-install-recommends ncat >/dev/null 2>&1 \
    || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends ncat >/dev/null; }
fi

echo "compare.sh: building (Release)" >&2
dotnet build ChatOps.Cli/ChatOps.Cli.csproj -c Release -v q -nologo >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
CHATOPS=ChatOps.Cli/bin/Release/net10.0/chatops
SERVERS=${SERVERS:-"ncat chatops web"}
if [[ " $SERVERS " == *" chatops-cluster3 "* ]] && ! command -v redis-server >/dev/null; then
  echo "compare.sh: installing Debian's redis-server" >&2
  scripts/install-test-deps.d/redis.sh >&2
fi
WEB_PASSWORD="bench-$RANDOM-$RANDOM-$RANDOM"
if [[ " $SERVERS " == *" web "* ]]; then
  if [[ -f ChatOps.Web/ChatOps.Web.csproj ]]; then
    dotnet build ChatOps.Web/ChatOps.Web.csproj -c Release -v q -nologo >>"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
    if [[ -f bench/ChatOps.HubListener/ChatOps.HubListener.csproj ]]; then
      dotnet build bench/ChatOps.HubListener/ChatOps.HubListener.csproj -c Release -v q -nologo >>"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
    fi
  else
    echo "compare.sh: no ChatOps.Web in this tree; comparing ncat and chatops serve only." >&2
    SERVERS=${SERVERS// web/}
  fi
fi

# Limits raised for load: the defaults protect a lab (20 lines/s per student, 256 clients); the benchmark measures the relay.
export Chat__MaxLinesPerSecond=10000000 Chat__LineBurst=10000000 Chat__FloodDisconnectAfter=10000000
export Chat__MaxClients=20000 Chat__BindAddress=127.0.0.1 Chat__Mode=Relay

SERVER_PID=""  # the process (or, for chatops-cluster3, the processes: three hosts then Redis) measured by --server-pid
HELPER_PID=""
REDIS_DIR=""
stop_server() {
  # The hosts first, then Redis: a host that loses Redis before it stops only logs that it relays locally.
  for pid in $HELPER_PID $SERVER_PID; do
    kill "$pid" 2>/dev/null || true
    # Bounded: a server that ignores SIGTERM for 5 s is killed.
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  [[ -n $REDIS_DIR ]] && rm -rf "$REDIS_DIR"
  SERVER_PID="" HELPER_PID="" REDIS_DIR=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

wait_port() { # port: until something listens (bounded, 30 s)
  for _ in $(seq 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    for pid in $SERVER_PID; do kill -0 "$pid" 2>/dev/null || return 1; done
    sleep 0.1
  done
  return 1
}

wait_log() { # file text: until the file has the text (bounded, 60 s: on a loaded machine a host's first commands time out)
  for _ in $(seq 600); do
    if grep -qF "$2" "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# Three `chatops serve` hosts on ports port..port+2 sharing one room through a redis-server of their own on port+3
# (Debian's, in a temporary directory, no persistence). SERVER_PID lists the hosts then Redis: the bench sums them.
start_cluster3() { # port
  local port=$1 log="$OUT/server-chatops-cluster3.log" redis_port=$(($1 + 3)) hosts="" i=0 id
  REDIS_DIR=$(mktemp -d /tmp/chatops-bench-redis-XXXXXX)
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$REDIS_DIR" --save "" --appendonly no --daemonize no \
    </dev/null >>"$log" 2>&1 &
  local redis_pid=$!
  SERVER_PID=$redis_pid
  wait_port "$redis_port" || { echo "compare.sh: redis-server did not start; see $log" >&2; return 1; }
  for id in host-a host-b host-c; do
    # Its log, on stderr, says when its room reads the stream; its stdout (the event printer) is dropped, as for chatops.
    Logging__Console__LogToStandardErrorThreshold=Trace Chat__Port=$((port + i)) Cluster__Redis="127.0.0.1:$redis_port" Cluster__HostId=$id \
      "$CHATOPS" serve </dev/null >/dev/null 2>"$OUT/server-cluster3-$port-$id.log" &
    hosts="$hosts $!" i=$((i + 1))
  done
  SERVER_PID="${hosts# } $redis_pid"
  i=0
  for id in host-a host-b host-c; do
    wait_port "$((port + i))" && wait_log "$OUT/server-cluster3-$port-$id.log" "shared through Redis as host $id" \
      || { echo "compare.sh: $id did not start or join Redis; see $OUT/server-cluster3-$port-$id.log" >&2; return 1; }
    i=$((i + 1))
  done
}

start_server() { # name port
  local name=$1 port=$2 log="$OUT/server-$1.log"
  case $name in
    ncat) ncat -l 127.0.0.1 "$port" --chat --max-conns 20000 </dev/null >>"$log" 2>&1 & SERVER_PID=$! ;;
    chatops) Chat__Port=$port "$CHATOPS" serve </dev/null >/dev/null 2>>"$log" & SERVER_PID=$! ;;
    chatops-cluster3) start_cluster3 "$port"; return ;;
    web)
      # From its output folder, so that its appsettings.json and static assets are found; Chat__* still win.
      # With the history on (a fresh SQLite file per run) and a password for the hub subscriber, as a teacher runs it.
      (cd ChatOps.Web/bin/Release/net10.0 && Chat__Port=$port Urls="http://127.0.0.1:$((port + 1))" Logging__LogLevel__Default=Warning \
        Admin__Password="$WEB_PASSWORD" Data__Path="$OUT/data-$port" exec dotnet ChatOps.Web.dll) </dev/null >>"$log" 2>&1 & SERVER_PID=$!
      ;;
  esac
  wait_port "$port" || { echo "compare.sh: $name did not start; see $log" >&2; return 1; }
  if [[ $name == web ]]; then
    # The engine listens before Kestrel does: wait for the web port too.
    wait_port "$((port + 1))" || { echo "compare.sh: the web host's HTTP port did not open; see $log" >&2; return 1; }
    # The dashboard page rendered once, and one browser-less hub subscriber following every event.
    curl -fsS -m 10 "http://127.0.0.1:$((port + 1))/" >/dev/null 2>>"$log" || true
    if [[ -f bench/ChatOps.HubListener/bin/Release/net10.0/ChatOps.HubListener.dll ]]; then
      CHATOPS_PASSWORD="$WEB_PASSWORD" dotnet bench/ChatOps.HubListener/bin/Release/net10.0/ChatOps.HubListener.dll "http://127.0.0.1:$((port + 1))/hubs/chatops" \
        >>"$OUT/hub-listener.log" 2>&1 & HELPER_PID=$!
      sleep 1
    fi
  fi
}

scenario_args() { # scenario -> chatops bench arguments
  local common="--duration $DURATION --warmup $WARMUP --line-bytes 64 --connect-parallel 8"
  case $1 in
    1) echo "fanout --clients 10 --senders 10 --rate 100 $common" ;;
    2) echo "fanout --clients 100 --senders 100 --rate 10 $common" ;;
    3) echo "fanout --clients 200 --senders 20 --rate 50 $common" ;;
    4) echo "fanout --clients 50 --senders 50 --rate 0 --window 64 --window-ack $WINDOW_ACK $common" ;;
    5a) echo "conns --clients 1000 --hold 3 --connect-parallel 256" ;;
    5b) echo "conns --clients 10000 --hold 3 --connect-parallel 256" ;;
    5c) echo "conns --clients 200 --hold 1 --connect-parallel 0" ;; # 200 clients connecting at once
    # 2 KiB lines so that the reader that never reads fills its socket buffers within the run.
    6) echo "fanout --clients 10 --senders 10 --rate 100 --slow-readers 1 ${common/--line-bytes 64/--line-bytes 2048}" ;;
  esac
}

port=$PORT_BASE
for round in $(seq "$ROUNDS"); do
  for scenario in $SCENARIOS; do
    for server in $SERVERS; do
      port=$((port + 4)) # a run takes up to four ports: chatops-cluster3's three hosts and its Redis
      echo "compare.sh: round $round, scenario $scenario, $server (port $port)" >&2
      if ! start_server "$server" "$port"; then stop_server; continue; fi
      if [[ $server == chatops-cluster3 && $scenario == 5* ]]; then
        echo "compare.sh: chatops-cluster3 runs the fan-out scenarios only (1-4, 6)" >&2
        continue
      fi
      ports=$port
      [[ $server == chatops-cluster3 ]] && ports="$port,$((port + 1)),$((port + 2))" # clients round-robin over the hosts
      # shellcheck disable=SC2046
      if json=$(timeout 180 "$CHATOPS" bench $(scenario_args "$scenario") --port "$ports" --server-pid "${SERVER_PID// /,}" --json -q 2>>"$OUT/bench.log"); then :; fi
      stop_server
      if [[ $json == \{* ]]; then
        printf '{"server":"%s","scenario":"%s","round":%d,"result":%s}\n' "$server" "$scenario" "$round" "$json" >>"$RESULTS"
      else
        echo "compare.sh: no result for scenario $scenario on $server (see $OUT/bench.log)" >&2
      fi
    done
  done
done

{
  echo "# ChatOps vs ncat --chat — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo
  echo "Scenarios: 1) 10 clients, 10 senders x 100 lines/s; 2) 100 x 10 lines/s; 3) 200 clients, 20 senders x 50 lines/s;"
  echo "4) 50 senders as fast as possible (window 64, acknowledged by the $WINDOW_ACK reader); 5a/5b) 1,000 / 10,000 idle connections; 5c) 200 clients connecting at once;"
  echo "6) scenario 1 with 2 KiB lines plus one client that never reads. ${DURATION} s measured after ${WARMUP} s warm-up, 64-byte lines, $ROUNDS rounds."
  if [[ " $SERVERS " == *" chatops-cluster3 "* ]]; then
    echo "chatops-cluster3: three \`chatops serve\` hosts sharing the room through one redis-server, clients round-robin over them;"
    echo "its server CPU is the four processes' sum (hosts and Redis, each in runs.jsonl: serverCpuSecondsEach)."
  fi
  "$CHATOPS" bench table "$RESULTS"
} | tee "$OUT/table.md"
echo "compare.sh: raw results in $RESULTS, table in $OUT/table.md" >&2
