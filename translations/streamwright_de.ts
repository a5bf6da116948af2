<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <source>Design, run and watch Kafka stream pipelines.</source>
        <translation>Kafka-Stream-Pipelines entwerfen, ausführen und überwachen.</translation>
    </message>
    <message>
        <source>Render the window to a PNG file and exit.</source>
        <translation>Das Fenster als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>A pipeline file to open (default: the trending-products example).</source>
        <translation>Zu öffnende Pipeline-Datei (Standard: das Beispiel trending-products).</translation>
    </message>
</context>
<context>
    <name>sw::app::MainWindow</name>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Example</source>
        <translation>&amp;Beispiel öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Streamwright</source>
        <translation>Ü&amp;ber Streamwright</translation>
    </message>
    <message>
        <source>About Streamwright</source>
        <translation>Über Streamwright</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Streamwright %1&lt;/h3&gt;&lt;p&gt;Design, run and watch Kafka stream pipelines.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Streamwright %1&lt;/h3&gt;&lt;p&gt;Kafka-Stream-Pipelines entwerfen, ausführen und überwachen.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Open Pipeline</source>
        <translation>Pipeline öffnen</translation>
    </message>
    <message>
        <source>Pipelines (*.json);;All files (*)</source>
        <translation>Pipelines (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Speichern nicht möglich</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Pipeline As</source>
        <translation>Pipeline speichern unter</translation>
    </message>
    <message>
        <source>Pipelines (*.json)</source>
        <translation>Pipelines (*.json)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The pipeline &quot;%1&quot; has unsaved changes. Save them?</source>
        <translation>Die Pipeline „%1“ hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>%1[*] — Streamwright</source>
        <translation>%1[*] — Streamwright</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit</source>
        <translation>&amp;Einpassen</translation>
    </message>
    <message>
        <source>&amp;Lay Out</source>
        <translation>&amp;Anordnen</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
</context>
<context>
    <name>sw::widgets::PaletteWidget</name>
    <message>
        <source>Filter node types</source>
        <translation>Knotentypen filtern</translation>
    </message>
</context>
<context>
    <name>sw::widgets::PipelineOutline</name>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>unknown node type</source>
        <translation>unbekannter Knotentyp</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n field(s))</source>
        <translation>
            <numerusform>%1 (%n Feld)</numerusform>
            <numerusform>%1 (%n Felder)</numerusform>
        </translation>
    </message>
    <message>
        <source>, event time</source>
        <translation>, Ereigniszeit</translation>
    </message>
</context>
<context>
    <name>sw::widgets::PipelineScene</name>
    <message>
        <source>a node cannot feed itself</source>
        <translation>ein Knoten kann sich nicht selbst speisen</translation>
    </message>
    <message>
        <source>these ports are already connected</source>
        <translation>diese Anschlüsse sind schon verbunden</translation>
    </message>
</context>
<context>
    <name>sw::widgets::PipelineView</name>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ProblemsModel</name>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
</TS>
