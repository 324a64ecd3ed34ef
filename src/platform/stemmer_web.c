/* Win-Win Explorer platform: Snowball's libstemmer API (include/libstemmer.h) for the page,
 * with English compiled in and the other languages in a module fetched when an article
 * needs them (cmake/web.cmake, docs/benchmarks.md "Size").
 *
 * The core calls sb_stemmer_new/stem/length/delete/list as natively (src/core/text.cpp).
 * This file replaces libstemmer_utf8.c in explorer_web only: "english" and "porter" run
 * here; any other algorithm goes to dist/modules/stemmers.wasm (all of Snowball's
 * stemmers, src/platform/stemmers_module.c) through wwe_js_stemmer_new / wwe_js_stem
 * (src/platform/library_wwe.js). The page fetches that module before it hands the core an
 * article that may need it (Module.wweStemmersFor in shell.js); when it is not there (it
 * could not be fetched), sb_stemmer_new returns NULL and the core does not stem, as for a
 * language Snowball does not have. The standalone page (explorer_single) links the whole
 * libstemmer instead.
 */
#include <stdlib.h>
#include <string.h>

#include "libstemmer.h"
#include "runtime/api.h"
#include "src_c/stem_UTF_8_english.h"
#include "src_c/stem_UTF_8_porter.h"
#include "libstemmer/modules_utf8.h" /* algorithm_names (its module table is not used) */

/* JS (library_wwe.js). wwe_js_stemmer_new: a handle > 0, or 0 when the module is not loaded
 * or has no such algorithm. wwe_js_stem: the stem's length, copied to `out` when it fits in
 * `cap` bytes (else nothing is copied: call again with more room); -1 on failure. */
extern int wwe_js_stemmer_new(const char* algorithm);
extern int wwe_js_stem(int handle, const sb_symbol* word, int size, sb_symbol* out, int cap);

struct sb_stemmer {
    struct SN_env* env;                 /* english or porter, here; else NULL */
    int (*stem)(struct SN_env*);
    void (*close)(struct SN_env*);
    int remote;                         /* the module's handle */
    sb_symbol* out;                     /* the module's last stem, NUL-terminated */
    int cap;
    int length;
};

const char** sb_stemmer_list(void) { return algorithm_names; }

struct sb_stemmer* sb_stemmer_new(const char* algorithm, const char* charenc) {
    if (charenc && strcmp(charenc, "UTF_8") != 0) return NULL;
    struct sb_stemmer* s = (struct sb_stemmer*)calloc(1, sizeof(struct sb_stemmer));
    if (!s) return NULL;
    if (strcmp(algorithm, "english") == 0) {
        s->env = english_UTF_8_create_env();
        s->stem = english_UTF_8_stem;
        s->close = english_UTF_8_close_env;
    } else if (strcmp(algorithm, "porter") == 0) {
        s->env = porter_UTF_8_create_env();
        s->stem = porter_UTF_8_stem;
        s->close = porter_UTF_8_close_env;
    } else {
        s->remote = wwe_js_stemmer_new(algorithm);
        if (s->remote > 0) return s;
    }
    if (!s->env) {
        free(s);
        return NULL;
    }
    return s;
}

void sb_stemmer_delete(struct sb_stemmer* s) {
    if (!s) return;
    if (s->env && s->close) s->close(s->env);
    free(s->out);
    free(s);
}

const sb_symbol* sb_stemmer_stem(struct sb_stemmer* s, const sb_symbol* word, int size) {
    if (s->env) {
        if (SN_set_current(s->env, size, (const symbol*)word)) {
            s->env->l = 0;
            return NULL;
        }
        if (s->stem(s->env) < 0) return NULL;
        s->env->p[s->env->l] = 0;
        return (const sb_symbol*)s->env->p;
    }
    for (;;) {
        const int n = wwe_js_stem(s->remote, word, size, s->out, s->cap > 0 ? s->cap - 1 : 0);
        if (n < 0) return NULL;
        if (n < s->cap) {
            s->out[n] = 0;
            s->length = n;
            return s->out;
        }
        sb_symbol* bigger = (sb_symbol*)realloc(s->out, (size_t)n + 64);
        if (!bigger) return NULL;
        s->out = bigger;
        s->cap = n + 64;
    }
}

int sb_stemmer_length(struct sb_stemmer* s) { return s->env ? s->env->l : s->length; }
