#!/usr/bin/env bash
# Times a 1,000-line script of `flows get` calls run by one `kestractl shell -f` (one process,
# one connection pool) against 1,000 separate `kestractl flows get` processes, both against a
# kestra-emulator; prints both times and the ratio.
#   CONFIGURATION=release scripts/bench-script.sh   (default: debug)   LINES=1000
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/emulator-url.sh
source scripts/emulator-url.sh
configuration=${CONFIGURATION:-debug}
lines=${LINES:-1000}
swift build -c "$configuration" --product kestractl >&2
swift build -c "$configuration" --product kestra-emulator >&2
bin=$(swift build -c "$configuration" --show-bin-path)
work=$(mktemp -d)
"$bin/kestra-emulator" --port 0 --basic-auth admin@kestra.io:Admin1234 >"$work/emulator.log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null; wait $emulator 2>/dev/null; rm -rf "$work"' EXIT
url=$(emulator_url "$work/emulator.log")
export KESTRACTL_HOST=$url KESTRACTL_USERNAME=admin@kestra.io KESTRACTL_PASSWORD=Admin1234 HOME=$work
"$bin/kestractl" flows deploy examples/flows/company.team/hello_world.yml >/dev/null

for _ in $(seq 1 "$lines"); do echo "flows get hello_world -n company.team -o json"; done >"$work/bench.kctl"

now() { date +%s.%N; }
start=$(now)
"$bin/kestractl" shell -f "$work/bench.kctl" >/dev/null
script_seconds=$(echo "$(now) - $start" | bc)

start=$(now)
for _ in $(seq 1 "$lines"); do "$bin/kestractl" flows get hello_world -n company.team -o json >/dev/null; done
process_seconds=$(echo "$(now) - $start" | bc)

printf '%s build, %d flows get calls against kestra-emulator\n' "$configuration" "$lines"
printf '  one kestractl shell -f script: %8.2f s\n' "$script_seconds"
printf '  %d kestractl processes:      %8.2f s\n' "$lines" "$process_seconds"
printf '  ratio (processes / script):   %8.1fx\n' "$(echo "$process_seconds / $script_seconds" | bc -l)"
