// SPDX-License-Identifier: GPL-3.0-or-later
// A pipeline file as a user may write it: loaded, validated (graph, settings,
// expressions, schema inference), described in canonical JSON and loaded again.
#include "format/PipelineFormat.h"
#include "validation/PipelineValidator.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto loaded = sw::core::PipelineFormat::load(bytes);
    if (!loaded.pipeline)
        return 0;
    const auto result = sw::core::PipelineValidator::validate(*loaded.pipeline);
    (void)result;
    const QByteArray saved = sw::core::PipelineFormat::save(*loaded.pipeline);
    if (!sw::core::PipelineFormat::load(saved).pipeline)
        __builtin_trap(); // what we write, we must read
    return 0;
}
