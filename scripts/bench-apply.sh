#!/usr/bin/env bash
# Times `kestractl apply` of a generated project of FLOWS flows and FILES namespace files (4 KiB
# each) against a fresh kestra-emulator: once cold (everything created), then once in sync
# (everything UNCHANGED, no write), plus `diff` in sync.
#   CONFIGURATION=release scripts/bench-apply.sh   (default: debug)   FLOWS=500 FILES=200 CONCURRENCY=4
#   LATENCY=20ms adds that delay to every request (a server across a network)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/emulator-url.sh
source scripts/emulator-url.sh
configuration=${CONFIGURATION:-debug}
flows=${FLOWS:-500}
files=${FILES:-200}
concurrency=${CONCURRENCY:-4}
swift build -c "$configuration" --product kestractl >&2
swift build -c "$configuration" --product kestra-emulator >&2
bin=$(swift build -c "$configuration" --show-bin-path)
work=$(mktemp -d)
"$bin/kestra-emulator" --port 0 --basic-auth admin@kestra.io:Admin1234 ${LATENCY:+--latency "$LATENCY"} \
  >"$work/emulator.log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null; wait $emulator 2>/dev/null; rm -rf "$work"' EXIT
url=$(emulator_url "$work/emulator.log")
export KESTRACTL_HOST=$url KESTRACTL_USERNAME=admin@kestra.io KESTRACTL_PASSWORD=Admin1234 HOME=$work

project=$work/project
mkdir -p "$project/flows" "$project/files/bench.team"
for i in $(seq 1 "$flows"); do
  printf 'id: flow_%04d\nnamespace: bench.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hello %d\n' \
    "$i" "$i" >"$project/flows/flow_$i.yml"
done
for i in $(seq 1 "$files"); do
  mkdir -p "$project/files/bench.team/dir_$((i % 10))"
  head -c 4096 /dev/urandom >"$project/files/bench.team/dir_$((i % 10))/file_$i.bin"
done

now() { date +%s.%N; }
run() { # label, command…
  local label=$1 start status
  shift
  start=$(now)
  status=0
  "$@" >"$work/out.txt" 2>&1 || status=$?
  printf '  %-28s %7.2f s  exit %d  %s\n' "$label" "$(echo "$(now) - $start" | bc)" "$status" "$(tail -n 1 "$work/out.txt")"
}
printf '%s build, %d flows + %d files (4 KiB), --concurrency %d, against kestra-emulator (latency %s)\n' \
  "$configuration" "$flows" "$files" "$concurrency" "${LATENCY:-none}"
run "apply (cold)" "$bin/kestractl" apply "$project" --prune --concurrency "$concurrency"
run "apply (in sync)" "$bin/kestractl" apply "$project" --prune --concurrency "$concurrency"
run "diff (in sync)" "$bin/kestractl" diff "$project" --prune
