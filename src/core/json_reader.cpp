#include "json_reader.hpp"

#include <exception>
#include <optional>
#include <unordered_map>

#include "text.hpp"

namespace wwe {

namespace {

using nlohmann::json;

struct LineColumn {
    std::size_t line = 1;    // 1-based
    std::size_t column = 1;  // 1-based, in code points
};

// Where byte `offset` of `text` is (offset may be text.size(): just after the last byte).
LineColumn line_column(std::string_view text, std::size_t offset) {
    LineColumn at;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++at.line;
            at.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {  // not a continuation byte
            ++at.column;
        }
    }
    return at;
}

std::string where(const LineColumn& at) {
    return "line " + std::to_string(at.line) + ", column " + std::to_string(at.column);
}

// Byte offset of the '[' or '{' that opens level max_depth + 1, or npos. Brackets inside
// strings do not count; a backslash in a string skips the character after it, which is all
// it takes to find a string's end ("\u0022" is six plain characters after the skip). For
// every prefix the parser accepts, the count here equals the parser's nesting.
std::size_t depth_exceeded_at(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;  // skip what is escaped
            in_string = c != '"';
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string_view::npos;
}

// A SAX consumer that accepts everything and keeps the first parse error: it locates a
// syntax error without building a document or throwing.
class ErrorLocator final : public nlohmann::json_sax<json> {
public:
    std::optional<std::size_t> position;  // characters read when the error was found
    std::string what;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t at, const std::string&, const nlohmann::detail::exception& ex) override {
        position = at;
        what = ex.what();
        return false;
    }
};

// nlohmann's message without its id and its own position (bytes, where ours counts code
// points): "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error
// while parsing value - unexpected ','; expected ..." -> "unexpected ','; expected ...".
std::string plain_detail(std::string what) {
    if (what.rfind("[json.exception.", 0) == 0)
        if (std::size_t close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
    if (what.rfind("parse error", 0) == 0)
        if (std::size_t colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
    if (what.rfind("syntax error while parsing ", 0) == 0)
        if (std::size_t dash = what.find(" - "); dash != std::string::npos) what.erase(0, dash + 3);
    // The two slips authors make most, in their words: a missing comma shows as a value
    // where a ',' or the closing bracket was due; a trailing comma as a closing bracket
    // where a value was due.
    const bool wanted_end = what.find("; expected '}'") != std::string::npos ||
                            what.find("; expected ']'") != std::string::npos;
    if (wanted_end && what.rfind("unexpected ", 0) == 0 && what.find(" literal;") != std::string::npos)
        what += " (is a comma missing before it?)";
    else if ((what.rfind("unexpected ']'", 0) == 0 || what.rfind("unexpected '}'", 0) == 0) &&
             what.find("expected '[', '{', or a literal") != std::string::npos)
        what = what.substr(0, 14) + ": a value was due here (a comma before it with nothing after?)";
    return utf8_truncate(what, 200);
}

// The byte offset of the last character of the value before the token whose last byte is
// at `token_last` (a string literal or a number, true, false, null), or npos: where a
// missing comma was due.
std::size_t end_of_previous_value(std::string_view text, std::size_t token_last) {
    if (token_last >= text.size()) return std::string_view::npos;
    std::size_t i = token_last;
    if (text[i] == '"') {  // back to the opening quote (one not escaped by a backslash)
        while (i > 0) {
            --i;
            if (text[i] != '"') continue;
            std::size_t slashes = 0;
            while (i >= slashes + 1 && text[i - slashes - 1] == '\\') ++slashes;
            if (slashes % 2 == 0) break;
        }
    } else {
        auto literal = [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
                   c == '-' || c == '+';
        };
        while (i > 0 && literal(text[i - 1])) --i;
    }
    while (i > 0) {  // the character before the token, past white space
        --i;
        const char c = text[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return i;
    }
    return std::string_view::npos;
}

// nlohmann quotes the token it stopped in ("...; last read: '[tru\xE2'"), byte by byte up to
// the one that stopped it, which may be the first byte of a longer character. The quote
// made readable: that character completed from `text` (it ends at byte `last` of the text,
// which is valid UTF-8 by now), a long token cut from the front on a character boundary
// ("…" then the last 40 bytes, where the error is).
std::string readable_last_read(std::string what, std::string_view text, std::size_t last) {
    const std::string_view marker = "last read: '";
    const std::size_t open = what.rfind(marker);
    if (open == std::string::npos || what.size() < open + marker.size() + 1 || what.back() != '\'') return what;
    const std::size_t from = open + marker.size();
    std::string token = what.substr(from, what.size() - 1 - from);
    // The incomplete sequence at the token's end: its lead byte and how long it should be.
    std::size_t lead = token.size();
    while (lead > 0 && (static_cast<unsigned char>(token[lead - 1]) & 0xC0) == 0x80 && token.size() - lead < 3) --lead;
    if (lead > 0 && static_cast<unsigned char>(token[lead - 1]) >= 0xC0) {
        --lead;
        const unsigned char b0 = static_cast<unsigned char>(token[lead]);
        const std::size_t want = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
        const std::size_t have = token.size() - lead;
        if (have < want) {
            const std::size_t rest = want - have;
            if (last < text.size() && last + 1 + rest <= text.size() &&
                utf8_invalid_at(token.substr(lead) + std::string(text.substr(last + 1, rest))) == std::string::npos)
                token += text.substr(last + 1, rest);
            else
                token.erase(lead);
        }
    }
    if (utf8_invalid_at(token) != std::string::npos) {  // anything else: each bad byte shown as U+FFFD
        std::string clean;
        for (std::size_t i = 0; i < token.size();) utf8_append(clean, utf8_next(token, i));
        token = std::move(clean);
    }
    return what.substr(0, from) + utf8_truncate_front(token, 40) + "'";
}

JsonRead refuse(std::string expected, std::string found) {
    JsonRead r;
    r.value = nullptr;
    r.problems.push_back({Severity::Error, "", std::move(expected), std::move(found)});
    return r;
}

JsonRead read(std::string_view text, const JsonLimits& limits) {
    if (text.size() > limits.max_bytes)
        return refuse("a JSON text of at most " + std::to_string(limits.max_bytes) + " bytes",
                      std::to_string(text.size()) + " bytes");
    if (const std::string other = utf16_or_32_name(text); !other.empty())
        return refuse("UTF-8 text", "a text in " + other + ": save the file as UTF-8");
    if (std::size_t bad = utf8_invalid_at(text); bad != std::string_view::npos)
        return refuse("UTF-8 text", "an invalid byte sequence at byte " + std::to_string(bad) + " (" +
                                        where(line_column(text, bad)) + ")");
    if (std::size_t deep = depth_exceeded_at(text, limits.max_depth); deep != std::string_view::npos)
        return refuse("JSON nested at most " + std::to_string(limits.max_depth) + " levels deep",
                      "level " + std::to_string(limits.max_depth + 1) + " at " + where(line_column(text, deep)));
    JsonRead r;
    r.value = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!r.value.is_discarded()) {
        r.ok = true;
        return r;
    }
    // Only a refused text is read again, by a consumer that notes where the parser stopped.
    ErrorLocator locator;
    json::sax_parse(text, &locator);
    if (!locator.position) return refuse("valid JSON", "something the parser refused");
    const std::size_t offset = *locator.position > 0 ? *locator.position - 1 : 0;
    const std::string detail = plain_detail(readable_last_read(locator.what, text, offset));
    const std::string_view suffix = " (is a comma missing before it?)";
    if (detail.ends_with(suffix)) {
        // A missing comma: the parser stops at the value after it, often on the next line;
        // the comma is due right after the value before, which is where to look.
        if (const std::size_t due = end_of_previous_value(text, offset); due != std::string_view::npos) {
            const std::string unexpected = detail.substr(0, detail.size() - suffix.size());
            return refuse("valid JSON", "a syntax error: a comma is missing after " + where(line_column(text, due)) +
                                            " (then " + unexpected + " at " + where(line_column(text, offset)) + ")");
        }
    }
    return refuse("valid JSON", "a syntax error at " + where(line_column(text, offset)) + ": " + detail);
}

// A string literal's value: its bytes when it has no escape, else what the parser makes of it.
std::string key_value(std::string_view literal) {  // literal with its quotes
    if (literal.find('\\') == std::string_view::npos) return std::string(literal.substr(1, literal.size() - 2));
    const json decoded = json::parse(literal, nullptr, /*allow_exceptions=*/false);
    return decoded.is_string() ? decoded.get<std::string>() : std::string(literal);
}

}  // namespace

std::vector<Diagnostic> duplicate_keys(std::string_view text, std::size_t max_reported) {
    struct Level {
        bool object = false;
        std::size_t index = 0;                                   // arrays: the current item
        std::string key;                                         // objects: the current member
        std::unordered_map<std::string, LineColumn> seen;        // objects: name -> where first used
    };
    // Where byte `offset` is, moving forward only (the scan does): linear in all.
    LineColumn cursor;
    std::size_t cursor_at = 0;
    auto position = [&](std::size_t offset) {
        for (; cursor_at < offset; ++cursor_at) {
            if (text[cursor_at] == '\n') {
                ++cursor.line;
                cursor.column = 1;
            } else if ((static_cast<unsigned char>(text[cursor_at]) & 0xC0) != 0x80) {
                ++cursor.column;
            }
        }
        return cursor;
    };
    std::vector<Diagnostic> found;
    std::size_t more = 0;
    std::vector<Level> stack;
    bool expect_key = false;  // in an object, where a member name is due
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            const std::size_t start = i;
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
            if (!expect_key) continue;
            expect_key = false;
            Level& level = stack.back();
            level.key = key_value(text.substr(start, i + 1 - start));
            auto [it, inserted] = level.seen.emplace(level.key, position(start));
            if (inserted) continue;
            if (found.size() >= max_reported) {
                ++more;
                continue;
            }
            std::string pointer;
            for (const Level& l : stack)
                pointer = l.object ? pointer_append(pointer, l.key) : pointer_append(pointer, l.index);
            found.push_back({Severity::Error, pointer, "each member name once in an object",
                             "\"" + utf8_truncate(level.key, 60) + "\" again at " + where(position(start)) +
                                 " (first at " + where(it->second) +
                                 "; the last one would be read, the others lost)"});
        } else if (c == '{' || c == '[') {
            stack.push_back({});
            stack.back().object = c == '{';
            expect_key = c == '{';
        } else if ((c == '}' || c == ']') && !stack.empty()) {
            stack.pop_back();
            expect_key = false;
        } else if (c == ',' && !stack.empty()) {
            if (stack.back().object) expect_key = true;
            else ++stack.back().index;
        }
    }
    if (more > 0)
        found.push_back({Severity::Error, "", "each member name once in an object",
                         std::to_string(more) + " more member names used twice, not listed"});
    return found;
}

JsonRead read_json(std::string_view text, const JsonLimits& limits) {
    try {
        return read(text, limits);
    } catch (const std::exception& e) {  // std::bad_alloc: still a value
        return refuse("a readable JSON text", std::string("an internal failure: ") + e.what());
    }
}

std::string pointer_append(std::string_view base, std::string_view key) {
    std::string out;
    out.reserve(base.size() + 1 + key.size());
    out.append(base);
    out += '/';
    for (char c : key) {
        switch (c) {
            case '~': out += "~0"; break;
            case '/': out += "~1"; break;
            default: out += c;
        }
    }
    return out;
}

std::string pointer_append(std::string_view base, std::size_t index) {
    std::string out(base);
    out += '/';
    out += std::to_string(index);
    return out;
}

}  // namespace wwe
