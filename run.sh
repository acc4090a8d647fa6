#!/usr/bin/env bash
# Runs Xieshang from this source tree with only a JDK 17: builds the jar, its extracted layout and the
# class data sharing archive (target/run, as `./mvnw package` makes them) when they are missing or older
# than the sources, then starts the application from them, as the production command does
# (docs/perf.md, Start-up). Arguments go to the application (e.g. --server.port=8081); JAVA_OPTS
# replaces the JVM options. Data lives under XIESHANG_DATA_DIR (default ./data).
set -euo pipefail

caller=$(pwd)
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"

java_cmd=java
if [[ -n "${JAVA_HOME:-}" ]]; then
  java_cmd="$JAVA_HOME/bin/java"
fi

archive=target/run/xieshang.jsa
if [[ ! -f target/run/xieshang.jar || ! -f $archive ]] \
    || [[ -n $(find pom.xml src/main -newer "$archive" -print -quit) ]]; then
  echo "Building target/run (the first time: Maven and the dependencies are downloaded, a few minutes)" >&2
  # the tests are neither compiled nor run here: ./mvnw verify does that
  ./mvnw -B -q -ntp package -Dmaven.test.skip=true
fi

# the application runs in target/run (the archive names its jars by relative paths); data stays here
data_dir="${XIESHANG_DATA_DIR:-data}"
if [[ $data_dir != /* ]]; then
  [[ -n "${XIESHANG_DATA_DIR:-}" ]] && data_dir="$caller/$data_dir" || data_dir="$root/$data_dir"
fi
export XIESHANG_DATA_DIR="$data_dir"

cd target/run
# For trying it out, C1 only (as ./mvnw spring-boot:run does): about half the start-up's CPU is C2
# compiling; a server runs the production command, which keeps C2 for the steady state.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec "$java_cmd" ${JAVA_OPTS:--Xmx512m -XX:TieredStopAtLevel=1} -XX:SharedArchiveFile=xieshang.jsa -jar xieshang.jar "$@"
