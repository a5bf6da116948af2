// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recording/Recording.h"

#include <QString>
#include <QTest>

namespace sw::testing {

// A recording of clicks on three partitions, one every 10 ms of event time per
// partition ({"user", "amount", "ts"} JSON, keyed by user); partition 2 runs
// `partitionTwoAheadMs` ahead of the others.
inline void writeClickRecording(const QString &path, int perPartition = 600, int64_t partitionTwoAheadMs = 0)
{
    runtime::RecordingWriter w;
    std::string error;
    QVERIFY2(w.create(path.toStdString(), "test", "beginning", true, error), error.c_str());
    for (int p = 0; p < 3; ++p)
        QVERIFY2(w.addPartition("clicks", p, error), error.c_str());
    for (int i = 0; i < perPartition; ++i) {
        for (int p = 0; p < 3; ++p) {
            runtime::RecordedRecord r;
            r.topic = "clicks";
            r.partition = p;
            r.offset = i;
            const int64_t ts = 1'796'000'000'000 + i * 10 + (p == 2 ? partitionTwoAheadMs : 0);
            r.timestamp = ts;
            r.timestampType = runtime::TimestampType::Create;
            r.key = "u" + std::to_string(i % 7);
            r.value = "{\"user\": \"u" + std::to_string(i % 7) + "\", \"amount\": " + std::to_string((i * 37 + p) % 1500)
                      + ", \"ts\": " + std::to_string(ts) + "}";
            QVERIFY2(w.append(r, error), error.c_str());
        }
    }
    QVERIFY2(w.finish(error), error.c_str());
}

} // namespace sw::testing
