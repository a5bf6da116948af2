// SPDX-License-Identifier: GPL-3.0-or-later
#include "batch/RowJson.h"

#include <charconv>
#include <cmath>

namespace sw::runtime {

namespace {
void civilFromDays(int64_t z, int64_t &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = int64_t(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}
} // namespace

void RowJson::appendString(std::string &out, std::string_view s)
{
    out.push_back('"');
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
                out += buf;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
}

void RowJson::appendTimestamp(std::string &out, int64_t ms)
{
    int64_t days = ms / 86'400'000, rest = ms % 86'400'000;
    if (rest < 0) {
        rest += 86'400'000;
        --days;
    }
    int64_t y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[40];
    const int len = std::snprintf(buf, sizeof buf, "\"%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ\"", (long long)y, m, d,
                                  int(rest / 3'600'000), int(rest / 60'000 % 60), int(rest / 1000 % 60), int(rest % 1000));
    out.append(buf, size_t(len));
}

void RowJson::appendDouble(std::string &out, double d)
{
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    char buf[32];
    const auto result = std::to_chars(buf, buf + sizeof buf, d);
    out.append(buf, result.ptr);
}

void RowJson::appendValue(std::string &out, const Column &c, size_t row)
{
    if (c.type == DataType::Null || c.isNull(row)) {
        out += "null";
        return;
    }
    switch (c.type) {
    case DataType::Boolean: out += c.ints[row] ? "true" : "false"; break;
    case DataType::Int: {
        char buf[24];
        const auto result = std::to_chars(buf, buf + sizeof buf, c.ints[row]);
        out.append(buf, result.ptr);
        break;
    }
    case DataType::Double: appendDouble(out, c.doubles[row]); break;
    case DataType::String: appendString(out, c.strings[row]); break;
    case DataType::Timestamp: appendTimestamp(out, c.ints[row]); break;
    case DataType::ArrayString:
    case DataType::ArrayInt:
    case DataType::ArrayDouble:
    case DataType::ArrayObject: out += c.strings[row]; break; // canonical JSON already
    case DataType::Null: break;
    }
}

std::vector<std::string> RowJson::keys(const core::Schema &schema)
{
    std::vector<std::string> result;
    for (const auto &f : schema.fields) {
        std::string k;
        appendString(k, f.name.toStdString());
        k.push_back(':');
        result.push_back(std::move(k));
    }
    return result;
}

void RowJson::append(std::string &out, const Batch &batch, size_t row, const std::vector<std::string> &keys)
{
    out.push_back('{');
    for (size_t c = 0; c < batch.columns.size(); ++c) {
        if (c)
            out.push_back(',');
        out += keys[c];
        appendValue(out, batch.columns[c], row);
    }
    out.push_back('}');
}

} // namespace sw::runtime
