# shellcheck shell=bash
# Sourced by the scripts that start a kestra-emulator: `url=$(emulator_url LOG)` waits up to 10 s
# for the URL the emulator prints as its first line, and fails showing its log otherwise.
emulator_url() {
  local url
  for _ in $(seq 1 100); do
    url=$(head -n 1 "$1" 2>/dev/null || true)
    if [[ $url == http* ]]; then
      echo "$url"
      return 0
    fi
    sleep 0.1
  done
  echo "kestra-emulator did not start:" >&2
  cat "$1" >&2
  return 1
}
