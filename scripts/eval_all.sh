#!/usr/bin/env bash
# Runs every extractor's evaluation on ../shared/datasets and prints the figures quoted in docs/evaluation.md.
set -euo pipefail
cd "$(dirname "$0")/.."
D=${DATASETS:-../shared/datasets}
O=.venv/bin/onrecord
echo "== clean (Zyte)";          $O eval clean --zyte "$D/zyte"
echo "== quotes (PolNeAR dev)";  $O eval quotes --polnear "$D/polnear/dev"
echo "== numbers (NewsQuant)";   $O eval numbers --newsquant "$D/newsquant/dev.json"
echo "== claims (own gold)";     $O eval claims
echo "== figures (own gold on BASIL)"; $O eval figures --basil "$D/basil"
echo "== time (TempEval-3 TimeBank)"; $O eval time --tempeval "$D/tempeval/TimeBank"
echo "== stories (BASIL)";       $O eval stories --basil "$D/basil"
echo "== relations (own gold)";  $O eval relations --datasets "$D"
echo "== timeline (Timeline17)"; $O eval timeline --t17 "$D/t17"
