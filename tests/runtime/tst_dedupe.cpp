// SPDX-License-Identifier: GPL-3.0-or-later
#include "expr/ColumnarExpression.h"
#include "model/Timestamps.h"
#include "operators/Dedupe.h"

#include <QJsonDocument>
#include <QTest>

using namespace sw;
using namespace sw::runtime;
using core::DataType;

namespace {
int64_t at(const char *hms)
{
    return *core::Timestamps::parseIso(QStringLiteral("2026-11-25T") + QLatin1String(hms) + u'Z');
}

core::Schema input()
{
    core::Schema s;
    s.fields = {{QStringLiteral("k"), DataType::String}, {QStringLiteral("ts"), DataType::Timestamp}};
    s.eventTimeField = QStringLiteral("ts");
    return s;
}

Batch rows(std::initializer_list<std::pair<const char *, const char *>> r)
{
    Batch b = Batch::empty(input());
    for (const auto &[k, t] : r) {
        b.columns[0].appendString(b.arena().copy(k));
        b.columns[1].appendInt(at(t));
    }
    b.rows = r.size();
    return b;
}

class Keys : public Emitter
{
public:
    QStringList kept;
    void push(int, Batch &&b) override
    {
        for (size_t r = 0; r < b.rows; ++r)
            kept << QString::fromUtf8(b.columns[0].strings[r].data(), qsizetype(b.columns[0].strings[r].size())) + u'@'
                        + core::Timestamps::toIso(b.columns[1].ints[r]).mid(14, 5);
    }
};
} // namespace

class tst_Dedupe : public QObject
{
    Q_OBJECT
private slots:
    void withinAndBeyondTheBound();
};

void tst_Dedupe::withinAndBeyondTheBound()
{
    Dedupe op(core::DedupeSettings::parse(QJsonDocument::fromJson(R"({"key": ["k"], "within": "10s"})").object()), input());
    Keys out;
    op.process(0, rows({{"a", "10:00:00"}, {"a", "10:00:05"}, {"b", "10:00:01"}, {"a", "10:00:30"}}), 0, out);
    op.endOfBatch(0, out);
    // a's state lives until the watermark passes 10:00:10, so 10:00:30 is still a duplicate.
    QCOMPARE(out.kept, (QStringList{QStringLiteral("a@00:00"), QStringLiteral("b@00:01")}));
    QCOMPARE(op.stateRows(), 2);
    out.kept.clear();
    const int64_t w = at("10:00:20");
    op.process(0, rows({{"a", "10:00:40"}, {"b", "10:00:15"}, {"c", "10:00:25"}, {"c", "10:00:26"}}), w, out);
    op.endOfBatch(w, out);
    QCOMPARE(out.kept, (QStringList{QStringLiteral("a@00:40"), QStringLiteral("c@00:25")}));
    QCOMPARE(op.counters().lateRowsDropped, 1); // b at 10:00:15 is behind the watermark
    QCOMPARE(op.stateRows(), 2);       // b forgotten; a and c remembered
}

QTEST_GUILESS_MAIN(tst_Dedupe)
#include "tst_dedupe.moc"
