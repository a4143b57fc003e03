#!/usr/bin/env sh
# The timeline benchmark (BENCHMARK.md): builds what it needs, then runs TimelineBenchmark alone and prints figures.
set -e
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -am -pl contracts,platform,test-support,gateway,monitoring-service
mvn -B verify -pl timeline-service -Dtest=NoUnitTestsInABenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=TimelineBenchmark "$@" | sed -n '/==== Fangpin timeline benchmark/,/^====$/p;/BUILD/p'
