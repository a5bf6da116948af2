// SPDX-License-Identifier: GPL-3.0-or-later
// Recording and reading recordings, each beside the strongest honest baseline
// measured in the same run:
// - `record` (Recorder::run) against a bare librdkafka consumer configured as
//   the recorder's, assigned the same partitions, copying key, value and headers
//   of every record (what recording must at least do), and against the same bare
//   consumer writing the same rows into SQLite with one prepared INSERT in large
//   transactions (recording with nothing of ours around it);
// - source.recording reading and decoding a recording against the same decode of
//   the same records consumed from Kafka (source.kafka).
// Usage: bench_recording [RECORDS]   (default 200,000, 32 partitions, 200-byte JSON)
#include "broker/EmbeddedBroker.h"
#include "broker/KafkaHandles.h"
#include "recording/Recorder.h"
#include "recording/Recording.h"
#include "sources/KafkaSource.h"
#include "sources/RecordingSource.h"
#include "validation/SchemaInference.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <string>

using namespace sw;
using namespace sw::runtime;

namespace {
constexpr int kPartitions = 32; // the embedded broker keeps 5 MiB a partition

void produce(const QString &bootstrap, int64_t n)
{
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err);
    rd_kafka_conf_set(conf, "linger.ms", "20", err, sizeof err);
    KafkaClient producer(rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err));
    std::string value;
    for (int64_t i = 0; i < n; ++i) {
        const std::string key = "user-" + std::to_string(i % 5000);
        value = "{\"user_id\": \"" + key + "\", \"product_id\": \"p-" + std::to_string(i % 400)
                + "\", \"event_type\": \"view\", \"amount\": " + std::to_string(i % 1000)
                + ", \"ts\": " + std::to_string(1'796'000'000'000 + i) + ", \"note\": \"" + std::string(80, 'x') + "\"}";
        rd_kafka_headers_t *headers = rd_kafka_headers_new(1);
        rd_kafka_header_add(headers, "trace", -1, key.data(), ssize_t(key.size()));
        while (rd_kafka_producev(producer.get(), RD_KAFKA_V_TOPIC("events"), RD_KAFKA_V_PARTITION(int(i % kPartitions)),
                                 RD_KAFKA_V_KEY(key.data(), key.size()),
                                 RD_KAFKA_V_VALUE(value.data(), value.size()), RD_KAFKA_V_HEADERS(headers),
                                 RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END)
               == RD_KAFKA_RESP_ERR__QUEUE_FULL)
            rd_kafka_poll(producer.get(), 10);
    }
    rd_kafka_flush(producer.get(), 60000);
}

// The bare consumer: the recorder's properties, all partitions from the start.
KafkaConsumer bareConsumer(const QString &bootstrap)
{
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    for (const auto &[k, v] : std::initializer_list<std::pair<const char *, std::string>>{
             {"bootstrap.servers", bootstrap.toStdString()}, {"group.id", "bench-bare"}, {"enable.auto.commit", "false"},
             {"enable.auto.offset.store", "false"}, {"fetch.wait.max.ms", "50"}, {"enable.partition.eof", "false"}})
        rd_kafka_conf_set(conf, k, v.c_str(), err, sizeof err);
    KafkaConsumer consumer(rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err));
    rd_kafka_poll_set_consumer(consumer.get());
    KafkaPartitionList list(rd_kafka_topic_partition_list_new(kPartitions));
    for (int p = 0; p < kPartitions; ++p)
        rd_kafka_topic_partition_list_add(list.get(), "events", p)->offset = RD_KAFKA_OFFSET_BEGINNING;
    rd_kafka_assign(consumer.get(), list.get());
    return consumer;
}

// Consumes n records, handing each to `take`.
template <typename Take>
double consume(const QString &bootstrap, int64_t n, Take take)
{
    KafkaConsumer consumer = bareConsumer(bootstrap);
    QElapsedTimer clock;
    clock.start();
    int64_t got = 0;
    while (got < n) {
        KafkaMessage m(rd_kafka_consumer_poll(consumer.get(), 100));
        if (!m || m->err)
            continue;
        take(m.get());
        ++got;
    }
    return double(clock.nsecsElapsed()) / 1e9;
}

double best(int runs, const std::function<double()> &once)
{
    double b = 1e18;
    for (int i = 0; i < runs; ++i)
        b = std::min(b, once());
    return b;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const int64_t n = argc > 1 ? std::stoll(argv[1]) : 200'000;
    std::string error;
    auto broker = EmbeddedBroker::start(1, error);
    if (!broker || !broker->createTopic(QStringLiteral("events"), kPartitions, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    std::printf("producing %lld records (32 partitions, ~200-byte JSON values, a header each)...\n", (long long)n);
    produce(broker->bootstrap(), n);
    QTemporaryDir dir;

    // 1. Recording.
    const double bareCopy = best(3, [&] {
        std::string key, value, header;
        return consume(broker->bootstrap(), n, [&](rd_kafka_message_t *m) {
            key.assign(static_cast<const char *>(m->key), m->key_len);
            value.assign(static_cast<const char *>(m->payload), m->len);
            rd_kafka_headers_t *h = nullptr;
            const char *name;
            const void *v;
            size_t size;
            if (rd_kafka_message_headers(m, &h) == RD_KAFKA_RESP_ERR_NO_ERROR)
                for (size_t i = 0; rd_kafka_header_get_all(h, i, &name, &v, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++i)
                    header.assign(static_cast<const char *>(v), size);
        });
    });
    int round = 0;
    const double bareSqlite = best(3, [&] {
        const std::string path = dir.filePath(QStringLiteral("bare-%1.db").arg(round++)).toStdString();
        sqlite3 *db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "PRAGMA journal_mode = TRUNCATE; PRAGMA synchronous = OFF; CREATE TABLE records (seq INTEGER "
                         "PRIMARY KEY, topic TEXT, partition INTEGER, offset INTEGER, timestamp INTEGER, key BLOB, value "
                         "BLOB); CREATE UNIQUE INDEX i ON records (topic, partition, offset); CREATE TABLE headers (seq "
                         "INTEGER, position INTEGER, name TEXT, value BLOB, PRIMARY KEY (seq, position)) WITHOUT ROWID; BEGIN",
                     nullptr, nullptr, nullptr);
        sqlite3_stmt *insert = nullptr, *header = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &insert, nullptr);
        sqlite3_prepare_v2(db, "INSERT INTO headers VALUES (?, ?, ?, ?)", -1, &header, nullptr);
        int64_t seq = 0;
        const double seconds = consume(broker->bootstrap(), n, [&](rd_kafka_message_t *m) {
            sqlite3_reset(insert);
            sqlite3_bind_int64(insert, 1, ++seq);
            sqlite3_bind_text(insert, 2, "events", -1, SQLITE_STATIC);
            sqlite3_bind_int(insert, 3, m->partition);
            sqlite3_bind_int64(insert, 4, m->offset);
            sqlite3_bind_int64(insert, 5, rd_kafka_message_timestamp(m, nullptr));
            sqlite3_bind_blob(insert, 6, m->key, int(m->key_len), SQLITE_TRANSIENT);
            sqlite3_bind_blob(insert, 7, m->payload, int(m->len), SQLITE_TRANSIENT);
            sqlite3_step(insert);
            rd_kafka_headers_t *h = nullptr;
            const char *name;
            const void *v;
            size_t size;
            if (rd_kafka_message_headers(m, &h) == RD_KAFKA_RESP_ERR_NO_ERROR)
                for (size_t i = 0; rd_kafka_header_get_all(h, i, &name, &v, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++i) {
                    sqlite3_reset(header);
                    sqlite3_bind_int64(header, 1, seq);
                    sqlite3_bind_int(header, 2, int(i));
                    sqlite3_bind_text(header, 3, name, -1, SQLITE_TRANSIENT);
                    sqlite3_bind_blob(header, 4, v, int(size), SQLITE_TRANSIENT);
                    sqlite3_step(header);
                }
            if (seq % 20000 == 0)
                sqlite3_exec(db, "COMMIT; BEGIN", nullptr, nullptr, nullptr);
        });
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_finalize(insert);
        sqlite3_finalize(header);
        sqlite3_close(db);
        return seconds;
    });
    std::string recording;
    const double ours = best(3, [&] {
        RecorderOptions o;
        o.endpoint.bootstrap = broker->bootstrap();
        o.topics = {"events"};
        o.count = n;
        recording = dir.filePath(QStringLiteral("ours-%1.swrec").arg(round++)).toStdString();
        o.out = recording;
        std::atomic<bool> stop{false};
        RecorderProgress result;
        QElapsedTimer clock;
        clock.start();
        std::string e;
        if (!Recorder::run(o, stop, nullptr, nullptr, result, e))
            std::fprintf(stderr, "record: %s\n", e.c_str());
        return double(clock.nsecsElapsed()) / 1e9;
    });
    std::printf("bare consumer, copying key, value, header:   %9.0f records/s\n", double(n) / bareCopy);
    std::printf("bare consumer into SQLite (one INSERT each): %9.0f records/s\n", double(n) / bareSqlite);
    std::printf("streamwright-cli record (Recorder):          %9.0f records/s\n", double(n) / ours);
    std::printf("record / bare consumer into SQLite: %.0f %%; record / bare consumer: %.0f %% (best of 3 each, start "
                "included)\n",
                100.0 * bareSqlite / ours, 100.0 * bareCopy / ours);

    // 2. Reading: source.recording against source.kafka, same records, same decode.
    core::Schema declared;
    declared.fields = {{QStringLiteral("user_id"), core::DataType::String},
                       {QStringLiteral("product_id"), core::DataType::String},
                       {QStringLiteral("amount"), core::DataType::Int},
                       {QStringLiteral("ts"), core::DataType::Timestamp}};
    core::Schema output = declared;
    output.fields.append(core::SchemaInference::kafkaMetadataFields());
    output.eventTimeField = QStringLiteral("ts");
    const auto drain = [&](Source &source) {
        std::string e;
        QElapsedTimer clock;
        clock.start();
        if (!source.open(e)) {
            std::fprintf(stderr, "open: %s\n", e.c_str());
            return 1e18;
        }
        int64_t rows = 0;
        while (rows < n) {
            const SourcePlan plan = source.plan(10000);
            const SourceBatch b = source.read(plan);
            if (!b.error.empty()) {
                std::fprintf(stderr, "read: %s\n", b.error.c_str());
                return 1e18;
            }
            rows += int64_t(b.rows.rows + b.deadLetters.size());
        }
        return double(clock.nsecsElapsed()) / 1e9;
    };
    const double kafka = best(3, [&] {
        core::KafkaSourceSettings settings;
        settings.topics = {QStringLiteral("events")};
        settings.startingOffsets = QStringLiteral("earliest");
        settings.maxRecordBytes = 1 << 20;
        KafkaEndpoint endpoint;
        endpoint.bootstrap = broker->bootstrap();
        endpoint.embedded = true;
        KafkaSource source(endpoint, settings, QStringLiteral("bench-%1").arg(round++), declared, output);
        return drain(source);
    });
    const double fromFile = best(3, [&] {
        core::RecordingSourceSettings settings;
        settings.maxRecordBytes = 1 << 20;
        RecordingSource source(QString::fromStdString(recording), settings, 0, declared, output);
        return drain(source);
    });
    std::printf("source.kafka, 10,000-row batches:      %9.0f records/s\n", double(n) / kafka);
    std::printf("source.recording, 10,000-row batches:  %9.0f records/s\n", double(n) / fromFile);
    std::printf("source.recording / source.kafka: %.0f %% (best of 3 each)\n", 100.0 * kafka / fromFile);
    return 0;
}
