#!/usr/bin/env bash
# Regenerate the German catalogues: one per app (kosmos/<app>/locale) and core's (kosmos/locale:
# kosmos/core and the shared templates in kosmos/templates). Then fill the new entries (see
# scripts/po_fill.py) and run `make messages`. Usage: scripts/makemessages.sh [app …] (default: all).
set -euo pipefail
cd "$(dirname "$0")/../kosmos"
PY=../.venv/bin/python
apps=()
for dir in */locale; do apps+=("${dir%/locale}"); done
wanted=("$@")
[ ${#wanted[@]} -eq 0 ] && wanted=("${apps[@]}" core)
for name in "${wanted[@]}"; do
  if [ "$name" = core ]; then
    ignores=(--ignore=static)
    for app in "${apps[@]}"; do ignores+=("--ignore=$app"); done
    $PY ../manage.py makemessages -l de -v 0 "${ignores[@]}"
  else
    (cd "$name" && ../$PY ../../manage.py makemessages -l de -v 0)
  fi
done
