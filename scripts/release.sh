#!/usr/bin/env bash
# Release builds: the one script behind `make release` and every job of .github/workflows/release.yml.
#
#   scripts/release.sh [build]        build kestractl and kestra-emulator (release, self-contained,
#                                     stripped), pack dist/kestractl-VERSION-OS-ARCH.tar.gz (.zip on
#                                     Windows) and rewrite dist/SHA256SUMS
#   scripts/release.sh package        the same from the binaries already built (iterate on packaging)
#   scripts/release.sh checksums      rewrite dist/SHA256SUMS over every archive in dist/
#   scripts/release.sh notes VERSION  print CHANGELOG.md's section for VERSION (the release notes)
#   scripts/release.sh version        print the version this tree builds as
#
# Linux: the Swift runtime and Foundation (--static-swift-stdlib) and libedit with its libraries
# (libbsd, libmd, libtinfo) are linked statically; only the C runtime family stays dynamic, and the
# build fails otherwise. With SWIFT_SDK=x86_64-swift-linux-musl (or aarch64-…) the binary is fully
# static through the Swift static Linux SDK; that SDK has no libedit, so the shell reads plain lines
# (KESTRACTL_PLAIN_LINE_INPUT). macOS: one universal binary (arm64 + x86_64) linking only the system's
# libraries. SOURCE_DATE_EPOCH (default: the commit's time when the tree is clean) fixes the stamped
# build date and every archive timestamp, so a rebuild of a commit packs the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=dist
# Its own build directory: the static link flags would otherwise rebuild a plain `swift build -c release`
# from scratch, and the other way round.
scratch=${RELEASE_SCRATCH_PATH:-.build-release}
version() { scripts/build-stamp.sh --version .; }

platform() {
  case $(uname -s) in
    Linux) os=linux ;;
    Darwin) os=macos ;;
    MINGW* | MSYS* | CYGWIN*) os=windows ;;
    *) echo "release.sh: unsupported system $(uname -s)" >&2; exit 1 ;;
  esac
  if [[ -n ${SWIFT_SDK:-} ]]; then
    arch=${SWIFT_SDK%%-*}
  else
    case $(uname -m) in
      x86_64 | amd64) arch=x86_64 ;;
      aarch64 | arm64) arch=aarch64 ;;
      *) echo "release.sh: unsupported architecture $(uname -m)" >&2; exit 1 ;;
    esac
  fi
  [[ $os == macos ]] && arch=universal
  exe=
  [[ $os == windows ]] && exe=.exe
  return 0
}

# The swift build options of this platform (after `platform`), into the array build_options.
build_options() {
  build_options=(-c release --scratch-path "$scratch")
  case $os in
    linux)
      # -static-stdlib makes swiftc export every symbol of the program (--export-dynamic): 32,000
      # dynamic symbols that the Swift runtime's start-up dladdr() walks one by one (2 ms per process;
      # docs/performance.md). Nothing looks them up, so they stay local.
      build_options+=(--static-swift-stdlib -Xlinker --no-export-dynamic)
      # Code refers to concrete types' metadata through their accessor functions, not through mangled
      # names the runtime demangles on first use: a mangled generic type is checked against its
      # requirements by scanning every protocol conformance record of the binary (9,700 of them),
      # about 45 of the 122 scans of a `flows get` process: 16.3 → 13.2 ms (docs/performance.md).
      build_options+=(-Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors)
      if [[ -n ${SWIFT_SDK:-} ]]; then
        export KESTRACTL_PLAIN_LINE_INPUT=1
        build_options+=(--swift-sdk "$SWIFT_SDK")
      else
        static_libedit
      fi
      ;;
    macos) build_options+=(--arch arm64 --arch x86_64 --disable-sandbox) ;;
    windows) build_options+=(--static-swift-stdlib) ;;
  esac
}

# libedit as static archives: a pkg-config file whose -L directory holds only the .a files, so
# `-ledit` (and what libedit needs) resolve to them ahead of the shared libraries.
static_libedit() {
  local directory="$scratch/static-libedit" library path
  rm -rf "$directory" && mkdir -p "$directory"
  for library in edit tinfo bsd md; do
    path=$("${CC:-cc}" -print-file-name="lib$library.a")
    [[ -f $path ]] || { echo "release.sh: lib$library.a not found (apt-get install libedit-dev)" >&2; exit 1; }
    ln -s "$path" "$directory/lib$library.a"
    # Their licences ship in THIRD_PARTY_LICENSES: Debian's copyright file of the owning package.
    if command -v dpkg-query >/dev/null; then
      echo "/usr/share/doc/$(dpkg-query -S "$(readlink -f "$path")" | cut -d : -f 1)/copyright" >>"$directory/copyrights"
    fi
  done
  cat >"$directory/libedit.pc" <<EOF
Name: libedit
Description: libedit and its dependencies as static archives (kestractl release builds)
Version: $(pkg-config --modversion libedit)
Libs: -L$PWD/$directory -ledit -ltinfo -lbsd -lmd
Cflags: $(pkg-config --cflags libedit)
EOF
  export PKG_CONFIG_PATH="$PWD/$directory"
}

source_date_epoch() {
  if [[ -z ${SOURCE_DATE_EPOCH:-} ]]; then
    if git update-index -q --refresh 2>/dev/null; git diff-index --quiet HEAD -- 2>/dev/null; then
      SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
    else
      SOURCE_DATE_EPOCH=$(date +%s)
    fi
  fi
  export SOURCE_DATE_EPOCH
}

build() {
  echo "Building kestractl $release_version for $os-$arch: swift build ${build_options[*]}" >&2
  local started=$SECONDS product
  for product in kestractl kestra-emulator; do
    link_options "$product"
    swift build "${build_options[@]}" "${link_options[@]}" --product "$product"
  done
  echo "release build took $((SECONDS - started)) s" >&2
}

# The link options of one product, into the array link_options. Linux (glibc): kestractl is a
# position-dependent executable, as Go's default on linux/amd64 is: a PIE of this size carries
# 121,000 relative relocations that the loader applies at every start, dirtying 330 pages (about
# 3 ms of a 15 ms `kestractl version`; docs/performance.md). kestra-emulator, a long-running
# server, stays a PIE with its address randomised.
link_options() {
  link_options=()
  if [[ $os == linux && -z ${SWIFT_SDK:-} && $1 == kestractl ]]; then link_options=(-Xlinker -no-pie); fi
}

bin_path() { swift build "${build_options[@]}" --show-bin-path; }

strip_binary() {
  case $os in
    linux)
      local objcopy
      objcopy="$(dirname "$(command -v swift)")/llvm-objcopy"
      if [[ -x $objcopy ]]; then "$objcopy" --strip-all "$1"; else strip --strip-all "$1"; fi
      ;;
    macos) strip -x "$1" ;;
    windows) ;; # symbols live in the .pdb files, which are not shipped
  esac
}

# Refuses a binary that needs a library a machine without Swift may lack.
check_self_contained() {
  local binary=$1 needed
  case $os in
    linux)
      needed=$(objdump -p "$binary" | awk '$1 == "NEEDED" { print $2 }')
      local library
      for library in $needed; do
        [[ $library =~ ^(libc|libm|libdl|libpthread|librt|libgcc_s|libstdc\+\+|libz|ld-linux[-a-z0-9_]*)\.so(\.[0-9]+)*$ ]] ||
          { echo "release.sh: $binary needs $library, which is not part of the C runtime" >&2; exit 1; }
      done
      if objdump -p "$binary" | awk '$1 == "RUNPATH" || $1 == "RPATH" { print $2 }' | grep -q '/'; then
        echo "release.sh: $binary has a run path into the build machine" >&2
        exit 1
      fi
      ;;
    macos)
      if otool -L "$binary" | tail -n +2 | grep -vE '^[[:space:]]+(/usr/lib/|/System/Library/)'; then
        echo "release.sh: $binary links a library outside the system" >&2
        exit 1
      fi
      ;;
  esac
}

# Completion scripts and the man page, generated by the built binary from its command tree.
generated_docs() {
  local binary=$1 into=$2
  mkdir -p "$into/completions" "$into/man"
  "$binary" completion bash >"$into/completions/kestractl.bash"
  "$binary" completion zsh >"$into/completions/_kestractl"
  "$binary" completion fish >"$into/completions/kestractl.fish"
  "$binary" --experimental-dump-help | python3 scripts/man-page.py "$release_version" "$SOURCE_DATE_EPOCH" >"$into/man/kestractl.1"
}

# The licences of what the binaries contain: the Swift runtime and Foundation, every package
# dependency, and on Linux the statically linked system libraries.
third_party_licenses() {
  local file
  echo "kestractl and kestra-emulator contain the following third-party software."
  section() { printf '\n%s\n%s\n\n' "==== $1" "$(sed 's/[[:space:]]*$//' "$2")"; }
  section "Swift runtime, Foundation, Dispatch ($(swift --version 2>&1 | head -n 1))" \
    "$(dirname "$(command -v swift)")/../share/swift/LICENSE.txt"
  for file in "$scratch"/checkouts/*/LICENSE* "$scratch"/checkouts/*/NOTICE*; do
    if [[ -f $file ]]; then section "$(basename "$(dirname "$file")") ($(basename "$file"))" "$file"; fi
  done
  if [[ $os == linux && -z ${SWIFT_SDK:-} && -f $scratch/static-libedit/copyrights ]]; then
    while read -r file; do
      if [[ -f $file ]]; then section "$(basename "$(dirname "$file")") (linked statically)" "$file"; fi
    done <"$scratch/static-libedit/copyrights"
  fi
}

archive() {
  local name=$1
  case $os in
    windows) (cd "$dist" && 7z a -tzip -bd "$name.zip" "$name" >/dev/null) ;;
    *)
      local tar=tar
      if ! tar --version 2>/dev/null | grep -q GNU; then
        command -v gtar >/dev/null && tar=gtar || tar=
      fi
      if [[ -n $tar ]]; then
        # Fixed order, owner and time: the same inputs give the same bytes.
        "$tar" -C "$dist" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
          --format=gnu -cf - "$name" | gzip -n -9 >"$dist/$name.tar.gz"
      else
        tar -C "$dist" -czf "$dist/$name.tar.gz" "$name"
      fi
      ;;
  esac
}

checksums() {
  local sum=(sha256sum)
  command -v sha256sum >/dev/null || sum=(shasum -a 256)
  (
    cd "$dist"
    shopt -s nullglob
    local archives=(kestractl-*.tar.gz kestractl-*.zip)
    [[ ${#archives[@]} -gt 0 ]] || { echo "release.sh: no archive in $dist" >&2; exit 1; }
    "${sum[@]}" "${archives[@]}" >SHA256SUMS
  )
  echo "$dist/SHA256SUMS:" >&2
  cat "$dist/SHA256SUMS" >&2
}

package() {
  local name bin stamped
  name="kestractl-$release_version-$os-$arch"
  bin=$(bin_path)
  stamped=$("$bin/kestractl$exe" version | head -n 1)
  [[ $stamped == "kestractl $release_version" ]] ||
    { echo "release.sh: the binary says '$stamped', the tree is $release_version: build again" >&2; exit 1; }
  # One archive per platform: an older build's would stay in SHA256SUMS.
  rm -rf "${dist:?}/$name" "$dist"/kestractl-*-"$os-$arch".tar.gz "$dist"/kestractl-*-"$os-$arch".zip
  mkdir -p "$dist/$name"
  local binary
  for binary in kestractl kestra-emulator; do
    cp "$bin/$binary$exe" "$dist/$name/"
    strip_binary "$dist/$name/$binary$exe"
    check_self_contained "$dist/$name/$binary$exe"
  done
  cp README.md LICENSE CHANGELOG.md "$dist/$name/"
  third_party_licenses >"$dist/$name/THIRD_PARTY_LICENSES"
  [[ $os == windows ]] || generated_docs "$dist/$name/kestractl" "$dist/$name"
  archive "$name"
  rm -rf "${dist:?}/$name"
  checksums
  ls -l "$dist/$name".* >&2
}

# CHANGELOG.md's `## [VERSION]` section without its heading, up to the next `## ` heading.
notes() {
  local wanted=${1#v} text
  text=$(awk -v wanted="$wanted" '
    /^## / { if (found) exit; found = index($0, "## [" wanted "]") == 1; next }
    found { print }
  ' CHANGELOG.md | sed -e '/./,$!d')
  [[ -n $text ]] || { echo "release.sh: CHANGELOG.md has no section ## [$wanted]" >&2; exit 1; }
  printf '%s\n' "$text"
}

command=${1:-build}
case $command in
  build | package)
    platform
    release_version=$(version)
    source_date_epoch
    build_options
    [[ $command == package ]] || build
    package
    ;;
  checksums) checksums ;;
  notes) [[ $# -eq 2 ]] || { echo "usage: release.sh notes VERSION" >&2; exit 2; }; notes "$2" ;;
  version) version ;;
  *) echo "usage: release.sh [build|package|checksums|notes VERSION|version]" >&2; exit 2 ;;
esac
