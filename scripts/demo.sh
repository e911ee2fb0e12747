#!/usr/bin/env bash
# Starts a kestra-emulator seeded with examples/ and opens the kestractl shell against it
# (without a terminal: runs `kestractl server info` instead).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/emulator-url.sh
source scripts/emulator-url.sh
bin=$(swift build --show-bin-path)
log=$(mktemp)
"$bin/kestra-emulator" --port 0 --seed examples >"$log" 2>&1 &
emulator=$!
config=$(mktemp)
trap 'kill $emulator 2>/dev/null; wait $emulator 2>/dev/null; rm -f "$log" "$config"' EXIT
url=$(emulator_url "$log")
export KESTRACTL_HOST=$url KESTRACTL_USERNAME=admin@kestra.io KESTRACTL_PASSWORD=Admin1234
echo "kestra-emulator running at $url (seeded from examples/)" >&2
if [[ -t 0 && -t 1 ]]; then
  # A throw-away config with one context, so the user's own config is never touched.
  printf 'contexts:\n  demo:\n    host: %s\n    tenant: main\n    namespace: company.team\ndefault_context: demo\n' \
    "$url" >"$config"
  export KESTRACTL_CONFIG=$config
  echo "Try: flows list, executions run hello_world --wait, use company.ops, help. Tab completes; Ctrl-D exits." >&2
  "$bin/kestractl" shell
else
  "$bin/kestractl" server info
fi
