#!/usr/bin/env bash
# explorer bundle finds its page template beside the program, from any working directory,
# and names every place it looked in when there is none (bundle-template.sh EXPLORER SRC).
set -eu
explorer=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/elsewhere"
cp "$explorer" "$tmp/bin/explorer"
printf '<html><!-- wwe:article-begin --><script type="application/json" id="wwe-article">{}</script><!-- wwe:article-end --></html>\n' \
  > "$tmp/bin/explorer-standalone.html"
cd "$tmp/elsewhere"
"$tmp/bin/explorer" bundle "$src/tests/data/mini.json" -o out.html
grep -q 'A Small Test Article' out.html || { echo "the article is not in the page"; exit 1; }
rm "$tmp/bin/explorer-standalone.html"
if "$tmp/bin/explorer" bundle "$src/tests/data/mini.json" -o out2.html 2> err.txt; then
  # Only the build's own dist/ may have given it.
  [ -f "$src/dist/explorer-standalone.html" ] || { echo "bundled without any template"; exit 1; }
else
  for place in "$tmp/bin/explorer-standalone.html" "$tmp/bin/dist/explorer-standalone.html" \
               "share/win-win-explorer/explorer-standalone.html" "--template"; do
    grep -qF -- "$place" err.txt || { echo "the error does not name $place:"; cat err.txt; exit 1; }
  done
fi
echo ok
