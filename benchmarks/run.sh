#!/usr/bin/env bash
# Builds benchmarks.jar and runs the whole JMH suite (about 8 minutes on 2 cores).
# Writes one JMH JSON file per part and results.md (the tables of docs/benchmarks.md) to
# $RESULTS_DIR, by default benchmarks/target/results. Extra arguments go to every JMH run.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -B -Pbenchmarks package -DskipTests -pl benchmarks -am
jar=benchmarks/target/benchmarks.jar
out=${RESULTS_DIR:-benchmarks/target/results}
mkdir -p "$out"
rm -f "$out"/*.json "$out"/results.md

jmh() {
	local name=$1
	shift
	java -jar "$jar" -prof gc -rf json -rff "$out/$name.json" "$@"
}

jmh signing '\.SigningBenchmark\.' "${@}"
jmh response '\.ResponseBenchmark\.' "${@}"
for threads in 1 4 16 64; do
	jmh "end-to-end-t$threads" '\.EndToEndBenchmark\.' -t "$threads" "${@}"
done
for threads in 1 16; do
	jmh "factories-t$threads" '\.FactoryBenchmark\.' -t "$threads" "${@}"
done
for threads in 1 16; do
	jmh "rate-limiter-t$threads" '\.RateLimiterBenchmark\.' -t "$threads" "${@}"
done
jmh startup-cold '\.StartupBenchmark\.' "${@}"
jmh startup-warm '\.StartupWarmBenchmark\.' "${@}"

java -cp "$jar" me.tokenpay.benchmarks.ResultsTable "$out"/*.json >"$out/results.md"
echo "Results: $out/results.md"
cat "$out/results.md"
