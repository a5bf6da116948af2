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
    <message>
        <source>Select a node (its settings show in the inspector).</source>
        <translation>Einen Knoten auswählen (seine Einstellungen erscheinen im Inspektor).</translation>
    </message>
    <message>
        <source>With --screenshot: run the pipeline for S seconds first.</source>
        <translation>Mit --screenshot: die Pipeline vorher S Sekunden lang ausführen.</translation>
    </message>
    <message>
        <source>With --screenshot: bring this dock to the front (problems, log, monitor, alerts, cluster, json).</source>
        <translation>Mit --screenshot: dieses Dock nach vorn holen (problems, log, monitor, alerts, cluster, json).</translation>
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
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Run the pipeline in a runtime process (F5)</source>
        <translation>Die Pipeline in einem Laufzeitprozess ausführen (F5)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Step One &amp;Batch</source>
        <translation>Einen &amp;Batch ausführen</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>&amp;Demo Data on Embedded Brokers</source>
        <translation>&amp;Demodaten in eingebetteten Brokern</translation>
    </message>
    <message>
        <source>Run with problems?</source>
        <translation>Trotz Problemen ausführen?</translation>
    </message>
    <message numerus="yes">
        <source>The pipeline has %n error(s); the runtime will refuse it. Run anyway to see its message?</source>
        <translation>
            <numerusform>Die Pipeline hat %n Fehler; die Laufzeit wird sie ablehnen. Trotzdem ausführen, um ihre Meldung zu sehen?</numerusform>
            <numerusform>Die Pipeline hat %n Fehler; die Laufzeit wird sie ablehnen. Trotzdem ausführen, um ihre Meldung zu sehen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Stop the run?</source>
        <translation>Lauf stoppen?</translation>
    </message>
    <message>
        <source>The pipeline is running. Stop it and quit?</source>
        <translation>Die Pipeline läuft. Stoppen und beenden?</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <source>Streamwright</source>
        <translation>Streamwright</translation>
    </message>
    <message>
        <source>Critical alert in %1</source>
        <translation>Kritischer Alarm in %1</translation>
    </message>
    <message>
        <source>Critical alert: %1</source>
        <translation>Kritischer Alarm: %1</translation>
    </message>
    <message>
        <source>&amp;Attach to Runtime...</source>
        <translation>An Laufzeit &amp;anbinden …</translation>
    </message>
    <message>
        <source>Follow a pipeline running elsewhere (streamwright-cli run --listen HOST:PORT)</source>
        <translation>Einer anderswo laufenden Pipeline folgen (streamwright-cli run --listen HOST:PORT)</translation>
    </message>
    <message>
        <source>De&amp;tach</source>
        <translation>&amp;Lösen</translation>
    </message>
    <message>
        <source>Attach to Runtime</source>
        <translation>An Laufzeit anbinden</translation>
    </message>
    <message>
        <source>The control line a runtime prints when it starts, or its address and token:</source>
        <translation>Die Steuerzeile, die eine Laufzeit beim Start ausgibt, oder ihre Adresse und ihr Token:</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>Cannot attach</source>
        <translation>Anbinden nicht möglich</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a runtime&apos;s control address (http://HOST:PORT).</source>
        <translation>„%1“ ist keine Steueradresse einer Laufzeit (http://HOST:PORT).</translation>
    </message>
    <message>
        <source>The runtime sent a pipeline that cannot be read.</source>
        <translation>Die Laufzeit hat eine Pipeline gesendet, die nicht gelesen werden kann.</translation>
    </message>
    <message>
        <source>The run&apos;s history cannot be kept in %1: %2</source>
        <translation>Der Verlauf des Laufs kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>No run of this pipeline has been recorded yet.</source>
        <translation>Von dieser Pipeline wurde noch kein Lauf aufgezeichnet.</translation>
    </message>
    <message>
        <source>Run %1: %2, %3 – %4, %5</source>
        <translation>Lauf %1: %2, %3 – %4, %5</translation>
    </message>
    <message>
        <source>ended without a word (the app or the machine went down)</source>
        <translation>ohne Abschluss beendet (App oder Rechner ausgefallen)</translation>
    </message>
    <message>
        <source>Show the charts of:</source>
        <translation>Diagramme anzeigen von:</translation>
    </message>
    <message>
        <source>Showing %1 (history in %2)</source>
        <translation>Angezeigt: %1 (Verlauf in %2)</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Reset &amp;Checkpoint...</source>
        <translation>&amp;Checkpoint zurücksetzen …</translation>
    </message>
    <message>
        <source>Start the next run over: delete the checkpoint in runtime.checkpoint.dir</source>
        <translation>Den nächsten Lauf neu beginnen: den Checkpoint in runtime.checkpoint.dir löschen</translation>
    </message>
    <message>
        <source>Reset Checkpoint</source>
        <translation>Checkpoint zurücksetzen</translation>
    </message>
    <message>
        <source>This pipeline keeps no checkpoint: set runtime.checkpoint.dir (and save the file) for runs that resume where they stopped.</source>
        <translation>Diese Pipeline führt keinen Checkpoint: runtime.checkpoint.dir setzen (und die Datei speichern), damit Läufe dort weitermachen, wo sie gestoppt wurden.</translation>
    </message>
    <message>
        <source>There is no checkpoint in %1 yet: the next run starts from the sources&apos; startingOffsets.</source>
        <translation>In %1 gibt es noch keinen Checkpoint: der nächste Lauf beginnt bei den startingOffsets der Quellen.</translation>
    </message>
    <message>
        <source>Delete the checkpoint in %1?

The next run starts over: the sources from their startingOffsets, with no window, join or dedupe state. What the sinks hold stays.</source>
        <translation>Den Checkpoint in %1 löschen?

Der nächste Lauf beginnt neu: die Quellen bei ihren startingOffsets, ohne Fenster-, Join- oder Deduplizierungszustand. Was die Senken enthalten, bleibt.</translation>
    </message>
    <message>
        <source>Checkpoint deleted: the next run starts over</source>
        <translation>Checkpoint gelöscht: der nächste Lauf beginnt neu</translation>
    </message>
    <message>
        <source>While running, write generated shop events (user-events, purchase-events, orders) into the pipeline&apos;s embedded brokers</source>
        <translation>Während des Laufs erzeugte Shop-Ereignisse (user-events, purchase-events, orders) in die eingebetteten Broker der Pipeline schreiben</translation>
    </message>
    <message>
        <source>Debugger</source>
        <translation>Debugger</translation>
    </message>
    <message>
        <source>&amp;Debug</source>
        <translation>&amp;Debuggen</translation>
    </message>
    <message>
        <source>Run over recordings in the step debugger: step, go back, breakpoints, rows and state of every batch (Ctrl+F5)</source>
        <translation>Über Aufzeichnungen im Schritt-Debugger ausführen: Schritte, zurückgehen, Haltepunkte, Zeilen und Zustand jedes Batches (Strg+F5)</translation>
    </message>
    <message>
        <source>Open Recor&amp;ding...</source>
        <translation>Auf&amp;zeichnung öffnen...</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Recordings (*.swrec);;All files (*)</source>
        <translation>Aufzeichnungen (*.swrec);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Opened the recording %1 in the Cluster dock</source>
        <translation>Aufzeichnung %1 im Cluster-Dock geöffnet</translation>
    </message>
    <message>
        <source>Pipelines (*.json);;Recordings (*.swrec);;All files (*)</source>
        <translation>Pipelines (*.json);;Aufzeichnungen (*.swrec);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
</context>
<context>
    <name>sw::core</name>
    <message>
        <source>the field&apos;s type</source>
        <translation>der Typ des Felds</translation>
    </message>
    <message>
        <source>field name; dots reach into nested JSON (payload.user.id)</source>
        <translation>Feldname; Punkte greifen in verschachteltes JSON (payload.user.id)</translation>
    </message>
    <message>
        <source>event time and watermark; without it windows and joins downstream cannot run</source>
        <translation>Ereigniszeit und Watermark; ohne sie können nachfolgende Fenster und Joins nicht laufen</translation>
    </message>
    <message>
        <source>timestamp field holding event time; empty: the Kafka record timestamp</source>
        <translation>Zeitstempelfeld mit der Ereigniszeit; leer: der Zeitstempel des Kafka-Datensatzes</translation>
    </message>
    <message>
        <source>how late events may arrive</source>
        <translation>wie spät Ereignisse eintreffen dürfen</translation>
    </message>
    <message>
        <source>where the lookup table comes from</source>
        <translation>woher die Nachschlagetabelle kommt</translation>
    </message>
    <message>
        <source>the table&apos;s source</source>
        <translation>die Quelle der Tabelle</translation>
    </message>
    <message>
        <source>file of a sqlite, csv or jsonl table</source>
        <translation>Datei einer SQLite-, CSV- oder JSONL-Tabelle</translation>
    </message>
    <message>
        <source>table name in the SQLite database</source>
        <translation>Tabellenname in der SQLite-Datenbank</translation>
    </message>
    <message>
        <source>connection of a compacted topic</source>
        <translation>Verbindung eines kompaktierten Topics</translation>
    </message>
    <message>
        <source>compacted topic read as a table (latest value per key)</source>
        <translation>kompaktiertes Topic, als Tabelle gelesen (neuester Wert je Schlüssel)</translation>
    </message>
    <message>
        <source>rows to process</source>
        <translation>zu verarbeitende Zeilen</translation>
    </message>
    <message>
        <source>result rows</source>
        <translation>Ergebniszeilen</translation>
    </message>
    <message>
        <source>records that could not be decoded, with the reason</source>
        <translation>Datensätze, die nicht dekodiert werden konnten, mit dem Grund</translation>
    </message>
    <message>
        <source>Kafka source</source>
        <translation>Kafka-Quelle</translation>
    </message>
    <message>
        <source>Reads JSON records from Kafka topics.</source>
        <translation>Liest JSON-Datensätze aus Kafka-Topics.</translation>
    </message>
    <message>
        <source>the cluster to read from</source>
        <translation>der Cluster, aus dem gelesen wird</translation>
    </message>
    <message>
        <source>topics to subscribe to</source>
        <translation>zu abonnierende Topics</translation>
    </message>
    <message>
        <source>consumer group id; default: streamwright-&lt;pipeline&gt;-&lt;node&gt;</source>
        <translation>ID der Consumer-Gruppe; Standard: streamwright-&lt;pipeline&gt;-&lt;node&gt;</translation>
    </message>
    <message>
        <source>where a new group starts: earliest, latest or an ISO-8601 time</source>
        <translation>wo eine neue Gruppe beginnt: earliest, latest oder ein ISO-8601-Zeitpunkt</translation>
    </message>
    <message>
        <source>how record values are encoded</source>
        <translation>wie die Werte der Datensätze kodiert sind</translation>
    </message>
    <message>
        <source>the fields to decode from each record</source>
        <translation>die aus jedem Datensatz zu dekodierenden Felder</translation>
    </message>
    <message>
        <source>extra librdkafka consumer properties</source>
        <translation>zusätzliche librdkafka-Consumer-Eigenschaften</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>only these recorded topics; default: all</source>
        <translation>nur diese aufgezeichneten Topics; Standard: alle</translation>
    </message>
    <message>
        <source>Demo generator</source>
        <translation>Demo-Generator</translation>
    </message>
    <message>
        <source>Generates the e-commerce demo events.</source>
        <translation>Erzeugt die E-Commerce-Demoereignisse.</translation>
    </message>
    <message>
        <source>which demo stream</source>
        <translation>welcher Demo-Stream</translation>
    </message>
    <message>
        <source>events per second; 0: as fast as possible</source>
        <translation>Ereignisse pro Sekunde; 0: so schnell wie möglich</translation>
    </message>
    <message>
        <source>stop after this many events; 0: never</source>
        <translation>nach so vielen Ereignissen anhalten; 0: nie</translation>
    </message>
    <message>
        <source>random seed; the same seed gives the same events</source>
        <translation>Zufallsstartwert; derselbe Wert ergibt dieselben Ereignisse</translation>
    </message>
    <message>
        <source>share of events that arrive late</source>
        <translation>Anteil der Ereignisse, die verspätet eintreffen</translation>
    </message>
    <message>
        <source>event time of the first event (ISO-8601); default: when the run starts</source>
        <translation>Ereigniszeit des ersten Ereignisses (ISO-8601); Standard: Beginn des Laufs</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Keeps the rows for which a condition is true.</source>
        <translation>Behält die Zeilen, für die eine Bedingung wahr ist.</translation>
    </message>
    <message>
        <source>boolean expression; rows where it is false or NULL are dropped</source>
        <translation>boolescher Ausdruck; Zeilen, für die er falsch oder NULL ist, werden verworfen</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Computes new columns from expressions.</source>
        <translation>Berechnet neue Spalten aus Ausdrücken.</translation>
    </message>
    <message>
        <source>columns to compute, in order</source>
        <translation>zu berechnende Spalten, der Reihe nach</translation>
    </message>
    <message>
        <source>the column&apos;s name; an input column of that name is replaced</source>
        <translation>der Name der Spalte; eine Eingabespalte dieses Namens wird ersetzt</translation>
    </message>
    <message>
        <source>the expression computing it</source>
        <translation>der Ausdruck, der sie berechnet</translation>
    </message>
    <message>
        <source>keep the input columns before the new ones</source>
        <translation>die Eingabespalten vor den neuen behalten</translation>
    </message>
    <message>
        <source>input columns to leave out</source>
        <translation>wegzulassende Eingabespalten</translation>
    </message>
    <message>
        <source>Window aggregate</source>
        <translation>Fensteraggregation</translation>
    </message>
    <message>
        <source>Groups rows into event-time windows and aggregates them.</source>
        <translation>Gruppiert Zeilen in Ereigniszeit-Fenster und aggregiert sie.</translation>
    </message>
    <message>
        <source>rows that arrived behind the watermark</source>
        <translation>Zeilen, die hinter dem Watermark eintrafen</translation>
    </message>
    <message>
        <source>tumbling, sliding or session window</source>
        <translation>Tumbling-, Sliding- oder Session-Fenster</translation>
    </message>
    <message>
        <source>the window kind</source>
        <translation>die Fensterart</translation>
    </message>
    <message>
        <source>window length (tumbling, sliding)</source>
        <translation>Fensterlänge (tumbling, sliding)</translation>
    </message>
    <message>
        <source>how often a sliding window starts</source>
        <translation>wie oft ein gleitendes Fenster beginnt</translation>
    </message>
    <message>
        <source>inactivity that closes a session</source>
        <translation>Inaktivität, die eine Session schließt</translation>
    </message>
    <message>
        <source>fields to group by besides the window</source>
        <translation>Gruppierungsfelder neben dem Fenster</translation>
    </message>
    <message>
        <source>what to compute per window and group</source>
        <translation>was je Fenster und Gruppe berechnet wird</translation>
    </message>
    <message>
        <source>output column name</source>
        <translation>Name der Ausgabespalte</translation>
    </message>
    <message>
        <source>aggregate function</source>
        <translation>Aggregatfunktion</translation>
    </message>
    <message>
        <source>the value aggregated (not needed by count)</source>
        <translation>der aggregierte Wert (für count nicht nötig)</translation>
    </message>
    <message>
        <source>Stream join</source>
        <translation>Stream-Join</translation>
    </message>
    <message>
        <source>Joins two streams on keys within an event-time bound.</source>
        <translation>Verbindet zwei Streams über Schlüssel innerhalb einer Ereigniszeit-Grenze.</translation>
    </message>
    <message>
        <source>the left stream</source>
        <translation>der linke Stream</translation>
    </message>
    <message>
        <source>the right stream</source>
        <translation>der rechte Stream</translation>
    </message>
    <message>
        <source>which unmatched rows to keep</source>
        <translation>welche Zeilen ohne Treffer behalten werden</translation>
    </message>
    <message>
        <source>key pairs [left field, right field]</source>
        <translation>Schlüsselpaare [linkes Feld, rechtes Feld]</translation>
    </message>
    <message>
        <source>right.ts BETWEEN left.ts + from AND left.ts + to</source>
        <translation>right.ts BETWEEN left.ts + from AND left.ts + to</translation>
    </message>
    <message>
        <source>timestamp field of the left stream</source>
        <translation>Zeitstempelfeld des linken Streams</translation>
    </message>
    <message>
        <source>timestamp field of the right stream</source>
        <translation>Zeitstempelfeld des rechten Streams</translation>
    </message>
    <message>
        <source>lower bound after the left time (may be negative: -5m)</source>
        <translation>untere Grenze nach der linken Zeit (darf negativ sein: -5m)</translation>
    </message>
    <message>
        <source>upper bound after the left time</source>
        <translation>obere Grenze nach der linken Zeit</translation>
    </message>
    <message>
        <source>Lookup join</source>
        <translation>Lookup-Join</translation>
    </message>
    <message>
        <source>Enriches rows from a table (SQLite, CSV, JSON Lines or a compacted topic).</source>
        <translation>Reichert Zeilen aus einer Tabelle an (SQLite, CSV, JSON Lines oder ein kompaktiertes Topic).</translation>
    </message>
    <message>
        <source>left keeps rows without a match</source>
        <translation>left behält Zeilen ohne Treffer</translation>
    </message>
    <message>
        <source>key pairs [stream field, table field]</source>
        <translation>Schlüsselpaare [Stream-Feld, Tabellenfeld]</translation>
    </message>
    <message>
        <source>the table&apos;s columns</source>
        <translation>die Spalten der Tabelle</translation>
    </message>
    <message>
        <source>Union</source>
        <translation>Union</translation>
    </message>
    <message>
        <source>Merges streams with the same fields.</source>
        <translation>Führt Streams mit denselben Feldern zusammen.</translation>
    </message>
    <message>
        <source>streams to merge</source>
        <translation>zusammenzuführende Streams</translation>
    </message>
    <message>
        <source>Deduplicate</source>
        <translation>Deduplizieren</translation>
    </message>
    <message>
        <source>Drops rows whose key was already seen within a time bound.</source>
        <translation>Verwirft Zeilen, deren Schlüssel innerhalb einer Zeitgrenze schon gesehen wurde.</translation>
    </message>
    <message>
        <source>fields that identify a duplicate</source>
        <translation>Felder, die ein Duplikat erkennen</translation>
    </message>
    <message>
        <source>how long a key is remembered (event time)</source>
        <translation>wie lange ein Schlüssel gemerkt wird (Ereigniszeit)</translation>
    </message>
    <message>
        <source>Kafka sink</source>
        <translation>Kafka-Senke</translation>
    </message>
    <message>
        <source>Writes rows as JSON records to a Kafka topic.</source>
        <translation>Schreibt Zeilen als JSON-Datensätze in ein Kafka-Topic.</translation>
    </message>
    <message>
        <source>the cluster to write to</source>
        <translation>der Cluster, in den geschrieben wird</translation>
    </message>
    <message>
        <source>the topic to write to</source>
        <translation>das Ziel-Topic</translation>
    </message>
    <message>
        <source>expression for the record key; default: no key</source>
        <translation>Ausdruck für den Schlüssel des Datensatzes; Standard: kein Schlüssel</translation>
    </message>
    <message>
        <source>record compression</source>
        <translation>Kompression der Datensätze</translation>
    </message>
    <message>
        <source>extra librdkafka producer properties</source>
        <translation>zusätzliche librdkafka-Producer-Eigenschaften</translation>
    </message>
    <message>
        <source>SQLite sink</source>
        <translation>SQLite-Senke</translation>
    </message>
    <message>
        <source>Writes rows to a SQLite table, created from the schema.</source>
        <translation>Schreibt Zeilen in eine SQLite-Tabelle, die aus dem Schema angelegt wird.</translation>
    </message>
    <message>
        <source>the database file</source>
        <translation>die Datenbankdatei</translation>
    </message>
    <message>
        <source>the table to write to</source>
        <translation>die Zieltabelle</translation>
    </message>
    <message>
        <source>primary key fields (needed by upsert)</source>
        <translation>Primärschlüsselfelder (für upsert nötig)</translation>
    </message>
    <message>
        <source>append rows, or insert-or-replace by key</source>
        <translation>Zeilen anhängen oder nach Schlüssel einfügen oder ersetzen</translation>
    </message>
    <message>
        <source>File sink</source>
        <translation>Dateisenke</translation>
    </message>
    <message>
        <source>Appends rows to a JSON Lines or CSV file.</source>
        <translation>Hängt Zeilen an eine JSON-Lines- oder CSV-Datei an.</translation>
    </message>
    <message>
        <source>the output file</source>
        <translation>die Ausgabedatei</translation>
    </message>
    <message>
        <source>file format</source>
        <translation>Dateiformat</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Keeps the last rows in memory to look at in the app.</source>
        <translation>Hält die letzten Zeilen im Speicher, um sie in der App anzusehen.</translation>
    </message>
    <message>
        <source>how many recent rows to keep</source>
        <translation>wie viele der letzten Zeilen behalten werden</translation>
    </message>
    <message>
        <source>PostgreSQL sink</source>
        <translation>PostgreSQL-Senke</translation>
    </message>
    <message>
        <source>Writes rows to a PostgreSQL table.</source>
        <translation>Schreibt Zeilen in eine PostgreSQL-Tabelle.</translation>
    </message>
    <message>
        <source>connection string; put the password in ${env:NAME}</source>
        <translation>Verbindungszeichenfolge; das Passwort gehört in ${env:NAME}</translation>
    </message>
    <message>
        <source>append rows, or insert-or-update by key</source>
        <translation>Zeilen anhängen oder nach Schlüssel einfügen oder aktualisieren</translation>
    </message>
    <message>
        <source>Redis sink</source>
        <translation>Redis-Senke</translation>
    </message>
    <message>
        <source>Writes rows to Redis keys.</source>
        <translation>Schreibt Zeilen in Redis-Schlüssel.</translation>
    </message>
    <message>
        <source>host:port of the Redis server</source>
        <translation>host:port des Redis-Servers</translation>
    </message>
    <message>
        <source>expression giving each row&apos;s Redis key</source>
        <translation>Ausdruck für den Redis-Schlüssel jeder Zeile</translation>
    </message>
    <message>
        <source>hash: HSET the fields; string: SET the JSON row; list: RPUSH the JSON row</source>
        <translation>hash: HSET der Felder; string: SET der JSON-Zeile; list: RPUSH der JSON-Zeile</translation>
    </message>
    <message>
        <source>expire keys after this long; default: never</source>
        <translation>Schlüssel nach dieser Zeit verfallen lassen; Standard: nie</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>Transformationen</translation>
    </message>
    <message>
        <source>Windows and Aggregates</source>
        <translation>Fenster und Aggregate</translation>
    </message>
    <message>
        <source>Joins</source>
        <translation>Joins</translation>
    </message>
    <message>
        <source>Sinks</source>
        <translation>Senken</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a duration such as &quot;10s&quot;</source>
        <translation>eine Dauer wie „10s“</translation>
    </message>
    <message>
        <source>one of the choices</source>
        <translation>eine der Auswahlmöglichkeiten</translation>
    </message>
    <message>
        <source>an expression (a string)</source>
        <translation>ein Ausdruck (eine Zeichenkette)</translation>
    </message>
    <message>
        <source>a file path (a string)</source>
        <translation>ein Dateipfad (eine Zeichenkette)</translation>
    </message>
    <message>
        <source>a connection name (a string)</source>
        <translation>ein Verbindungsname (eine Zeichenkette)</translation>
    </message>
    <message>
        <source>a field name (a string)</source>
        <translation>ein Feldname (eine Zeichenkette)</translation>
    </message>
    <message>
        <source>a list of field names</source>
        <translation>eine Liste von Feldnamen</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>eine Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>a list of [left, right] field pairs</source>
        <translation>eine Liste von Feldpaaren [links, rechts]</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a list of objects</source>
        <translation>eine Liste von Objekten</translation>
    </message>
    <message>
        <source>an object of string values</source>
        <translation>ein Objekt mit Zeichenkettenwerten</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>, did you mean %1?</source>
        <translation>, meinten Sie %1?</translation>
    </message>
    <message>
        <source>the pipeline has no name; add &quot;name&quot;: &quot;my-pipeline&quot;</source>
        <translation>die Pipeline hat keinen Namen; ergänzen Sie &quot;name&quot;: &quot;my-pipeline&quot;</translation>
    </message>
    <message>
        <source>a kafka connection needs &quot;bootstrap&quot;: host:port of one or more brokers</source>
        <translation>eine Kafka-Verbindung braucht &quot;bootstrap&quot;: host:port eines oder mehrerer Broker</translation>
    </message>
    <message>
        <source>&quot;maxBatchRows&quot; must be at least 1</source>
        <translation>&quot;maxBatchRows&quot; muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>&quot;everyBatches&quot; must be at least 1</source>
        <translation>&quot;everyBatches&quot; muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>an alert must be an object</source>
        <translation>ein Alarm muss ein Objekt sein</translation>
    </message>
    <message>
        <source>the alert watches node &quot;%1&quot;, which does not exist</source>
        <translation>der Alarm beobachtet den Knoten „%1“, den es nicht gibt</translation>
    </message>
    <message>
        <source>an alert needs &quot;above&quot; or &quot;below&quot;: the threshold that makes it fire</source>
        <translation>ein Alarm braucht &quot;above&quot; oder &quot;below&quot;: die Schwelle, die ihn auslöst</translation>
    </message>
    <message>
        <source>a record whose event time is further ahead of its Kafka timestamp is a dead letter, not used for the watermark (one poison record would close every window); null: no limit</source>
        <translation>ein Datensatz, dessen Ereigniszeit weiter vor seinem Kafka-Zeitstempel liegt, ist unzustellbar und zählt nicht für die Watermark (ein vergifteter Datensatz würde jedes Fenster schließen); null: keine Grenze</translation>
    </message>
    <message>
        <source>what happens to records that cannot be decoded or used (dead letters)</source>
        <translation>was mit Datensätzen geschieht, die nicht dekodiert oder verwendet werden können (unzustellbare Datensätze)</translation>
    </message>
    <message>
        <source>route: to the &quot;dead&quot; edge, else to &quot;to&quot;, else to &lt;pipeline&gt;.dead-letters.jsonl; skip: count them and go on; stop: stop the run at the first one</source>
        <translation>route: an die Kante „dead“, sonst nach „to“, sonst nach &lt;pipeline&gt;.dead-letters.jsonl; skip: zählen und weitermachen; stop: den Lauf beim ersten stoppen</translation>
    </message>
    <message>
        <source>where dead letters are kept (besides a &quot;dead&quot; edge)</source>
        <translation>wo unzustellbare Datensätze aufbewahrt werden (neben einer Kante „dead“)</translation>
    </message>
    <message>
        <source>a JSON Lines file, a SQLite table or a Kafka topic</source>
        <translation>eine JSON-Lines-Datei, eine SQLite-Tabelle oder ein Kafka-Topic</translation>
    </message>
    <message>
        <source>the file, or the SQLite database</source>
        <translation>die Datei oder die SQLite-Datenbank</translation>
    </message>
    <message>
        <source>the SQLite table</source>
        <translation>die SQLite-Tabelle</translation>
    </message>
    <message>
        <source>the cluster of the topic</source>
        <translation>der Cluster des Topics</translation>
    </message>
    <message>
        <source>the Kafka topic</source>
        <translation>das Kafka-Topic</translation>
    </message>
    <message>
        <source>a larger record value is a dead letter, not decoded (one huge record must not stall the batch or exhaust memory)</source>
        <translation>ein größerer Datensatzwert ist unzustellbar und wird nicht dekodiert (ein riesiger Datensatz darf den Batch nicht aufhalten oder den Speicher erschöpfen)</translation>
    </message>
    <message>
        <source>one Kafka transaction per batch (transactional.id streamwright-&lt;pipeline&gt;-&lt;node&gt;): read_committed readers see a batch&apos;s rows all at once or not at all; needs a cluster with transactions</source>
        <translation>eine Kafka-Transaktion pro Batch (transactional.id streamwright-&lt;pipeline&gt;-&lt;node&gt;): read_committed-Leser sehen die Zeilen eines Batches ganz oder gar nicht; braucht einen Cluster mit Transaktionen</translation>
    </message>
    <message>
        <source>append: emit once when final; update: emit changed rows every batch; complete: the whole result table every batch (state is never dropped)</source>
        <translation>append: einmal ausgeben, wenn endgültig; update: geänderte Zeilen in jedem Batch ausgeben; complete: die ganze Ergebnistabelle in jedem Batch (der Zustand wird nie verworfen)</translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation>Aggregat</translation>
    </message>
    <message>
        <source>Running aggregates per group, without a window (totals, counts).</source>
        <translation>Laufende Aggregate je Gruppe, ohne Fenster (Summen, Zählungen).</translation>
    </message>
    <message>
        <source>fields to group by; with the event-time field among them, a group is final once the watermark passes it</source>
        <translation>Felder, nach denen gruppiert wird; ist das Ereigniszeitfeld darunter, ist eine Gruppe endgültig, sobald die Watermark sie überschreitet</translation>
    </message>
    <message>
        <source>what to compute per group</source>
        <translation>was je Gruppe berechnet wird</translation>
    </message>
    <message>
        <source>update: emit changed groups every batch; complete: every group every batch; append: each group once, when final (needs the event-time field in groupBy)</source>
        <translation>update: geänderte Gruppen in jedem Batch ausgeben; complete: jede Gruppe in jedem Batch; append: jede Gruppe einmal, wenn endgültig (braucht das Ereigniszeitfeld in groupBy)</translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation>Watermark</translation>
    </message>
    <message>
        <source>Declares the event time and how late rows may be, anywhere in the pipeline (Spark&apos;s withWatermark); rows dropped before it do not move the watermark.</source>
        <translation>Legt Ereigniszeit und erlaubte Verspätung an beliebiger Stelle der Pipeline fest (Sparks withWatermark); davor verworfene Zeilen verschieben die Watermark nicht.</translation>
    </message>
    <message>
        <source>the timestamp field that holds event time</source>
        <translation>das Zeitstempelfeld mit der Ereigniszeit</translation>
    </message>
    <message>
        <source>a further condition a pair must meet, over the joined fields (left_x and right_x where both sides have x); for an outer join, a row failing a part about its own side alone comes out at once with NULLs</source>
        <translation>eine weitere Bedingung, die ein Paar erfüllen muss, über die verbundenen Felder (left_x und right_x, wo beide Seiten x haben); bei einem Outer Join wird eine Zeile, die einen Teil nur über ihre eigene Seite nicht erfüllt, sofort mit NULLs ausgegeben</translation>
    </message>
    <message>
        <source>the element field&apos;s type</source>
        <translation>der Typ des Elementfelds</translation>
    </message>
    <message>
        <source>array&lt;object&gt;: the fields of each element (in the inspector: name type, name type)</source>
        <translation>array&lt;object&gt;: die Felder jedes Elements (im Inspektor: Name Typ, Name Typ)</translation>
    </message>
    <message>
        <source>the element field&apos;s name</source>
        <translation>der Name des Elementfelds</translation>
    </message>
    <message>
        <source>Explode</source>
        <translation>Explode</translation>
    </message>
    <message>
        <source>Makes a row of each element of an array field (order lines, sensor readings), as Spark&apos;s explode.</source>
        <translation>Macht aus jedem Element eines Array-Felds eine Zeile (Bestellpositionen, Sensormesswerte), wie Sparks explode.</translation>
    </message>
    <message>
        <source>the array field</source>
        <translation>das Array-Feld</translation>
    </message>
    <message>
        <source>the element&apos;s column (arrays of values); default: the array&apos;s name</source>
        <translation>die Spalte des Elements (Arrays von Werten); Standard: der Name des Arrays</translation>
    </message>
    <message>
        <source>put before the element fields of an array&lt;object&gt; (their names otherwise)</source>
        <translation>vor die Elementfelder eines array&lt;object&gt; gesetzt (sonst ihre Namen)</translation>
    </message>
    <message>
        <source>also a column of the element&apos;s position, from 0, named so (Spark&apos;s posexplode)</source>
        <translation>auch eine Spalte mit der Position des Elements, ab 0, so benannt (Sparks posexplode)</translation>
    </message>
    <message>
        <source>keep rows whose array is NULL or empty, with NULL elements (Spark&apos;s explode_outer)</source>
        <translation>Zeilen mit NULL- oder leerem Array behalten, mit NULL-Elementen (Sparks explode_outer)</translation>
    </message>
    <message>
        <source>Reads a recording (streamwright-cli record) in place of Kafka: its partitions, order and timestamps, in batches planned from the recording alone, so runs repeat exactly.</source>
        <translation>Liest eine Aufzeichnung (streamwright-cli record) anstelle von Kafka: ihre Partitionen, Reihenfolge und Zeitstempel, in Batches, die allein aus der Aufzeichnung geplant werden, sodass sich Läufe genau wiederholen.</translation>
    </message>
    <message>
        <source>the recording file (.swrec)</source>
        <translation>die Aufzeichnungsdatei (.swrec)</translation>
    </message>
    <message>
        <source>max: as fast as the pipeline takes it; recorded: at the recorded pace times speed</source>
        <translation>max: so schnell, wie die Pipeline sie aufnimmt; recorded: im aufgezeichneten Tempo mal speed</translation>
    </message>
    <message>
        <source>with pace recorded: times the recorded pace (2: twice as fast); each batch then holds trigger x speed of recorded time</source>
        <translation>bei pace recorded: das Vielfache des aufgezeichneten Tempos (2: doppelt so schnell); jeder Batch enthält dann trigger x speed aufgezeichnete Zeit</translation>
    </message>
    <message>
        <source>only Kafka sources have a consumer lag</source>
        <translation>nur Kafka-Quellen haben einen Consumer-Lag</translation>
    </message>
    <message>
        <source>only sources report it</source>
        <translation>nur Quellen melden sie</translation>
    </message>
    <message>
        <source>only windows, aggregates, joins and deduplication keep state</source>
        <translation>nur Fenster, Aggregate, Joins und Deduplizierung halten Zustand</translation>
    </message>
    <message>
        <source>a source takes no rows in: watch its rows_out</source>
        <translation>eine Quelle nimmt keine Zeilen an: ihr rows_out beobachten</translation>
    </message>
    <message>
        <source>%1 is measured for the whole pipeline, not for node &quot;%2&quot;: the alert watches the whole pipeline (leave &quot;node&quot; out to say so)</source>
        <translation>%1 wird für die ganze Pipeline gemessen, nicht für Knoten &quot;%2&quot;: der Alarm beobachtet die ganze Pipeline (&quot;node&quot; weglassen, um das zu sagen)</translation>
    </message>
    <message>
        <source>%1 of node &quot;%2&quot; is never reported, so the alert cannot fire: %3</source>
        <translation>%1 von Knoten &quot;%2&quot; wird nie gemeldet, der Alarm kann also nie auslösen: %3</translation>
    </message>
</context>
<context>
    <name>sw::core::AddEdgeCommand</name>
    <message>
        <source>Connect %1 to %2</source>
        <translation>%1 mit %2 verbinden</translation>
    </message>
</context>
<context>
    <name>sw::core::AddNodeCommand</name>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>sw::core::Duration</name>
    <message>
        <source>write a number and a unit: 500ms, 10s, 5m, 1h, 1d</source>
        <translation>schreiben Sie eine Zahl und eine Einheit: 500ms, 10s, 5m, 1h, 1d</translation>
    </message>
</context>
<context>
    <name>sw::core::GraphValidator</name>
    <message>
        <source>the node id is empty</source>
        <translation>die Knoten-ID ist leer</translation>
    </message>
    <message>
        <source>node id &quot;%1&quot; may only contain letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>die Knoten-ID „%1“ darf nur Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos; enthalten</translation>
    </message>
    <message>
        <source>duplicate node id &quot;%1&quot; (also used by /nodes/%2)</source>
        <translation>doppelte Knoten-ID „%1“ (auch von /nodes/%2 verwendet)</translation>
    </message>
    <message>
        <source>unknown node type &quot;%1&quot;%2</source>
        <translation>unbekannter Knotentyp „%1“%2</translation>
    </message>
    <message>
        <source>the edge refers to node &quot;%1&quot;, which does not exist%2</source>
        <translation>die Kante verweist auf den Knoten „%1“, den es nicht gibt%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a sink (%2) and has no output</source>
        <translation>„%1“ ist eine Senke (%2) und hat keine Ausgabe</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) has no output &quot;%3&quot;; its outputs are %4</source>
        <translation>„%1“ (%2) hat keine Ausgabe „%3“; seine Ausgaben sind %4</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a source (%2) and takes no input</source>
        <translation>„%1“ ist eine Quelle (%2) und nimmt keine Eingabe</translation>
    </message>
    <message>
        <source>edges into &quot;%1&quot; (%2) must name the port: %3</source>
        <translation>Kanten in „%1“ (%2) müssen den Anschluss nennen: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) has no input port &quot;%3&quot;; its ports are %4</source>
        <translation>„%1“ (%2) hat keinen Eingang „%3“; seine Anschlüsse sind %4</translation>
    </message>
    <message>
        <source>the same edge is already at /edges/%1</source>
        <translation>dieselbe Kante steht schon unter /edges/%1</translation>
    </message>
    <message>
        <source>input &quot;%1&quot; of &quot;%2&quot; already comes from &quot;%3&quot; (/edges/%4); to merge streams use a union node</source>
        <translation>Eingang „%1“ von „%2“ kommt schon von „%3“ (/edges/%4); zum Zusammenführen von Streams einen Union-Knoten verwenden</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) needs an input on port &quot;%3&quot;</source>
        <translation>„%1“ (%2) braucht eine Eingabe am Anschluss „%3“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) has no input; connect an edge to it</source>
        <translation>„%1“ (%2) hat keine Eingabe; verbinden Sie eine Kante damit</translation>
    </message>
    <message>
        <source>the output of &quot;%1&quot; goes nowhere; connect it to a sink</source>
        <translation>die Ausgabe von „%1“ führt nirgendwohin; verbinden Sie sie mit einer Senke</translation>
    </message>
    <message>
        <source>this edge closes a cycle: %1; pipelines must flow one way</source>
        <translation>diese Kante schließt einen Kreis: %1; Pipelines müssen in eine Richtung fließen</translation>
    </message>
    <message>
        <source>… %1 more …</source>
        <translation>… %1 weitere …</translation>
    </message>
</context>
<context>
    <name>sw::core::NodeCatalog</name>
    <message>
        <source>a Kafka cluster</source>
        <translation>ein Kafka-Cluster</translation>
    </message>
    <message>
        <source>embedded: a local broker started with the pipeline; kafka: a real cluster</source>
        <translation>embedded: ein lokaler Broker, der mit der Pipeline startet; kafka: ein echter Cluster</translation>
    </message>
    <message>
        <source>host:port[,host:port] of a real cluster</source>
        <translation>host:port[,host:port] eines echten Clusters</translation>
    </message>
    <message>
        <source>number of embedded brokers</source>
        <translation>Anzahl eingebetteter Broker</translation>
    </message>
    <message>
        <source>librdkafka client properties (security, ...)</source>
        <translation>librdkafka-Client-Eigenschaften (Sicherheit, …)</translation>
    </message>
    <message>
        <source>how the pipeline runs</source>
        <translation>wie die Pipeline läuft</translation>
    </message>
    <message>
        <source>micro-batch interval; 0s: as soon as the last batch ended</source>
        <translation>Micro-Batch-Intervall; 0s: sobald der letzte Batch endete</translation>
    </message>
    <message>
        <source>rows per batch at most</source>
        <translation>höchstens so viele Zeilen je Batch</translation>
    </message>
    <message>
        <source>where progress and state are saved</source>
        <translation>wo Fortschritt und Zustand gespeichert werden</translation>
    </message>
    <message>
        <source>checkpoint directory</source>
        <translation>Checkpoint-Verzeichnis</translation>
    </message>
    <message>
        <source>write a checkpoint every N batches</source>
        <translation>alle N Batches einen Checkpoint schreiben</translation>
    </message>
    <message>
        <source>an alert rule</source>
        <translation>eine Alarmregel</translation>
    </message>
    <message>
        <source>the metric watched</source>
        <translation>die beobachtete Metrik</translation>
    </message>
    <message>
        <source>the node whose metric is watched; empty: the pipeline</source>
        <translation>der Knoten, dessen Metrik beobachtet wird; leer: die Pipeline</translation>
    </message>
    <message>
        <source>fire when the metric is above this value</source>
        <translation>auslösen, wenn die Metrik über diesem Wert liegt</translation>
    </message>
    <message>
        <source>fire when the metric is below this value</source>
        <translation>auslösen, wenn die Metrik unter diesem Wert liegt</translation>
    </message>
    <message>
        <source>only after the condition held this long</source>
        <translation>erst wenn die Bedingung so lange galt</translation>
    </message>
    <message>
        <source>how urgent</source>
        <translation>wie dringend</translation>
    </message>
    <message>
        <source>command to run when it fires</source>
        <translation>Befehl, der beim Auslösen läuft</translation>
    </message>
    <message>
        <source>URL to POST the alert to</source>
        <translation>URL, an die der Alarm per POST geht</translation>
    </message>
    <message>
        <source>after a batch that moved the watermark, run one without input so that closed windows are emitted at once (Spark&apos;s noDataMicroBatches.enabled)</source>
        <translation>nach einem Batch, der das Watermark verschoben hat, einen ohne Eingabe ausführen, damit geschlossene Fenster sofort ausgegeben werden (Sparks noDataMicroBatches.enabled)</translation>
    </message>
</context>
<context>
    <name>sw::core::PipelineDocument</name>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n node(s)</source>
        <translation>
            <numerusform>%n Knoten löschen</numerusform>
            <numerusform>%n Knoten löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>%n Knoten verschieben</numerusform>
            <numerusform>%n Knoten verschieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>%1 von %2 ändern</translation>
    </message>
    <message>
        <source>Change settings of %1</source>
        <translation>Einstellungen von %1 ändern</translation>
    </message>
    <message>
        <source>Rename pipeline to %1</source>
        <translation>Pipeline in %1 umbenennen</translation>
    </message>
    <message>
        <source>Change connection %1</source>
        <translation>Verbindung %1 ändern</translation>
    </message>
    <message>
        <source>Remove connection %1</source>
        <translation>Verbindung %1 entfernen</translation>
    </message>
    <message>
        <source>Change runtime settings</source>
        <translation>Laufzeiteinstellungen ändern</translation>
    </message>
    <message>
        <source>Change alerts</source>
        <translation>Alarme ändern</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n node(s)</source>
        <translation>
            <numerusform>%n Knoten einfügen</numerusform>
            <numerusform>%n Knoten einfügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Use a recording for %1</source>
        <translation>Eine Aufzeichnung für %1 verwenden</translation>
    </message>
</context>
<context>
    <name>sw::core::PipelineFormat</name>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>a pipeline file holds a JSON object, not %1</source>
        <translation>eine Pipeline-Datei enthält ein JSON-Objekt, nicht %1</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a value</source>
        <translation>ein Wert</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>die Datei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>sw::core::Reader</name>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>%1 must be %2, not %3</source>
        <translation>%1 muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string, not %2</source>
        <translation>„%1“ muss eine Zeichenkette sein, nicht %2</translation>
    </message>
    <message>
        <source>the node has no &quot;id&quot;</source>
        <translation>der Knoten hat keine &quot;id&quot;</translation>
    </message>
    <message>
        <source>the node has no &quot;type&quot;</source>
        <translation>der Knoten hat keinen &quot;type&quot;</translation>
    </message>
    <message>
        <source>&quot;position&quot; must be [x, y], two numbers</source>
        <translation>&quot;position&quot; muss [x, y] sein, zwei Zahlen</translation>
    </message>
    <message>
        <source>the edge has no &quot;from&quot;</source>
        <translation>die Kante hat kein &quot;from&quot;</translation>
    </message>
    <message>
        <source>the edge has no &quot;to&quot;</source>
        <translation>die Kante hat kein &quot;to&quot;</translation>
    </message>
    <message>
        <source>the file has no &quot;format&quot;; add &quot;format&quot;: &quot;%1&quot;</source>
        <translation>die Datei hat kein &quot;format&quot;; ergänzen Sie &quot;format&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>this is not a Streamwright pipeline: &quot;format&quot; is %1, expected &quot;%2&quot;</source>
        <translation>das ist keine Streamwright-Pipeline: &quot;format&quot; ist %1, erwartet „%2“</translation>
    </message>
    <message>
        <source>the file was written by a newer Streamwright (format %1); this version reads format %2 and older: update Streamwright to open it</source>
        <translation>die Datei stammt von einem neueren Streamwright (Format %1); diese Version liest Format %2 und älter: aktualisieren Sie Streamwright, um sie zu öffnen</translation>
    </message>
    <message>
        <source>unknown format version &quot;%1&quot;</source>
        <translation>unbekannte Formatversion „%1“</translation>
    </message>
    <message>
        <source>a connection</source>
        <translation>eine Verbindung</translation>
    </message>
    <message>
        <source>a node</source>
        <translation>ein Knoten</translation>
    </message>
    <message>
        <source>an edge</source>
        <translation>eine Kante</translation>
    </message>
</context>
<context>
    <name>sw::core::RemoveEdgeCommand</name>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation>%1 von %2 trennen</translation>
    </message>
</context>
<context>
    <name>sw::core::RemoveNodeCommand</name>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
</context>
<context>
    <name>sw::core::RenameNodeCommand</name>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>sw::core::ReplacePipelineCommand</name>
    <message>
        <source>Edit JSON</source>
        <translation>JSON bearbeiten</translation>
    </message>
</context>
<context>
    <name>sw::core::SchemaInference</name>
    <message>
        <source>the predicate must be true or false for each row, but it gives %1; compare it with something, e.g. %2 &gt; 0</source>
        <translation>das Prädikat muss für jede Zeile wahr oder falsch sein, ergibt aber %1; vergleichen Sie es mit etwas, z. B. %2 &gt; 0</translation>
    </message>
    <message>
        <source>&quot;within&quot; must be longer than 0</source>
        <translation>&quot;within&quot; muss länger als 0 sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the name of a Kafka metadata column; choose another name</source>
        <translation>„%1“ ist der Name einer Kafka-Metadatenspalte; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>&quot;startingOffsets&quot; must be earliest, latest or a time like 2026-11-25T10:00:00Z, not &quot;%1&quot;</source>
        <translation>&quot;startingOffsets&quot; muss earliest, latest oder ein Zeitpunkt wie 2026-11-25T10:00:00Z sein, nicht „%1“</translation>
    </message>
    <message>
        <source>column &quot;%1&quot; is computed twice</source>
        <translation>die Spalte „%1“ wird zweimal berechnet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is only in &quot;%2&quot;</source>
        <translation>„%1“ gibt es nur in „%2“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2 in &quot;%3&quot; but %4 in &quot;%5&quot;</source>
        <translation>„%1“ ist %2 in „%3“, aber %4 in „%5“</translation>
    </message>
    <message>
        <source>the inputs of union &quot;%1&quot; have different fields: %2; make them equal with a map node</source>
        <translation>die Eingaben der Union „%1“ haben verschiedene Felder: %2; gleichen Sie sie mit einem Map-Knoten an</translation>
    </message>
    <message>
        <source>mode &quot;upsert&quot; needs &quot;key&quot;: the fields that identify a row, e.g. [&quot;window_start&quot;, &quot;product_id&quot;]</source>
        <translation>der Modus &quot;upsert&quot; braucht &quot;key&quot;: die Felder, die eine Zeile erkennen, z. B. [&quot;window_start&quot;, &quot;product_id&quot;]</translation>
    </message>
    <message>
        <source>&quot;rows&quot; must be at least 1</source>
        <translation>&quot;rows&quot; muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is declared twice</source>
        <translation>das Feld „%1“ ist zweimal deklariert</translation>
    </message>
    <message>
        <source>event time field &quot;%1&quot; is %2; it must be a timestamp (declare it with &quot;type&quot;: &quot;timestamp&quot;; ISO-8601 text and epoch milliseconds are both read)</source>
        <translation>das Ereigniszeitfeld „%1“ ist %2; es muss ein Zeitstempel sein (deklarieren Sie es mit &quot;type&quot;: &quot;timestamp&quot;; ISO-8601-Text und Epoch-Millisekunden werden beide gelesen)</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>der Eingabe</translation>
    </message>
    <message>
        <source>the %1 input</source>
        <translation>der Eingabe %1</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;%2 in %3; its fields are %4</source>
        <translation>unbekanntes Feld „%1“%2 in %3; ihre Felder sind %4</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) needs event time%3, and none reaches it: set &quot;eventTime&quot; on the source upstream, and keep that field through maps</source>
        <translation>„%1“ (%2) braucht Ereigniszeit%3, und keine erreicht ihn: setzen Sie &quot;eventTime&quot; an der Quelle davor und behalten Sie dieses Feld in Maps</translation>
    </message>
    <message>
        <source> on its &quot;%1&quot; input</source>
        <translation> an seinem Eingang „%1“</translation>
    </message>
    <message>
        <source>a %1 window needs &quot;%2&quot;</source>
        <translation>ein %1-Fenster braucht &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not apply to a %2 window; remove it</source>
        <translation>„%1“ gilt nicht für ein %2-Fenster; entfernen Sie es</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be longer than 0</source>
        <translation>„%1“ muss länger als 0 sein</translation>
    </message>
    <message>
        <source>&quot;slide&quot; (%1) must not be longer than &quot;size&quot; (%2), or rows would fall between windows</source>
        <translation>&quot;slide&quot; (%1) darf nicht länger als &quot;size&quot; (%2) sein, sonst fielen Zeilen zwischen die Fenster</translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears twice in the output</source>
        <translation>„%1“ kommt zweimal in der Ausgabe vor</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already an output column; give the aggregate another name</source>
        <translation>„%1“ ist schon eine Ausgabespalte; geben Sie dem Aggregat einen anderen Namen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs &quot;expr&quot;: the value to aggregate, e.g. a field name</source>
        <translation>„%1“ braucht &quot;expr&quot;: den zu aggregierenden Wert, z. B. einen Feldnamen</translation>
    </message>
    <message>
        <source>%1 needs a number, but the expression gives %2</source>
        <translation>%1 braucht eine Zahl, der Ausdruck ergibt aber %2</translation>
    </message>
    <message>
        <source>%1 of a boolean is not defined; CAST it to int</source>
        <translation>%1 eines booleschen Werts ist nicht definiert; wandeln Sie ihn mit CAST in int um</translation>
    </message>
    <message>
        <source>cannot join %1 &quot;%2&quot; with %3 &quot;%4&quot;; CAST one side in a map node first</source>
        <translation>%1 „%2“ kann nicht mit %3 „%4“ verbunden werden; wandeln Sie zuerst eine Seite in einem Map-Knoten mit CAST um</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; the time bound needs a timestamp field</source>
        <translation>„%1“ ist %2; die Zeitgrenze braucht ein Zeitstempelfeld</translation>
    </message>
    <message>
        <source>&quot;from&quot; must not be after &quot;to&quot;: no row could ever match</source>
        <translation>&quot;from&quot; darf nicht nach &quot;to&quot; liegen: keine Zeile könnte je passen</translation>
    </message>
    <message>
        <source>a %1 table needs &quot;%2&quot;</source>
        <translation>eine %1-Tabelle braucht &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a column of the table; declare it in &quot;schema&quot;</source>
        <translation>„%1“ ist keine Spalte der Tabelle; deklarieren Sie sie in &quot;schema&quot;</translation>
    </message>
    <message>
        <source>cannot join %1 &quot;%2&quot; with %3 &quot;%4&quot;</source>
        <translation>%1 „%2“ kann nicht mit %3 „%4“ verbunden werden</translation>
    </message>
    <message>
        <source>dead letters to a %1 need &quot;%2&quot;</source>
        <translation>unzustellbare Datensätze in eine(n) %1 brauchen „%2“</translation>
    </message>
    <message>
        <source>policy &quot;skip&quot; sends nothing to the &quot;dead&quot; edge to &quot;%1&quot;; use &quot;route&quot; to process the dead letters, or remove the edge</source>
        <translation>die Richtlinie „skip“ schickt nichts an die Kante „dead“ zu „%1“; „route“ verwenden, um die unzustellbaren Datensätze zu verarbeiten, oder die Kante entfernen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in the drop list; remove this entry</source>
        <translation>„%1“ steht schon in der drop-Liste; diesen Eintrag entfernen</translation>
    </message>
    <message>
        <source>a complete-mode result writes every row again each batch; without a key, readers of the topic cannot tell which record replaces which (a compacted topic keeps the latest per key); set &quot;key&quot;, e.g. to the group fields</source>
        <translation>ein Ergebnis im Modus complete schreibt in jedem Batch jede Zeile erneut; ohne Schlüssel können Leser des Topics nicht erkennen, welcher Datensatz welchen ersetzt (ein kompaktiertes Topic behält den neuesten je Schlüssel); setzen Sie &quot;key&quot;, z. B. auf die Gruppenfelder</translation>
    </message>
    <message>
        <source>append mode emits a group once it is final, and without the event-time field &quot;%1&quot; in groupBy no group ever is; add it to groupBy, or use update or complete</source>
        <translation>der Modus append gibt eine Gruppe aus, sobald sie endgültig ist, und ohne das Ereigniszeitfeld „%1“ in groupBy wird keine Gruppe je endgültig; nehmen Sie es in groupBy auf oder verwenden Sie update oder complete</translation>
    </message>
    <message>
        <source>append mode emits a group once it is final, which needs event time (none reaches this node) among the groupBy fields; use update or complete</source>
        <translation>der Modus append gibt eine Gruppe aus, sobald sie endgültig ist, wozu Ereigniszeit (keine erreicht diesen Knoten) unter den groupBy-Feldern nötig ist; verwenden Sie update oder complete</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; gets a complete-mode result (the whole table again every batch)%3 and would take its rows for new ones; use update mode upstream, or write the result to a sink</source>
        <translation>%1 „%2“ erhält ein Ergebnis im Modus complete (in jedem Batch erneut die ganze Tabelle)%3 und würde seine Zeilen für neue halten; verwenden Sie davor den Modus update oder schreiben Sie das Ergebnis in eine Senke</translation>
    </message>
    <message>
        <source> on its %1 input</source>
        <translation> an seinem Eingang %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; event time must be a timestamp (CAST it in a map node first, e.g. CAST(%1 AS timestamp))</source>
        <translation>„%1“ ist %2; Ereigniszeit muss ein Zeitstempel sein (zuerst in einem Map-Knoten umwandeln, z. B. CAST(%1 AS timestamp))</translation>
    </message>
    <message>
        <source>the condition must be true or false for each pair, but it gives %1</source>
        <translation>die Bedingung muss für jedes Paar wahr oder falsch sein, ergibt aber %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2; explode needs an array field (declare it in the source&apos;s schema as array&lt;string&gt;, array&lt;int&gt;, array&lt;double&gt; or array&lt;object&gt;, or make one with split())</source>
        <translation>„%1“ ist %2; explode braucht ein Array-Feld (im Schema der Quelle als array&lt;string&gt;, array&lt;int&gt;, array&lt;double&gt; oder array&lt;object&gt; deklarieren oder mit split() erzeugen)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; declares no element fields; give its schema entry &quot;fields&quot;</source>
        <translation>„%1“ deklariert keine Elementfelder; geben Sie seinem Schemaeintrag &quot;fields&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already a column; set &quot;%2&quot; to another name</source>
        <translation>„%1“ ist schon eine Spalte; setzen Sie &quot;%2&quot; auf einen anderen Namen</translation>
    </message>
    <message>
        <source>only an array&lt;object&gt; has element fields; &quot;fields&quot; is ignored</source>
        <translation>nur ein array&lt;object&gt; hat Elementfelder; &quot;fields&quot; wird ignoriert</translation>
    </message>
    <message>
        <source>an array&lt;object&gt; needs &quot;fields&quot;: the fields of its elements, e.g. [{&quot;name&quot;: &quot;sku&quot;, &quot;type&quot;: &quot;string&quot;}]</source>
        <translation>ein array&lt;object&gt; braucht &quot;fields&quot;: die Felder seiner Elemente, z. B. [{&quot;name&quot;: &quot;sku&quot;, &quot;type&quot;: &quot;string&quot;}]</translation>
    </message>
    <message>
        <source>an element field is a key of the element itself; &quot;%1&quot; cannot reach deeper</source>
        <translation>ein Elementfeld ist ein Schlüssel des Elements selbst; „%1“ kann nicht tiefer reichen</translation>
    </message>
    <message>
        <source>a lookup table&apos;s columns are single values; %1 cannot be read from a table</source>
        <translation>die Spalten einer Lookup-Tabelle sind Einzelwerte; %1 kann nicht aus einer Tabelle gelesen werden</translation>
    </message>
    <message>
        <source>&quot;speed&quot; must be above 0: 1 is the recorded pace, 2 twice as fast</source>
        <translation>&quot;speed&quot; muss größer als 0 sein: 1 ist das aufgezeichnete Tempo, 2 doppelt so schnell</translation>
    </message>
    <message>
        <source>&quot;speed&quot; applies with &quot;pace&quot;: &quot;recorded&quot;; at pace max the recording is read as fast as the pipeline takes it</source>
        <translation>&quot;speed&quot; gilt mit &quot;pace&quot;: &quot;recorded&quot;; bei pace max wird die Aufzeichnung so schnell gelesen, wie die Pipeline sie aufnimmt</translation>
    </message>
</context>
<context>
    <name>sw::core::SettingsValidator</name>
    <message>
        <source>missing required setting &quot;%1&quot;: %2</source>
        <translation>erforderliche Einstellung „%1“ fehlt: %2</translation>
    </message>
    <message>
        <source>unknown setting &quot;%1&quot;%2 (kept in the file, not used)</source>
        <translation>unbekannte Einstellung „%1“%2 (bleibt in der Datei, wird nicht verwendet)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2, not %3</source>
        <translation>„%1“ muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not be empty: %2</source>
        <translation>„%1“ darf nicht leer sein: %2</translation>
    </message>
    <message>
        <source>unknown connection &quot;%1&quot;: the pipeline defines no connections; add one under &quot;connections&quot;</source>
        <translation>unbekannte Verbindung „%1“: die Pipeline definiert keine Verbindungen; legen Sie eine unter &quot;connections&quot; an</translation>
    </message>
    <message>
        <source>unknown connection &quot;%1&quot;%2; defined: %3</source>
        <translation>unbekannte Verbindung „%1“%2; definiert: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not be negative</source>
        <translation>„%1“ darf nicht negativ sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a duration; %2</source>
        <translation>„%1“ ist keine Dauer; %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be one of %2, not %3%4</source>
        <translation>„%1“ muss eines von %2 sein, nicht %3%4</translation>
    </message>
    <message>
        <source>items of &quot;%1&quot; must be non-empty strings, not %2</source>
        <translation>Einträge von „%1“ müssen nicht leere Zeichenketten sein, nicht %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs at least one pair: %2</source>
        <translation>„%1“ braucht mindestens ein Paar: %2</translation>
    </message>
    <message>
        <source>each item of &quot;%1&quot; must be a pair of field names, like [&quot;user_id&quot;, &quot;user_id&quot;]</source>
        <translation>jeder Eintrag von „%1“ muss ein Paar von Feldnamen sein, etwa [&quot;user_id&quot;, &quot;user_id&quot;]</translation>
    </message>
    <message>
        <source>items of &quot;%1&quot; must be objects, not %2</source>
        <translation>Einträge von „%1“ müssen Objekte sein, nicht %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a string, number or boolean</source>
        <translation>„%1“ muss eine Zeichenkette, Zahl oder ein boolescher Wert sein</translation>
    </message>
    <message>
        <source>malformed reference in &quot;%1&quot;: write ${env:NAME} or ${keyring:NAME}</source>
        <translation>fehlerhafter Verweis in „%1“: schreiben Sie ${env:NAME} oder ${keyring:NAME}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks like a secret stored in the file; use ${env:NAME} or ${keyring:NAME} instead</source>
        <translation>„%1“ sieht nach einem Geheimnis in der Datei aus; verwenden Sie stattdessen ${env:NAME} oder ${keyring:NAME}</translation>
    </message>
</context>
<context>
    <name>sw::core::expr</name>
    <message>
        <source>the string in lower case</source>
        <translation>die Zeichenkette in Kleinbuchstaben</translation>
    </message>
    <message>
        <source>the string in upper case</source>
        <translation>die Zeichenkette in Großbuchstaben</translation>
    </message>
    <message>
        <source>the number of characters</source>
        <translation>die Anzahl der Zeichen</translation>
    </message>
    <message>
        <source>len characters from position pos (1-based; negative counts from the end)</source>
        <translation>len Zeichen ab Position pos (ab 1; negativ zählt vom Ende)</translation>
    </message>
    <message>
        <source>the same as substr</source>
        <translation>dasselbe wie substr</translation>
    </message>
    <message>
        <source>the arguments as text, joined; NULL if any is NULL</source>
        <translation>die Argumente als Text verkettet; NULL, wenn eines NULL ist</translation>
    </message>
    <message>
        <source>the string without leading and trailing spaces</source>
        <translation>die Zeichenkette ohne führende und abschließende Leerzeichen</translation>
    </message>
    <message>
        <source>the string without leading spaces</source>
        <translation>die Zeichenkette ohne führende Leerzeichen</translation>
    </message>
    <message>
        <source>the string without trailing spaces</source>
        <translation>die Zeichenkette ohne abschließende Leerzeichen</translation>
    </message>
    <message>
        <source>every occurrence of search replaced</source>
        <translation>jedes Vorkommen von search ersetzt</translation>
    </message>
    <message>
        <source>whether str begins with prefix</source>
        <translation>ob str mit prefix beginnt</translation>
    </message>
    <message>
        <source>whether str ends with suffix</source>
        <translation>ob str mit suffix endet</translation>
    </message>
    <message>
        <source>whether part occurs in str</source>
        <translation>ob part in str vorkommt</translation>
    </message>
    <message>
        <source>the first argument that is not NULL</source>
        <translation>das erste Argument, das nicht NULL ist</translation>
    </message>
    <message>
        <source>NULL when a equals b, otherwise a</source>
        <translation>NULL, wenn a gleich b ist, sonst a</translation>
    </message>
    <message>
        <source>then when cond is true, otherwise else</source>
        <translation>then, wenn cond wahr ist, sonst else</translation>
    </message>
    <message>
        <source>the largest argument, skipping NULLs</source>
        <translation>das größte Argument, NULLs übersprungen</translation>
    </message>
    <message>
        <source>the smallest argument, skipping NULLs</source>
        <translation>das kleinste Argument, NULLs übersprungen</translation>
    </message>
    <message>
        <source>the absolute value</source>
        <translation>der Betrag</translation>
    </message>
    <message>
        <source>x rounded half up to digits decimals</source>
        <translation>x kaufmännisch auf digits Nachkommastellen gerundet</translation>
    </message>
    <message>
        <source>the largest integer not above x</source>
        <translation>die größte ganze Zahl nicht über x</translation>
    </message>
    <message>
        <source>the smallest integer not below x</source>
        <translation>die kleinste ganze Zahl nicht unter x</translation>
    </message>
    <message>
        <source>the square root (NaN for negative x)</source>
        <translation>die Quadratwurzel (NaN für negatives x)</translation>
    </message>
    <message>
        <source>x raised to the power y</source>
        <translation>x hoch y</translation>
    </message>
    <message>
        <source>ts truncated to &apos;year&apos;, &apos;quarter&apos;, &apos;month&apos;, &apos;week&apos;, &apos;day&apos;, &apos;hour&apos;, &apos;minute&apos; or &apos;second&apos;</source>
        <translation>ts abgeschnitten auf &apos;year&apos;, &apos;quarter&apos;, &apos;month&apos;, &apos;week&apos;, &apos;day&apos;, &apos;hour&apos;, &apos;minute&apos; oder &apos;second&apos;</translation>
    </message>
    <message>
        <source>the year (UTC)</source>
        <translation>das Jahr (UTC)</translation>
    </message>
    <message>
        <source>the month, 1 to 12 (UTC)</source>
        <translation>der Monat, 1 bis 12 (UTC)</translation>
    </message>
    <message>
        <source>the day of the month (UTC)</source>
        <translation>der Tag im Monat (UTC)</translation>
    </message>
    <message>
        <source>the hour, 0 to 23 (UTC)</source>
        <translation>die Stunde, 0 bis 23 (UTC)</translation>
    </message>
    <message>
        <source>the minute, 0 to 59</source>
        <translation>die Minute, 0 bis 59</translation>
    </message>
    <message>
        <source>the second, 0 to 59</source>
        <translation>die Sekunde, 0 bis 59</translation>
    </message>
    <message>
        <source>milliseconds since 1970-01-01 UTC</source>
        <translation>Millisekunden seit 1970-01-01 UTC</translation>
    </message>
    <message>
        <source>the timestamp ms milliseconds after 1970-01-01 UTC</source>
        <translation>der Zeitstempel ms Millisekunden nach 1970-01-01 UTC</translation>
    </message>
    <message>
        <source>the expression nests more than %1 levels deep; split it into steps (a map node that computes a part, then this expression over that column)</source>
        <translation>der Ausdruck ist mehr als %1 Ebenen tief verschachtelt; in Schritte aufteilen (ein Map-Knoten, der einen Teil berechnet, dann dieser Ausdruck über dieser Spalte)</translation>
    </message>
    <message>
        <source>the parts of str between matches of the regular expression, as an array&lt;string&gt;</source>
        <translation>die Teile von str zwischen Treffern des regulären Ausdrucks, als array&lt;string&gt;</translation>
    </message>
    <message>
        <source>the number of elements; -1 for NULL (Spark&apos;s default)</source>
        <translation>die Anzahl der Elemente; -1 für NULL (Sparks Standard)</translation>
    </message>
    <message>
        <source>the element at index, from 1; negative counts from the end; NULL beyond the end</source>
        <translation>das Element an Position index, ab 1; negativ zählt vom Ende; NULL hinter dem Ende</translation>
    </message>
    <message>
        <source>whether the array has an element equal to value (NULL when not, but it has a NULL)</source>
        <translation>ob das Array ein Element gleich value hat (NULL, wenn nicht, es aber ein NULL enthält)</translation>
    </message>
</context>
<context>
    <name>sw::core::expr::Checker</name>
    <message>
        <source>&apos;%1&apos; is not a timestamp; write it as &apos;2026-11-25T10:00:00Z&apos;</source>
        <translation>&apos;%1&apos; ist kein Zeitstempel; schreiben Sie ihn als &apos;2026-11-25T10:00:00Z&apos;</translation>
    </message>
    <message>
        <source>cannot compare %1 with %2 in %3</source>
        <translation>%1 kann in %3 nicht mit %2 verglichen werden</translation>
    </message>
    <message>
        <source>%1 needs a boolean, got %2</source>
        <translation>%1 braucht einen booleschen Wert, bekam %2</translation>
    </message>
    <message>
        <source>unknown column &apos;%1&apos;%2</source>
        <translation>unbekannte Spalte &apos;%1&apos;%2</translation>
    </message>
    <message>
        <source>unary minus needs a number, got %1</source>
        <translation>das unäre Minus braucht eine Zahl, bekam %1</translation>
    </message>
    <message>
        <source>LIKE needs strings, got %1</source>
        <translation>LIKE braucht Zeichenketten, bekam %1</translation>
    </message>
    <message>
        <source>cannot cast %1 to %2</source>
        <translation>%1 kann nicht in %2 umgewandelt werden</translation>
    </message>
    <message>
        <source>; to join strings use || or concat()</source>
        <translation>; Zeichenketten verbindet man mit || oder concat()</translation>
    </message>
    <message>
        <source>; for time arithmetic use unix_millis() and timestamp_millis()</source>
        <translation>; für Zeitrechnung unix_millis() und timestamp_millis() verwenden</translation>
    </message>
    <message>
        <source>operator %1 needs numbers, got %2 and %3%4</source>
        <translation>der Operator %1 braucht Zahlen, bekam %2 und %3%4</translation>
    </message>
    <message>
        <source>CASE results have different types: %1 and %2</source>
        <translation>die Ergebnisse von CASE haben verschiedene Typen: %1 und %2</translation>
    </message>
    <message>
        <source>unknown function &apos;%1&apos;%2</source>
        <translation>unbekannte Funktion &apos;%1&apos;%2</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 takes %2 argument(s), got %3; use %4</source>
        <translation>%1 nimmt %2 Argument(e), bekam %3; verwenden Sie %4</translation>
    </message>
    <message>
        <source>argument %1 of %2 must be %3, got %4</source>
        <translation>Argument %1 von %2 muss %3 sein, bekam %4</translation>
    </message>
    <message>
        <source>arguments of %1 have different types: %2 and %3</source>
        <translation>die Argumente von %1 haben verschiedene Typen: %2 und %3</translation>
    </message>
    <message>
        <source>, did you mean %1 (both sides of the join have it)?</source>
        <translation>, meinten Sie %1 (beide Seiten des Joins haben es)?</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>array_contains() looks for a value of the array&apos;s element type (%1), got %2</source>
        <translation>array_contains() sucht einen Wert vom Elementtyp des Arrays (%1), erhielt %2</translation>
    </message>
    <message>
        <source>objects, which it cannot compare</source>
        <translation>Objekte, die es nicht vergleichen kann</translation>
    </message>
    <message>
        <source>%1 of an array&lt;object&gt; is not a value an expression can hold; explode the array and use its fields</source>
        <translation>%1 eines array&lt;object&gt; ist kein Wert, den ein Ausdruck halten kann; verwenden Sie explode und dessen Felder</translation>
    </message>
    <message>
        <source>arrays are not compared in %1; compare their elements (element_at, array_contains) or their sizes (size)</source>
        <translation>Arrays werden in %1 nicht verglichen; vergleichen Sie ihre Elemente (element_at, array_contains) oder ihre Größen (size)</translation>
    </message>
</context>
<context>
    <name>sw::core::expr::ExprError</name>
    <message>
        <source>at column %1: %2</source>
        <translation>in Spalte %1: %2</translation>
    </message>
</context>
<context>
    <name>sw::core::expr::Functions</name>
    <message>
        <source>a value</source>
        <translation>ein Wert</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>an int</source>
        <translation>eine ganze Zahl (int)</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <source>a timestamp</source>
        <translation>ein Zeitstempel</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
</context>
<context>
    <name>sw::core::expr::Lexer</name>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; ist keine Zahl</translation>
    </message>
    <message>
        <source>string literal is not closed: add %1</source>
        <translation>die Zeichenkette ist nicht geschlossen: ergänzen Sie %1</translation>
    </message>
    <message>
        <source>quoted name is not closed: add `</source>
        <translation>der Name in Anführungszeichen ist nicht geschlossen: ergänzen Sie `</translation>
    </message>
    <message>
        <source>empty quoted name</source>
        <translation>leerer Name in Anführungszeichen</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>sw::core::expr::ParserImpl</name>
    <message>
        <source>the expression is empty</source>
        <translation>der Ausdruck ist leer</translation>
    </message>
    <message>
        <source>unexpected %1 after the end of the expression</source>
        <translation>unerwartetes %1 nach dem Ende des Ausdrucks</translation>
    </message>
    <message>
        <source>end of expression</source>
        <translation>Ende des Ausdrucks</translation>
    </message>
    <message>
        <source>string &apos;%1&apos;</source>
        <translation>Zeichenkette &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected &apos;%1&apos; %2 but found %3</source>
        <translation>&apos;%1&apos; erwartet %2, aber %3 gefunden</translation>
    </message>
    <message>
        <source>expected %1 %2 but found %3</source>
        <translation>%1 erwartet %2, aber %3 gefunden</translation>
    </message>
    <message>
        <source>after IS</source>
        <translation>nach IS</translation>
    </message>
    <message>
        <source>after IN</source>
        <translation>nach IN</translation>
    </message>
    <message>
        <source>IN needs at least one value</source>
        <translation>IN braucht mindestens einen Wert</translation>
    </message>
    <message>
        <source>to close the IN list</source>
        <translation>zum Schließen der IN-Liste</translation>
    </message>
    <message>
        <source>in BETWEEN ... AND ...</source>
        <translation>in BETWEEN … AND …</translation>
    </message>
    <message>
        <source>the expression ends too early: a value is missing</source>
        <translation>der Ausdruck endet zu früh: ein Wert fehlt</translation>
    </message>
    <message>
        <source>integer %1 is too large (at most 9223372036854775807)</source>
        <translation>die ganze Zahl %1 ist zu groß (höchstens 9223372036854775807)</translation>
    </message>
    <message>
        <source>to close &apos;(&apos;</source>
        <translation>zum Schließen von &apos;(&apos;</translation>
    </message>
    <message>
        <source>unexpected %1: a value, column or function is expected here</source>
        <translation>unerwartetes %1: hier wird ein Wert, eine Spalte oder eine Funktion erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a timestamp; write it as &apos;2026-11-25T10:00:00Z&apos;</source>
        <translation>&apos;%1&apos; ist kein Zeitstempel; schreiben Sie ihn als &apos;2026-11-25T10:00:00Z&apos;</translation>
    </message>
    <message>
        <source>unexpected keyword %1: a value, column or function is expected here</source>
        <translation>unerwartetes Schlüsselwort %1: hier wird ein Wert, eine Spalte oder eine Funktion erwartet</translation>
    </message>
    <message>
        <source>a field name is expected after &apos;.&apos;</source>
        <translation>nach &apos;.&apos; wird ein Feldname erwartet</translation>
    </message>
    <message>
        <source>to close the arguments of %1()</source>
        <translation>zum Schließen der Argumente von %1()</translation>
    </message>
    <message>
        <source>CASE needs at least one WHEN ... THEN ...</source>
        <translation>CASE braucht mindestens ein WHEN … THEN …</translation>
    </message>
    <message>
        <source>after the WHEN condition</source>
        <translation>nach der WHEN-Bedingung</translation>
    </message>
    <message>
        <source>to close CASE</source>
        <translation>zum Schließen von CASE</translation>
    </message>
    <message>
        <source>after CAST</source>
        <translation>nach CAST</translation>
    </message>
    <message>
        <source>in CAST(value AS type)</source>
        <translation>in CAST(Wert AS Typ)</translation>
    </message>
    <message>
        <source>unknown type %1; use one of %2</source>
        <translation>unbekannter Typ %1; verwenden Sie einen von %2</translation>
    </message>
    <message>
        <source>to close CAST(</source>
        <translation>zum Schließen von CAST(</translation>
    </message>
</context>
<context>
    <name>sw::widgets</name>
    <message>
        <source>lag %1</source>
        <translation>Lag %1</translation>
    </message>
    <message>
        <source>lag %1 (%2)</source>
        <translation>Lag %1 (%2)</translation>
    </message>
    <message>
        <source>dead letters %1</source>
        <translation>unzustellbar %1</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>state %1 rows</source>
        <translation>Zustand %1 Zeilen</translation>
    </message>
    <message>
        <source>watermark %1</source>
        <translation>Watermark %1</translation>
    </message>
    <message>
        <source>late %1</source>
        <translation>verspätet %1</translation>
    </message>
    <message>
        <source>cannot reach its cluster</source>
        <translation>erreicht seinen Cluster nicht</translation>
    </message>
    <message>
        <source>to %1, table %2</source>
        <translation>nach %1, Tabelle %2</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>nach %1</translation>
    </message>
    <message>
        <source>to topic %1</source>
        <translation>nach Topic %1</translation>
    </message>
    <message>
        <source>rows in the Data dock</source>
        <translation>Zeilen im Daten-Dock</translation>
    </message>
    <message>
        <source>wrote %1 rows</source>
        <translation>%1 Zeilen geschrieben</translation>
    </message>
    <message>
        <source>nothing read for %1 s</source>
        <translation>seit %1 s nichts gelesen</translation>
    </message>
</context>
<context>
    <name>sw::widgets::AlertsPanel</name>
    <message>
        <source>&lt;b&gt;Rules&lt;/b&gt; (saved in the pipeline file; the runtime evaluates them)</source>
        <translation>&lt;b&gt;Regeln&lt;/b&gt; (in der Pipeline-Datei gespeichert; die Laufzeit wertet sie aus)</translation>
    </message>
    <message>
        <source>Consumer-lag status: not running</source>
        <translation>Consumer-Lag-Status: läuft nicht</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>aufgehoben</translation>
    </message>
    <message>
        <source>Consumer-lag status: no Kafka sources</source>
        <translation>Consumer-Lag-Status: keine Kafka-Quellen</translation>
    </message>
    <message>
        <source>Consumer-lag status: %1</source>
        <translation>Consumer-Lag-Status: %1</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ChoiceEditor</name>
    <message>
        <source>(choose)</source>
        <translation>(auswählen)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ClusterExplorer</name>
    <message>
        <source>Cluster:</source>
        <translation>Cluster:</translation>
    </message>
    <message>
        <source>a connection, or host:port of any broker</source>
        <translation>eine Verbindung oder host:port eines beliebigen Brokers</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Rate/s</source>
        <translation>Rate/s</translation>
    </message>
    <message>
        <source>Offsets</source>
        <translation>Offsets</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>from the beginning</source>
        <translation>vom Anfang</translation>
    </message>
    <message>
        <source>the last</source>
        <translation>die letzten</translation>
    </message>
    <message>
        <source>from offset</source>
        <translation>ab Offset</translation>
    </message>
    <message>
        <source>from time</source>
        <translation>ab Zeitpunkt</translation>
    </message>
    <message>
        <source>offset, or 2026-11-25T10:00:00Z</source>
        <translation>Offset oder 2026-11-25T10:00:00Z</translation>
    </message>
    <message>
        <source> per partition</source>
        <translation> je Partition</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partition</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>by key</source>
        <translation>nach Schlüssel</translation>
    </message>
    <message>
        <source>name=value, name=value</source>
        <translation>name=wert, name=wert</translation>
    </message>
    <message>
        <source>Produce</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>consumer group</source>
        <translation>Consumer-Gruppe</translation>
    </message>
    <message>
        <source>List Groups</source>
        <translation>Gruppen auflisten</translation>
    </message>
    <message>
        <source>Show Lag</source>
        <translation>Lag anzeigen</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Consumer Group</source>
        <translation>Consumer-Gruppe</translation>
    </message>
    <message>
        <source>Connect to a cluster first.</source>
        <translation>Zuerst mit einem Cluster verbinden.</translation>
    </message>
    <message>
        <source>Choose a connection or type host:port.</source>
        <translation>Eine Verbindung wählen oder host:port eingeben.</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>%n Partition</numerusform>
            <numerusform>%n Partitionen</numerusform>
        </translation>
    </message>
    <message>
        <source>partition %1</source>
        <translation>Partition %1</translation>
    </message>
    <message>
        <source>%1 – %2, leader %3</source>
        <translation>%1 – %2, Leader %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an offset.</source>
        <translation>„%1“ ist kein Offset.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time; write 2026-11-25T10:00:00Z.</source>
        <translation>„%1“ ist kein Zeitpunkt; schreiben Sie 2026-11-25T10:00:00Z.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of %1.</source>
        <translation>
            <numerusform>%n Nachricht von %1.</numerusform>
            <numerusform>%n Nachrichten von %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>partition %1, offset %2</source>
        <translation>Partition %1, Offset %2</translation>
    </message>
    <message>
        <source>, key %1</source>
        <translation>, Schlüssel %1</translation>
    </message>
    <message>
        <source>Name the topic to produce to.</source>
        <translation>Nennen Sie das Ziel-Topic.</translation>
    </message>
    <message>
        <source>Headers are name=value pairs, not &quot;%1&quot;.</source>
        <translation>Header sind name=wert-Paare, nicht „%1“.</translation>
    </message>
    <message>
        <source>Produced one message to %1.</source>
        <translation>Eine Nachricht an %1 gesendet.</translation>
    </message>
    <message>
        <source>Cannot produce to %1: %2</source>
        <translation>Senden an %1 nicht möglich: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n consumer group(s).</source>
        <translation>
            <numerusform>%n Consumer-Gruppe.</numerusform>
            <numerusform>%n Consumer-Gruppen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the consumer group&apos;s name.</source>
        <translation>Geben Sie den Namen der Consumer-Gruppe ein.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Group %1: total lag %2 over %3 partitions with committed offsets</source>
        <translation>Gruppe %1: Lag gesamt %2 über %3 Partitionen mit bestätigten Offsets</translation>
    </message>
    <message>
        <source>Profiles...</source>
        <translation>Profile …</translation>
    </message>
    <message>
        <source>Clusters of your own, with SASL/SSL settings; passwords in the desktop keyring</source>
        <translation>Eigene Cluster mit SASL/SSL-Einstellungen; Passwörter im Schlüsselbund des Desktops</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>profile %1 (%2)</source>
        <translation>Profil %1 (%2)</translation>
    </message>
    <message>
        <source>No connection profiles.</source>
        <translation>Keine Verbindungsprofile.</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Beobachten</translation>
    </message>
    <message>
        <source>Refresh every 2 seconds and chart the lag</source>
        <translation>Alle 2 Sekunden aktualisieren und den Lag aufzeichnen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Burrow&apos;s evaluation of the partition&apos;s last commits: OK, WARN (falling behind), STALL (not moving), STOP (no commits for longer than the window spans)</source>
        <translation>Burrows Bewertung der letzten Commits der Partition: OK, WARN (fällt zurück), STALL (bewegt sich nicht), STOP (keine Commits länger als das Fenster reicht)</translation>
    </message>
    <message>
        <source>Total lag of the group (messages)</source>
        <translation>Gesamt-Lag der Gruppe (Nachrichten)</translation>
    </message>
    <message>
        <source>no commits</source>
        <translation>keine Commits</translation>
    </message>
    <message>
        <source>Open Recording...</source>
        <translation>Aufzeichnung öffnen...</translation>
    </message>
    <message>
        <source>Browse a recording (.swrec) as you browse a cluster&apos;s topics</source>
        <translation>Eine Aufzeichnung (.swrec) durchsehen wie die Topics eines Clusters</translation>
    </message>
    <message>
        <source>Every partition of each checked topic is recorded</source>
        <translation>Jede Partition jedes angehakten Topics wird aufgezeichnet</translation>
    </message>
    <message>
        <source>new messages only</source>
        <translation>nur neue Nachrichten</translation>
    </message>
    <message>
        <source>2026-11-25T10:00:00Z</source>
        <translation>2026-11-25T10:00:00Z</translation>
    </message>
    <message>
        <source>when I press Stop</source>
        <translation>wenn ich Stopp drücke</translation>
    </message>
    <message>
        <source>when idle for (s)</source>
        <translation>nach Ruhe von (s)</translation>
    </message>
    <message>
        <source>after records</source>
        <translation>nach Datensätzen</translation>
    </message>
    <message>
        <source>after seconds</source>
        <translation>nach Sekunden</translation>
    </message>
    <message>
        <source>chosen when you press Record</source>
        <translation>wird beim Drücken von Aufzeichnen gewählt</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Wählen...</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Aufzeichnen</translation>
    </message>
    <message>
        <source>Browse the Recording</source>
        <translation>Aufzeichnung durchsehen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Check the topics to record, then press Record.</source>
        <translation>Die aufzuzeichnenden Topics anhaken, dann Aufzeichnen drücken.</translation>
    </message>
    <message>
        <source>Recorded up to</source>
        <translation>Aufgezeichnet bis</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>Aufzeichnen nach</translation>
    </message>
    <message>
        <source>Recordings (*.swrec)</source>
        <translation>Aufzeichnungen (*.swrec)</translation>
    </message>
    <message>
        <source>Open Recording</source>
        <translation>Aufzeichnung öffnen</translation>
    </message>
    <message>
        <source>Recordings (*.swrec);;All files (*)</source>
        <translation>Aufzeichnungen (*.swrec);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Browse %1</source>
        <translation>%1 durchsehen</translation>
    </message>
    <message>
        <source>Record %1...</source>
        <translation>%1 aufzeichnen...</translation>
    </message>
    <message>
        <source>A recording is open: connect to a cluster for this.</source>
        <translation>Eine Aufzeichnung ist geöffnet: dafür mit einem Cluster verbinden.</translation>
    </message>
    <message>
        <source> (incomplete: still being recorded, or the recorder stopped early)</source>
        <translation> (unvollständig: wird noch aufgezeichnet, oder die Aufzeichnung endete vorzeitig)</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>recorded %1, starting at %2</source>
        <translation>aufgezeichnet %1, ab %2</translation>
    </message>
    <message>
        <source>messages of %1 – %2</source>
        <translation>Nachrichten von %1 – %2</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>keine Datensätze</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Connect to a cluster to record from it</source>
        <translation>Zum Aufzeichnen mit einem Cluster verbinden</translation>
    </message>
    <message>
        <source>Check at least one topic to record.</source>
        <translation>Mindestens ein Topic zum Aufzeichnen anhaken.</translation>
    </message>
    <message>
        <source>Replace the Recording?</source>
        <translation>Aufzeichnung ersetzen?</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert. Ersetzen?</translation>
    </message>
    <message>
        <source>A recording is running; stop it first.</source>
        <translation>Eine Aufzeichnung läuft; erst stoppen.</translation>
    </message>
    <message>
        <source>Connect to a cluster to record from it.</source>
        <translation>Zum Aufzeichnen mit einem Cluster verbinden.</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Wird gestoppt...</translation>
    </message>
    <message>
        <source>Recording to %1: %2 records, %3, %4 records/s, %5 behind, for %6 s.</source>
        <translation>Aufzeichnung nach %1: %2 Datensätze, %3, %4 Datensätze/s, %5 im Rückstand, seit %6 s.</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>noch nichts</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %1 records (%2) of %n partition(s) in %3 s into %4 (%5).</source>
        <translation>
            <numerusform>%1 Datensätze (%2) aus %n Partition in %3 s nach %4 aufgezeichnet (%5).</numerusform>
            <numerusform>%1 Datensätze (%2) aus %n Partitionen in %3 s nach %4 aufgezeichnet (%5).</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording failed: %1</source>
        <translation>Aufzeichnung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source> (%1 records were written to %2 before that)</source>
        <translation> (%1 Datensätze wurden zuvor nach %2 geschrieben)</translation>
    </message>
    <message numerus="yes">
        <source>Recording %1: %2 records of %n topic(s)%3. Double-click a topic to see its newest messages.</source>
        <translation>
            <numerusform>Aufzeichnung %1: %2 Datensätze aus %n Topic%3. Doppelklick auf ein Topic zeigt seine neuesten Nachrichten.</numerusform>
            <numerusform>Aufzeichnung %1: %2 Datensätze aus %n Topics%3. Doppelklick auf ein Topic zeigt seine neuesten Nachrichten.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of keys, values and headers</source>
        <translation>%1 an Schlüsseln, Werten und Headern</translation>
    </message>
    <message numerus="yes">
        <source>%n broker(s), %1. Double-click a topic to see its newest messages.</source>
        <translation>
            <numerusform>%n Broker, %1. Doppelklick auf ein Topic zeigt seine neuesten Nachrichten.</numerusform>
            <numerusform>%n Broker, %1. Doppelklick auf ein Topic zeigt seine neuesten Nachrichten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n Topic</numerusform>
            <numerusform>%n Topics</numerusform>
        </translation>
    </message>
    <message>
        <source>The embedded broker of the run has stopped with it: run again, or connect to another cluster.</source>
        <translation>Der eingebettete Broker des Laufs ist mit ihm beendet: erneut starten oder mit einem anderen Cluster verbinden.</translation>
    </message>
    <message>
        <source>Consumer group %1.</source>
        <translation>Consumer-Gruppe %1.</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ConnectionProfiles</name>
    <message>
        <source>A password is kept in the desktop keyring or named as ${env:NAME}, never written to a file.</source>
        <translation>Ein Passwort liegt im Schlüsselbund des Desktops oder wird als ${env:NAME} angegeben, nie in einer Datei.</translation>
    </message>
    <message>
        <source>The desktop keyring did not keep the password: %1</source>
        <translation>Der Schlüsselbund hat das Passwort nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>No connection profile &quot;%1&quot;.</source>
        <translation>Kein Verbindungsprofil „%1“.</translation>
    </message>
    <message>
        <source>The password is not in the desktop keyring: %1</source>
        <translation>Das Passwort ist nicht im Schlüsselbund: %1</translation>
    </message>
</context>
<context>
    <name>sw::widgets::ConnectionProfilesDialog</name>
    <message>
        <source>Connection Profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <source>(new profile)</source>
        <translation>(neues Profil)</translation>
    </message>
    <message>
        <source>kept in the desktop keyring</source>
        <translation>im Schlüsselbund des Desktops</translation>
    </message>
    <message>
        <source>from an environment variable</source>
        <translation>aus einer Umgebungsvariablen</translation>
    </message>
    <message>
        <source>CA bundle file (SSL), optional</source>
        <translation>CA-Datei (SSL), optional</translation>
    </message>
    <message>
        <source>password (stored in the keyring, never in a file)</source>
        <translation>Passwort (im Schlüsselbund gespeichert, nie in einer Datei)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Bootstrap servers</source>
        <translation>&amp;Bootstrap-Server</translation>
    </message>
    <message>
        <source>Security protocol</source>
        <translation>Sicherheitsprotokoll</translation>
    </message>
    <message>
        <source>SASL mechanism</source>
        <translation>SASL-Verfahren</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>A profile needs a name and bootstrap servers.</source>
        <translation>Ein Profil braucht einen Namen und Bootstrap-Server.</translation>
    </message>
</context>
<context>
    <name>sw::widgets::DataPanel</name>
    <message>
        <source>An edge (node.port) of the running pipeline, or a preview sink</source>
        <translation>Eine Kante (Knoten.Port) der laufenden Pipeline, oder eine Vorschau-Senke</translation>
    </message>
    <message>
        <source>Run the pipeline to see the rows on its edges; choose an edge or node on the canvas.</source>
        <translation>Die Pipeline starten, um die Zeilen auf ihren Kanten zu sehen; eine Kante oder einen Knoten auf der Zeichenfläche wählen.</translation>
    </message>
    <message>
        <source>The run has ended; its last rows:</source>
        <translation>Der Lauf ist beendet; seine letzten Zeilen:</translation>
    </message>
    <message>
        <source>Cannot read the run&apos;s rows: %1</source>
        <translation>Die Zeilen des Laufs sind nicht lesbar: %1</translation>
    </message>
    <message>
        <source>%1 (preview)</source>
        <translation>%1 (Vorschau)</translation>
    </message>
    <message>
        <source>Waiting for the run&apos;s first batch...</source>
        <translation>Warte auf den ersten Batch des Laufs...</translation>
    </message>
    <message>
        <source>Not running: the rows appear here while the pipeline runs.</source>
        <translation>Kein Lauf: die Zeilen erscheinen hier, während die Pipeline läuft.</translation>
    </message>
    <message>
        <source>Batch %1: each edge&apos;s rows of the last batch that had rows (up to 20), each preview&apos;s last rows.</source>
        <translation>Batch %1: die Zeilen jeder Kante aus dem letzten Batch mit Zeilen (bis zu 20), die letzten Zeilen jeder Vorschau.</translation>
    </message>
    <message>
        <source>No rows have reached this preview yet.</source>
        <translation>Noch keine Zeilen in dieser Vorschau.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) kept by the preview, oldest first</source>
        <translation>
            <numerusform>%n Zeile der Vorschau, älteste zuerst</numerusform>
            <numerusform>%n Zeilen der Vorschau, älteste zuerst</numerusform>
        </translation>
    </message>
    <message>
        <source>No rows have passed this edge yet.</source>
        <translation>Noch keine Zeilen über diese Kante.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of its last batch with rows</source>
        <translation>
            <numerusform>%n Zeile ihres letzten Batches mit Zeilen</numerusform>
            <numerusform>%n Zeilen ihres letzten Batches mit Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sw::widgets::DebuggerPanel</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Go back one batch: the operators&apos; state and the recording as they were after it</source>
        <translation>Einen Batch zurückgehen: der Zustand der Operatoren und die Aufzeichnung, wie sie danach waren</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Run one batch (again, as it ran, after going back)</source>
        <translation>Einen Batch ausführen (nach dem Zurückgehen noch einmal, wie er lief)</translation>
    </message>
    <message>
        <source>Run to Breakpoint</source>
        <translation>Bis zum Haltepunkt</translation>
    </message>
    <message>
        <source>Run until a breakpoint&apos;s node sees a row for which its condition holds</source>
        <translation>Ausführen, bis der Knoten eines Haltepunkts eine Zeile sieht, für die seine Bedingung gilt</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Not debugging: run a pipeline over recordings with Run › Debug</source>
        <translation>Kein Debuggen: eine Pipeline über Aufzeichnungen mit Ausführen › Debuggen starten</translation>
    </message>
    <message>
        <source>The edge (node.port) whose rows to show</source>
        <translation>Die Kante (Knoten.Port), deren Zeilen gezeigt werden</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>node id</source>
        <translation>Knoten-ID</translation>
    </message>
    <message>
        <source>condition (empty: any row), e.g. amount &gt; 1000</source>
        <translation>Bedingung (leer: jede Zeile), z. B. amount &gt; 1000</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Breakpoints</source>
        <translation>Haltepunkte</translation>
    </message>
    <message>
        <source>name the node the breakpoint is on</source>
        <translation>den Knoten des Haltepunkts angeben</translation>
    </message>
    <message>
        <source>This run is not being debugged: start it with Run › Debug (over recordings)</source>
        <translation>Dieser Lauf wird nicht debuggt: mit Ausführen › Debuggen starten (über Aufzeichnungen)</translation>
    </message>
    <message>
        <source>At the start</source>
        <translation>Am Anfang</translation>
    </message>
    <message>
        <source>Batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <source> (kept: %1 to %2)</source>
        <translation> (gehalten: %1 bis %2)</translation>
    </message>
    <message>
        <source>; at the end of the recording</source>
        <translation>; am Ende der Aufzeichnung</translation>
    </message>
    <message>
        <source>; stopped at a breakpoint</source>
        <translation>; an einem Haltepunkt angehalten</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in this batch</source>
        <translation>
            <numerusform>%n Zeile in diesem Batch</numerusform>
            <numerusform>%n Zeilen in diesem Batch</numerusform>
        </translation>
    </message>
    <message>
        <source> (the first %1 kept)</source>
        <translation> (die ersten %1 gehalten)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>no state</source>
        <translation>kein Zustand</translation>
    </message>
    <message>
        <source>held after this batch: %1</source>
        <translation>nach diesem Batch gehalten: %1</translation>
    </message>
    <message>
        <source>No rows: a no-data batch, run to emit what the new watermark closed</source>
        <translation>Keine Zeilen: ein Batch ohne Daten, ausgeführt, um auszugeben, was das neue Watermark geschlossen hat</translation>
    </message>
</context>
<context>
    <name>sw::widgets::IntegerEditor</name>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
</context>
<context>
    <name>sw::widgets::KeyringSecrets</name>
    <message>
        <source>The desktop keyring cannot give ${keyring:%1}: %2</source>
        <translation>Der Schlüsselbund kann ${keyring:%1} nicht liefern: %2</translation>
    </message>
    <message>
        <source>Secret Needed</source>
        <translation>Geheimnis benötigt</translation>
    </message>
    <message>
        <source>The pipeline refers to ${keyring:%1}, which the desktop keyring does not have yet. Enter it; it is kept in the keyring, never in the pipeline file:</source>
        <translation>Die Pipeline verweist auf ${keyring:%1}, das der Schlüsselbund noch nicht hat. Geben Sie es ein; es wird im Schlüsselbund gespeichert, nie in der Pipeline-Datei:</translation>
    </message>
    <message>
        <source>Run cancelled: ${keyring:%1} was not given.</source>
        <translation>Lauf abgebrochen: ${keyring:%1} wurde nicht angegeben.</translation>
    </message>
    <message>
        <source>The desktop keyring did not keep ${keyring:%1}: %2</source>
        <translation>Der Schlüsselbund hat ${keyring:%1} nicht gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>sw::widgets::MonitorCharts</name>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Throughput (rows/s)</source>
        <translation>Durchsatz (Zeilen/s)</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Consumer lag (messages)</source>
        <translation>Consumer-Lag (Nachrichten)</translation>
    </message>
    <message>
        <source>Batch duration (ms)</source>
        <translation>Batch-Dauer (ms)</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>poll</source>
        <translation>Abruf</translation>
    </message>
    <message>
        <source>decode</source>
        <translation>Dekodieren</translation>
    </message>
    <message>
        <source>operators</source>
        <translation>Operatoren</translation>
    </message>
    <message>
        <source>sink</source>
        <translation>Senke</translation>
    </message>
    <message>
        <source>End-to-end latency (ms)</source>
        <translation>Ende-zu-Ende-Latenz (ms)</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 um %2: %3</translation>
    </message>
    <message>
        <source>Runs...</source>
        <translation>Läufe …</translation>
    </message>
    <message>
        <source>Look at an earlier run of this pipeline</source>
        <translation>Einen früheren Lauf dieser Pipeline ansehen</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <source>Export the Run as CSV</source>
        <translation>Lauf als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>Export PNG...</source>
        <translation>PNG exportieren …</translation>
    </message>
    <message>
        <source>Export the Charts as PNG</source>
        <translation>Diagramme als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Time to catch up (s)</source>
        <translation>Zeit zum Aufholen (s)</translation>
    </message>
    <message>
        <source>at the processing rate</source>
        <translation>bei der Verarbeitungsrate</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Fluss</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>trigger interval</source>
        <translation>Trigger-Intervall</translation>
    </message>
    <message>
        <source>Watermark gap (s)</source>
        <translation>Watermark-Abstand (s)</translation>
    </message>
    <message>
        <source>wall clock - watermark</source>
        <translation>Uhrzeit - Watermark</translation>
    </message>
    <message>
        <source>State rows</source>
        <translation>Zustandszeilen</translation>
    </message>
    <message>
        <source>Late rows and dead letters (total)</source>
        <translation>Verspätete Zeilen und unzustellbare Datensätze (gesamt)</translation>
    </message>
    <message>
        <source>late rows dropped</source>
        <translation>verworfene verspätete Zeilen</translation>
    </message>
    <message>
        <source>dead letters</source>
        <translation>unzustellbare Datensätze</translation>
    </message>
    <message>
        <source>Batches and state</source>
        <translation>Batches und Zustand</translation>
    </message>
    <message>
        <source>Freeze the charts to look back; the run&apos;s history keeps being recorded</source>
        <translation>Diagramme anhalten, um zurückzublicken; der Verlauf des Laufs wird weiter aufgezeichnet</translation>
    </message>
    <message>
        <source>Scroll back through the run</source>
        <translation>Im Lauf zurückblättern</translation>
    </message>
    <message>
        <source>processed (capacity)</source>
        <translation>verarbeitet (Kapazität)</translation>
    </message>
    <message>
        <source>processed (capacity: up to %1, above the chart)</source>
        <translation>verarbeitet (Kapazität: bis %1, über dem Diagramm)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::NodeInspector</name>
    <message>
        <source>Select a node on the canvas to see and edit its settings.</source>
        <translation>Einen Knoten auf der Arbeitsfläche auswählen, um seine Einstellungen zu sehen und zu bearbeiten.</translation>
    </message>
    <message>
        <source>The node&apos;s id: unique in the pipeline; edges and metrics use it</source>
        <translation>Die ID des Knotens: eindeutig in der Pipeline; Kanten und Metriken verwenden sie</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>&amp;ID</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>This node type is unknown; edit it in the JSON view.</source>
        <translation>Dieser Knotentyp ist unbekannt; bearbeiten Sie ihn in der JSON-Ansicht.</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message>
        <source>Unknown until the problems upstream are fixed</source>
        <translation>Unbekannt, bis die Probleme davor behoben sind</translation>
    </message>
    <message>
        <source>event time</source>
        <translation>Ereigniszeit</translation>
    </message>
    <message>
        <source> (event time)</source>
        <translation> (Ereigniszeit)</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>The id &quot;%1&quot; is empty or taken by another node.</source>
        <translation>Die ID „%1“ ist leer oder wird schon von einem anderen Knoten verwendet.</translation>
    </message>
    <message>
        <source>Use a Recording...</source>
        <translation>Aufzeichnung verwenden...</translation>
    </message>
    <message>
        <source>Read a recording (streamwright-cli record) instead of Kafka, with the same schema, event time and dead letters: replays and the debugger run on it</source>
        <translation>Eine Aufzeichnung (streamwright-cli record) statt Kafka lesen, mit demselben Schema, derselben Ereigniszeit und denselben Dead Letters: Wiederholungen und der Debugger laufen darauf</translation>
    </message>
    <message>
        <source>Use a Recording</source>
        <translation>Aufzeichnung verwenden</translation>
    </message>
    <message>
        <source>Recordings (*.swrec);;All files (*)</source>
        <translation>Aufzeichnungen (*.swrec);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::NodeItem</name>
    <message>
        <source>busy %1 %</source>
        <translation>ausgelastet %1 %</translation>
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
    <message>
        <source>%1 rows/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <source>%1 → %2: click to see its rows in the Data dock</source>
        <translation>%1 → %2: klicken, um ihre Zeilen im Daten-Dock zu sehen</translation>
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
<context>
    <name>sw::widgets::RowsView</name>
    <message>
        <source>filter: an expression over the rows, e.g. amount &gt; 1000</source>
        <translation>Filter: ein Ausdruck über die Zeilen, z. B. amount &gt; 1000</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>%1 of %2 rows match</source>
        <translation>%1 von %2 Zeilen passen</translation>
    </message>
</context>
<context>
    <name>sw::widgets::RunController</name>
    <message>
        <source>The runtime did not stop within %1 s; terminating it.</source>
        <translation>Die Laufzeit hat nicht innerhalb von %1 s gestoppt; sie wird beendet.</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Stoppt</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot write the pipeline for the runtime: %1</source>
        <translation>Die Pipeline kann für die Laufzeit nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot start the runtime %1: %2</source>
        <translation>Die Laufzeit %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>%1 wird gestartet</translation>
    </message>
    <message>
        <source>the pipeline</source>
        <translation>die Pipeline</translation>
    </message>
    <message>
        <source>Runtime started; control API at %1</source>
        <translation>Laufzeit gestartet; Steuer-API unter %1</translation>
    </message>
    <message>
        <source>The runtime crashed. The app is fine; the log above shows what it did last.</source>
        <translation>Die Laufzeit ist abgestürzt. Die App läuft weiter; das Protokoll oben zeigt, was sie zuletzt tat.</translation>
    </message>
    <message>
        <source>The runtime exited with status %1.</source>
        <translation>Die Laufzeit endete mit Status %1.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Finished.</source>
        <translation>Beendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n new dead letter(s): records that could not be decoded</source>
        <translation>
            <numerusform>%n neuer unzustellbarer Datensatz: nicht dekodierbar</numerusform>
            <numerusform>%n neue unzustellbare Datensätze: nicht dekodierbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Dead letter in %1 (%2 partition %3 offset %4): %5</source>
        <translation>Unzustellbarer Datensatz in %1 (%2 Partition %3 Offset %4): %5</translation>
    </message>
    <message>
        <source>The runtime refused %1: %2</source>
        <translation>Die Laufzeit hat %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Attaching to the runtime at %1</source>
        <translation>Anbinden an die Laufzeit unter %1</translation>
    </message>
    <message>
        <source>Cannot attach: %1</source>
        <translation>Anbinden nicht möglich: %1</translation>
    </message>
    <message>
        <source>Detached; the runtime keeps running.</source>
        <translation>Gelöst; die Laufzeit läuft weiter.</translation>
    </message>
    <message>
        <source>Lost the runtime: %1</source>
        <translation>Verbindung zur Laufzeit verloren: %1</translation>
    </message>
    <message>
        <source>The runtime failed: %1</source>
        <translation>Die Laufzeit ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The runtime cannot read its input: %1</source>
        <translation>Die Laufzeit kann ihre Eingabe nicht lesen: %1</translation>
    </message>
    <message>
        <source>The runtime reads its input again.</source>
        <translation>Die Laufzeit liest ihre Eingabe wieder.</translation>
    </message>
    <message>
        <source>Paused after batch %1.</source>
        <translation>Angehalten nach Batch %1.</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <source>Stepped one batch.</source>
        <translation>Einen Batch weiter.</translation>
    </message>
</context>
<context>
    <name>sw::widgets::RunSummary</name>
    <message>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Input rows/s</source>
        <translation>Eingabezeilen/s</translation>
    </message>
    <message>
        <source>Processed rows/s</source>
        <translation>Verarbeitete Zeilen/s</translation>
    </message>
    <message>
        <source>Consumer lag</source>
        <translation>Consumer-Lag</translation>
    </message>
    <message>
        <source>Batch duration</source>
        <translation>Batch-Dauer</translation>
    </message>
    <message>
        <source>End-to-end latency</source>
        <translation>Ende-zu-Ende-Latenz</translation>
    </message>
    <message>
        <source>Watermark</source>
        <translation>Watermark</translation>
    </message>
    <message>
        <source>Late rows dropped</source>
        <translation>Verworfene verspätete Zeilen</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Unzustellbare Datensätze</translation>
    </message>
    <message>
        <source>%1 ms (poll %2, decode %3, operators %4, sink %5)</source>
        <translation>%1 ms (Abruf %2, Dekodieren %3, Operatoren %4, Senke %5)</translation>
    </message>
    <message>
        <source>p50 %1 ms, p95 %2 ms, p99 %3 ms</source>
        <translation>p50 %1 ms, p95 %2 ms, p99 %3 ms</translation>
    </message>
    <message>
        <source>end of input</source>
        <translation>Ende der Eingabe</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>resumed after batch %1</source>
        <translation>fortgesetzt nach Batch %1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>none: at-least-once, state lost on stop</source>
        <translation>keiner: mindestens einmal, Zustand geht beim Stoppen verloren</translation>
    </message>
    <message>
        <source>batch %1 committed, %2</source>
        <translation>Batch %1 bestätigt, %2</translation>
    </message>
    <message>
        <source>; resumed after batch %1</source>
        <translation>; fortgesetzt nach Batch %1</translation>
    </message>
</context>
<context>
    <name>sw::widgets::SettingForm</name>
    <message>
        <source> (required)</source>
        <translation> (erforderlich)</translation>
    </message>
</context>
<context>
    <name>sw::widgets::TableEditor</name>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>Eine Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected rows</source>
        <translation>Die ausgewählten Zeilen entfernen</translation>
    </message>
</context>
<context>
    <name>sw::widgets::TextEditor</name>
    <message>
        <source>e.g. 10s, 5m, 1h</source>
        <translation>z. B. 10s, 5m, 1h</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <source>Add a field of the input</source>
        <translation>Ein Feld der Eingabe hinzufügen</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Choose a File</source>
        <translation>Datei auswählen</translation>
    </message>
</context>
</TS>
