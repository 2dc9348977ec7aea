#!/usr/bin/env bash
# Builds resurs for one target in the `dist` profile (Cargo.toml: the release profile, stripped)
# and packs it as the release asset that the release workflow attaches, `cargo binstall` and
# the GitHub Action download:
#   resurs-vX.Y.Z-<target>.tar.gz   the `resurs` binary at the archive root, or
#   resurs-vX.Y.Z-<target>.zip      `resurs.exe`, for Windows targets,
# with <archive>.sha256 beside it and MAPP/SHA256SUMS over all archives in MAPP
# (scripts/kontrollsummor.sh). X.Y.Z is the version in Cargo.toml.
#
# Usage: scripts/paketera.sh [--target TRIPLE] [--ut MAPP] [--cargo KOMMANDO] [--tagg vX.Y.Z]
#   --target  the Rust target (default: the host's, from `rustc -vV`)
#   --ut      where the archives go (default: dist)
#   --cargo   the build command, e.g. "cargo zigbuild" (default: cargo)
#   --tagg    a git tag that must name the version in Cargo.toml (the release workflow's check)
set -euo pipefail
cd "$(dirname "$0")/.."

usage_line="användning: scripts/paketera.sh [--target TRIPLE] [--ut MAPP]
                                [--cargo KOMMANDO] [--tagg vX.Y.Z]"

usage() {
  echo "$usage_line" >&2
  echo "(scripts/paketera.sh --help förklarar flaggorna)" >&2
  exit 2
}

help() {
  cat <<HJALP
Bygger resurs för ett mål (profilen dist) och packar det som releasearkiv:
resurs-vX.Y.Z-<mål>.tar.gz (.zip för Windows), med <arkiv>.sha256 bredvid och
SHA256SUMS över alla arkiv i mappen.

$usage_line
  --target TRIPLE   Rust-målet (standard: värdmaskinens, från \`rustc -vV\`)
  --ut MAPP         vart arkiven hamnar (standard: dist)
  --cargo KOMMANDO  byggkommandot, t.ex. "cargo zigbuild" (standard: cargo)
  --tagg vX.Y.Z     en git-tagg som måste vara versionen i Cargo.toml
HJALP
  exit 0
}

target=""
out="dist"
cargo_cmd="cargo"
tag=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --target) [ "$#" -ge 2 ] || usage; target="$2"; shift 2 ;;
    --ut) [ "$#" -ge 2 ] || usage; out="$2"; shift 2 ;;
    --cargo) [ "$#" -ge 2 ] || usage; cargo_cmd="$2"; shift 2 ;;
    --tagg) [ "$#" -ge 2 ] || usage; tag="$2"; shift 2 ;;
    -h | --help) help ;;
    *) echo "fel: okänt argument: $1" >&2; usage ;;
  esac
done

# "path+file:///…/resurs#resurs@0.1.0" (or "…#0.1.0" from older cargo).
pkgid="$(cargo pkgid --quiet)"
version="${pkgid##*[#@]}"
if [ -n "$tag" ] && [ "$tag" != "v$version" ]; then
  echo "fel: taggen $tag stämmer inte med versionen i Cargo.toml ($version)" >&2
  echo "  = hjälp: tagga v$version, eller ändra versionen i Cargo.toml" >&2
  exit 1
fi

if [ -z "$target" ]; then
  target="$(rustc -vV | sed -n 's/^host: //p')"
fi
case "$target" in
  *windows*) exe=".exe"; ext="zip" ;;
  *) exe=""; ext="tar.gz" ;;
esac
name="resurs-v$version-$target"

echo "== bygger resurs $version för $target ($cargo_cmd, profilen dist)"
read -r -a build <<< "$cargo_cmd"
"${build[@]}" build --locked --profile dist --target "$target" --bin resurs
binary="${CARGO_TARGET_DIR:-target}/$target/dist/resurs$exe"
if [ ! -f "$binary" ]; then
  echo "fel: bygget gav ingen $binary" >&2
  exit 1
fi

mkdir -p "$out"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$binary" "$stage/resurs$exe"
rm -f "$out/$name.$ext"
if [ "$ext" = "zip" ]; then
  if command -v zip >/dev/null 2>&1; then
    (cd "$stage" && zip -q -X "$name.zip" "resurs$exe")
  else
    (cd "$stage" && 7z a -tzip -bd -bso0 "$name.zip" "resurs$exe") # Windows runners: no zip
  fi
else
  tar -czf "$stage/$name.tar.gz" -C "$stage" "resurs$exe"
fi
mv "$stage/$name.$ext" "$out/"

(
  cd "$out"
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum -- "$name.$ext"
  else
    shasum -a 256 -- "$name.$ext" # macOS
  fi | sed 's/^\([0-9a-f]*\) \*/\1  /' > "$name.$ext.sha256"
)
echo "skrev $out/$name.$ext"
scripts/kontrollsummor.sh "$out"
