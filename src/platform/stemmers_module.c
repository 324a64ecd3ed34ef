/* Win-Win Explorer platform: dist/modules/stemmers.wasm, all of Snowball's UTF-8 stemmers as
 * a WebAssembly module of their own (no JS glue, -sSTANDALONE_WASM), fetched by the page only
 * for an article in a language other than English (src/platform/stemmer_web.c,
 * library_wwe.js). Its exports: these two, sb_stemmer_stem, sb_stemmer_length, malloc,
 * free, memory. */
#include <emscripten.h>

#include "libstemmer.h"

EMSCRIPTEN_KEEPALIVE struct sb_stemmer* wwe_stemmer_new(const char* algorithm) {
    return sb_stemmer_new(algorithm, "UTF_8");
}

/* The stem of `size` bytes at `word`, NUL-terminated, in the module's memory (valid until
 * the next call), or 0; its length is sb_stemmer_length. */
EMSCRIPTEN_KEEPALIVE const sb_symbol* wwe_stemmer_stem(struct sb_stemmer* stemmer, const sb_symbol* word, int size) {
    return sb_stemmer_stem(stemmer, word, size);
}
