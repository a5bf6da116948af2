// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/Schema.h"

namespace sw::core {

const Field *Schema::field(const QString &name) const
{
    const int i = indexOf(name);
    return i < 0 ? nullptr : &fields[size_t(i)];
}

int Schema::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (fields[i].name == name)
            return int(i);
    }
    return -1;
}

QStringList Schema::names() const
{
    QStringList result;
    for (const auto &f : fields)
        result << f.name;
    return result;
}

} // namespace sw::core
