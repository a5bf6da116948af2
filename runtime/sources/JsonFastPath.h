// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "batch/Batch.h"
#include "model/Schema.h"

#include <string>
#include <string_view>
#include <vector>

namespace sw::runtime {

// The common case of JsonDecoder::decodeMany, without simdjson: one pass over a
// record's bytes that reads the declared fields while it validates the JSON.
// On records of about 130 bytes it costs about what a bare simdjson loop that
// only extracts the fields costs (simdjson's decoder with its checks took 1.5
// times that): such a record is mostly keys and short values, which it compares
// and scans 16 bytes at a time.
//
// It accepts a record only when it is sure: one JSON object, valid throughout
// (UTF-8, escapes, numbers, nesting, also in fields nobody reads), each declared
// field of its type, and numbers it converts exactly as simdjson does. Anything
// else (malformed records, lone surrogates, integers of 19 digits and more,
// nesting deeper than 64, schemas it cannot take) it declines: JsonDecoder then
// decodes the record with simdjson, which decides and gives the reason. So a
// record it accepts gets the row that simdjson's path would give (tested on
// mutated and generated records), and the two never disagree on a dead letter.
class JsonFastPath
{
public:
    // Zero bytes a record must be followed by: where it ends, and what reads of
    // whole words or names past that point find.
    static constexpr size_t kPadding = 64;

    explicit JsonFastPath(const core::Schema &declared);

    // Whether the schema is one it can decode at all (no declared field of type
    // Null, no quote, backslash or control byte in a name).
    bool usable() const { return m_usable; }

    // Reads one record into row `row` of the first declared.fields.size() columns
    // of `batch`, which must exist and be NULL; or returns false and leaves it
    // NULL. Writing in place, not appending, saves a capacity check per value.
    // `record` is followed by kPadding zero bytes, and is scratch: escapes are
    // undone in it, and string values are copied to `arena`, next to each other,
    // so that the operators after the source read them from a few cache lines
    // instead of one or two per record.
    bool decode(char *record, size_t size, Batch &batch, size_t row, StringArena &arena);

private:
    struct Node
    {
        std::string name;
        int field = -1; // a leaf: index of the declared field
        core::DataType type = core::DataType::Null;
        std::vector<Node> children;
        size_t next = 0; // where the next key is likely to be among children (fields come in a fixed order)
        char keyPattern[16] = {}; // the name and its closing quote, for names of up to 15 bytes
        uint32_t keyMask = 0; // a bit for each byte of keyPattern that counts; 0 for longer names

        bool isKeyAt(const char *p) const;
    };

    static void setKeyPatterns(Node &node);
    char *readObject(Node &node, char *p, int depth);
    char *readValue(const Node &node, char *p);
    char *skipValue(char *p, int depth);
    template <typename Matches>
    static Node *findChild(Node &node, Matches matches);
    void clearRow();

    Node m_root;
    Node m_noFields; // for objects nothing reads: every key is skipped
    size_t m_fields = 0;
    Column *m_columns = nullptr; // of the batch being read into
    size_t m_row = 0;
    StringArena *m_arena = nullptr;
    bool m_usable = true;
};

} // namespace sw::runtime
