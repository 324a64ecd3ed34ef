// Win-Win Explorer UI: the Share dialog — a link to this view, and the embed-code builder
// (options -> core EmbedOptions -> "?query#fragment" -> core iframe_snippet) with a copy
// button and a live preview the page draws (PreviewRequest).
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/deep_link.hpp"
#include "imgui.h"
#include "ui/views.hpp"
#include "ui/widgets.hpp"

namespace wwe::ui {
namespace {

constexpr double kCopiedSeconds = 2.0;

// A read-only one-line field showing `text` (selectable, copyable with Ctrl+C).
void ReadOnlyField(const char* id, const std::string& text, float width) {
    std::string copy = text;  // ImGui wants a writable buffer even when read-only
    ImGui::SetNextItemWidth(width);
    ImGui::InputText(id, copy.data(), copy.size() + 1, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
}

// A copy button; "Copied" shows beside it for a moment after a click.
void copy_button(const ViewContext& ctx, ShareState& d, const char* label, const std::string& text, const char* what,
                 const char* semantic_id) {
    if (ImGui::Button(label)) {
        ImGui::SetClipboardText(text.c_str());
        d.copied_at = ctx.time;
        d.copied_what = what;
    }
    ctx.places.place_item(semantic_id);
    // The word's room is kept when it is not shown: the buttons after it stay put.
    ImGui::SameLine();
    if (d.copied_what == what && ctx.time - d.copied_at < kCopiedSeconds) {
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.accent);
        ImGui::TextUnformatted("Copied");
        ImGui::PopStyleColor();
    } else {
        ImGui::Dummy(ImGui::CalcTextSize("Copied"));
    }
}

// Keeps an embed id to [a-z0-9_-] (upper case folded).
int id_filter(ImGuiInputTextCallbackData* data) {
    ImWchar& c = data->EventChar;
    if (c >= 'A' && c <= 'Z') c = static_cast<ImWchar>(c - 'A' + 'a');
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ? 0 : 1;
}

// The caret of a field typed in the mirror (ShareState::Typing), drawn in the field just
// drawn (the last item): a line after the first `caret` characters of `text`.
void typing_caret(const ShareState::Typing& t, const Theme& theme) {
    if (t.caret < 0) return;
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 pad = ImGui::GetStyle().FramePadding;
    const std::size_t bytes = std::min(static_cast<std::size_t>(t.caret), t.text.size());
    const float x = min.x + pad.x + ImGui::CalcTextSize(t.text.data(), t.text.data() + bytes).x;
    const float h = ImGui::GetFontSize();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(x, min.y + pad.y), ImVec2(x, min.y + pad.y + h), theme.text, 1.5f);
}

// A frame size in whole CSS px: the canvas's own field (typed into, it applies the value
// clamped at once, as before), or what is typed in the mirror's field (`typing`), shown as
// typed with its caret.
void size_field(ViewContext& ctx, const char* label, int& value, const ShareState::Typing& typing, const char* semantic) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s", typing.caret >= 0 ? typing.text.c_str() : std::to_string(value).c_str());
    const float frame = ImGui::CalcItemWidth();  // the field without its label ("px")
    if (ImGui::InputText(label, buf, sizeof buf, ImGuiInputTextFlags_CharsDecimal)) {
        int typed = 0;
        if (std::sscanf(buf, "%d", &typed) == 1) value = typed;  // clamped by the caller
    }
    ctx.places.place_item(semantic, frame);
    if (!ImGui::IsItemActive()) typing_caret(typing, ctx.theme);
}

EmbedOptions options_of(const ShareState& d, const ViewContext& ctx) {
    EmbedOptions o;
    o.embed = true;
    o.id = d.embed_id;
    o.chrome = static_cast<EmbedOptions::Chrome>(d.chrome);
    std::vector<View> order = d.view_order;
    if (order.size() != static_cast<std::size_t>(kViewCount)) {
        order.clear();
        for (int v = 0; v < kViewCount; ++v) order.push_back(static_cast<View>(v));
    }
    bool reordered = false;
    for (std::size_t i = 0; i < order.size(); ++i) reordered = reordered || order[i] != static_cast<View>(i);
    if (d.views != (1u << kViewCount) - 1 || reordered) {
        for (View v : order)
            if (d.views & (1u << static_cast<int>(v))) o.views.push_back(v);
    }
    // The page's own locks are kept; "Lock the chosen filters" locks every value chosen now.
    o.locked = d.lock_filters ? ctx.state.facets : ctx.embed.locked;
    o.theme = static_cast<EmbedOptions::Theme>(d.theme);
    o.scale = std::clamp(d.scale, kMinEmbedScale, kMaxEmbedScale);
    return o;
}

void section_heading(const ViewContext& ctx, const char* text) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

}  // namespace

void draw_share(ViewContext& ctx, ShareState& d) {
    if (d.open && !d.initialized) {
        // Start from what the page itself shows (an embed shares its own options); then the
        // dialog keeps what the teacher chose, from one opening to the next.
        d.initialized = true;
        d.chrome = static_cast<int>(ctx.embed.chrome);
        d.theme = static_cast<int>(ctx.embed.theme);
        d.scale = ctx.embed.scale;
        d.views = 0;
        for (int v = 0; v < kViewCount; ++v)
            if (view_offered(ctx.embed, static_cast<View>(v))) d.views |= 1u << v;
        d.embed_id = ctx.embed.id;
        // The views in the page's tab order (views=map,reader: map first), then the rest.
        d.view_order.clear();
        for (View v : ctx.embed.views) d.view_order.push_back(v);
        for (int v = 0; v < kViewCount; ++v) {
            if (std::find(d.view_order.begin(), d.view_order.end(), static_cast<View>(v)) == d.view_order.end())
                d.view_order.push_back(static_cast<View>(v));
        }
        d.lock_filters = false;  // the page's own locks stay locked; more only when asked
    }
    if (d.open) {
        d.open = false;
        ImGui::OpenPopup("Share this view");
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(600.0f, display.x - 24.0f);
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, display.y - 24.0f));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    d.showing = false;
    if (!ImGui::BeginPopupModal("Share this view", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        d.close = false;
        return;
    }
    d.showing = true;

    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string fragment = to_fragment(ctx.state, ctx.corpus);
    d.link = d.page_url + "#" + fragment;

    section_heading(ctx, "Link to this view");
    const float copy_link_w = ImGui::CalcTextSize("Copy link").x + 2 * style.FramePadding.x +
                              ImGui::CalcTextSize("Copied").x + style.ItemSpacing.x;
    ReadOnlyField("##link", d.link, ImGui::GetContentRegionAvail().x - copy_link_w - style.ItemSpacing.x);
    ctx.places.place_item("share-dialog/link");  // the mirror's read-only text box over it
    ImGui::SameLine();
    copy_button(ctx, d, "Copy link", d.link, "link", "share-dialog/copy-link");
    TextMuted(ctx.theme, "Opens the explorer on exactly this view: filters, search, selection, map.");

    ImGui::Spacing();
    ImGui::Separator();
    section_heading(ctx, "Embed in a course page");
    ImGui::PushFont(ctx.fonts.small);
    ImGui::TextUnformatted("Views offered");
    const float right = ImGui::GetWindowContentRegionMax().x;
    for (int v = 0; v < kViewCount; ++v) {
        bool on = (d.views & (1u << v)) != 0;
        const float w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                        ImGui::CalcTextSize(view_label(static_cast<View>(v))).x;
        if (v > 0) {
            ImGui::SameLine();
            if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();  // wrap in narrow frames
        }
        if (ImGui::Checkbox(view_label(static_cast<View>(v)), &on)) {
            const unsigned next = on ? d.views | (1u << v) : d.views & ~(1u << v);
            if (next != 0) d.views = next;  // at least one view
        }
        ctx.places.place_item(std::string("share-dialog/view/") + to_string(static_cast<View>(v)));
    }
    ImGui::TextUnformatted("Around the view");
    ImGui::SameLine();
    ImGui::RadioButton("Everything", &d.chrome, static_cast<int>(EmbedOptions::Chrome::Full));
    ctx.places.place_item("share-dialog/chrome/full");
    ImGui::SameLine();
    ImGui::RadioButton("Filters folded", &d.chrome, static_cast<int>(EmbedOptions::Chrome::Compact));
    ctx.places.place_item("share-dialog/chrome/compact");
    ImGui::SameLine();
    ImGui::RadioButton("The view only", &d.chrome, static_cast<int>(EmbedOptions::Chrome::None));
    ctx.places.place_item("share-dialog/chrome/none");
    int offered = 0;
    for (int v = 0; v < kViewCount; ++v) offered += (d.views >> v) & 1u;
    if (d.chrome == static_cast<int>(EmbedOptions::Chrome::None) && offered > 1) {
        ImGui::PushStyleColor(ImGuiCol_Text, ctx.theme.error);
        ImGui::TextWrapped("\"The view only\" has no tabs: readers stay on the starting view. Offer one view, or "
                           "choose \"Filters folded\" to keep the tabs.");
        ImGui::PopStyleColor();
    }
    ImGui::TextUnformatted("Theme");
    ImGui::SameLine();
    ImGui::RadioButton("Light", &d.theme, static_cast<int>(EmbedOptions::Theme::Light));
    ctx.places.place_item("share-dialog/theme/light");
    ImGui::SameLine();
    ImGui::RadioButton("Dark", &d.theme, static_cast<int>(EmbedOptions::Theme::Dark));
    ctx.places.place_item("share-dialog/theme/dark");
    ImGui::SameLine();
    ImGui::RadioButton("The reader's system setting", &d.theme, static_cast<int>(EmbedOptions::Theme::Auto));
    ctx.places.place_item("share-dialog/theme/auto");
    const std::string filters = filters_description(ctx.corpus, ctx.state);
    ImGui::BeginDisabled(ctx.state.facets.empty());
    std::string lock_label = "Lock the chosen filters";
    ImGui::Checkbox(lock_label.c_str(), &d.lock_filters);
    ctx.places.place_item("share-dialog/lock");
    ImGui::EndDisabled();
    d.can_lock = !ctx.state.facets.empty();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip(ctx.state.facets.empty() ? "Tick filter values first: they can then be locked"
                                                   : "Readers of the embed cannot untick them");
    }
    // The fields' mirror elements cover their frames, not the labels after them.
    ImGui::SetNextItemWidth(160);
    ImGui::SliderFloat("Text size", &d.scale, kMinEmbedScale, kMaxEmbedScale, "%.2fx");
    ctx.places.place_item("share-dialog/scale", 160);
    ImGui::SameLine(0, 20);
    ImGui::SetNextItemWidth(70);
    size_field(ctx, "##w", d.width, d.width_typing, "share-dialog/width");
    ImGui::SameLine(0, 4);
    ImGui::TextUnformatted("x");
    ImGui::SameLine(0, 4);
    ImGui::SetNextItemWidth(70);
    size_field(ctx, "px##h", d.height, d.height_typing, "share-dialog/height");
    d.width = std::clamp(d.width, kShareMinWidth, kShareMaxSize);
    d.height = std::clamp(d.height, kShareMinHeight, kShareMaxSize);
    ImGui::SetNextItemWidth(160);
    char id_buf[41];
    std::snprintf(id_buf, sizeof id_buf, "%s", d.embed_id.c_str());
    if (ImGui::InputTextWithHint("Name for the page's script", "optional", id_buf, sizeof id_buf,
                                 ImGuiInputTextFlags_CallbackCharFilter, id_filter)) {
        d.embed_id = id_buf;
    }
    ctx.places.place_item("share-dialog/id", 160);
    if (!ImGui::IsItemActive()) typing_caret(d.id_typing, ctx.theme);
    ImGui::Checkbox("Strict sandbox", &d.strict_sandbox);
    ctx.places.place_item("share-dialog/sandbox");
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Leaves out allow-same-origin: the explorer's server must then send\n"
                          "Access-Control-Allow-Origin for its files (docs/embedding.md)");
    }
    ImGui::PopFont();

    const EmbedOptions options = options_of(d, ctx);
    ViewState start = ctx.state;
    constrain(start, options, nullptr);
    const std::string url = d.page_url + "?" + to_query(options) + "#" + to_fragment(start, ctx.corpus);
    std::string title = "Win-Win Explorer: " + std::string(view_label(start.view));
    if (!filters.empty()) title += " (" + filters + ")";
    d.snippet = iframe_snippet(url, d.width, d.height, title, d.strict_sandbox);
    std::string snippet = d.snippet;
    ImGui::InputTextMultiline("##snippet", snippet.data(), snippet.size() + 1,
                              ImVec2(-1, ImGui::GetTextLineHeight() * 6.5f), ImGuiInputTextFlags_ReadOnly);
    ctx.places.place_item("share-dialog/embed");
    copy_button(ctx, d, "Copy embed code", d.snippet, "embed code", "share-dialog/copy-embed");
    ImGui::SameLine();
    d.preview_url = url;
    if (ImGui::Button("Preview")) ctx.shell.previews.push_back({url, d.width, d.height});
    ctx.places.place_item("share-dialog/preview");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Shows the embed as a course page would, over the explorer");
    ImGui::SameLine();
    const float close_w = ImGui::CalcTextSize("Close").x + 2 * style.FramePadding.x;
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - close_w);
    const bool close = ImGui::Button("Close");
    ctx.places.place_item("share-dialog/close");
    // The dialog as a whole (its buttons are placed within).
    ctx.places.place("share-dialog", ImGui::GetWindowPos(),
                     ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowWidth(), ImGui::GetWindowPos().y + ImGui::GetWindowHeight()));
    if (close || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) || d.close) {
        d.close = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace wwe::ui

namespace wwe::ui {

void share_semantics(SemanticTree& tree, int root, const ShareState& d) {
    auto add = [&](int parent, std::string id, SemanticRole role, std::string name, SemanticCommand command = SemanticCommand::None,
                   std::uint16_t flags = 0) {
        SemanticNode n;
        n.id = std::move(id);
        n.role = role;
        n.name = std::move(name);
        n.parent = parent;
        n.command = command;
        n.flags = flags;
        if (command != SemanticCommand::None || role == SemanticRole::Slider || role == SemanticRole::SpinButton ||
            role == SemanticRole::TextBox)
            n.flags |= Semantic_Focusable;
        tree.nodes.push_back(std::move(n));
        return static_cast<int>(tree.nodes.size()) - 1;
    };
    auto at = [&](int i) -> SemanticNode& { return tree.nodes[static_cast<std::size_t>(i)]; };
    const int dialog = add(root, "share-dialog", SemanticRole::Dialog, "Share this view");
    add(dialog, "share-dialog/link-heading", SemanticRole::Heading, "Link to this view");
    tree.nodes.back().level = 2;
    // The link and the embed code as read-only text boxes: focused, selected and copied as
    // a field's text is (their values; the canvas draws the same text).
    const auto read_only = [&](std::string id, std::string name, const std::string& value) {
        const int box = add(dialog, std::move(id), SemanticRole::TextBox, std::move(name), SemanticCommand::None, Semantic_ReadOnly);
        at(box).value = value;
    };
    read_only("share-dialog/link", "Link to this view", d.link);
    add(dialog, "share-dialog/copy-link", SemanticRole::Button, "Copy link", SemanticCommand::CopyLink);
    add(dialog, "share-dialog/embed-heading", SemanticRole::Heading, "Embed in a course page");
    tree.nodes.back().level = 2;
    // The options, as the dialog draws them (each activation does what the canvas control does:
    // App's share_option).
    const int views = add(dialog, "share-dialog/views", SemanticRole::Group, "Views offered");
    int offered = 0;
    for (int v = 0; v < kViewCount; ++v) offered += (d.views >> v) & 1u;
    for (int v = 0; v < kViewCount; ++v) {
        const bool on = (d.views >> v) & 1u;
        const int box = add(views, std::string("share-dialog/view/") + to_string(static_cast<View>(v)), SemanticRole::Checkbox,
                            view_label(static_cast<View>(v)), SemanticCommand::ShareOption, on ? Semantic_Checked : 0);
        if (on && offered == 1) at(box).description = "the one view offered: it stays";
    }
    const int chrome = add(dialog, "share-dialog/chrome", SemanticRole::RadioGroup, "Around the view");
    const std::pair<EmbedOptions::Chrome, const char*> chromes[] = {{EmbedOptions::Chrome::Full, "Everything"},
                                                                    {EmbedOptions::Chrome::Compact, "Filters folded"},
                                                                    {EmbedOptions::Chrome::None, "The view only"}};
    for (const auto& [c, label] : chromes)
        add(chrome, std::string("share-dialog/chrome/") + to_string(c), SemanticRole::Radio, label, SemanticCommand::ShareOption,
            d.chrome == static_cast<int>(c) ? Semantic_Checked : 0);
    if (d.chrome == static_cast<int>(EmbedOptions::Chrome::None) && offered > 1)
        add(dialog, "share-dialog/chrome-warning", SemanticRole::Paragraph,
            "\"The view only\" has no tabs: readers stay on the starting view. Offer one view, or choose \"Filters folded\" "
            "to keep the tabs.");
    const int theme = add(dialog, "share-dialog/theme", SemanticRole::RadioGroup, "Theme");
    const std::pair<EmbedOptions::Theme, const char*> themes[] = {{EmbedOptions::Theme::Light, "Light"},
                                                                  {EmbedOptions::Theme::Dark, "Dark"},
                                                                  {EmbedOptions::Theme::Auto, "The reader's system setting"}};
    for (const auto& [t, label] : themes)
        add(theme, std::string("share-dialog/theme/") + to_string(t), SemanticRole::Radio, label, SemanticCommand::ShareOption,
            d.theme == static_cast<int>(t) ? Semantic_Checked : 0);
    const int lock = add(dialog, "share-dialog/lock", SemanticRole::Checkbox, "Lock the chosen filters", SemanticCommand::ShareOption,
                         (d.lock_filters ? Semantic_Checked : 0) | (d.can_lock ? 0 : Semantic_Disabled));
    at(lock).description = d.can_lock ? "readers of the embed cannot untick them" : "tick filter values first: they can then be locked";
    const int scale = add(dialog, "share-dialog/scale", SemanticRole::Slider, "Text size");
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", static_cast<double>(d.scale));
    at(scale).value = text;
    at(scale).min = kMinEmbedScale;
    at(scale).max = kMaxEmbedScale;
    at(scale).step = 0.05;
    at(scale).description = "times the normal size";
    const int width = add(dialog, "share-dialog/width", SemanticRole::SpinButton, "Width of the frame, in pixels");
    at(width).value = std::to_string(d.width);
    at(width).min = kShareMinWidth;
    at(width).max = kShareMaxSize;
    at(width).step = 10;
    const int height = add(dialog, "share-dialog/height", SemanticRole::SpinButton, "Height of the frame, in pixels");
    at(height).value = std::to_string(d.height);
    at(height).min = kShareMinHeight;
    at(height).max = kShareMaxSize;
    at(height).step = 10;
    const int id = add(dialog, "share-dialog/id", SemanticRole::TextBox, "Name for the page's script");
    at(id).value = d.embed_id;
    at(id).description = "optional: letters a to z, digits, - and _";
    const int sandbox = add(dialog, "share-dialog/sandbox", SemanticRole::Checkbox, "Strict sandbox", SemanticCommand::ShareOption,
                            d.strict_sandbox ? Semantic_Checked : 0);
    at(sandbox).description = "leaves out allow-same-origin: the explorer's server must then send Access-Control-Allow-Origin";
    read_only("share-dialog/embed", "Embed code", d.snippet);
    add(dialog, "share-dialog/copy-embed", SemanticRole::Button, "Copy embed code", SemanticCommand::CopyEmbed);
    add(dialog, "share-dialog/preview", SemanticRole::Button, "Preview the embed", SemanticCommand::Preview);
    add(dialog, "share-dialog/close", SemanticRole::Button, "Close", SemanticCommand::CloseDialog);
}

std::string share_option(ShareState& d, std::string_view id, std::string_view value, int caret) {
    constexpr std::string_view prefix = "share-dialog/";
    if (id.substr(0, prefix.size()) != prefix) return "";
    const std::string_view what = id.substr(prefix.size());
    auto starts = [&](std::string_view p) { return what.substr(0, p.size()) == p; };
    auto to_int = [&](int fallback) {
        int out = 0;
        const std::string text(value);
        return std::sscanf(text.c_str(), "%d", &out) == 1 ? out : fallback;
    };
    if (starts("view/")) {
        for (int v = 0; v < kViewCount; ++v) {
            if (what.substr(5) != to_string(static_cast<View>(v))) continue;
            const unsigned next = d.views ^ (1u << v);
            if (next == 0) return std::string(view_label(static_cast<View>(v))) + " stays: at least one view is offered.";
            d.views = next;
            return std::string(view_label(static_cast<View>(v))) + (next & (1u << v) ? " offered." : " not offered.");
        }
    } else if (starts("chrome/")) {
        for (const auto c : {EmbedOptions::Chrome::Full, EmbedOptions::Chrome::Compact, EmbedOptions::Chrome::None})
            if (what.substr(7) == to_string(c)) d.chrome = static_cast<int>(c);
    } else if (starts("theme/")) {
        for (const auto t : {EmbedOptions::Theme::Light, EmbedOptions::Theme::Dark, EmbedOptions::Theme::Auto})
            if (what.substr(6) == to_string(t)) d.theme = static_cast<int>(t);
    } else if (what == "lock") {
        if (d.can_lock) d.lock_filters = !d.lock_filters;
    } else if (what == "sandbox") {
        d.strict_sandbox = !d.strict_sandbox;
    } else if (what == "scale") {
        float scale = d.scale;
        const std::string text(value);
        if (std::sscanf(text.c_str(), "%f", &scale) == 1) d.scale = std::clamp(scale, kMinEmbedScale, kMaxEmbedScale);
    } else if (what == "width" || what == "height") {
        const bool width = what == "width";
        int& size = width ? d.width : d.height;
        ShareState::Typing& typing = width ? d.width_typing : d.height_typing;
        size = std::clamp(to_int(size), width ? kShareMinWidth : kShareMinHeight, kShareMaxSize);
        typing = {};
        if (caret >= 0) {  // still typing: the digits as typed (a number input holds nothing else)
            if (caret == 0) typing.caret = 0;
            int at = 0;
            for (const char c : value) {
                if (c >= '0' && c <= '9' && typing.text.size() < 6) typing.text += c;
                if (++at == caret) typing.caret = static_cast<int>(typing.text.size());
            }
            if (typing.caret < 0) typing.caret = static_cast<int>(typing.text.size());
        }
    } else if (what == "id") {
        std::string out;
        int at = 0, out_caret = caret == 0 ? 0 : -1;
        for (char c : value) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += c;
            if (++at == caret) out_caret = static_cast<int>(out.size());
            if (out.size() >= 40) break;
        }
        d.embed_id = out;
        d.id_typing = {};
        if (caret >= 0) d.id_typing = {out, out_caret < 0 ? static_cast<int>(out.size()) : out_caret};
    }
    return "";
}

}  // namespace wwe::ui
