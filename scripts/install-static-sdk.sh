#!/bin/sh
# Installs the Swift static Linux SDK of the installed toolchain's version (release.yml's Linux
# jobs; this machine has no network): downloads the artifact bundle and its PGP signature from
# download.swift.org, verifies the signature with swift.org's published keys, `swift sdk install`s
# it. Needs curl and gpg.
set -eu

version=$(swift --version 2>&1 | sed -n 's/^.*Swift version \([0-9][0-9.]*\).*$/\1/p' | head -n 1)
[ -n "$version" ] || { echo "install-static-sdk.sh: cannot read the Swift version" >&2; exit 1; }
base="https://download.swift.org/swift-$version-release/static-sdk/swift-$version-RELEASE"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bundle=
for format in 0.1.0 0.0.1; do
  candidate="swift-$version-RELEASE_static-linux-$format.artifactbundle.tar.gz"
  if curl -fsSL -o "$work/$candidate" "$base/$candidate"; then
    bundle=$candidate
    break
  fi
done
[ -n "$bundle" ] || { echo "install-static-sdk.sh: no static Linux SDK for Swift $version under $base" >&2; exit 1; }
curl -fsSL -o "$work/$bundle.sig" "$base/$bundle.sig"
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
curl -fsSL https://www.swift.org/keys/all-keys.asc | gpg --batch --quiet --import
gpg --batch --verify "$work/$bundle.sig" "$work/$bundle"
swift sdk install "$work/$bundle"
swift sdk list
