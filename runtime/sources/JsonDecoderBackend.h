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
    virtual bool decode(std::string_view json, Batch &batch, StringArena &arena, std::string &reason) = 0;
    virtual void decodeMany(const std::string_view *records, size_t count, Batch &batch, StringArena &arena,
                            std::vector<DecodeFailure> &failures) = 0;
};

namespace haswell {
std::unique_ptr<JsonDecoderBackend> makeBackend(const core::Schema &declared);
}
namespace portable {
std::unique_ptr<JsonDecoderBackend> makeBackend(const core::Schema &declared);
}

} // namespace sw::runtime
