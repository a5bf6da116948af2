// SPDX-License-Identifier: GPL-3.0-or-later
// A Kafka record's value as a producer may write it, decoded into a schema with
// a field of every type (nested fields too). Differential: a record the fast path
// takes, simdjson must take with the same values.
#include "batch/Batch.h"
#include "sources/JsonDecoder.h"
#include "sources/JsonFastPath.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

using namespace sw;
using namespace sw::runtime;

namespace {
core::Schema declared()
{
    core::Schema s;
    s.fields = {{QStringLiteral("user_id"), core::DataType::String},  {QStringLiteral("price"), core::DataType::Double},
                {QStringLiteral("qty"), core::DataType::Int},         {QStringLiteral("vip"), core::DataType::Boolean},
                {QStringLiteral("ts"), core::DataType::Timestamp},    {QStringLiteral("payload.user.id"), core::DataType::String},
                {QStringLiteral("payload.n"), core::DataType::Int}};
    return s;
}

bool sameCell(const Column &a, const Column &b, size_t row)
{
    if (a.valid[row] != b.valid[row])
        return false;
    if (!a.valid[row])
        return true;
    if (a.usesInts())
        return a.ints[row] == b.ints[row];
    if (a.type == core::DataType::Double)
        return std::memcmp(&a.doubles[row], &b.doubles[row], 8) == 0 || (std::isnan(a.doubles[row]) && std::isnan(b.doubles[row]));
    return a.strings[row] == b.strings[row];
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const core::Schema schema = declared();
    static JsonFastPath fast(schema);
    static JsonDecoder simdjson(schema);
    const std::string_view record(reinterpret_cast<const char *>(data), size);

    Batch viaSimdjson = Batch::empty(schema);
    std::string reason;
    const bool decoded = simdjson.decode(record, viaSimdjson, viaSimdjson.arena(), reason);
    if (!decoded && reason.empty())
        __builtin_trap(); // a dead letter always says why

    Batch viaFast = Batch::empty(schema);
    for (auto &c : viaFast.columns)
        c.resize(1);
    std::vector<char> copy(record.begin(), record.end());
    copy.resize(size + JsonFastPath::kPadding, '\0');
    if (!fast.decode(copy.data(), size, viaFast, 0, viaFast.arena()))
        return 0;
    if (!decoded)
        __builtin_trap(); // the fast path took what simdjson refuses
    for (size_t c = 0; c < schema.fields.size(); ++c) {
        if (!sameCell(viaFast.columns[c], viaSimdjson.columns[c], 0))
            __builtin_trap(); // read differently
    }
    return 0;
}
