// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace sw::runtime {

// Owns the bytes of string values (in blocks left uninitialised: every byte handed
// out is written first): columns hold string_views into arenas, so that
// decoding and passing rows on never allocates per row. Append-only; views stay
// valid as long as the arena lives. Not thread-safe (one executor thread).
class StringArena
{
public:
    std::string_view copy(std::string_view s)
    {
        if (s.empty())
            return {};
        if (s.size() > kBlockSize / 4) { // large values get a block of their own
            m_large.push_back(std::make_unique_for_overwrite<char[]>(s.size()));
            std::memcpy(m_large.back().get(), s.data(), s.size());
            m_bytes += s.size();
            return {m_large.back().get(), s.size()};
        }
        if (m_blocks.empty() || m_used + s.size() > kBlockSize) {
            m_blocks.push_back(std::make_unique_for_overwrite<char[]>(kBlockSize));
            m_used = 0;
        }
        char *dst = m_blocks.back().get() + m_used;
        std::memcpy(dst, s.data(), s.size());
        m_used += s.size();
        m_bytes += s.size();
        return {dst, s.size()};
    }
    // As copy(), for a value whose source may be read up to 16 bytes from its
    // start (it is followed by padding): a short value is then one 16-byte move.
    std::string_view copyFromPadded(const char *s, size_t n)
    {
        if (n == 0 || n > 16 || m_blocks.empty() || m_used + 16 > kBlockSize)
            return copy({s, n});
        char *dst = m_blocks.back().get() + m_used;
        std::memcpy(dst, s, 16); // the bytes after the value are not handed out yet
        m_used += n;
        m_bytes += n;
        return {dst, n};
    }
    // `size` writable bytes that live as long as the arena, followed by `padding`
    // bytes that are readable, and writable until the next allocation (which may
    // reuse them); their content is whatever the caller wrote there, or unspecified.
    char *allocatePadded(size_t size, size_t padding)
    {
        const size_t total = size + padding;
        char *dst;
        if (total > kBlockSize / 4) {
            m_large.push_back(std::make_unique_for_overwrite<char[]>(total));
            dst = m_large.back().get();
        } else {
            if (m_blocks.empty() || m_used + total > kBlockSize) {
                m_blocks.push_back(std::make_unique_for_overwrite<char[]>(kBlockSize));
                m_used = 0;
            }
            dst = m_blocks.back().get() + m_used;
            m_used += size; // the padding may hold the next value: only readability counts
        }
        m_bytes += size;
        return dst;
    }
    size_t bytes() const { return m_bytes; }

private:
    static constexpr size_t kBlockSize = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::vector<std::unique_ptr<char[]>> m_large;
    size_t m_used = 0;
    size_t m_bytes = 0;
};

} // namespace sw::runtime
