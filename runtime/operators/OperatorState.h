// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Column.h"
#include "batch/OwnedValue.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace sw::runtime {

struct AggregateState;

// An operator's whole state as plain bytes, for checkpoints and for the debugger's
// steps back: little-endian fixed-width numbers and length-prefixed byte strings,
// no pointers, no Qt types. Every operator starts its state with a section header
// (its kind and a format version) and its settings that decide what the state
// means, so that a snapshot is never read into an operator it does not fit.
// What is written in hash-map order is sorted first: equal state, equal bytes.
class StateWriter
{
public:
    void section(std::string_view kind, uint32_t version);
    void u8(uint8_t v) { m_data.push_back(char(v)); }
    void boolean(bool v) { u8(v ? 1 : 0); }
    void u32(uint32_t v);
    void u64(uint64_t v);
    void i64(int64_t v) { u64(uint64_t(v)); }
    void f64(double v);
    void bytes(std::string_view v);
    void value(const OwnedValue &v);
    // One cell of a column, NULL included; read back with StateReader::cell into a
    // column of the same type.
    void cell(const Column &c, size_t row);
    void aggregate(const AggregateState &s);

    const std::string &data() const { return m_data; }
    std::string take() { return std::move(m_data); }

private:
    std::string m_data;
};

// Reads what a StateWriter wrote. A read past the end or a value that cannot be
// (an unknown type, a count larger than the bytes left could hold) marks the
// reader failed with a message and returns zeros from then on, so a restore reads
// straight through and checks ok() once; truncated or corrupt input never crashes
// and never allocates more than it holds.
class StateReader
{
public:
    explicit StateReader(std::string_view data) : m_data(data) {}

    // Whether the next section is `kind` at `version`; fails with a message saying
    // what was found otherwise.
    bool section(std::string_view kind, uint32_t version);
    uint8_t u8();
    bool boolean() { return u8() != 0; }
    uint32_t u32();
    uint64_t u64();
    int64_t i64() { return int64_t(u64()); }
    double f64();
    std::string bytes();
    // A number of items that follow, each at least `minBytesEach` long.
    size_t count(size_t minBytesEach);
    OwnedValue value();
    void cell(Column &into, StringArena &arena);
    void aggregate(AggregateState &into);
    // A setting the state depends on: fails when the snapshot was written with
    // another value (e.g. another window size).
    void expectSame(const char *what, int64_t written, int64_t now);

    void fail(std::string message);
    bool ok() const { return m_error.empty(); }
    bool atEnd() const { return m_pos == m_data.size(); }
    const std::string &error() const { return m_error; }

private:
    bool take(size_t n, const char *&p);

    std::string_view m_data;
    size_t m_pos = 0;
    std::string m_error;
};

} // namespace sw::runtime
