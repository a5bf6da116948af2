// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sw::runtime {

// A record decodeMany() could not decode: its index among the records, and why.
struct DecodeFailure
{
    size_t record;
    std::string reason;
};

// Decodes JSON record values into the declared fields of a schema, one pass over
// each document with simdjson's on-demand API. Dotted field names reach into
// nested objects ("payload.user.id"); absent fields and JSON null are NULL.
// Types are strict: a value of the wrong JSON type makes the record a dead
// letter, with a reason that names the field, rather than a guess. Timestamps are
// ISO-8601 strings or epoch milliseconds.
// One decoder per source, used from the executor thread only.
class JsonDecoder
{
public:
    explicit JsonDecoder(const core::Schema &declared);
    ~JsonDecoder();

    // Appends one row to the first declared.fields.size() columns of `batch` (strings
    // go to `arena`), or appends nothing and returns false with `reason` set.
    bool decode(std::string_view json, Batch &batch, StringArena &arena, std::string &reason);
    // The same for many records, with the same results record by record: a row per
    // decoded record, in order, and a failure (in record order) for each other one.
    // Faster than one decode() per record: most records are read by JsonFastPath,
    // which leaves the rest (and every dead letter's reason) to decode().
    void decodeMany(const std::string_view *records, size_t count, Batch &batch, StringArena &arena,
                    std::vector<DecodeFailure> &failures);

private:
    bool decodeFast(std::string_view record, Batch &batch, size_t row, StringArena &arena);

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace sw::runtime
