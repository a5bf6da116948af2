// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/JsonFastPath.h"

#include "batch/Bytes.h"
#include "model/Timestamps.h"
#include "sources/FastTimestamp.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sw::runtime {

static_assert(std::endian::native == std::endian::little, "the word-wise scans find the first byte by its low bits");

namespace {

constexpr int kMaxDepth = 64;

// Bytes that end a plain run of string text: a quote, a backslash, a control
// byte (the zero after the record is one) or a byte of a multi-byte character.
// One bit per byte of the 16 (or 8) at p.
#if defined(__SSE2__)
constexpr size_t kScanStep = 16;
uint32_t stringStops(const char *p)
{
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    // Signed: bytes from 0x80 up are negative, so "less than 0x20" takes them too.
    const __m128i stops = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                                       _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
    return uint32_t(_mm_movemask_epi8(stops));
}
#else
constexpr size_t kScanStep = 8;
constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

uint64_t load64(const char *p)
{
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

// High bit set in each zero byte of x; exact up to the first (lowest) one, and a
// byte above it may be flagged falsely, so only the lowest flag is used.
uint64_t zeroBytes(uint64_t x)
{
    return (x - kOnes) & ~x & kHighs;
}

uint64_t stringStops(const char *p)
{
    const uint64_t v = load64(p);
    const uint64_t highBits = zeroBytes(v ^ (kOnes * '"')) | zeroBytes(v ^ (kOnes * '\\'))
                              | ((v - kOnes * 0x20) & ~v & kHighs) | (v & kHighs);
    return highBits; // bit 8k+7 for byte k
}
#endif

// The offset of the first stop in a non-zero result of stringStops().
size_t firstStop(uint64_t stops)
{
    return kScanStep == 16 ? size_t(std::countr_zero(stops)) : size_t(std::countr_zero(stops)) / 8;
}

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

void skipSpace(char *&p)
{
    while (isJsonSpace(*p)) [[unlikely]]
        ++p;
}

bool isDigit(char c)
{
    return unsigned(c - '0') < 10;
}

// What may follow a number or a literal: JSON's white space, a comma, a closing
// brace or bracket, or the record's end.
bool endsToken(char c)
{
    return isJsonSpace(c) || c == ',' || c == '}' || c == ']' || c == '\0';
}

// The length of the valid UTF-8 sequence at p (whose first byte is not ASCII), or 0.
size_t utf8Sequence(const char *p)
{
    const auto b = [p](int i) { return uint8_t(p[i]); };
    const auto continuation = [](uint8_t c) { return (c & 0xC0) == 0x80; };
    const uint8_t c0 = b(0);
    if (c0 < 0xC2) // a continuation byte, or an overlong two-byte form
        return 0;
    if (c0 < 0xE0)
        return continuation(b(1)) ? 2 : 0;
    if (c0 < 0xF0) {
        const uint8_t low = c0 == 0xE0 ? 0xA0 : 0x80, high = c0 == 0xED ? 0x9F : 0xBF; // no overlong forms, no surrogates
        return b(1) >= low && b(1) <= high && continuation(b(2)) ? 3 : 0;
    }
    if (c0 < 0xF5) {
        const uint8_t low = c0 == 0xF0 ? 0x90 : 0x80, high = c0 == 0xF4 ? 0x8F : 0xBF; // up to U+10FFFF
        return b(1) >= low && b(1) <= high && continuation(b(2)) && continuation(b(3)) ? 4 : 0;
    }
    return 0;
}

bool hex4(const char *p, uint32_t &out)
{
    out = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        uint32_t v;
        if (c >= '0' && c <= '9')
            v = uint32_t(c - '0');
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            v = uint32_t((c | 0x20) - 'a' + 10);
        else
            return false;
        out = out << 4 | v;
    }
    return true;
}

char *writeUtf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        *out++ = char(cp);
    } else if (cp < 0x800) {
        *out++ = char(0xC0 | cp >> 6);
        *out++ = char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out++ = char(0xE0 | cp >> 12);
        *out++ = char(0x80 | (cp >> 6 & 0x3F));
        *out++ = char(0x80 | (cp & 0x3F));
    } else {
        *out++ = char(0xF0 | cp >> 18);
        *out++ = char(0x80 | (cp >> 12 & 0x3F));
        *out++ = char(0x80 | (cp >> 6 & 0x3F));
        *out++ = char(0x80 | (cp & 0x3F));
    }
    return out;
}

constexpr size_t kBadString = ~size_t(0);

// The rest of a string from its first escape or non-ASCII byte at p (see readString).
[[gnu::noinline]] size_t readStringRest(char *const start, char *&p)
{
    char *out = nullptr; // once there is an escape: where the unescaped text goes on
    for (;;) {
        const uint8_t c = uint8_t(*p);
        if (c == '"') {
            const size_t length = size_t((out ? out : p) - start);
            ++p;
            return length;
        }
        if (c == '\\') {
            if (!out)
                out = p;
            switch (p[1]) {
            case '"': *out++ = '"'; break;
            case '\\': *out++ = '\\'; break;
            case '/': *out++ = '/'; break;
            case 'b': *out++ = '\b'; break;
            case 'f': *out++ = '\f'; break;
            case 'n': *out++ = '\n'; break;
            case 'r': *out++ = '\r'; break;
            case 't': *out++ = '\t'; break;
            case 'u': {
                uint32_t cp, low;
                if (!hex4(p + 2, cp))
                    return kBadString;
                if (cp >= 0xD800 && cp <= 0xDBFF) { // a pair of surrogates, or simdjson decides
                    if (p[6] != '\\' || p[7] != 'u' || !hex4(p + 8, low) || low < 0xDC00 || low > 0xDFFF)
                        return kBadString;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return kBadString;
                }
                out = writeUtf8(out, cp);
                p += 4;
                break;
            }
            default: return kBadString;
            }
            p += 2;
        } else if (c < 0x20) { // a control byte, or the end of the record
            return kBadString;
        } else {
            const size_t n = utf8Sequence(p);
            if (n == 0)
                return kBadString;
            if (out) {
                std::memmove(out, p, n);
                out += n;
            }
            p += n;
        }
        // On to the next stop, moving plain text down over the escapes' room.
        for (;;) {
            const auto stops = stringStops(p);
            const size_t plain = stops ? firstStop(stops) : kScanStep;
            if (out) {
                std::memmove(out, p, plain);
                out += plain;
            }
            p += plain;
            if (stops)
                break;
        }
    }
}

// Reads the string whose text starts at p (just after its opening quote), leaves
// p after the closing quote and returns the length of its unescaped text, which
// is written over the escaped one from the same start (it is never longer); or
// kBadString. (A length, not a view: a view written through a reference went
// by the stack, and reading it back as one 16-byte word stalled.)
[[gnu::always_inline]] inline size_t readString(char *&p)
{
    char *const start = p;
    for (;;) {
        const auto stops = stringStops(p);
        if (stops) {
            p += firstStop(stops);
            if (*p != '"') [[unlikely]]
                return readStringRest(start, p);
            const size_t length = size_t(p - start);
            ++p;
            return length;
        }
        p += kScanStep;
    }
}

// A number's text as JSON's grammar has it, and its digits as one integer while
// they fit (19 digits).
struct Number
{
    const char *begin, *end;
    uint64_t mantissa = 0;
    int digits = 0; // significant digits read into the mantissa, and any beyond
    int exponent = 0; // of ten, after the fraction's digits
    bool negative = false;
    bool integer = true; // no fraction, no exponent
    bool nonZero = false; // a digit other than 0 (the mantissa may have dropped it)

    // The correctly rounded double, as simdjson reads it; false for what does not
    // fit (infinite, or too small to be other than zero) and simdjson rejects.
    bool toDouble(double &d) const
    {
        static constexpr double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
        // Clinger's fast path: both factors are exact, so one operation rounds correctly.
        if (digits <= 19 && mantissa <= (uint64_t(1) << 53) && exponent >= -22 && exponent <= 22) {
            d = double(mantissa);
            d = exponent >= 0 ? d * powers[exponent] : d / powers[-exponent];
            if (negative)
                d = -d;
            return true;
        }
        const auto [ptr, ec] = std::from_chars(begin, end, d);
        return ec == std::errc() && ptr == end && std::isfinite(d) && (d != 0 || !nonZero);
    }
};

[[gnu::always_inline]] inline bool readNumber(char *&p, Number &n)
{
    n.begin = p;
    if (*p == '-') {
        n.negative = true;
        ++p;
    }
    auto digit = [&n](char c) {
        n.nonZero |= c != '0';
        if (n.digits < 19)
            n.mantissa = n.mantissa * 10 + uint64_t(c - '0');
        else
            ++n.exponent; // dropped: the mantissa is only used while all digits fit
        ++n.digits;
    };
    if (*p == '0') {
        ++p;
    } else if (isDigit(*p)) {
        while (isDigit(*p))
            digit(*p++);
    } else {
        return false;
    }
    if (*p == '.') {
        n.integer = false;
        ++p;
        if (!isDigit(*p))
            return false;
        while (isDigit(*p)) {
            digit(*p++);
            --n.exponent;
        }
    }
    if (*p == 'e' || *p == 'E') {
        n.integer = false;
        ++p;
        const bool negativeExponent = *p == '-';
        if (*p == '-' || *p == '+')
            ++p;
        if (!isDigit(*p))
            return false;
        int e = 0;
        const char *digits = p;
        while (isDigit(*p)) {
            if (e < 100000)
                e = e * 10 + (*p - '0');
            ++p;
        }
        // Declined: simdjson refuses exponents of many digits even when they are
        // zeros ("1E0000000000000000000"), and the two paths must agree (found by
        // fuzz_decoder).
        if (p - digits > 4)
            return false;
        n.exponent += negativeExponent ? -e : e;
    }
    n.end = p;
    return endsToken(*p);
}

// After a member or element: true at a comma (p then at what follows it), else
// false with p after the closing `close`, or nullptr when something else is there.
bool nextMember(char *&p, char close)
{
    skipSpace(p);
    if (*p == ',') {
        ++p;
        skipSpace(p);
        return true;
    }
    p = *p == close ? p + 1 : nullptr;
    return false;
}

// A literal (true, false, null) at p, ending where a token may end.
bool readLiteral(char *&p, std::string_view literal)
{
    if (!sameBytes(p, literal.data(), literal.size()) || !endsToken(p[literal.size()]))
        return false;
    p += literal.size();
    return true;
}

constexpr double kTwoTo63 = 9223372036854775808.0;

} // namespace

JsonFastPath::JsonFastPath(const core::Schema &declared)
{
    for (qsizetype f = 0; f < declared.fields.size(); ++f) {
        const core::Field &field = declared.fields[f];
        if (field.type == core::DataType::Null || core::isArray(field.type))
            m_usable = false; // arrays are simdjson's to read (and check element by element)
        Node *node = &m_root;
        for (const QString &part : field.name.split(u'.')) {
            const std::string name = part.toStdString();
            for (char c : name) {
                if (c == '"' || c == '\\' || uint8_t(c) < 0x20)
                    m_usable = false; // simdjson's path compares such names raw; not worth a difference
            }
            auto it = std::find_if(node->children.begin(), node->children.end(),
                                   [&](const Node &n) { return n.name == name; });
            if (it == node->children.end()) {
                node->children.push_back(Node{name, -1, core::DataType::Null, {}});
                it = node->children.end() - 1;
            }
            node = &*it;
        }
        node->field = int(f);
        node->type = field.type;
    }
    setKeyPatterns(m_root);
    m_fields = declared.fields.size();
}

void JsonFastPath::setKeyPatterns(Node &node)
{
    for (Node &child : node.children) {
        const size_t n = child.name.size();
        if (n + 1 <= sizeof child.keyPattern) {
            std::memcpy(child.keyPattern, child.name.data(), n);
            child.keyPattern[n] = '"';
            child.keyMask = uint32_t((1u << (n + 1)) - 1);
        }
        setKeyPatterns(child);
    }
}

bool JsonFastPath::decode(char *record, size_t size, Batch &batch, size_t row, StringArena &arena)
{
    m_columns = batch.columns.data();
    m_row = row;
    m_arena = &arena;
    char *p = record;
    skipSpace(p);
    p = *p == '{' ? readObject(m_root, p, 1) : nullptr;
    if (p)
        skipSpace(p);
    if (p != record + size) { // failed, or more after the object, or a zero byte inside the record
        clearRow();
        return false;
    }
    return true;
}

void JsonFastPath::clearRow()
{
    for (size_t f = 0; f < m_fields; ++f)
        m_columns[f].setNull(m_row);
}

// Whether the key at p (after its opening quote) is this node's name, compared in
// the record without scanning the key first: the name's bytes and the closing
// quote. A name cannot match a key with escapes: it has no backslash, so the
// quote after it is the closing one.
[[gnu::always_inline]] inline bool JsonFastPath::Node::isKeyAt(const char *p) const
{
#if defined(__SSE2__)
    if (keyMask) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i expected = _mm_loadu_si128(reinterpret_cast<const __m128i *>(keyPattern));
        return (uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, expected))) & keyMask) == keyMask;
    }
#endif
    const size_t n = name.size();
    return n < kPadding && p[n] == '"' && sameBytes(p, name.data(), n);
}

// The first child that `matches`, tried from where the last match left off
// (producers write fields in a fixed order), which it then remembers.
template <typename Matches>
[[gnu::always_inline]] inline JsonFastPath::Node *JsonFastPath::findChild(Node &node, Matches matches)
{
    const size_t count = node.children.size();
    size_t at = node.next;
    for (size_t k = 0; k < count; ++k) {
        Node &c = node.children[at];
        at = at + 1 == count ? 0 : at + 1;
        if (matches(c)) {
            node.next = at;
            return &c;
        }
    }
    return nullptr;
}

// p is at the object's opening brace; returns where its closing one ends, or
// nullptr. (Positions go in and out by value, so they stay in registers.)
char *JsonFastPath::readObject(Node &node, char *p, int depth)
{
    ++p;
    skipSpace(p);
    if (*p == '}')
        return p + 1;
    for (;;) {
        if (*p != '"')
            return nullptr;
        ++p;
        // The key's node: compared in place, else the key read and looked up.
        Node *child = findChild(node, [p](const Node &c) { return c.isKeyAt(p); });
        if (child) {
            p += child->name.size() + 1;
        } else {
            char *const key = p;
            const size_t length = readString(p);
            if (length == kBadString)
                return nullptr;
            const std::string_view name(key, length);
            child = findChild(node, [name](const Node &c) { return sameBytes(c.name, name); });
        }
        skipSpace(p);
        if (*p != ':')
            return nullptr;
        ++p;
        skipSpace(p);
        if (!child)
            p = skipValue(p, depth);
        else if (child->field >= 0)
            p = readValue(*child, p);
        else if (*p == '{')
            p = depth < kMaxDepth ? readObject(*child, p, depth + 1) : nullptr;
        else
            p = skipValue(p, depth); // not an object: its nested fields are absent
        if (!p || !nextMember(p, '}'))
            return p;
    }
}

char *JsonFastPath::skipValue(char *p, int depth)
{
    switch (*p) {
    case '"': return readString(++p) != kBadString ? p : nullptr;
    case '{': return depth < kMaxDepth ? readObject(m_noFields, p, depth + 1) : nullptr;
    case '[': {
        if (depth >= kMaxDepth)
            return nullptr;
        ++p;
        skipSpace(p);
        if (*p == ']')
            return p + 1;
        for (;;) {
            if (!(p = skipValue(p, depth + 1)) || !nextMember(p, ']'))
                return p;
        }
    }
    case 't': return readLiteral(p, "true") ? p : nullptr;
    case 'f': return readLiteral(p, "false") ? p : nullptr;
    case 'n': return readLiteral(p, "null") ? p : nullptr;
    default: {
        Number n;
        return readNumber(p, n) ? p : nullptr;
    }
    }
}

// The value of a declared field, with the conversions of simdjson's path: a
// number or boolean in a string field is its text; an integral number with a
// fraction or exponent is an integer; an epoch timestamp with a fraction is
// truncated. Returns where the value ends, or nullptr.
char *JsonFastPath::readValue(const Node &node, char *p)
{
    using core::DataType;
    Column &column = m_columns[node.field];
    const size_t row = m_row;
    const char c = *p;
    if (c == '"') {
        char *const start = ++p;
        const size_t length = readString(p);
        if (length == kBadString)
            return nullptr;
        if (node.type == DataType::String) {
            column.strings[row] = m_arena->copyFromPadded(start, length);
        } else if (node.type == DataType::Timestamp) {
            const auto ms = parseIsoTimestamp({start, length});
            if (!ms || !core::Timestamps::inRange(*ms)) [[unlikely]] // declined: the full path gives the reason
                return nullptr;
            column.ints[row] = *ms;
        } else {
            return nullptr;
        }
    } else if (c == 'n') {
        if (!readLiteral(p, "null"))
            return nullptr;
        column.setNull(row); // also after an earlier value for the same key
        return p;
    } else if (c == 't' || c == 'f') {
        const char *start = p;
        if (!readLiteral(p, c == 't' ? "true" : "false"))
            return nullptr;
        if (node.type == DataType::Boolean)
            column.ints[row] = c == 't' ? 1 : 0;
        else if (node.type == DataType::String)
            column.strings[row] = m_arena->copyFromPadded(start, size_t(p - start));
        else
            return nullptr;
    } else {
        Number n;
        if (!readNumber(p, n))
            return nullptr;
        double d;
        switch (node.type) {
        case DataType::String: column.strings[row] = m_arena->copyFromPadded(n.begin, size_t(n.end - n.begin)); break;
        case DataType::Double:
            if (!n.toDouble(d))
                return nullptr;
            column.doubles[row] = d;
            break;
        case DataType::Int:
        case DataType::Timestamp:
            // simdjson's path reads an integer as int64 first (19 digits may or may
            // not fit: declined), then as a double: an Int must be integral, an
            // epoch timestamp is truncated.
            if (n.integer) {
                if (n.digits > 18)
                    return nullptr;
                column.ints[row] = n.negative ? -int64_t(n.mantissa) : int64_t(n.mantissa);
            } else {
                if (!n.toDouble(d) || !(std::fabs(d) < kTwoTo63))
                    return nullptr;
                if (node.type == DataType::Int && d != double(int64_t(d)))
                    return nullptr;
                column.ints[row] = int64_t(d);
            }
            if (node.type == DataType::Timestamp && !core::Timestamps::inRange(column.ints[row])) [[unlikely]]
                return nullptr;
            break;
        default: return nullptr;
        }
    }
    column.valid[row] = 1;
    return p;
}

} // namespace sw::runtime
