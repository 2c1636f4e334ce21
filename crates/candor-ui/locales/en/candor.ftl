# Candor's page text, English. One message per piece of text a page shows; values in
# { $braces }. Pages put links and emphasis around messages, never inside them.
# Translations: one folder per language beside this one, the same keys.

## The frame of every reporter page

nav-how = How it works
nav-report = Make a report
nav-check = Check your report
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
receipt-next = What happens next
receipt-next-deadlines = The body's reviewers will acknowledge your report within 7 days and give you feedback within 3 months.
receipt-next-return = Come back with Tor Browser and your receipt code to read their questions, answer, add documents, and follow the decision on your protection.
receipt-next-close = When you have written the code down, close this tab.

## Signing in with the receipt code

followup-title = Check your report
followup-intro = Type the eight-word receipt code you were given when you made your report. Capital letters and extra spaces do not matter.
followup-code = Receipt code
followup-code-hint = For example: eight words separated by spaces.
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
