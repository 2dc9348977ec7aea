#!/usr/bin/env bash
# The action's `validera` step: `resurs --data DATA validera --format github`, whose lines
# GitHub shows as annotations on the files. With RESURS_ANDRADE_SEDAN, or on a pull request
# (GITHUB_BASE_REF set) `origin/<base branch>`, upkeep rules apply only to the changed files.
# RESURS_VALIDERA=false skips the step. Can run outside GitHub too.
set -euo pipefail

fel() {
  local msg="${1//%/%25}"
  msg="${msg//$'\r'/%0D}"
  msg="${msg//$'\n'/%0A}"
  printf '::%s title=resurs::%s\n' "${2:-error}" "$msg"
}

case "${RESURS_VALIDERA:-true}" in
  true) ;;
  false)
    echo "validera: false – ingen validering"
    exit 0
    ;;
  *)
    fel "validera måste vara true eller false, inte \`${RESURS_VALIDERA}\`"
    exit 2
    ;;
esac

data="${RESURS_DATAMAPP:-.}"
ref="${RESURS_ANDRADE_SEDAN:-}"
if [ -z "$ref" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
  ref="origin/$GITHUB_BASE_REF"
  if ! git -C "$data" rev-parse --verify --quiet "$ref^{commit}" >/dev/null 2>&1; then
    fel "$ref finns inte i utcheckningen, så hela mappen granskas; hämta basgrenen med actions/checkout och fetch-depth: 0" warning
    ref=""
  fi
fi

args=(--data "$data" validera --format github)
if [ -n "$ref" ]; then
  args+=(--andrade-sedan "$ref")
fi
echo "resurs ${args[*]}"
exec resurs "${args[@]}"
