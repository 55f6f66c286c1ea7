#!/usr/bin/env bash
# Checks what a pull request changes in the site, as the `portal` workflow runs it, and
# prints the problems as GitHub Actions annotations on the pull request's lines.
#
# Usage: check-pull-request.sh <base commit or ref>   (run at the repository's root)
# The binary is $RAPPORTEUR, or `rapporteur` from PATH.
#
# File names travel NUL-separated (`git diff -z`) with git's quoting off and are passed as
# one array, so names with spaces, accents or quotes reach `rapporteur check --changed`
# exactly as written. rapporteur fails on any name that is not a file of the site, so a
# list that matches nothing cannot pass.
set -euo pipefail

base="${1:?usage: check-pull-request.sh <base commit or ref>}"
rapporteur="${RAPPORTEUR:-rapporteur}"

list="$(mktemp)"
trap 'rm -f "$list"' EXIT
git -c core.quotePath=false diff -z --name-only --diff-filter=ACMR "$base" HEAD -- >"$list"

changed=()
while IFS= read -r -d '' name; do
  case "$name" in
    site.yaml | content/* | assets/* | editions/* | themes/*) changed+=("$name") ;;
  esac
done <"$list"

if [ "${#changed[@]}" -eq 0 ]; then
  echo "No file of the site changed: checking the whole site."
  exec "$rapporteur" check --format github
fi
echo "Files of the site changed by this pull request:"
printf '  %s\n' "${changed[@]}"
exec "$rapporteur" check --format github --changed "${changed[@]}"
