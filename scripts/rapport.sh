#!/usr/bin/env bash
# The action's `rapport` step: with RESURS_RAPPORT set to a path, the public report of the
# data folder RESURS_DATAMAPP (`rapport --publik`), as HTML for a .html path and as Markdown
# for a .md path. Can run outside GitHub too.
set -euo pipefail

ut="${RESURS_RAPPORT:-}"
if [ -z "$ut" ]; then
  exit 0
fi
data="${RESURS_DATAMAPP:-.}"
mkdir -p -- "$(dirname -- "$ut")"
echo "resurs --data $data rapport --publik --skriv-over -o $ut"
resurs --data "$data" rapport --publik --skriv-over -o "$ut"
