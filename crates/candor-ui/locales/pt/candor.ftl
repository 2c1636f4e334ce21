# Textos das páginas do Candor, em português. As mesmas chaves que locales/en/candor.ftl.
# A tradução deve ser revista por uma pessoa falante nativa.

## A moldura de cada página

nav-how = Como funciona
nav-report = Fazer uma denúncia
nav-check = Acompanhar a minha denúncia
nav-main = Menu principal
nav-languages = Idiomas
footer-safety = Este serviço não usa JavaScript, nem cookies para denunciar, nem recursos externos. Funciona no nível de segurança «Mais seguro» (Safest) do Navegador Tor.
footer-figures = Denúncias e decisões em números
footer-figures-note = (contadas a partir do registo público)
back-to-start = Voltar ao início

## A página inicial

index-title = Denuncie irregularidades em segurança
index-heading = Denuncie irregularidades a { $body }
index-intro = { $body } é um organismo independente. Recebe denúncias de irregularidades, decide se a pessoa denunciante é um denunciante protegido e concede proteção contra retaliações.
index-what-happens = O que acontece à sua denúncia
index-step-write = Descreve o que aconteceu e, se quiser, anexa documentos. Não tem de indicar o seu nome.
index-step-encrypt = À medida que a sua denúncia chega, este servidor cifra-a, parte a parte e em memória, com as chaves das pessoas avaliadoras do organismo. Nunca escreve as suas palavras nem os seus ficheiros em claro no disco e não guarda nenhuma cópia que consiga ler.
index-step-receipt-before = Recebe um
index-step-receipt-term = código de recibo
index-step-receipt-after = de oito palavras. Só este código lhe permite voltar.
index-step-review = As pessoas avaliadoras decifram a sua denúncia nos seus próprios computadores, confirmam a receção em 7 dias e dão-lhe resposta em 3 meses.
index-who-reads = Quem a pode ler
index-readers = Apenas as pessoas avaliadoras de { $body }, cada uma com a sua própria chave:
index-readers-after = Quem gere este servidor não a pode ler. A sua denúncia é também cifrada com uma chave derivada do seu código de recibo, para que a possa reler quando voltar.
index-no-javascript = Como esta página funciona sem JavaScript, o seu navegador envia a denúncia para este servidor antes de ser cifrada; a própria ligação é cifrada pelo Tor. O servidor cifra-a assim que chega.
index-receipt-heading = O seu código de recibo
index-receipt = Depois de enviar a denúncia, vê o seu código de recibo uma única vez. Escreva-o em papel e guarde-o num lugar seguro. Com ele pode ler as perguntas e respostas do organismo, responder, juntar documentos, ver o que foi decidido sobre a sua proteção e descarregar a prova disso. Ninguém pode recuperar um código perdido: nem o organismo, nem nós.
index-safety-heading = Mantenha-se em segurança
index-safety-tor-before = Use o
index-safety-tor-browser = Navegador Tor
index-safety-tor-middle = com o nível de segurança
index-safety-tor-level = Mais seguro (Safest)
index-safety-device = Não use um computador, telefone ou rede do seu empregador. Um dispositivo pessoal numa rede pública ou doméstica é melhor.
index-safety-documents = Os documentos podem revelar quem os criou: nomes de autor, nomes de dispositivos, localizações em fotografias, pontos de rastreio em impressões. Retire o que puder, ou descreva o documento.
index-safety-secret = Não conte a ninguém que fez uma denúncia e não guarde o seu código de recibo onde outras pessoas o possam encontrar.
index-limit = Pode enviar até { $size } de uma vez: uma mensagem e quantos ficheiros quiser.

## O formulário de denúncia

submit-title = Fazer uma denúncia
submit-intro = Descreva o que aconteceu: quem, o quê, quando, onde e como sabe. Não precisa de indicar o seu nome. Tudo o que envia é cifrado para as pessoas avaliadoras de { $body } assim que chega.
submit-message = A sua mensagem
submit-message-hint = Texto simples. Se for longo, também o pode anexar como ficheiro.
submit-files = Documentos (opcional)
submit-files-hint = Pode escolher vários ficheiros. Até { $size } no total. Os nomes dos ficheiros também são cifrados.
submit-send = Enviar denúncia
submit-slow = Enviar ficheiros grandes pelo Tor pode demorar muito. Mantenha este separador aberto até ver o seu código de recibo.

## O recibo, mostrado uma única vez

receipt-title = A sua denúncia foi recebida
receipt-stored = { $files ->
    [0] A sua denúncia foi cifrada e guardada em segurança.
    [one] A sua denúncia e 1 ficheiro foram cifrados e guardados em segurança.
   *[other] A sua denúncia e { $files } ficheiros foram cifrados e guardados em segurança.
}
receipt-heading = O seu código de recibo
receipt-write-now = Escreva este código agora, em papel.
receipt-once = Só é mostrado desta vez. Não o podemos mostrar de novo nem recuperar.
receipt-english = O código é sempre formado por oito palavras inglesas, seja qual for o idioma destas páginas, para que o mesmo código funcione em todos os idiomas. Copie cada palavra letra a letra, pela ordem, com um espaço entre as palavras; não precisa de as compreender.
receipt-next = O que acontece a seguir
receipt-next-deadlines = As pessoas avaliadoras do organismo confirmarão a receção da sua denúncia em 7 dias e dar-lhe-ão resposta em 3 meses.
receipt-next-return = Volte com o Navegador Tor e o seu código de recibo para ler as perguntas, responder, juntar documentos e acompanhar a decisão sobre a sua proteção.
receipt-next-close = Depois de anotar o código, feche este separador.

## Entrar com o código de recibo

followup-title = Acompanhar a minha denúncia
followup-intro = Escreva o código de recibo de oito palavras que recebeu ao fazer a denúncia. Maiúsculas e espaços a mais não importam.
followup-code = Código de recibo
followup-code-hint = Por exemplo: oito palavras separadas por espaços.
followup-english = As palavras estão em inglês em todos os idiomas: escreva-as como as anotou, em letras latinas.
followup-open = Abrir a minha denúncia
followup-timeout = Para sua segurança, a sessão termina após 30 minutos sem atividade. Termine a sessão quando acabar, sobretudo num computador partilhado.
signin-again-title = Entre novamente
signin-again = Não tem sessão iniciada. Para sua segurança, as sessões terminam após algum tempo sem atividade, quando sai e quando o serviço reinicia.
signin-again-button = Entrar com o seu código de recibo
signed-out-title = Saiu da sessão
signed-out = Saiu da sessão. Feche este separador; no Navegador Tor, use «Nova identidade» para apagar tudo.

## A página do caso

status-received = Recebida
status-received-meaning = A sua denúncia chegou em segurança. O organismo confirmará que a está a analisar.
status-acknowledged = Receção confirmada
status-acknowledged-meaning = O organismo confirmou que recebeu a sua denúncia e que a vai analisar.
status-in-review = Em análise
status-in-review-meaning = O organismo está a analisar a sua denúncia. Pode fazer-lhe perguntas aqui; volte a consultar.
status-decided = Decidida
status-decided-meaning = O organismo decidiu o seu caso. As decisões são mostradas abaixo.
status-closed = Encerrada
status-closed-meaning = O seu caso está encerrado. Ainda pode ler tudo aqui.
case-title = A sua denúncia
case-status = Estado: { $status }
case-dates = Datas do seu caso
case-received = Denúncia recebida
case-acknowledge-by = Confirmação de receção até
case-done = — feito
case-late = em atraso
case-feedback-by = Resposta até
case-deadlines = A lei obriga o organismo a confirmar a receção de uma denúncia em 7 dias e a dizer-lhe o que faz com ela em 3 meses (6 em alguns casos).
case-kept-heading = Durante quanto tempo a sua denúncia é guardada
case-deleted-before = O seu caso está encerrado. Os seus registos (a denúncia, os ficheiros e a conversa) serão
case-deleted-on = apagados definitivamente em { $day }
case-deleted-after = , { $months } meses após a última mensagem: a lei pede que os registos não sejam guardados mais tempo do que o necessário.
case-deleted-save = Guarde antes disso o que quiser manter (certificados, respostas). O registo público mantém as suas entradas, que não identificam ninguém.
case-held = O seu caso está encerrado. O organismo guarda os registos por agora, por motivos legais (retenção legal).
case-decisions = Decisões sobre a sua proteção
case-decisions-intro = Cada decisão é assinada por { $body } e inscrita no seu registo público à prova de adulteração. Um certificado permite-lhe prová-la perante um tribunal, um empregador ou qualquer outra pessoa, que o pode verificar sem nos contactar.
case-certificate = Descarregar certificado
case-conversation = Conversa
case-you-wrote = Escreveu em { $day }
case-body-wrote = escreveu em { $day }
case-altered = Este elemento não é o que enviou.
case-altered-why = Difere da impressão digital registada quando a sua denúncia chegou; foi, portanto, substituído ou danificado depois. Avise o organismo e guarde a sua própria cópia.
case-answer-heading = Responder ou juntar documentos
case-answer = A sua resposta
case-files-hint = Até { $size } no total.
case-send = Enviar resposta
case-sign-out = Sair
case-file = Ficheiro:
case-proof = Prova de denúncia: recebida em { $day }.
case-decision = Decisão: { $decision }
case-unreadable = (Não foi possível abrir este elemento.)

## Erros e recusas

error-internal-title = Algo correu mal
error-internal = Algo correu mal do nosso lado. Tente novamente mais tarde.
error-report-too-large-title = Denúncia demasiado grande
error-too-large-title = Demasiado grande
error-too-large = O que enviou é maior do que este formulário aceita; nada foi guardado.
error-not-found-title = Página não encontrada
error-not-found-short = Não existe nenhuma página neste endereço.
error-method-title = Indisponível
error-method = Este endereço não pode ser usado assim. Volte ao início e use as ligações.
error-bad-request-title = Não foi possível ler o pedido
error-bad-request = O pedido chegou danificado ou incompleto; nada foi guardado. Volte atrás e tente novamente.
error-refused-title = Pedido recusado
error-cross-site = Este formulário foi enviado a partir de outro sítio e foi recusado. Abra este sítio diretamente e tente novamente.
error-panic = Algo correu mal do nosso lado. Nada do que enviou neste pedido foi guardado. Tente novamente mais tarde.
error-not-found = Não existe nenhuma página neste endereço. Verifique o endereço ou recomece a partir da página inicial.
submit-empty = A sua denúncia está vazia. Escreva uma mensagem ou escolha pelo menos um ficheiro.
submit-not-utf8 = A sua mensagem contém caracteres que não foi possível ler. Nada foi guardado. Escreva a mensagem de novo ou anexe-a como ficheiro.
submit-too-long-title = Mensagem demasiado longa
submit-too-long = A sua mensagem tem mais de 1 MiB de texto. Nada foi guardado. Anexe textos longos como ficheiro e envie de novo.
submit-too-many-files-title = Demasiados ficheiros
submit-malformed-title = Não foi possível ler o formulário
submit-malformed = O formulário chegou incompleto ou danificado; nada foi guardado. Volte atrás, escolha de novo os ficheiros e reenvie.
submit-timeout-title = O envio parou
submit-timeout = Nada chegou durante vários minutos, por isso o envio foi parado e nada foi guardado. Tente novamente.
busy-title = Serviço ocupado; tente daqui a um minuto
submit-busy = Muitas pessoas estão a usar este serviço neste momento. Nada foi guardado. Aguarde um minuto e envie de novo.
submit-internal-title = A sua denúncia não foi guardada
submit-internal = Algo correu mal do nosso lado e a sua denúncia NÃO foi guardada. Nada dela foi mantido. Tente novamente mais tarde.
signin-busy = Muitas pessoas estão a entrar neste momento. Aguarde um minuto e tente novamente.
signin-empty = Escreva o seu código de recibo no campo abaixo.
signin-wrong = Este código não abre nenhuma denúncia. Verifique cada palavra com a sua nota e tente novamente.
signin-code-empty = Escreva o seu código de recibo: oito palavras.
signin-code-length = Um código de recibo tem oito palavras; escreveu { $found }. Verifique a sua nota.
signin-code-unknown-word = Pelo menos uma palavra não está na nossa lista. Verifique a ortografia com a sua nota.
signin-code-too-long = É demasiado longo para ser um código de recibo.
case-file-not-found-title = Ficheiro não encontrado
case-file-not-found = Esse ficheiro não existe no seu caso.
case-record-not-found-title = Não encontrado
case-record-not-found = Essa decisão não existe no seu caso.
case-certificate-pending-title = O certificado ainda não está pronto
case-answer-empty = A sua resposta estava vazia; nada foi enviado. Escreva uma mensagem ou escolha um ficheiro.
case-answer-not-utf8 = A sua resposta contém caracteres que não foi possível ler; nada foi enviado. Escreva-a de novo ou anexe-a como ficheiro.
case-csrf = Este formulário está desatualizado ou não foi enviado a partir deste sítio e foi recusado. Abra de novo o seu caso e tente outra vez.
error-report-too-large = A sua denúncia excede o limite de { $limit }. Nada foi guardado. Envie menos ficheiros ou ficheiros mais pequenos de cada vez: pode juntar mais depois com o seu código de recibo.
submit-too-many-files = Uma denúncia pode ter no máximo { $max } ficheiros. Nada foi guardado. Coloque os ficheiros num arquivo ou envie-os por partes.
case-certificate-pending = Esta decisão é acrescentada ao registo público na próxima atualização prevista (no máximo daqui a { $interval }). Volte mais tarde para descarregar o certificado.
case-answer-sent = { $files ->
    [0] A sua resposta foi enviada.
    [one] A sua resposta e 1 ficheiro foram enviados.
   *[other] A sua resposta e { $files } ficheiros foram enviados.
}

## Entradas do registo e classificação pública

kind-report-received = Denúncia recebida
kind-acknowledged = Receção da denúncia confirmada
kind-status-recognized = Estatuto de denunciante reconhecido
kind-status-declined = Estatuto de denunciante recusado
kind-protection-granted = Proteção concedida
kind-status-revoked = Estatuto de denunciante revogado
kind-case-closed = Caso encerrado
record-with-measure = { $kind }: { $measure }
measure-confidentiality = proteção da identidade (confidencialidade)
measure-reprisal-protection = proteção contra retaliações
measure-interim-relief = medidas provisórias
measure-reinstatement-recommended = reintegração recomendada
measure-immunity-recommended = imunidade recomendada
sector-public = Setor público
sector-private = Setor privado
sector-not-stated = Setor não indicado
area-bribery = Suborno
area-embezzlement = Peculato
area-public-procurement = Contratação pública
area-money-laundering = Branqueamento de capitais
area-conflict-of-interest = Conflito de interesses
area-public-finance-fraud = Fraude contra as finanças públicas
area-other = Outros
outcome-referred = Remetido a uma autoridade competente
outcome-proceedings-opened = Investigação ou processo aberto
outcome-substantiated = Irregularidade comprovada
outcome-not-substantiated = Irregularidade não comprovada
outcome-insufficient-information = Informação insuficiente
outcome-outside-mandate = Fora do mandato do organismo
outcome-withdrawn = Retirada pela pessoa denunciante

## Estatísticas: /transparency e os relatórios anuais

log-unavailable-title = O registo não está disponível
log-unavailable = Não foi possível ler o registo. Tente novamente mais tarde.
log-no-tile-title = Bloco inexistente
log-no-tile = Este bloco não está no registo.
stats-title = Transparência
stats-heading = Transparência: denúncias e decisões
stats-intro = Cada denúncia recebida e cada decisão de { $body } sobre o estatuto e a proteção de um denunciante é uma entrada de um registo público a que só se pode acrescentar:
stats-entries = ({ $size ->
    [one] 1 entrada
   *[other] { $size } entradas
}).
stats-intro-after = Estes números são contados apenas a partir dessas entradas; nada neles identifica uma pessoa ou um caso.
stats-none = Ainda não foi recebida nenhuma denúncia.
stats-years = Anos
stats-years-caption = Denúncias e decisões por ano; cada ano tem o seu relatório anual
stats-year = Ano
stats-new-reports = Novas denúncias
stats-decisions = Decisões
stats-the-year = O ano de { $year }
stats-check = Verifique estes números por si
stats-check-keys = Obtenha as chaves públicas do registo e do organismo numa fonte de confiança; também estão em
stats-check-run = Execute
stats-check-run-after = (acrescente --stats json para o JSON). O comando descarrega o ponto de verificação assinado e cada entrada e bloco do registo (c2sp.org/tlog-tiles), recalcula a raiz de Merkle, verifica que o registo apenas cresceu desde a sua última verificação e escreve o mesmo transparency.csv a partir das próprias entradas.
stats-check-hand = Ou conte à mão: cada entrada é uma nota assinada com o seu tipo e dia e, nas decisões, o setor, a área, o resultado e as semanas completas desde a denúncia. As entradas mais antigas têm só tipo e dia e contam como não classificadas. Os dois formatos:
stats-no-year-title = Não há relatório para esse ano
stats-no-year = O registo não tem entradas nesse ano.
stats-annual-title = Relatório anual { $year }
stats-annual-heading = Relatório anual { $year }: denúncias e decisões
stats-annual-intro = Contadas pelo dia de cada entrada do registo público de { $body }:
stats-all-years = Todos os anos
stats-suppressed = Para proteger as pessoas denunciantes, os números de 1 a { $largest } são mostrados como «<{ $below }»: menos de { $below }.
stats-open-data = Dados abertos
stats-csv = (cada número, cada ano e trimestre)
stats-json = (o mesmo, com o tamanho do registo)
stats-datapackage = (o esquema, Frictionless Data)
stats-fewer-than = menos de { $below }
stats-number = Número
stats-bar = Barra
stats-too-few = poucos demais para mostrar
stats-share = { $percent } % ({ $part } de { $whole })
stats-share-small = menos de { $below } de { $whole }
stats-unclassified = Não classificadas (entradas antigas)
stats-received-in = Denúncias recebidas em { $year }
stats-by-quarter = Por trimestre, pelo dia de cada entrada
stats-quarter = Trimestre
stats-quarter-name = T{ $quarter }
stats-follow-ups = Seguimentos (denunciantes que completam o seu caso):
stats-receipts-unclassified = Recibos antigos (formato versão 1) que não indicam se abriram um caso ou completaram um existente:
stats-decisions-in = Decisões em { $year }
stats-by-kind = Decisões por tipo
stats-decision = Decisão
stats-by-area = Decisões de estatuto por área
stats-by-area-caption = Estatuto de denunciante reconhecido ou recusado, segundo o objeto da denúncia
stats-area = Área
stats-recognized = Reconhe{"\u00AD"}cido
stats-declined = Recusado
stats-by-sector = Decisões de estatuto por setor
stats-by-sector-caption = Estatuto de denunciante reconhecido ou recusado, segundo onde ocorreu a irregularidade
stats-sector = Setor
stats-by-outcome = Casos encerrados por resultado
stats-by-outcome-caption = Como terminaram os casos encerrados
stats-outcome = Resultado
stats-timeliness = Prazos
stats-timeliness-caption = Contado sobre as decisões que indicam as semanas desde a denúncia (formato versão 2)
stats-acknowledged-in-7-days = Receção confirmada em 7 dias
stats-answered-in-3-months = Resposta em 3 meses (estatuto decidido em menos de 13 semanas)
stats-median-weeks = Mediana de semanas entre a denúncia e a decisão de estatuto

## O posto de trabalho

ws-title = Posto de trabalho Candor
ws-inbox = Caixa de entrada
ws-audit = Registo de auditoria
ws-reviewers = Avaliadores
ws-signed-in-as = Sessão iniciada como
ws-due-acknowledge = confirmar receção
ws-due-feedback = dar resposta
ws-due-nothing = nada pendente
ws-no-reports = Ainda não há denúncias.
ws-filter-label = Filtrar os casos
ws-status = Estado
ws-any = qualquer
ws-reference = Referência
ws-unread-only = só não lidos
ws-overdue-only = só em atraso
ws-filter = Filtrar
ws-show-all = Mostrar tudo
ws-no-match = Nenhum caso corresponde, de { $all }.
ws-cases-match = { $matching } de { $all } casos correspondem
ws-cases = { $all ->
    [one] 1 caso
   *[other] { $all } casos
}
ws-cases-shown = , os mais urgentes primeiro; { $first }–{ $last } mostrados. É preciso confirmar a receção em 7 dias e dar resposta dentro do prazo de resposta.
ws-case = Caso
ws-received = Recebido
ws-next-deadline = Próximo prazo
ws-unread = Não lidos
ws-due-by = { $what } até { $day }
ws-overdue = em atraso
ws-new-items = { $count } novos
ws-pages = Páginas
ws-previous = Anterior
ws-page-of = Página { $page } de { $pages }
ws-next = Seguinte
ws-case-title = Caso { $reference }
ws-blocked = Respostas, decisões e nova cifragem estão bloqueadas para este caso.
ws-acknowledge-by = Confirmar receção até
ws-feedback-by = Dar resposta até
ws-next-due = Próximo
ws-conversation = Conversa
ws-reporter = Denunciante
ws-the-body = O organismo
ws-altered = Substituído ou danificado:
ws-altered-why = este elemento difere do SHA-256 com que o recibo da denúncia no registo se compromete. Não é o que a pessoa denunciante enviou; não confie nele e descubra quem o alterou.
ws-unreadable = O elemento { $id } não pode ser aberto com esta chave.
ws-decisions = Decisões
ws-no-decision = Ainda não há nenhuma decisão registada.
ws-decide-kind = Registar uma decisão (assinada com a chave do organismo, acrescentada ao registo público)
ws-decide-measure = Medida de proteção (para «Proteção concedida»)
ws-decide-class = Classificação pública (no registo e nas estatísticas; nunca perguntada à pessoa denunciante)
ws-decide-class-hint = Registada com cada decisão após a confirmação de receção; mantenha-a igual para um caso, salvo se estiver errada. As semanas completas desde a denúncia são acrescentadas.
ws-sector = Setor
ws-area = Área
ws-decide-outcome = Resultado (para «Caso encerrado»)
ws-decide-reasons = Fundamentos, por extenso (selados para a pessoa denunciante e os avaliadores; nunca públicos)
ws-decide-sign = Assinar e registar a decisão
ws-decide-no-key = Para registar decisões, inicie o posto de trabalho com --decision-key decision.key.
ws-reply = Responder
ws-reply-message = Mensagem para a pessoa denunciante
ws-reply-hint = Cifrada aqui, neste posto, para a pessoa denunciante e para cada avaliador.
ws-attachments = Anexos (opcional)
ws-send-reply = Enviar resposta
ws-set-status = Definir o estado do caso
ws-change-status = Mudar estado
ws-retention = Conservação
ws-held = Sob retenção legal: guardado independentemente das regras de conservação.
ws-deleted-on = Encerrado: apagado definitivamente em
ws-deleted-on-after = (regras de conservação do servidor). A pessoa denunciante vê esta data na página do seu caso.
ws-not-scheduled = Sem eliminação prevista (só é apagado depois de encerrado, se as regras de conservação do servidor o indicarem).
ws-hold-lift = Levantar a retenção legal
ws-hold-place = Aplicar retenção legal
ws-export-heading = Exportação e acesso
ws-export = Exportar o caso decifrado para uma pasta deste computador
ws-export-then = Depois de exportar:
ws-export-button = Exportar caso decifrado
ws-grant-hint = Depois de acrescentar avaliadores no servidor, volte a cifrar este caso para que o possam ler. Os elementos são substituídos no servidor; a cifra antiga é apagada.
ws-grant = Cifrar de novo para os avaliadores atuais
ws-case-audit = Registo de auditoria deste caso
ws-file = Ficheiro:
ws-sent-as = Enviado como { $claimed }; o seu conteúdo é
ws-saved-as = Guardado como
ws-not-inspected = Não foi possível inspecionar este ficheiro.
ws-metadata = Metadados deste ficheiro
ws-found-in = Encontrado em
ws-what = O quê
ws-value = Valor
ws-view-safely = Ver em segurança
ws-view-safely-what = (imagens das suas páginas, feitas num ambiente isolado)
ws-download-original = Descarregar o original ({ $name })
ws-safe-view = Vista segura
ws-safe-view-what = A vista segura: imagens das páginas do ficheiro, desenhadas num ambiente isolado sem rede e sem acesso aos ficheiros deste computador. Nada do original é executado aqui (nem scripts, nem ligações, nem tipos de letra) e não fica nenhum metadado.
ws-no-safe-view = Sem vista segura.
ws-safe-pages = { $pages ->
    [one] 1 página.
   *[other] { $pages } páginas.
}
ws-safe-pdf = Descarregar a vista segura (PDF de imagens)
ws-log-entry = entrada { $index } do registo
ws-log-waiting = à espera da próxima atualização do registo
ws-audit-what = Cada ação de um avaliador, tal como registada pelo servidor (as mais recentes primeiro).
ws-day = Dia
ws-reviewer = Avaliador
ws-action = Ação
ws-detail = Pormenor
ws-reviewers-what = Respostas, decisões e casos cifrados de novo são cifrados neste posto para cada avaliador abaixo e para a pessoa denunciante do caso. Este posto só usa os avaliadores em que confia: se a lista do servidor mudar (um avaliador acrescentado ou retirado, uma chave substituída), nada é enviado até confirmar a alteração aqui. Confirme apenas uma alteração que o seu organismo tenha realmente feito: um servidor tomado por um atacante poderia acrescentar a sua própria chave para ler o que envia.
ws-reviewers-same = A lista do servidor é a que este posto considera de confiança.
ws-reviewers-differ = A lista de avaliadores do servidor difere da que este posto considera de confiança:
ws-reviewers-trust = Confiar na lista do servidor
ws-reviewers-trusted = De confiança neste posto
ws-reviewer-key = Chave (destinatário age)
ws-reviewers-listed = Listados pelo servidor
ws-back-to-inbox = Voltar à caixa de entrada
ws-error-unreachable = Não é possível contactar o servidor
ws-error-wrong-key = Esta chave não é aceite
ws-error-hostile = O servidor comporta-se de forma anómala
ws-error-refused = O servidor recusou este avaliador
ws-error-not-found = Não encontrado
ws-error-trust = Nada foi enviado: as chaves do servidor não são as de confiança
ws-error-internal = Algo correu mal
ws-page-not-found-title = Página não encontrada
ws-page-not-found = Não existe nenhuma página neste endereço.
ws-log-alarm-title = PARE: o registo do servidor é incoerente
ws-loopback-only = Este posto de trabalho só responde no seu endereço de loopback.
ws-open-link-title = Abra o posto de trabalho a partir da sua ligação
ws-open-link = Abra o endereço que `candor review serve` mostrou ao arrancar (contém um token de acesso).
ws-reviewers-changed = Atenção: a lista de avaliadores do servidor mudou desde que este posto confiou nela. Nada pode ser enviado até verificar a alteração na página Avaliadores.
ws-file-unreadable-title = Não é possível abrir o ficheiro
ws-file-unreadable = O ficheiro está danificado ou não pode ser lido com esta chave.
ws-no-safe-view-title = Sem vista segura
ws-safe-no-page = A vista segura não tem essa página.
ws-refused-title = Pedido recusado
ws-refused = Este formulário está desatualizado; recarregue a página e tente novamente.
ws-no-status-title = Nenhum estado escolhido
ws-no-status = Escolha um estado e tente novamente.
ws-hold-placed = Retenção legal aplicada: o caso é guardado independentemente das regras de conservação.
ws-hold-lifted = Retenção legal levantada.
ws-no-decision-key-title = Sem chave de decisão
ws-no-decision-key = Inicie o posto de trabalho com --decision-key decision.key para registar decisões.
ws-choose-decision-title = Escolha uma decisão
ws-choose-decision = Escolha o que foi decidido e tente novamente.
ws-unknown-measure-title = Medida desconhecida
ws-unknown-measure = Escolha uma medida de proteção da lista.
ws-choose-class-title = Escolha a classificação
ws-choose-class = Escolha o setor e a área nas listas e, para um caso encerrado, o seu resultado.
ws-exported = O caso decifrado foi escrito em { $folder }. { $advice } O seu manifest.json indica o que cada ficheiro realmente é e os metadados nele encontrados.
ws-export-problems = Problemas: { $problems }.
ws-reviewers-trusted-now = Este posto confia agora nos { $count } avaliadores do servidor; as respostas são cifradas para eles.
ws-decision-recorded = Decisão registada e assinada: { $decision }. Entra no registo público na próxima atualização prevista.
ws-reply-sent = A sua resposta foi cifrada e enviada ({ $count } elementos).
ws-warning = Atenção: { $warning }
ws-status-set = Estado definido: { $status }.

## Os ficheiros das pessoas denunciantes, tal como o posto de trabalho os inspeciona

list-separator = {", "}
file-offline-advice = Os ficheiros recebidos podem ter sido feitos para atacar quem os abre: abra os originais apenas num computador desligado da rede e sem chaves, ou use a vista segura, que transforma documentos e imagens em simples imagens num ambiente isolado.
file-class-pdf = um documento PDF
file-class-image = uma imagem
file-class-text = texto simples
file-class-svg = uma imagem SVG
file-class-html = uma página web (HTML)
file-class-office = um documento de escritório
file-class-executable = um programa
file-class-script = um script
file-class-archive = um arquivo compactado
file-class-audio = áudio
file-class-video = vídeo
file-class-other = dados de tipo desconhecido
file-type-windows-program = um programa Windows
file-type-linux-program = um programa Linux
file-type-macos-program = um programa macOS
file-type-ole = um ficheiro antigo do Microsoft Office (OLE)
file-type-zip = um arquivo ZIP
file-type-image = uma imagem { $format }
file-type-office = um documento de escritório ({ $format })
file-type-archive = um arquivo compactado ({ $format })
file-type-program = um programa ({ $format })
file-type-script-shebang = um script (começa por #!)
file-warn-invisible = O seu nome contém caracteres invisíveis (mostrados como <U+…>) que o podem fazer parecer outro tipo de ficheiro.
file-warn-mismatch = O seu nome diz { $claimed }, mas o conteúdo é { $actual }.
file-warn-executable = É { $actual }: abri-lo executa-o.
file-warn-script = É um script: abri-lo pode executá-lo.
file-warn-html = É uma página web: aberta num navegador, pode executar scripts e carregar outros endereços.
file-warn-archive = É um arquivo compactado: os ficheiros lá dentro não foram verificados.
file-warn-program-name = O seu nome termina como o de um programa: um computador pode executá-lo ao abri-lo.
file-warn-markup = Contém também marcação de página web: um navegador que o tome por uma página executá-lo-ia.
file-warn-pdf-active = Este PDF contém { $what }.
file-warn-macros = Contém macros: programas que podem ser executados ao abrir o documento.
file-warn-loads = Carrega { $url } ao ser aberto: esse endereço ficaria a saber que foi aberto, quando e de onde.
file-warn-metadata = Os seus metadados podem identificar a pessoa denunciante, um dispositivo ou um local (abaixo): remova-os antes de partilhar o ficheiro; a vista segura não tem nenhuns.
file-warn-partly = Só os primeiros { $size } foram inspecionados.
file-warn-archive-damaged = A estrutura do arquivo está danificada; o seu conteúdo não foi examinado.
file-warn-zip-bomb = Expande-se para { $expands } a partir de { $size }: um arquivo feito para esgotar a memória ou o disco de quem o abre (uma «bomba zip»).
file-pdf-javascript = JavaScript
file-pdf-open-action = uma ação que é executada ao abri-lo
file-pdf-page-actions = ações executadas ao usar páginas ou campos
file-pdf-launch = uma ação que inicia um programa
file-pdf-submit-form = um formulário que envia dados para um endereço
file-pdf-import-data = uma ação que importa dados
file-pdf-embedded-files = ficheiros incorporados
file-pdf-rich-media = multimédia incorporada (Flash)
file-pdf-xfa = um formulário XFA
file-pdf-remote-links = ligações que abrem outros ficheiros
file-field-gps-latitude = Latitude GPS
file-field-gps-latitude-ref = Referência de latitude GPS
file-field-gps-longitude = Longitude GPS
file-field-gps-longitude-ref = Referência de longitude GPS
file-field-gps-altitude = Altitude GPS
file-field-gps-date = Data GPS
file-field-camera-make = Marca da câmara
file-field-camera-model = Modelo da câmara
file-field-camera-serial = Número de série da câmara
file-field-lens-serial = Número de série da objetiva
file-field-camera-owner = Proprietário da câmara
file-field-author = Autor
file-field-copyright = Direitos de autor
file-field-description = Descrição
file-field-comment = Comentário
file-field-image-id = ID da imagem
file-field-software = Software
file-field-taken = Captada
file-field-changed = Alterado
file-field-made-with = Feito com
file-field-produced-by = Produzido por
file-field-created = Criado
file-field-metadata-changed = Metadados alterados
file-field-document-id = ID do documento
file-field-title = Título
file-field-last-saved-by = Guardado pela última vez por
file-field-company = Empresa
file-field-manager = Responsável
file-field-subject = Assunto
file-field-keywords = Palavras-chave
file-field-last-printed = Última impressão
file-field-template = Modelo
file-field-custom = Propriedade personalizada
file-field-link = Ligação
file-safe-no-sandbox = A vista segura precisa do bubblewrap (o comando bwrap, pacote Debian bubblewrap); sem o seu ambiente isolado nenhum ficheiro é convertido.
file-safe-sandbox = Não foi possível iniciar o ambiente isolado: { $reason }.
file-safe-not-convertible = É { $actual }; a vista segura só converte documentos, imagens e texto.
file-safe-expands = Expande-se para { $expands } ao ser aberto, mais do que a vista segura converte ({ $limit }).
file-safe-too-many-pages = Tem { $pages } páginas; a vista segura converte no máximo { $limit }.
file-safe-too-many-pages-unknown = Tem mais páginas do que a vista segura converte ({ $limit }).
file-safe-too-wide = A sua imagem tem { $pixels } píxeis de largura; a vista segura converte no máximo { $limit }.
file-safe-unreadable = Não foi possível lê-lo como { $kind }, por isso não foi convertido.
file-safe-unreadable-any = Não foi possível lê-lo, por isso não foi convertido.
file-safe-input-too-large = É maior do que a vista segura converte ({ $limit }).
file-safe-office-failed = O LibreOffice não o conseguiu converter dentro dos limites da vista segura: pode estar danificado ou ter sido feito para os esgotar.
file-safe-no-libreoffice = Os documentos de escritório precisam do LibreOffice neste computador (pacote Debian libreoffice-writer-nogui); não está instalado.
file-safe-no-font = O texto é desenhado com DejaVu Sans (pacote Debian fonts-dejavu-core), que não está instalado.
file-safe-failed = Não foi possível convertê-lo dentro dos limites da vista segura (memória, tempo de CPU, tamanho de página).
file-safe-timed-out = Não foi convertido em { $seconds } segundos, e a conversão foi parada.
file-safe-output-too-large = As suas páginas ocupariam mais de { $limit } de memória; não foi convertido.
file-safe-output = Não foi possível escrever a vista segura.

## The identity lane: an optional identity statement, sealed for the identity custodians

identity-legend = A sua identidade (opcional)
identity-anonymous = Pode manter o anonimato: deixe este campo vazio. Para o proteger (contra represálias, com reintegração ou imunidade), o organismo precisa de saber quem é; também pode acrescentá-la mais tarde, na página do seu caso.
identity-sealed = O que escrever aqui é selado à parte da sua denúncia. Nenhum revisor o pode ler e o seu código de recibo não o abre: só { $threshold } dos { $count } guardiões da identidade de { $body }, em conjunto, o podem abrir.
identity-label = Quem é: nome, data de nascimento, organização, cargo, como o contactar
identity-too-long = A declaração de identidade é demasiado longa (no máximo { $max } bytes). Encurte-a e envie-a de novo.
identity-not-text = Não foi possível ler a declaração de identidade como texto. Escreva-a de novo e envie-a.
case-identity-heading = Dizer ao organismo quem é, para obter proteção
case-identity-send = Enviar a minha declaração de identidade
case-identity-sent = A sua declaração de identidade foi selada e enviada.
case-identity-given = Deu uma declaração de identidade. Está selada: só se abre com { $threshold } destes guardiões da identidade em conjunto: { $custodians }.
ws-identity = Declaração de identidade, selada: só se abre com { $threshold } destes guardiões em conjunto: { $custodians }.

## Disclosure of an identity statement: a decision in steps, each in the public log

kind-identity-disclosure-requested = Divulgação da identidade do denunciante pedida
kind-identity-notice-waived = Pré-aviso antes de uma divulgação de identidade dispensado (urgência)
kind-identity-disclosure-approved = Divulgação da identidade do denunciante aprovada
kind-identity-disclosed = Identidade do denunciante divulgada
record-by-custodian = { $kind } ({ $custodian })
case-identity-request-heading = Foi pedida a divulgação da sua identidade
case-identity-requested = { $custodian } pediu em { $day } para abrir a sua declaração de identidade. Não pode ser aberta antes de { $until }, salvo se um guardião registar um motivo urgente (vê-lo-ia abaixo), e só depois de { $threshold } guardiões concordarem; cada passo fica registado abaixo e no registo público.
case-identity-object = Se se opuser, diga porquê numa resposta abaixo, antes de { $until }.
ws-identity-layers = Camadas de uma declaração de identidade, retiradas por um guardião que aprovou a sua divulgação.
ws-identity-heading = Declaração de identidade
ws-identity-reasons = Motivos (o denunciante lê-os)
ws-identity-request = Pedir a divulgação
ws-identity-request-hint = O denunciante é informado de imediato, na página do seu caso e no registo público. Poderá abrir a declaração não antes de { $until }, depois de { $threshold } guardiões, incluindo o próprio, concordarem.
ws-identity-requested = { $custodian } pediu a divulgação; pode concluir-se a partir de { $until }, com { $threshold } guardiões. De acordo até agora: { $agreed }.
ws-identity-open = Registar a divulgação e abrir a declaração
ws-identity-open-hint = Guardiões suficientes concordaram. A divulgação é registada no registo público e mostrada ao denunciante antes de a declaração aparecer aqui; não é guardada neste computador.
ws-identity-waiting = À espera do acordo dos outros guardiões.
ws-identity-approve = Aprovar a divulgação
ws-identity-approve-hint = Aprovar retira a sua camada das cópias da declaração destinadas a { $custodian }; o denunciante vê a sua aprovação e os seus motivos.
ws-identity-wait = O pré-aviso do denunciante decorre até { $until }: pode aprovar a partir desse dia.
ws-identity-waive = Encurtar o pré-aviso (urgência)
ws-identity-waive-hint = Só por um motivo urgente: fica registado no registo público e o denunciante lê-o.
ws-identity-statement-title = Declaração de identidade do caso { $reference }
ws-identity-statement-recorded = A divulgação está registada. Esta página não é guardada neste computador.
ws-back-to-case = Voltar ao caso
ws-identity-no-statement = Este caso não tem essa declaração de identidade.
ws-identity-refused-title = Não é possível agora
ws-identity-not-custodian = Só um guardião desta declaração pode dar este passo.
ws-identity-no-reasons = Indique os motivos: o denunciante lê-os.
ws-identity-no-request = Não há nenhum pedido de divulgação em curso para esta declaração.
ws-identity-already-requested = Já foi pedida uma divulgação desta declaração.
ws-identity-already-agreed = Já aprovou esta divulgação.
ws-identity-too-early = O pré-aviso do denunciante decorre até { $until } e nenhum guardião registou um motivo urgente para o encurtar.
ws-identity-not-ready = Ainda não concordaram guardiões suficientes: a chave deste posto não a consegue abrir.

## Reward and reprisal

kind-reward-granted = Recompensa concedida
kind-reprisal-confirmed = Represália confirmada
kind-reprisal-reported = Represália comunicada pelo denunciante
case-reprisal-heading = Está a sofrer represálias?
case-reprisal-hint = Despedimento, despromoção, ameaças, assédio, uma transferência: diga ao organismo o que lhe está a acontecer, com quaisquer documentos. Fica registado como uma comunicação de represálias (o registo público conta estas comunicações sem dizer de quem são) e o organismo responde em { $days } dias.
case-reprisal-what = O que lhe está a acontecer
case-reprisal-send = Comunicar represálias
case-reprisal-sent = A sua comunicação de represálias foi cifrada e enviada.
case-reprisal-pending = Comunicou represálias em { $day }; o organismo responde até { $by }.
ws-due-reprisal = responder à comunicação de represálias

## Certificates bound to their holder

case-certificate-without-reasons = sem os motivos
case-present-label = O desafio de um verificador
case-present-hint = Para provar a alguém (um tribunal, um empregador) que esta decisão é sua sem dizer quem é: peça-lhe algumas palavras à escolha, escreva-as aqui e entregue-lhe o ficheiro obtido juntamente com o certificado.
case-present-button = Descarregar uma apresentação
case-present-not-bound = Esta decisão não está ligada ao seu código de recibo: não pode ser apresentada.
case-present-bad-challenge = Escreva o desafio do verificador: algumas palavras, no máximo { $max } bytes.
ws-decide-issued-to = Emiti-la para { $name } (as palavras com que o denunciante concordou)
ws-decide-issued-to-hint = O certificado mostra estas palavras; o registo público guarda apenas o seu compromisso.
ws-decide-issued-to-not-disclosed = O denunciante concordou que os certificados o nomeiem como «{ $name }», mas a sua identidade não foi divulgada ao organismo: nenhum certificado o nomeia até que seja.
ws-decide-issued-to-nobody = Emitida para ninguém: o denunciante não concordou em ser nomeado nos certificados.
ws-issued-to-item = O denunciante concordou que os certificados o nomeiem assim: { $name }
ws-issued-to-withdrawn-item = O denunciante retirou o seu acordo para ser nomeado nos certificados.
ws-issued-to-stale-title = Não emitida para o denunciante
ws-issued-to-stale = O acordo do denunciante já não é o que o formulário mostrava, ou a sua identidade não foi divulgada. Nada foi registado; abra o caso de novo.
issued-to-too-long = O nome é demasiado longo (no máximo { $max } caracteres). Encurte-o e envie-o de novo.
issued-to-not-text = O nome não pôde ser lido como texto. Escreva-o de novo e envie-o.
case-issued-to-heading = O seu nome nos certificados
case-issued-to-hint = Depois de o organismo abrir a sua declaração de identidade, os certificados que lhe emitir (por exemplo, que o seu estatuto é reconhecido) podem nomeá-lo, para que os possa mostrar a um empregador ou a um tribunal. Escreva as palavras que podem mostrar, como o seu nome e data de nascimento: são seladas para os revisores do organismo, e o registo público guarda apenas um compromisso com elas. Sem o seu acordo, os certificados não nomeiam ninguém.
case-issued-to-agreed = Os certificados podem nomeá-lo assim: { $name }
case-issued-to-withdraw = Retirar este acordo
case-issued-to-label = As palavras que um certificado pode mostrar
case-issued-to-send = Aceitar ser nomeado assim
case-issued-to-sent = O seu acordo foi selado e enviado: os novos certificados podem nomeá-lo com estas palavras.
case-issued-to-withdrawn = O seu acordo foi retirado: os novos certificados não o nomearão.
case-issued-to-item = Concordou que os certificados o nomeiem assim: { $name }
case-issued-to-withdrawn-item = Retirou o seu acordo para ser nomeado nos certificados.
