// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled twice (see runtime/CMakeLists.txt): with AVX2 for simdjson's haswell
// kernels, and portable; JsonDecoder picks one by the CPU at run time.
#include "batch/Bytes.h"
#include "batch/RowJson.h"
#include "sources/JsonDecoderBackend.h"

#include "model/Timestamps.h"
#include "sources/FastTimestamp.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <utility>
#include <vector>

namespace sw::runtime::SW_DECODER_VARIANT {

using json_type = simdjson::ondemand::json_type;

namespace {

// Names up to this length are compared in place: the record is followed by
// simdjson's padding, so reading that far past a key start stays in the buffer.
constexpr size_t kFastKeyLength = 48;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Whether a (mostly short) string in a padded record holds a backslash: eight
// bytes per step, the last step reading past the end (the record is followed by
// at least simdjson's padding) and ignoring those bytes. No byte loop: at the
// lengths of ids and names its branches cost more than the rest of the decoding.
bool hasBackslashInPaddedRecord(const char *p, size_t n)
{
    constexpr uint64_t backslashes = 0x5C5C5C5C5C5C5C5Cull, ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t v;
        std::memcpy(&v, p + i, 8);
        const uint64_t x = v ^ backslashes; // a zero byte where a backslash is
        uint64_t found = (x - ones) & ~x & highs; // exact up to the first hit; bytes after it may be false
        if (n - i < 8)
            found &= (uint64_t(1) << (8 * (n - i))) - 1; // only the string's own bytes
        if (found)
            return true;
    }
    return false;
}
static_assert(simdjson::SIMDJSON_PADDING >= 8);

// A tree of the declared field paths: {"payload": {"user": {"id": field 3}}}.
struct PathNode
{
    std::string name;
    int field = -1; // a leaf: index of the declared field
    core::DataType type = core::DataType::Null; // a leaf: its declared type
    std::vector<PathNode> children;
    size_t next = 0; // where the next key is likely to be among children
    // A leaf of type array<object>: its elements' fields, with their names as
    // canonical JSON writes them ("name":), made once rather than per element.
    struct ElementField
    {
        std::string name;
        std::string jsonKey;
        core::DataType type;
    };
    std::vector<ElementField> elements = {};

    PathNode *child(std::string_view n)
    {
        // Schemas are small: a linear scan that rejects on length and first byte.
        for (auto &c : children) {
            if (sameBytes(c.name, n))
                return &c;
        }
        return nullptr;
    }
};

struct Slot
{
    bool set = false;
    int64_t i = 0;
    double d = 0;
    std::string_view s;
};

} // namespace

struct Impl : JsonDecoderBackend
{
    core::Schema schema;
    PathNode root;
    simdjson::ondemand::parser parser;
    std::vector<Slot> values;
    std::string *reason = nullptr;
    StringArena *arena = nullptr;

    bool decode(std::string_view json, Batch &batch, size_t row, StringArena &arena, std::string &reason) override;
    bool decodeRecord(std::string_view json, Batch &batch, size_t row, StringArena &arena, std::string &reason);
    [[gnu::cold, gnu::noinline]] static void nameTextAfterObject(std::string_view json, std::string &reason);
    void writeRow(Batch &batch, size_t row) const;

    // The failure paths are kept out of line: building a reason is rare, and its
    // string code inlined into the per-field path made that path slower.
    [[gnu::cold, gnu::noinline]] bool fail(const PathNode &node, const char *expected, json_type got)
    {
        static const char *names[] = {"", "an array", "an object", "a number", "a string", "a boolean", "null"};
        const int g = int(got);
        *reason = "field '" + fieldName(node) + "': expected " + expected
                  + ", got " + (g >= 1 && g <= 6 ? names[g] : "something else");
        return false;
    }

    [[gnu::cold, gnu::noinline]] bool failField(const PathNode &node, std::string_view what, std::string_view detail = {},
                                                std::string_view after = {})
    {
        *reason = "field '" + fieldName(node) + "': " + std::string(what) + std::string(detail) + std::string(after);
        return false;
    }
    [[gnu::cold, gnu::noinline]] bool failJson(std::string_view what)
    {
        *reason = "not valid JSON: " + std::string(what);
        return false;
    }

    // The JSON type of a value from the first character of its raw token: cheaper
    // than asking the parser, and the token is needed for strings anyway.
    static json_type typeOf(std::string_view token)
    {
        switch (token.empty() ? '\0' : token.front()) {
        case '"': return json_type::string;
        case '{': return json_type::object;
        case '[': return json_type::array;
        case 't':
        case 'f': return json_type::boolean;
        case 'n': return json_type::null;
        default: return json_type::number;
        }
    }

    // JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? (so not
    // NaN, Infinity, 01, +1, .5 or 1.).
    static bool isJsonNumber(std::string_view t)
    {
        size_t i = 0;
        auto digits = [&] {
            const size_t from = i;
            while (i < t.size() && t[i] >= '0' && t[i] <= '9')
                ++i;
            return i > from;
        };
        if (i < t.size() && t[i] == '-')
            ++i;
        if (i < t.size() && t[i] == '0')
            ++i;
        else if (!digits())
            return false;
        if (i < t.size() && t[i] == '.') {
            ++i;
            if (!digits())
                return false;
        }
        if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
            ++i;
            if (i < t.size() && (t[i] == '+' || t[i] == '-'))
                ++i;
            if (!digits())
                return false;
        }
        return i == t.size();
    }

    // A double of more than 19 significant digits, read with the standard library
    // (correctly rounded): simdjson 3.0.1, Debian 12's, misreads some of them
    // (-0.0222222222200333...3 with 80 digits as -6.1e-62; found by fuzz_decoder).
    static bool longDouble(std::string_view text, double &d)
    {
        int digits = 0;
        bool leading = true;
        for (char c : text) {
            if (c == 'e' || c == 'E')
                break;
            if (c >= '1' && c <= '9')
                leading = false;
            if (c >= '0' && c <= '9' && !leading)
                ++digits;
        }
        if (digits <= 19)
            return false;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), d);
        return error == std::errc() && end == text.data() + text.size() && std::isfinite(d);
    }

    static std::string_view withoutTrailingSpace(std::string_view token)
    {
        while (!token.empty() && isJsonSpace(token.back()))
            token.remove_suffix(1);
        return token;
    }

    // A scalar that is not JSON (simdjson's on-demand reader only looks at the first
    // byte until asked for the value): true, false, null and numbers are checked
    // whole, so that "tru" is not read as true, "nul" as NULL or "NaN" as the text NaN.
    [[gnu::cold, gnu::noinline]] bool failScalar(const PathNode &node, std::string_view text)
    {
        const bool word = !text.empty() && ((text.front() >= 'a' && text.front() <= 'z') || (text.front() >= 'A' && text.front() <= 'Z'));
        if (word && text != "NaN" && text != "Infinity")
            return failField(node, "'", text.substr(0, 40), "' is not JSON (true, false and null are written in full, in lower case)");
        return failField(node, "'", text.substr(0, 40), "' is not a JSON number (NaN, Infinity, leading zeros and a leading + are not JSON)");
    }

    // A string token's text: a view into the record (kept in the batch's arena)
    // when it has no escapes, else unescaped into the arena.
    bool stringOf(simdjson::ondemand::value &value, std::string_view token, std::string_view &out)
    {
        while (!token.empty() && token.back() != '"')
            token.remove_suffix(1); // trailing whitespace
        if (token.size() >= 2) {
            const std::string_view inner = token.substr(1, token.size() - 2);
            if (!hasBackslashInPaddedRecord(inner.data(), inner.size())) {
                out = inner;
                return true;
            }
        }
        std::string_view unescaped;
        if (value.get_string().get(unescaped))
            return false;
        out = arena->copy(unescaped);
        return true;
    }

    std::string fieldName(const PathNode &node) const
    {
        return schema.fields[size_t(node.field)].name.toStdString() + m_elementSuffix;
    }

    bool readValue(const PathNode &node, simdjson::ondemand::value value)
    {
        Slot &slot = values[size_t(node.field)];
        if (core::isArray(node.type))
            return readArray(node, value, slot);
        return readScalar(node, node.type, value, slot);
    }

    // A scalar of type `want` into `slot` (unset for JSON null).
    bool readScalar(const PathNode &node, core::DataType want, simdjson::ondemand::value &value, Slot &slot)
    {
        const std::string_view token = value.raw_json_token();
        const json_type type = typeOf(token);
        if (type == json_type::null || type == json_type::boolean || type == json_type::number) {
            const std::string_view text = withoutTrailingSpace(token);
            const bool valid = type == json_type::null      ? text == "null"
                               : type == json_type::boolean ? text == "true" || text == "false"
                                                            : isJsonNumber(text);
            if (!valid)
                return failScalar(node, text);
        }
        if (type == json_type::null) {
            slot.set = false;
            return true;
        }
        switch (want) {
        case core::DataType::String: {
            if (type == json_type::string) {
                if (!stringOf(value, token, slot.s))
                    return failField(node, "bad string");
            } else if (type == json_type::number || type == json_type::boolean) {
                std::string_view s = token; // Spark reads scalars into string fields as their text
                while (!s.empty() && isJsonSpace(s.back()))
                    s.remove_suffix(1);
                slot.s = s;
            } else {
                return fail(node, "a string", type);
            }
            break;
        }
        case core::DataType::Int: {
            if (type != json_type::number)
                return fail(node, "an integer", type);
            int64_t i;
            if (value.get_int64().get(i)) {
                double d;
                // 2^63 and beyond do not convert to int64 (the conversion would be undefined).
                if (value.get_double().get(d) || !(d >= -9223372036854775808.0 && d < 9223372036854775808.0)
                    || d != double(int64_t(d)))
                    return failField(node, "expected an integer, got ", token.substr(0, token.find_last_not_of(" \n\r\t") + 1));
                i = int64_t(d);
            }
            slot.i = i;
            break;
        }
        case core::DataType::Double: {
            double d;
            if (type != json_type::number)
                return fail(node, "a number", type);
            if (!longDouble(withoutTrailingSpace(token), d) && value.get_double().get(d))
                return failField(node, "", withoutTrailingSpace(token).substr(0, 40), " is out of the range of a double");
            slot.d = d;
            break;
        }
        case core::DataType::Boolean: {
            bool b;
            if (type != json_type::boolean || value.get_bool().get(b))
                return fail(node, "true or false", type);
            slot.i = b ? 1 : 0;
            break;
        }
        case core::DataType::Timestamp: {
            if (type == json_type::number) {
                int64_t i;
                double d;
                if (!value.get_int64().get(i) && core::Timestamps::inRange(i))
                    slot.i = i;
                else if (!value.get_double().get(d) && d >= double(core::Timestamps::kMinMs) && d <= double(core::Timestamps::kMaxMs))
                    slot.i = int64_t(d);
                else
                    return failField(node, "epoch milliseconds ", token.substr(0, token.find_last_not_of(" \n\r\t") + 1),
                                     " are out of range for a timestamp (0001-01-01 to 9999-12-31)");
            } else if (type == json_type::string) {
                std::string_view s;
                if (!stringOf(value, token, s))
                    return fail(node, "a timestamp", type);
                const auto ms = parseIsoTimestamp(s);
                if (!ms)
                    return failField(node, "'", s, "' is not an ISO-8601 timestamp");
                if (!core::Timestamps::inRange(*ms))
                    return failField(node, "'", s, "' is out of range for a timestamp (0001-01-01 to 9999-12-31)");
                slot.i = *ms;
            } else {
                return fail(node, "a timestamp (ISO-8601 text or epoch milliseconds)", type);
            }
            break;
        }
        case core::DataType::Null:
        case core::DataType::ArrayString:
        case core::DataType::ArrayInt:
        case core::DataType::ArrayDouble:
        case core::DataType::ArrayObject: break; // arrays: readArray()
        }
        slot.set = true;
        return true;
    }

    // Appends a decoded scalar (or null) as canonical JSON.
    static void appendJson(std::string &out, core::DataType type, const Slot &slot)
    {
        if (!slot.set) {
            out += "null";
            return;
        }
        switch (type) {
        case core::DataType::String: RowJson::appendString(out, slot.s); break;
        case core::DataType::Double: RowJson::appendDouble(out, slot.d); break;
        case core::DataType::Boolean: out += slot.i ? "true" : "false"; break;
        case core::DataType::Timestamp: RowJson::appendTimestamp(out, slot.i); break;
        default: {
            char buf[24];
            out.append(buf, std::to_chars(buf, buf + sizeof buf, slot.i).ptr);
        }
        }
    }

    // An array field, kept as canonical JSON: every element checked against the
    // element type (an array<object>'s elements against its declared fields, the
    // others left out), so that what reads it later (explode, size, element_at)
    // meets no surprise.
    bool readArray(const PathNode &node, simdjson::ondemand::value value, Slot &slot)
    {
        const std::string_view token = value.raw_json_token();
        const json_type type = typeOf(token);
        if (type == json_type::null) {
            if (withoutTrailingSpace(token) != "null")
                return failScalar(node, withoutTrailingSpace(token));
            slot.set = false;
            return true;
        }
        if (type != json_type::array)
            return fail(node, core::typeName(node.type) == u"array<object>" ? "an array of objects" : "an array", type);
        simdjson::ondemand::array array;
        if (value.get_array().get(array))
            return failField(node, "not a valid array");
        const std::vector<PathNode::ElementField> &elementFields = node.elements;
        const core::DataType element = core::elementType(node.type);
        std::string &text = m_arrayText;
        text.assign(1, '[');
        size_t index = 0;
        for (auto elementOrError : array) {
            simdjson::ondemand::value item;
            if (auto error = std::move(elementOrError).get(item))
                return failJson(simdjson::error_message(error));
            if (index > 0)
                text.push_back(',');
            m_elementSuffix = '[' + std::to_string(index++) + ']';
            if (node.type != core::DataType::ArrayObject) {
                Slot e;
                if (!readScalar(node, element, item, e))
                    return false;
                appendJson(text, element, e);
                continue;
            }
            const std::string_view itemToken = item.raw_json_token();
            if (typeOf(itemToken) == json_type::null) {
                text += "null";
                continue;
            }
            simdjson::ondemand::object object;
            if (typeOf(itemToken) != json_type::object || item.get_object().get(object))
                return fail(node, "an object", typeOf(itemToken));
            std::vector<Slot> &fields = m_elementSlots;
            fields.assign(elementFields.size(), Slot{});
            const std::string suffix = m_elementSuffix;
            for (auto fieldOrError : object) {
                simdjson::ondemand::field field;
                if (auto error = std::move(fieldOrError).get(field))
                    return failJson(simdjson::error_message(error));
                std::string_view key;
                if (field.unescaped_key().get(key))
                    return failJson("bad key");
                for (size_t f = 0; f < elementFields.size(); ++f) {
                    if (!sameBytes(elementFields[f].name, key))
                        continue;
                    m_elementSuffix = suffix + '.' + std::string(key);
                    Slot read;
                    simdjson::ondemand::value fieldValue = field.value();
                    if (!readScalar(node, elementFields[f].type, fieldValue, read))
                        return false;
                    fields[f] = read;
                    break;
                }
            }
            text.push_back('{');
            for (size_t f = 0; f < elementFields.size(); ++f) {
                if (f > 0)
                    text.push_back(',');
                text += elementFields[f].jsonKey;
                appendJson(text, elementFields[f].type, fields[f]);
            }
            text.push_back('}');
        }
        m_elementSuffix.clear();
        text.push_back(']');
        slot.s = arena->copy(text);
        slot.set = true;
        return true;
    }
    std::string m_arrayText;           // the array being read, as canonical JSON
    std::vector<Slot> m_elementSlots;  // an array<object> element's fields
    std::string m_elementSuffix;       // "[2].price": where in an array a message is about

    bool readObject(PathNode &node, simdjson::ondemand::object object)
    {
        for (auto fieldOrError : object) {
            // A malformed object (a key that is not a string, a missing colon or
            // comma) shows up here; the accessors below would throw on it.
            simdjson::ondemand::field field;
            if (auto error = std::move(fieldOrError).get(field))
                return failJson(simdjson::error_message(error));
            // Match the raw key against the expected names directly, starting after
            // the last match (producers write fields in a fixed order); a name
            // matches when its bytes are followed by the closing quote. Only keys
            // that match nothing are scanned and, if escaped, unescaped.
            const char *raw = field.key().raw();
            PathNode *child = nullptr;
            const size_t count = node.children.size();
            size_t at = node.next;
            for (size_t k = 0; k < count; ++k, at = at + 1 == count ? 0 : at + 1) {
                PathNode &c = node.children[at];
                const size_t n = c.name.size();
                if (n <= kFastKeyLength && raw[n] == '"' && sameBytes(raw, c.name.data(), n)) {
                    child = &c;
                    node.next = at + 1 == count ? 0 : at + 1;
                    break;
                }
            }
            if (!child) {
                size_t n = 0;
                while (raw[n] != '"' && raw[n] != '\\')
                    ++n;
                std::string_view key(raw, n);
                if (raw[n] == '\\' && field.unescaped_key().get(key))
                    return failJson("bad key");
                child = node.child(key);
            }
            if (!child)
                continue; // a field the schema does not declare
            simdjson::ondemand::value value = field.value();
            if (child->field >= 0) {
                if (!readValue(*child, value))
                    return false;
            } else {
                simdjson::ondemand::object inner;
                if (value.get_object().get(inner))
                    continue; // not an object: its nested fields are absent
                if (!readObject(*child, inner))
                    return false;
            }
        }
        return true;
    }
};

std::unique_ptr<JsonDecoderBackend> makeBackend(const core::Schema &declared)
{
    auto d = std::make_unique<Impl>();
    d->schema = declared;
    for (qsizetype f = 0; f < declared.fields.size(); ++f) {
        PathNode *node = &d->root;
        const QStringList parts = declared.fields[f].name.split(u'.');
        for (const QString &part : parts) {
            const std::string name = part.toStdString();
            PathNode *next = node->child(name);
            if (!next) {
                node->children.push_back(PathNode{name, -1, core::DataType::Null, {}});
                next = &node->children.back();
            }
            node = next;
        }
        node->field = int(f);
        node->type = declared.fields[f].type;
        for (const core::Field &e : declared.fields[f].elementFields) {
            std::string key;
            RowJson::appendString(key, e.name.toStdString());
            key.push_back(':');
            node->elements.push_back({e.name.toStdString(), std::move(key), e.type});
        }
    }
    d->values.resize(declared.fields.size());
    return d;
}

bool Impl::decode(std::string_view json, Batch &batch, size_t row, StringArena &arena, std::string &reason)
{
    if (decodeRecord(json, batch, row, arena, reason))
        return true;
    if (reason.starts_with("not valid JSON"))
        nameTextAfterObject(json, reason);
    return false;
}

namespace {
// Where the object a record starts with ends (just after its closing brace), by
// brackets and strings alone; npos when it does not start with one or never ends.
size_t endOfFirstObject(std::string_view json)
{
    size_t i = 0;
    while (i < json.size() && isJsonSpace(json[i]))
        ++i;
    if (i == json.size() || json[i] != '{')
        return std::string_view::npos;
    int depth = 0;
    bool inString = false;
    for (; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}
} // namespace

// On '{...} x', simdjson reports that the document "ended early in the middle
// of an object or array", which sends the reader looking in the wrong place:
// when the object alone is valid JSON, say that something follows it.
void Impl::nameTextAfterObject(std::string_view json, std::string &reason)
{
    const size_t end = endOfFirstObject(json);
    if (end == std::string_view::npos)
        return;
    const std::string_view rest = json.substr(end);
    if (std::all_of(rest.begin(), rest.end(), isJsonSpace))
        return;
    simdjson::dom::parser whole; // full validation, unlike on-demand; a rare path
    simdjson::dom::element object;
    if (!whole.parse(json.data(), end).get(object) && object.is_object())
        reason = "not valid JSON: more after the object";
}

bool Impl::decodeRecord(std::string_view json, Batch &batch, size_t row, StringArena &arena, std::string &reason)
{
    Impl *d = this;
    // The record is kept in the batch's arena so that strings can point into it.
    // The padding is white space: on a malformed record simdjson's on-demand
    // parser may look past the last token, and what it finds there must not
    // depend on what the arena held before (or the result would too).
    char *copy = arena.allocatePadded(json.size(), simdjson::SIMDJSON_PADDING);
    if (!json.empty()) // an empty value (a tombstone) may have no data pointer at all
        std::memcpy(copy, json.data(), json.size());
    std::memset(copy + json.size(), ' ', simdjson::SIMDJSON_PADDING);
    const std::string_view record(copy, json.size());
    for (auto &slot : d->values)
        slot.set = false;
    d->m_elementSuffix.clear();
    d->reason = &reason;
    d->arena = &arena;

    simdjson::ondemand::document doc;
    if (auto error = d->parser.iterate(record.data(), record.size(), record.size() + simdjson::SIMDJSON_PADDING).get(doc)) {
        reason = std::string("not valid JSON: ") + simdjson::error_message(error);
        return false;
    }
    simdjson::ondemand::object object;
    if (auto error = doc.get_object().get(object)) {
        // Name what the record is when it is JSON of another shape.
        size_t i = 0;
        while (i < json.size() && isJsonSpace(json[i]))
            ++i;
        const char c = i < json.size() ? json[i] : '\0';
        const bool otherJson = c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || json.substr(i) == "true"
                               || json.substr(i) == "false" || json.substr(i) == "null";
        reason = otherJson                              ? std::string("not a JSON object")
                 : error == simdjson::INCORRECT_TYPE ? std::string("not valid JSON: expected an object starting with '{'")
                                                     : std::string("not valid JSON: ") + simdjson::error_message(error);
        return false;
    }
    if (!d->readObject(d->root, object))
        return false;
    // The whole object has been read: anything after it ('{...}{...}', '{...} x')
    // makes the record something other than one JSON object.
    const char *after = nullptr;
    if (!doc.current_location().get(after)) {
        reason = "not valid JSON: more after the object";
        return false;
    }
    writeRow(batch, row);
    return true;
}

void Impl::writeRow(Batch &batch, size_t row) const
{
    for (size_t f = 0; f < values.size(); ++f) {
        const Slot &s = values[f];
        if (!s.set)
            continue; // the row is NULL already
        Column &c = batch.columns[f];
        c.valid[row] = 1;
        if (c.type == core::DataType::Double)
            c.doubles[row] = s.d;
        else if (c.usesStrings())
            c.strings[row] = s.s;
        else if (c.usesInts())
            c.ints[row] = s.i;
    }
}

} // namespace sw::runtime::SW_DECODER_VARIANT
