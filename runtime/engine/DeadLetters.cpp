// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/DeadLetters.h"

#include "batch/RowJson.h"
#include "batch/Utf8.h"
#include "validation/SchemaInference.h"

#include <QByteArray>
#include <QString>

namespace sw::runtime {

std::string DeadLetters::kindOf(std::string_view reason)
{
    if (reason.starts_with("not valid JSON"))
        return std::string(kNotJson);
    if (reason.starts_with("not a JSON object"))
        return std::string(kNotAnObject);
    return std::string(kBadField);
}

core::Schema DeadLetters::keptSchema()
{
    core::Schema s = core::SchemaInference::deadLetterSchema();
    s.fields.insert(s.fields.begin(), {QStringLiteral("node"), core::DataType::String});
    return s;
}

namespace {
std::string base64(const std::string &bytes)
{
    return QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())).toBase64().toStdString();
}
} // namespace

Batch DeadLetters::rows(const std::vector<DeadLetter> &letters, const QString *node)
{
    Batch batch = Batch::empty(node ? keptSchema() : core::SchemaInference::deadLetterSchema());
    StringArena &arena = batch.arena();
    const std::string nodeId = node ? node->toStdString() : std::string();
    for (const DeadLetter &l : letters) {
        bool utf8 = isValidUtf8(l.key) && isValidUtf8(l.value);
        for (const auto &[name, value] : l.headers)
            utf8 = utf8 && isValidUtf8(name) && isValidUtf8(value);
        auto text = [&](const std::string &bytes) { return arena.copy(utf8 ? bytes : base64(bytes)); };
        Column *c = batch.columns.data();
        if (node)
            (c++)->appendString(arena.copy(nodeId));
        // A reason may quote part of the record: keep it readable text.
        c[0].appendString(arena.copy(isValidUtf8(l.reason) ? l.reason
                                                           : QString::fromUtf8(l.reason.data(), qsizetype(l.reason.size()))
                                                                 .toStdString()));
        c[1].appendString(arena.copy(l.topic));
        c[2].appendInt(l.partition);
        c[3].appendInt(l.offset);
        c[4].appendInt(l.timestamp);
        if (l.hasKey)
            c[5].appendString(text(l.key));
        else
            c[5].appendNull();
        c[6].appendString(text(l.value));
        c[7].appendString(arena.copy(l.kind));
        if (l.headers.empty()) {
            c[8].appendNull();
        } else {
            // Header names are text in Kafka's protocol, but bytes on the wire:
            // a name that is not UTF-8 is written in base64 with the values.
            std::string headers = "[";
            for (const auto &[name, value] : l.headers) {
                if (headers.size() > 1)
                    headers += ',';
                headers += '[';
                RowJson::appendString(headers, utf8 ? name : base64(name));
                headers += ',';
                RowJson::appendString(headers, utf8 ? value : base64(value));
                headers += ']';
            }
            headers += ']';
            c[8].appendString(arena.copy(headers));
        }
        c[9].appendString(arena.copy(utf8 ? std::string_view("utf-8") : std::string_view("base64")));
    }
    batch.rows = letters.size();
    return batch;
}

} // namespace sw::runtime
