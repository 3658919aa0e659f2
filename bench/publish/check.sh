#!/usr/bin/env bash
# Change-counter bench: see README.md ("What the change counter costs").
# Usage: bench/publish/check.sh [DURATION=10s] [ROUNDS=3] [CONNECTIONS=32] [DATABASES="postgresql h2"]
# What reading the store's change counter before each cached rendering costs a poll: the same feed,
# from one JVM and one database, served with the read (as the service does) and without it, with wrk
# on loopback, the two servers taking turns in one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
DURATION="${1:-10s}"
ROUNDS="${2:-3}"
CONNS="${3:-32}"
DATABASES="${4:-postgresql h2}"
THREADS="${WRK_THREADS:-2}"
WARMUP="${WARMUP:-10s}"
OUT="$ROOT/bench/out/publish-check"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}"
  apt-get update && apt-get install -y "${need[@]}"
fi

rm -rf "$OUT"
mkdir -p "$OUT/tmp" "$OUT/wrk"
mvn -q -B -DskipTests compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime
CP="target/classes:$(cat "$OUT/classpath.txt")"

SERVER=""
cleanup() { if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi; }
trap cleanup EXIT
trap 'exit 130' INT TERM

header() { grep -i "^$1:" "$2" | head -n1 | cut -d' ' -f2- | tr -d '\r'; }
status() { curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H "If-None-Match: $2" "$1"; }

# run NAME CASE URL [ETAG] [DURATION] -> prints "rps p99_ms errors"
run() {
  local name=$1 case=$2 url=$3 etag=${4:-} dur=${5:-$DURATION} file
  file="$OUT/wrk/$DB-$name-$case-$(date +%s%N).txt"
  local args=(-t"$THREADS" -c"$CONNS" -d"$dur" --latency -H 'Accept-Encoding: gzip')
  [ -n "$etag" ] && args+=(-H "If-None-Match: $etag")
  wrk "${args[@]}" "$url" >"$file"
  awk '
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
               else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } ; p99 = v }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad += $NF }
    /Socket errors:/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %d\n", rps, p99, bad }' "$file"
}

for DB in $DATABASES; do
  PORTS="$OUT/$DB.ports"
  java -XX:-UsePerfData -Djava.io.tmpdir="$OUT/tmp" -Dlogback.configurationFile=bench/fetch/logback.xml \
      -cp "$CP" bench/publish/ChangeCheckBench.java "$DB" "$PORTS" "$OUT/data-$DB" </dev/null 2>"$OUT/$DB.log" &
  SERVER=$!
  for _ in $(seq 1 300); do [ -s "$PORTS" ] && break; sleep 0.2; done
  [ -s "$PORTS" ] || { echo "bench: $DB server did not start (see $OUT/$DB.log)" >&2; exit 1; }
  read -r CHECKED_PORT UNCHECKED_PORT <"$PORTS"
  CHECKED="http://127.0.0.1:$CHECKED_PORT/feeds/all.atom"
  UNCHECKED="http://127.0.0.1:$UNCHECKED_PORT/feeds/all.atom"
  sleep 2.5   # past the second of the last change and its margin: Last-Modified settled, no re-render
  curl -fsS -H 'Accept-Encoding: gzip' -D "$OUT/$DB-checked.headers" -o "$OUT/$DB-checked.gz" "$CHECKED"
  curl -fsS -H 'Accept-Encoding: gzip' -D "$OUT/$DB-unchecked.headers" -o "$OUT/$DB-unchecked.gz" "$UNCHECKED"
  cmp -s "$OUT/$DB-checked.gz" "$OUT/$DB-unchecked.gz" || { echo "bench: the two servers sent other bytes" >&2; exit 1; }
  ETAG="$(header ETag "$OUT/$DB-checked.headers")"
  [ "$(header ETag "$OUT/$DB-unchecked.headers")" = "$ETAG" ] || { echo "bench: ETags differ" >&2; exit 1; }
  ENTRIES="$(gzip -dc "$OUT/$DB-checked.gz" | grep -o '<entry[ >]' | wc -l)"
  [ "$ENTRIES" -eq 100 ] || { echo "bench: $ENTRIES entries, expected 100" >&2; exit 1; }
  [ "$(status "$CHECKED" "$ETAG")" = 304 ] && [ "$(status "$UNCHECKED" "$ETAG")" = 304 ] \
    || { echo "bench: no 304 to ETag $ETAG" >&2; exit 1; }
  echo "bench: $DB ($(head -n1 "$OUT/$DB.log")): feed of $ENTRIES entries, $(stat -c %s "$OUT/$DB-checked.gz") gzip bytes, ETag $ETAG"

  echo "bench: warm-up ($WARMUP each, not counted)"
  for c in 200 304; do
    e=""; [ $c = 304 ] && e=$ETAG
    run checked "warm$c" "$CHECKED" "$e" "$WARMUP" >/dev/null
    run unchecked "warm$c" "$UNCHECKED" "$e" "$WARMUP" >/dev/null
  done
  echo "bench: $DB, wrk -t$THREADS -c$CONNS -d$DURATION --latency -H 'Accept-Encoding: gzip', $ROUNDS rounds; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-10s %-6s %-5s %-10s %12s %10s %7s\n' db round case server "requests/s" "p99 ms" errors
  RESULTS="$OUT/$DB-results.txt"
  : >"$RESULTS"
  for r in $(seq 1 "$ROUNDS"); do
    for c in 200 304; do
      order=(unchecked checked)
      [ $((r % 2)) -eq 0 ] && order=(checked unchecked)   # alternate who goes first, against drift in load
      for s in "${order[@]}"; do
        url=$UNCHECKED; [ "$s" = checked ] && url=$CHECKED
        e=""; [ $c = 304 ] && e=$ETAG
        read -r rps p99 bad < <(run "$s" "$c" "$url" "$e")
        printf '%-10s %-6s %-5s %-10s %12s %10s %7s\n' "$DB" "$r" "$c" "$s" "$rps" "$p99" "$bad"
        echo "$c $s $rps $p99 $bad" >>"$RESULTS"
      done
    done
  done
  echo
  echo "summary, $DB (mean over rounds):"
  awk '
    { n[$1" "$2]++; rps[$1" "$2] += $3; p99[$1" "$2] += $4; bad[$1" "$2] += $5 }
    END {
      split("200 304", cases, " ")
      for (i = 1; i <= 2; i++) {
        c = cases[i]; u = c" unchecked"; k = c" checked"
        ur = rps[u] / n[u]; kr = rps[k] / n[k]; up = p99[u] / n[u]; kp = p99[k] / n[k]
        label = (c == "200") ? "200 gzip body" : "304 If-None-Match"
        printf "  %-18s unchecked %8.0f req/s p99 %7.2f ms | checked %8.0f req/s p99 %7.2f ms | checked/unchecked: %.2fx req/s, %.2fx p99%s\n",
          label, ur, up, kr, kp, kr / ur, kp / up, (bad[u] + bad[k] > 0 ? " errors: " bad[u] + bad[k] : "")
      }
    }' "$RESULTS"
  echo
  cleanup
  SERVER=""
done
echo "bench: load after: $(cut -d' ' -f1-3 /proc/loadavg); raw wrk output under $OUT/wrk/"
