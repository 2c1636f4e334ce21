# Textele paginilor Candor, în română. Aceleași chei ca locales/en/candor.ftl.
# Traducerea trebuie revizuită de un vorbitor nativ.

## Cadrul fiecărei pagini

nav-how = Cum funcționează
nav-report = Faceți o sesizare
nav-check = Verificați sesizarea
nav-main = Meniu principal
nav-languages = Limbi
footer-safety = Acest serviciu nu folosește JavaScript, nici cookie-uri pentru sesizare, nici resurse externe. Funcționează la nivelul de securitate „Cel mai sigur” (Safest) al Tor Browser.
footer-figures = Sesizări și decizii în cifre
footer-figures-note = (numărate din registrul public)
back-to-start = Înapoi la început

## Pagina de start

index-title = Sesizați neregulile în siguranță
index-heading = Sesizați neregulile la { $body }
index-intro = { $body } este un organism independent. Primește sesizări privind nereguli, decide dacă persoana care a sesizat este avertizor de integritate și acordă protecție împotriva represaliilor.
index-what-happens = Ce se întâmplă cu sesizarea dumneavoastră
index-step-write = Scrieți ce s-a întâmplat și, dacă doriți, atașați documente. Nu trebuie să vă dați numele.
index-step-encrypt = Pe măsură ce sesizarea sosește, acest server o criptează, bucată cu bucată, în memorie, cu cheile examinatorilor organismului. Nu scrie niciodată cuvintele sau fișierele dumneavoastră necriptate pe disc și nu păstrează nicio copie pe care ar putea-o citi.
index-step-receipt-before = Primiți un
index-step-receipt-term = cod de confirmare
index-step-receipt-after = din opt cuvinte. Numai acest cod vă permite să reveniți.
index-step-review = Examinatorii decriptează sesizarea pe propriile calculatoare, confirmă primirea în 7 zile și vă răspund în 3 luni.
index-who-reads = Cine o poate citi
index-readers = Numai examinatorii { $body }, fiecare cu propria cheie:
index-readers-after = Cei care administrează acest server nu o pot citi. Sesizarea este criptată și cu o cheie derivată din codul dumneavoastră de confirmare, ca să o puteți reciti când reveniți.
index-no-javascript = Deoarece această pagină funcționează fără JavaScript, browserul trimite sesizarea către server înainte de a fi criptată; conexiunea însăși este criptată de Tor. Serverul o criptează imediat ce sosește.
index-receipt-heading = Codul dumneavoastră de confirmare
index-receipt = După ce trimiteți sesizarea, vedeți codul de confirmare o singură dată. Scrieți-l pe hârtie și păstrați-l într-un loc sigur. Cu el puteți citi întrebările și răspunsurile organismului, răspunde, adăuga documente, vedea ce s-a decis despre protecția dumneavoastră și descărca dovada. Nimeni nu poate recupera un cod pierdut: nici organismul, nici noi.
index-safety-heading = Rămâneți în siguranță
index-safety-tor-before = Folosiți
index-safety-tor-browser = Tor Browser
index-safety-tor-middle = cu nivelul de securitate
index-safety-tor-level = Cel mai sigur (Safest)
index-safety-device = Nu folosiți un calculator, un telefon sau o rețea a angajatorului. Un dispozitiv personal într-o rețea publică sau de acasă este mai bun.
index-safety-documents = Documentele pot dezvălui cine le-a creat: nume de autor, nume de dispozitive, locații în fotografii, puncte de urmărire în tipărituri. Eliminați ce puteți sau descrieți documentul.
index-safety-secret = Nu spuneți nimănui că ați făcut o sesizare și nu păstrați codul de confirmare unde l-ar putea găsi alții.
index-limit = Puteți trimite până la { $size } deodată: un mesaj și oricâte fișiere doriți.

## Formularul de sesizare

submit-title = Faceți o sesizare
submit-intro = Descrieți ce s-a întâmplat: cine, ce, când, unde și de unde știți. Nu trebuie să vă dați numele. Tot ce trimiteți este criptat pentru examinatorii { $body } pe măsură ce sosește.
submit-message = Mesajul dumneavoastră
submit-message-hint = Text simplu. Dacă este lung, îl puteți atașa și ca fișier.
submit-files = Documente (opțional)
submit-files-hint = Puteți alege mai multe fișiere. Până la { $size } în total. Și numele fișierelor sunt criptate.
submit-send = Trimiteți sesizarea
submit-slow = Trimiterea fișierelor mari prin Tor poate dura mult. Țineți această filă deschisă până vedeți codul de confirmare.

## Confirmarea, afișată o singură dată

receipt-title = Sesizarea dumneavoastră a fost primită
receipt-stored = { $files ->
    [0] Sesizarea dumneavoastră a fost criptată și păstrată în siguranță.
    [one] Sesizarea dumneavoastră și 1 fișier au fost criptate și păstrate în siguranță.
    [few] Sesizarea dumneavoastră și { $files } fișiere au fost criptate și păstrate în siguranță.
   *[other] Sesizarea dumneavoastră și { $files } de fișiere au fost criptate și păstrate în siguranță.
}
receipt-heading = Codul dumneavoastră de confirmare
receipt-write-now = Scrieți acest cod acum, pe hârtie.
receipt-once = Este afișat doar acum. Nu îl putem afișa din nou și nici recupera.
receipt-english = Codul este întotdeauna format din opt cuvinte în engleză, indiferent de limba acestor pagini, astfel încât același cod să funcționeze în toate limbile. Copiați fiecare cuvânt literă cu literă, în ordine, cu un spațiu între cuvinte; nu trebuie să le înțelegeți.
receipt-next = Ce urmează
receipt-next-deadlines = Examinatorii organismului vor confirma primirea sesizării în 7 zile și vă vor răspunde în 3 luni.
receipt-next-return = Reveniți cu Tor Browser și codul de confirmare pentru a le citi întrebările, a răspunde, a adăuga documente și a urmări decizia privind protecția dumneavoastră.
receipt-next-close = După ce ați notat codul, închideți această filă.

## Autentificarea cu codul de confirmare

followup-title = Verificați sesizarea
followup-intro = Introduceți codul de confirmare din opt cuvinte primit când ați făcut sesizarea. Majusculele și spațiile în plus nu contează.
followup-code = Cod de confirmare
followup-code-hint = De exemplu: opt cuvinte separate prin spații.
followup-english = Cuvintele sunt în engleză în toate limbile: tastați-le așa cum le-ați notat, cu litere latine.
followup-open = Deschideți sesizarea mea
followup-timeout = Pentru siguranța dumneavoastră, sunteți deconectat după 30 de minute fără activitate. Deconectați-vă singur când ați terminat, mai ales pe un calculator folosit și de alții.
signin-again-title = Autentificați-vă din nou
signin-again = Nu sunteți autentificat. Pentru siguranța dumneavoastră, sesiunile se încheie după o perioadă fără activitate, când vă deconectați și când serviciul repornește.
signin-again-button = Autentificați-vă cu codul de confirmare
signed-out-title = V-ați deconectat
signed-out = V-ați deconectat. Închideți această filă; în Tor Browser, folosiți „Identitate nouă” pentru a șterge totul.

## Pagina cazului

status-received = Primită
status-received-meaning = Sesizarea dumneavoastră a sosit în siguranță. Organismul va confirma că o analizează.
status-acknowledged = Primire confirmată
status-acknowledged-meaning = Organismul a confirmat că a primit sesizarea și o va analiza.
status-in-review = În analiză
status-in-review-meaning = Organismul vă analizează sesizarea. Vă poate pune întrebări aici; reveniți periodic.
status-decided = Decisă
status-decided-meaning = Organismul a decis în cazul dumneavoastră. Deciziile sunt afișate mai jos.
status-closed = Închisă
status-closed-meaning = Cazul dumneavoastră este închis. Puteți citi în continuare totul aici.
case-title = Sesizarea dumneavoastră
case-status = Stare: { $status }
case-dates = Datele cazului dumneavoastră
case-received = Sesizare primită
case-acknowledge-by = Confirmarea primirii până la
case-done = — făcut
case-late = întârziat
case-feedback-by = Răspuns până la
case-deadlines = Legea obligă organismul să confirme primirea unei sesizări în 7 zile și să vă spună ce face în privința ei în 3 luni (6 în unele cazuri).
case-kept-heading = Cât timp este păstrată sesizarea
case-deleted-before = Cazul dumneavoastră este închis. Înregistrările sale (sesizarea, fișierele și conversația) vor fi
case-deleted-on = șterse definitiv la { $day }
case-deleted-after = , la { $months } luni după ultimul mesaj: legea cere ca înregistrările să nu fie păstrate mai mult decât este necesar.
case-deleted-save = Salvați înainte de această dată ce doriți să păstrați (certificate, răspunsuri). Registrul public își păstrează intrările, care nu numesc pe nimeni.
case-held = Cazul dumneavoastră este închis. Organismul îi păstrează deocamdată înregistrările, din motive legale (reținere legală).
case-decisions = Decizii privind protecția dumneavoastră
case-decisions-intro = Fiecare decizie este semnată de { $body } și înscrisă în registrul său public, care nu poate fi falsificat. Un certificat vă permite să o dovediți în fața unei instanțe, a unui angajator sau a oricui altcuiva, care o poate verifica fără să ne contacteze.
case-certificate = Descărcați certificatul
case-conversation = Conversație
case-you-wrote = Ați scris pe { $day }
case-body-wrote = a scris pe { $day }
case-altered = Acest element nu este cel pe care l-ați trimis.
case-altered-why = Diferă de amprenta înregistrată când a sosit sesizarea, deci a fost înlocuit sau deteriorat ulterior. Anunțați organismul și păstrați-vă propria copie.
case-answer-heading = Răspundeți sau adăugați documente
case-answer = Răspunsul dumneavoastră
case-files-hint = Până la { $size } în total.
case-send = Trimiteți răspunsul
case-sign-out = Deconectare
case-file = Fișier:
case-proof = Dovada sesizării: primită la { $day }.
case-decision = Decizie: { $decision }
case-unreadable = (Acest element nu a putut fi deschis.)

## Erori și refuzuri

error-internal-title = Ceva nu a funcționat
error-internal = Ceva nu a funcționat la noi. Încercați din nou mai târziu.
error-report-too-large-title = Sesizare prea mare
error-too-large-title = Prea mare
error-too-large = Ce ați trimis depășește ce acceptă acest formular, așa că nu s-a păstrat nimic.
error-not-found-title = Pagina nu a fost găsită
error-not-found-short = Nu există nicio pagină la această adresă.
error-method-title = Indisponibil
error-method = Această adresă nu poate fi folosită astfel. Reveniți la început și folosiți legăturile.
error-bad-request-title = Cererea nu a putut fi citită
error-bad-request = Cererea a sosit deteriorată sau incompletă, așa că nu s-a păstrat nimic. Reveniți și încercați din nou.
error-refused-title = Cerere refuzată
error-cross-site = Acest formular a fost trimis de pe alt site, așa că a fost refuzat. Deschideți direct acest site și încercați din nou.
error-panic = Ceva nu a funcționat la noi. Nimic din ce ați trimis în această cerere nu a fost păstrat. Încercați din nou mai târziu.
error-not-found = Nu există nicio pagină la această adresă. Verificați adresa sau porniți din nou de la pagina de start.
submit-empty = Sesizarea este goală. Scrieți un mesaj sau alegeți cel puțin un fișier.
submit-not-utf8 = Mesajul conține caractere care nu au putut fi citite. Nu s-a păstrat nimic. Tastați din nou mesajul sau atașați-l ca fișier.
submit-too-long-title = Mesaj prea lung
submit-too-long = Mesajul depășește 1 MiB de text. Nu s-a păstrat nimic. Atașați textele lungi ca fișier și trimiteți din nou.
submit-too-many-files-title = Prea multe fișiere
submit-malformed-title = Formularul nu a putut fi citit
submit-malformed = Formularul a sosit incomplet sau deteriorat, așa că nu s-a păstrat nimic. Reveniți, alegeți din nou fișierele și retrimiteți.
submit-timeout-title = Încărcarea s-a oprit
submit-timeout = Nu a sosit nimic timp de câteva minute, așa că încărcarea a fost oprită și nu s-a păstrat nimic. Încercați din nou.
busy-title = Serviciu ocupat; încercați din nou peste un minut
submit-busy = Multe persoane folosesc acum acest serviciu. Nu s-a păstrat nimic. Așteptați un minut și trimiteți din nou.
submit-internal-title = Sesizarea nu a fost păstrată
submit-internal = Ceva nu a funcționat la noi și sesizarea NU a fost păstrată. Nu s-a reținut nimic din ea. Încercați din nou mai târziu.
signin-busy = Multe persoane se autentifică acum. Așteptați un minut și încercați din nou.
signin-empty = Introduceți codul de confirmare în câmpul de mai jos.
signin-wrong = Acest cod nu deschide nicio sesizare. Verificați fiecare cuvânt după notița dumneavoastră și încercați din nou.
signin-code-empty = Introduceți codul de confirmare: opt cuvinte.
signin-code-length = Un cod de confirmare are opt cuvinte; ați introdus { $found }. Verificați notița.
signin-code-unknown-word = Cel puțin un cuvânt nu este în lista noastră. Verificați ortografia după notiță.
signin-code-too-long = Este prea lung pentru a fi un cod de confirmare.
case-file-not-found-title = Fișier negăsit
case-file-not-found = Acest fișier nu există în cazul dumneavoastră.
case-record-not-found-title = Negăsit
case-record-not-found = Această decizie nu există în cazul dumneavoastră.
case-certificate-pending-title = Certificatul nu este gata încă
case-answer-empty = Răspunsul era gol, așa că nu s-a trimis nimic. Scrieți un mesaj sau alegeți un fișier.
case-answer-not-utf8 = Răspunsul conține caractere care nu au putut fi citite, așa că nu s-a trimis nimic. Tastați-l din nou sau atașați-l ca fișier.
case-csrf = Acest formular este expirat sau nu a fost trimis de pe acest site, așa că a fost refuzat. Deschideți din nou cazul și reîncercați.
error-report-too-large = Sesizarea depășește limita de { $limit }. Nu s-a păstrat nimic. Trimiteți mai puține fișiere sau fișiere mai mici deodată: puteți adăuga altele mai târziu cu codul de confirmare.
submit-too-many-files = O sesizare poate conține cel mult { $max } fișiere. Nu s-a păstrat nimic. Puneți fișierele într-o arhivă sau trimiteți-le în părți.
case-certificate-pending = Această decizie este adăugată în registrul public la următoarea actualizare programată (cel mult peste { $interval }). Reveniți mai târziu pentru a descărca certificatul.
case-answer-sent = { $files ->
    [0] Răspunsul dumneavoastră a fost trimis.
    [one] Răspunsul dumneavoastră și 1 fișier au fost trimise.
    [few] Răspunsul dumneavoastră și { $files } fișiere au fost trimise.
   *[other] Răspunsul dumneavoastră și { $files } de fișiere au fost trimise.
}

## Intrările registrului și clasificarea publică

kind-report-received = Sesizare primită
kind-acknowledged = Primirea sesizării confirmată
kind-status-recognized = Statut de avertizor de integritate recunoscut
kind-status-declined = Statut de avertizor de integritate refuzat
kind-protection-granted = Protecție acordată
kind-status-revoked = Statut de avertizor de integritate retras
kind-case-closed = Caz închis
record-with-measure = { $kind }: { $measure }
measure-confidentiality = protecția identității (confidențialitate)
measure-reprisal-protection = protecție împotriva represaliilor
measure-interim-relief = măsuri provizorii
measure-reinstatement-recommended = reintegrare recomandată
measure-immunity-recommended = imunitate recomandată
sector-public = Sector public
sector-private = Sector privat
sector-not-stated = Sector nedeclarat
area-bribery = Mită
area-embezzlement = Delapidare
area-public-procurement = Achiziții publice
area-money-laundering = Spălare de bani
area-conflict-of-interest = Conflict de interese
area-public-finance-fraud = Fraudă în dauna finanțelor publice
area-other = Altele
outcome-referred = Trimis unei autorități competente
outcome-proceedings-opened = Anchetă sau procedură deschisă
outcome-substantiated = Neregulă constatată
outcome-not-substantiated = Neregulă neconstatată
outcome-insufficient-information = Informații insuficiente
outcome-outside-mandate = În afara mandatului organismului
outcome-withdrawn = Retrasă de persoana care a sesizat

## Statistici: /transparency și rapoartele anuale

log-unavailable-title = Registrul nu este disponibil
log-unavailable = Registrul nu a putut fi citit. Încercați din nou mai târziu.
log-no-tile-title = Bloc inexistent
log-no-tile = Acest bloc nu se află în registru.
stats-title = Transparență
stats-heading = Transparență: sesizări și decizii
stats-intro = Fiecare sesizare primită și fiecare decizie a { $body } privind statutul și protecția unui avertizor este o intrare într-un registru public în care se poate doar adăuga:
stats-entries = ({ $size ->
    [one] 1 intrare
    [few] { $size } intrări
   *[other] { $size } de intrări
}).
stats-intro-after = Aceste cifre sunt numărate doar din acele intrări; nimic din ele nu identifică o persoană sau un caz.
stats-none = Nu a fost primită încă nicio sesizare.
stats-years = Ani
stats-years-caption = Sesizări și decizii pe ani; fiecare an are raportul său anual
stats-year = An
stats-new-reports = Sesizări noi
stats-decisions = Decizii
stats-the-year = Anul { $year }
stats-check = Verificați singur aceste cifre
stats-check-keys = Obțineți cheile publice ale registrului și ale organismului dintr-o sursă de încredere; se află și la
stats-check-run = Rulați
stats-check-run-after = (adăugați --stats json pentru JSON). Comanda descarcă punctul de control semnat și fiecare intrare și bloc al registrului (c2sp.org/tlog-tiles), recalculează rădăcina Merkle, verifică faptul că registrul doar a crescut de la ultima verificare și scrie același transparency.csv din intrările însele.
stats-check-hand = Sau numărați de mână: fiecare intrare este o notă semnată cu tipul și ziua ei și, pentru decizii, sectorul, domeniul, rezultatul și săptămânile întregi de la sesizare. Intrările mai vechi au doar tipul și ziua și se numără ca neclasificate. Cele două formate:
stats-no-year-title = Niciun raport pentru acel an
stats-no-year = Registrul nu are intrări în acel an.
stats-annual-title = Raport anual { $year }
stats-annual-heading = Raport anual { $year }: sesizări și decizii
stats-annual-intro = Numărate după ziua fiecărei intrări din registrul public al { $body }:
stats-all-years = Toți anii
stats-suppressed = Pentru a proteja persoanele care sesizează, cifrele de la 1 la { $largest } sunt afișate ca „<{ $below }”: mai puțin de { $below }.
stats-open-data = Date deschise
stats-csv = (fiecare cifră, fiecare an și trimestru)
stats-json = (la fel, cu dimensiunea registrului)
stats-datapackage = (schema, Frictionless Data)
stats-fewer-than = mai puțin de { $below }
stats-number = Număr
stats-bar = Bară
stats-too-few = prea puține pentru a fi afișate
stats-share = { $percent } % ({ $part } din { $whole })
stats-share-small = mai puțin de { $below } din { $whole }
stats-unclassified = Neclasificate (intrări vechi)
stats-received-in = Sesizări primite în { $year }
stats-by-quarter = Pe trimestre, după ziua fiecărei intrări
stats-quarter = Trimestru
stats-quarter-name = T{ $quarter }
stats-follow-ups = Completări (persoane care își completează cazul):
stats-receipts-unclassified = Confirmări vechi (formatul versiunea 1) care nu arată dacă au deschis un caz sau au completat unul existent:
stats-decisions-in = Decizii în { $year }
stats-by-kind = Decizii pe tipuri
stats-decision = Decizie
stats-by-area = Decizii de statut pe domenii
stats-by-area-caption = Statut de avertizor recunoscut sau refuzat, după obiectul sesizării
stats-area = Domeniu
stats-recognized = Recu{"\u00AD"}noscut
stats-declined = Refuzat
stats-by-sector = Decizii de statut pe sectoare
stats-by-sector-caption = Statut de avertizor recunoscut sau refuzat, după locul unde a avut loc neregula
stats-sector = Sector
stats-by-outcome = Cazuri închise după rezultat
stats-by-outcome-caption = Cum s-au încheiat cazurile închise
stats-outcome = Rezultat
stats-timeliness = Termene
stats-timeliness-caption = Numărat pe deciziile care indică săptămânile de la sesizare (formatul versiunea 2)
stats-acknowledged-in-7-days = Primire confirmată în 7 zile
stats-answered-in-3-months = Răspuns în 3 luni (statut decis în mai puțin de 13 săptămâni)
stats-median-weeks = Mediana săptămânilor de la sesizare la decizia de statut

## Stația de lucru

ws-title = Stația de lucru Candor
ws-inbox = Mesaje primite
ws-audit = Jurnal de audit
ws-reviewers = Examinatori
ws-signed-in-as = Autentificat ca
ws-due-acknowledge = confirmați primirea
ws-due-feedback = răspundeți
ws-due-nothing = nimic scadent
ws-no-reports = Nicio sesizare încă.
ws-filter-label = Filtrați cazurile
ws-status = Stare
ws-any = oricare
ws-reference = Referință
ws-unread-only = doar necitite
ws-overdue-only = doar întârziate
ws-filter = Filtrați
ws-show-all = Afișați tot
ws-no-match = Niciun caz nu corespunde, din { $all }.
ws-cases-match = { $matching } din { $all } cazuri corespund
ws-cases = { $all ->
    [one] 1 caz
    [few] { $all } cazuri
   *[other] { $all } de cazuri
}
ws-cases-shown = , cele mai urgente întâi; afișate { $first }–{ $last }. Sesizările trebuie confirmate în 7 zile și primesc răspuns în termenul de răspuns.
ws-case = Caz
ws-received = Primit
ws-next-deadline = Următorul termen
ws-unread = Necitite
ws-due-by = { $what } până la { $day }
ws-overdue = întârziat
ws-new-items = { $count } noi
ws-pages = Pagini
ws-previous = Înapoi
ws-page-of = Pagina { $page } din { $pages }
ws-next = Înainte
ws-case-title = Cazul { $reference }
ws-blocked = Răspunsurile, deciziile și recriptarea sunt blocate pentru acest caz.
ws-acknowledge-by = Confirmați primirea până la
ws-feedback-by = Răspuns până la
ws-next-due = Următorul
ws-conversation = Conversație
ws-reporter = Persoana care sesizează
ws-the-body = Organismul
ws-altered = Înlocuit sau deteriorat:
ws-altered-why = acest element diferă de SHA-256 la care se angajează confirmarea sesizării din registru. Nu este ce a trimis persoana care sesizează; nu vă bazați pe el și aflați cine l-a modificat.
ws-unreadable = Elementul { $id } nu poate fi deschis cu această cheie.
ws-decisions = Decizii
ws-no-decision = Nicio decizie înregistrată încă.
ws-decide-kind = Înregistrați o decizie (semnată cu cheia organismului, adăugată în registrul public)
ws-decide-measure = Măsură de protecție (pentru „Protecție acordată”)
ws-decide-class = Clasificare publică (în registru și în statistici; nu este cerută niciodată persoanei care sesizează)
ws-decide-class-hint = Se înregistrează la fiecare decizie după confirmarea primirii; păstrați-o la fel pentru un caz, dacă nu a fost greșită. Se adaugă săptămânile întregi de la sesizare.
ws-sector = Sector
ws-area = Domeniu
ws-decide-outcome = Rezultat (pentru „Caz închis”)
ws-decide-reasons = Motivarea, în cuvinte (sigilată pentru persoana care sesizează și examinatori; niciodată publică)
ws-decide-sign = Semnați și înregistrați decizia
ws-decide-no-key = Pentru a înregistra decizii, porniți stația de lucru cu --decision-key decision.key.
ws-reply = Răspuns
ws-reply-message = Mesaj către persoana care sesizează
ws-reply-hint = Criptat aici, pe această stație, pentru persoana care sesizează și pentru fiecare examinator.
ws-attachments = Atașamente (opțional)
ws-send-reply = Trimiteți răspunsul
ws-set-status = Stabiliți starea cazului
ws-change-status = Schimbați starea
ws-retention = Păstrare
ws-held = Sub reținere legală: păstrat indiferent de setările de păstrare.
ws-deleted-on = Închis: șters definitiv la
ws-deleted-on-after = (setările de păstrare ale serverului). Persoana care sesizează vede această zi pe pagina cazului.
ws-not-scheduled = Nicio ștergere programată (se șterge doar după închidere, dacă setările de păstrare ale serverului o prevăd).
ws-hold-lift = Ridicați reținerea legală
ws-hold-place = Aplicați reținere legală
ws-export-heading = Export și acces
ws-export = Exportați cazul decriptat într-un dosar de pe acest calculator
ws-export-then = După export:
ws-export-button = Exportați cazul decriptat
ws-grant-hint = După ce pe server se adaugă examinatori, recriptați acest caz ca să îl poată citi. Elementele sunt înlocuite pe server; vechiul text cifrat este șters.
ws-grant = Recriptați pentru examinatorii actuali
ws-case-audit = Jurnalul de audit al acestui caz
ws-file = Fișier:
ws-sent-as = Trimis ca { $claimed }; conținutul este
ws-saved-as = Salvat ca
ws-not-inspected = Acest fișier nu a putut fi inspectat.
ws-metadata = Metadate în acest fișier
ws-found-in = Găsit în
ws-what = Ce
ws-value = Valoare
ws-view-safely = Vizualizare sigură
ws-view-safely-what = (imagini ale paginilor, create într-un mediu izolat)
ws-download-original = Descărcați originalul ({ $name })
ws-safe-view = Vizualizare sigură
ws-safe-view-what = Vizualizarea sigură: imagini ale paginilor fișierului, desenate într-un mediu izolat, fără rețea și fără acces la fișierele acestui calculator. Nimic din original nu rulează aici (fără scripturi, legături sau fonturi) și nu rămân metadate.
ws-no-safe-view = Nicio vizualizare sigură.
ws-safe-pages = { $pages ->
    [one] 1 pagină.
    [few] { $pages } pagini.
   *[other] { $pages } de pagini.
}
ws-safe-pdf = Descărcați vizualizarea sigură (PDF din imagini)
ws-log-entry = intrarea { $index } din registru
ws-log-waiting = în așteptarea următoarei actualizări a registrului
ws-audit-what = Fiecare acțiune a unui examinator, așa cum a fost înregistrată de server (cele mai noi întâi).
ws-day = Zi
ws-reviewer = Examinator
ws-action = Acțiune
ws-detail = Detaliu
ws-reviewers-what = Răspunsurile, deciziile și cazurile recriptate sunt criptate pe această stație pentru fiecare examinator de mai jos și pentru persoana care a sesizat. Această stație folosește doar examinatorii în care are încredere: dacă lista serverului se schimbă (un examinator adăugat sau eliminat, o cheie înlocuită), nu se trimite nimic până nu confirmați schimbarea aici. Confirmați doar o schimbare pe care organismul chiar a făcut-o: un server preluat de un atacator și-ar putea adăuga propria cheie pentru a citi ce trimiteți.
ws-reviewers-same = Lista serverului este cea în care are încredere această stație.
ws-reviewers-differ = Lista examinatorilor de pe server diferă de cea în care are încredere această stație:
ws-reviewers-trust = Aveți încredere în lista serverului
ws-reviewers-trusted = De încredere pe această stație
ws-reviewer-key = Cheie (destinatar age)
ws-reviewers-listed = Listați de server
ws-back-to-inbox = Înapoi la mesajele primite
ws-error-unreachable = Serverul nu poate fi contactat
ws-error-wrong-key = Această cheie nu este acceptată
ws-error-hostile = Serverul se comportă anormal
ws-error-refused = Serverul a refuzat acest examinator
ws-error-not-found = Negăsit
ws-error-trust = Nu s-a trimis nimic: cheile serverului nu sunt cele de încredere
ws-error-internal = Ceva nu a funcționat
ws-page-not-found-title = Pagina nu a fost găsită
ws-page-not-found = Nu există nicio pagină la această adresă.
ws-log-alarm-title = STOP: registrul serverului este incoerent
ws-loopback-only = Această stație de lucru răspunde doar pe adresa sa de loopback.
ws-open-link-title = Deschideți stația de lucru din legătura sa
ws-open-link = Deschideți adresa afișată de `candor review serve` la pornire (conține un token de acces).
ws-reviewers-changed = Atenție: lista examinatorilor de pe server s-a schimbat de când această stație a avut încredere în ea. Nu se poate trimite nimic până nu verificați schimbarea pe pagina Examinatori.
ws-file-unreadable-title = Fișierul nu poate fi deschis
ws-file-unreadable = Fișierul este deteriorat sau nu poate fi citit cu această cheie.
ws-no-safe-view-title = Nicio vizualizare sigură
ws-safe-no-page = Vizualizarea sigură nu are această pagină.
ws-refused-title = Cerere refuzată
ws-refused = Acest formular este expirat; reîncărcați pagina și încercați din nou.
ws-no-status-title = Nicio stare aleasă
ws-no-status = Alegeți o stare și încercați din nou.
ws-hold-placed = Reținere legală aplicată: cazul este păstrat indiferent de setările de păstrare.
ws-hold-lifted = Reținere legală ridicată.
ws-no-decision-key-title = Nicio cheie de decizie
ws-no-decision-key = Porniți stația de lucru cu --decision-key decision.key pentru a înregistra decizii.
ws-choose-decision-title = Alegeți o decizie
ws-choose-decision = Alegeți ce s-a decis și încercați din nou.
ws-unknown-measure-title = Măsură necunoscută
ws-unknown-measure = Alegeți o măsură de protecție din listă.
ws-choose-class-title = Alegeți clasificarea
ws-choose-class = Alegeți sectorul și domeniul din liste și, pentru un caz închis, rezultatul.
ws-exported = Cazul decriptat a fost scris în { $folder }. { $advice } Fișierul său manifest.json arată ce este de fapt fiecare fișier și metadatele găsite în el.
ws-export-problems = Probleme: { $problems }.
ws-reviewers-trusted-now = Această stație are acum încredere în cei { $count } examinatori ai serverului; răspunsurile sunt criptate pentru ei.
ws-decision-recorded = Decizie înregistrată și semnată: { $decision }. Intră în registrul public la următoarea actualizare programată.
ws-reply-sent = Răspunsul a fost criptat și trimis ({ $count } elemente).
ws-warning = Atenție: { $warning }
ws-status-set = Stare stabilită: { $status }.

## Fișierele persoanelor care sesizează, așa cum le inspectează stația de lucru

list-separator = {", "}
file-offline-advice = Fișierele primite pot fi construite pentru a-l ataca pe cel care le deschide: deschideți originalele doar pe un calculator deconectat de la rețea și fără chei, sau folosiți vizualizarea sigură, care transformă documentele și imaginile în simple imagini într-un mediu izolat.
file-class-pdf = un document PDF
file-class-image = o imagine
file-class-text = text simplu
file-class-svg = o imagine SVG
file-class-html = o pagină web (HTML)
file-class-office = un document de birou
file-class-executable = un program
file-class-script = un script
file-class-archive = o arhivă
file-class-audio = audio
file-class-video = video
file-class-other = date de tip necunoscut
file-type-windows-program = un program Windows
file-type-linux-program = un program Linux
file-type-macos-program = un program macOS
file-type-ole = un fișier Microsoft Office mai vechi (OLE)
file-type-zip = o arhivă ZIP
file-type-image = o imagine { $format }
file-type-office = un document de birou ({ $format })
file-type-archive = o arhivă ({ $format })
file-type-program = un program ({ $format })
file-type-script-shebang = un script (începe cu #!)
file-warn-invisible = Numele său conține caractere invizibile (afișate ca <U+…>) care îl pot face să pară alt tip de fișier.
file-warn-mismatch = Numele său spune { $claimed }, dar conținutul este { $actual }.
file-warn-executable = Este { $actual }: deschiderea îl rulează.
file-warn-script = Este un script: deschiderea îl poate rula.
file-warn-html = Este o pagină web: deschisă într-un browser, poate rula scripturi și încărca alte adrese.
file-warn-archive = Este o arhivă: fișierele din ea nu au fost verificate.
file-warn-program-name = Numele său se termină ca al unui program: un calculator îl poate rula la deschidere.
file-warn-markup = Conține și marcaj de pagină web: un browser care l-ar lua drept pagină l-ar rula.
file-warn-pdf-active = Acest PDF conține { $what }.
file-warn-macros = Conține macrocomenzi: programe care pot rula la deschiderea documentului.
file-warn-loads = Încarcă { $url } la deschidere: acea adresă ar afla că a fost deschis, când și de unde.
file-warn-metadata = Metadatele sale pot identifica persoana care a sesizat, un dispozitiv sau un loc (mai jos): eliminați-le înainte de a partaja fișierul; vizualizarea sigură nu are niciunele.
file-warn-partly = Doar primii { $size } au fost inspectați.
file-warn-archive-damaged = Structura arhivei este deteriorată; conținutul nu a fost examinat.
file-warn-zip-bomb = Se extinde la { $expands } din { $size }: o arhivă construită pentru a epuiza memoria sau discul celui care o deschide (o „bombă zip”).
file-pdf-javascript = JavaScript
file-pdf-open-action = o acțiune care rulează la deschidere
file-pdf-page-actions = acțiuni care rulează când sunt folosite pagini sau câmpuri
file-pdf-launch = o acțiune care pornește un program
file-pdf-submit-form = un formular care trimite date la o adresă
file-pdf-import-data = o acțiune care importă date
file-pdf-embedded-files = fișiere încorporate
file-pdf-rich-media = conținut media încorporat (Flash)
file-pdf-xfa = un formular XFA
file-pdf-remote-links = legături care deschid alte fișiere
file-field-gps-latitude = Latitudine GPS
file-field-gps-latitude-ref = Referință latitudine GPS
file-field-gps-longitude = Longitudine GPS
file-field-gps-longitude-ref = Referință longitudine GPS
file-field-gps-altitude = Altitudine GPS
file-field-gps-date = Dată GPS
file-field-camera-make = Producătorul camerei
file-field-camera-model = Modelul camerei
file-field-camera-serial = Numărul de serie al camerei
file-field-lens-serial = Numărul de serie al obiectivului
file-field-camera-owner = Proprietarul camerei
file-field-author = Autor
file-field-copyright = Drepturi de autor
file-field-description = Descriere
file-field-comment = Comentariu
file-field-image-id = ID-ul imaginii
file-field-software = Software
file-field-taken = Fotografiată
file-field-changed = Modificat
file-field-made-with = Realizat cu
file-field-produced-by = Produs de
file-field-created = Creat
file-field-metadata-changed = Metadate modificate
file-field-document-id = ID-ul documentului
file-field-title = Titlu
file-field-last-saved-by = Salvat ultima dată de
file-field-company = Companie
file-field-manager = Manager
file-field-subject = Subiect
file-field-keywords = Cuvinte-cheie
file-field-last-printed = Tipărit ultima dată
file-field-template = Șablon
file-field-custom = Proprietate personalizată
file-field-link = Legătură
file-safe-no-sandbox = Vizualizarea sigură are nevoie de bubblewrap (comanda bwrap, pachetul Debian bubblewrap); fără mediul ei izolat nu se convertește niciun fișier.
file-safe-sandbox = Mediul izolat nu a putut fi pornit: { $reason }.
file-safe-not-convertible = Este { $actual }; vizualizarea sigură convertește doar documente, imagini și text.
file-safe-expands = Se extinde la { $expands } la deschidere, mai mult decât convertește vizualizarea sigură ({ $limit }).
file-safe-too-many-pages = Are { $pages } pagini; vizualizarea sigură convertește cel mult { $limit }.
file-safe-too-many-pages-unknown = Are mai multe pagini decât convertește vizualizarea sigură ({ $limit }).
file-safe-too-wide = Imaginea are { $pixels } pixeli lățime; vizualizarea sigură convertește cel mult { $limit }.
file-safe-unreadable = Nu a putut fi citit ca { $kind }, așa că nu a fost convertit.
file-safe-unreadable-any = Nu a putut fi citit, așa că nu a fost convertit.
file-safe-input-too-large = Este mai mare decât convertește vizualizarea sigură ({ $limit }).
file-safe-office-failed = LibreOffice nu l-a putut converti în limitele vizualizării sigure: poate fi deteriorat sau construit pentru a le epuiza.
file-safe-no-libreoffice = Documentele de birou au nevoie de LibreOffice pe acest calculator (pachetul Debian libreoffice-writer-nogui); nu este instalat.
file-safe-no-font = Textul este desenat cu DejaVu Sans (pachetul Debian fonts-dejavu-core), care nu este instalat.
file-safe-failed = Nu a putut fi convertit în limitele vizualizării sigure (memorie, timp de procesor, dimensiunea paginii).
file-safe-timed-out = Nu a fost convertit în { $seconds } secunde, iar conversia a fost oprită.
file-safe-output-too-large = Paginile sale ar ocupa mai mult de { $limit } de memorie; nu a fost convertit.
file-safe-output = Vizualizarea sigură nu a putut fi scrisă.

## The identity lane: an optional identity statement, sealed for the identity custodians

identity-legend = Identitatea dumneavoastră (opțional)
identity-anonymous = Puteți rămâne anonim: lăsați acest câmp gol. Pentru a vă proteja (împotriva represaliilor, prin reintegrare sau imunitate), organismul trebuie să știe cine sunteți; puteți adăuga și mai târziu, din pagina cazului dumneavoastră.
identity-sealed = Ce scrieți aici este sigilat separat de raportul dumneavoastră. Niciun evaluator nu îl poate citi, iar codul de chitanță nu îl deschide: doar { $threshold } dintre custozii identității ai { $body } (în total: { $count }), împreună, îl pot deschide.
identity-label = Cine sunteți: nume, data nașterii, organizație, funcție, cum puteți fi contactat
identity-too-long = Declarația de identitate este prea lungă (cel mult { $max } octeți). Scurtați-o și trimiteți-o din nou.
identity-not-text = Declarația de identitate nu a putut fi citită ca text. Scrieți-o din nou și trimiteți-o.
case-identity-heading = Spuneți organismului cine sunteți, pentru a obține protecție
case-identity-send = Trimite declarația mea de identitate
case-identity-sent = Declarația dumneavoastră de identitate a fost sigilată și trimisă.
case-identity-given = Ați dat o declarație de identitate. Este sigilată: se deschide doar cu { $threshold } dintre acești custozi ai identității, împreună: { $custodians }.
ws-identity = Declarație de identitate, sigilată: se deschide doar cu { $threshold } dintre acești custozi, împreună: { $custodians }.

## Disclosure of an identity statement: a decision in steps, each in the public log

kind-identity-disclosure-requested = Dezvăluirea identității avertizorului solicitată
kind-identity-notice-waived = Preaviz înaintea unei dezvăluiri de identitate ridicat (urgență)
kind-identity-disclosure-approved = Dezvăluirea identității avertizorului aprobată
kind-identity-disclosed = Identitatea avertizorului dezvăluită
record-by-custodian = { $kind } ({ $custodian })
case-identity-request-heading = S-a cerut dezvăluirea identității dumneavoastră
case-identity-requested = { $custodian } a cerut pe { $day } deschiderea declarației dumneavoastră de identitate. Nu poate fi deschisă înainte de { $until }, decât dacă un custode înregistrează un motiv urgent (l-ați vedea mai jos), și doar după acordul a { $threshold } custozi; fiecare pas este înregistrat mai jos și în jurnalul public.
case-identity-object = Dacă vă opuneți, spuneți de ce într-un răspuns mai jos, înainte de { $until }.
ws-identity-layers = Straturi ale unei declarații de identitate, îndepărtate de un custode care i-a aprobat dezvăluirea.
ws-identity-heading = Declarație de identitate
ws-identity-reasons = Motive (avertizorul le citește)
ws-identity-request = Cere dezvăluirea
ws-identity-request-hint = Avertizorul este anunțat imediat, pe pagina cazului său și în jurnalul public. Puteți deschide declarația cel mai devreme pe { $until }, după acordul a { $threshold } custozi, inclusiv al dumneavoastră.
ws-identity-requested = { $custodian } a cerut dezvăluirea; se poate încheia de la { $until }, cu { $threshold } custozi. Acorduri până acum: { $agreed }.
ws-identity-open = Înregistrează dezvăluirea și deschide declarația
ws-identity-open-hint = Destui custozi și-au dat acordul. Dezvăluirea este înregistrată în jurnalul public și arătată avertizorului înainte ca declarația să apară aici; nu este păstrată pe acest calculator.
ws-identity-waiting = Se așteaptă acordul celorlalți custozi.
ws-identity-approve = Aprobă dezvăluirea
ws-identity-approve-hint = Aprobarea îndepărtează stratul dumneavoastră de pe copiile declarației destinate lui { $custodian }; avertizorul vede aprobarea și motivele ei.
ws-identity-wait = Preavizul avertizorului durează până la { $until }: puteți aproba din acea zi.
ws-identity-waive = Scurtează preavizul (urgență)
ws-identity-waive-hint = Doar pentru un motiv urgent: este înregistrat în jurnalul public, iar avertizorul îl citește.
ws-identity-statement-title = Declarația de identitate din cazul { $reference }
ws-identity-statement-recorded = Dezvăluirea este înregistrată. Această pagină nu este păstrată pe acest calculator.
ws-back-to-case = Înapoi la caz
ws-identity-no-statement = Acest caz nu are o astfel de declarație de identitate.
ws-identity-refused-title = Nu este posibil acum
ws-identity-not-custodian = Doar un custode al acestei declarații poate face acest pas.
ws-identity-no-reasons = Dați motivele: avertizorul le citește.
ws-identity-no-request = Nu există nicio cerere de dezvăluire deschisă pentru această declarație.
ws-identity-already-requested = Dezvăluirea acestei declarații este deja cerută.
ws-identity-already-agreed = Ați aprobat deja această dezvăluire.
ws-identity-too-early = Preavizul avertizorului durează până la { $until } și niciun custode nu a înregistrat un motiv urgent pentru a-l scurta.
ws-identity-not-ready = Încă nu și-au dat acordul destui custozi: cheia acestei stații nu o poate deschide.

## Reward and reprisal

kind-reward-granted = Recompensă acordată
kind-reprisal-confirmed = Represalii constatate
kind-reprisal-reported = Represalii semnalate de avertizor
case-reprisal-heading = Suferiți represalii?
case-reprisal-hint = Concediere, retrogradare, amenințări, hărțuire, un transfer: spuneți organismului ce vi se întâmplă, cu orice documente. Se înregistrează ca semnalare de represalii (jurnalul public numără aceste semnalări fără să spună ale cui sunt), iar organismul răspunde în { $days } zile.
case-reprisal-what = Ce vi se întâmplă
case-reprisal-send = Semnalează represalii
case-reprisal-sent = Semnalarea dumneavoastră de represalii a fost criptată și trimisă.
case-reprisal-pending = Ați semnalat represalii pe { $day }; organismul răspunde până la { $by }.
ws-due-reprisal = răspundeți la semnalarea de represalii

## Certificates bound to their holder

case-certificate-without-reasons = fără motive
case-present-label = Provocarea unui verificator
case-present-hint = Pentru a dovedi cuiva (unei instanțe, unui angajator) că această decizie este a dumneavoastră fără să spuneți cine sunteți: cereți-i câteva cuvinte la alegere, scrieți-le aici și dați-i fișierul primit împreună cu certificatul.
case-present-button = Descarcă o prezentare
case-present-not-bound = Această decizie nu este legată de codul dumneavoastră de chitanță: nu poate fi prezentată.
case-present-bad-challenge = Scrieți provocarea verificatorului: câteva cuvinte, cel mult { $max } octeți.
ws-decide-issued-to = Emiteți-l pentru { $name } (cuvintele cu care persoana care sesizează a fost de acord)
ws-decide-issued-to-hint = Certificatul arată aceste cuvinte; jurnalul public păstrează doar angajamentul lor.
ws-decide-issued-to-not-disclosed = Persoana care sesizează a fost de acord ca certificatele să o numească „{ $name }”, dar identitatea sa nu a fost dezvăluită organismului: niciun certificat nu o numește până atunci.
ws-decide-issued-to-nobody = Emis pentru nimeni: persoana care sesizează nu a fost de acord să fie numită pe certificate.
ws-issued-to-item = Persoana care sesizează a fost de acord ca certificatele să o numească astfel: { $name }
ws-issued-to-withdrawn-item = Persoana care sesizează și-a retras acordul de a fi numită pe certificate.
ws-issued-to-stale-title = Nu a fost emis pentru persoana care sesizează
ws-issued-to-stale = Acordul persoanei care sesizează nu mai este cel arătat de formular, sau identitatea sa nu este dezvăluită. Nu s-a înregistrat nimic; deschideți din nou cazul.
issued-to-too-long = Numele este prea lung (cel mult { $max } caractere). Scurtați-l și trimiteți-l din nou.
issued-to-not-text = Numele nu a putut fi citit ca text. Scrieți-l din nou și trimiteți-l.
case-issued-to-heading = Numele dumneavoastră pe certificate
case-issued-to-hint = După ce organismul v-a deschis declarația de identitate, certificatele pe care vi le emite (de exemplu, că statutul vă este recunoscut) vă pot numi, ca să le puteți arăta unui angajator sau unei instanțe. Scrieți cuvintele pe care le pot arăta, cum ar fi numele și data nașterii: sunt sigilate pentru evaluatorii organismului, iar jurnalul public păstrează doar un angajament față de ele. Fără acordul dumneavoastră, certificatele nu numesc pe nimeni.
case-issued-to-agreed = Certificatele vă pot numi astfel: { $name }
case-issued-to-withdraw = Retrageți acest acord
case-issued-to-label = Cuvintele pe care le poate arăta un certificat
case-issued-to-send = Sunt de acord să fiu numit astfel
case-issued-to-sent = Acordul dumneavoastră a fost sigilat și trimis: certificatele noi vă pot numi cu aceste cuvinte.
case-issued-to-withdrawn = Acordul dumneavoastră a fost retras: certificatele noi nu vă vor numi.
case-issued-to-item = Ați fost de acord ca certificatele să vă numească astfel: { $name }
case-issued-to-withdrawn-item = V-ați retras acordul de a fi numit pe certificate.
