#!/usr/bin/env bash
# Installs rapporteur for a workflow without compiling it when a release has it: the
# released binary for this machine (checked against its SHA-256), else a binary that an
# earlier run compiled and the workflow's cache restored, else `cargo install --locked`
# (which the cache then keeps for the next runs). Prints which one it used.
#
# Usage: install-rapporteur.sh [DIR]
#   DIR: where the released binary goes (default $HOME/.local/bin); it is added to
#   $GITHUB_PATH when that is set, so later steps find `rapporteur`.
# Environment:
#   RAPPORTEUR_RELEASES  where release files are downloaded from (default: the latest
#                        release of $GITHUB_REPOSITORY); any URL curl reads, file:// too
#   RAPPORTEUR_GIT       the repository the fallback compiles (default: $GITHUB_REPOSITORY)
set -euo pipefail

dir="${1:-$HOME/.local/bin}"
repository="https://github.com/${GITHUB_REPOSITORY:-}"
releases="${RAPPORTEUR_RELEASES:-$repository/releases/latest/download}"
source_git="${RAPPORTEUR_GIT:-$repository}"
cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"

# The release target of this machine (the names package-release.sh gives), if there is one.
target=""
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target="x86_64-unknown-linux-gnu" ;;
  Darwin-arm64) target="aarch64-apple-darwin" ;;
  Darwin-x86_64) target="x86_64-apple-darwin" ;;
  MINGW*-x86_64 | MSYS*-x86_64 | CYGWIN*-x86_64) target="x86_64-pc-windows-msvc" ;;
esac
name="rapporteur"
case "$target" in
  *-windows-*) name="rapporteur.exe" ;;
esac

on_path() {
  if [ -n "${GITHUB_PATH:-}" ]; then
    echo "$1" >>"$GITHUB_PATH"
  fi
}

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi
}

# Downloads and checks the released binary; fails (without installing) on any problem.
from_release() {
  [ -n "$target" ] || { echo "no released binary for $(uname -s) $(uname -m)"; return 1; }
  local archive="rapporteur-$target.tar.gz" download
  download="$(mktemp -d)"
  if ! curl -fsSL --retry 3 "$releases/$archive" -o "$download/$archive" ||
    ! curl -fsSL --retry 3 "$releases/$archive.sha256" -o "$download/$archive.sha256"; then
    echo "no released binary at $releases/$archive"
    rm -rf "$download"
    return 1
  fi
  local expected actual
  expected="$(cut -d' ' -f1 <"$download/$archive.sha256")"
  actual="$(sha256 "$download/$archive" | cut -d' ' -f1)"
  if [ "$expected" != "$actual" ]; then
    echo "error: $archive does not match its SHA-256 ($actual, expected $expected)" >&2
    rm -rf "$download"
    return 1
  fi
  # Called in an `if`, where `set -e` does not apply: each step is checked.
  local version
  if ! tar -xzf "$download/$archive" -C "$download" || ! mkdir -p "$dir" ||
    ! mv "$download/$name" "$dir/$name" || ! version="$("$dir/$name" --version)"; then
    echo "error: the released $archive could not be installed in $dir" >&2
    rm -rf "$download"
    return 1
  fi
  rm -rf "$download"
  on_path "$dir"
  echo "installed the released binary: $version"
}

if from_release; then
  exit 0
fi
if [ -x "$cargo_bin/$name" ]; then
  on_path "$cargo_bin"
  echo "using the binary compiled by an earlier run: $("$cargo_bin/$name" --version)"
  exit 0
fi
echo "compiling rapporteur from $source_git (the cache keeps it for the next runs)"
cargo install --locked --git "$source_git" rapporteur
on_path "$cargo_bin"
echo "installed from source: $("$cargo_bin/$name" --version)"
