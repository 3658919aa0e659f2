#!/usr/bin/env bash
# Fetch benchmark: see README.md. Usage: bench/fetch/run.sh [SOURCES] [THREADS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
CP="target/classes:$(cat target/bench-classpath.txt)"
LOG=-Dlogback.configurationFile=bench/fetch/logback.xml
PORT_FILE=target/bench-fetch-port.txt
rm -f "$PORT_FILE"
java $LOG -Xmx256m -cp "$CP" bench/fetch/FetchBench.java server "$PORT_FILE" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$PORT_FILE" ] && break; sleep 0.2; done
[ -s "$PORT_FILE" ] || { echo "fixture server did not start" >&2; exit 1; }
# -Xmx256m: the issue's heap budget; an OutOfMemoryError here is a failed benchmark
java $LOG -Xmx256m -cp "$CP" bench/fetch/FetchBench.java client "$(cat "$PORT_FILE")" "$@"
