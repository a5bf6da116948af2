// SPDX-License-Identifier: GPL-3.0-or-later
#include "recording/KcatLines.h"

#include "batch/RowJson.h"
#include "batch/Utf8.h"
#include "recording/Recording.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstdio>
#include <set>

namespace sw::runtime {

namespace {
// A JSON integer that fits int64 exactly (kcat writes offsets and times so).
bool integer(const QJsonValue &v, int64_t &out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d != std::floor(d) || std::abs(d) > 9007199254740992.0)
        return false;
    out = int64_t(d);
    return true;
}

std::optional<std::string> bytes(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    return v.toString().toStdString();
}

// A JSON string of `bytes`: as they are when UTF-8, else each byte as \u00XX.
void appendBytes(std::string &out, std::string_view bytes, bool &exact)
{
    if (isValidUtf8(bytes)) {
        RowJson::appendString(out, bytes);
        return;
    }
    exact = false;
    out.push_back('"');
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x80 && c != '"' && c != '\\') {
            out.push_back(c);
        } else {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", unsigned(u));
            out += buffer;
        }
    }
    out.push_back('"');
}

void appendOptional(std::string &out, const std::optional<std::string> &bytes, bool &exact)
{
    if (bytes)
        appendBytes(out, *bytes, exact);
    else
        out += "null";
}
} // namespace

bool KcatLines::import(const std::string &inPath, const std::string &outPath, bool overwrite, Summary &summary,
                       std::string &error)
{
    QFile in;
    const bool opened = inPath == "-" ? in.open(stdin, QIODevice::ReadOnly)
                                      : (in.setFileName(QString::fromStdString(inPath)), in.open(QIODevice::ReadOnly));
    if (!opened) {
        error = "cannot open " + inPath + ": " + in.errorString().toStdString();
        return false;
    }
    RecordingWriter writer;
    if (!writer.create(outPath, "kcat -J lines from " + (inPath == "-" ? std::string("standard input") : inPath),
                       "beginning", overwrite, error))
        return false;
    std::set<std::pair<std::string, int>> partitions;
    int64_t line = 0;
    while (!in.atEnd()) {
        const QByteArray text = in.readLine().trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        const auto where = [&] { return inPath + ":" + std::to_string(line) + ": "; };
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
        if (!doc.isObject()) {
            error = where()
                    + (parseError.error != QJsonParseError::NoError
                           ? "not valid JSON (" + parseError.errorString().toStdString()
                                 + "); kcat writes a binary value as it is, and such a record cannot be imported"
                           : std::string("not a JSON object"));
            return false;
        }
        const QJsonObject o = doc.object();
        RecordedRecord r;
        int64_t partition = 0;
        r.topic = o.value(QLatin1String("topic")).toString().toStdString();
        if (r.topic.empty()) {
            error = where() + "the record has no \"topic\"";
            return false;
        }
        if (!integer(o.value(QLatin1String("partition")), partition) || partition < 0 || partition > INT32_MAX) {
            error = where() + "\"partition\" must be a partition number";
            return false;
        }
        r.partition = int(partition);
        if (!integer(o.value(QLatin1String("offset")), r.offset) || r.offset < 0) {
            error = where() + "\"offset\" must be an offset (0 or more)";
            return false;
        }
        const QString tstype = o.value(QLatin1String("tstype")).toString();
        int64_t ts = 0;
        if (o.contains(QLatin1String("ts")) && integer(o.value(QLatin1String("ts")), ts) && ts >= 0) {
            r.timestamp = ts;
            r.timestampType = tstype == u"logappend" || tstype == u"log_append" ? TimestampType::LogAppend
                                                                                 : TimestampType::Create;
        }
        if (tstype == u"none" || tstype == u"unknown")
            r.timestampType = r.timestamp ? TimestampType::Create : TimestampType::None;
        const QJsonValue headers = o.value(QLatin1String("headers"));
        if (headers.isArray()) {
            const QJsonArray a = headers.toArray();
            if (a.size() % 2 != 0) {
                error = where() + "\"headers\" must list names and values in pairs";
                return false;
            }
            for (qsizetype i = 0; i < a.size(); i += 2)
                r.headers.push_back({a[i].toString().toStdString(), bytes(a[i + 1])});
        }
        r.key = bytes(o.value(QLatin1String("key")));
        r.value = bytes(o.value(QLatin1String("payload")));
        if (partitions.insert({r.topic, r.partition}).second && !writer.addPartition(r.topic, r.partition, error))
            return false;
        if (!writer.append(r, error)) {
            error = where() + error;
            return false;
        }
    }
    summary.records = writer.records();
    summary.partitions = int64_t(partitions.size());
    return writer.finish(error);
}

bool KcatLines::exportTo(const std::string &recordingPath, const std::string &outPath, Summary &summary,
                         std::string &error)
{
    RecordingReader reader;
    if (!reader.open(recordingPath, error))
        return false;
    QFile out;
    const bool opened = outPath == "-" ? out.open(stdout, QIODevice::WriteOnly)
                                       : (out.setFileName(QString::fromStdString(outPath)),
                                          out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    if (!opened) {
        error = "cannot write " + outPath + ": " + out.errorString().toStdString();
        return false;
    }
    summary.partitions = int64_t(reader.info().partitions.size());
    std::vector<RecordedRecord> records;
    std::string line;
    int64_t next = 1;
    for (;;) {
        records.clear();
        if (!reader.readInOrder(next, 5000, records, error))
            return false;
        if (records.empty())
            break;
        for (const RecordedRecord &r : records) {
            bool exact = true;
            line.clear();
            line += "{\"topic\":";
            appendBytes(line, r.topic, exact);
            line += ",\"partition\":" + std::to_string(r.partition) + ",\"offset\":" + std::to_string(r.offset);
            if (r.timestamp) {
                line += r.timestampType == TimestampType::LogAppend ? ",\"tstype\":\"logappend\"" : ",\"tstype\":\"create\"";
                line += ",\"ts\":" + std::to_string(*r.timestamp);
            } else {
                line += ",\"tstype\":\"none\"";
            }
            if (!r.headers.empty()) {
                line += ",\"headers\":[";
                for (size_t i = 0; i < r.headers.size(); ++i) {
                    if (i > 0)
                        line += ',';
                    appendBytes(line, r.headers[i].name, exact);
                    line += ',';
                    appendOptional(line, r.headers[i].value, exact);
                }
                line += ']';
            }
            line += ",\"key\":";
            appendOptional(line, r.key, exact);
            line += ",\"payload\":";
            appendOptional(line, r.value, exact);
            line += "}\n";
            if (out.write(line.data(), qint64(line.size())) != qint64(line.size())) {
                error = "cannot write " + outPath + ": " + out.errorString().toStdString();
                return false;
            }
            summary.notUtf8 += exact ? 0 : 1;
            ++summary.records;
        }
        next = records.back().seq + 1;
    }
    if (!out.flush()) {
        error = "cannot write " + outPath + ": " + out.errorString().toStdString();
        return false;
    }
    return true;
}

} // namespace sw::runtime
