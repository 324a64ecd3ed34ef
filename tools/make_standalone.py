#!/usr/bin/env python3
"""Writes the standalone page: ONE HTML file that works from file:// with no network.

    make_standalone.py --shell web/index.html --css web/style.css --glue web/shell.js
                       --program build/web/explorer-single.js --article assets/article.json
                       --out dist/explorer-standalone.html

Inlines into the page shell: the stylesheet, the article JSON (as a
<script type="application/json" id="wwe-article"> element, which shell.js prefers over a
fetch), the glue and the program linked with -sSINGLE_FILE=1 (its wasm is base64 inside the
JS; the Latin fonts are compiled in, and the faces dist/fonts/ holds for other scripts
cannot be fetched from a file: the browser's own fonts draw those characters instead). The page's Content-Security-Policy then allows exactly these
inline scripts and style (by SHA-256 hash) instead of 'self', and fetches of data: URLs
(the inline WebAssembly). Exit status 1 when the shell
lacks a marker it replaces.
"""
import argparse
import base64
import hashlib
import os
import re
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


def csp_hash(text):
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


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
    page = replace_once(page, ' data-program="explorer.wasm"', "")  # the program is inline
    style = "\n" + read(args.css)
    page = replace_once(page, '<link rel="stylesheet" href="style.css">', "<style>" + style + "</style>")
    article = read(args.article)
    # The article between two markers: `explorer bundle` (core/bundle.hpp) finds the slot by
    # them, never by the first id="wwe-article" (the page's comments mention that id).
    page = replace_once(page, "<!-- wwe:data -->",
                        '<!-- wwe:article-begin --><script type="application/json" id="wwe-article">'
                        + json_for_script(article) + "</script><!-- wwe:article-end -->")
    glue = "\n" + script_safe(read(args.glue), "shell.js")
    program = "\n" + script_safe(read(args.program), "the program")
    page = replace_once(page, '<script src="shell.js"></script>', "<script>" + glue + "</script>")
    page = replace_once(page, '<script src="explorer.js"></script>', "<script>" + program + "</script>")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    if not csp:
        sys.exit("make_standalone: the shell must have a Content-Security-Policy <meta>")
    policy = csp.group(1)
    policy = replace_once(policy, "script-src 'self'", f"script-src {csp_hash(glue)} {csp_hash(program)}")
    policy = replace_once(policy, "style-src 'self'", f"style-src {csp_hash(style)}")
    # The program reads its own inline WebAssembly with fetch("data:..."): no network.
    policy = replace_once(policy, "connect-src 'self'", "connect-src 'self' data:")
    page = page.replace(csp.group(0), f'<meta http-equiv="Content-Security-Policy" content="{policy}">', 1)

    tmp = args.out + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(page)
    os.replace(tmp, args.out)
    print(f"make_standalone: {args.out} ({os.path.getsize(args.out) // 1024} KiB)")


if __name__ == "__main__":
    main()
