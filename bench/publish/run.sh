#!/usr/bin/env bash
# Publish benchmark: see README.md. Usage: bench/publish/run.sh [DURATION=15s] [ROUNDS=2] [CONNECTIONS=32]
# Nashra's /feeds/all.atom (100 entries, gzip) and its 304 against nginx serving the same bytes as a
# static file, with wrk on loopback, the two servers taking turns in one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
DURATION="${1:-15s}"
ROUNDS="${2:-2}"
CONNS="${3:-32}"
THREADS="${WRK_THREADS:-2}"
WARMUP="${WARMUP:-10s}"
OUT="$ROOT/bench/out/publish"

# --- tools: a fresh Debian 12 machine has none of wrk and nginx ---------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}"
  apt-get update && apt-get install -y "${need[@]}"
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

rm -rf "$OUT"
mkdir -p "$OUT/tmp" "$OUT/data" "$OUT/nginx/www/feeds" "$OUT/nginx/tmp" "$OUT/wrk"

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
wait_http() { # URL: wait until it answers
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "bench: $1 did not answer" >&2
  return 1
}

FIXTURE_PORT="$(free_port)"
NASHRA_PORT="$(free_port)"
NGINX_PORT="$(free_port)"
while [ "$NASHRA_PORT" = "$FIXTURE_PORT" ] || [ "$NGINX_PORT" = "$NASHRA_PORT" ] || [ "$NGINX_PORT" = "$FIXTURE_PORT" ]; do
  NASHRA_PORT="$(free_port)"; NGINX_PORT="$(free_port)"
done

# --- 1. fill Nashra's database from generated outlets ----------------------------------------
python3 bench/publish/fixture.py "$OUT" "$FIXTURE_PORT" "$NASHRA_PORT"
(cd "$OUT/fixture" && exec python3 -m http.server --bind 127.0.0.1 "$FIXTURE_PORT") >"$OUT/fixture.log" 2>&1 &
FIXTURE_PID=$!
PIDS+=("$FIXTURE_PID")
wait_http "http://127.0.0.1:$FIXTURE_PORT/sawt.xml"

# keep the JVM's temp and perf files inside bench/out
export NASHRA_JAVA_OPTS="${NASHRA_JAVA_OPTS:-} -XX:-UsePerfData -Djava.io.tmpdir=$OUT/tmp"
NASHRA_ARGS=(--feeds "$OUT/feeds.yml" --config "$OUT/nashra.yml" --data "$OUT/data")
./nashra fetch "${NASHRA_ARGS[@]}" 2>"$OUT/fetch.log"
kill "$FIXTURE_PID"; wait "$FIXTURE_PID" 2>/dev/null || true   # no more new items: the feed stays as it is

# --- 2. serve it ------------------------------------------------------------------------------
./nashra serve "${NASHRA_ARGS[@]}" >"$OUT/nashra.log" 2>&1 &
PIDS+=("$!")
FEED="http://127.0.0.1:$NASHRA_PORT/feeds/all.atom"
wait_http "$FEED"

curl -fsS -H 'Accept-Encoding: gzip' -D "$OUT/nashra-200.headers" -o "$OUT/nginx/www/feeds/all.atom.gz" "$FEED"
curl -fsS -o "$OUT/nginx/www/feeds/all.atom" "$FEED"
header() { grep -i "^$1:" "$2" | head -n1 | cut -d' ' -f2- | tr -d '\r'; }
NASHRA_ETAG="$(header ETag "$OUT/nashra-200.headers")"
[ "$(header Content-Encoding "$OUT/nashra-200.headers")" = gzip ] || { echo "bench: Nashra sent no gzip" >&2; exit 1; }
gzip -dc "$OUT/nginx/www/feeds/all.atom.gz" | cmp -s - "$OUT/nginx/www/feeds/all.atom" \
  || { echo "bench: gzip and plain bodies differ" >&2; exit 1; }
ENTRIES="$(grep -o '<entry[ >]' "$OUT/nginx/www/feeds/all.atom" | wc -l)"
if [ "$ENTRIES" -ne 100 ]; then
  echo "bench: /feeds/all.atom has $ENTRIES entries, expected 100 (see $OUT/fetch.log)" >&2
  exit 1
fi
GZ_BYTES="$(stat -c %s "$OUT/nginx/www/feeds/all.atom.gz")"
PLAIN_BYTES="$(stat -c %s "$OUT/nginx/www/feeds/all.atom")"
echo "bench: Nashra feed $FEED: $ENTRIES entries, $PLAIN_BYTES bytes, $GZ_BYTES gzipped, ETag $NASHRA_ETAG"

# --- 3. nginx: the same bytes as a static file ------------------------------------------------
USER_LINE=""
[ "$(id -u)" -eq 0 ] && USER_LINE="user $(id -un) $(id -gn);"   # workers must read files under bench/out
cat >"$OUT/nginx/nginx.conf" <<EOF
$USER_LINE
worker_processes auto;
daemon off;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;   # like Jetty: no cap on requests per connection
  client_body_temp_path $OUT/nginx/tmp/body;
  proxy_temp_path $OUT/nginx/tmp/proxy;
  fastcgi_temp_path $OUT/nginx/tmp/fastcgi;
  uwsgi_temp_path $OUT/nginx/tmp/uwsgi;
  scgi_temp_path $OUT/nginx/tmp/scgi;
  types { application/atom+xml atom; }
  default_type application/octet-stream;
  charset utf-8;
  charset_types application/atom+xml;
  gzip_static on;               # serves all.atom.gz, Nashra's own gzip bytes
  gzip_vary on;
  etag on;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/nginx/www;
    location /feeds/ { add_header Cache-Control "public, max-age=900"; }
  }
}
EOF
"$NGINX" -p "$OUT/nginx/" -c "$OUT/nginx/nginx.conf" -e "$OUT/nginx/error.log" &
PIDS+=("$!")
STATIC="http://127.0.0.1:$NGINX_PORT/feeds/all.atom"
wait_http "$STATIC"
curl -fsS -H 'Accept-Encoding: gzip' -D "$OUT/nginx-200.headers" -o "$OUT/nginx-200.body" "$STATIC"
NGINX_ETAG="$(header ETag "$OUT/nginx-200.headers")"
[ "$(header Content-Encoding "$OUT/nginx-200.headers")" = gzip ] || { echo "bench: nginx sent no gzip" >&2; exit 1; }
cmp -s "$OUT/nginx-200.body" "$OUT/nginx/www/feeds/all.atom.gz" || { echo "bench: nginx sent other bytes" >&2; exit 1; }
status() { curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H "If-None-Match: $2" "$1"; }
[ "$(status "$FEED" "$NASHRA_ETAG")" = 304 ] || { echo "bench: Nashra did not answer 304" >&2; exit 1; }
[ "$(status "$STATIC" "$NGINX_ETAG")" = 304 ] || { echo "bench: nginx did not answer 304" >&2; exit 1; }
echo "bench: nginx $STATIC: same $GZ_BYTES gzip bytes, ETag $NGINX_ETAG; both answer 304 to their ETag"

# --- 4. wrk, the servers taking turns ---------------------------------------------------------
# run NAME CASE URL [ETAG] -> prints "rps p99_ms errors"
run() {
  local name=$1 case=$2 url=$3 etag=${4:-} dur=${5:-$DURATION} file
  file="$OUT/wrk/$name-$case-$(date +%s%N).txt"
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

echo "bench: warm-up ($WARMUP each, not counted)"
for c in 200 304; do
  e1=""; e2=""; [ $c = 304 ] && { e1=$NGINX_ETAG; e2=$NASHRA_ETAG; }
  run nginx "warm$c" "$STATIC" "$e1" "$WARMUP" >/dev/null
  run nashra "warm$c" "$FEED" "$e2" "$WARMUP" >/dev/null
done

echo "bench: wrk -t$THREADS -c$CONNS -d$DURATION --latency -H 'Accept-Encoding: gzip', $ROUNDS rounds; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %-5s %-7s %12s %10s %7s\n' round case server "requests/s" "p99 ms" errors
RESULTS="$OUT/results.txt"
: >"$RESULTS"
for r in $(seq 1 "$ROUNDS"); do
  for c in 200 304; do
    order=(nginx nashra)
    [ $((r % 2)) -eq 0 ] && order=(nashra nginx)   # alternate who goes first, against drift in machine load
    for s in "${order[@]}"; do
      if [ "$s" = nginx ]; then url=$STATIC; etag=$NGINX_ETAG; else url=$FEED; etag=$NASHRA_ETAG; fi
      [ $c = 200 ] && etag=""
      read -r rps p99 bad < <(run "$s" "$c" "$url" "$etag")
      printf '%-6s %-5s %-7s %12s %10s %7s\n' "$r" "$c" "$s" "$rps" "$p99" "$bad"
      echo "$c $s $rps $p99 $bad" >>"$RESULTS"
    done
  done
done

echo
echo "summary (mean over rounds; target: Nashra >= 0.5x nginx requests/s on both):"
awk '
  { n[$1" "$2]++; rps[$1" "$2] += $3; p99[$1" "$2] += $4; bad[$1" "$2] += $5 }
  END {
    split("200 304", cases, " ")
    for (i = 1; i <= 2; i++) {
      c = cases[i]; g = c" nginx"; j = c" nashra"
      gr = rps[g] / n[g]; jr = rps[j] / n[j]; gp = p99[g] / n[g]; jp = p99[j] / n[j]
      label = (c == "200") ? "200 gzip body" : "304 If-None-Match"
      printf "  %-18s nginx %8.0f req/s p99 %7.2f ms | Nashra %8.0f req/s p99 %7.2f ms | Nashra/nginx: %.2fx req/s, %.2fx p99 %s%s\n",
        label, gr, gp, jr, jp, jr / gr, jp / gp, (jr / gr >= 0.5 ? "(target met)" : "(BELOW 0.5x)"),
        (bad[g] + bad[j] > 0 ? " errors: " bad[g] + bad[j] : "")
    }
  }' "$RESULTS"

AFTER_ETAG="$(curl -fsS -H 'Accept-Encoding: gzip' -D - -o /dev/null "$FEED" | grep -i '^ETag:' | cut -d' ' -f2- | tr -d '\r')"
[ "$AFTER_ETAG" = "$NASHRA_ETAG" ] || echo "bench: WARNING: Nashra's ETag changed during the run ($AFTER_ETAG)"
echo "bench: load after: $(cut -d' ' -f1-3 /proc/loadavg); raw wrk output under $OUT/wrk/"
