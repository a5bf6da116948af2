// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"
#include "engine/Source.h"

#include <string_view>
#include <vector>

namespace sw::runtime {

// Dead letters as rows. A source's `dead` port carries the dead-letter schema
// (SchemaInference::deadLetterSchema); where they are kept by a sink instead (the
// source's deadLetters.to, or <pipeline>.dead-letters.jsonl), a `node` column
// first says which source turned them away, since sources share the default file.
//
// Binary safety: when the key, the value or a header value is not UTF-8, all of
// them are written in base64 and `_encoding` says "base64" (else "utf-8"), so the
// original bytes always come back. `_headers` is a JSON array of [name, value]
// pairs in record order (NULL when the record has none).
class DeadLetters
{
public:
    // Kinds (the `_kind` column, and the counts per kind in the metrics).
    static constexpr std::string_view kNotJson = "not_json";
    static constexpr std::string_view kNotAnObject = "not_an_object";
    static constexpr std::string_view kBadField = "bad_field";
    static constexpr std::string_view kTooLarge = "too_large";
    static constexpr std::string_view kEventTimeAhead = "event_time_ahead";

    // The kind of a decoder's reason ("not valid JSON: ...", "field 'x': ...").
    static std::string kindOf(std::string_view decoderReason);

    static core::Schema keptSchema();
    // The rows of `letters`, in the dead-letter schema, or in keptSchema() with
    // `node` when it is given.
    static Batch rows(const std::vector<DeadLetter> &letters, const QString *node = nullptr);
};

} // namespace sw::runtime
