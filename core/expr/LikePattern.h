// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace sw::core::expr {

// SQL LIKE over code points, shared by both evaluators: % any run, _ one
// character, backslash escapes the next character. Iterative, backtracking only
// to the last %.
class LikePattern
{
public:
    template <typename CodePoints>
    explicit LikePattern(const CodePoints &pattern)
    {
        const size_t n = size_t(pattern.size());
        for (size_t i = 0; i < n; ++i) {
            const char32_t c = char32_t(pattern[i]);
            if (c == U'\\' && i + 1 < n)
                m_items.push_back({char32_t(pattern[++i]), false, false});
            else
                m_items.push_back({c, c == U'%', c == U'_'});
        }
    }

    template <typename CodePoints>
    bool matches(const CodePoints &text) const
    {
        constexpr size_t none = std::numeric_limits<size_t>::max();
        const size_t n = size_t(text.size());
        size_t p = 0, t = 0, star = none, mark = 0;
        while (t < n) {
            if (p < m_items.size() && !m_items[p].any && (m_items[p].one || m_items[p].c == char32_t(text[t]))) {
                ++p;
                ++t;
            } else if (p < m_items.size() && m_items[p].any) {
                star = p++;
                mark = t;
            } else if (star != none) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < m_items.size() && m_items[p].any)
            ++p;
        return p == m_items.size();
    }

private:
    struct Item
    {
        char32_t c;
        bool any;
        bool one;
    };
    std::vector<Item> m_items;
};

} // namespace sw::core::expr
