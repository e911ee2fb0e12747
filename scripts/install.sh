#!/bin/sh
# Installs kestractl (and kestra-emulator) from a release, checksum-verified:
#
#   curl -fsSL https://github.com/kestractl/kestractl/releases/latest/download/install.sh | sh
#   sh install.sh [--version X.Y.Z] [--prefix DIR]
#
# Downloads kestractl-VERSION-OS-ARCH.tar.gz and SHA256SUMS from the GitHub release (the latest, or
# vX.Y.Z), or from $KESTRACTL_DOWNLOAD_BASE/latest/ and $KESTRACTL_DOWNLOAD_BASE/vX.Y.Z/ (any URL
# curl reads, file:// included). The archive must match its SHA256SUMS line: on a mismatch, a
# missing line or a failed download nothing is installed and the exit status is 1. Installs into
# --prefix (default ~/.local/bin, /usr/local/bin as root) and the man page beside it
# (PREFIX/../share/man/man1). Running it again installs the same files again.
set -eu

repository=${KESTRACTL_REPO:-kestractl/kestractl}
version=
prefix=

usage() {
  cat <<'EOF'
Usage: install.sh [--version X.Y.Z] [--prefix DIR]

  --version X.Y.Z  install this release (default: the latest)
  --prefix DIR     install into DIR (default: ~/.local/bin, or /usr/local/bin as root)

Environment: KESTRACTL_DOWNLOAD_BASE (a mirror laid out as BASE/latest/ and BASE/vX.Y.Z/),
KESTRACTL_REPO (GitHub owner/name, default kestractl/kestractl).
EOF
}

fail() {
  echo "install.sh: $*" >&2
  exit 1
}

while [ $# -gt 0 ]; do
  case $1 in
    --version) [ $# -ge 2 ] || fail "--version needs a value"; version=${2#v}; shift 2 ;;
    --version=*) version=${1#--version=}; version=${version#v}; shift ;;
    --prefix) [ $# -ge 2 ] || fail "--prefix needs a value"; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

case $(uname -s) in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  *) fail "unsupported system $(uname -s): download the archive for it from https://github.com/$repository/releases" ;;
esac
case $(uname -m) in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) fail "unsupported architecture $(uname -m)" ;;
esac
[ "$os" = macos ] && arch=universal

if [ -z "$prefix" ]; then
  if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local/bin; else prefix="${HOME:?HOME is not set}/.local/bin"; fi
fi

if [ -n "${KESTRACTL_DOWNLOAD_BASE:-}" ]; then
  base=${KESTRACTL_DOWNLOAD_BASE%/}
  if [ -n "$version" ]; then location="$base/v$version"; else location="$base/latest"; fi
elif [ -n "$version" ]; then
  location="https://github.com/$repository/releases/download/v$version"
else
  location="https://github.com/$repository/releases/latest/download"
fi

if command -v sha256sum >/dev/null 2>&1; then
  sha256() { sha256sum "$1" | cut -d ' ' -f 1; }
elif command -v shasum >/dev/null 2>&1; then
  sha256() { shasum -a 256 "$1" | cut -d ' ' -f 1; }
else
  fail "neither sha256sum nor shasum is installed: cannot verify the download"
fi

# download URL FILE
download() {
  case $1 in
    file://*) cp "${1#file://}" "$2" 2>/dev/null ;;
    *)
      if command -v curl >/dev/null 2>&1; then
        curl -fsSL --retry 3 -o "$2" "$1"
      elif command -v wget >/dev/null 2>&1; then
        wget -q -O "$2" "$1"
      else
        fail "neither curl nor wget is installed"
      fi
      ;;
  esac
}

work=$(mktemp -d "${TMPDIR:-/tmp}/kestractl-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

what=${version:+kestractl $version}
download "$location/SHA256SUMS" "$work/SHA256SUMS" ||
  fail "${what:-the latest kestractl} not found: cannot download $location/SHA256SUMS (nothing installed)"

# The SHA256SUMS line of this platform's archive names the version too (that is how "latest" resolves).
line=$(grep -E "^[0-9a-f]{64}  kestractl-[^ /]+-$os-$arch\\.tar\\.gz\$" "$work/SHA256SUMS" | head -n 1) || true
[ -n "$line" ] || fail "${what:-the latest kestractl} has no archive for $os-$arch in $location/SHA256SUMS (nothing installed)"
expected=${line%% *}
archive=${line#*  }
found=${archive#kestractl-}
found=${found%-"$os-$arch".tar.gz}
[ -z "$version" ] || [ "$found" = "$version" ] ||
  fail "$location/SHA256SUMS lists kestractl $found, not $version (nothing installed)"

echo "Downloading $location/$archive" >&2
download "$location/$archive" "$work/$archive" || fail "cannot download $location/$archive (nothing installed)"
actual=$(sha256 "$work/$archive")
[ "$actual" = "$expected" ] ||
  fail "checksum mismatch for $archive: expected $expected, got $actual (nothing installed)"

mkdir "$work/unpacked"
tar -xzf "$work/$archive" -C "$work/unpacked" || fail "cannot unpack $archive (nothing installed)"
package="$work/unpacked/${archive%.tar.gz}"
for binary in kestractl kestra-emulator; do
  [ -f "$package/$binary" ] || fail "$archive has no $binary (nothing installed)"
done

mkdir -p "$prefix" || fail "cannot create $prefix"
# Copy, then rename over the old binary: a running kestractl keeps its file, and a failed copy leaves the old one.
for binary in kestractl kestra-emulator; do
  staged="$prefix/.$binary.new.$$"
  if ! { cp "$package/$binary" "$staged" && chmod 0755 "$staged" && mv -f "$staged" "$prefix/$binary"; }; then
    rm -f "$staged"
    fail "cannot write $prefix/$binary"
  fi
done
case $prefix in
  */bin)
    manual="${prefix%/bin}/share/man/man1"
    if mkdir -p "$manual" 2>/dev/null && cp "$package/man/kestractl.1" "$manual/kestractl.1" 2>/dev/null; then
      installed_manual=" and $manual/kestractl.1"
    fi
    ;;
esac

echo "kestractl $found installed to $prefix/kestractl (with $prefix/kestra-emulator${installed_manual:-})"
case :${PATH:-}: in
  *:"$prefix":*) ;;
  *) echo "Add it to your PATH: export PATH=\"$prefix:\$PATH\"" ;;
esac
cat <<EOF
Shell completion:
  bash: echo 'source <(kestractl completion bash)' >> ~/.bashrc
  zsh:  kestractl completion zsh > "\${fpath[1]}/_kestractl"
  fish: kestractl completion fish > ~/.config/fish/completions/kestractl.fish
Get started: kestractl --help
EOF
