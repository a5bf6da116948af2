// SPDX-License-Identifier: GPL-3.0-or-later
// streamwright: the desktop app.
#include "CoreTranslator.h"
#include "ExampleLocator.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QEventLoop>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

int main(int argc, char **argv)
{
    // A screenshot needs no display: render offscreen when none is there.
    bool screenshot = false;
    for (int i = 1; i < argc; ++i)
        screenshot = screenshot || qstrcmp(argv[i], "--screenshot") == 0;
    if (screenshot && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Streamwright"));
    QApplication::setOrganizationName(QStringLiteral("Streamwright"));
    QApplication::setApplicationVersion(QStringLiteral(STREAMWRIGHT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("dev.streamwright.Streamwright"));

    QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (appTranslator.load(QLocale(), QStringLiteral("streamwright"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);
    sw::app::CoreTranslator coreTranslator;
    for (const QString &language : QLocale().uiLanguages()) {
        const QString ts = QStringLiteral(":/i18n/streamwright_%1.ts").arg(language.section(u'-', 0, 0));
        if (QFile::exists(ts) && coreTranslator.loadTs(ts)) {
            QApplication::installTranslator(&coreTranslator);
            break;
        }
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Design, run and watch Kafka stream pipelines."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QApplication::translate("main", "Render the window to a PNG file and exit."),
                                              QStringLiteral("OUT.png"));
    parser.addOption(screenshotOption);
    const QCommandLineOption selectOption(QStringLiteral("select"),
                                          QApplication::translate("main", "Select a node (its settings show in the inspector)."),
                                          QStringLiteral("NODE"));
    parser.addOption(selectOption);
    const QCommandLineOption runOption(QStringLiteral("run-for"),
                                       QApplication::translate("main", "With --screenshot: run the pipeline for S seconds first."),
                                       QStringLiteral("S"));
    parser.addOption(runOption);
    const QCommandLineOption dockOption(QStringLiteral("show-dock"),
                                        QApplication::translate("main", "With --screenshot: bring this dock to the front "
                                                                        "(problems, log, monitor, alerts, cluster, json)."),
                                        QStringLiteral("DOCK"));
    parser.addOption(dockOption);
    parser.addPositionalArgument(QStringLiteral("PIPELINE"),
                                 QApplication::translate("main", "A pipeline file to open (default: the trending-products example)."),
                                 QStringLiteral("[PIPELINE]"));
    parser.process(app);

    sw::app::MainWindow window;
    QString file = parser.positionalArguments().value(0);
    if (file.isEmpty())
        file = sw::app::ExampleLocator::workingCopy(sw::app::ExampleLocator::trendingProducts());
    if (!file.isEmpty() && !window.openFile(file) && parser.isSet(screenshotOption))
        return 1;

    if (parser.isSet(selectOption))
        window.selectNode(parser.value(selectOption));

    if (parser.isSet(screenshotOption)) {
        window.resize(1280, 800);
        window.show();
        QApplication::processEvents();
        window.fitPipeline(); // laid out and fitted, at the final window size
        if (parser.isSet(runOption)) {
            window.runPipeline();
            QEventLoop wait;
            QTimer::singleShot(int(parser.value(runOption).toDouble() * 1000), &wait, &QEventLoop::quit);
            wait.exec();
            window.fitPipeline();
        }
        if (parser.isSet(dockOption))
            window.raiseDock(parser.value(dockOption));
        QApplication::processEvents();
        const QString out = parser.value(screenshotOption);
        if (!window.grab().save(out)) {
            std::fprintf(stderr, "streamwright: cannot write %s\n", qPrintable(out));
            return 1;
        }
        return 0;
    }
    window.show();
    return QApplication::exec();
}
