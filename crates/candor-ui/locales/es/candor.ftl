# Textos de las páginas de Candor, en español. Las mismas claves que locales/en/candor.ftl.
# La traducción debe revisarla una persona hablante nativa.

## El marco de cada página

nav-how = Cómo funciona
nav-report = Presentar una denuncia
nav-check = Consultar mi denuncia
nav-main = Menú principal
nav-languages = Idiomas
footer-safety = Este servicio no usa JavaScript, ni cookies para denunciar, ni recursos externos. Funciona con el nivel de seguridad «Más seguro» (Safest) del Navegador Tor.
footer-figures = Denuncias y decisiones en cifras
footer-figures-note = (contadas a partir del registro público)
back-to-start = Volver al inicio

## La página de inicio

index-title = Denuncie irregularidades de forma segura
index-heading = Denuncie irregularidades ante { $body }
index-intro = { $body } es un organismo independiente. Recibe denuncias de irregularidades, decide si la persona denunciante es un alertador y concede protección frente a represalias.
index-what-happens = Qué ocurre con su denuncia
index-step-write = Usted describe lo ocurrido y, si quiere, adjunta documentos. No tiene que dar su nombre.
index-step-encrypt = Mientras su denuncia llega, este servidor la cifra, pieza a pieza y en memoria, con las claves de las personas revisoras del organismo. Nunca escribe sus palabras ni sus archivos sin cifrar en el disco y no guarda ninguna copia que pueda leer.
index-step-receipt-before = Recibe un
index-step-receipt-term = código de recibo
index-step-receipt-after = de ocho palabras. Solo este código le permite volver.
index-step-review = Las personas revisoras descifran su denuncia en sus propios ordenadores, acusan recibo en 7 días y le responden en 3 meses.
index-who-reads = Quién puede leerla
index-readers = Solo las personas revisoras de { $body }, cada una con su propia clave:
index-readers-after = Quienes administran este servidor no pueden leerla. Su denuncia también se cifra con una clave derivada de su código de recibo, para que pueda volver a leerla cuando regrese.
index-no-javascript = Como esta página funciona sin JavaScript, su navegador envía la denuncia a este servidor antes de cifrarla; la conexión en sí está cifrada por Tor. El servidor la cifra en cuanto llega.
index-receipt-heading = Su código de recibo
index-receipt = Después de enviar la denuncia verá su código de recibo una sola vez. Escríbalo en papel y guárdelo en un lugar seguro. Con él podrá leer las preguntas y respuestas del organismo, responder, añadir documentos, ver qué se ha decidido sobre su protección y descargar la prueba. Nadie puede recuperar un código perdido: ni el organismo ni nosotros.
index-safety-heading = Proteja su seguridad
index-safety-tor-before = Use el
index-safety-tor-browser = Navegador Tor
index-safety-tor-middle = con el nivel de seguridad
index-safety-tor-level = Más seguro (Safest)
index-safety-device = No use un ordenador, teléfono o red de su empleador. Es mejor un dispositivo personal en una red pública o doméstica.
index-safety-documents = Los documentos pueden revelar quién los creó: nombres de autor, nombres de dispositivo, ubicaciones en fotos, puntos de rastreo en impresiones. Elimine lo que pueda, o describa el documento.
index-safety-secret = No cuente a nadie que ha presentado una denuncia y no guarde su código de recibo donde otras personas puedan encontrarlo.
index-limit = Puede enviar hasta { $size } de una vez: un mensaje y tantos archivos como quiera.

## El formulario de denuncia

submit-title = Presentar una denuncia
submit-intro = Describa lo ocurrido: quién, qué, cuándo, dónde y cómo lo sabe. No necesita dar su nombre. Todo lo que envía se cifra para las personas revisoras de { $body } en cuanto llega.
submit-message = Su mensaje
submit-message-hint = Texto sin formato. Si es largo, también puede adjuntarlo como archivo.
submit-files = Documentos (opcional)
submit-files-hint = Puede elegir varios archivos. Hasta { $size } en total. Los nombres de los archivos también se cifran.
submit-send = Enviar denuncia
submit-slow = Enviar archivos grandes por Tor puede tardar mucho. Mantenga esta pestaña abierta hasta ver su código de recibo.

## El recibo, mostrado una sola vez

receipt-title = Su denuncia ha sido recibida
receipt-stored = { $files ->
    [0] Su denuncia se cifró y se guardó de forma segura.
    [one] Su denuncia y 1 archivo se cifraron y se guardaron de forma segura.
   *[other] Su denuncia y { $files } archivos se cifraron y se guardaron de forma segura.
}
receipt-heading = Su código de recibo
receipt-write-now = Escriba este código ahora, en papel.
receipt-once = Solo se muestra esta vez. No podemos volver a mostrarlo ni recuperarlo.
receipt-english = El código son siempre ocho palabras en inglés, sea cual sea el idioma de estas páginas, para que el mismo código sirva en todos los idiomas. Copie cada palabra letra por letra, en orden, con un espacio entre palabras; no necesita entenderlas.
receipt-next = Qué ocurre ahora
receipt-next-deadlines = Las personas revisoras del organismo acusarán recibo de su denuncia en 7 días y le responderán en 3 meses.
receipt-next-return = Vuelva con el Navegador Tor y su código de recibo para leer sus preguntas, responder, añadir documentos y seguir la decisión sobre su protección.
receipt-next-close = Cuando haya anotado el código, cierre esta pestaña.

## Entrar con el código de recibo

followup-title = Consultar mi denuncia
followup-intro = Escriba el código de recibo de ocho palabras que recibió al presentar su denuncia. Las mayúsculas y los espacios de más no importan.
followup-code = Código de recibo
followup-code-hint = Por ejemplo: ocho palabras separadas por espacios.
followup-english = Las palabras están en inglés en todos los idiomas: escríbalas tal como las anotó, en letras latinas.
followup-open = Abrir mi denuncia
followup-timeout = Por su seguridad, la sesión se cierra tras 30 minutos sin actividad. Cierre la sesión usted mismo al terminar, sobre todo en un ordenador compartido.
signin-again-title = Vuelva a entrar
signin-again = No ha iniciado sesión. Por su seguridad, las sesiones terminan tras un tiempo sin actividad, al cerrar la sesión y cuando el servicio se reinicia.
signin-again-button = Entrar con su código de recibo
signed-out-title = Ha cerrado la sesión
signed-out = Ha cerrado la sesión. Cierre esta pestaña; en el Navegador Tor, use «Nueva identidad» para borrarlo todo.

## La página del caso

status-received = Recibida
status-received-meaning = Su denuncia ha llegado correctamente. El organismo confirmará que la está examinando.
status-acknowledged = Acuse de recibo
status-acknowledged-meaning = El organismo ha confirmado que recibió su denuncia y que la examinará.
status-in-review = En examen
status-in-review-meaning = El organismo está examinando su denuncia. Puede hacerle preguntas aquí; vuelva a consultar.
status-decided = Resuelta
status-decided-meaning = El organismo ha resuelto su caso. Sus decisiones se muestran abajo.
status-closed = Cerrada
status-closed-meaning = Su caso está cerrado. Aún puede leerlo todo aquí.
case-title = Su denuncia
case-status = Estado: { $status }
case-dates = Fechas de su caso
case-received = Denuncia recibida
case-acknowledge-by = Acuse de recibo a más tardar el
case-done = — hecho
case-late = con retraso
case-feedback-by = Respuesta a más tardar el
case-deadlines = La ley obliga al organismo a acusar recibo de una denuncia en 7 días y a decirle qué hace con ella en 3 meses (6 en algunos casos).
case-kept-heading = Cuánto tiempo se conserva su denuncia
case-deleted-before = Su caso está cerrado. Sus registros (su denuncia, sus archivos y la conversación) se
case-deleted-on = borrarán definitivamente el { $day }
case-deleted-after = , { $months } meses después del último mensaje: la ley pide no conservar los registros más de lo necesario.
case-deleted-save = Guarde antes de esa fecha lo que quiera conservar (certificados, respuestas). El registro público conserva sus entradas, que no nombran a nadie.
case-held = Su caso está cerrado. El organismo conserva sus registros por ahora, por motivos legales (conservación legal).
case-decisions = Decisiones sobre su protección
case-decisions-intro = Cada decisión está firmada por { $body } y consta en su registro público a prueba de manipulaciones. Un certificado le permite probarla ante un tribunal, un empleador o cualquier otra persona, que puede comprobarlo sin contactarnos.
case-certificate = Descargar certificado
case-conversation = Conversación
case-you-wrote = Usted escribió el { $day }
case-body-wrote = escribió el { $day }
case-altered = Este elemento no es el que usted envió.
case-altered-why = Difiere de la huella registrada cuando llegó su denuncia, así que fue sustituido o dañado después. Avise al organismo y conserve su propia copia.
case-answer-heading = Responder o añadir documentos
case-answer = Su respuesta
case-files-hint = Hasta { $size } en total.
case-send = Enviar respuesta
case-sign-out = Cerrar sesión
case-file = Archivo:
case-proof = Prueba de denuncia: recibida el { $day }.
case-decision = Decisión: { $decision }
case-unreadable = (Este elemento no se pudo abrir.)

## Errores y rechazos

error-internal-title = Algo ha fallado
error-internal = Algo ha fallado por nuestra parte. Inténtelo de nuevo más tarde.
error-report-too-large-title = Denuncia demasiado grande
error-too-large-title = Demasiado grande
error-too-large = Lo que envió supera lo que acepta este formulario, así que no se guardó nada.
error-not-found-title = Página no encontrada
error-not-found-short = No hay ninguna página en esta dirección.
error-method-title = No disponible
error-method = Esta dirección no se puede usar así. Vuelva al inicio y use los enlaces.
error-bad-request-title = No se pudo leer la solicitud
error-bad-request = La solicitud llegó dañada o incompleta, así que no se guardó nada. Vuelva atrás e inténtelo de nuevo.
error-refused-title = Solicitud rechazada
error-cross-site = Este formulario se envió desde otro sitio, así que se rechazó. Abra este sitio directamente e inténtelo de nuevo.
error-panic = Algo ha fallado por nuestra parte. No se guardó nada de lo que envió en esta solicitud. Inténtelo de nuevo más tarde.
error-not-found = No hay ninguna página en esta dirección. Compruebe la dirección o empiece de nuevo desde la página de inicio.
submit-empty = Su denuncia está vacía. Escriba un mensaje o elija al menos un archivo.
submit-not-utf8 = Su mensaje contiene caracteres que no se pudieron leer. No se guardó nada. Escriba el mensaje de nuevo o adjúntelo como archivo.
submit-too-long-title = Mensaje demasiado largo
submit-too-long = Su mensaje supera 1 MiB de texto. No se guardó nada. Adjunte los textos largos como archivo y vuelva a enviar.
submit-too-many-files-title = Demasiados archivos
submit-malformed-title = No se pudo leer el formulario
submit-malformed = El formulario llegó incompleto o dañado, así que no se guardó nada. Vuelva atrás, elija de nuevo sus archivos y reenvíe.
submit-timeout-title = El envío se detuvo
submit-timeout = No llegó nada durante varios minutos, así que el envío se detuvo y no se guardó nada. Inténtelo de nuevo.
busy-title = Servicio ocupado; inténtelo dentro de un minuto
submit-busy = Mucha gente está usando este servicio ahora mismo. No se guardó nada. Espere un minuto y vuelva a enviar.
submit-internal-title = Su denuncia no se guardó
submit-internal = Algo ha fallado por nuestra parte y su denuncia NO se guardó. No se conservó nada de ella. Inténtelo de nuevo más tarde.
signin-busy = Mucha gente está entrando ahora mismo. Espere un minuto e inténtelo de nuevo.
signin-empty = Escriba su código de recibo en el campo de abajo.
signin-wrong = Este código no abre ninguna denuncia. Compruebe cada palabra con su nota e inténtelo de nuevo.
signin-code-empty = Escriba su código de recibo: ocho palabras.
signin-code-length = Un código de recibo tiene ocho palabras; usted escribió { $found }. Compruebe su nota.
signin-code-unknown-word = Al menos una palabra no está en nuestra lista. Compruebe la ortografía con su nota.
signin-code-too-long = Es demasiado largo para ser un código de recibo.
case-file-not-found-title = Archivo no encontrado
case-file-not-found = Ese archivo no existe en su caso.
case-record-not-found-title = No encontrado
case-record-not-found = Esa decisión no existe en su caso.
case-certificate-pending-title = El certificado aún no está listo
case-answer-empty = Su respuesta estaba vacía, así que no se envió nada. Escriba un mensaje o elija un archivo.
case-answer-not-utf8 = Su respuesta contiene caracteres que no se pudieron leer, así que no se envió nada. Escríbala de nuevo o adjúntela como archivo.
case-csrf = Este formulario está caducado o no se envió desde este sitio, así que se rechazó. Abra de nuevo su caso y vuelva a intentarlo.
error-report-too-large = Su denuncia supera el límite de { $limit }. No se guardó nada. Envíe menos archivos o archivos más pequeños a la vez: podrá añadir más después con su código de recibo.
submit-too-many-files = Una denuncia puede contener como máximo { $max } archivos. No se guardó nada. Ponga los archivos en un archivo comprimido o envíelos por partes.
case-certificate-pending = Esta decisión se añade al registro público en la próxima actualización prevista (como mucho dentro de { $interval }). Vuelva más tarde para descargar su certificado.
case-answer-sent = { $files ->
    [0] Su respuesta se envió.
    [one] Su respuesta y 1 archivo se enviaron.
   *[other] Su respuesta y { $files } archivos se enviaron.
}

## Entradas del registro y clasificación pública

kind-report-received = Denuncia recibida
kind-acknowledged = Acuse de recibo de la denuncia
kind-status-recognized = Condición de alertador reconocida
kind-status-declined = Condición de alertador denegada
kind-protection-granted = Protección concedida
kind-status-revoked = Condición de alertador revocada
kind-case-closed = Caso cerrado
record-with-measure = { $kind }: { $measure }
measure-confidentiality = protección de la identidad (confidencialidad)
measure-reprisal-protection = protección frente a represalias
measure-interim-relief = medidas provisionales
measure-reinstatement-recommended = readmisión recomendada
measure-immunity-recommended = inmunidad recomendada
sector-public = Sector público
sector-private = Sector privado
sector-not-stated = Sector no indicado
area-bribery = Soborno
area-embezzlement = Malversación
area-public-procurement = Contratación pública
area-money-laundering = Blanqueo de capitales
area-conflict-of-interest = Conflicto de intereses
area-public-finance-fraud = Fraude contra las finanzas públicas
area-other = Otros
outcome-referred = Remitido a una autoridad competente
outcome-proceedings-opened = Investigación o procedimiento abierto
outcome-substantiated = Irregularidad acreditada
outcome-not-substantiated = Irregularidad no acreditada
outcome-insufficient-information = Información insuficiente
outcome-outside-mandate = Fuera del mandato del organismo
outcome-withdrawn = Retirada por la persona denunciante

## Estadísticas: /transparency y los informes anuales

log-unavailable-title = El registro no está disponible
log-unavailable = No se pudo leer el registro. Inténtelo de nuevo más tarde.
log-no-tile-title = No existe ese bloque
log-no-tile = Ese bloque no está en el registro.
stats-title = Transparencia
stats-heading = Transparencia: denuncias y decisiones
stats-intro = Cada denuncia recibida y cada decisión de { $body } sobre la condición y la protección de un alertador es una entrada de un registro público al que solo se puede añadir:
stats-entries = ({ $size ->
    [one] 1 entrada
   *[other] { $size } entradas
}).
stats-intro-after = Estas cifras se cuentan solo a partir de esas entradas; nada en ellas identifica a una persona o un caso.
stats-none = Todavía no se ha recibido ninguna denuncia.
stats-years = Años
stats-years-caption = Denuncias y decisiones por año; cada año tiene su informe anual
stats-year = Año
stats-new-reports = Denuncias nuevas
stats-decisions = Decisiones
stats-the-year = El año { $year }
stats-check = Compruebe usted mismo estas cifras
stats-check-keys = Obtenga las claves públicas del registro y del organismo de una fuente de confianza; también están en
stats-check-run = Ejecute
stats-check-run-after = (añada --stats json para el JSON). Descarga el punto de control firmado y cada entrada y bloque del registro (c2sp.org/tlog-tiles), recalcula la raíz de Merkle, comprueba que el registro solo ha crecido desde su última comprobación y escribe el mismo transparency.csv a partir de las propias entradas.
stats-check-hand = O cuente a mano: cada entrada es una nota firmada con su tipo y su día y, para las decisiones, el sector, el ámbito, el resultado y las semanas completas desde la denuncia. Las entradas más antiguas solo llevan tipo y día y cuentan como no clasificadas. Los dos formatos:
stats-no-year-title = No hay informe para ese año
stats-no-year = El registro no tiene entradas en ese año.
stats-annual-title = Informe anual { $year }
stats-annual-heading = Informe anual { $year }: denuncias y decisiones
stats-annual-intro = Contadas según el día de cada entrada del registro público de { $body }:
stats-all-years = Todos los años
stats-suppressed = Para proteger a las personas denunciantes, las cifras de 1 a { $largest } se muestran como «<{ $below }»: menos de { $below }.
stats-open-data = Datos abiertos
stats-csv = (cada cifra, cada año y trimestre)
stats-json = (lo mismo, con el tamaño del registro)
stats-datapackage = (el esquema, Frictionless Data)
stats-fewer-than = menos de { $below }
stats-number = Número
stats-bar = Barra
stats-too-few = demasiado pocas para mostrarlas
stats-share = { $percent } % ({ $part } de { $whole })
stats-share-small = menos de { $below } de { $whole }
stats-unclassified = Sin clasificar (entradas antiguas)
stats-received-in = Denuncias recibidas en { $year }
stats-by-quarter = Por trimestre, según el día de cada entrada
stats-quarter = Trimestre
stats-quarter-name = T{ $quarter }
stats-follow-ups = Ampliaciones (denunciantes que completan su caso):
stats-receipts-unclassified = Recibos antiguos (formato versión 1) que no indican si abrieron un caso o ampliaron uno existente:
stats-decisions-in = Decisiones en { $year }
stats-by-kind = Decisiones por tipo
stats-decision = Decisión
stats-by-area = Decisiones de condición por ámbito
stats-by-area-caption = Condición de alertador reconocida o denegada, según el objeto de la denuncia
stats-area = Ámbito
stats-recognized = Recono{"\u00AD"}cida
stats-declined = Dene{"\u00AD"}gada
stats-by-sector = Decisiones de condición por sector
stats-by-sector-caption = Condición de alertador reconocida o denegada, según dónde ocurrió la irregularidad
stats-sector = Sector
stats-by-outcome = Casos cerrados por resultado
stats-by-outcome-caption = Cómo terminaron los casos cerrados
stats-outcome = Resultado
stats-timeliness = Plazos
stats-timeliness-caption = Contado sobre las decisiones que llevan las semanas desde la denuncia (formato versión 2)
stats-acknowledged-in-7-days = Acuse de recibo en 7 días
stats-answered-in-3-months = Respuesta en 3 meses (condición decidida en menos de 13 semanas)
stats-median-weeks = Mediana de semanas entre la denuncia y la decisión de condición

## La estación de trabajo

ws-title = Estación de trabajo de Candor
ws-inbox = Bandeja de entrada
ws-audit = Registro de auditoría
ws-reviewers = Personas revisoras
ws-signed-in-as = Sesión iniciada como
ws-due-acknowledge = acusar recibo
ws-due-feedback = responder
ws-due-nothing = nada pendiente
ws-no-reports = Todavía no hay denuncias.
ws-filter-label = Filtrar los casos
ws-status = Estado
ws-any = cualquiera
ws-reference = Referencia
ws-unread-only = solo no leídos
ws-overdue-only = solo con retraso
ws-filter = Filtrar
ws-show-all = Mostrar todo
ws-no-match = Ningún caso coincide, de { $all }.
ws-cases-match = Coinciden { $matching } de { $all } casos
ws-cases = { $all ->
    [one] 1 caso
   *[other] { $all } casos
}
ws-cases-shown = , los más urgentes primero; se muestran { $first }–{ $last }. Hay que acusar recibo en 7 días y responder dentro del plazo de respuesta.
ws-case = Caso
ws-received = Recibido
ws-next-deadline = Próximo plazo
ws-unread = No leídos
ws-due-by = { $what } a más tardar el { $day }
ws-overdue = con retraso
ws-new-items = { $count } nuevos
ws-pages = Páginas
ws-previous = Anterior
ws-page-of = Página { $page } de { $pages }
ws-next = Siguiente
ws-case-title = Caso { $reference }
ws-blocked = Las respuestas, las decisiones y el recifrado están bloqueados para este caso.
ws-acknowledge-by = Acusar recibo a más tardar el
ws-feedback-by = Responder a más tardar el
ws-next-due = Próximo
ws-conversation = Conversación
ws-reporter = Denunciante
ws-the-body = El organismo
ws-altered = Sustituido o dañado:
ws-altered-why = este elemento difiere del SHA-256 con el que se compromete el recibo de la denuncia en el registro. No es lo que envió la persona denunciante; no confíe en él y averigüe quién lo cambió.
ws-unreadable = El elemento { $id } no se puede abrir con esta clave.
ws-decisions = Decisiones
ws-no-decision = Todavía no hay ninguna decisión registrada.
ws-decide-kind = Registrar una decisión (firmada con la clave del organismo, añadida al registro público)
ws-decide-measure = Medida de protección (para «Protección concedida»)
ws-decide-class = Clasificación pública (en el registro y las estadísticas; nunca se pregunta a la persona denunciante)
ws-decide-class-hint = Se registra con cada decisión posterior al acuse de recibo; manténgala igual para un caso salvo que fuera errónea. Se añaden las semanas completas desde la denuncia.
ws-sector = Sector
ws-area = Ámbito
ws-decide-outcome = Resultado (para «Caso cerrado»)
ws-decide-reasons = Motivos, por escrito (sellados para la persona denunciante y las revisoras; nunca públicos)
ws-decide-sign = Firmar y registrar la decisión
ws-decide-no-key = Para registrar decisiones, inicie la estación de trabajo con --decision-key decision.key.
ws-reply = Responder
ws-reply-message = Mensaje para la persona denunciante
ws-reply-hint = Se cifra aquí, en esta estación, para la persona denunciante y para cada revisora.
ws-attachments = Adjuntos (opcional)
ws-send-reply = Enviar respuesta
ws-set-status = Fijar el estado del caso
ws-change-status = Cambiar estado
ws-retention = Conservación
ws-held = Bajo conservación legal: se conserva digan lo que digan los ajustes de conservación.
ws-deleted-on = Cerrado: se borrará definitivamente el
ws-deleted-on-after = (ajustes de conservación del servidor). La persona denunciante ve esta fecha en la página de su caso.
ws-not-scheduled = No hay borrado previsto (solo se borra una vez cerrado, si los ajustes de conservación del servidor lo indican).
ws-hold-lift = Levantar la conservación legal
ws-hold-place = Aplicar conservación legal
ws-export-heading = Exportación y acceso
ws-export = Exportar el caso descifrado a una carpeta de este ordenador
ws-export-then = Después de exportar:
ws-export-button = Exportar caso descifrado
ws-grant-hint = Tras añadir personas revisoras en el servidor, vuelva a cifrar este caso para que puedan leerlo. Los elementos se sustituyen en el servidor; el cifrado anterior se borra.
ws-grant = Recifrar para las revisoras actuales
ws-case-audit = Registro de auditoría de este caso
ws-file = Archivo:
ws-sent-as = Enviado como { $claimed }; su contenido es
ws-saved-as = Guardado como
ws-not-inspected = No se pudo inspeccionar este archivo.
ws-metadata = Metadatos de este archivo
ws-found-in = Encontrado en
ws-what = Qué
ws-value = Valor
ws-view-safely = Ver de forma segura
ws-view-safely-what = (imágenes de sus páginas, generadas en un entorno aislado)
ws-download-original = Descargar el original ({ $name })
ws-safe-view = Vista segura
ws-safe-view-what = La vista segura: imágenes de las páginas del archivo, dibujadas en un entorno aislado sin red ni acceso a los archivos de este ordenador. Nada del original se ejecuta aquí (ni scripts, ni enlaces, ni fuentes) y no queda ningún metadato.
ws-no-safe-view = Sin vista segura.
ws-safe-pages = { $pages ->
    [one] 1 página.
   *[other] { $pages } páginas.
}
ws-safe-pdf = Descargar la vista segura (PDF de imágenes)
ws-log-entry = entrada { $index } del registro
ws-log-waiting = a la espera de la próxima actualización del registro
ws-audit-what = Cada acción de una persona revisora, tal como la registró el servidor (las más recientes primero).
ws-day = Día
ws-reviewer = Revisora
ws-action = Acción
ws-detail = Detalle
ws-reviewers-what = Las respuestas, las decisiones y los casos recifrados se cifran en esta estación para cada revisora de la lista y para la persona denunciante del caso. Esta estación solo usa las revisoras en las que confía: si la lista del servidor cambia (una revisora añadida o retirada, una clave sustituida), no se envía nada hasta que confirme el cambio aquí. Confirme solo un cambio que su organismo haya hecho de verdad: un servidor tomado por un atacante podría añadir su propia clave para leer lo que usted envía.
ws-reviewers-same = La lista del servidor es la que esta estación considera de confianza.
ws-reviewers-differ = La lista de revisoras del servidor difiere de la que esta estación considera de confianza:
ws-reviewers-trust = Confiar en la lista del servidor
ws-reviewers-trusted = De confianza en esta estación
ws-reviewer-key = Clave (destinatario age)
ws-reviewers-listed = Listadas por el servidor
ws-back-to-inbox = Volver a la bandeja de entrada
ws-error-unreachable = No se puede contactar con el servidor
ws-error-wrong-key = Esta clave no se acepta
ws-error-hostile = El servidor se comporta de forma anómala
ws-error-refused = El servidor rechazó a esta revisora
ws-error-not-found = No encontrado
ws-error-trust = No se envió nada: las claves del servidor no son las de confianza
ws-error-internal = Algo ha fallado
ws-page-not-found-title = Página no encontrada
ws-page-not-found = No hay ninguna página en esta dirección.
ws-log-alarm-title = ALTO: el registro del servidor es incoherente
ws-loopback-only = Esta estación de trabajo solo responde en su dirección de bucle local.
ws-open-link-title = Abra la estación de trabajo desde su enlace
ws-open-link = Abra la dirección que mostró `candor review serve` al iniciarse (contiene un token de acceso).
ws-reviewers-changed = Atención: la lista de revisoras del servidor cambió desde que esta estación confió en ella. No se puede enviar nada hasta que compruebe el cambio en la página Personas revisoras.
ws-file-unreadable-title = No se puede abrir el archivo
ws-file-unreadable = El archivo está dañado o no se puede leer con esta clave.
ws-no-safe-view-title = Sin vista segura
ws-safe-no-page = La vista segura no tiene esa página.
ws-refused-title = Solicitud rechazada
ws-refused = Este formulario está caducado; recargue la página e inténtelo de nuevo.
ws-no-status-title = No se eligió ningún estado
ws-no-status = Elija un estado e inténtelo de nuevo.
ws-hold-placed = Conservación legal aplicada: el caso se conserva digan lo que digan los ajustes de conservación.
ws-hold-lifted = Conservación legal levantada.
ws-no-decision-key-title = Sin clave de decisión
ws-no-decision-key = Inicie la estación de trabajo con --decision-key decision.key para registrar decisiones.
ws-choose-decision-title = Elija una decisión
ws-choose-decision = Elija lo que se decidió e inténtelo de nuevo.
ws-unknown-measure-title = Medida desconocida
ws-unknown-measure = Elija una medida de protección de la lista.
ws-choose-class-title = Elija la clasificación
ws-choose-class = Elija el sector y el ámbito de las listas y, para un caso cerrado, su resultado.
ws-exported = El caso descifrado se escribió en { $folder }. { $advice } Su manifest.json indica qué es realmente cada archivo y los metadatos encontrados en él.
ws-export-problems = Problemas: { $problems }.
ws-reviewers-trusted-now = Esta estación confía ahora en las { $count } revisoras del servidor; las respuestas se cifran para ellas.
ws-decision-recorded = Decisión registrada y firmada: { $decision }. Entra en el registro público en la próxima actualización prevista.
ws-reply-sent = Su respuesta se cifró y se envió ({ $count } elementos).
ws-warning = Atención: { $warning }
ws-status-set = Estado fijado: { $status }.

## Los archivos de las personas denunciantes, tal como los inspecciona la estación

list-separator = {", "}
file-offline-advice = Los archivos recibidos pueden estar hechos para atacar a quien los abre: abra los originales solo en un ordenador sin conexión que no guarde ninguna clave, o use la vista segura, que convierte documentos e imágenes en simples imágenes dentro de un entorno aislado.
file-class-pdf = un documento PDF
file-class-image = una imagen
file-class-text = texto sin formato
file-class-svg = una imagen SVG
file-class-html = una página web (HTML)
file-class-office = un documento de oficina
file-class-executable = un programa
file-class-script = un script
file-class-archive = un archivo comprimido
file-class-audio = audio
file-class-video = vídeo
file-class-other = datos de tipo desconocido
file-type-windows-program = un programa de Windows
file-type-linux-program = un programa de Linux
file-type-macos-program = un programa de macOS
file-type-ole = un archivo antiguo de Microsoft Office (OLE)
file-type-zip = un archivo ZIP
file-type-image = una imagen { $format }
file-type-office = un documento de oficina ({ $format })
file-type-archive = un archivo comprimido ({ $format })
file-type-program = un programa ({ $format })
file-type-script-shebang = un script (empieza por #!)
file-warn-invisible = Su nombre contiene caracteres invisibles (mostrados como <U+…>) que pueden hacerlo pasar por otro tipo de archivo.
file-warn-mismatch = Su nombre dice { $claimed }, pero su contenido es { $actual }.
file-warn-executable = Es { $actual }: abrirlo lo ejecuta.
file-warn-script = Es un script: abrirlo puede ejecutarlo.
file-warn-html = Es una página web: abierta en un navegador, puede ejecutar scripts y cargar otras direcciones.
file-warn-archive = Es un archivo comprimido: no se comprobaron los archivos que contiene.
file-warn-program-name = Su nombre termina como el de un programa: un ordenador puede ejecutarlo al abrirlo.
file-warn-markup = También contiene marcado de página web: un navegador que lo tome por una página lo ejecutaría.
file-warn-pdf-active = Este PDF contiene { $what }.
file-warn-macros = Contiene macros: programas que pueden ejecutarse al abrir el documento.
file-warn-loads = Carga { $url } al abrirse: esa dirección sabría que se abrió, cuándo y desde dónde.
file-warn-metadata = Sus metadatos pueden identificar a la persona denunciante, un dispositivo o un lugar (abajo): elimínelos antes de compartir el archivo; la vista segura no tiene ninguno.
file-warn-partly = Solo se inspeccionaron sus primeros { $size }.
file-warn-archive-damaged = La estructura de su archivo comprimido está dañada; no se examinó su interior.
file-warn-zip-bomb = Se expande a { $expands } a partir de { $size }: un archivo hecho para agotar la memoria o el disco de quien lo abre (una «bomba zip»).
file-pdf-javascript = JavaScript
file-pdf-open-action = una acción que se ejecuta al abrirlo
file-pdf-page-actions = acciones que se ejecutan al usar páginas o campos
file-pdf-launch = una acción que inicia un programa
file-pdf-submit-form = un formulario que envía datos a una dirección
file-pdf-import-data = una acción que importa datos
file-pdf-embedded-files = archivos incrustados
file-pdf-rich-media = contenido multimedia incrustado (Flash)
file-pdf-xfa = un formulario XFA
file-pdf-remote-links = enlaces que abren otros archivos
file-field-gps-latitude = Latitud GPS
file-field-gps-latitude-ref = Referencia de latitud GPS
file-field-gps-longitude = Longitud GPS
file-field-gps-longitude-ref = Referencia de longitud GPS
file-field-gps-altitude = Altitud GPS
file-field-gps-date = Fecha GPS
file-field-camera-make = Marca de la cámara
file-field-camera-model = Modelo de la cámara
file-field-camera-serial = Número de serie de la cámara
file-field-lens-serial = Número de serie del objetivo
file-field-camera-owner = Propietario de la cámara
file-field-author = Autor
file-field-copyright = Derechos de autor
file-field-description = Descripción
file-field-comment = Comentario
file-field-image-id = ID de la imagen
file-field-software = Software
file-field-taken = Tomada
file-field-changed = Modificado
file-field-made-with = Creado con
file-field-produced-by = Producido por
file-field-created = Creado
file-field-metadata-changed = Metadatos modificados
file-field-document-id = ID del documento
file-field-title = Título
file-field-last-saved-by = Guardado por última vez por
file-field-company = Empresa
file-field-manager = Responsable
file-field-subject = Asunto
file-field-keywords = Palabras clave
file-field-last-printed = Última impresión
file-field-template = Plantilla
file-field-custom = Propiedad personalizada
file-field-link = Enlace
file-safe-no-sandbox = La vista segura necesita bubblewrap (la orden bwrap, paquete Debian bubblewrap); sin su entorno aislado no se convierte ningún archivo.
file-safe-sandbox = No se pudo iniciar el entorno aislado: { $reason }.
file-safe-not-convertible = Es { $actual }; la vista segura solo convierte documentos, imágenes y texto.
file-safe-expands = Se expande a { $expands } al abrirse, más de lo que convierte la vista segura ({ $limit }).
file-safe-too-many-pages = Tiene { $pages } páginas; la vista segura convierte como máximo { $limit }.
file-safe-too-many-pages-unknown = Tiene más páginas de las que convierte la vista segura ({ $limit }).
file-safe-too-wide = Su imagen mide { $pixels } píxeles de ancho; la vista segura convierte como máximo { $limit }.
file-safe-unreadable = No se pudo leer como { $kind }, así que no se convirtió.
file-safe-unreadable-any = No se pudo leer, así que no se convirtió.
file-safe-input-too-large = Es más grande de lo que convierte la vista segura ({ $limit }).
file-safe-office-failed = LibreOffice no pudo convertirlo dentro de los límites de la vista segura: puede estar dañado o hecho para agotarlos.
file-safe-no-libreoffice = Los documentos de oficina necesitan LibreOffice en este ordenador (paquete Debian libreoffice-writer-nogui); no está instalado.
file-safe-no-font = El texto se dibuja con DejaVu Sans (paquete Debian fonts-dejavu-core), que no está instalado.
file-safe-failed = No se pudo convertir dentro de los límites de la vista segura (memoria, tiempo de CPU, tamaño de página).
file-safe-timed-out = No se convirtió en { $seconds } segundos y se detuvo la conversión.
file-safe-output-too-large = Sus páginas ocuparían más de { $limit } de memoria; no se convirtió.
file-safe-output = No se pudo escribir la vista segura.

## The identity lane: an optional identity statement, sealed for the identity custodians

identity-legend = Su identidad (opcional)
identity-anonymous = Puede seguir siendo anónimo: deje este campo vacío. Para protegerle (contra represalias, con la readmisión o la inmunidad), el organismo necesita saber quién es usted; también puede añadirlo más tarde, desde la página de su caso.
identity-sealed = Lo que escriba aquí se sella aparte de su denuncia. Ningún revisor puede leerlo y su código de recibo no lo abre: solo { $threshold } de los { $count } custodios de la identidad de { $body }, juntos, pueden abrirlo.
identity-label = Quién es usted: nombre, fecha de nacimiento, organización, cargo, cómo contactarle
identity-too-long = La declaración de identidad es demasiado larga (como máximo { $max } bytes). Acórtela y envíela de nuevo.
identity-not-text = La declaración de identidad no se pudo leer como texto. Escríbala de nuevo y envíela.
case-identity-heading = Decir al organismo quién es usted, para obtener protección
case-identity-send = Enviar mi declaración de identidad
case-identity-sent = Su declaración de identidad se ha sellado y enviado.
case-identity-given = Usted dio una declaración de identidad. Está sellada: solo se abre con { $threshold } de estos custodios de la identidad juntos: { $custodians }.
ws-identity = Declaración de identidad, sellada: solo se abre con { $threshold } de estos custodios juntos: { $custodians }.

## Disclosure of an identity statement: a decision in steps, each in the public log

kind-identity-disclosure-requested = Revelación de la identidad del denunciante solicitada
kind-identity-notice-waived = Preaviso antes de revelar una identidad suprimido (urgencia)
kind-identity-disclosure-approved = Revelación de la identidad del denunciante aprobada
kind-identity-disclosed = Identidad del denunciante revelada
record-by-custodian = { $kind } ({ $custodian })
case-identity-request-heading = Se ha solicitado revelar su identidad
case-identity-requested = { $custodian } pidió el { $day } abrir su declaración de identidad. No puede abrirse antes del { $until }, salvo que un custodio registre un motivo urgente (lo vería más abajo), y solo cuando { $threshold } custodios estén de acuerdo; cada paso queda registrado abajo y en el registro público.
case-identity-object = Si se opone, explique por qué en una respuesta más abajo, antes del { $until }.
ws-identity-layers = Capas de una declaración de identidad, retiradas por un custodio que aprobó su revelación.
ws-identity-heading = Declaración de identidad
ws-identity-reasons = Motivos (el denunciante los lee)
ws-identity-request = Solicitar la revelación
ws-identity-request-hint = El denunciante lo sabrá de inmediato, en la página de su caso y en el registro público. Podrá abrir la declaración no antes del { $until }, cuando { $threshold } custodios, usted incluido, estén de acuerdo.
ws-identity-requested = { $custodian } solicitó la revelación; puede completarse desde el { $until }, con { $threshold } custodios. De acuerdo hasta ahora: { $agreed }.
ws-identity-open = Registrar la revelación y abrir la declaración
ws-identity-open-hint = Suficientes custodios están de acuerdo. La revelación se registra en el registro público y se muestra al denunciante antes de mostrar aquí la declaración; no se guarda en este ordenador.
ws-identity-waiting = Esperando el acuerdo de los demás custodios.
ws-identity-approve = Aprobar la revelación
ws-identity-approve-hint = Aprobar retira su capa de las copias de la declaración destinadas a { $custodian }; el denunciante ve su aprobación y sus motivos.
ws-identity-wait = El preaviso del denunciante dura hasta el { $until }: podrá aprobar a partir de ese día.
ws-identity-waive = Acortar el preaviso (urgencia)
ws-identity-waive-hint = Solo por un motivo urgente: queda registrado en el registro público y el denunciante lo lee.
ws-identity-statement-title = Declaración de identidad del caso { $reference }
ws-identity-statement-recorded = La revelación está registrada. Esta página no se guarda en este ordenador.
ws-back-to-case = Volver al caso
ws-identity-no-statement = Este caso no tiene esa declaración de identidad.
ws-identity-refused-title = No es posible ahora
ws-identity-not-custodian = Solo un custodio de esta declaración puede dar este paso.
ws-identity-no-reasons = Indique los motivos: el denunciante los lee.
ws-identity-no-request = No hay ninguna solicitud de revelación abierta para esta declaración.
ws-identity-already-requested = Ya se ha solicitado la revelación de esta declaración.
ws-identity-already-agreed = Usted ya aprobó esta revelación.
ws-identity-too-early = El preaviso del denunciante dura hasta el { $until } y ningún custodio registró un motivo urgente para acortarlo.
ws-identity-not-ready = Aún no hay suficientes custodios de acuerdo: la clave de este puesto no puede abrirla.

## Reward and reprisal

kind-reward-granted = Recompensa concedida
kind-reprisal-confirmed = Represalia confirmada
kind-reprisal-reported = Represalia denunciada por el denunciante
case-reprisal-heading = ¿Sufre represalias?
case-reprisal-hint = Despido, degradación, amenazas, acoso, un traslado: cuente al organismo lo que le ocurre, con cualquier documento. Se registra como una denuncia de represalias (el registro público cuenta estas denuncias sin decir de quién son) y el organismo responde en { $days } días.
case-reprisal-what = Lo que le está ocurriendo
case-reprisal-send = Denunciar represalias
case-reprisal-sent = Su denuncia de represalias se ha cifrado y enviado.
case-reprisal-pending = Denunció represalias el { $day }; el organismo responde a más tardar el { $by }.
ws-due-reprisal = responder a la denuncia de represalias

## Certificates bound to their holder

case-certificate-without-reasons = sin los motivos
case-present-label = El desafío de un verificador
case-present-hint = Para demostrar a alguien (un tribunal, un empleador) que esta decisión es suya sin decir quién es: pídale unas palabras de su elección, escríbalas aquí y entréguele el archivo que obtenga junto con el certificado.
case-present-button = Descargar una presentación
case-present-not-bound = Esta decisión no está vinculada a su código de recibo: no se puede presentar.
case-present-bad-challenge = Escriba el desafío del verificador: unas palabras, como máximo { $max } bytes.
ws-decide-issued-to = Expedirla a { $name } (las palabras que la persona denunciante aceptó)
ws-decide-issued-to-hint = El certificado muestra estas palabras; el registro público solo guarda su compromiso.
ws-decide-issued-to-not-disclosed = La persona denunciante aceptó que los certificados la nombren como «{ $name }», pero su identidad no se ha revelado al organismo: ningún certificado la nombra hasta entonces.
ws-decide-issued-to-nobody = Expedida a nadie: la persona denunciante no ha aceptado ser nombrada en los certificados.
ws-issued-to-item = La persona denunciante aceptó que los certificados la nombren así: { $name }
ws-issued-to-withdrawn-item = La persona denunciante retiró su acuerdo para ser nombrada en los certificados.
ws-issued-to-stale-title = No expedida a la persona denunciante
ws-issued-to-stale = El acuerdo de la persona denunciante ya no es el que mostraba el formulario, o su identidad no está revelada. No se registró nada; abra el caso de nuevo.
issued-to-too-long = El nombre es demasiado largo (como máximo { $max } caracteres). Acórtelo y envíelo de nuevo.
issued-to-not-text = El nombre no se pudo leer como texto. Escríbalo de nuevo y envíelo.
case-issued-to-heading = Su nombre en los certificados
case-issued-to-hint = Cuando el organismo haya abierto su declaración de identidad, los certificados que le expida (por ejemplo, que se reconoce su condición) pueden nombrarle, para que pueda mostrarlos a un empleador o a un tribunal. Escriba las palabras que pueden mostrar, como su nombre y su fecha de nacimiento: se sellan para los revisores del organismo, y el registro público solo guarda un compromiso con ellas. Sin su acuerdo, los certificados no nombran a nadie.
case-issued-to-agreed = Los certificados pueden nombrarle así: { $name }
case-issued-to-withdraw = Retirar este acuerdo
case-issued-to-label = Las palabras que un certificado puede mostrar
case-issued-to-send = Aceptar ser nombrado así
case-issued-to-sent = Su acuerdo se selló y se envió: los nuevos certificados pueden nombrarle con estas palabras.
case-issued-to-withdrawn = Su acuerdo se retiró: los nuevos certificados no le nombrarán.
case-issued-to-item = Usted aceptó que los certificados le nombren así: { $name }
case-issued-to-withdrawn-item = Usted retiró su acuerdo para ser nombrado en los certificados.
