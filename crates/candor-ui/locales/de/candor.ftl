# Seitentexte von Candor, auf Deutsch. Dieselben Schlüssel wie locales/en/candor.ftl.
# Die Übersetzung sollte von einer Person mit Deutsch als Muttersprache geprüft werden.

## Der Rahmen jeder Seite

nav-how = So funktioniert es
nav-report = Meldung abgeben
nav-check = Meine Meldung ansehen
nav-main = Hauptmenü
nav-languages = Sprachen
footer-safety = Dieser Dienst verwendet kein JavaScript, keine Cookies beim Melden und keine fremden Ressourcen. Er funktioniert mit der Sicherheitsstufe „Am sichersten“ (Safest) des Tor Browsers.
footer-figures = Meldungen und Entscheidungen in Zahlen
footer-figures-note = (aus dem öffentlichen Protokoll gezählt)
back-to-start = Zurück zum Anfang

## Die Startseite

index-title = Missstände sicher melden
index-heading = Missstände an { $body } melden
index-intro = { $body } ist eine unabhängige Stelle. Sie nimmt Meldungen über Missstände entgegen, entscheidet, ob die meldende Person eine hinweisgebende Person ist, und gewährt Schutz vor Repressalien.
index-what-happens = Was mit Ihrer Meldung geschieht
index-step-write = Sie schreiben, was geschehen ist, und hängen auf Wunsch Dokumente an. Sie müssen Ihren Namen nicht nennen.
index-step-encrypt = Während Ihre Meldung eintrifft, verschlüsselt dieser Server sie Stück für Stück im Arbeitsspeicher mit den Schlüsseln der Prüferinnen und Prüfer der Stelle. Er schreibt Ihre Worte und Dateien nie unverschlüsselt auf die Festplatte und behält keine Kopie, die er lesen könnte.
index-step-receipt-before = Sie erhalten einen
index-step-receipt-term = Belegcode
index-step-receipt-after = aus acht Wörtern. Nur mit diesem Code können Sie zurückkehren.
index-step-review = Die Prüfenden entschlüsseln Ihre Meldung auf ihren eigenen Computern, bestätigen den Eingang innerhalb von 7 Tagen und geben Ihnen innerhalb von 3 Monaten eine Rückmeldung.
index-who-reads = Wer sie lesen kann
index-readers = Nur die Prüfenden von { $body }, jede und jeder mit eigenem Schlüssel:
index-readers-after = Wer diesen Server betreibt, kann sie nicht lesen. Ihre Meldung wird außerdem mit einem aus Ihrem Belegcode abgeleiteten Schlüssel verschlüsselt, damit Sie sie bei Ihrer Rückkehr wieder lesen können.
index-no-javascript = Da diese Seite ohne JavaScript funktioniert, sendet Ihr Browser die Meldung an diesen Server, bevor sie verschlüsselt ist; die Verbindung selbst ist durch Tor verschlüsselt. Der Server verschlüsselt sie, sobald sie ankommt.
index-receipt-heading = Ihr Belegcode
index-receipt = Nach dem Absenden sehen Sie Ihren Belegcode ein einziges Mal. Schreiben Sie ihn auf Papier und bewahren Sie ihn sicher auf. Mit ihm können Sie Fragen und Antworten der Stelle lesen, antworten, Dokumente nachreichen, sehen, was über Ihren Schutz entschieden wurde, und einen Nachweis darüber herunterladen. Niemand kann einen verlorenen Code wiederherstellen: weder die Stelle noch wir.
index-safety-heading = Bleiben Sie sicher
index-safety-tor-before = Verwenden Sie den
index-safety-tor-browser = Tor Browser
index-safety-tor-middle = mit der Sicherheitsstufe
index-safety-tor-level = Am sichersten (Safest)
index-safety-device = Verwenden Sie keinen Computer, kein Telefon und kein Netz Ihres Arbeitgebers. Ein privates Gerät in einem öffentlichen oder privaten Netz ist besser.
index-safety-documents = Dokumente können verraten, wer sie erstellt hat: Autorennamen, Gerätenamen, Ortsangaben in Fotos, Tracking-Punkte in Ausdrucken. Entfernen Sie, was Sie können, oder beschreiben Sie das Dokument.
index-safety-secret = Erzählen Sie niemandem von Ihrer Meldung und bewahren Sie Ihren Belegcode nicht dort auf, wo andere ihn finden können.
index-limit = Sie können bis zu { $size } auf einmal senden: eine Nachricht und beliebig viele Dateien.

## Das Meldeformular

submit-title = Meldung abgeben
submit-intro = Beschreiben Sie, was geschehen ist: wer, was, wann, wo und woher Sie es wissen. Sie müssen Ihren Namen nicht nennen. Alles, was Sie senden, wird beim Eintreffen für die Prüfenden von { $body } verschlüsselt.
submit-message = Ihre Nachricht
submit-message-hint = Reiner Text. Lange Texte können Sie auch als Datei anhängen.
submit-files = Dokumente (freiwillig)
submit-files-hint = Sie können mehrere Dateien wählen. Insgesamt bis zu { $size }. Auch die Dateinamen werden verschlüsselt.
submit-send = Meldung senden
submit-slow = Große Dateien über Tor zu senden kann lange dauern. Lassen Sie diesen Tab offen, bis Sie Ihren Belegcode sehen.

## Der Beleg, nur einmal gezeigt

receipt-title = Ihre Meldung ist eingegangen
receipt-stored = { $files ->
    [0] Ihre Meldung wurde verschlüsselt und sicher gespeichert.
    [one] Ihre Meldung und 1 Datei wurden verschlüsselt und sicher gespeichert.
   *[other] Ihre Meldung und { $files } Dateien wurden verschlüsselt und sicher gespeichert.
}
receipt-heading = Ihr Belegcode
receipt-write-now = Schreiben Sie diesen Code jetzt auf Papier.
receipt-once = Er wird nur dieses eine Mal gezeigt. Wir können ihn weder erneut zeigen noch wiederherstellen.
receipt-english = Der Code besteht immer aus acht englischen Wörtern, egal in welcher Sprache diese Seiten angezeigt werden, damit derselbe Code in jeder Sprache funktioniert. Schreiben Sie jedes Wort Buchstabe für Buchstabe ab, in der richtigen Reihenfolge, mit einem Leerzeichen dazwischen; Sie müssen die Wörter nicht verstehen.
receipt-next = Wie es weitergeht
receipt-next-deadlines = Die Prüfenden der Stelle bestätigen den Eingang Ihrer Meldung innerhalb von 7 Tagen und geben Ihnen innerhalb von 3 Monaten eine Rückmeldung.
receipt-next-return = Kommen Sie mit dem Tor Browser und Ihrem Belegcode zurück, um Fragen zu lesen, zu antworten, Dokumente nachzureichen und die Entscheidung über Ihren Schutz zu verfolgen.
receipt-next-close = Wenn Sie den Code aufgeschrieben haben, schließen Sie diesen Tab.

## Anmelden mit dem Belegcode

followup-title = Meine Meldung ansehen
followup-intro = Geben Sie den Belegcode aus acht Wörtern ein, den Sie bei Ihrer Meldung erhalten haben. Groß- und Kleinschreibung und zusätzliche Leerzeichen spielen keine Rolle.
followup-code = Belegcode
followup-code-hint = Zum Beispiel: acht Wörter, durch Leerzeichen getrennt.
followup-english = Die Wörter sind in jeder Sprache englisch: Tippen Sie sie so, wie Sie sie aufgeschrieben haben, in lateinischen Buchstaben.
followup-open = Meine Meldung öffnen
followup-timeout = Zu Ihrer Sicherheit werden Sie nach 30 Minuten ohne Aktivität abgemeldet. Melden Sie sich selbst ab, wenn Sie fertig sind, besonders an einem gemeinsam genutzten Computer.
signin-again-title = Bitte melden Sie sich erneut an
signin-again = Sie sind nicht angemeldet. Zu Ihrer Sicherheit enden Sitzungen nach einer Weile ohne Aktivität, wenn Sie sich abmelden und wenn der Dienst neu startet.
signin-again-button = Mit Ihrem Belegcode anmelden
signed-out-title = Sie sind abgemeldet
signed-out = Sie sind abgemeldet. Schließen Sie diesen Tab; verwenden Sie im Tor Browser „Neue Identität“, um alles zu löschen.

## Die Seite des Falls

status-received = Eingegangen
status-received-meaning = Ihre Meldung ist sicher angekommen. Die Stelle wird bestätigen, dass sie sich damit befasst.
status-acknowledged = Eingang bestätigt
status-acknowledged-meaning = Die Stelle hat den Eingang Ihrer Meldung bestätigt und wird sie prüfen.
status-in-review = In Prüfung
status-in-review-meaning = Die Stelle prüft Ihre Meldung. Sie kann Ihnen hier Fragen stellen; schauen Sie bitte wieder vorbei.
status-decided = Entschieden
status-decided-meaning = Die Stelle hat über Ihren Fall entschieden. Die Entscheidungen stehen unten.
status-closed = Abgeschlossen
status-closed-meaning = Ihr Fall ist abgeschlossen. Sie können hier weiterhin alles lesen.
case-title = Ihre Meldung
case-status = Status: { $status }
case-dates = Termine Ihres Falls
case-received = Meldung eingegangen
case-acknowledge-by = Eingangsbestätigung fällig bis
case-done = — erledigt
case-late = verspätet
case-feedback-by = Rückmeldung fällig bis
case-deadlines = Das Gesetz verpflichtet die Stelle, den Eingang einer Meldung innerhalb von 7 Tagen zu bestätigen und Ihnen innerhalb von 3 Monaten (in manchen Fällen 6) mitzuteilen, was sie unternimmt.
case-kept-heading = Wie lange Ihre Meldung aufbewahrt wird
case-deleted-before = Ihr Fall ist abgeschlossen. Seine Unterlagen (Ihre Meldung, Ihre Dateien und der Austausch) werden
case-deleted-on = am { $day } endgültig gelöscht
case-deleted-after = , { $months } Monate nach der letzten Nachricht: Das Gesetz verlangt, Unterlagen nicht länger als nötig aufzubewahren.
case-deleted-save = Speichern Sie vorher, was Sie behalten möchten (Bescheinigungen, Antworten). Das öffentliche Protokoll behält seine Einträge, die niemanden nennen.
case-held = Ihr Fall ist abgeschlossen. Die Stelle bewahrt seine Unterlagen aus rechtlichen Gründen vorerst auf (Aufbewahrungssperre).
case-decisions = Entscheidungen über Ihren Schutz
case-decisions-intro = Jede Entscheidung ist von { $body } signiert und in ihrem öffentlichen, fälschungssicheren Protokoll eingetragen. Mit einer Bescheinigung können Sie sie vor Gericht, gegenüber einem Arbeitgeber oder sonst jemandem belegen, der sie prüfen kann, ohne uns zu kontaktieren.
case-certificate = Bescheinigung herunterladen
case-conversation = Austausch
case-you-wrote = Sie schrieben am { $day }
case-body-wrote = schrieb am { $day }
case-altered = Dieses Element ist nicht das, was Sie gesendet haben.
case-altered-why = Es weicht vom Fingerabdruck ab, der beim Eingang Ihrer Meldung festgehalten wurde; es wurde also danach ersetzt oder beschädigt. Informieren Sie die Stelle und behalten Sie Ihre eigene Kopie.
case-answer-heading = Antworten oder Dokumente nachreichen
case-answer = Ihre Antwort
case-files-hint = Insgesamt bis zu { $size }.
case-send = Antwort senden
case-sign-out = Abmelden
case-file = Datei:
case-proof = Nachweis der Meldung: eingegangen am { $day }.
case-decision = Entscheidung: { $decision }
case-unreadable = (Dieses Element konnte nicht geöffnet werden.)

## Fehler und Ablehnungen

error-internal-title = Etwas ist schiefgegangen
error-internal = Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es später erneut.
error-report-too-large-title = Meldung zu groß
error-too-large-title = Zu groß
error-too-large = Was Sie gesendet haben, ist größer, als dieses Formular annimmt; es wurde nichts gespeichert.
error-not-found-title = Seite nicht gefunden
error-not-found-short = Unter dieser Adresse gibt es keine Seite.
error-method-title = Nicht verfügbar
error-method = Diese Adresse kann so nicht verwendet werden. Gehen Sie zurück zum Anfang und nutzen Sie die Links.
error-bad-request-title = Die Anfrage konnte nicht gelesen werden
error-bad-request = Die Anfrage kam beschädigt oder unvollständig an; es wurde nichts gespeichert. Bitte gehen Sie zurück und versuchen Sie es erneut.
error-refused-title = Anfrage abgelehnt
error-cross-site = Dieses Formular wurde von einer anderen Website gesendet und deshalb abgelehnt. Öffnen Sie diese Website direkt und versuchen Sie es erneut.
error-panic = Bei uns ist etwas schiefgegangen. Nichts, was Sie mit dieser Anfrage gesendet haben, wurde gespeichert. Bitte versuchen Sie es später erneut.
error-not-found = Unter dieser Adresse gibt es keine Seite. Prüfen Sie die Adresse oder beginnen Sie auf der Startseite neu.
submit-empty = Ihre Meldung ist leer. Bitte schreiben Sie eine Nachricht oder wählen Sie mindestens eine Datei.
submit-not-utf8 = Ihre Nachricht enthält Zeichen, die nicht gelesen werden konnten. Es wurde nichts gespeichert. Bitte tippen Sie die Nachricht erneut oder hängen Sie sie als Datei an.
submit-too-long-title = Nachricht zu lang
submit-too-long = Ihre Nachricht ist länger als 1 MiB Text. Es wurde nichts gespeichert. Bitte hängen Sie lange Texte als Datei an und senden Sie erneut.
submit-too-many-files-title = Zu viele Dateien
submit-malformed-title = Das Formular konnte nicht gelesen werden
submit-malformed = Das Formular kam unvollständig oder beschädigt an; es wurde nichts gespeichert. Bitte gehen Sie zurück, wählen Sie Ihre Dateien erneut und senden Sie nochmals.
submit-timeout-title = Das Hochladen wurde abgebrochen
submit-timeout = Mehrere Minuten lang kam nichts an; das Hochladen wurde abgebrochen und nichts gespeichert. Bitte versuchen Sie es erneut.
busy-title = Ausgelastet, bitte in einer Minute erneut versuchen
submit-busy = Gerade nutzen viele Menschen diesen Dienst. Es wurde nichts gespeichert. Bitte warten Sie eine Minute und senden Sie erneut.
submit-internal-title = Ihre Meldung wurde nicht gespeichert
submit-internal = Bei uns ist etwas schiefgegangen und Ihre Meldung wurde NICHT gespeichert. Nichts davon wurde behalten. Bitte versuchen Sie es später erneut.
signin-busy = Gerade melden sich viele Menschen an. Bitte warten Sie eine Minute und versuchen Sie es erneut.
signin-empty = Bitte geben Sie Ihren Belegcode in das Feld unten ein.
signin-wrong = Dieser Code öffnet keine Meldung. Bitte prüfen Sie jedes Wort anhand Ihrer Notiz und versuchen Sie es erneut.
signin-code-empty = Bitte geben Sie Ihren Belegcode ein: acht Wörter.
signin-code-length = Ein Belegcode hat acht Wörter; Sie haben { $found } eingegeben. Bitte prüfen Sie Ihre Notiz.
signin-code-unknown-word = Mindestens ein Wort steht nicht in unserer Wortliste. Bitte prüfen Sie die Schreibweise anhand Ihrer Notiz.
signin-code-too-long = Das ist zu lang für einen Belegcode.
case-file-not-found-title = Datei nicht gefunden
case-file-not-found = Diese Datei gibt es in Ihrem Fall nicht.
case-record-not-found-title = Nicht gefunden
case-record-not-found = Diese Entscheidung gibt es in Ihrem Fall nicht.
case-certificate-pending-title = Bescheinigung noch nicht bereit
case-answer-empty = Ihre Antwort war leer; es wurde nichts gesendet. Schreiben Sie eine Nachricht oder wählen Sie eine Datei.
case-answer-not-utf8 = Ihre Antwort enthält Zeichen, die nicht gelesen werden konnten; es wurde nichts gesendet. Bitte tippen Sie sie erneut oder hängen Sie sie als Datei an.
case-csrf = Dieses Formular ist veraltet oder wurde nicht von dieser Website gesendet und deshalb abgelehnt. Öffnen Sie Ihren Fall erneut und versuchen Sie es nochmals.
error-report-too-large = Ihre Meldung überschreitet die Grenze von { $limit }. Es wurde nichts gespeichert. Senden Sie weniger oder kleinere Dateien auf einmal: Mit Ihrem Belegcode können Sie später weitere hinzufügen.
submit-too-many-files = Eine Meldung kann höchstens { $max } Dateien enthalten. Es wurde nichts gespeichert. Packen Sie die Dateien in ein Archiv oder senden Sie sie in Teilen.
case-certificate-pending = Diese Entscheidung wird beim nächsten planmäßigen Update in das öffentliche Protokoll aufgenommen (spätestens in { $interval }). Kommen Sie später wieder, um die Bescheinigung herunterzuladen.
case-answer-sent = { $files ->
    [0] Ihre Antwort wurde gesendet.
    [one] Ihre Antwort und 1 Datei wurden gesendet.
   *[other] Ihre Antwort und { $files } Dateien wurden gesendet.
}

## Protokolleinträge und öffentliche Einordnung

kind-report-received = Meldung eingegangen
kind-acknowledged = Eingang der Meldung bestätigt
kind-status-recognized = Status als hinweisgebende Person anerkannt
kind-status-declined = Status als hinweisgebende Person abgelehnt
kind-protection-granted = Schutz gewährt
kind-status-revoked = Status als hinweisgebende Person widerrufen
kind-case-closed = Fall abgeschlossen
record-with-measure = { $kind }: { $measure }
measure-confidentiality = Schutz der Identität (Vertraulichkeit)
measure-reprisal-protection = Schutz vor Repressalien
measure-interim-relief = vorläufige Maßnahmen
measure-reinstatement-recommended = Wiedereinstellung empfohlen
measure-immunity-recommended = Straffreiheit empfohlen
sector-public = Öffentlicher Sektor
sector-private = Privatsektor
sector-not-stated = Sektor nicht angegeben
area-bribery = Bestechung
area-embezzlement = Veruntreuung
area-public-procurement = Öffentliche Auftragsvergabe
area-money-laundering = Geldwäsche
area-conflict-of-interest = Interessenkonflikt
area-public-finance-fraud = Betrug zulasten öffentlicher Finanzen
area-other = Sonstiges
outcome-referred = An eine zuständige Behörde abgegeben
outcome-proceedings-opened = Ermittlung oder Verfahren eröffnet
outcome-substantiated = Missstand festgestellt
outcome-not-substantiated = Missstand nicht festgestellt
outcome-insufficient-information = Nicht genug Informationen
outcome-outside-mandate = Außerhalb des Auftrags der Stelle
outcome-withdrawn = Von der meldenden Person zurückgezogen

## Statistik: /transparency und die Jahresberichte

log-unavailable-title = Das Protokoll ist nicht verfügbar
log-unavailable = Das Protokoll konnte nicht gelesen werden. Bitte versuchen Sie es später erneut.
log-no-tile-title = Keine solche Kachel
log-no-tile = Diese Kachel ist nicht im Protokoll.
stats-title = Transparenz
stats-heading = Transparenz: Meldungen und Entscheidungen
stats-intro = Jede eingegangene Meldung und jede Entscheidung von { $body } über Status und Schutz einer hinweisgebenden Person ist ein Eintrag eines öffentlichen Protokolls, an das nur angefügt werden kann:
stats-entries = ({ $size ->
    [one] 1 Eintrag
   *[other] { $size } Einträge
}).
stats-intro-after = Diese Zahlen sind allein aus diesen Einträgen gezählt; nichts darin identifiziert eine Person oder einen Fall.
stats-none = Es ist noch keine Meldung eingegangen.
stats-years = Jahre
stats-years-caption = Meldungen und Entscheidungen nach Jahr; jedes Jahr hat seinen Jahresbericht
stats-year = Jahr
stats-new-reports = Neue Meldungen
stats-decisions = Entscheidungen
stats-the-year = Das Jahr { $year }
stats-check = Prüfen Sie diese Zahlen selbst
stats-check-keys = Beschaffen Sie die öffentlichen Schlüssel des Protokolls und der Stelle aus einer Quelle, der Sie vertrauen; sie stehen auch unter
stats-check-run = Führen Sie
stats-check-run-after = aus (mit --stats json für JSON). Der Befehl lädt den signierten Checkpoint und jeden Eintrag und jede Kachel des Protokolls (c2sp.org/tlog-tiles), berechnet die Merkle-Wurzel neu, prüft, dass das Protokoll seit Ihrer letzten Prüfung nur gewachsen ist, und schreibt dieselbe transparency.csv aus den Einträgen selbst.
stats-check-hand = Oder zählen Sie von Hand: Jeder Eintrag ist eine signierte Notiz mit Art und Tag und bei Entscheidungen mit Sektor, Bereich, Ergebnis und den vollen Wochen seit der Meldung. Ältere Einträge tragen nur Art und Tag und zählen als nicht eingeordnet. Die beiden Formate:
stats-no-year-title = Kein Bericht für dieses Jahr
stats-no-year = Das Protokoll hat in diesem Jahr keine Einträge.
stats-annual-title = Jahresbericht { $year }
stats-annual-heading = Jahresbericht { $year }: Meldungen und Entscheidungen
stats-annual-intro = Gezählt nach dem Tag jedes Eintrags im öffentlichen Protokoll von { $body }:
stats-all-years = Alle Jahre
stats-suppressed = Zum Schutz der meldenden Personen werden Zahlen von 1 bis { $largest } als „<{ $below }“ gezeigt: weniger als { $below }.
stats-open-data = Offene Daten
stats-csv = (jede Zahl, jedes Jahr und Quartal)
stats-json = (dasselbe, mit der Größe des Protokolls)
stats-datapackage = (das Schema, Frictionless Data)
stats-fewer-than = weniger als { $below }
stats-number = Anzahl
stats-bar = Balken
stats-too-few = zu wenige, um sie zu zeigen
stats-share = { $percent } % ({ $part } von { $whole })
stats-share-small = weniger als { $below } von { $whole }
stats-unclassified = Nicht eingeordnet (ältere Einträge)
stats-received-in = Eingegangene Meldungen { $year }
stats-by-quarter = Nach Quartal, nach dem Tag jedes Eintrags
stats-quarter = Quartal
stats-quarter-name = Q{ $quarter }
stats-follow-ups = Nachträge (meldende Personen, die ihren Fall ergänzen):
stats-receipts-unclassified = Ältere Belege (Format Version 1), die nicht sagen, ob sie einen Fall eröffnet oder ergänzt haben:
stats-decisions-in = Entscheidungen { $year }
stats-by-kind = Entscheidungen nach Art
stats-decision = Entscheidung
stats-by-area = Statusentscheidungen nach Bereich
stats-by-area-caption = Status als hinweisgebende Person anerkannt oder abgelehnt, nach Gegenstand der Meldung
stats-area = Bereich
stats-recognized = Aner{"\u00AD"}kannt
stats-declined = Abge{"\u00AD"}lehnt
stats-by-sector = Statusentscheidungen nach Sektor
stats-by-sector-caption = Status als hinweisgebende Person anerkannt oder abgelehnt, nach dem Ort des Missstands
stats-sector = Sektor
stats-by-outcome = Abgeschlossene Fälle nach Ergebnis
stats-by-outcome-caption = Wie abgeschlossene Fälle endeten
stats-outcome = Ergebnis
stats-timeliness = Fristen
stats-timeliness-caption = Gezählt über Entscheidungen, die die Wochen seit der Meldung tragen (Format Version 2)
stats-acknowledged-in-7-days = Eingang innerhalb von 7 Tagen bestätigt
stats-answered-in-3-months = Innerhalb von 3 Monaten beantwortet (Status in unter 13 Wochen entschieden)
stats-median-weeks = Median der Wochen von der Meldung bis zur Statusentscheidung

## Der Arbeitsplatz

ws-title = Candor-Arbeitsplatz
ws-inbox = Posteingang
ws-audit = Prüfprotokoll
ws-reviewers = Prüfende
ws-signed-in-as = Angemeldet als
ws-due-acknowledge = Eingang bestätigen
ws-due-feedback = Rückmeldung geben
ws-due-nothing = nichts fällig
ws-no-reports = Noch keine Meldungen.
ws-filter-label = Fälle filtern
ws-status = Status
ws-any = alle
ws-reference = Aktenzeichen
ws-unread-only = nur ungelesene
ws-overdue-only = nur überfällige
ws-filter = Filtern
ws-show-all = Alle zeigen
ws-no-match = Kein Fall passt, von { $all }.
ws-cases-match = { $matching } von { $all } Fällen passen
ws-cases = { $all ->
    [one] 1 Fall
   *[other] { $all } Fälle
}
ws-cases-shown = , dringendste zuerst; { $first }–{ $last } gezeigt. Meldungen müssen innerhalb von 7 Tagen bestätigt und innerhalb der Rückmeldefrist beantwortet werden.
ws-case = Fall
ws-received = Eingegangen
ws-next-deadline = Nächste Frist
ws-unread = Ungelesen
ws-due-by = { $what } bis { $day }
ws-overdue = überfällig
ws-new-items = { $count } neu
ws-pages = Seiten
ws-previous = Zurück
ws-page-of = Seite { $page } von { $pages }
ws-next = Weiter
ws-case-title = Fall { $reference }
ws-blocked = Antworten, Entscheidungen und Neuverschlüsselung sind für diesen Fall gesperrt.
ws-acknowledge-by = Eingang bestätigen bis
ws-feedback-by = Rückmeldung bis
ws-next-due = Nächste
ws-conversation = Austausch
ws-reporter = Meldende Person
ws-the-body = Die Stelle
ws-altered = Ersetzt oder beschädigt:
ws-altered-why = Dieses Element weicht vom SHA-256 ab, auf das sich der Beleg der Meldung im Protokoll festlegt. Es ist nicht das, was die meldende Person gesendet hat; verlassen Sie sich nicht darauf und finden Sie heraus, wer es geändert hat.
ws-unreadable = Element { $id } lässt sich mit diesem Schlüssel nicht öffnen.
ws-decisions = Entscheidungen
ws-no-decision = Noch keine Entscheidung eingetragen.
ws-decide-kind = Entscheidung eintragen (mit dem Schlüssel der Stelle signiert, ins öffentliche Protokoll aufgenommen)
ws-decide-measure = Schutzmaßnahme (für „Schutz gewährt“)
ws-decide-class = Öffentliche Einordnung (im Protokoll und in der Statistik; nie von der meldenden Person erfragt)
ws-decide-class-hint = Wird mit jeder Entscheidung nach der Eingangsbestätigung eingetragen; behalten Sie sie für einen Fall bei, außer sie war falsch. Die vollen Wochen seit der Meldung werden hinzugefügt.
ws-sector = Sektor
ws-area = Bereich
ws-decide-outcome = Ergebnis (für „Fall abgeschlossen“)
ws-decide-reasons = Begründung in Worten (versiegelt für die meldende Person und die Prüfenden; nie öffentlich)
ws-decide-sign = Entscheidung signieren und eintragen
ws-decide-no-key = Um Entscheidungen einzutragen, starten Sie den Arbeitsplatz mit --decision-key decision.key.
ws-reply = Antworten
ws-reply-message = Nachricht an die meldende Person
ws-reply-hint = Hier, auf diesem Arbeitsplatz, für die meldende Person und alle Prüfenden verschlüsselt.
ws-attachments = Anhänge (freiwillig)
ws-send-reply = Antwort senden
ws-set-status = Status des Falls setzen
ws-change-status = Status ändern
ws-retention = Aufbewahrung
ws-held = Unter Aufbewahrungssperre: wird unabhängig von den Aufbewahrungseinstellungen behalten.
ws-deleted-on = Abgeschlossen: endgültig gelöscht am
ws-deleted-on-after = (Aufbewahrungseinstellungen des Servers). Die meldende Person sieht diesen Tag auf der Seite ihres Falls.
ws-not-scheduled = Keine Löschung geplant (gelöscht wird erst nach Abschluss, wenn die Aufbewahrungseinstellungen des Servers es vorsehen).
ws-hold-lift = Aufbewahrungssperre aufheben
ws-hold-place = Aufbewahrungssperre setzen
ws-export-heading = Export und Zugriff
ws-export = Den entschlüsselten Fall in einen Ordner dieses Computers exportieren
ws-export-then = Nach dem Export:
ws-export-button = Entschlüsselten Fall exportieren
ws-grant-hint = Nachdem auf dem Server Prüfende hinzugefügt wurden, verschlüsseln Sie diesen Fall neu, damit sie ihn lesen können. Die Elemente werden auf dem Server ersetzt; der alte Geheimtext wird gelöscht.
ws-grant = Für die aktuellen Prüfenden neu verschlüsseln
ws-case-audit = Prüfprotokoll dieses Falls
ws-file = Datei:
ws-sent-as = Gesendet als { $claimed }; der Inhalt ist
ws-saved-as = Gespeichert als
ws-not-inspected = Diese Datei konnte nicht untersucht werden.
ws-metadata = Metadaten in dieser Datei
ws-found-in = Gefunden in
ws-what = Was
ws-value = Wert
ws-view-safely = Sicher ansehen
ws-view-safely-what = (Bilder ihrer Seiten, in einer Sandbox erzeugt)
ws-download-original = Original herunterladen ({ $name })
ws-safe-view = Sichere Ansicht
ws-safe-view-what = Die sichere Ansicht: Bilder der Seiten der Datei, in einer Sandbox ohne Netz und ohne Zugriff auf die Dateien dieses Computers gezeichnet. Nichts vom Original läuft hier (keine Skripte, Links oder Schriften), und keine Metadaten bleiben übrig.
ws-no-safe-view = Keine sichere Ansicht.
ws-safe-pages = { $pages ->
    [one] 1 Seite.
   *[other] { $pages } Seiten.
}
ws-safe-pdf = Sichere Ansicht herunterladen (PDF aus Bildern)
ws-log-entry = Protokolleintrag { $index }
ws-log-waiting = wartet auf das nächste Protokoll-Update
ws-audit-what = Jede Handlung der Prüfenden, wie vom Server aufgezeichnet (neueste zuerst).
ws-day = Tag
ws-reviewer = Prüfende Person
ws-action = Handlung
ws-detail = Einzelheit
ws-reviewers-what = Antworten, Entscheidungen und neu verschlüsselte Fälle werden auf diesem Arbeitsplatz für alle unten genannten Prüfenden und für die meldende Person des Falls verschlüsselt. Dieser Arbeitsplatz verwendet nur Prüfende, denen er vertraut: Ändert sich die Liste des Servers (Prüfende hinzugefügt oder entfernt, ein Schlüssel ersetzt), wird nichts gesendet, bis Sie die Änderung hier bestätigen. Bestätigen Sie nur eine Änderung, die Ihre Stelle wirklich vorgenommen hat: Ein von Angreifern übernommener Server könnte seinen eigenen Schlüssel hinzufügen, um mitzulesen.
ws-reviewers-same = Die Liste des Servers ist die, der dieser Arbeitsplatz vertraut.
ws-reviewers-differ = Die Liste der Prüfenden auf dem Server weicht von der ab, der dieser Arbeitsplatz vertraut:
ws-reviewers-trust = Der Liste des Servers vertrauen
ws-reviewers-trusted = Auf diesem Arbeitsplatz vertraut
ws-reviewer-key = Schlüssel (age-Empfänger)
ws-reviewers-listed = Vom Server aufgeführt
ws-back-to-inbox = Zurück zum Posteingang
ws-error-unreachable = Der Server ist nicht erreichbar
ws-error-wrong-key = Dieser Schlüssel wird nicht angenommen
ws-error-hostile = Der Server verhält sich fehlerhaft
ws-error-refused = Der Server hat diese prüfende Person abgelehnt
ws-error-not-found = Nicht gefunden
ws-error-trust = Nichts gesendet: Die Schlüssel des Servers sind nicht die vertrauten
ws-error-internal = Etwas ist schiefgegangen
ws-page-not-found-title = Seite nicht gefunden
ws-page-not-found = Unter dieser Adresse gibt es keine Seite.
ws-log-alarm-title = STOPP: Das Protokoll des Servers ist widersprüchlich
ws-loopback-only = Dieser Arbeitsplatz antwortet nur auf seiner Loopback-Adresse.
ws-open-link-title = Öffnen Sie den Arbeitsplatz über seinen Link
ws-open-link = Öffnen Sie die Adresse, die `candor review serve` beim Start ausgegeben hat (sie enthält ein Zugangstoken).
ws-reviewers-changed = Warnung: Die Liste der Prüfenden auf dem Server hat sich geändert, seit dieser Arbeitsplatz ihr vertraut. Es kann nichts gesendet werden, bis Sie die Änderung auf der Seite „Prüfende“ geprüft haben.
ws-file-unreadable-title = Die Datei kann nicht geöffnet werden
ws-file-unreadable = Die Datei ist beschädigt oder mit diesem Schlüssel nicht lesbar.
ws-no-safe-view-title = Keine sichere Ansicht
ws-safe-no-page = Die sichere Ansicht hat keine solche Seite.
ws-refused-title = Anfrage abgelehnt
ws-refused = Dieses Formular ist veraltet; laden Sie die Seite neu und versuchen Sie es erneut.
ws-no-status-title = Kein Status gewählt
ws-no-status = Wählen Sie einen Status und versuchen Sie es erneut.
ws-hold-placed = Aufbewahrungssperre gesetzt: Der Fall wird unabhängig von den Aufbewahrungseinstellungen behalten.
ws-hold-lifted = Aufbewahrungssperre aufgehoben.
ws-no-decision-key-title = Kein Entscheidungsschlüssel
ws-no-decision-key = Starten Sie den Arbeitsplatz mit --decision-key decision.key, um Entscheidungen einzutragen.
ws-choose-decision-title = Wählen Sie eine Entscheidung
ws-choose-decision = Wählen Sie, was entschieden wurde, und versuchen Sie es erneut.
ws-unknown-measure-title = Unbekannte Maßnahme
ws-unknown-measure = Wählen Sie eine Schutzmaßnahme aus der Liste.
ws-choose-class-title = Wählen Sie die Einordnung
ws-choose-class = Wählen Sie Sektor und Bereich aus den Listen und bei einem abgeschlossenen Fall sein Ergebnis.
ws-exported = Der entschlüsselte Fall wurde nach { $folder } geschrieben. { $advice } Seine manifest.json nennt, was jede Datei wirklich ist und welche Metadaten darin gefunden wurden.
ws-export-problems = Probleme: { $problems }.
ws-reviewers-trusted-now = Dieser Arbeitsplatz vertraut jetzt den { $count } Prüfenden des Servers; Antworten werden für sie verschlüsselt.
ws-decision-recorded = Entscheidung eingetragen und signiert: { $decision }. Sie kommt beim nächsten planmäßigen Update ins öffentliche Protokoll.
ws-reply-sent = Ihre Antwort wurde verschlüsselt und gesendet ({ $count } Elemente).
ws-warning = Warnung: { $warning }
ws-status-set = Status gesetzt: { $status }.

## Dateien der meldenden Personen, wie der Arbeitsplatz sie untersucht

list-separator = {", "}
file-offline-advice = Eingesandte Dateien können gebaut sein, um jeden anzugreifen, der sie öffnet: Öffnen Sie Originale nur auf einem Computer ohne Netzverbindung und ohne Schlüssel, oder nutzen Sie die sichere Ansicht, die Dokumente und Bilder in einer Sandbox in reine Bilder verwandelt.
file-class-pdf = ein PDF-Dokument
file-class-image = ein Bild
file-class-text = reiner Text
file-class-svg = ein SVG-Bild
file-class-html = eine Webseite (HTML)
file-class-office = ein Office-Dokument
file-class-executable = ein Programm
file-class-script = ein Skript
file-class-archive = ein Archiv
file-class-audio = Audio
file-class-video = Video
file-class-other = Daten unbekannter Art
file-type-windows-program = ein Windows-Programm
file-type-linux-program = ein Linux-Programm
file-type-macos-program = ein macOS-Programm
file-type-ole = eine ältere Microsoft-Office-Datei (OLE)
file-type-zip = ein ZIP-Archiv
file-type-image = ein { $format }-Bild
file-type-office = ein Office-Dokument ({ $format })
file-type-archive = ein Archiv ({ $format })
file-type-program = ein Programm ({ $format })
file-type-script-shebang = ein Skript (es beginnt mit #!)
file-warn-invisible = Ihr Name enthält unsichtbare Zeichen (als <U+…> gezeigt), die sie wie eine andere Dateiart aussehen lassen können.
file-warn-mismatch = Ihr Name sagt { $claimed }, ihr Inhalt ist aber { $actual }.
file-warn-executable = Es ist { $actual }: Öffnen führt es aus.
file-warn-script = Es ist ein Skript: Öffnen kann es ausführen.
file-warn-html = Es ist eine Webseite: In einem Browser geöffnet, kann sie Skripte ausführen und andere Adressen laden.
file-warn-archive = Es ist ein Archiv: Die Dateien darin wurden nicht geprüft.
file-warn-program-name = Ihr Name endet wie der eines Programms: Ein Computer kann sie beim Öffnen ausführen.
file-warn-markup = Sie enthält auch Webseiten-Markup: Ein Browser, der sie für eine Seite hält, würde es ausführen.
file-warn-pdf-active = Dieses PDF enthält { $what }.
file-warn-macros = Sie enthält Makros: Programme, die beim Öffnen des Dokuments laufen können.
file-warn-loads = Sie lädt beim Öffnen { $url }: Diese Adresse würde erfahren, dass sie geöffnet wurde, wann und von wo.
file-warn-metadata = Ihre Metadaten können die meldende Person, ein Gerät oder einen Ort verraten (unten): Entfernen Sie sie, bevor Sie die Datei weitergeben; die sichere Ansicht hat keine.
file-warn-partly = Nur die ersten { $size } wurden untersucht.
file-warn-archive-damaged = Ihre Archivstruktur ist beschädigt; der Inhalt wurde nicht untersucht.
file-warn-zip-bomb = Sie entpackt sich aus { $size } zu { $expands }: ein Archiv, gebaut, um Speicher oder Festplatte dessen zu erschöpfen, der es öffnet (eine „Zip-Bombe“).
file-pdf-javascript = JavaScript
file-pdf-open-action = eine Aktion, die beim Öffnen läuft
file-pdf-page-actions = Aktionen, die beim Benutzen von Seiten oder Feldern laufen
file-pdf-launch = eine Aktion, die ein Programm startet
file-pdf-submit-form = ein Formular, das Daten an eine Adresse sendet
file-pdf-import-data = eine Aktion, die Daten importiert
file-pdf-embedded-files = eingebettete Dateien
file-pdf-rich-media = eingebettete Medien (Flash)
file-pdf-xfa = ein XFA-Formular
file-pdf-remote-links = Links, die andere Dateien öffnen
file-field-gps-latitude = GPS-Breite
file-field-gps-latitude-ref = GPS-Breite (Bezug)
file-field-gps-longitude = GPS-Länge
file-field-gps-longitude-ref = GPS-Länge (Bezug)
file-field-gps-altitude = GPS-Höhe
file-field-gps-date = GPS-Datum
file-field-camera-make = Kamerahersteller
file-field-camera-model = Kameramodell
file-field-camera-serial = Seriennummer der Kamera
file-field-lens-serial = Seriennummer des Objektivs
file-field-camera-owner = Kamerabesitzer
file-field-author = Autor
file-field-copyright = Urheberrecht
file-field-description = Beschreibung
file-field-comment = Kommentar
file-field-image-id = Bild-ID
file-field-software = Software
file-field-taken = Aufgenommen
file-field-changed = Geändert
file-field-made-with = Erstellt mit
file-field-produced-by = Erzeugt von
file-field-created = Erstellt
file-field-metadata-changed = Metadaten geändert
file-field-document-id = Dokument-ID
file-field-title = Titel
file-field-last-saved-by = Zuletzt gespeichert von
file-field-company = Firma
file-field-manager = Vorgesetzte Person
file-field-subject = Betreff
file-field-keywords = Stichwörter
file-field-last-printed = Zuletzt gedruckt
file-field-template = Vorlage
file-field-custom = Eigene Eigenschaft
file-field-link = Link
file-safe-no-sandbox = Die sichere Ansicht braucht bubblewrap (den Befehl bwrap, Debian-Paket bubblewrap); ohne ihre Sandbox wird keine Datei umgewandelt.
file-safe-sandbox = Die Sandbox konnte nicht gestartet werden: { $reason }.
file-safe-not-convertible = Es ist { $actual }; die sichere Ansicht wandelt nur Dokumente, Bilder und Text um.
file-safe-expands = Sie entpackt sich beim Öffnen zu { $expands }, mehr als die sichere Ansicht umwandelt ({ $limit }).
file-safe-too-many-pages = Sie hat { $pages } Seiten; die sichere Ansicht wandelt höchstens { $limit } um.
file-safe-too-many-pages-unknown = Sie hat mehr Seiten, als die sichere Ansicht umwandelt ({ $limit }).
file-safe-too-wide = Ihr Bild ist { $pixels } Pixel breit; die sichere Ansicht wandelt höchstens { $limit } um.
file-safe-unreadable = Sie konnte nicht als { $kind } gelesen werden und wurde daher nicht umgewandelt.
file-safe-unreadable-any = Sie konnte nicht gelesen werden und wurde daher nicht umgewandelt.
file-safe-input-too-large = Sie ist größer, als die sichere Ansicht umwandelt ({ $limit }).
file-safe-office-failed = LibreOffice konnte sie innerhalb der Grenzen der sicheren Ansicht nicht umwandeln: Sie ist vielleicht beschädigt oder gebaut, um diese Grenzen zu erschöpfen.
file-safe-no-libreoffice = Office-Dokumente brauchen LibreOffice auf diesem Computer (Debian-Paket libreoffice-writer-nogui); es ist nicht installiert.
file-safe-no-font = Text wird mit DejaVu Sans gezeichnet (Debian-Paket fonts-dejavu-core), das nicht installiert ist.
file-safe-failed = Sie konnte innerhalb der Grenzen der sicheren Ansicht (Speicher, CPU-Zeit, Seitengröße) nicht umgewandelt werden.
file-safe-timed-out = Sie wurde nicht innerhalb von { $seconds } Sekunden umgewandelt, und die Umwandlung wurde abgebrochen.
file-safe-output-too-large = Ihre Seiten würden mehr als { $limit } Speicher belegen; sie wurde nicht umgewandelt.
file-safe-output = Die sichere Ansicht konnte nicht geschrieben werden.

## The identity lane: an optional identity statement, sealed for the identity custodians

identity-legend = Ihre Identität (freiwillig)
identity-anonymous = Sie können anonym bleiben: Lassen Sie dieses Feld leer. Um Sie zu schützen (vor Repressalien, durch Wiedereinstellung oder Immunität), muss die Stelle wissen, wer Sie sind; Sie können dies auch später auf der Seite Ihres Falls ergänzen.
identity-sealed = Was Sie hier schreiben, wird getrennt von Ihrer Meldung versiegelt. Keine prüfende Person kann es lesen, und Ihr Belegcode öffnet es nicht: Nur { $threshold } der { $count } Identitätsverwahrer von { $body } können es gemeinsam öffnen.
identity-label = Wer Sie sind: Name, Geburtsdatum, Organisation, Position, wie man Sie erreicht
identity-too-long = Die Identitätsangabe ist zu lang (höchstens { $max } Bytes). Kürzen Sie sie und senden Sie sie erneut.
identity-not-text = Die Identitätsangabe konnte nicht als Text gelesen werden. Geben Sie sie erneut ein und senden Sie sie.
case-identity-heading = Der Stelle sagen, wer Sie sind, um Schutz zu erhalten
case-identity-send = Meine Identitätsangabe senden
case-identity-sent = Ihre Identitätsangabe wurde versiegelt und gesendet.
case-identity-given = Sie haben eine Identitätsangabe gemacht. Sie ist versiegelt: Sie öffnet sich nur mit { $threshold } dieser Identitätsverwahrer gemeinsam: { $custodians }.
ws-identity = Identitätsangabe, versiegelt: Sie öffnet sich nur mit { $threshold } dieser Verwahrer gemeinsam: { $custodians }.

## Disclosure of an identity statement: a decision in steps, each in the public log

kind-identity-disclosure-requested = Offenlegung der Identität der meldenden Person beantragt
kind-identity-notice-waived = Frist vor einer Identitätsoffenlegung verkürzt (dringend)
kind-identity-disclosure-approved = Offenlegung der Identität der meldenden Person gebilligt
kind-identity-disclosed = Identität der meldenden Person offengelegt
record-by-custodian = { $kind } ({ $custodian })
case-identity-request-heading = Die Offenlegung Ihrer Identität wurde beantragt
case-identity-requested = { $custodian } hat am { $day } beantragt, Ihre Identitätsangabe zu öffnen. Sie kann nicht vor dem { $until } geöffnet werden, außer ein Verwahrer hält einen dringenden Grund fest (Sie sähen ihn unten), und nur, wenn { $threshold } Verwahrer zugestimmt haben; jeder Schritt wird unten und im öffentlichen Protokoll festgehalten.
case-identity-object = Wenn Sie widersprechen, begründen Sie es vor dem { $until } in einer Antwort unten.
ws-identity-layers = Schichten einer Identitätsangabe, abgenommen von einem Verwahrer, der ihre Offenlegung gebilligt hat.
ws-identity-heading = Identitätsangabe
ws-identity-reasons = Gründe (die meldende Person liest sie)
ws-identity-request = Offenlegung beantragen
ws-identity-request-hint = Die meldende Person erfährt es sofort, auf der Seite ihres Falls und im öffentlichen Protokoll. Sie können die Angabe frühestens am { $until } öffnen, wenn { $threshold } Verwahrer, Sie eingeschlossen, zugestimmt haben.
ws-identity-requested = { $custodian } hat die Offenlegung beantragt; sie kann ab dem { $until } mit { $threshold } Verwahrern erfolgen. Bisher zugestimmt: { $agreed }.
ws-identity-open = Offenlegung festhalten und Angabe öffnen
ws-identity-open-hint = Genug Verwahrer haben zugestimmt. Die Offenlegung wird im öffentlichen Protokoll festgehalten und der meldenden Person gezeigt, bevor die Angabe hier erscheint; sie wird auf diesem Rechner nicht gespeichert.
ws-identity-waiting = Warten auf die Zustimmung der anderen Verwahrer.
ws-identity-approve = Offenlegung billigen
ws-identity-approve-hint = Mit der Billigung nehmen Sie Ihre Schicht von den Kopien der Angabe für { $custodian } ab; die meldende Person sieht Ihre Billigung und ihre Gründe.
ws-identity-wait = Die Frist der meldenden Person läuft bis zum { $until }: Ab diesem Tag können Sie billigen.
ws-identity-waive = Frist verkürzen (dringend)
ws-identity-waive-hint = Nur aus dringendem Grund: Er wird im öffentlichen Protokoll festgehalten, und die meldende Person liest ihn.
ws-identity-statement-title = Identitätsangabe im Fall { $reference }
ws-identity-statement-recorded = Die Offenlegung ist festgehalten. Diese Seite wird auf diesem Rechner nicht gespeichert.
ws-back-to-case = Zurück zum Fall
ws-identity-no-statement = Dieser Fall hat keine solche Identitätsangabe.
ws-identity-refused-title = Jetzt nicht möglich
ws-identity-not-custodian = Nur ein Verwahrer dieser Angabe kann diesen Schritt tun.
ws-identity-no-reasons = Geben Sie die Gründe an: Die meldende Person liest sie.
ws-identity-no-request = Für diese Angabe ist keine Offenlegung beantragt.
ws-identity-already-requested = Die Offenlegung dieser Angabe ist bereits beantragt.
ws-identity-already-agreed = Sie haben dieser Offenlegung bereits zugestimmt.
ws-identity-too-early = Die Frist der meldenden Person läuft bis zum { $until }, und kein Verwahrer hat einen dringenden Grund für eine Verkürzung festgehalten.
ws-identity-not-ready = Noch nicht genug Verwahrer haben zugestimmt: Der Schlüssel dieses Arbeitsplatzes kann sie nicht öffnen.

## Reward and reprisal

kind-reward-granted = Belohnung gewährt
kind-reprisal-confirmed = Repressalie festgestellt
kind-reprisal-reported = Repressalie von der meldenden Person gemeldet
case-reprisal-heading = Erleiden Sie Repressalien?
case-reprisal-hint = Kündigung, Herabstufung, Drohungen, Belästigung, eine Versetzung: Sagen Sie der Stelle, was Ihnen geschieht, mit allen Unterlagen. Es wird als Meldung von Repressalien festgehalten (das öffentliche Protokoll zählt solche Meldungen, ohne zu sagen, von wem), und die Stelle antwortet binnen { $days } Tagen.
case-reprisal-what = Was Ihnen geschieht
case-reprisal-send = Repressalien melden
case-reprisal-sent = Ihre Meldung von Repressalien wurde verschlüsselt und gesendet.
case-reprisal-pending = Sie haben am { $day } Repressalien gemeldet; die Stelle antwortet bis zum { $by }.
ws-due-reprisal = auf die Meldung von Repressalien antworten

## Certificates bound to their holder

case-certificate-without-reasons = ohne die Gründe
case-present-label = Die Frage einer prüfenden Stelle
case-present-hint = Um jemandem (einem Gericht, einem Arbeitgeber) zu beweisen, dass diese Entscheidung Ihre ist, ohne zu sagen, wer Sie sind: Bitten Sie um ein paar Wörter nach deren Wahl, geben Sie sie hier ein und übergeben Sie die erhaltene Datei mit dem Zertifikat.
case-present-button = Nachweis herunterladen
case-present-not-bound = Diese Entscheidung ist nicht an Ihren Belegcode gebunden: Sie kann nicht nachgewiesen werden.
case-present-bad-challenge = Geben Sie die Frage der prüfenden Stelle ein: ein paar Wörter, höchstens { $max } Bytes.
ws-decide-issued-to = Ausstellen für { $name } (die Wörter, denen die meldende Person zugestimmt hat)
ws-decide-issued-to-hint = Die Bescheinigung zeigt diese Wörter; das öffentliche Protokoll hält nur ihre Bindung fest.
ws-decide-issued-to-not-disclosed = Die meldende Person hat zugestimmt, dass Bescheinigungen sie als „{ $name }“ nennen, aber ihre Identität ist der Stelle nicht offengelegt: Keine Bescheinigung nennt sie, bevor dies geschieht.
ws-decide-issued-to-nobody = Für niemanden ausgestellt: Die meldende Person hat nicht zugestimmt, auf Bescheinigungen genannt zu werden.
ws-issued-to-item = Die meldende Person hat zugestimmt, dass Bescheinigungen sie so nennen: { $name }
ws-issued-to-withdrawn-item = Die meldende Person hat ihre Zustimmung, auf Bescheinigungen genannt zu werden, widerrufen.
ws-issued-to-stale-title = Nicht für die meldende Person ausgestellt
ws-issued-to-stale = Die Zustimmung der meldenden Person ist nicht mehr die, die das Formular zeigte, oder ihre Identität ist nicht offengelegt. Nichts wurde aufgezeichnet; öffnen Sie den Fall erneut.
issued-to-too-long = Der Name ist zu lang (höchstens { $max } Zeichen). Kürzen Sie ihn und senden Sie ihn erneut.
issued-to-not-text = Der Name konnte nicht als Text gelesen werden. Geben Sie ihn erneut ein und senden Sie ihn.
case-issued-to-heading = Ihr Name auf Bescheinigungen
case-issued-to-hint = Sobald die Stelle Ihre Identitätsangabe geöffnet hat, dürfen die Bescheinigungen, die sie Ihnen ausstellt (zum Beispiel, dass Ihr Status anerkannt ist), Sie namentlich nennen, damit Sie sie einem Arbeitgeber oder einem Gericht zeigen können. Schreiben Sie die Wörter, die sie zeigen dürfen, etwa Ihren Namen und Ihr Geburtsdatum: Sie werden für die Prüfenden der Stelle versiegelt, und das öffentliche Protokoll hält nur eine Bindung daran fest. Ohne Ihre Zustimmung nennen Bescheinigungen niemanden.
case-issued-to-agreed = Bescheinigungen dürfen Sie so nennen: { $name }
case-issued-to-withdraw = Diese Zustimmung widerrufen
case-issued-to-label = Die Wörter, die eine Bescheinigung zeigen darf
case-issued-to-send = So genannt werden
case-issued-to-sent = Ihre Zustimmung wurde versiegelt und gesendet: Neue Bescheinigungen dürfen Sie mit diesen Wörtern nennen.
case-issued-to-withdrawn = Ihre Zustimmung wurde widerrufen: Neue Bescheinigungen nennen Sie nicht.
case-issued-to-item = Sie haben zugestimmt, dass Bescheinigungen Sie so nennen: { $name }
case-issued-to-withdrawn-item = Sie haben Ihre Zustimmung, auf Bescheinigungen genannt zu werden, widerrufen.
