// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/NodeCatalog.h"
#include "palette/PaletteModel.h"
#include "palette/PaletteWidget.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace sw;

class tst_PaletteModel : public QObject
{
    Q_OBJECT
private slots:
    void categoriesHoldEveryType();
    void filterAndActivate();
};

void tst_PaletteModel::categoriesHoldEveryType()
{
    widgets::PaletteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Sources"));
    int types = 0;
    for (int c = 0; c < model.rowCount(); ++c)
        types += model.rowCount(model.index(c, 0));
    QCOMPARE(types, int(core::NodeCatalog::instance().types().size()));
    const QModelIndex join = model.index(0, 0, model.index(3, 0));
    QCOMPARE(join.data(widgets::PaletteModel::TypeIdRole).toString(), QStringLiteral("join.stream"));
    QVERIFY(join.data(Qt::ToolTipRole).toString().contains(QStringLiteral("event-time bound")));
    std::unique_ptr<QMimeData> mime(model.mimeData({join}));
    QCOMPARE(mime->data(QLatin1String(widgets::PaletteModel::kNodeTypeMimeType)), QByteArray("join.stream"));
    QVERIFY(!model.mimeData({model.index(3, 0)})); // a category drags nothing
}

void tst_PaletteModel::filterAndActivate()
{
    widgets::PaletteWidget palette;
    QSignalSpy activated(&palette, &widgets::PaletteWidget::typeActivated);
    palette.filter()->setText(QStringLiteral("sqlite"));
    QAbstractItemModel *shown = palette.tree()->model();
    int visible = 0;
    QModelIndex sqlite;
    for (int c = 0; c < shown->rowCount(); ++c) {
        for (int r = 0; r < shown->rowCount(shown->index(c, 0)); ++r) {
            ++visible;
            sqlite = shown->index(r, 0, shown->index(c, 0));
        }
    }
    QCOMPARE(visible, 1);
    QCOMPARE(sqlite.data(widgets::PaletteModel::TypeIdRole).toString(), QStringLiteral("sink.sqlite"));
    emit palette.tree()->activated(sqlite);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(0).toString(), QStringLiteral("sink.sqlite"));
}

QTEST_MAIN(tst_PaletteModel)
#include "tst_palettemodel.moc"
