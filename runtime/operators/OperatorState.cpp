// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/OperatorState.h"

#include "operators/Aggregate.h"

#include <algorithm>
#include <cstring>
#include <vector>

namespace sw::runtime {

namespace {
constexpr uint8_t kLastType = uint8_t(DataType::ArrayObject);

bool usesInts(DataType t)
{
    return t == DataType::Int || t == DataType::Timestamp || t == DataType::Boolean;
}
} // namespace

void StateWriter::section(std::string_view kind, uint32_t version)
{
    bytes(kind);
    u32(version);
}

void StateWriter::u32(uint32_t v)
{
    char b[4];
    for (int i = 0; i < 4; ++i)
        b[i] = char((v >> (8 * i)) & 0xFF);
    m_data.append(b, 4);
}

void StateWriter::u64(uint64_t v)
{
    char b[8];
    for (int i = 0; i < 8; ++i)
        b[i] = char((v >> (8 * i)) & 0xFF);
    m_data.append(b, 8);
}

void StateWriter::f64(double v)
{
    uint64_t bits;
    std::memcpy(&bits, &v, 8);
    u64(bits);
}

void StateWriter::bytes(std::string_view v)
{
    u64(v.size());
    m_data.append(v);
}

void StateWriter::value(const OwnedValue &v)
{
    u8(uint8_t(v.type));
    boolean(v.null);
    if (v.null)
        return;
    if (usesInts(v.type))
        i64(v.i);
    else if (v.type == DataType::Double)
        f64(v.d);
    else if (v.type == DataType::String || core::isArray(v.type))
        bytes(v.s);
}

void StateWriter::cell(const Column &c, size_t row)
{
    const bool null = c.type == DataType::Null || c.isNull(row);
    boolean(null);
    if (null)
        return;
    if (c.usesInts())
        i64(c.ints[row]);
    else if (c.type == DataType::Double)
        f64(c.doubles[row]);
    else
        bytes(c.strings[row]);
}

void StateWriter::aggregate(const AggregateState &s)
{
    i64(s.count);
    i64(s.intSum);
    f64(s.doubleSum);
    boolean(bool(s.kept));
    if (!s.kept)
        return;
    value(s.kept->value);
    u64(s.kept->valueSeq);
    boolean(s.kept->hasValue);
    std::vector<const std::string *> distinct;
    distinct.reserve(s.kept->distinct.size());
    for (const std::string &d : s.kept->distinct)
        distinct.push_back(&d);
    std::sort(distinct.begin(), distinct.end(), [](const std::string *a, const std::string *b) { return *a < *b; });
    u64(distinct.size());
    for (const std::string *d : distinct)
        bytes(*d);
}

void StateReader::fail(std::string message)
{
    if (m_error.empty())
        m_error = std::move(message);
    m_pos = m_data.size();
}

bool StateReader::take(size_t n, const char *&p)
{
    if (!ok())
        return false;
    if (m_data.size() - m_pos < n) {
        fail("the state is truncated");
        return false;
    }
    p = m_data.data() + m_pos;
    m_pos += n;
    return true;
}

uint8_t StateReader::u8()
{
    const char *p;
    return take(1, p) ? uint8_t(*p) : 0;
}

uint32_t StateReader::u32()
{
    const char *p;
    if (!take(4, p))
        return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= uint32_t(uint8_t(p[i])) << (8 * i);
    return v;
}

uint64_t StateReader::u64()
{
    const char *p;
    if (!take(8, p))
        return 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v |= uint64_t(uint8_t(p[i])) << (8 * i);
    return v;
}

double StateReader::f64()
{
    const uint64_t bits = u64();
    double v;
    std::memcpy(&v, &bits, 8);
    return v;
}

std::string StateReader::bytes()
{
    const uint64_t n = u64();
    const char *p;
    if (n > m_data.size() - m_pos) {
        fail("the state is truncated");
        return {};
    }
    return take(size_t(n), p) ? std::string(p, size_t(n)) : std::string();
}

size_t StateReader::count(size_t minBytesEach)
{
    const uint64_t n = u64();
    if (ok() && n > (m_data.size() - m_pos) / std::max<size_t>(1, minBytesEach)) {
        fail("the state is corrupt: it counts " + std::to_string(n) + " items in " +
             std::to_string(m_data.size() - m_pos) + " bytes");
        return 0;
    }
    return ok() ? size_t(n) : 0;
}

bool StateReader::section(std::string_view kind, uint32_t version)
{
    const std::string found = bytes();
    const uint32_t foundVersion = u32();
    if (!ok())
        return false;
    if (found != kind) {
        fail("the state is of a " + found.substr(0, 64) + " operator, not of a " + std::string(kind));
        return false;
    }
    if (foundVersion != version) {
        fail("the state of this " + std::string(kind) + " is in format version " + std::to_string(foundVersion) +
             "; this build reads version " + std::to_string(version));
        return false;
    }
    return true;
}

OwnedValue StateReader::value()
{
    OwnedValue v;
    const uint8_t type = u8();
    if (type > kLastType) {
        fail("the state is corrupt: unknown type " + std::to_string(type));
        return v;
    }
    v.type = DataType(type);
    v.null = boolean();
    if (v.null)
        return v;
    if (usesInts(v.type))
        v.i = i64();
    else if (v.type == DataType::Double)
        v.d = f64();
    else if (v.type == DataType::String || core::isArray(v.type))
        v.s = bytes();
    else
        v.null = true;
    return v;
}

void StateReader::cell(Column &into, StringArena &arena)
{
    if (boolean() || !ok() || into.type == DataType::Null) {
        into.appendNull();
        return;
    }
    if (into.usesInts()) {
        into.appendInt(i64());
    } else if (into.type == DataType::Double) {
        into.appendDouble(f64());
    } else {
        const std::string s = bytes();
        into.appendString(arena.copy(s));
    }
}

void StateReader::aggregate(AggregateState &into)
{
    into.count = i64();
    into.intSum = i64();
    into.doubleSum = f64();
    into.kept.reset();
    if (!boolean())
        return;
    AggregateValue &v = into.value();
    v.value = value();
    v.valueSeq = u64();
    v.hasValue = boolean();
    const size_t distinct = count(8);
    for (size_t i = 0; i < distinct && ok(); ++i)
        v.distinct.insert(bytes());
}

void StateReader::expectSame(const char *what, int64_t written, int64_t now)
{
    if (ok() && written != now)
        fail(std::string("the state was saved with another ") + what + " (" + std::to_string(written) + ", now " +
             std::to_string(now) + ")");
}

} // namespace sw::runtime
