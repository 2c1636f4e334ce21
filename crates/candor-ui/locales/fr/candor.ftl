# Textes des pages de Candor, en français. Les mêmes clés que locales/en/candor.ftl.
# Traduction à faire relire par une personne de langue maternelle française.

## Le cadre de chaque page

nav-how = Comment ça marche
nav-report = Faire un signalement
nav-check = Suivre mon signalement
nav-main = Menu principal
nav-languages = Langues
footer-safety = Ce service n’utilise ni JavaScript, ni cookie pour signaler, ni ressource extérieure. Il fonctionne au niveau de sécurité « Le plus sûr » (Safest) du Navigateur Tor.
footer-figures = Signalements et décisions en chiffres
footer-figures-note = (comptés à partir du journal public)
back-to-start = Retour à l’accueil

## La page d’accueil

index-title = Signaler des faits en toute sécurité
index-heading = Signaler des faits à { $body }
index-intro = { $body } est une autorité indépendante. Elle reçoit les signalements, décide si la personne qui signale est un lanceur d’alerte et accorde une protection contre les représailles.
index-what-happens = Ce qu’il advient de votre signalement
index-step-write = Vous décrivez ce qui s’est passé et, si vous le souhaitez, joignez des documents. Vous n’avez pas à donner votre nom.
index-step-encrypt = Dès que votre signalement arrive, ce serveur le chiffre, morceau par morceau et en mémoire, avec les clés des examinateurs de l’autorité. Il n’écrit jamais vos mots ni vos fichiers en clair sur le disque et ne garde aucune copie lisible.
index-step-receipt-before = Vous recevez un
index-step-receipt-term = code de reçu
index-step-receipt-after = de huit mots. Seul ce code vous permet de revenir.
index-step-review = Les examinateurs déchiffrent votre signalement sur leurs propres ordinateurs, en accusent réception sous 7 jours et vous répondent sous 3 mois.
index-who-reads = Qui peut le lire
index-readers = Seuls les examinateurs de { $body }, chacun avec sa propre clé :
index-readers-after = Les personnes qui gèrent ce serveur ne peuvent pas le lire. Votre signalement est aussi chiffré avec une clé tirée de votre code de reçu, pour que vous puissiez le relire quand vous revenez.
index-no-javascript = Comme cette page fonctionne sans JavaScript, votre navigateur envoie votre signalement à ce serveur avant qu’il soit chiffré ; la connexion elle-même est chiffrée par Tor. Le serveur le chiffre dès son arrivée.
index-receipt-heading = Votre code de reçu
index-receipt = Après l’envoi, votre code de reçu s’affiche une seule fois. Notez-le sur papier et gardez-le en lieu sûr. Il vous permet de lire les questions et réponses de l’autorité, de répondre, d’ajouter des documents, de voir ce qui a été décidé sur votre protection et d’en télécharger la preuve. Personne ne peut retrouver un code perdu : ni l’autorité, ni nous.
index-safety-heading = Restez en sécurité
index-safety-tor-before = Utilisez le
index-safety-tor-browser = Navigateur Tor
index-safety-tor-middle = avec le niveau de sécurité
index-safety-tor-level = Le plus sûr (Safest)
index-safety-device = N’utilisez pas un ordinateur, un téléphone ou un réseau de votre employeur. Un appareil personnel sur un réseau public ou domestique est préférable.
index-safety-documents = Les documents peuvent révéler qui les a créés : noms d’auteur, noms d’appareil, positions dans les photos, points de traçage des impressions. Retirez ce que vous pouvez, ou décrivez le document.
index-safety-secret = Ne dites à personne que vous avez fait un signalement et ne gardez pas votre code de reçu là où d’autres pourraient le trouver.
index-limit = Vous pouvez envoyer jusqu’à { $size } en une fois : un message et autant de fichiers que vous voulez.

## Le formulaire de signalement

submit-title = Faire un signalement
submit-intro = Décrivez ce qui s’est passé : qui, quoi, quand, où, et comment vous le savez. Vous n’avez pas à donner votre nom. Tout ce que vous envoyez est chiffré pour les examinateurs de { $body } dès son arrivée.
submit-message = Votre message
submit-message-hint = Texte simple. S’il est long, vous pouvez aussi le joindre comme fichier.
submit-files = Documents (facultatif)
submit-files-hint = Vous pouvez choisir plusieurs fichiers. Jusqu’à { $size } au total. Les noms des fichiers sont chiffrés eux aussi.
submit-send = Envoyer le signalement
submit-slow = L’envoi de gros fichiers par Tor peut être long. Gardez cet onglet ouvert jusqu’à l’affichage de votre code de reçu.

## Le reçu, affiché une seule fois

receipt-title = Votre signalement a été reçu
receipt-stored = { $files ->
    [0] Votre signalement a été chiffré et enregistré en sécurité.
    [one] Votre signalement et 1 fichier ont été chiffrés et enregistrés en sécurité.
   *[other] Votre signalement et { $files } fichiers ont été chiffrés et enregistrés en sécurité.
}
receipt-heading = Votre code de reçu
receipt-write-now = Notez ce code maintenant, sur papier.
receipt-once = Il ne s’affiche qu’une fois. Nous ne pouvons ni le montrer à nouveau ni le retrouver.
receipt-english = Le code est toujours formé de huit mots anglais, quelle que soit la langue de ces pages, pour qu’un même code fonctionne dans toutes les langues. Recopiez chaque mot lettre par lettre, dans l’ordre, avec une espace entre les mots ; vous n’avez pas besoin de les comprendre.
receipt-next = Et ensuite
receipt-next-deadlines = Les examinateurs de l’autorité accuseront réception de votre signalement sous 7 jours et vous répondront sous 3 mois.
receipt-next-return = Revenez avec le Navigateur Tor et votre code de reçu pour lire leurs questions, répondre, ajouter des documents et suivre la décision sur votre protection.
receipt-next-close = Une fois le code noté, fermez cet onglet.

## Se connecter avec le code de reçu

followup-title = Suivre mon signalement
followup-intro = Saisissez le code de reçu de huit mots reçu lors de votre signalement. Les majuscules et les espaces en trop n’ont pas d’importance.
followup-code = Code de reçu
followup-code-hint = Par exemple : huit mots séparés par des espaces.
followup-english = Les mots sont en anglais dans toutes les langues : tapez-les comme vous les avez notés, en lettres latines.
followup-open = Ouvrir mon signalement
followup-timeout = Pour votre sécurité, vous êtes déconnecté après 30 minutes d’inactivité. Déconnectez-vous vous-même quand vous avez terminé, surtout sur un ordinateur partagé.
signin-again-title = Veuillez vous reconnecter
signin-again = Vous n’êtes pas connecté. Pour votre sécurité, une session prend fin après un temps d’inactivité, quand vous vous déconnectez et quand le service redémarre.
signin-again-button = Se connecter avec le code de reçu
signed-out-title = Vous êtes déconnecté
signed-out = Vous êtes déconnecté. Fermez cet onglet ; dans le Navigateur Tor, utilisez « Nouvelle identité » pour tout effacer.

## La page du dossier

status-received = Reçu
status-received-meaning = Votre signalement est bien arrivé. L’autorité confirmera qu’elle l’examine.
status-acknowledged = Accusé de réception
status-acknowledged-meaning = L’autorité a confirmé avoir reçu votre signalement et va l’examiner.
status-in-review = En cours d’examen
status-in-review-meaning = L’autorité examine votre signalement. Elle peut vous poser des questions ici ; revenez régulièrement.
status-decided = Décidé
status-decided-meaning = L’autorité a statué sur votre dossier. Ses décisions figurent ci-dessous.
status-closed = Clos
status-closed-meaning = Votre dossier est clos. Vous pouvez toujours tout relire ici.
case-title = Votre signalement
case-status = Statut : { $status }
case-dates = Dates de votre dossier
case-received = Signalement reçu
case-acknowledge-by = Accusé de réception attendu avant le
case-done = — fait
case-late = en retard
case-feedback-by = Réponse attendue avant le
case-deadlines = La loi oblige l’autorité à accuser réception d’un signalement sous 7 jours et à vous dire ce qu’elle en fait sous 3 mois (6 dans certains cas).
case-kept-heading = Durée de conservation de votre signalement
case-deleted-before = Votre dossier est clos. Ses données (votre signalement, vos fichiers et la conversation) seront
case-deleted-on = supprimées définitivement le { $day }
case-deleted-after = , { $months } mois après le dernier message : la loi demande de ne pas conserver les données plus longtemps que nécessaire.
case-deleted-save = Enregistrez avant cette date ce que vous voulez garder (certificats, réponses). Le journal public garde ses entrées, qui ne nomment personne.
case-held = Votre dossier est clos. L’autorité en conserve les données pour l’instant, pour des raisons juridiques (conservation légale).
case-decisions = Décisions sur votre protection
case-decisions-intro = Chaque décision est signée par { $body } et inscrite dans son journal public et infalsifiable. Un certificat vous permet de la prouver devant un tribunal, un employeur ou toute autre personne, qui peut le vérifier sans nous contacter.
case-certificate = Télécharger le certificat
case-conversation = Conversation
case-you-wrote = Vous avez écrit le { $day }
case-body-wrote = a écrit le { $day }
case-altered = Cet élément n’est pas celui que vous avez envoyé.
case-altered-why = Il diffère de l’empreinte enregistrée à l’arrivée de votre signalement : il a donc été remplacé ou endommagé depuis. Prévenez l’autorité et gardez votre propre copie.
case-answer-heading = Répondre ou ajouter des documents
case-answer = Votre réponse
case-files-hint = Jusqu’à { $size } au total.
case-send = Envoyer la réponse
case-sign-out = Se déconnecter
case-file = Fichier :
case-proof = Preuve de signalement : reçu le { $day }.
case-decision = Décision : { $decision }
case-unreadable = (Cet élément n’a pas pu être ouvert.)

## Erreurs et refus

error-internal-title = Un problème est survenu
error-internal = Un problème est survenu de notre côté. Veuillez réessayer plus tard.
error-report-too-large-title = Signalement trop volumineux
error-too-large-title = Trop volumineux
error-too-large = Ce que vous avez envoyé dépasse ce que ce formulaire accepte ; rien n’a été conservé.
error-not-found-title = Page introuvable
error-not-found-short = Il n’y a pas de page à cette adresse.
error-method-title = Indisponible
error-method = Cette adresse ne s’utilise pas ainsi. Retournez à l’accueil et utilisez les liens.
error-bad-request-title = La requête n’a pas pu être lue
error-bad-request = La requête est arrivée endommagée ou incomplète ; rien n’a été conservé. Revenez en arrière et réessayez.
error-refused-title = Requête refusée
error-cross-site = Ce formulaire a été envoyé depuis un autre site ; il a donc été refusé. Ouvrez ce site directement et réessayez.
error-panic = Un problème est survenu de notre côté. Rien de ce que vous avez envoyé dans cette requête n’a été conservé. Veuillez réessayer plus tard.
error-not-found = Il n’y a pas de page à cette adresse. Vérifiez l’adresse ou repartez de la page d’accueil.
submit-empty = Votre signalement est vide. Écrivez un message ou choisissez au moins un fichier.
submit-not-utf8 = Votre message contient des caractères illisibles. Rien n’a été enregistré. Saisissez à nouveau le message, ou joignez-le comme fichier.
submit-too-long-title = Message trop long
submit-too-long = Votre message dépasse 1 Mio de texte. Rien n’a été enregistré. Joignez les textes longs comme fichier et renvoyez.
submit-too-many-files-title = Trop de fichiers
submit-malformed-title = Le formulaire n’a pas pu être lu
submit-malformed = Le formulaire est arrivé incomplet ou endommagé ; rien n’a été enregistré. Revenez en arrière, choisissez à nouveau vos fichiers et renvoyez.
submit-timeout-title = L’envoi s’est arrêté
submit-timeout = Rien n’est arrivé pendant plusieurs minutes ; l’envoi a été arrêté et rien n’a été enregistré. Veuillez réessayer.
busy-title = Service occupé, réessayez dans une minute
submit-busy = Beaucoup de personnes utilisent ce service en ce moment. Rien n’a été enregistré. Attendez une minute et renvoyez.
submit-internal-title = Votre signalement n’a pas été enregistré
submit-internal = Un problème est survenu de notre côté et votre signalement n’a PAS été enregistré. Rien n’en a été conservé. Veuillez réessayer plus tard.
signin-busy = Beaucoup de personnes se connectent en ce moment. Attendez une minute et réessayez.
signin-empty = Saisissez votre code de reçu dans le champ ci-dessous.
signin-wrong = Ce code n’ouvre aucun signalement. Vérifiez chaque mot d’après votre note et réessayez.
signin-code-empty = Saisissez votre code de reçu : huit mots.
signin-code-length = Un code de reçu compte huit mots ; vous en avez saisi { $found }. Vérifiez votre note.
signin-code-unknown-word = Au moins un mot n’est pas dans notre liste. Vérifiez l’orthographe d’après votre note.
signin-code-too-long = C’est trop long pour être un code de reçu.
case-file-not-found-title = Fichier introuvable
case-file-not-found = Ce fichier n’existe pas dans votre dossier.
case-record-not-found-title = Introuvable
case-record-not-found = Cette décision n’existe pas dans votre dossier.
case-certificate-pending-title = Certificat pas encore prêt
case-answer-empty = Votre réponse était vide ; rien n’a été envoyé. Écrivez un message ou choisissez un fichier.
case-answer-not-utf8 = Votre réponse contient des caractères illisibles ; rien n’a été envoyé. Saisissez-la à nouveau, ou joignez-la comme fichier.
case-csrf = Ce formulaire est périmé ou n’a pas été envoyé depuis ce site ; il a été refusé. Rouvrez votre dossier et réessayez.
error-report-too-large = Votre signalement dépasse la limite de { $limit }. Rien n’a été enregistré. Envoyez moins de fichiers ou des fichiers plus petits à la fois : vous pourrez en ajouter plus tard avec votre code de reçu.
submit-too-many-files = Un signalement peut contenir au plus { $max } fichiers. Rien n’a été enregistré. Mettez les fichiers dans une archive, ou envoyez-les en plusieurs fois.
case-certificate-pending = Cette décision est ajoutée au journal public lors de la prochaine mise à jour prévue (au plus tard dans { $interval }). Revenez plus tard pour télécharger son certificat.
case-answer-sent = { $files ->
    [0] Votre réponse a été envoyée.
    [one] Votre réponse et 1 fichier ont été envoyés.
   *[other] Votre réponse et { $files } fichiers ont été envoyés.
}

## Entrées du journal et classification publique

kind-report-received = Signalement reçu
kind-acknowledged = Réception du signalement confirmée
kind-status-recognized = Statut de lanceur d’alerte reconnu
kind-status-declined = Statut de lanceur d’alerte refusé
kind-protection-granted = Protection accordée
kind-status-revoked = Statut de lanceur d’alerte retiré
kind-case-closed = Dossier clos
record-with-measure = { $kind } : { $measure }
measure-confidentiality = protection de l’identité (confidentialité)
measure-reprisal-protection = protection contre les représailles
measure-interim-relief = mesures provisoires
measure-reinstatement-recommended = réintégration recommandée
measure-immunity-recommended = immunité recommandée
sector-public = Secteur public
sector-private = Secteur privé
sector-not-stated = Secteur non précisé
area-bribery = Corruption
area-embezzlement = Détournement de fonds
area-public-procurement = Marchés publics
area-money-laundering = Blanchiment d’argent
area-conflict-of-interest = Conflit d’intérêts
area-public-finance-fraud = Fraude aux finances publiques
area-other = Autre
outcome-referred = Transmis à une autorité compétente
outcome-proceedings-opened = Enquête ou procédure ouverte
outcome-substantiated = Faits établis
outcome-not-substantiated = Faits non établis
outcome-insufficient-information = Informations insuffisantes
outcome-outside-mandate = Hors du mandat de l’autorité
outcome-withdrawn = Retiré par la personne qui a signalé

## Statistiques : /transparency et les rapports annuels

log-unavailable-title = Le journal est indisponible
log-unavailable = Le journal n’a pas pu être lu. Veuillez réessayer plus tard.
log-no-tile-title = Tuile inexistante
log-no-tile = Cette tuile n’est pas dans le journal.
stats-title = Transparence
stats-heading = Transparence : signalements et décisions
stats-intro = Chaque signalement reçu et chaque décision de { $body } sur le statut et la protection d’un lanceur d’alerte est une entrée d’un journal public où l’on ne peut qu’ajouter :
stats-entries = ({ $size ->
    [one] 1 entrée
   *[other] { $size } entrées
}).
stats-intro-after = Ces chiffres sont comptés à partir de ces seules entrées ; rien n’y identifie une personne ou un dossier.
stats-none = Aucun signalement n’a encore été reçu.
stats-years = Années
stats-years-caption = Signalements et décisions par année ; chaque année a son rapport annuel
stats-year = Année
stats-new-reports = Nouveaux signalements
stats-decisions = Décisions
stats-the-year = L’année { $year }
stats-check = Vérifiez ces chiffres vous-même
stats-check-keys = Procurez-vous les clés publiques du journal et de l’autorité auprès d’une source de confiance ; elles sont aussi sur
stats-check-run = Lancez
stats-check-run-after = (ajoutez --stats json pour le JSON). La commande télécharge le point de contrôle signé et chaque entrée et tuile du journal (c2sp.org/tlog-tiles), recalcule la racine de Merkle, vérifie que le journal n’a fait que croître depuis votre dernière vérification et écrit le même transparency.csv à partir des entrées elles-mêmes.
stats-check-hand = Ou comptez à la main : chaque entrée est une note signée avec sa nature et son jour et, pour les décisions, le secteur, le domaine, l’issue et le nombre de semaines entières depuis le signalement. Les entrées plus anciennes ne portent que la nature et le jour et comptent comme non classées. Les deux formats :
stats-no-year-title = Aucun rapport pour cette année
stats-no-year = Le journal n’a aucune entrée cette année-là.
stats-annual-title = Rapport annuel { $year }
stats-annual-heading = Rapport annuel { $year } : signalements et décisions
stats-annual-intro = Comptés selon le jour de chaque entrée du journal public de { $body } :
stats-all-years = Toutes les années
stats-suppressed = Pour protéger les personnes qui signalent, les nombres de 1 à { $largest } sont affichés « <{ $below } » : moins de { $below }.
stats-open-data = Données ouvertes
stats-csv = (chaque chiffre, chaque année et trimestre)
stats-json = (la même chose, avec la taille du journal)
stats-datapackage = (le schéma, Frictionless Data)
stats-fewer-than = moins de { $below }
stats-number = Nombre
stats-bar = Barre
stats-too-few = trop peu pour être affiché
stats-share = { $percent } % ({ $part } sur { $whole })
stats-share-small = moins de { $below } sur { $whole }
stats-unclassified = Non classé (entrées anciennes)
stats-received-in = Signalements reçus en { $year }
stats-by-quarter = Par trimestre, selon le jour de chaque entrée
stats-quarter = Trimestre
stats-quarter-name = T{ $quarter }
stats-follow-ups = Suites (personnes complétant leur dossier) :
stats-receipts-unclassified = Reçus anciens (format version 1) qui ne disent pas s’ils ont ouvert un dossier ou complété un dossier existant :
stats-decisions-in = Décisions en { $year }
stats-by-kind = Décisions par nature
stats-decision = Décision
stats-by-area = Décisions de statut par domaine
stats-by-area-caption = Statut de lanceur d’alerte reconnu ou refusé, selon l’objet du signalement
stats-area = Domaine
stats-recognized = Recon{"\u00AD"}nu
stats-declined = Refusé
stats-by-sector = Décisions de statut par secteur
stats-by-sector-caption = Statut de lanceur d’alerte reconnu ou refusé, selon le lieu des faits
stats-sector = Secteur
stats-by-outcome = Dossiers clos par issue
stats-by-outcome-caption = Comment les dossiers clos se sont terminés
stats-outcome = Issue
stats-timeliness = Délais
stats-timeliness-caption = Compté sur les décisions qui portent le nombre de semaines depuis le signalement (format version 2)
stats-acknowledged-in-7-days = Réception confirmée sous 7 jours
stats-answered-in-3-months = Réponse sous 3 mois (statut décidé en moins de 13 semaines)
stats-median-weeks = Médiane des semaines entre signalement et décision de statut

## Le poste de travail

ws-title = Poste de travail Candor
ws-inbox = Boîte de réception
ws-audit = Journal d’audit
ws-reviewers = Examinateurs
ws-signed-in-as = Connecté en tant que
ws-due-acknowledge = accuser réception
ws-due-feedback = répondre
ws-due-nothing = rien à faire
ws-no-reports = Aucun signalement pour l’instant.
ws-filter-label = Filtrer les dossiers
ws-status = Statut
ws-any = tous
ws-reference = Référence
ws-unread-only = non lus seulement
ws-overdue-only = en retard seulement
ws-filter = Filtrer
ws-show-all = Tout afficher
ws-no-match = Aucun dossier ne correspond, sur { $all }.
ws-cases-match = { $matching } dossiers sur { $all } correspondent
ws-cases = { $all ->
    [one] 1 dossier
   *[other] { $all } dossiers
}
ws-cases-shown = , les plus urgents d’abord ; { $first }–{ $last } affichés. Il faut accuser réception sous 7 jours et répondre dans le délai de réponse.
ws-case = Dossier
ws-received = Reçu
ws-next-deadline = Prochaine échéance
ws-unread = Non lus
ws-due-by = { $what } avant le { $day }
ws-overdue = en retard
ws-new-items = { $count } nouveaux
ws-pages = Pages
ws-previous = Précédent
ws-page-of = Page { $page } sur { $pages }
ws-next = Suivant
ws-case-title = Dossier { $reference }
ws-blocked = Les réponses, les décisions et le rechiffrement sont bloqués pour ce dossier.
ws-acknowledge-by = Accuser réception avant le
ws-feedback-by = Répondre avant le
ws-next-due = Prochaine
ws-conversation = Conversation
ws-reporter = Personne qui signale
ws-the-body = L’autorité
ws-altered = Remplacé ou endommagé :
ws-altered-why = cet élément diffère du SHA-256 auquel le reçu du signalement dans le journal s’engage. Ce n’est pas ce que la personne a envoyé ; ne vous y fiez pas et cherchez qui l’a modifié.
ws-unreadable = L’élément { $id } ne peut pas être ouvert avec cette clé.
ws-decisions = Décisions
ws-no-decision = Aucune décision enregistrée pour l’instant.
ws-decide-kind = Enregistrer une décision (signée avec la clé de l’autorité, ajoutée au journal public)
ws-decide-measure = Mesure de protection (pour « Protection accordée »)
ws-decide-class = Classification publique (dans le journal et les statistiques ; jamais demandée à la personne qui signale)
ws-decide-class-hint = Enregistrée avec chaque décision après l’accusé de réception ; gardez-la identique pour un dossier, sauf erreur. Le nombre de semaines entières depuis le signalement est ajouté.
ws-sector = Secteur
ws-area = Domaine
ws-decide-outcome = Issue (pour « Dossier clos »)
ws-decide-reasons = Motifs, en toutes lettres (scellés pour la personne qui signale et les examinateurs ; jamais publics)
ws-decide-sign = Signer et enregistrer la décision
ws-decide-no-key = Pour enregistrer des décisions, démarrez le poste de travail avec --decision-key decision.key.
ws-reply = Répondre
ws-reply-message = Message à la personne qui signale
ws-reply-hint = Chiffré ici, sur ce poste, pour la personne qui signale et pour chaque examinateur.
ws-attachments = Pièces jointes (facultatif)
ws-send-reply = Envoyer la réponse
ws-set-status = Définir le statut du dossier
ws-change-status = Changer le statut
ws-retention = Conservation
ws-held = Sous conservation légale : conservé quels que soient les réglages de conservation.
ws-deleted-on = Clos : supprimé définitivement le
ws-deleted-on-after = (réglages de conservation du serveur). La personne qui signale voit cette date sur la page de son dossier.
ws-not-scheduled = Aucune suppression prévue (supprimé seulement une fois clos, si les réglages de conservation du serveur le prévoient).
ws-hold-lift = Lever la conservation légale
ws-hold-place = Placer sous conservation légale
ws-export-heading = Export et accès
ws-export = Exporter le dossier déchiffré dans un dossier de cet ordinateur
ws-export-then = Après l’export :
ws-export-button = Exporter le dossier déchiffré
ws-grant-hint = Après l’ajout d’examinateurs sur le serveur, rechiffrez ce dossier pour qu’ils puissent le lire. Les éléments sont remplacés sur le serveur ; l’ancien chiffré est supprimé.
ws-grant = Rechiffrer pour les examinateurs actuels
ws-case-audit = Journal d’audit de ce dossier
ws-file = Fichier :
ws-sent-as = Envoyé comme { $claimed } ; son contenu est
ws-saved-as = Enregistré sous
ws-not-inspected = Ce fichier n’a pas pu être inspecté.
ws-metadata = Métadonnées de ce fichier
ws-found-in = Trouvé dans
ws-what = Quoi
ws-value = Valeur
ws-view-safely = Voir sans risque
ws-view-safely-what = (images de ses pages, produites dans un bac à sable)
ws-download-original = Télécharger l’original ({ $name })
ws-safe-view = Vue sûre
ws-safe-view-what = La vue sûre : des images des pages du fichier, dessinées dans un bac à sable sans réseau ni accès aux fichiers de cet ordinateur. Rien de l’original ne s’exécute ici (ni scripts, ni liens, ni polices) et il ne reste aucune métadonnée.
ws-no-safe-view = Pas de vue sûre.
ws-safe-pages = { $pages ->
    [one] 1 page.
   *[other] { $pages } pages.
}
ws-safe-pdf = Télécharger la vue sûre (PDF d’images)
ws-log-entry = entrée { $index } du journal
ws-log-waiting = en attente de la prochaine mise à jour du journal
ws-audit-what = Chaque action d’un examinateur, telle qu’enregistrée par le serveur (les plus récentes d’abord).
ws-day = Jour
ws-reviewer = Examinateur
ws-action = Action
ws-detail = Détail
ws-reviewers-what = Les réponses, les décisions et les dossiers rechiffrés sont chiffrés sur ce poste pour chaque examinateur ci-dessous et pour la personne qui signale. Ce poste n’utilise que les examinateurs auxquels il fait confiance : si la liste du serveur change (examinateur ajouté ou retiré, clé remplacée), rien n’est envoyé tant que vous n’avez pas confirmé le changement ici. Ne confirmez qu’un changement réellement fait par votre autorité : un serveur pris par un attaquant pourrait ajouter sa propre clé pour lire ce que vous envoyez.
ws-reviewers-same = La liste du serveur est celle à laquelle ce poste fait confiance.
ws-reviewers-differ = La liste des examinateurs du serveur diffère de celle à laquelle ce poste fait confiance :
ws-reviewers-trust = Faire confiance à la liste du serveur
ws-reviewers-trusted = De confiance sur ce poste
ws-reviewer-key = Clé (destinataire age)
ws-reviewers-listed = Listés par le serveur
ws-back-to-inbox = Retour à la boîte de réception
ws-error-unreachable = Le serveur est injoignable
ws-error-wrong-key = Cette clé n’est pas acceptée
ws-error-hostile = Le serveur se comporte anormalement
ws-error-refused = Le serveur a refusé cet examinateur
ws-error-not-found = Introuvable
ws-error-trust = Rien n’a été envoyé : les clés du serveur ne sont pas celles de confiance
ws-error-internal = Un problème est survenu
ws-page-not-found-title = Page introuvable
ws-page-not-found = Il n’y a pas de page à cette adresse.
ws-log-alarm-title = STOP : le journal du serveur est incohérent
ws-loopback-only = Ce poste de travail ne répond que sur son adresse de bouclage.
ws-open-link-title = Ouvrez le poste de travail depuis son lien
ws-open-link = Ouvrez l’adresse affichée par `candor review serve` au démarrage (elle contient un jeton d’accès).
ws-reviewers-changed = Attention : la liste des examinateurs du serveur a changé depuis que ce poste lui a fait confiance. Rien ne peut être envoyé avant que vous ayez vérifié le changement sur la page Examinateurs.
ws-file-unreadable-title = Le fichier ne peut pas être ouvert
ws-file-unreadable = Le fichier est endommagé ou illisible avec cette clé.
ws-no-safe-view-title = Pas de vue sûre
ws-safe-no-page = La vue sûre n’a pas cette page.
ws-refused-title = Requête refusée
ws-refused = Ce formulaire est périmé ; rechargez la page et réessayez.
ws-no-status-title = Aucun statut choisi
ws-no-status = Choisissez un statut et réessayez.
ws-hold-placed = Conservation légale placée : le dossier est conservé quels que soient les réglages de conservation.
ws-hold-lifted = Conservation légale levée.
ws-no-decision-key-title = Pas de clé de décision
ws-no-decision-key = Démarrez le poste de travail avec --decision-key decision.key pour enregistrer des décisions.
ws-choose-decision-title = Choisissez une décision
ws-choose-decision = Choisissez ce qui a été décidé et réessayez.
ws-unknown-measure-title = Mesure inconnue
ws-unknown-measure = Choisissez une mesure de protection dans la liste.
ws-choose-class-title = Choisissez la classification
ws-choose-class = Choisissez le secteur et le domaine dans les listes et, pour un dossier clos, son issue.
ws-exported = Le dossier déchiffré a été écrit dans { $folder }. { $advice } Son manifest.json indique ce qu’est réellement chaque fichier et les métadonnées trouvées.
ws-export-problems = Problèmes : { $problems }.
ws-reviewers-trusted-now = Ce poste fait désormais confiance aux { $count } examinateurs du serveur ; les réponses leur sont chiffrées.
ws-decision-recorded = Décision enregistrée et signée : { $decision }. Elle entre dans le journal public à la prochaine mise à jour prévue.
ws-reply-sent = Votre réponse a été chiffrée et envoyée ({ $count } éléments).
ws-warning = Attention : { $warning }
ws-status-set = Statut défini : { $status }.

## Les fichiers des personnes qui signalent, tels que le poste de travail les inspecte

list-separator = {", "}
file-offline-advice = Les fichiers reçus peuvent être conçus pour attaquer qui les ouvre : n’ouvrez les originaux que sur un ordinateur hors ligne qui ne détient aucune clé, ou utilisez la vue sûre, qui transforme documents et images en simples images dans un bac à sable.
file-class-pdf = un document PDF
file-class-image = une image
file-class-text = du texte simple
file-class-svg = une image SVG
file-class-html = une page web (HTML)
file-class-office = un document bureautique
file-class-executable = un programme
file-class-script = un script
file-class-archive = une archive
file-class-audio = de l’audio
file-class-video = de la vidéo
file-class-other = des données de nature inconnue
file-type-windows-program = un programme Windows
file-type-linux-program = un programme Linux
file-type-macos-program = un programme macOS
file-type-ole = un ancien fichier Microsoft Office (OLE)
file-type-zip = une archive ZIP
file-type-image = une image { $format }
file-type-office = un document bureautique ({ $format })
file-type-archive = une archive ({ $format })
file-type-program = un programme ({ $format })
file-type-script-shebang = un script (il commence par #!)
file-warn-invisible = Son nom contient des caractères invisibles (affichés <U+…>) qui peuvent le faire passer pour un autre type de fichier.
file-warn-mismatch = Son nom annonce { $claimed }, mais son contenu est { $actual }.
file-warn-executable = C’est { $actual } : l’ouvrir l’exécute.
file-warn-script = C’est un script : l’ouvrir peut l’exécuter.
file-warn-html = C’est une page web : ouverte dans un navigateur, elle peut exécuter des scripts et charger d’autres adresses.
file-warn-archive = C’est une archive : les fichiers qu’elle contient n’ont pas été vérifiés.
file-warn-program-name = Son nom se termine comme celui d’un programme : un ordinateur peut l’exécuter à l’ouverture.
file-warn-markup = Il contient aussi du balisage de page web : un navigateur qui le prendrait pour une page l’exécuterait.
file-warn-pdf-active = Ce PDF contient { $what }.
file-warn-macros = Il contient des macros : des programmes qui peuvent s’exécuter à l’ouverture du document.
file-warn-loads = Il charge { $url } à l’ouverture : cette adresse apprendrait qu’il a été ouvert, quand et d’où.
file-warn-metadata = Ses métadonnées peuvent identifier la personne qui signale, un appareil ou un lieu (ci-dessous) : retirez-les avant de partager le fichier ; la vue sûre n’en a aucune.
file-warn-partly = Seuls ses premiers { $size } ont été inspectés.
file-warn-archive-damaged = La structure de son archive est endommagée ; son contenu n’a pas été examiné.
file-warn-zip-bomb = Il se décompresse en { $expands } à partir de { $size } : une archive conçue pour épuiser la mémoire ou le disque de qui l’ouvre (une « bombe zip »).
file-pdf-javascript = du JavaScript
file-pdf-open-action = une action qui s’exécute à l’ouverture
file-pdf-page-actions = des actions qui s’exécutent quand on utilise des pages ou des champs
file-pdf-launch = une action qui lance un programme
file-pdf-submit-form = un formulaire qui envoie des données à une adresse
file-pdf-import-data = une action qui importe des données
file-pdf-embedded-files = des fichiers incorporés
file-pdf-rich-media = des médias incorporés (Flash)
file-pdf-xfa = un formulaire XFA
file-pdf-remote-links = des liens qui ouvrent d’autres fichiers
file-field-gps-latitude = Latitude GPS
file-field-gps-latitude-ref = Référence de latitude GPS
file-field-gps-longitude = Longitude GPS
file-field-gps-longitude-ref = Référence de longitude GPS
file-field-gps-altitude = Altitude GPS
file-field-gps-date = Date GPS
file-field-camera-make = Marque de l’appareil
file-field-camera-model = Modèle de l’appareil
file-field-camera-serial = Numéro de série de l’appareil
file-field-lens-serial = Numéro de série de l’objectif
file-field-camera-owner = Propriétaire de l’appareil
file-field-author = Auteur
file-field-copyright = Droits d’auteur
file-field-description = Description
file-field-comment = Commentaire
file-field-image-id = Identifiant de l’image
file-field-software = Logiciel
file-field-taken = Prise de vue
file-field-changed = Modifié
file-field-made-with = Créé avec
file-field-produced-by = Produit par
file-field-created = Créé
file-field-metadata-changed = Métadonnées modifiées
file-field-document-id = Identifiant du document
file-field-title = Titre
file-field-last-saved-by = Dernier enregistrement par
file-field-company = Société
file-field-manager = Responsable
file-field-subject = Sujet
file-field-keywords = Mots-clés
file-field-last-printed = Dernière impression
file-field-template = Modèle
file-field-custom = Propriété personnalisée
file-field-link = Lien
file-safe-no-sandbox = La vue sûre a besoin de bubblewrap (la commande bwrap, paquet Debian bubblewrap) ; sans son bac à sable, aucun fichier n’est converti.
file-safe-sandbox = Le bac à sable n’a pas pu démarrer : { $reason }.
file-safe-not-convertible = C’est { $actual } ; la vue sûre ne convertit que des documents, des images et du texte.
file-safe-expands = Il se décompresse en { $expands } à l’ouverture, plus que ce que la vue sûre convertit ({ $limit }).
file-safe-too-many-pages = Il a { $pages } pages ; la vue sûre en convertit au plus { $limit }.
file-safe-too-many-pages-unknown = Il a plus de pages que ce que la vue sûre convertit ({ $limit }).
file-safe-too-wide = Son image mesure { $pixels } pixels de large ; la vue sûre en convertit au plus { $limit }.
file-safe-unreadable = Il n’a pas pu être lu comme { $kind } ; il n’a donc pas été converti.
file-safe-unreadable-any = Il n’a pas pu être lu ; il n’a donc pas été converti.
file-safe-input-too-large = Il dépasse ce que la vue sûre convertit ({ $limit }).
file-safe-office-failed = LibreOffice n’a pas pu le convertir dans les limites de la vue sûre : il est peut-être endommagé, ou conçu pour les épuiser.
file-safe-no-libreoffice = Les documents bureautiques nécessitent LibreOffice sur cet ordinateur (paquet Debian libreoffice-writer-nogui) ; il n’est pas installé.
file-safe-no-font = Le texte est dessiné avec DejaVu Sans (paquet Debian fonts-dejavu-core), qui n’est pas installé.
file-safe-failed = Il n’a pas pu être converti dans les limites de la vue sûre (mémoire, temps de calcul, taille des pages).
file-safe-timed-out = Il n’a pas été converti en { $seconds } secondes ; la conversion a été arrêtée.
file-safe-output-too-large = Ses pages occuperaient plus de { $limit } de mémoire ; il n’a pas été converti.
file-safe-output = La vue sûre n’a pas pu être écrite.

## The identity lane: an optional identity statement, sealed for the identity custodians

identity-legend = Votre identité (facultatif)
identity-anonymous = Vous pouvez rester anonyme : laissez ce champ vide. Pour vous protéger (contre les représailles, par une réintégration ou une immunité), l’organisme doit savoir qui vous êtes ; vous pourrez aussi l’ajouter plus tard, depuis la page de votre dossier.
identity-sealed = Ce que vous écrivez ici est scellé à part de votre signalement. Aucun examinateur ne peut le lire, et votre code de reçu ne l’ouvre pas : seuls { $threshold } des { $count } gardiens de l’identité de { $body }, ensemble, peuvent l’ouvrir.
identity-label = Qui vous êtes : nom, date de naissance, organisation, fonction, comment vous joindre
identity-too-long = La déclaration d’identité est trop longue (au plus { $max } octets). Raccourcissez-la et envoyez-la de nouveau.
identity-not-text = La déclaration d’identité n’a pas pu être lue comme du texte. Saisissez-la de nouveau et envoyez-la.
case-identity-heading = Dire à l’organisme qui vous êtes, pour obtenir une protection
case-identity-send = Envoyer ma déclaration d’identité
case-identity-sent = Votre déclaration d’identité a été scellée et envoyée.
case-identity-given = Vous avez donné une déclaration d’identité. Elle est scellée : elle ne s’ouvre qu’avec { $threshold } de ces gardiens de l’identité ensemble : { $custodians }.
ws-identity = Déclaration d’identité, scellée : elle ne s’ouvre qu’avec { $threshold } de ces gardiens ensemble : { $custodians }.

## Disclosure of an identity statement: a decision in steps, each in the public log

kind-identity-disclosure-requested = Divulgation de l’identité du lanceur d’alerte demandée
kind-identity-notice-waived = Préavis avant une divulgation d’identité levé (urgence)
kind-identity-disclosure-approved = Divulgation de l’identité du lanceur d’alerte approuvée
kind-identity-disclosed = Identité du lanceur d’alerte divulguée
record-by-custodian = { $kind } ({ $custodian })
case-identity-request-heading = La divulgation de votre identité a été demandée
case-identity-requested = { $custodian } a demandé le { $day } d’ouvrir votre déclaration d’identité. Elle ne peut pas être ouverte avant le { $until }, sauf si un gardien enregistre un motif urgent (vous le verriez ci-dessous), et seulement après l’accord de { $threshold } gardiens ; chaque étape est enregistrée ci-dessous et dans le journal public.
case-identity-object = Si vous vous y opposez, expliquez pourquoi dans une réponse ci-dessous, avant le { $until }.
ws-identity-layers = Couches d’une déclaration d’identité, retirées par un gardien qui a approuvé sa divulgation.
ws-identity-heading = Déclaration d’identité
ws-identity-reasons = Motifs (le lanceur d’alerte les lit)
ws-identity-request = Demander la divulgation
ws-identity-request-hint = Le lanceur d’alerte en est informé aussitôt, sur la page de son dossier et dans le journal public. Vous pourrez ouvrir la déclaration au plus tôt le { $until }, une fois que { $threshold } gardiens, vous compris, auront donné leur accord.
ws-identity-requested = { $custodian } a demandé la divulgation ; elle peut aboutir à partir du { $until }, avec { $threshold } gardiens. Accords à ce jour : { $agreed }.
ws-identity-open = Enregistrer la divulgation et ouvrir la déclaration
ws-identity-open-hint = Assez de gardiens ont donné leur accord. La divulgation est enregistrée dans le journal public et montrée au lanceur d’alerte avant que la déclaration ne s’affiche ici ; elle n’est pas conservée sur cet ordinateur.
ws-identity-waiting = En attente de l’accord des autres gardiens.
ws-identity-approve = Approuver la divulgation
ws-identity-approve-hint = Approuver retire votre couche des copies de la déclaration destinées à { $custodian } ; le lanceur d’alerte voit votre accord et ses motifs.
ws-identity-wait = Le préavis du lanceur d’alerte court jusqu’au { $until } : vous pourrez approuver à partir de ce jour.
ws-identity-waive = Abréger le préavis (urgence)
ws-identity-waive-hint = Seulement pour un motif urgent : il est enregistré dans le journal public et le lanceur d’alerte le lit.
ws-identity-statement-title = Déclaration d’identité du dossier { $reference }
ws-identity-statement-recorded = La divulgation est enregistrée. Cette page n’est pas conservée sur cet ordinateur.
ws-back-to-case = Retour au dossier
ws-identity-no-statement = Ce dossier n’a pas de telle déclaration d’identité.
ws-identity-refused-title = Impossible pour le moment
ws-identity-not-custodian = Seul un gardien de cette déclaration peut accomplir cette étape.
ws-identity-no-reasons = Donnez les motifs : le lanceur d’alerte les lit.
ws-identity-no-request = Aucune demande de divulgation n’est en cours pour cette déclaration.
ws-identity-already-requested = Une divulgation de cette déclaration est déjà demandée.
ws-identity-already-agreed = Vous avez déjà donné votre accord à cette divulgation.
ws-identity-too-early = Le préavis du lanceur d’alerte court jusqu’au { $until }, et aucun gardien n’a enregistré de motif urgent pour l’abréger.
ws-identity-not-ready = Pas encore assez de gardiens ont donné leur accord : la clé de ce poste ne peut pas l’ouvrir.

## Reward and reprisal

kind-reward-granted = Récompense accordée
kind-reprisal-confirmed = Représailles constatées
kind-reprisal-reported = Représailles signalées par le lanceur d’alerte
case-reprisal-heading = Subissez-vous des représailles ?
case-reprisal-hint = Licenciement, rétrogradation, menaces, harcèlement, mutation : dites à l’organisme ce qui vous arrive, avec tout document. C’est enregistré comme un signalement de représailles (le journal public compte ces signalements sans dire de qui ils viennent), et l’organisme répond sous { $days } jours.
case-reprisal-what = Ce qui vous arrive
case-reprisal-send = Signaler des représailles
case-reprisal-sent = Votre signalement de représailles a été chiffré et envoyé.
case-reprisal-pending = Vous avez signalé des représailles le { $day } ; l’organisme répond au plus tard le { $by }.
ws-due-reprisal = répondre au signalement de représailles

## Certificates bound to their holder

case-certificate-without-reasons = sans les motifs
case-present-label = Le défi d’un vérificateur
case-present-hint = Pour prouver à quelqu’un (un tribunal, un employeur) que cette décision est la vôtre sans dire qui vous êtes : demandez-lui quelques mots de son choix, saisissez-les ici et remettez-lui le fichier obtenu avec le certificat.
case-present-button = Télécharger une présentation
case-present-not-bound = Cette décision n’est pas liée à votre code de reçu : elle ne peut pas être présentée.
case-present-bad-challenge = Saisissez le défi du vérificateur : quelques mots, au plus { $max } octets.
ws-decide-issued-to = La délivrer à { $name } (les mots auxquels le lanceur d’alerte a consenti)
ws-decide-issued-to-hint = Le certificat montre ces mots ; le journal public n’en garde que l’engagement.
ws-decide-issued-to-not-disclosed = Le lanceur d’alerte a accepté que les certificats le nomment « { $name } », mais son identité n’a pas été divulguée à l’organisme : aucun certificat ne le nomme avant qu’elle le soit.
ws-decide-issued-to-nobody = Délivrée à personne : le lanceur d’alerte n’a pas accepté d’être nommé sur les certificats.
ws-issued-to-item = Le lanceur d’alerte a accepté que les certificats le nomment ainsi : { $name }
ws-issued-to-withdrawn-item = Le lanceur d’alerte a retiré son accord pour être nommé sur les certificats.
ws-issued-to-stale-title = Non délivrée au lanceur d’alerte
ws-issued-to-stale = L’accord du lanceur d’alerte n’est plus celui que montrait le formulaire, ou son identité n’est pas divulguée. Rien n’a été enregistré ; rouvrez le dossier.
issued-to-too-long = Le nom est trop long ({ $max } caractères au plus). Raccourcissez-le et envoyez-le de nouveau.
issued-to-not-text = Le nom n’a pas pu être lu comme du texte. Saisissez-le de nouveau et envoyez-le.
case-issued-to-heading = Votre nom sur les certificats
case-issued-to-hint = Une fois votre déclaration d’identité ouverte par l’organisme, les certificats qu’il vous délivre (par exemple, que votre statut est reconnu) peuvent vous nommer, pour que vous puissiez les montrer à un employeur ou à un tribunal. Écrivez les mots qu’ils peuvent montrer, comme votre nom et votre date de naissance : ils sont scellés pour les examinateurs de l’organisme, et le journal public n’en garde qu’un engagement. Sans votre accord, les certificats ne nomment personne.
case-issued-to-agreed = Les certificats peuvent vous nommer ainsi : { $name }
case-issued-to-withdraw = Retirer cet accord
case-issued-to-label = Les mots qu’un certificat peut montrer
case-issued-to-send = Accepter d’être nommé ainsi
case-issued-to-sent = Votre accord a été scellé et envoyé : les nouveaux certificats peuvent vous nommer avec ces mots.
case-issued-to-withdrawn = Votre accord a été retiré : les nouveaux certificats ne vous nommeront pas.
case-issued-to-item = Vous avez accepté que les certificats vous nomment ainsi : { $name }
case-issued-to-withdrawn-item = Vous avez retiré votre accord pour être nommé sur les certificats.
