// Win-Win Explorer platform: Dear ImGui's default font (ProggyClean, 12 KB of compressed
// base85 data and its decoder) left out of the page. ImFontAtlas::Build adds it only when no
// font was added, which the app never lets happen (src/ui/fonts.cpp adds its faces first);
// cmake/web.cmake links with --wrap for ImFontAtlas::AddFontDefault, so the calls come
// here: the compiled-in Noto Sans Regular stands in for it all the same.
#include <imgui.h>

#include "ui/fonts.hpp"

extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas* atlas,
                                                                           const ImFontConfig* config) {
    ImFontConfig c = config ? *config : ImFontConfig();
    c.FontDataOwnedByAtlas = false;  // the program's own bytes
    if (c.SizePixels <= 0.0f) c.SizePixels = 13.0f;
    return atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(wwe::fonts::kRegular.data),
                                       static_cast<int>(wwe::fonts::kRegular.size), c.SizePixels, &c);
}
