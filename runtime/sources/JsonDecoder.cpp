// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/JsonDecoder.h"

#include "sources/JsonDecoderBackend.h"
#include "sources/JsonFastPath.h"

#include <QString>
#include <QtGlobal>

#include <cstring>

namespace sw::runtime {

namespace {
// Records up to this size (with padding) are copied to the decoder's scratch buffer.
constexpr size_t kScratchBytes = 64 * 1024;
} // namespace

struct JsonDecoder::Impl
{
    explicit Impl(const core::Schema &declared) : fastPath(declared), fields(declared.fields.size()) {}

    std::unique_ptr<JsonDecoderBackend> backend;
    JsonFastPath fastPath;
    bool useFastPath = true;
    size_t fields;
    std::vector<char> scratch; // a record's padded copy for the fast path
    std::string reason;
};

JsonDecoder::JsonDecoder(const core::Schema &declared) : d(std::make_unique<Impl>(declared))
{
#if defined(__x86_64__) && defined(STREAMWRIGHT_HASWELL_DECODER)
    // STREAMWRIGHT_DECODER=portable forces the portable build (diagnosis, tests).
    if (qEnvironmentVariable("STREAMWRIGHT_DECODER") != u"portable" && __builtin_cpu_supports("avx2")
        && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("pclmul"))
        d->backend = haswell::makeBackend(declared);
#endif
    if (!d->backend)
        d->backend = portable::makeBackend(declared);
    // STREAMWRIGHT_DECODER=simdjson decodes every record with simdjson (diagnosis).
    d->useFastPath = d->fastPath.usable() && qEnvironmentVariable("STREAMWRIGHT_DECODER") != u"simdjson";
}

JsonDecoder::~JsonDecoder() = default;

bool JsonDecoder::decode(std::string_view json, Batch &batch, StringArena &arena, std::string &reason)
{
    const size_t row = d->fields ? batch.columns[0].size() : 0;
    for (size_t f = 0; f < d->fields; ++f)
        batch.columns[f].resize(row + 1);
    if (d->backend->decode(json, batch, row, arena, reason))
        return true;
    for (size_t f = 0; f < d->fields; ++f)
        batch.columns[f].resize(row);
    return false;
}

void JsonDecoder::decodeMany(const std::string_view *records, size_t count, Batch &batch, StringArena &arena,
                             std::vector<DecodeFailure> &failures)
{
    // A NULL row for each record, filled in place, and those of dead letters dropped at the end.
    size_t row = d->fields ? batch.columns[0].size() : 0;
    for (size_t f = 0; f < d->fields; ++f)
        batch.columns[f].resize(row + count);
    for (size_t i = 0; i < count; ++i) {
        const std::string_view record = records[i];
        if (d->useFastPath && decodeFast(record, batch, row, arena)) {
            ++row;
            continue;
        }
        if (d->backend->decode(record, batch, row, arena, d->reason))
            ++row;
        else
            failures.push_back({i, d->reason});
    }
    for (size_t f = 0; f < d->fields; ++f)
        batch.columns[f].resize(row);
}

bool JsonDecoder::decodeFast(std::string_view record, Batch &batch, size_t row, StringArena &arena)
{
    // A padded copy to read from (the fast path copies the strings it keeps): the
    // same few cache lines for every record, or a buffer of its own for a large
    // one, so that the scratch buffer stays small.
    const size_t padded = record.size() + JsonFastPath::kPadding;
    std::unique_ptr<char[]> large;
    char *copy;
    if (padded <= kScratchBytes) {
        if (d->scratch.empty())
            d->scratch.resize(kScratchBytes);
        copy = d->scratch.data();
    } else {
        large = std::make_unique_for_overwrite<char[]>(padded);
        copy = large.get();
    }
    if (!record.empty()) // an empty value (a tombstone) may have no data pointer at all
        std::memcpy(copy, record.data(), record.size());
    std::memset(copy + record.size(), 0, JsonFastPath::kPadding);
    return d->fastPath.decode(copy, record.size(), batch, row, arena);
}

} // namespace sw::runtime
