#!/usr/bin/env bash
# Writes MAPP/SHA256SUMS: the SHA-256 of every release archive in MAPP (resurs-v*.tar.gz and
# resurs-v*.zip), one "<hex>  <filename>" line each, sorted by name, as `sha256sum` prints them
# and `sha256sum -c SHA256SUMS` reads them back.
# Usage: scripts/kontrollsummor.sh MAPP
set -euo pipefail

if [ "$#" -ne 1 ] || [ ! -d "$1" ]; then
  echo "användning: scripts/kontrollsummor.sh MAPP (en mapp med arkiven resurs-v*.tar.gz/.zip)" >&2
  exit 2
fi
cd "$1"

# Byte order for the glob's sorting; no mapfile or other bash 4 (macOS has bash 3.2).
export LC_ALL=C
shopt -s nullglob
archives=()
for f in resurs-v*; do
  case "$f" in
    *.tar.gz | *.zip) archives+=("$f") ;;
  esac
done
if [ "${#archives[@]}" -eq 0 ]; then
  echo "fel: inga arkiv (resurs-v*.tar.gz, resurs-v*.zip) i $1" >&2
  exit 1
fi

if command -v sha256sum >/dev/null 2>&1; then
  sum=(sha256sum)
else
  sum=(shasum -a 256) # macOS
fi
# Windows' sha256sum marks binary mode with "*" before the name; the file has one format.
"${sum[@]}" -- "${archives[@]}" | sed 's/^\([0-9a-f]*\) \*/\1  /' > SHA256SUMS.tmp
mv SHA256SUMS.tmp SHA256SUMS
echo "skrev $1/SHA256SUMS (${#archives[@]} arkiv)"
