#!/usr/bin/env bash
# Scheduler-driven pipeline benchmark: see README.md.
# Usage: bench/pipeline/run.sh [SOURCES=10000] [THREADS=8] [ROUNDS=3] [metrics|nometrics]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B -DskipTests compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
CP="target/classes:$(cat target/bench-classpath.txt)"
PORT_FILE=target/bench-pipeline-port.txt
DATA=target/bench-pipeline-data
rm -f "$PORT_FILE"
rm -rf "$DATA"   # a fresh H2 database every run
# the fixture server is bench/fetch's, in its own JVM so the figures below are the pipeline's alone
java -Dlogback.configurationFile=bench/fetch/logback.xml -Xmx256m -cp "$CP" bench/fetch/FetchBench.java server "$PORT_FILE" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$PORT_FILE" ] && break; sleep 0.2; done
[ -s "$PORT_FILE" ] || { echo "fixture server did not start" >&2; exit 1; }
# -Xmx256m: the issue's heap budget; an OutOfMemoryError here is a failed benchmark.
# BENCH_JAVA_OPTS: extra JVM options, e.g. -XX:StartFlightRecording=filename=target/pipeline.jfr
java -Dlogback.configurationFile=bench/pipeline/logback.xml -Xmx256m ${BENCH_JAVA_OPTS:-} -cp "$CP" \
    bench/pipeline/PipelineBench.java "$(cat "$PORT_FILE")" "$DATA" "$@"
