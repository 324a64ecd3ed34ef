#!/usr/bin/env python3
"""Writes the standalone page: ONE HTML file that works from file:// with no network.

    make_standalone.py --shell web/index.html --css web/style.css --glue web/shell.js
                       --program build/web/explorer-single.js --article assets/article.json
                       --out dist/explorer-standalone.html

Inlines into the page shell: the stylesheet, the article JSON (as a
<script type="application/json" id="wwe-article"> element, which shell.js prefers over a
fetch), the glue and the program linked with -sSINGLE_FILE=1 (its wasm is base64 inside the
JS; fonts are compiled in). Exit status 1 when the shell lacks a marker it replaces.
"""
import argparse
import os
import sys


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def script_safe(js, what):
    """JS text that can sit inside <script>...</script>."""
    if "</script" in js.lower():
        sys.exit(f"make_standalone: {what} contains '</script'; cannot inline it")
    return js


def json_for_script(text):
    """The article text, made safe inside <script>: every '<' becomes \\u003c.

    '<' can only occur inside JSON strings, where \\u003c reads back as the same character;
    the text is otherwise kept as authored, so the app reports problems in it exactly as
    it would after a fetch.
    """
    return text.replace("<", "\\u003c")


def replace_once(page, marker, replacement):
    if page.count(marker) != 1:
        sys.exit(f"make_standalone: the shell must contain {marker!r} exactly once")
    return page.replace(marker, replacement)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for name in ("shell", "css", "glue", "program", "article", "out"):
        ap.add_argument("--" + name, required=True)
    args = ap.parse_args()

    page = read(args.shell)
    page = replace_once(page, '<link rel="stylesheet" href="style.css">',
                        "<style>\n" + read(args.css) + "</style>")
    article = read(args.article)
    page = replace_once(page, "<!-- wwe:data -->",
                        '<script type="application/json" id="wwe-article">'
                        + json_for_script(article) + "</script>")
    page = replace_once(page, '<script src="shell.js"></script>',
                        "<script>\n" + script_safe(read(args.glue), "shell.js") + "</script>")
    page = replace_once(page, '<script src="explorer.js"></script>',
                        "<script>\n" + script_safe(read(args.program), "the program") + "</script>")

    tmp = args.out + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(page)
    os.replace(tmp, args.out)
    print(f"make_standalone: {args.out} ({os.path.getsize(args.out) // 1024} KiB)")


if __name__ == "__main__":
    main()
