// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"
#include "sources/JsonDecoder.h"

#include <memory>
#include <string>
#include <string_view>

namespace sw::runtime {

// The decoding work of JsonDecoder, compiled once per instruction set.
struct JsonDecoderBackend
{
    virtual ~JsonDecoderBackend() = default;
    // As JsonDecoder::decode(), into row `row` of the declared columns, which
    // exists and is NULL (and stays so on failure).
    virtual bool decode(std::string_view json, Batch &batch, size_t row, StringArena &arena, std::string &reason) = 0;
};

namespace haswell {
std::unique_ptr<JsonDecoderBackend> makeBackend(const core::Schema &declared);
}
namespace portable {
std::unique_ptr<JsonDecoderBackend> makeBackend(const core::Schema &declared);
}

} // namespace sw::runtime
