#!/usr/bin/env bash
# Starts a kestra-emulator seeded with examples/ and points kestractl at it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(swift build --show-bin-path)
log=$(mktemp)
"$bin/kestra-emulator" --port 0 --seed examples >"$log" 2>&1 &
emulator=$!
trap 'kill $emulator 2>/dev/null; wait $emulator 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  url=$(head -n 1 "$log" 2>/dev/null || true)
  [[ $url == http* ]] && break
  sleep 0.1
done
[[ ${url:-} == http* ]] || { echo "kestra-emulator did not start:" >&2; cat "$log" >&2; exit 1; }
export KESTRACTL_HOST=$url KESTRACTL_USERNAME=admin@kestra.io KESTRACTL_PASSWORD=Admin1234
echo "kestra-emulator running at $url (seeded from examples/)" >&2
"$bin/kestractl" server info
