#!/usr/bin/env bash
# Checks po/POTFILES.in against the sources: every file with translatable
# strings is listed, every listed file exists, and the list is sorted and
# free of duplicates.
#
# Usage: check-potfiles.sh SOURCE_ROOT
#
# Files with translatable strings:
#   *.c       _( N_( C_( NC_( ngettext
#   *.ui      translatable="yes"
#   *.desktop.in           Name= GenericName= Comment= Keywords=
#   *.metainfo.xml.in      <name> <summary> <p> <li> <caption>
#   *.gschema.xml          <summary> <description>
#   other *.xml and *.in   translatable="yes"
# The tests are not translated, so tests/ is not searched. In a git
# checkout the files git knows are searched (so that someone's unfinished,
# uncommitted file does not fail the test); elsewhere the whole tree,
# without meson build folders and hidden folders.
set -euo pipefail

root=${1:?usage: check-potfiles.sh SOURCE_ROOT}
cd "$root"
potfiles=po/POTFILES.in
status=0

fail () {
  echo "not ok: $*"
  status=1
}

list_sources () {
  if command -v git >/dev/null 2>&1 \
     && [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
    git ls-files -- '*.c' '*.ui' '*.in' '*.xml'
  else
    # Meson build folders (whatever their names) hold generated copies.
    local builds
    builds=$(find . -name '.?*' -prune -o -type d -name meson-private -printf '%h/\n' -prune \
             | sed 's|^\./||')
    find . -name '.?*' -prune -o \
         -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.xml' \) \
         -print | sed 's|^\./||' | grep -v -F "${builds:-/nothing/}"
  fi | grep -v -e '^tests/' -e '^po/' | LC_ALL=C sort
}

has_strings () {
  local file=$1

  case "$file" in
    *.c)
      grep -Eq '(^|[^A-Za-z0-9_])(N|C|NC)?_ *\(|ngettext *\(' "$file" ;;
    *.desktop.in)
      grep -Eq '^(Name|GenericName|Comment|Keywords)=' "$file" ;;
    *.metainfo.xml.in | *.appdata.xml.in)
      grep -Eq '<(name|summary|p|li|caption)[ >]' "$file" ;;
    *.gschema.xml)
      grep -Eq '<(summary|description)[ >]' "$file" ;;
    *)
      grep -q 'translatable="yes"' "$file" ;;
  esac
}

[ -f "$potfiles" ] || { echo "not ok: $potfiles is missing"; exit 1; }
listed=$(grep -Ev '^[[:space:]]*(#|$)' "$potfiles" | sed 's/[[:space:]]*$//')

# Listed files exist, once each, in order.
while IFS= read -r file; do
  [ -n "$file" ] || continue
  [ -f "$file" ] || fail "$potfiles lists $file, which does not exist"
done <<< "$listed"

duplicates=$(printf '%s\n' "$listed" | LC_ALL=C sort | uniq -d)
[ -z "$duplicates" ] || fail "$potfiles lists these more than once: $duplicates"
[ "$listed" = "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ] \
  || fail "$potfiles is not sorted (LC_ALL=C sort)"

# Every file with translatable strings is listed.
n_sources=0
while IFS= read -r file; do
  [ -f "$file" ] || continue
  has_strings "$file" || continue
  n_sources=$((n_sources + 1))
  grep -qxF "$file" <<< "$listed" || fail "$file has translatable strings but is not in $potfiles"
done < <(list_sources)

if [ "$status" -eq 0 ]; then
  echo "ok: $potfiles lists all $n_sources files with translatable strings"
fi
exit "$status"
