// Win-Win Explorer platform: the semantic layer's DOM mirror (an Emscripten JS library).
// (Placeholder until the mirror lands: no mirror, the canvas's own search box.)
mergeInto(LibraryManager.library, {
  wwe_js_mirror_install__sig: 'i',
  wwe_js_mirror_install: function () {
    return 0;
  },
  wwe_js_mirror_apply__sig: 'vi',
  wwe_js_mirror_apply: function (ops) {},
});
