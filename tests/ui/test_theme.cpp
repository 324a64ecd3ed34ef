// The themes' colours against WCAG 2.1: every text at least 4.5:1 on the grounds it is
// drawn on (7:1 in the high-contrast theme), outlines of controls and graphics one must see
// (node fills, underlines, the box of a search hit) at least 3:1. The pairs come from
// ui/theme.hpp, whose colours are the ones the views draw with.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "core/embed.hpp"
#include "ui/theme.hpp"

namespace {

using wwe::ui::ContrastPair;
using wwe::ui::Theme;

// WCAG 2.1 relative luminance of an opaque ImU32 (0xAABBGGRR): each sRGB channel
// linearised, then weighted 0.2126 R + 0.7152 G + 0.0722 B.
double luminance(ImU32 c) {
    auto linear = [](unsigned channel) {
        const double v = static_cast<double>(channel & 0xFFu) / 255.0;
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c >> IM_COL32_R_SHIFT) + 0.7152 * linear(c >> IM_COL32_G_SHIFT) +
           0.0722 * linear(c >> IM_COL32_B_SHIFT);
}

// (lighter + 0.05) / (darker + 0.05), 1..21.
double contrast(ImU32 a, ImU32 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string hex(ImU32 c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", (c >> IM_COL32_R_SHIFT) & 0xFF, (c >> IM_COL32_G_SHIFT) & 0xFF,
                  (c >> IM_COL32_B_SHIFT) & 0xFF);
    return buf;
}

struct Named {
    const char* name;
    Theme theme;
    double text_minimum;
};

}  // namespace

TEST_CASE("theme: the contrast formula gives WCAG's known values") {
    CHECK(contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0));
    CHECK(contrast(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(4.48).epsilon(0.005));
    CHECK(contrast(IM_COL32(0x76, 0x76, 0x76, 255), IM_COL32(255, 255, 255, 255)) >= 4.5);  // the lightest passing grey
    CHECK(contrast(IM_COL32(0x12, 0x34, 0x56, 255), IM_COL32(0x12, 0x34, 0x56, 255)) == doctest::Approx(1.0));
    // Order does not matter; the linear segment of sRGB (channel <= 10) is used.
    CHECK(contrast(IM_COL32(10, 10, 10, 255), IM_COL32(200, 30, 30, 255)) ==
          doctest::Approx(contrast(IM_COL32(200, 30, 30, 255), IM_COL32(10, 10, 10, 255))));
}

TEST_CASE("theme: every text and graphic of every theme has its contrast") {
    const Named themes[] = {
        {"light", wwe::ui::default_theme(), wwe::ui::kTextContrast},
        {"dark", wwe::ui::dark_theme(), wwe::ui::kTextContrast},
        {"contrast", wwe::ui::high_contrast_theme(), wwe::ui::kHighContrastText},
    };
    for (const Named& t : themes) {
        const std::vector<ContrastPair> pairs = wwe::ui::theme_contrast_pairs(t.theme, t.text_minimum);
        CAPTURE(t.name);
        CHECK(pairs.size() > 100);  // the table covers the views (grounds x text roles, palette, ...)
        int failures = 0;
        for (const ContrastPair& p : pairs) {
            const double ratio = contrast(p.foreground, p.background);
            if (ratio + 1e-9 < p.minimum) {
                ++failures;
                MESSAGE(t.name << ": " << p.what << " " << hex(p.foreground) << " on " << hex(p.background) << " is "
                               << ratio << ":1, needs " << p.minimum << ":1");
            }
        }
        CHECK(failures == 0);
    }
}

TEST_CASE("theme: the pairs follow the theme's colours (a poor colour is caught)") {
    Theme t = wwe::ui::default_theme();
    const auto passes = [](const Theme& theme) {
        for (const ContrastPair& p : wwe::ui::theme_contrast_pairs(theme))
            if (contrast(p.foreground, p.background) < p.minimum) return false;
        return true;
    };
    REQUIRE(passes(t));
    SUBCASE("muted text as light as it once was") { t.text_muted = IM_COL32(0xA0, 0xA0, 0xA0, 255); }
    SUBCASE("a pale palette colour") { t.palette[3] = IM_COL32(0xCC, 0xBB, 0x44, 255); }
    SUBCASE("a faint control outline") { t.outline = IM_COL32(0xD9, 0xD4, 0xC7, 255); }
    SUBCASE("a dimmed label by transparency") { t.text_dimmed = IM_COL32(0xB0, 0xB2, 0xB5, 255); }
    SUBCASE("a pale concept underline") { t.concept_line = IM_COL32(0xA8, 0xC8, 0xE8, 255); }
    SUBCASE("the search hit's box like its ground") { t.hit_line = t.hit_bg; }
    SUBCASE("a dark matrix ramp") { t.heat_high = IM_COL32(0x1F, 0x5F, 0x8F, 255); }
    CHECK_FALSE(passes(t));
}

TEST_CASE("theme: the high-contrast theme is chosen by the option or the system, auto follows the scheme") {
    using wwe::EmbedOptions;
    using wwe::SystemPreferences;
    using wwe::ThemeKind;
    using wwe::choose_theme;
    SystemPreferences none;
    SystemPreferences dark;
    dark.dark = true;
    SystemPreferences more;
    more.more_contrast = true;
    SystemPreferences forced;
    forced.forced_colors = true;
    CHECK(choose_theme(EmbedOptions::Theme::Light, none) == ThemeKind::Light);
    CHECK(choose_theme(EmbedOptions::Theme::Light, dark) == ThemeKind::Light);
    CHECK(choose_theme(EmbedOptions::Theme::Dark, none) == ThemeKind::Dark);
    CHECK(choose_theme(EmbedOptions::Theme::Auto, none) == ThemeKind::Light);
    CHECK(choose_theme(EmbedOptions::Theme::Auto, dark) == ThemeKind::Dark);
    CHECK(choose_theme(EmbedOptions::Theme::Contrast, none) == ThemeKind::Contrast);
    for (const EmbedOptions::Theme option :
         {EmbedOptions::Theme::Light, EmbedOptions::Theme::Dark, EmbedOptions::Theme::Auto}) {
        CHECK(choose_theme(option, more) == ThemeKind::Contrast);
        CHECK(choose_theme(option, forced) == ThemeKind::Contrast);
    }
    // The ImGui colours come from the same theme: text on the window is the theme's text.
    ImGuiStyle style;
    const Theme hc = wwe::ui::theme_for(ThemeKind::Contrast);
    wwe::ui::apply_theme(hc, style);
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_Text]) == hc.text);
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_Border]) == hc.outline);
    CHECK(ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_WindowBg]) == hc.background);
}
