// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/JsonDecoder.h"

#include "sources/JsonDecoderBackend.h"

#include <QString>
#include <QtGlobal>

namespace sw::runtime {

struct JsonDecoder::Impl
{
    std::unique_ptr<JsonDecoderBackend> backend;
};

JsonDecoder::JsonDecoder(const core::Schema &declared) : d(std::make_unique<Impl>())
{
#if defined(__x86_64__) && defined(STREAMWRIGHT_HASWELL_DECODER)
    // STREAMWRIGHT_DECODER=portable forces the portable build (diagnosis, tests).
    if (qEnvironmentVariable("STREAMWRIGHT_DECODER") != u"portable" && __builtin_cpu_supports("avx2")
        && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("pclmul"))
        d->backend = haswell::makeBackend(declared);
#endif
    if (!d->backend)
        d->backend = portable::makeBackend(declared);
}

JsonDecoder::~JsonDecoder() = default;

bool JsonDecoder::decode(std::string_view json, Batch &batch, StringArena &arena, std::string &reason)
{
    return d->backend->decode(json, batch, arena, reason);
}

void JsonDecoder::decodeMany(const std::string_view *records, size_t count, Batch &batch, StringArena &arena,
                             std::vector<DecodeFailure> &failures)
{
    d->backend->decodeMany(records, count, batch, arena, failures);
}

} // namespace sw::runtime
