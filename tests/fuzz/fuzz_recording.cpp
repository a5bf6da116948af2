// SPDX-License-Identifier: GPL-3.0-or-later
// A recording file as a user may hand one over: damaged, cut off, edited by hand
// with sqlite3, or not a recording at all. Opening and reading it all must
// never crash: it is refused, or read, or a read says it is damaged.
#include "recording/Recording.h"

#include <QDir>
#include <QFile>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unistd.h>

using namespace sw::runtime;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const std::string path = QDir::tempPath().toStdString() + "/fuzz_recording_" + std::to_string(getpid()) + ".swrec";
    {
        QFile f(QString::fromStdString(path));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    QFile::remove(QString::fromStdString(path) + QStringLiteral("-journal"));
    RecordingReader reader;
    std::string error;
    if (reader.open(path, error)) {
        std::vector<RecordedRecord> records;
        int64_t next = 1;
        while (reader.readInOrder(next, 64, records, error) && !records.empty() && records.size() < 100000) {
            next = records.back().seq + 1;
            if (records.size() % 64 != 0)
                break;
        }
        for (const RecordedPartition &p : reader.info().partitions) {
            std::vector<RecordedRecord> part;
            reader.readPartition(p.topic, p.partition, 0, 10000, part, error);
        }
    }
    return 0;
}
