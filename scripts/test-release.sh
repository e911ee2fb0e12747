#!/usr/bin/env bash
# make test's release check: `make release`, then what a person without Swift gets — the archive,
# its checksum, binaries that run with an empty environment and the toolchain's libraries out of
# reach, and install.sh from a file:// mirror (a good install, a re-install, a tampered archive, a
# missing checksum, a failed download and an unknown version install nothing).
set -euo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
indent() { sed 's/^/  | /'; }
check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok: $name"
  else
    failed=$((failed + 1))
    echo "FAIL: $name"
  fi
}

# scripts/build-stamp.sh on scratch repositories: what each git state stamps.
stamp_version() { sh scripts/build-stamp.sh --version "$1"; }
scratch=$(mktemp -d)
repository="$scratch/repository"
mkdir -p "$repository/sub"
git -C "$repository" init -q
git_commit() { git -C "$repository" -c user.name=t -c user.email=t@t commit -q --allow-empty -m "$1"; }
short() { git -C "$repository" rev-parse --short=7 HEAD; }
check "stamp: outside git: dev" test "$(stamp_version "$scratch")" = dev
echo one >"$repository/file" && git -C "$repository" add file && git_commit one
check "stamp: before the first tag: 0.0.0-COUNT-gHASH" test "$(stamp_version "$repository")" = "0.0.0-1-g$(short)"
check "stamp: a directory inside a work tree is not a package at its top: dev" test "$(stamp_version "$repository/sub")" = dev
git -C "$repository" tag not-a-version && git -C "$repository" tag -a v0.2.0 -m 0.2.0
check "stamp: on a v tag: the version" test "$(stamp_version "$repository")" = 0.2.0
git_commit two && git_commit three
check "stamp: between tags: describe" test "$(stamp_version "$repository")" = "0.2.0-2-g$(short)"
echo changed >"$repository/file"
check "stamp: uncommitted changes: -dirty" test "$(stamp_version "$repository")" = "0.2.0-2-g$(short)-dirty"
swift_file="$scratch/Stamp.swift"
SOURCE_DATE_EPOCH=0 sh scripts/build-stamp.sh --swift-file "$swift_file" "$repository"
check "stamp: SOURCE_DATE_EPOCH is the build date" grep -q '^let stampedBuildDate = "1970-01-01T00:00:00Z"$' "$swift_file"
check "stamp: the full commit" grep -q "^let stampedCommit: String? = \"$(git -C "$repository" rev-parse HEAD)\"\$" "$swift_file"
touch -d @1000000000 "$swift_file"
sh scripts/build-stamp.sh --swift-file "$swift_file" "$repository"
check "stamp: an unchanged stamp is not rewritten (nothing recompiles)" test "$(stat -c %Y "$swift_file")" = 1000000000
git -C "$repository" checkout -q -- file
sh scripts/build-stamp.sh --swift-file "$swift_file" "$repository"
check "stamp: a changed stamp is rewritten" grep -q '^let stampedVersion = "0.2.0-2-g[0-9a-f]*"$' "$swift_file"
rm -rf "$scratch"

# One build date for the whole check: release.sh dates a tree with uncommitted changes "now", which
# would differ between the build and the repack below.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
export SOURCE_DATE_EPOCH
started=$SECONDS
make --no-print-directory release
echo "make release took $((SECONDS - started)) s"

version=$(scripts/release.sh version)
case $(uname -m) in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
esac
target="$arch-unknown-linux-gnu"
# release.yml: SWIFT_SDK=ARCH-swift-linux-musl builds fully static binaries of that target.
[[ -z ${SWIFT_SDK:-} ]] || { arch=${SWIFT_SDK%%-*} target=$SWIFT_SDK; }
name="kestractl-$version-linux-$arch"
archive="dist/$name.tar.gz"
commit=$(git rev-parse HEAD)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check "the archive is named after the stamped version" test -f "$archive"
check "SHA256SUMS verifies" bash -c 'cd dist && sha256sum --check --strict SHA256SUMS'
check "SHA256SUMS lists the archive" grep -q "  $name.tar.gz\$" dist/SHA256SUMS

mkdir "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
package="$work/unpacked/$name"
expected_files="CHANGELOG.md
LICENSE
README.md
THIRD_PARTY_LICENSES
completions/_kestractl
completions/kestractl.bash
completions/kestractl.fish
kestra-emulator
kestractl
man/kestractl.1"
check "the archive unpacks to exactly the listed files" \
  test "$(cd "$package" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)" = "$expected_files"
ls -l "$package/kestractl" "$package/kestra-emulator"

# The toolchain's runtime libraries, hidden under an empty tmpfs in a private mount namespace.
runtime=$(cd "$(dirname "$(command -v swift)")/../lib/swift" && pwd -P)
without_toolchain() {
  # shellcheck disable=SC2016 # expanded by the inner sh
  unshare --mount --propagation private sh -c 'mount -t tmpfs none "$1" && shift && exec env -i "$@"' sh "$runtime" "$@"
}
fails() { ! "$@" >/dev/null 2>&1; }
if without_toolchain /bin/true 2>/dev/null; then
  # The control: a binary built the ordinary way needs the hidden libraries, so the hiding works.
  if [[ -x .build/debug/kestractl ]]; then
    check "control: the debug build does not start without the toolchain" \
      fails without_toolchain "$PWD/.build/debug/kestractl" version
  fi
  output=$(without_toolchain "$package/kestractl" version 2>&1) || true
else
  echo "note: no mount namespace here (unshare): the toolchain stays reachable; running with env -i only"
  output=$(env -i "$package/kestractl" version 2>&1) || true
fi
indent <<<"$output"
check "version's first line is kestractl $version" test "$(echo "$output" | head -n 1)" = "kestractl $version"
check "version prints the stamped commit" grep -qx "commit: $commit" <<<"$output"
check "version prints the target" grep -qx "target: $target" <<<"$output"
check "version -o json is one document with the commit" \
  test "$(env -i "$package/kestractl" version -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["commit"])')" = "$commit"
check "kestra-emulator starts with an empty environment" env -i "$package/kestra-emulator" --help

# The release binaries are compiled with other options than the tests' debug build (static runtime,
# position-dependent, metadata accessors: docs/performance.md). Against one packaged emulator, the
# release kestractl must print the same bytes on stdout and stderr and exit as the debug one does.
if [[ -x .build/debug/kestractl ]]; then
  # shellcheck source=scripts/emulator-url.sh
  source scripts/emulator-url.sh
  "$package/kestra-emulator" --port 0 --seed examples --basic-auth admin@kestra.io:Admin1234 >"$work/emulator.log" 2>&1 &
  emulator=$!
  if url=$(emulator_url "$work/emulator.log"); then
    mkdir -p "$work/parity-home"
    # shellcheck disable=SC2016 # ${LAST_EXIT} is the script's variable
    printf '%s\n' 'flows get company.team hello_world -o json' 'namespaces list' \
      'try flows get company.team missing' 'assert ${LAST_EXIT} == 1' >"$work/parity.kctl"
    same_as_debug() {
      local binary outputs=()
      for binary in .build/debug/kestractl "$package/kestractl"; do
        outputs+=("$(env -i HOME="$work/parity-home" KESTRACTL_HOST="$url" KESTRACTL_USERNAME=admin@kestra.io \
          KESTRACTL_PASSWORD=Admin1234 "$binary" "$@" 2>&1; echo "exit $?")")
      done
      [[ ${outputs[0]} == "${outputs[1]}" ]] || diff <(echo "${outputs[0]}") <(echo "${outputs[1]}") | indent
      [[ ${outputs[0]} == "${outputs[1]}" ]]
    }
    check "release = debug: flows list -o json" same_as_debug flows list company.team -o json
    check "release = debug: flows get (YAML source)" same_as_debug flows get company.team hello_world
    check "release = debug: flows get -o yaml" same_as_debug flows get company.team etl_daily -o yaml
    check "release = debug: a missing flow (exit 1)" same_as_debug flows get company.team missing
    check "release = debug: a usage error (exit 2)" same_as_debug flows get --revision x
    check "release = debug: nsfiles list" same_as_debug nsfiles list company.team / --recursive
    check "release = debug: kv list -o json" same_as_debug kv list company.team -o json
    check "release = debug: a script" same_as_debug shell -f "$work/parity.kctl"
    check "release = debug: config view" same_as_debug config view
    check "release = debug: flows deploy --help" same_as_debug flows deploy --help
  else
    check "the packaged kestra-emulator starts" false
  fi
  kill "$emulator" 2>/dev/null || true
  wait "$emulator" 2>/dev/null || true
fi

allowed='^(linux-vdso|libc|libm|libdl|libpthread|librt|libgcc_s|libstdc\+\+|libz|ld-linux[-a-z0-9_]*)\.so(\.[0-9]+)*$'
only_c_runtime() {
  local library ok=true
  # A fully static binary (SWIFT_SDK) needs nothing.
  ldd "$1" 2>&1 | grep -qE 'not a dynamic executable|statically linked' && return 0
  for library in $(ldd "$1" | awk '{ print $1 }' | xargs -n 1 basename); do
    [[ $library =~ $allowed ]] || { echo "  $1 needs $library"; ok=false; }
  done
  $ok
}
check "ldd kestractl: only the C runtime" only_c_runtime "$package/kestractl"
check "ldd kestra-emulator: only the C runtime" only_c_runtime "$package/kestra-emulator"
ldd "$package/kestractl" | indent
if [[ -z ${SWIFT_SDK:-} ]]; then
  elf_type() { LC_ALL=C readelf -h "$1" | awk '$1 == "Type:" { print $2 }'; }
  check "kestractl is position-dependent (no relocations to apply at start)" \
    test "$(elf_type "$package/kestractl")" = EXEC
  check "kestra-emulator stays position-independent" test "$(elf_type "$package/kestra-emulator")" = DYN
fi

check "the bash completion script parses" bash -n "$package/completions/kestractl.bash"
check "the zsh completion script defines _kestractl" grep -q '^_kestractl()' "$package/completions/_kestractl"
check "the fish completion script completes kestractl" grep -q "^complete -c 'kestractl'" "$package/completions/kestractl.fish"
manual="$package/man/kestractl.1"
check "the man page is kestractl(1) of this version" grep -qF "\"kestractl ${version//-/\\-}\" \"User Commands\"" "$manual"
check "the man page documents the commands" grep -q '^\.SS "kestractl flows deploy' "$manual"
check "the man page is ASCII (other characters as groff escapes)" test -z "$(LC_ALL=C grep -n '[^ -~]' "$manual")"
if command -v groff >/dev/null; then
  check "the man page renders without warnings" test -z "$(groff -man -Tutf8 -ww -z "$manual" 2>&1)"
fi

before=$(sha256sum "$archive")
scripts/release.sh package >/dev/null 2>&1
check "packing the same build again gives the same bytes" test "$(sha256sum "$archive")" = "$before"

# install.sh from file:// mirrors laid out as BASE/latest/ and BASE/vVERSION/.
mirror() {
  local base="$work/$1"
  mkdir -p "$base/latest" "$base/v$version"
  cp "$archive" dist/SHA256SUMS "$base/latest/"
  cp "$archive" dist/SHA256SUMS "$base/v$version/"
  echo "$base"
}
install_sh() {
  local base=$1
  shift
  KESTRACTL_DOWNLOAD_BASE="file://$base" sh scripts/install.sh "$@"
}
# install_refused BASE PREFIX MESSAGE [ARGS...]: exit status 1, the message on stderr, nothing in PREFIX.
install_refused() {
  local base=$1 prefix=$2 message=$3 status=0
  shift 3
  install_sh "$base" --prefix "$prefix" "$@" >"$work/out" 2>"$work/err" || status=$?
  indent <"$work/err"
  [[ $status -eq 1 ]] && grep -q "$message" "$work/err" && [[ ! -e $prefix ]]
}

good=$(mirror good)
prefix="$work/home/.local/bin"
install_sh "$good" --prefix "$prefix" >"$work/out" 2>&1 || true
indent <"$work/out"
check "install.sh installs the latest release" test -x "$prefix/kestractl" -a -x "$prefix/kestra-emulator"
check "the installed kestractl runs" test "$("$prefix/kestractl" version | head -n 1)" = "kestractl $version"
check "install.sh installs the man page beside the prefix" test -f "$work/home/.local/share/man/man1/kestractl.1"
check "install.sh says where it installed" grep -q "^kestractl $version installed to $prefix/kestractl" "$work/out"
check "install.sh says how to enable completion" grep -q "completion bash" "$work/out"
install_sh "$good" --prefix "$prefix" >/dev/null 2>&1 || true
check "install.sh again: the same binaries, nothing else" \
  test "$(cmp "$prefix/kestractl" "$package/kestractl" && ls -A "$prefix")" = "$(printf 'kestra-emulator\nkestractl')"
install_sh "$good" --version "v$version" --prefix "$work/pinned/bin" >/dev/null 2>&1 || true
check "install.sh --version v$version" test -x "$work/pinned/bin/kestractl"

# shasum instead of sha256sum: a PATH with only the tools install.sh needs.
if command -v shasum >/dev/null; then
  tools="$work/tools"
  mkdir "$tools"
  for tool in sh uname id mktemp cp grep head cut tar gzip mkdir chmod mv rm cat sed shasum perl; do
    ln -s "$(command -v "$tool")" "$tools/$tool"
  done
  PATH="$tools" install_sh "$good" --prefix "$work/shasum/bin" >/dev/null 2>&1 || true
  check "install.sh verifies with shasum -a 256 where sha256sum is missing" test -x "$work/shasum/bin/kestractl"
fi

tampered=$(mirror tampered)
printf 'x' >>"$tampered/latest/$name.tar.gz"
check "install.sh refuses a tampered archive" install_refused "$tampered" "$work/refused-tampered" "checksum mismatch"
no_line=$(mirror no-line)
grep -v "$name" "$good/latest/SHA256SUMS" >"$no_line/latest/SHA256SUMS" || true
check "install.sh refuses an archive without a checksum line" install_refused "$no_line" "$work/refused-no-line" "has no archive"
missing=$(mirror missing)
rm "$missing/latest/$name.tar.gz"
check "install.sh stops on a failed download" install_refused "$missing" "$work/refused-missing" "cannot download"
check "install.sh refuses an unknown version" install_refused "$good" "$work/refused-unknown" "kestractl 9.9.9 not found" --version 9.9.9

echo "release: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
