# Candor's page text, English. One message per piece of text a page shows; values in
# { $braces }. Pages put links and emphasis around messages, never inside them.
# Translations: one folder per language beside this one, the same keys.

## The frame of every reporter page

nav-how = How it works
nav-report = Make a report
nav-check = Check your report
nav-main = Main
nav-languages = Languages
footer-safety = This service uses no JavaScript, no cookies for reporting, and no outside resources. It works at Tor Browser's “Safest” security level.
footer-figures = Reports and decisions in figures
footer-figures-note = (counted from the public log)
back-to-start = Back to the start

## The start page

index-title = Report wrongdoing safely
index-heading = Report wrongdoing to { $body }
index-intro = { $body } is an independent body. It receives reports of wrongdoing, decides whether the person who reported is a whistleblower, and grants protection against reprisal.
index-what-happens = What happens to your report
index-step-write = You write what happened and, if you want, attach documents. You do not have to give your name.
index-step-encrypt = As your report arrives, this server encrypts it with the keys of the body's reviewers, piece by piece, in memory. It never writes your words or files to disk unencrypted, and it keeps no copy it could read.
index-step-receipt-before = You receive a
index-step-receipt-term = receipt code
index-step-receipt-after = of eight words. Only this code lets you come back.
index-step-review = The reviewers decrypt your report on their own computers, acknowledge it within 7 days, and give you feedback within 3 months.
index-who-reads = Who can read it
index-readers = Only the reviewers of { $body }, each with their own key:
index-readers-after = The people who run this server cannot read it. Your report is also encrypted to a key made from your receipt code, so that you can read it again when you come back.
index-no-javascript = Because this page works without JavaScript, your browser sends your report to this server before it is encrypted; the connection itself is encrypted by Tor. The server encrypts it the moment it arrives.
index-receipt-heading = Your receipt code
index-receipt = After you send your report you see your receipt code once. Write it on paper and keep it somewhere safe. With it you can read the body's questions and answers, reply, add documents, see what has been decided about your protection, and download proof of it. Nobody can recover a lost code: not the body, not us.
index-safety-heading = Stay safe
index-safety-tor-before = Use
index-safety-tor-browser = Tor Browser
index-safety-tor-middle = with the security level set to
index-safety-tor-level = Safest
index-safety-device = Do not use a computer, phone or network of your employer. A private device on a public or home network is better.
index-safety-documents = Documents can reveal who made them: author names, device names, locations in photos, tracking dots in printouts. Remove what you can, or describe the document instead.
index-safety-secret = Do not tell anyone you have made a report, and do not keep your receipt code where others can find it.
index-limit = You can send up to { $size } at once: a message and as many files as you like.

## The report form

submit-title = Make a report
submit-intro = Describe what happened: who, what, when, where, and how you know. You do not need to give your name. Everything you send is encrypted for the reviewers of { $body } as it arrives.
submit-message = Your message
submit-message-hint = Plain text. If it is long, you can also attach it as a file.
submit-files = Documents (optional)
submit-files-hint = You can choose several files. Up to { $size } in total. File names are encrypted too.
submit-send = Send report
submit-slow = Sending large files over Tor can take a long time. Keep this tab open until you see your receipt code.

## The receipt, shown once

receipt-title = Your report was received
receipt-stored = { $files ->
    [0] Your report was encrypted and stored safely.
    [one] Your report and 1 file were encrypted and stored safely.
   *[other] Your report and { $files } files were encrypted and stored safely.
}
receipt-heading = Your receipt code
receipt-write-now = Write this code down now, on paper.
receipt-once = It is shown only this once. We cannot show it again or recover it.
receipt-english = The code is always eight English words, whatever the language of these pages, so that the same code works in every language. Copy each word letter by letter, in order, with a space between words; you do not need to understand them.
receipt-next = What happens next
receipt-next-deadlines = The body's reviewers will acknowledge your report within 7 days and give you feedback within 3 months.
receipt-next-return = Come back with Tor Browser and your receipt code to read their questions, answer, add documents, and follow the decision on your protection.
receipt-next-close = When you have written the code down, close this tab.

## Signing in with the receipt code

followup-title = Check your report
followup-intro = Type the eight-word receipt code you were given when you made your report. Capital letters and extra spaces do not matter.
followup-code = Receipt code
followup-code-hint = For example: eight words separated by spaces.
followup-english = The words are English in every language: type them as you wrote them down, in Latin letters.
followup-open = Open my report
followup-timeout = For your safety you are signed out after 30 minutes without activity. Sign out yourself when you are done, especially on a shared computer.
signin-again-title = Please sign in again
signin-again = You are not signed in. For your safety, sessions end after a while without activity, when you sign out, and when the service restarts.
signin-again-button = Sign in with your receipt code
signed-out-title = You are signed out
signed-out = You are signed out. Close this tab; in Tor Browser, use “New Identity” to clear everything.

## The case page

status-received = Received
status-received-meaning = Your report has arrived safely. The body will confirm that it is looking into it.
status-acknowledged = Acknowledged
status-acknowledged-meaning = The body has confirmed that it received your report and will look into it.
status-in-review = In review
status-in-review-meaning = The body is examining your report. It may ask you questions here; please check back.
status-decided = Decided
status-decided-meaning = The body has decided on your case. Its decisions are shown below.
status-closed = Closed
status-closed-meaning = Your case is closed. You can still read everything here.
case-title = Your report
case-status = Status: { $status }
case-dates = Dates of your case
case-received = Report received
case-acknowledge-by = Acknowledgement due by
case-done = — done
case-late = late
case-feedback-by = Feedback due by
case-deadlines = The law requires the body to acknowledge a report within 7 days and to tell you what it is doing about it within 3 months (6 in some cases).
case-kept-heading = How long your report is kept
case-deleted-before = Your case is closed. Its records (your report, your files and the conversation) will be
case-deleted-on = deleted for good on { $day }
case-deleted-after = , { $months } months after the last message: the law asks that records be kept no longer than necessary.
case-deleted-save = Save anything you want to keep (certificates, replies) before then. The public log keeps its entries, which name no one.
case-held = Your case is closed. The body keeps its records for now, for legal reasons (a legal hold).
case-decisions = Decisions about your protection
case-decisions-intro = Each decision is signed by { $body } and recorded in its public, tamper-evident log. A certificate lets you prove it to a court, an employer or anyone else, who can check it without contacting us.
case-certificate = Download certificate
case-conversation = Conversation
case-you-wrote = You wrote on { $day }
case-body-wrote = wrote on { $day }
case-altered = This item is not what you sent.
case-altered-why = It differs from the fingerprint recorded when your report arrived, so it was replaced or damaged afterwards. Tell the body, and keep your own copy.
case-answer-heading = Answer or add documents
case-answer = Your answer
case-files-hint = Up to { $size } in total.
case-send = Send answer
case-sign-out = Sign out
case-file = File:
case-proof = Proof of report: received on { $day }.
case-decision = Decision: { $decision }
case-unreadable = (This item could not be opened.)

## Errors and refusals

error-internal-title = Something went wrong
error-internal = Something went wrong on our side. Please try again later.
error-report-too-large-title = Report too large
error-too-large-title = Too large
error-too-large = What you sent is larger than this form accepts, so nothing was kept.
error-not-found-title = Page not found
error-not-found-short = There is no page at this address.
error-method-title = Not available
error-method = This address cannot be used that way. Go back to the start and use the links.
error-bad-request-title = The request could not be read
error-bad-request = The request arrived damaged or incomplete, so nothing was kept. Please go back and try again.
error-refused-title = Request refused
error-cross-site = This form was sent from another site, so it was refused. Open this site directly and try again.
error-panic = Something went wrong on our side. Nothing you sent in this request was kept. Please try again later.
error-not-found = There is no page at this address. Check the address, or start again from the home page.
submit-empty = Your report is empty. Please write a message or choose at least one file.
submit-not-utf8 = Your message contains characters that could not be read. Nothing was stored. Please type the message again, or attach it as a file.
submit-too-long-title = Message too long
submit-too-long = Your message is longer than 1 MiB of text. Nothing was stored. Please attach long texts as a file and send again.
submit-too-many-files-title = Too many files
submit-malformed-title = The form could not be read
submit-malformed = The form arrived incomplete or damaged, so nothing was stored. Please go back, choose your files again and resend.
submit-timeout-title = The upload stopped
submit-timeout = Nothing arrived for several minutes, so the upload was stopped and nothing was stored. Please try again.
busy-title = Busy, please try again in a minute
submit-busy = Many people are using this service right now. Nothing was stored. Please wait a minute and send again.
submit-internal-title = Your report was not stored
submit-internal = Something went wrong on our side and your report was NOT stored. Nothing of it was kept. Please try again later.
signin-busy = Many people are signing in right now. Please wait a minute and try again.
signin-empty = Please type your receipt code in the field below.
signin-wrong = This code does not open a report. Please check each word against your note and try again.
signin-code-empty = Please type your receipt code: eight words.
signin-code-length = A receipt code has eight words; you typed { $found }. Please check your note.
signin-code-unknown-word = At least one word is not in our word list. Please check the spelling against your note.
signin-code-too-long = That is too long to be a receipt code.
case-file-not-found-title = File not found
case-file-not-found = There is no such file in your case.
case-record-not-found-title = Not found
case-record-not-found = There is no such record in your case.
case-certificate-pending-title = Certificate not ready yet
case-answer-empty = Your answer was empty, so nothing was sent. Write a message or choose a file.
case-answer-not-utf8 = Your answer contains characters that could not be read, so nothing was sent. Please type it again, or attach it as a file.
case-csrf = This form is out of date or was not sent from this site, so it was refused. Open your case again and retry.
error-report-too-large = Your report is larger than the limit of { $limit }. Nothing was stored. Please send fewer or smaller files at once: you can add more later with your receipt code.
submit-too-many-files = A report can hold at most { $max } files. Nothing was stored. Please put the files in an archive, or send them in parts.
case-certificate-pending = This record is added to the public log at the next scheduled update (at most { $interval } from now). Please come back later to download its certificate.
case-answer-sent = { $files ->
    [0] Your answer was sent.
    [one] Your answer and 1 file were sent.
   *[other] Your answer and { $files } files were sent.
}

## Log entries and the public classification (the same words on every page)

kind-report-received = Report received
kind-acknowledged = Report acknowledged
kind-status-recognized = Whistleblower status recognized
kind-status-declined = Whistleblower status declined
kind-protection-granted = Protection granted
kind-status-revoked = Whistleblower status revoked
kind-case-closed = Case closed
record-with-measure = { $kind }: { $measure }
measure-confidentiality = protection of identity (confidentiality)
measure-reprisal-protection = protection against reprisal
measure-interim-relief = interim relief
measure-reinstatement-recommended = reinstatement recommended
measure-immunity-recommended = immunity recommended
sector-public = Public sector
sector-private = Private sector
sector-not-stated = Sector not stated
area-bribery = Bribery
area-embezzlement = Embezzlement
area-public-procurement = Public procurement
area-money-laundering = Money laundering
area-conflict-of-interest = Conflict of interest
area-public-finance-fraud = Fraud against public finances
area-other = Other
outcome-referred = Referred to a competent authority
outcome-proceedings-opened = Investigation or proceedings opened
outcome-substantiated = Wrongdoing established
outcome-not-substantiated = Wrongdoing not established
outcome-insufficient-information = Not enough information
outcome-outside-mandate = Outside the body's mandate
outcome-withdrawn = Withdrawn by the reporter

## Statistics: /transparency and the annual reports

log-unavailable-title = The log is unavailable
log-unavailable = The log could not be read. Please try again later.
log-no-tile-title = No such tile
log-no-tile = This tile is not in the log.
stats-title = Transparency
stats-heading = Transparency: reports and decisions
stats-intro = Every report received and every decision of { $body } about a whistleblower's status and protection is an entry of a public, append-only log:
stats-entries = ({ $size ->
    [one] 1 entry
   *[other] { $size } entries
}).
stats-intro-after = These figures are counted from those entries alone; nothing in them identifies a person or a case.
stats-none = No report has been received yet.
stats-years = Years
stats-years-caption = Reports and decisions by year; each year has its annual report
stats-year = Year
stats-new-reports = New reports
stats-decisions = Decisions
stats-the-year = The year { $year }
stats-check = Check these numbers yourself
stats-check-keys = Obtain the log's and the body's public keys from a source you trust; they are also at
stats-check-run = Run
stats-check-run-after = (add --stats json for the JSON). It downloads the signed checkpoint and every entry and tile of the log (c2sp.org/tlog-tiles), recomputes the Merkle root, checks that the log only grew since your last run, and writes the same transparency.csv from the entries themselves.
stats-check-hand = Or count by hand: each entry is a signed note with its kind and day and, for decisions, the sector, area, outcome and whole weeks since the report. Older entries carry only kind and day and count as unclassified. The two formats:
stats-no-year-title = No report for that year
stats-no-year = The log has no entries in that year.
stats-annual-title = Annual report { $year }
stats-annual-heading = Annual report { $year }: reports and decisions
stats-annual-intro = Counted by the day of each entry from the public log of { $body }:
stats-all-years = All years
stats-suppressed = To protect reporters, counts from 1 to { $largest } are shown as “<{ $below }”: fewer than { $below }.
stats-open-data = Open data
stats-csv = (every figure, every year and quarter)
stats-json = (the same, with the log's size)
stats-datapackage = (the schema, Frictionless Data)
stats-fewer-than = fewer than { $below }
stats-number = Number
stats-bar = Bar
stats-too-few = too few to show
stats-share = { $percent } % ({ $part } of { $whole })
stats-share-small = fewer than { $below } of { $whole }
stats-unclassified = Unclassified (older entries)
stats-received-in = Reports received in { $year }
stats-by-quarter = By quarter, from the day of each entry
stats-quarter = Quarter
stats-quarter-name = Q{ $quarter }
stats-follow-ups = Follow-ups (reporters adding to their case):
stats-receipts-unclassified = Older receipts (format version 1) that do not say whether they opened a case or followed one up:
stats-decisions-in = Decisions in { $year }
stats-by-kind = Decisions by kind
stats-decision = Decision
stats-by-area = Status decisions by area
stats-by-area-caption = Whistleblower status recognized or declined, by what the report was about
stats-area = Area
stats-recognized = Recog{"\u00AD"}nized
stats-declined = De{"\u00AD"}clined
stats-by-sector = Status decisions by sector
stats-by-sector-caption = Whistleblower status recognized or declined, by where the wrongdoing happened
stats-sector = Sector
stats-by-outcome = Closed cases by outcome
stats-by-outcome-caption = How closed cases ended
stats-outcome = Outcome
stats-timeliness = Timeliness
stats-timeliness-caption = Counted over decisions that carry the weeks since the report (format version 2)
stats-acknowledged-in-7-days = Acknowledged within 7 days
stats-answered-in-3-months = Answered within 3 months (status decided in under 13 weeks)
stats-median-weeks = Median weeks from report to status decision

## The workstation

ws-title = Candor workstation
ws-inbox = Inbox
ws-audit = Audit trail
ws-reviewers = Reviewers
ws-signed-in-as = Signed in as
ws-due-acknowledge = acknowledge
ws-due-feedback = give feedback
ws-due-nothing = nothing due
ws-no-reports = No reports yet.
ws-filter-label = Filter the cases
ws-status = Status
ws-any = any
ws-reference = Reference
ws-unread-only = unread only
ws-overdue-only = overdue only
ws-filter = Filter
ws-show-all = Show all
ws-no-match = No case matches, of { $all }.
ws-cases-match = { $matching } of { $all } cases match
ws-cases = { $all ->
    [one] 1 case
   *[other] { $all } cases
}
ws-cases-shown = , most urgent first; { $first }–{ $last } shown. Reports must be acknowledged within 7 days and answered with feedback within the feedback period.
ws-case = Case
ws-received = Received
ws-next-deadline = Next deadline
ws-unread = Unread
ws-due-by = { $what } by { $day }
ws-overdue = overdue
ws-new-items = { $count } new
ws-pages = Pages
ws-previous = Previous
ws-page-of = Page { $page } of { $pages }
ws-next = Next
ws-case-title = Case { $reference }
ws-blocked = Replies, decisions and re-encryption are blocked for this case.
ws-acknowledge-by = Acknowledge by
ws-feedback-by = Feedback by
ws-next-due = Next
ws-conversation = Conversation
ws-reporter = Reporter
ws-the-body = The body
ws-altered = Replaced or damaged:
ws-altered-why = this item differs from the SHA-256 that the report's receipt in the log commits to. It is not what the reporter sent; do not rely on it, and find out who changed it.
ws-unreadable = Item { $id } cannot be opened with this key.
ws-decisions = Decisions
ws-no-decision = No decision recorded yet.
ws-decide-kind = Record a decision (signed with the body's key, added to the public log)
ws-decide-measure = Protection measure (for “Protection granted”)
ws-decide-class = Public classification (in the log and the statistics; never asked of the reporter)
ws-decide-class-hint = Recorded with every decision after the acknowledgement; keep it the same for a case unless it was wrong. The whole weeks since the report are added.
ws-sector = Sector
ws-area = Area
ws-decide-outcome = Outcome (for “Case closed”)
ws-decide-reasons = Reasons, in words (sealed for the reporter and the reviewers; never public)
ws-decide-sign = Sign and record the decision
ws-decide-no-key = To record decisions, start the workstation with --decision-key decision.key.
ws-reply = Reply
ws-reply-message = Message to the reporter
ws-reply-hint = Encrypted here, on this workstation, to the reporter and to every reviewer.
ws-attachments = Attachments (optional)
ws-send-reply = Send reply
ws-set-status = Set the case status
ws-change-status = Change status
ws-retention = Retention
ws-held = Under a legal hold: kept whatever the retention settings say.
ws-deleted-on = Closed: deleted for good on
ws-deleted-on-after = (the server's retention settings). The reporter sees this day on their case page.
ws-not-scheduled = Not scheduled for deletion (deleted only once closed, if the server's retention settings say so).
ws-hold-lift = Lift the legal hold
ws-hold-place = Place a legal hold
ws-export-heading = Export and access
ws-export = Export the decrypted case to a folder on this computer
ws-export-then = After exporting:
ws-export-button = Export decrypted case
ws-grant-hint = After reviewers are added on the server, re-encrypt this case so that they can read it. Items are replaced on the server; the old ciphertext is deleted.
ws-grant = Re-encrypt for the current reviewers
ws-case-audit = Audit trail of this case
ws-file = File:
ws-sent-as = Sent as { $claimed }; its content is
ws-saved-as = Saved as
ws-not-inspected = This file could not be inspected.
ws-metadata = Metadata in this file
ws-found-in = Found in
ws-what = What
ws-value = Value
ws-view-safely = View safely
ws-view-safely-what = (pictures of its pages, made in a sandbox)
ws-download-original = Download the original ({ $name })
ws-safe-view = Safe view
ws-safe-view-what = The safe view: pictures of the file's pages, drawn in a sandbox with no network and no access to this computer's files. Nothing of the original runs here (no scripts, links or fonts), and no metadata is left.
ws-no-safe-view = No safe view.
ws-safe-pages = { $pages ->
    [one] 1 page.
   *[other] { $pages } pages.
}
ws-safe-pdf = Download the safe view (PDF of images)
ws-log-entry = log entry { $index }
ws-log-waiting = waiting for the next log update
ws-audit-what = Every reviewer action, as recorded by the server (newest first).
ws-day = Day
ws-reviewer = Reviewer
ws-action = Action
ws-detail = Detail
ws-reviewers-what = Replies, decisions and re-encrypted cases are encrypted on this workstation to every reviewer below and to the case's reporter. This workstation only uses the reviewers it trusts: if the server's list changes (a reviewer added or removed, a key replaced), nothing is sent until you confirm the change here. Confirm only a change your body really made: a server taken over by an attacker could add its own key to read what you send.
ws-reviewers-same = The server's list is the one this workstation trusts.
ws-reviewers-differ = The server's list of reviewers differs from the one this workstation trusts:
ws-reviewers-trust = Trust the server's list
ws-reviewers-trusted = Trusted on this workstation
ws-reviewer-key = Key (age recipient)
ws-reviewers-listed = Listed by the server
ws-back-to-inbox = Back to the inbox
ws-error-unreachable = The server cannot be reached
ws-error-wrong-key = This key is not accepted
ws-error-hostile = The server misbehaves
ws-error-refused = The server refused this reviewer
ws-error-not-found = Not found
ws-error-trust = Nothing was sent: the server's keys are not the trusted ones
ws-error-internal = Something went wrong
ws-page-not-found-title = Page not found
ws-page-not-found = There is no page at this address.
ws-log-alarm-title = STOP: the server's log is inconsistent
ws-loopback-only = This workstation only answers on its loopback address.
ws-open-link-title = Open the workstation from its link
ws-open-link = Open the address that `candor review serve` printed when it started (it contains an access token).
ws-reviewers-changed = Warning: the server's list of reviewers changed since this workstation trusted it. Nothing can be sent until you check the change on the Reviewers page.
ws-file-unreadable-title = The file cannot be opened
ws-file-unreadable = The file is damaged or not readable with this key.
ws-no-safe-view-title = No safe view
ws-safe-no-page = The safe view has no such page.
ws-refused-title = Request refused
ws-refused = This form is out of date; reload the page and try again.
ws-no-status-title = No status chosen
ws-no-status = Choose a status and try again.
ws-hold-placed = Legal hold placed: the case is kept whatever the retention settings say.
ws-hold-lifted = Legal hold lifted.
ws-no-decision-key-title = No decision key
ws-no-decision-key = Start the workstation with --decision-key decision.key to record decisions.
ws-choose-decision-title = Choose a decision
ws-choose-decision = Choose what was decided and try again.
ws-unknown-measure-title = Unknown measure
ws-unknown-measure = Choose a protection measure from the list.
ws-choose-class-title = Choose the classification
ws-choose-class = Choose the sector and the area from the lists, and for a closed case its outcome.
ws-exported = The decrypted case was written to { $folder }. { $advice } Its manifest.json lists what each file truly is and the metadata found in it.
ws-export-problems = Problems: { $problems }.
ws-reviewers-trusted-now = This workstation now trusts the server's { $count } reviewers; replies are encrypted to them.
ws-decision-recorded = Decision recorded and signed: { $decision }. It enters the public log at the next scheduled update.
ws-reply-sent = Your reply was encrypted and sent ({ $count } items).
ws-warning = Warning: { $warning }
ws-status-set = Status set to { $status }.

## Reporters' files, as the workstation inspects them (pages; exports stay in English)

list-separator = {", "}
file-offline-advice = Reporters' files may be built to attack whoever opens them: open originals only on a computer that is offline and holds no keys, or use the safe view, which turns documents and images into plain pictures in a sandbox.
file-class-pdf = a PDF document
file-class-image = an image
file-class-text = plain text
file-class-svg = an SVG image
file-class-html = a web page (HTML)
file-class-office = an office document
file-class-executable = a program
file-class-script = a script
file-class-archive = an archive
file-class-audio = audio
file-class-video = video
file-class-other = data of an unknown kind
file-type-windows-program = a Windows program
file-type-linux-program = a Linux program
file-type-macos-program = a macOS program
file-type-ole = an older Microsoft Office file (OLE)
file-type-zip = a ZIP archive
file-type-image = a { $format } image
file-type-office = an office document ({ $format })
file-type-archive = an archive ({ $format })
file-type-program = a program ({ $format })
file-type-script-shebang = a script (it starts with #!)
file-warn-invisible = Its name contains invisible characters (shown as <U+…>) that can make it look like another kind of file.
file-warn-mismatch = Its name says { $claimed }, but its content is { $actual }.
file-warn-executable = It is { $actual }: opening it runs it.
file-warn-script = It is a script: opening it may run it.
file-warn-html = It is a web page: opened in a browser, it can run scripts and load other addresses.
file-warn-archive = It is an archive: the files inside it were not checked.
file-warn-program-name = Its name ends as a program's does: a computer may run it when it is opened.
file-warn-markup = It also contains web-page markup: a browser that takes it for a page would run it.
file-warn-pdf-active = This PDF contains { $what }.
file-warn-macros = It contains macros: programs that can run when the document is opened.
file-warn-loads = It loads { $url } when opened: that address would learn that it was opened, when, and from where.
file-warn-metadata = Its metadata may identify the reporter, a device or a place (below): remove it before sharing the file; the safe view has none.
file-warn-partly = Only its first { $size } were inspected.
file-warn-archive-damaged = Its archive structure is damaged; it was not looked into.
file-warn-zip-bomb = It expands to { $expands } from { $size }: an archive built to exhaust the memory or disk of whoever opens it (a "zip bomb").
file-pdf-javascript = JavaScript
file-pdf-open-action = an action that runs when it is opened
file-pdf-page-actions = actions that run when pages or fields are used
file-pdf-launch = an action that starts a program
file-pdf-submit-form = a form that sends data to an address
file-pdf-import-data = an action that imports data
file-pdf-embedded-files = embedded files
file-pdf-rich-media = embedded media (Flash)
file-pdf-xfa = an XFA form
file-pdf-remote-links = links that open other files
file-field-gps-latitude = GPS latitude
file-field-gps-latitude-ref = GPS latitude reference
file-field-gps-longitude = GPS longitude
file-field-gps-longitude-ref = GPS longitude reference
file-field-gps-altitude = GPS altitude
file-field-gps-date = GPS date
file-field-camera-make = Camera make
file-field-camera-model = Camera model
file-field-camera-serial = Camera serial number
file-field-lens-serial = Lens serial number
file-field-camera-owner = Camera owner
file-field-author = Author
file-field-copyright = Copyright
file-field-description = Description
file-field-comment = Comment
file-field-image-id = Image ID
file-field-software = Software
file-field-taken = Taken
file-field-changed = Changed
file-field-made-with = Made with
file-field-produced-by = Produced by
file-field-created = Created
file-field-metadata-changed = Metadata changed
file-field-document-id = Document ID
file-field-title = Title
file-field-last-saved-by = Last saved by
file-field-company = Company
file-field-manager = Manager
file-field-subject = Subject
file-field-keywords = Keywords
file-field-last-printed = Last printed
file-field-template = Template
file-field-custom = Custom property
file-field-link = Link
file-safe-no-sandbox = The safe view needs bubblewrap (the bwrap command, Debian package bubblewrap); without its sandbox no file is converted.
file-safe-sandbox = The sandbox could not be started: { $reason }.
file-safe-not-convertible = It is { $actual }; the safe view converts only documents, images and text.
file-safe-expands = It expands to { $expands } when opened, more than the safe view converts ({ $limit }).
file-safe-too-many-pages = It has { $pages } pages; the safe view converts at most { $limit }.
file-safe-too-many-pages-unknown = It has more pages than the safe view converts ({ $limit }).
file-safe-too-wide = Its image is { $pixels } pixels across; the safe view converts at most { $limit }.
file-safe-unreadable = It could not be read as { $kind }, so it was not converted.
file-safe-unreadable-any = It could not be read, so it was not converted.
file-safe-input-too-large = It is larger than the safe view converts ({ $limit }).
file-safe-office-failed = LibreOffice could not convert it within the safe view's limits: it may be damaged, or built to exhaust them.
file-safe-no-libreoffice = Office documents need LibreOffice on this computer (Debian package libreoffice-writer-nogui); none is installed.
file-safe-no-font = Text is drawn with DejaVu Sans (Debian package fonts-dejavu-core), which is not installed.
file-safe-failed = It could not be converted within the safe view's limits (memory, CPU time, page size).
file-safe-timed-out = It was not converted within { $seconds } seconds, and the conversion was stopped.
file-safe-output-too-large = Its pages would take more than { $limit } of memory; it was not converted.
file-safe-output = The safe view could not be written.

## The identity lane: an optional identity statement, sealed for the identity custodians

identity-legend = Your identity (optional)
identity-anonymous = You may stay anonymous: leave this empty. To protect you (against reprisal, with reinstatement or immunity), the body needs to know who you are; you can also add this later, from your case page.
identity-sealed = What you write here is sealed apart from your report. No reviewer can read it, and your receipt code does not open it: only { $threshold } of the { $count } identity custodians of { $body }, together, can open it.
identity-label = Who you are: name, date of birth, organisation, position, how to reach you
identity-too-long = The identity statement is too long (at most { $max } bytes). Shorten it and send it again.
identity-not-text = The identity statement could not be read as text. Type it again and send it.
case-identity-heading = Tell the body who you are, to obtain protection
case-identity-send = Send my identity statement
case-identity-sent = Your identity statement was sealed and sent.
case-identity-given = You gave an identity statement. It is sealed: it opens only with { $threshold } of these identity custodians together: { $custodians }.
ws-identity = Identity statement, sealed: it opens only with { $threshold } of these custodians together: { $custodians }.

## Disclosure of an identity statement: a decision in steps, each in the public log

kind-identity-disclosure-requested = Disclosure of the reporter's identity requested
kind-identity-notice-waived = Notice before an identity disclosure waived (urgent)
kind-identity-disclosure-approved = Disclosure of the reporter's identity approved
kind-identity-disclosed = Reporter's identity disclosed
record-by-custodian = { $kind } ({ $custodian })
case-identity-request-heading = Disclosure of your identity was requested
case-identity-requested = { $custodian } asked on { $day } to open your identity statement. It cannot be opened before { $until }, unless a custodian records an urgent reason (you would see it below), and only once { $threshold } custodians have agreed; every step is recorded below and in the public log.
case-identity-object = If you object, say why in an answer below, before { $until }.
ws-identity-layers = Layers of an identity statement, taken off by a custodian who approved its disclosure.
ws-identity-heading = Identity statement
ws-identity-reasons = Reasons (the reporter reads them)
ws-identity-request = Request disclosure
ws-identity-request-hint = The reporter is told at once, on their case page and in the public log. You can open the statement no earlier than { $until }, once { $threshold } custodians, you included, have agreed.
ws-identity-requested = { $custodian } requested disclosure; it may complete from { $until }, with { $threshold } custodians. Agreed so far: { $agreed }.
ws-identity-open = Record the disclosure and open the statement
ws-identity-open-hint = Enough custodians agreed. The disclosure is recorded in the public log and shown to the reporter before the statement is shown here; it is not stored on this computer.
ws-identity-waiting = Waiting for the other custodians to agree.
ws-identity-approve = Approve disclosure
ws-identity-approve-hint = Approving takes your layer off the statement's copies for { $custodian }; the reporter sees your approval and its reasons.
ws-identity-wait = The reporter's notice runs until { $until }: you can approve from that day.
ws-identity-waive = Shorten the notice (urgent)
ws-identity-waive-hint = Only for an urgent reason: it is recorded in the public log and the reporter reads it.
ws-identity-statement-title = Identity statement of case { $reference }
ws-identity-statement-recorded = The disclosure is recorded. This page is not stored on this computer.
ws-back-to-case = Back to the case
ws-identity-no-statement = This case has no such identity statement.
ws-identity-refused-title = Not possible now
ws-identity-not-custodian = Only a custodian of this statement can take this step.
ws-identity-no-reasons = Give the reasons: the reporter reads them.
ws-identity-no-request = There is no open disclosure request for this statement.
ws-identity-already-requested = A disclosure of this statement is already requested.
ws-identity-already-agreed = You already agreed to this disclosure.
ws-identity-too-early = The reporter's notice runs until { $until }, and no custodian recorded an urgent reason to shorten it.
ws-identity-not-ready = Not enough custodians have agreed yet: this workstation's key cannot open it.

## Reward and reprisal

kind-reward-granted = Reward granted
kind-reprisal-confirmed = Reprisal confirmed
kind-reprisal-reported = Reprisal reported by the reporter
case-reprisal-heading = Are you suffering reprisal?
case-reprisal-hint = Dismissal, demotion, threats, harassment, a transfer: tell the body what is happening to you, with any documents. It is recorded as a report of reprisal (the public log counts such reports without saying whose), and the body answers within { $days } days.
case-reprisal-what = What is happening to you
case-reprisal-send = Report reprisal
case-reprisal-sent = Your report of reprisal was encrypted and sent.
case-reprisal-pending = You reported reprisal on { $day }; the body answers by { $by }.
ws-due-reprisal = answer the report of reprisal

## Certificates bound to their holder

case-certificate-without-reasons = without the reasons
case-present-label = A verifier's challenge
case-present-hint = To prove to someone (a court, an employer) that this decision is yours without saying who you are: ask them for a few words of their choice, type them here, and give them the file you get with the certificate.
case-present-button = Download a presentation
case-present-not-bound = This decision is not bound to your receipt code: it cannot be presented.
case-present-bad-challenge = Type the verifier's challenge: a few words, at most { $max } bytes.
ws-decide-issued-to = Issue it to { $name } (the words the reporter agreed to)
ws-decide-issued-to-hint = The certificate shows these words; the public log keeps only their commitment.
ws-decide-issued-to-not-disclosed = The reporter agreed that certificates may name them as “{ $name }”, but their identity has not been disclosed to the body: no certificate names them until it is.
ws-decide-issued-to-nobody = Issued to nobody: the reporter has not agreed to be named on certificates.
ws-issued-to-item = The reporter agreed that certificates may name them as: { $name }
ws-issued-to-withdrawn-item = The reporter withdrew their agreement to be named on certificates.
ws-issued-to-stale-title = Not issued to the reporter
ws-issued-to-stale = The reporter’s agreement to be named is not the one the form showed, or their identity is not disclosed. Nothing was recorded; open the case again.
issued-to-too-long = The name is too long (at most { $max } characters). Shorten it and send it again.
issued-to-not-text = The name could not be read as text. Type it again and send it.
case-issued-to-heading = Your name on certificates
case-issued-to-hint = Once the body has opened your identity statement, the certificates it issues you (for example, that your status is recognized) may name you, so that you can show them to an employer or a court. Write the words they may show, such as your name and date of birth: they are sealed to the body’s reviewers, and the public log keeps only a commitment to them. Without your agreement, certificates name nobody.
case-issued-to-agreed = Certificates may name you as: { $name }
case-issued-to-withdraw = Withdraw this agreement
case-issued-to-label = The words a certificate may show
case-issued-to-send = Agree to be named so
case-issued-to-sent = Your agreement was sealed and sent: new certificates may name you in these words.
case-issued-to-withdrawn = Your agreement was withdrawn: new certificates will not name you.
case-issued-to-item = You agreed that certificates may name you as: { $name }
case-issued-to-withdrawn-item = You withdrew your agreement to be named on certificates.
