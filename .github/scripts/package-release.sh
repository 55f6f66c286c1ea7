#!/usr/bin/env bash
# Packages a release build of rapporteur for one platform, as the `release` workflow runs it:
# dist/rapporteur-<target>.tar.gz (the binary alone, `rapporteur` or `rapporteur.exe`) and
# dist/rapporteur-<target>.tar.gz.sha256 ("<hash>  <file name>"), the names that
# install-rapporteur.sh downloads.
#
# Usage: package-release.sh <target>   (run at the repository's root, after
#        `cargo build --release --locked --target <target>`)
# The binary is target/<target>/release/rapporteur[.exe], or $RAPPORTEUR_BINARY if set.
set -euo pipefail

target="${1:?usage: package-release.sh <target triple>}"
name="rapporteur"
case "$target" in
  *-windows-*) name="rapporteur.exe" ;;
esac
binary="${RAPPORTEUR_BINARY:-target/$target/release/$name}"
[ -f "$binary" ] || { echo "error: no binary at $binary: build it first" >&2; exit 1; }

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp "$binary" "$staging/$name"
chmod +x "$staging/$name"

mkdir -p dist
archive="rapporteur-$target.tar.gz"
tar -czf "dist/$archive" -C "$staging" "$name"
(
  cd dist
  if command -v sha256sum >/dev/null; then
    sha256sum "$archive" >"$archive.sha256"
  else
    shasum -a 256 "$archive" >"$archive.sha256"
  fi
)
echo "packaged dist/$archive"
