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
        <source>While running, write generated shop events (user-events, purchase-events) into the pipeline&apos;s embedded brokers</source>
        <translation>Während des Laufs erzeugte Shop-Ereignisse (user-events, purchase-events) in die eingebetteten Broker der Pipeline schreiben</translation>
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
    <message numerus="yes">
        <source>%n broker(s), %1 topics. Double-click a topic to see its newest messages.</source>
        <translation>
            <numerusform>%n Broker, %1 Topics. Doppelklick auf ein Topic zeigt seine neuesten Nachrichten.</numerusform>
            <numerusform>%n Broker, %1 Topics. Doppelklick auf ein Topic zeigt seine neuesten Nachrichten.</numerusform>
        </translation>
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
    <name>sw::widgets::IntegerEditor</name>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
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
        <source>Freeze the charts; the run&apos;s history keeps being recorded</source>
        <translation>Diagramme einfrieren; der Verlauf des Laufs wird weiter aufgezeichnet</translation>
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
