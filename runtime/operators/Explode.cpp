// SPDX-License-Identifier: GPL-3.0-or-later
#include "operators/Explode.h"

#include "sources/FastTimestamp.h"

#include <simdjson.h>

namespace sw::runtime {

struct Explode::Parser
{
    simdjson::dom::parser dom;
};

Explode::Explode(const core::ExplodeSettings &settings, const core::Schema &input, const core::Schema &output)
    : m_output(output), m_parser(std::make_unique<Parser>())
{
    m_array = input.indexOf(settings.field);
    m_arrayType = input.fields[size_t(m_array)].type;
    m_elementFields = input.fields[size_t(m_array)].elementFields;
    for (const core::Field &f : m_elementFields)
        m_elementNames.push_back(f.name.toStdString());
    m_outer = settings.outer;
    m_position = !settings.position.isEmpty();
    m_firstElementColumn = size_t(m_array);
}

Explode::~Explode() = default;

namespace {
// Appends one element value (of the canonical JSON the decoder wrote) to `to`.
void appendElement(Column &to, const simdjson::dom::element &value, StringArena &arena)
{
    if (value.is_null()) {
        to.appendNull();
        return;
    }
    switch (to.type) {
    case core::DataType::String: {
        std::string_view s;
        if (value.get_string().get(s))
            to.appendNull();
        else
            to.appendString(arena.copy(s));
        break;
    }
    case core::DataType::Int:
    case core::DataType::Boolean: {
        int64_t i = 0;
        bool b = false;
        if (to.type == core::DataType::Boolean ? value.get_bool().get(b) != simdjson::SUCCESS
                                               : value.get_int64().get(i) != simdjson::SUCCESS)
            to.appendNull();
        else
            to.appendInt(to.type == core::DataType::Boolean ? int64_t(b) : i);
        break;
    }
    case core::DataType::Double: {
        double d = 0;
        if (value.get_double().get(d))
            to.appendNull();
        else
            to.appendDouble(d);
        break;
    }
    case core::DataType::Timestamp: {
        std::string_view s;
        const auto ms = value.get_string().get(s) ? std::nullopt : parseIsoTimestamp(s);
        if (ms)
            to.appendInt(*ms);
        else
            to.appendNull();
        break;
    }
    default: to.appendNull(); break;
    }
}
} // namespace

void Explode::process(int, const Batch &batch, int64_t, Emitter &out)
{
    Batch result = Batch::empty(m_output);
    result.shareArenasOf(batch); // repeated strings stay where they are
    StringArena &arena = result.arena();
    const Column &array = batch.columns[size_t(m_array)];
    const size_t inputColumns = batch.columns.size();
    const size_t elementColumns = (m_position ? 1 : 0)
                                  + (m_arrayType == core::DataType::ArrayObject ? m_elementFields.size() : 1);
    auto repeat = [&](size_t row) {
        for (size_t c = 0, o = 0; c < inputColumns; ++c) {
            if (c == size_t(m_array)) {
                o += elementColumns;
                continue;
            }
            result.columns[o++].appendFrom(batch.columns[c], row);
        }
        ++result.rows;
    };
    for (size_t row = 0; row < batch.rows; ++row) {
        simdjson::dom::array elements;
        bool any = false;
        if (!array.isNull(row)) {
            const std::string_view text = array.strings[row];
            simdjson::dom::element doc;
            if (!m_parser->dom.parse(text.data(), text.size(), true).get(doc) && !doc.get_array().get(elements)) {
                int64_t position = 0;
                for (simdjson::dom::element element : elements) {
                    any = true;
                    repeat(row);
                    size_t o = m_firstElementColumn;
                    if (m_position)
                        result.columns[o++].appendInt(position);
                    ++position;
                    if (m_arrayType != core::DataType::ArrayObject) {
                        appendElement(result.columns[o], element, arena);
                        continue;
                    }
                    simdjson::dom::object object;
                    const bool isObject = !element.get_object().get(object);
                    for (const std::string &name : m_elementNames) {
                        simdjson::dom::element value;
                        if (isObject && !object.at_key(name).get(value))
                            appendElement(result.columns[o++], value, arena);
                        else
                            result.columns[o++].appendNull();
                    }
                }
            }
        }
        if (!any && m_outer) { // explode_outer: the row, with NULLs for the element
            repeat(row);
            for (size_t e = 0; e < elementColumns; ++e)
                result.columns[m_firstElementColumn + e].appendNull();
        }
    }
    out.push(0, std::move(result));
}

} // namespace sw::runtime
