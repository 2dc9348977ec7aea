#!/usr/bin/env bash
# Installs `resurs` for the GitHub Action (action.yml), and can run outside GitHub too.
#
#   installera.sh hamta   Downloads the release binary of RESURS_VERSION for this runner from
#                         RESURS_NEDLADDNING/v<version>/, verifies it against that release's
#                         SHA256SUMS, and puts it in RESURS_BIN (added to GITHUB_PATH). When the
#                         release or this runner's archive does not exist (HTTP 404, or no binary
#                         is built for this runner), it writes `saknas=true` to GITHUB_OUTPUT so
#                         that the action builds resurs instead. A checksum that is missing or
#                         does not match is a refusal: exit 1, nothing installed, no fallback.
#   installera.sh bygg    `cargo install --locked --git RESURS_GIT --tag v<version> resurs`,
#                         unless RESURS_CACHETRAFF is `true` (the binary came from the cache).
#
# Messages are Swedish (the user interface); `::error::` lines become annotations on GitHub.
set -euo pipefail

fel() {
  # One annotation line: `%`, CR and LF escaped as GitHub's workflow commands want them.
  local msg="${1//%/%25}"
  msg="${msg//$'\r'/%0D}"
  msg="${msg//$'\n'/%0A}"
  printf '::error title=resurs::%s\n' "$msg"
  exit "${2:-1}"
}

version="${RESURS_VERSION:-}"
version="${version#v}"
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  fel "version måste vara ett versionsnummer som 0.1.0, inte \`${RESURS_VERSION:-}\`" 2
fi
tag="v$version"

add_path() {
  if [ -n "${GITHUB_PATH:-}" ]; then
    local dir="$1"
    # On Windows (Git Bash) the runner wants a Windows path.
    if command -v cygpath >/dev/null 2>&1; then
      dir="$(cygpath -w "$dir")"
    fi
    printf '%s\n' "$dir" >>"$GITHUB_PATH"
  fi
}

# The release target of this runner (the names of the release archives), or nothing when no
# binary is built for it.
target() {
  local os="${RUNNER_OS:-$(uname -s)}" arch="${RUNNER_ARCH:-$(uname -m)}" cpu
  case "$arch" in
    X64 | x86_64 | amd64) cpu=x86_64 ;;
    ARM64 | arm64 | aarch64) cpu=aarch64 ;;
    *) return 0 ;;
  esac
  case "$os" in
    Linux) echo "$cpu-unknown-linux-musl" ;;
    macOS | Darwin) echo "$cpu-apple-darwin" ;;
    Windows | MINGW* | MSYS* | CYGWIN*) [ "$cpu" = x86_64 ] && echo "x86_64-pc-windows-msvc" ;;
  esac
  return 0
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# Downloads $1 to the file $2; prints the HTTP status (000 when there was no answer).
download() {
  curl --silent --show-error --location --retry 3 --connect-timeout 20 \
    --proto '=https,http' --output "$2" --write-out '%{http_code}' "$1" || true
}

saknas() {
  echo "$1; resurs byggs i stället med cargo install"
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "saknas=true" >>"$GITHUB_OUTPUT"
  fi
  exit 0
}

hamta() {
  local base="${RESURS_NEDLADDNING:-}"
  base="${base%/}"
  case "$base" in
    https://*) ;;
    http://127.0.0.1[:/]* | http://localhost[:/]* | http://127.0.0.1 | http://localhost) ;;
    *) fel "download-url måste börja med https:// (http:// bara till localhost), inte \`$base\`" 2 ;;
  esac
  local mal
  mal="$(target)"
  if [ -z "$mal" ]; then
    saknas "ingen färdig binär av resurs finns för ${RUNNER_OS:-$(uname -s)}/${RUNNER_ARCH:-$(uname -m)}"
  fi
  local arkiv="resurs-$tag-$mal.tar.gz" exe=resurs
  case "$mal" in
    *windows*) arkiv="resurs-$tag-$mal.zip" exe=resurs.exe ;;
  esac

  # Global, for the EXIT trap (which runs outside this function).
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  local status
  status="$(download "$base/$tag/$arkiv" "$tmp/$arkiv")"
  case "$status" in
    200) ;;
    404) saknas "$base/$tag/$arkiv finns inte (HTTP 404)" ;;
    000) fel "$base/$tag/$arkiv kunde inte hämtas (inget svar)" ;;
    *) fel "$base/$tag/$arkiv kunde inte hämtas (HTTP $status)" ;;
  esac
  status="$(download "$base/$tag/SHA256SUMS" "$tmp/SHA256SUMS")"
  if [ "$status" != 200 ]; then
    fel "kontrollsumman stämmer inte för $arkiv: $base/$tag/SHA256SUMS kunde inte hämtas (HTTP $status); binären används inte"
  fi
  # Only the line for this archive: "<hex>  <name>" (or "<hex> *<name>", binary mode).
  local rader forvantad faktisk
  rader="$(awk -v n="$arkiv" '$2 == n || $2 == "*" n { print $1 }' "$tmp/SHA256SUMS")"
  if [ -z "$rader" ]; then
    fel "kontrollsumman stämmer inte för $arkiv: SHA256SUMS har ingen rad för arkivet; binären används inte"
  fi
  if [ "$(printf '%s\n' "$rader" | wc -l)" -ne 1 ]; then
    fel "kontrollsumman stämmer inte för $arkiv: SHA256SUMS har flera rader för arkivet; binären används inte"
  fi
  forvantad="$(printf '%s' "$rader" | tr 'A-F' 'a-f')"
  faktisk="$(sha256 "$tmp/$arkiv")"
  if ! [[ "$forvantad" =~ ^[0-9a-f]{64}$ ]] || [ "$forvantad" != "$faktisk" ]; then
    fel "kontrollsumman stämmer inte för $arkiv (väntad ${forvantad:0:64}, fick $faktisk); binären används inte"
  fi
  echo "$arkiv: kontrollsumman stämmer ($faktisk)"

  mkdir -p "$tmp/ut"
  case "$arkiv" in
    *.zip) unzip -q -o "$tmp/$arkiv" "$exe" -d "$tmp/ut" ;;
    *) tar -xzf "$tmp/$arkiv" -C "$tmp/ut" "$exe" ;;
  esac
  if [ ! -f "$tmp/ut/$exe" ]; then
    fel "$arkiv har ingen fil $exe"
  fi
  local bin="${RESURS_BIN:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/resurs-$tag/bin}"
  mkdir -p "$bin"
  mv -f "$tmp/ut/$exe" "$bin/$exe"
  chmod +x "$bin/$exe"
  "$bin/$exe" --version
  add_path "$bin"
  echo "resurs $version installerat i $bin"
}

bygg() {
  local bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  if [ "${RESURS_CACHETRAFF:-}" = true ] && { [ -x "$bin/resurs" ] || [ -x "$bin/resurs.exe" ]; }; then
    echo "resurs $version från cachen"
  else
    if ! command -v cargo >/dev/null 2>&1; then
      fel "cargo finns inte på den här maskinen; installera Rust (till exempel med rustup) före det här steget"
    fi
    local git="${RESURS_GIT:-}"
    echo "cargo install --locked --git $git --tag $tag resurs"
    cargo install --locked --git "$git" --tag "$tag" resurs
  fi
  add_path "$bin"
  "$bin/resurs" --version
}

case "${1:-}" in
  hamta) hamta ;;
  bygg) bygg ;;
  *) fel "användning: installera.sh hamta|bygg" 2 ;;
esac
