// SPDX-License-Identifier: GPL-3.0-or-later
// Seeds for fuzz_recording: small recordings (512-byte pages) of every shape of
// record, complete and interrupted, written by the real writer.
#include "recording/Recording.h"

#include <sqlite3.h>

#include <cstdio>
#include <string>

using namespace sw::runtime;

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_recording_seeds DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    for (int seed = 0; seed < 2; ++seed) {
        const std::string path = dir + "/seed-" + std::to_string(seed) + ".swrec";
        RecordingWriter w;
        std::string error;
        if (!w.create(path, "seed", "beginning", true, error) || !w.addPartition("t", 0, error)
            || !w.addPartition("t", 1, error)) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        for (int i = 0; i < 6; ++i) {
            RecordedRecord r;
            r.topic = "t";
            r.partition = i % 2;
            r.offset = i / 2;
            if (i != 3) {
                r.timestamp = 1'796'000'000'000 + i;
                r.timestampType = i == 4 ? TimestampType::LogAppend : TimestampType::Create;
            }
            if (i % 3)
                r.key = "k" + std::to_string(i);
            if (i != 5)
                r.value = "{\"n\":" + std::to_string(i) + "}";
            if (i % 2)
                r.headers = {{"h", std::string("v")}, {"none", std::nullopt}};
            if (!w.append(r, error)) {
                std::fprintf(stderr, "%s\n", error.c_str());
                return 1;
            }
        }
        if (!(seed == 0 ? w.finish(error) : w.flush(error))) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
        if (seed == 1)
            continue; // left open: an interrupted recording (flushed, never finished)
        sqlite3 *db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "PRAGMA page_size = 512; VACUUM;", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    }
    return 0;
}
