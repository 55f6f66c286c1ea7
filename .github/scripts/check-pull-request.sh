#!/usr/bin/env bash
# Checks what a pull request changes in the site, as the `portal` workflow runs it: prints
# the problems as GitHub Actions annotations on the pull request's lines and, when
# $GITHUB_STEP_SUMMARY is set (as in GitHub Actions), writes them grouped by file in plain
# words to the job's summary page. Exits with rapporteur's status.
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
  arguments=(check)
else
  echo "Files of the site changed by this pull request:"
  printf '  %s\n' "${changed[@]}"
  arguments=(check --changed "${changed[@]}")
fi

status=0
"$rapporteur" "${arguments[@]}" --format github || status=$?

# The job's summary page: the same problems in plain words, grouped by file.
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  summary="$("$rapporteur" "${arguments[@]}" --format markdown 2>/dev/null || true)"
  if [ -z "$summary" ]; then
    summary="## rapporteur: no problems in the files of this pull request"
  fi
  printf '%s\n' "$summary" >>"$GITHUB_STEP_SUMMARY"
fi
exit "$status"
