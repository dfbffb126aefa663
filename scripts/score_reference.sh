#!/usr/bin/env bash
# Run the flow on a gold set's articles into a temporary warehouse and print the reference
# scorer's figures (../shared/tools/score.py). The articles stay where they are: dev and hidden
# pages are third-party text and are never copied into this repository.
#   usage: scripts/score_reference.sh ARTICLES_DIR GOLD_DIR
#   env:   SCORER (default ../shared/tools/score.py), JSON=FILE (also write the figures as JSON),
#          KEEP=DIR (keep the warehouse there instead of a temporary folder)
set -euo pipefail
articles=${1:?usage: score_reference.sh ARTICLES_DIR GOLD_DIR}
gold=${2:?usage: score_reference.sh ARTICLES_DIR GOLD_DIR}
scorer=${SCORER:-../shared/tools/score.py}
for path in "$articles" "$gold" "$scorer"; do
  [ -e "$path" ] || { echo "score_reference: $path not found (set SHARED=… or SCORER=…)" >&2; exit 2; }
done
if [ -n "${KEEP:-}" ]; then
  wh=$KEEP; rm -rf "$wh"; mkdir -p "$wh"
else
  wh=$(mktemp -d); trap 'rm -rf "$wh"' EXIT
fi
if ! .venv/bin/newsgate run --input "$articles" --warehouse "$wh/warehouse" >"$wh/run.log" 2>&1; then
  tail -20 "$wh/run.log" >&2
  exit 1
fi
.venv/bin/python "$scorer" "$wh/warehouse" "$gold" "$articles" ${JSON:+--json "$JSON"}
