// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace sw::runtime {

// Conversion between recordings and the JSON lines of `kcat -C -J`: one object
// per record with topic, partition, offset, tstype, ts, headers (a flat array of
// names and values), key and payload (null when absent). kcat's JSON carries
// text only: keys, values and headers are taken as UTF-8, and on export a value
// that is not UTF-8 is written byte by byte as \u00XX escapes (said in the
// summary: kcat's format cannot carry it exactly).
class KcatLines
{
public:
    struct Summary
    {
        int64_t records = 0;
        int64_t partitions = 0;
        int64_t notUtf8 = 0; // export: records with a key, value or header that is not UTF-8
    };
    // Reads `inPath` ("-": standard input) into a new recording at `outPath`.
    static bool import(const std::string &inPath, const std::string &outPath, bool overwrite, Summary &summary,
                       std::string &error);
    // Writes the recording's records, in recorded order, to `outPath` ("-": standard output).
    static bool exportTo(const std::string &recordingPath, const std::string &outPath, Summary &summary,
                         std::string &error);
};

} // namespace sw::runtime
