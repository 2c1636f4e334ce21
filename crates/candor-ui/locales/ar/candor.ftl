# نصوص صفحات Candor بالعربية. المفاتيح نفسها الموجودة في locales/en/candor.ftl.
# يجب أن يراجع الترجمة متحدث أصلي باللغة العربية.

## إطار كل صفحة

nav-how = كيف يعمل
nav-report = قدّم بلاغًا
nav-check = تابع بلاغك
nav-main = القائمة الرئيسية
nav-languages = اللغات
footer-safety = لا تستخدم هذه الخدمة JavaScript، ولا ملفات تعريف الارتباط عند الإبلاغ، ولا أي موارد خارجية. وهي تعمل على مستوى الأمان «الأكثر أمانًا» (Safest) في متصفح Tor.
footer-figures = البلاغات والقرارات بالأرقام
footer-figures-note = (محسوبة من السجل العام)
back-to-start = العودة إلى البداية

## الصفحة الرئيسية

index-title = أبلغ عن المخالفات بأمان
index-heading = أبلغ { $body } عن المخالفات
index-intro = { $body } هيئة مستقلة. تتلقى البلاغات عن المخالفات، وتقرر ما إذا كان الشخص المُبلِّغ مُبلِّغًا عن المخالفات يستحق الحماية، وتمنح الحماية من الانتقام.
index-what-happens = ماذا يحدث لبلاغك
index-step-write = تكتب ما حدث، ويمكنك إن شئت إرفاق مستندات. لا يلزمك ذكر اسمك.
index-step-encrypt = فور وصول بلاغك، يشفّره هذا الخادم جزءًا جزءًا في الذاكرة بمفاتيح المراجعين في الهيئة. ولا يكتب كلماتك أو ملفاتك على القرص دون تشفير أبدًا، ولا يحتفظ بأي نسخة يمكنه قراءتها.
index-step-receipt-before = تحصل على
index-step-receipt-term = رمز إيصال
index-step-receipt-after = من ثماني كلمات. هذا الرمز وحده يتيح لك العودة.
index-step-review = يفك المراجعون تشفير بلاغك على حواسيبهم الخاصة، ويؤكدون استلامه خلال 7 أيام، ويردّون عليك خلال 3 أشهر.
index-who-reads = من يستطيع قراءته
index-readers = المراجعون في { $body } وحدهم، كلٌّ بمفتاحه الخاص:
index-readers-after = لا يستطيع مشغّلو هذا الخادم قراءته. ويُشفَّر بلاغك أيضًا بمفتاح مشتق من رمز إيصالك، كي تتمكن من قراءته مجددًا عند عودتك.
index-no-javascript = لأن هذه الصفحة تعمل دون JavaScript، يرسل متصفحك بلاغك إلى هذا الخادم قبل تشفيره؛ أما الاتصال نفسه فيشفّره Tor. ويشفّر الخادم البلاغ لحظة وصوله.
index-receipt-heading = رمز إيصالك
index-receipt = بعد إرسال بلاغك ترى رمز إيصالك مرة واحدة فقط. اكتبه على ورقة واحفظه في مكان آمن. به تستطيع قراءة أسئلة الهيئة وأجوبتها، والرد، وإضافة مستندات، ومعرفة ما تقرر بشأن حمايتك، وتنزيل ما يثبت ذلك. لا أحد يستطيع استعادة رمز مفقود: لا الهيئة ولا نحن.
index-safety-heading = حافظ على سلامتك
index-safety-tor-before = استخدم
index-safety-tor-browser = متصفح Tor
index-safety-tor-middle = مع ضبط مستوى الأمان على
index-safety-tor-level = الأكثر أمانًا (Safest)
index-safety-device = لا تستخدم حاسوبًا أو هاتفًا أو شبكة تابعة لجهة عملك. الأفضل جهاز شخصي على شبكة عامة أو منزلية.
index-safety-documents = قد تكشف المستندات من أنشأها: أسماء المؤلفين، وأسماء الأجهزة، والمواقع في الصور، ونقاط التتبع في المطبوعات. احذف ما تستطيع، أو صِف المستند بدلًا من إرساله.
index-safety-secret = لا تخبر أحدًا بأنك قدمت بلاغًا، ولا تحتفظ برمز إيصالك حيث يمكن أن يجده الآخرون.
index-limit = يمكنك إرسال ما يصل إلى { $size } في المرة الواحدة: رسالة وأي عدد تشاء من الملفات.

## نموذج البلاغ

submit-title = قدّم بلاغًا
submit-intro = صِف ما حدث: من، وماذا، ومتى، وأين، وكيف عرفت. لا يلزمك ذكر اسمك. كل ما ترسله يُشفَّر للمراجعين في { $body } لحظة وصوله.
submit-message = رسالتك
submit-message-hint = نص عادي. إن كان طويلًا فيمكنك أيضًا إرفاقه ملفًا.
submit-files = المستندات (اختياري)
submit-files-hint = يمكنك اختيار عدة ملفات، حتى { $size } إجمالًا. أسماء الملفات تُشفَّر أيضًا.
submit-send = أرسل البلاغ
submit-slow = قد يستغرق إرسال الملفات الكبيرة عبر Tor وقتًا طويلًا. أبقِ هذا التبويب مفتوحًا حتى ترى رمز إيصالك.

## الإيصال، يُعرض مرة واحدة

receipt-title = تم استلام بلاغك
receipt-stored = { $files ->
    [0] شُفِّر بلاغك وحُفظ بأمان.
    [one] شُفِّر بلاغك وملف واحد وحُفظا بأمان.
    [two] شُفِّر بلاغك وملفان وحُفظت بأمان.
    [few] شُفِّر بلاغك و{ $files } ملفات وحُفظت بأمان.
    [many] شُفِّر بلاغك و{ $files } ملفًا وحُفظت بأمان.
   *[other] شُفِّر بلاغك و{ $files } ملف وحُفظت بأمان.
}
receipt-heading = رمز إيصالك
receipt-write-now = اكتب هذا الرمز الآن على ورقة.
receipt-once = لن يُعرض إلا هذه المرة. لا نستطيع عرضه مرة أخرى ولا استعادته.
receipt-english = الرمز دائمًا ثماني كلمات إنجليزية، أيًّا كانت لغة هذه الصفحات، كي يعمل الرمز نفسه بكل اللغات. انسخ كل كلمة حرفًا حرفًا وبالترتيب، من اليسار إلى اليمين، مع مسافة بين الكلمات؛ لا يلزمك فهم معناها.
receipt-next = ماذا بعد
receipt-next-deadlines = سيؤكد المراجعون في الهيئة استلام بلاغك خلال 7 أيام، وسيردّون عليك خلال 3 أشهر.
receipt-next-return = عُد باستخدام متصفح Tor ورمز إيصالك لقراءة أسئلتهم، والرد، وإضافة المستندات، ومتابعة القرار بشأن حمايتك.
receipt-next-close = بعد أن تكتب الرمز، أغلق هذا التبويب.

## الدخول برمز الإيصال

followup-title = تابع بلاغك
followup-intro = اكتب رمز الإيصال المكوّن من ثماني كلمات الذي حصلت عليه عند تقديم بلاغك. لا تهم الأحرف الكبيرة ولا المسافات الزائدة.
followup-code = رمز الإيصال
followup-code-hint = مثلًا: ثماني كلمات تفصل بينها مسافات.
followup-english = الكلمات إنجليزية في كل اللغات: اكتبها كما دوّنتها، بالأحرف اللاتينية.
followup-open = افتح بلاغي
followup-timeout = حفاظًا على سلامتك، يُنهى دخولك بعد 30 دقيقة دون نشاط. سجّل خروجك بنفسك عند الانتهاء، لا سيما على حاسوب مشترك.
signin-again-title = يرجى الدخول مجددًا
signin-again = لم تسجّل الدخول. حفاظًا على سلامتك، تنتهي الجلسات بعد مدة دون نشاط، وعند تسجيل الخروج، وعند إعادة تشغيل الخدمة.
signin-again-button = ادخل برمز إيصالك
signed-out-title = سجّلت الخروج
signed-out = سجّلت الخروج. أغلق هذا التبويب؛ وفي متصفح Tor استخدم «هوية جديدة» لمسح كل شيء.

## صفحة القضية

status-received = مُستلَم
status-received-meaning = وصل بلاغك بأمان. ستؤكد الهيئة أنها تنظر فيه.
status-acknowledged = تم تأكيد الاستلام
status-acknowledged-meaning = أكدت الهيئة أنها استلمت بلاغك وأنها ستنظر فيه.
status-in-review = قيد المراجعة
status-in-review-meaning = تفحص الهيئة بلاغك. قد تطرح عليك أسئلة هنا؛ يرجى العودة للاطلاع.
status-decided = صدر القرار
status-decided-meaning = أصدرت الهيئة قرارها في قضيتك. القرارات معروضة أدناه.
status-closed = مُغلَق
status-closed-meaning = أُغلقت قضيتك. ما زال بإمكانك قراءة كل شيء هنا.
case-title = بلاغك
case-status = الحالة: { $status }
case-dates = مواعيد قضيتك
case-received = تاريخ استلام البلاغ
case-acknowledge-by = تأكيد الاستلام مستحق بحلول
case-done = — تم
case-late = متأخر
case-feedback-by = الرد مستحق بحلول
case-deadlines = يُلزم القانون الهيئة بتأكيد استلام البلاغ خلال 7 أيام، وبإبلاغك بما تفعله بشأنه خلال 3 أشهر (6 في بعض الحالات).
case-kept-heading = مدة الاحتفاظ ببلاغك
case-deleted-before = أُغلقت قضيتك. ستُحذف سجلاتها (بلاغك وملفاتك والمراسلة)
case-deleted-on = نهائيًا في { $day }
case-deleted-after = ، بعد { $months } شهرًا من آخر رسالة: يطلب القانون ألا يُحتفظ بالسجلات أطول مما يلزم.
case-deleted-save = احفظ قبل ذلك ما تريد الاحتفاظ به (الشهادات، الردود). يحتفظ السجل العام بقيوده، وهي لا تسمّي أحدًا.
case-held = أُغلقت قضيتك. تحتفظ الهيئة بسجلاتها حاليًا لأسباب قانونية (حفظ قانوني).
case-decisions = القرارات بشأن حمايتك
case-decisions-intro = كل قرار موقَّع من { $body } ومسجَّل في سجلها العام غير القابل للتلاعب. تتيح لك الشهادة إثباته أمام محكمة أو صاحب عمل أو أي شخص آخر، يستطيع التحقق منه دون الاتصال بنا.
case-certificate = نزّل الشهادة
case-conversation = المراسلة
case-you-wrote = كتبتَ في { $day }
case-body-wrote = كتبت في { $day }
case-altered = هذا العنصر ليس ما أرسلته.
case-altered-why = إنه يختلف عن البصمة المسجلة عند وصول بلاغك، أي أنه استُبدل أو تلف بعد ذلك. أخبر الهيئة واحتفظ بنسختك الخاصة.
case-answer-heading = ردّ أو أضف مستندات
case-answer = ردّك
case-files-hint = حتى { $size } إجمالًا.
case-send = أرسل الرد
case-sign-out = سجّل الخروج
case-file = ملف:
case-proof = إثبات البلاغ: استُلم في { $day }.
case-decision = القرار: { $decision }
case-unreadable = (تعذّر فتح هذا العنصر.)

## الأخطاء وحالات الرفض

error-internal-title = حدث خطأ ما
error-internal = حدث خطأ من جهتنا. يرجى المحاولة لاحقًا.
error-report-too-large-title = البلاغ كبير جدًا
error-too-large-title = كبير جدًا
error-too-large = ما أرسلته أكبر مما يقبله هذا النموذج، فلم يُحفظ شيء.
error-not-found-title = الصفحة غير موجودة
error-not-found-short = لا توجد صفحة على هذا العنوان.
error-method-title = غير متاح
error-method = لا يمكن استخدام هذا العنوان بهذه الطريقة. عُد إلى البداية واستخدم الروابط.
error-bad-request-title = تعذّرت قراءة الطلب
error-bad-request = وصل الطلب تالفًا أو ناقصًا، فلم يُحفظ شيء. يرجى الرجوع والمحاولة مجددًا.
error-refused-title = رُفض الطلب
error-cross-site = أُرسل هذا النموذج من موقع آخر فرُفض. افتح هذا الموقع مباشرة وحاول مجددًا.
error-panic = حدث خطأ من جهتنا. لم يُحفظ أي شيء مما أرسلته في هذا الطلب. يرجى المحاولة لاحقًا.
error-not-found = لا توجد صفحة على هذا العنوان. تحقّق من العنوان، أو ابدأ من جديد من الصفحة الرئيسية.
submit-empty = بلاغك فارغ. يرجى كتابة رسالة أو اختيار ملف واحد على الأقل.
submit-not-utf8 = تحتوي رسالتك على أحرف تعذّرت قراءتها. لم يُحفظ شيء. يرجى كتابة الرسالة مجددًا أو إرفاقها ملفًا.
submit-too-long-title = الرسالة طويلة جدًا
submit-too-long = رسالتك أطول من 1 ميبيبايت من النص. لم يُحفظ شيء. يرجى إرفاق النصوص الطويلة ملفًا والإرسال مجددًا.
submit-too-many-files-title = ملفات كثيرة جدًا
submit-malformed-title = تعذّرت قراءة النموذج
submit-malformed = وصل النموذج ناقصًا أو تالفًا، فلم يُحفظ شيء. يرجى الرجوع واختيار ملفاتك مجددًا ثم إعادة الإرسال.
submit-timeout-title = توقف الرفع
submit-timeout = لم يصل شيء طوال عدة دقائق، فأُوقف الرفع ولم يُحفظ شيء. يرجى المحاولة مجددًا.
busy-title = الخدمة مشغولة، يرجى المحاولة بعد دقيقة
submit-busy = يستخدم كثيرون هذه الخدمة الآن. لم يُحفظ شيء. يرجى الانتظار دقيقة ثم الإرسال مجددًا.
submit-internal-title = لم يُحفظ بلاغك
submit-internal = حدث خطأ من جهتنا ولم يُحفظ بلاغك. لم يُحتفظ بأي شيء منه. يرجى المحاولة لاحقًا.
signin-busy = يسجّل كثيرون الدخول الآن. يرجى الانتظار دقيقة والمحاولة مجددًا.
signin-empty = يرجى كتابة رمز إيصالك في الحقل أدناه.
signin-wrong = هذا الرمز لا يفتح أي بلاغ. يرجى مطابقة كل كلمة مع ما دوّنته والمحاولة مجددًا.
signin-code-empty = يرجى كتابة رمز إيصالك: ثماني كلمات.
signin-code-length = يتكوّن رمز الإيصال من ثماني كلمات؛ وقد كتبتَ { $found }. يرجى مراجعة ما دوّنته.
signin-code-unknown-word = كلمة واحدة على الأقل ليست في قائمة كلماتنا. يرجى مطابقة الإملاء مع ما دوّنته.
signin-code-too-long = هذا أطول من أن يكون رمز إيصال.
case-file-not-found-title = الملف غير موجود
case-file-not-found = لا يوجد ملف كهذا في قضيتك.
case-record-not-found-title = غير موجود
case-record-not-found = لا يوجد قرار كهذا في قضيتك.
case-certificate-pending-title = الشهادة ليست جاهزة بعد
case-answer-empty = كان ردّك فارغًا، فلم يُرسل شيء. اكتب رسالة أو اختر ملفًا.
case-answer-not-utf8 = يحتوي ردّك على أحرف تعذّرت قراءتها، فلم يُرسل شيء. يرجى كتابته مجددًا أو إرفاقه ملفًا.
case-csrf = هذا النموذج قديم أو لم يُرسل من هذا الموقع، فرُفض. افتح قضيتك مجددًا وأعد المحاولة.
error-report-too-large = يتجاوز بلاغك الحد البالغ { $limit }. لم يُحفظ شيء. أرسل ملفات أقل عددًا أو أصغر حجمًا في المرة الواحدة: يمكنك إضافة المزيد لاحقًا برمز إيصالك.
submit-too-many-files = يمكن أن يضم البلاغ { $max } ملفًا على الأكثر. لم يُحفظ شيء. ضع الملفات في ملف مضغوط، أو أرسلها على دفعات.
case-certificate-pending = يُضاف هذا القرار إلى السجل العام في التحديث المجدول التالي (خلال { $interval } على الأكثر). يرجى العودة لاحقًا لتنزيل شهادته.
case-answer-sent = { $files ->
    [0] أُرسل ردّك.
    [one] أُرسل ردّك وملف واحد.
    [two] أُرسل ردّك وملفان.
    [few] أُرسل ردّك و{ $files } ملفات.
    [many] أُرسل ردّك و{ $files } ملفًا.
   *[other] أُرسل ردّك و{ $files } ملف.
}

## قيود السجل والتصنيف العام

kind-report-received = استُلم البلاغ
kind-acknowledged = تأكد استلام البلاغ
kind-status-recognized = اعتُرف بصفة المُبلِّغ عن المخالفات
kind-status-declined = رُفضت صفة المُبلِّغ عن المخالفات
kind-protection-granted = مُنحت الحماية
kind-status-revoked = سُحبت صفة المُبلِّغ عن المخالفات
kind-case-closed = أُغلقت القضية
record-with-measure = { $kind }: { $measure }
measure-confidentiality = حماية الهوية (السرية)
measure-reprisal-protection = الحماية من الانتقام
measure-interim-relief = تدابير مؤقتة
measure-reinstatement-recommended = يُوصى بإعادة التعيين
measure-immunity-recommended = يُوصى بالإعفاء من المسؤولية
sector-public = القطاع العام
sector-private = القطاع الخاص
sector-not-stated = القطاع غير محدد
area-bribery = الرشوة
area-embezzlement = الاختلاس
area-public-procurement = المشتريات العامة
area-money-laundering = غسل الأموال
area-conflict-of-interest = تضارب المصالح
area-public-finance-fraud = الاحتيال على المال العام
area-other = أخرى
outcome-referred = أُحيل إلى جهة مختصة
outcome-proceedings-opened = فُتح تحقيق أو إجراء
outcome-substantiated = ثبتت المخالفة
outcome-not-substantiated = لم تثبت المخالفة
outcome-insufficient-information = المعلومات غير كافية
outcome-outside-mandate = خارج اختصاص الهيئة
outcome-withdrawn = سحبه المُبلِّغ

## الإحصاءات: ‎/transparency والتقارير السنوية

log-unavailable-title = السجل غير متاح
log-unavailable = تعذّرت قراءة السجل. يرجى المحاولة لاحقًا.
log-no-tile-title = لا توجد كتلة كهذه
log-no-tile = هذه الكتلة ليست في السجل.
stats-title = الشفافية
stats-heading = الشفافية: البلاغات والقرارات
stats-intro = كل بلاغ مستلَم وكل قرار من { $body } بشأن صفة المُبلِّغ وحمايته هو قيد في سجل عام لا يقبل إلا الإضافة:
stats-entries = ({ $size ->
    [0] لا قيود
    [one] قيد واحد
    [two] قيدان
    [few] { $size } قيود
    [many] { $size } قيدًا
   *[other] { $size } قيد
}).
stats-intro-after = تُحسب هذه الأرقام من تلك القيود وحدها؛ ولا شيء فيها يحدد شخصًا أو قضية.
stats-none = لم يُستلم أي بلاغ بعد.
stats-years = السنوات
stats-years-caption = البلاغات والقرارات حسب السنة؛ لكل سنة تقريرها السنوي
stats-year = السنة
stats-new-reports = بلاغات جديدة
stats-decisions = القرارات
stats-the-year = سنة { $year }
stats-check = تحقّق من هذه الأرقام بنفسك
stats-check-keys = احصل على المفتاحين العامين للسجل والهيئة من مصدر تثق به؛ وهما متاحان أيضًا على
stats-check-run = شغّل
stats-check-run-after = (أضف ‎--stats json للحصول على JSON). ينزّل الأمر نقطة التحقق الموقّعة وكل قيد وكتلة من السجل (c2sp.org/tlog-tiles)، ويعيد حساب جذر ميركل، ويتحقق من أن السجل لم يفعل سوى النمو منذ آخر تحقق لك، ويكتب ملف transparency.csv نفسه من القيود ذاتها.
stats-check-hand = أو احسب يدويًا: كل قيد ملاحظة موقّعة بنوعها ويومها، وللقرارات القطاع والمجال والنتيجة وعدد الأسابيع الكاملة منذ البلاغ. القيود الأقدم لا تحمل إلا النوع واليوم وتُحسب غير مصنفة. الصيغتان:
stats-no-year-title = لا تقرير لتلك السنة
stats-no-year = لا يحتوي السجل على قيود في تلك السنة.
stats-annual-title = التقرير السنوي { $year }
stats-annual-heading = التقرير السنوي { $year }: البلاغات والقرارات
stats-annual-intro = محسوبة حسب يوم كل قيد في السجل العام لـ{ $body }:
stats-all-years = كل السنوات
stats-suppressed = حمايةً للمُبلِّغين، تُعرض الأعداد من 1 إلى { $largest } بصيغة «<{ $below }»: أقل من { $below }.
stats-open-data = بيانات مفتوحة
stats-csv = (كل رقم، لكل سنة وربع)
stats-json = (الشيء نفسه، مع حجم السجل)
stats-datapackage = (المخطط، Frictionless Data)
stats-fewer-than = أقل من { $below }
stats-number = العدد
stats-bar = الشريط
stats-too-few = أقل من أن يُعرض
stats-share = { $percent }٪ ({ $part } من { $whole })
stats-share-small = أقل من { $below } من { $whole }
stats-unclassified = غير مصنف (قيود أقدم)
stats-received-in = البلاغات المستلمة في { $year }
stats-by-quarter = حسب الربع، وفق يوم كل قيد
stats-quarter = الربع
stats-quarter-name = الربع { $quarter }
stats-follow-ups = متابعات (مُبلِّغون يضيفون إلى قضيتهم):
stats-receipts-unclassified = إيصالات أقدم (الصيغة 1) لا تبيّن إن كانت فتحت قضية أو أضافت إلى قضية قائمة:
stats-decisions-in = القرارات في { $year }
stats-by-kind = القرارات حسب النوع
stats-decision = القرار
stats-by-area = قرارات الصفة حسب المجال
stats-by-area-caption = صفة المُبلِّغ المعترف بها أو المرفوضة، حسب موضوع البلاغ
stats-area = المجال
stats-recognized = اعتُرف بها
stats-declined = رُفضت
stats-by-sector = قرارات الصفة حسب القطاع
stats-by-sector-caption = صفة المُبلِّغ المعترف بها أو المرفوضة، حسب مكان وقوع المخالفة
stats-sector = القطاع
stats-by-outcome = القضايا المغلقة حسب النتيجة
stats-by-outcome-caption = كيف انتهت القضايا المغلقة
stats-outcome = النتيجة
stats-timeliness = الالتزام بالمواعيد
stats-timeliness-caption = محسوبة على القرارات التي تحمل عدد الأسابيع منذ البلاغ (الصيغة 2)
stats-acknowledged-in-7-days = تأكد الاستلام خلال 7 أيام
stats-answered-in-3-months = الرد خلال 3 أشهر (البت في الصفة في أقل من 13 أسبوعًا)
stats-median-weeks = وسيط عدد الأسابيع من البلاغ إلى قرار الصفة

## محطة العمل

ws-title = محطة عمل Candor
ws-inbox = الوارد
ws-audit = سجل التدقيق
ws-reviewers = المراجعون
ws-signed-in-as = مسجّل الدخول باسم
ws-due-acknowledge = تأكيد الاستلام
ws-due-feedback = الرد
ws-due-nothing = لا شيء مستحق
ws-no-reports = لا بلاغات بعد.
ws-filter-label = تصفية القضايا
ws-status = الحالة
ws-any = أي حالة
ws-reference = المرجع
ws-unread-only = غير المقروءة فقط
ws-overdue-only = المتأخرة فقط
ws-filter = صفِّ
ws-show-all = اعرض الكل
ws-no-match = لا قضية مطابقة من أصل { $all }.
ws-cases-match = { $matching } من أصل { $all } قضية مطابقة
ws-cases = { $all ->
    [0] لا قضايا
    [one] قضية واحدة
    [two] قضيتان
    [few] { $all } قضايا
    [many] { $all } قضية
   *[other] { $all } قضية
}
ws-cases-shown = ، الأكثر إلحاحًا أولًا؛ المعروض { $first }–{ $last }. يجب تأكيد استلام البلاغات خلال 7 أيام والرد عليها خلال مدة الرد.
ws-case = القضية
ws-received = تاريخ الاستلام
ws-next-deadline = الموعد التالي
ws-unread = غير مقروء
ws-due-by = { $what } بحلول { $day }
ws-overdue = متأخر
ws-new-items = { $count } جديد
ws-pages = الصفحات
ws-previous = السابق
ws-page-of = الصفحة { $page } من { $pages }
ws-next = التالي
ws-case-title = القضية { $reference }
ws-blocked = الردود والقرارات وإعادة التشفير محظورة لهذه القضية.
ws-acknowledge-by = تأكيد الاستلام بحلول
ws-feedback-by = الرد بحلول
ws-next-due = التالي
ws-conversation = المراسلة
ws-reporter = المُبلِّغ
ws-the-body = الهيئة
ws-altered = مستبدَل أو تالف:
ws-altered-why = يختلف هذا العنصر عن قيمة SHA-256 التي يلتزم بها إيصال البلاغ في السجل. إنه ليس ما أرسله المُبلِّغ؛ لا تعتمد عليه، واكتشف من غيّره.
ws-unreadable = تعذّر فتح العنصر { $id } بهذا المفتاح.
ws-decisions = القرارات
ws-no-decision = لم يُسجَّل أي قرار بعد.
ws-decide-kind = سجّل قرارًا (يُوقَّع بمفتاح الهيئة ويُضاف إلى السجل العام)
ws-decide-measure = تدبير الحماية (لقرار «مُنحت الحماية»)
ws-decide-class = التصنيف العام (في السجل والإحصاءات؛ لا يُسأل عنه المُبلِّغ أبدًا)
ws-decide-class-hint = يُسجَّل مع كل قرار بعد تأكيد الاستلام؛ أبقِه كما هو للقضية ما لم يكن خاطئًا. يُضاف عدد الأسابيع الكاملة منذ البلاغ.
ws-sector = القطاع
ws-area = المجال
ws-decide-outcome = النتيجة (لقرار «أُغلقت القضية»)
ws-decide-reasons = الأسباب، كتابةً (مختومة للمُبلِّغ والمراجعين؛ لا تُنشر أبدًا)
ws-decide-sign = وقّع القرار وسجّله
ws-decide-no-key = لتسجيل القرارات، شغّل محطة العمل مع ‎--decision-key decision.key.
ws-reply = الرد
ws-reply-message = رسالة إلى المُبلِّغ
ws-reply-hint = تُشفَّر هنا، على محطة العمل هذه، للمُبلِّغ ولكل مراجع.
ws-attachments = المرفقات (اختياري)
ws-send-reply = أرسل الرد
ws-set-status = حدّد حالة القضية
ws-change-status = غيّر الحالة
ws-retention = الاحتفاظ
ws-held = تحت حفظ قانوني: يُحتفظ بها أيًّا كانت إعدادات الاحتفاظ.
ws-deleted-on = مغلقة: تُحذف نهائيًا في
ws-deleted-on-after = (إعدادات الاحتفاظ في الخادم). يرى المُبلِّغ هذا اليوم في صفحة قضيته.
ws-not-scheduled = غير مجدولة للحذف (لا تُحذف إلا بعد إغلاقها، إن نصّت إعدادات الاحتفاظ في الخادم على ذلك).
ws-hold-lift = ارفع الحفظ القانوني
ws-hold-place = ضع حفظًا قانونيًا
ws-export-heading = التصدير والوصول
ws-export = صدّر القضية مفكوكة التشفير إلى مجلد على هذا الحاسوب
ws-export-then = بعد التصدير:
ws-export-button = صدّر القضية مفكوكة التشفير
ws-grant-hint = بعد إضافة مراجعين على الخادم، أعد تشفير هذه القضية كي يتمكنوا من قراءتها. تُستبدل العناصر على الخادم ويُحذف النص المشفر القديم.
ws-grant = أعد التشفير للمراجعين الحاليين
ws-case-audit = سجل تدقيق هذه القضية
ws-file = ملف:
ws-sent-as = أُرسل بوصفه { $claimed }؛ ومحتواه في الحقيقة
ws-saved-as = حُفظ باسم
ws-not-inspected = تعذّر فحص هذا الملف.
ws-metadata = البيانات الوصفية في هذا الملف
ws-found-in = وُجدت في
ws-what = ماذا
ws-value = القيمة
ws-view-safely = اعرض بأمان
ws-view-safely-what = (صور لصفحاته، تُنشأ في بيئة معزولة)
ws-download-original = نزّل الأصل ({ $name })
ws-safe-view = العرض الآمن
ws-safe-view-what = العرض الآمن: صور لصفحات الملف، تُرسم في بيئة معزولة بلا شبكة ولا وصول إلى ملفات هذا الحاسوب. لا يُشغَّل هنا أي شيء من الأصل (لا نصوص برمجية ولا روابط ولا خطوط)، ولا تبقى أي بيانات وصفية.
ws-no-safe-view = لا عرض آمن.
ws-safe-pages = { $pages ->
    [0] لا صفحات.
    [one] صفحة واحدة.
    [two] صفحتان.
    [few] { $pages } صفحات.
    [many] { $pages } صفحة.
   *[other] { $pages } صفحة.
}
ws-safe-pdf = نزّل العرض الآمن (ملف PDF من الصور)
ws-log-entry = القيد { $index } في السجل
ws-log-waiting = بانتظار التحديث التالي للسجل
ws-audit-what = كل إجراء قام به مراجع، كما سجّله الخادم (الأحدث أولًا).
ws-day = اليوم
ws-reviewer = المراجع
ws-action = الإجراء
ws-detail = التفاصيل
ws-reviewers-what = تُشفَّر الردود والقرارات والقضايا المعاد تشفيرها على محطة العمل هذه لكل مراجع أدناه ولمُبلِّغ القضية. لا تستخدم محطة العمل هذه إلا المراجعين الذين تثق بهم: إن تغيرت قائمة الخادم (إضافة مراجع أو حذفه، أو استبدال مفتاح)، لا يُرسل شيء حتى تؤكد التغيير هنا. لا تؤكد إلا تغييرًا أجرته هيئتك فعلًا: فخادم استولى عليه مهاجم قد يضيف مفتاحه ليقرأ ما ترسله.
ws-reviewers-same = قائمة الخادم هي القائمة التي تثق بها محطة العمل هذه.
ws-reviewers-differ = تختلف قائمة المراجعين في الخادم عن القائمة التي تثق بها محطة العمل هذه:
ws-reviewers-trust = ثق بقائمة الخادم
ws-reviewers-trusted = موثوقون على محطة العمل هذه
ws-reviewer-key = المفتاح (مستلم age)
ws-reviewers-listed = مدرجون لدى الخادم
ws-back-to-inbox = العودة إلى الوارد
ws-error-unreachable = تعذّر الوصول إلى الخادم
ws-error-wrong-key = هذا المفتاح غير مقبول
ws-error-hostile = الخادم يتصرف بشكل غير سليم
ws-error-refused = رفض الخادم هذا المراجع
ws-error-not-found = غير موجود
ws-error-trust = لم يُرسل شيء: مفاتيح الخادم ليست المفاتيح الموثوقة
ws-error-internal = حدث خطأ ما
ws-page-not-found-title = الصفحة غير موجودة
ws-page-not-found = لا توجد صفحة على هذا العنوان.
ws-log-alarm-title = توقّف: سجل الخادم غير متسق
ws-loopback-only = لا تجيب محطة العمل هذه إلا على عنوانها المحلي (loopback).
ws-open-link-title = افتح محطة العمل من رابطها
ws-open-link = افتح العنوان الذي طبعه الأمر `candor review serve` عند بدء تشغيله (فيه رمز وصول).
ws-reviewers-changed = تحذير: تغيرت قائمة المراجعين في الخادم منذ أن وثقت بها محطة العمل هذه. لا يمكن إرسال شيء حتى تتحقق من التغيير في صفحة المراجعين.
ws-file-unreadable-title = تعذّر فتح الملف
ws-file-unreadable = الملف تالف أو لا يمكن قراءته بهذا المفتاح.
ws-no-safe-view-title = لا عرض آمن
ws-safe-no-page = لا توجد صفحة كهذه في العرض الآمن.
ws-refused-title = رُفض الطلب
ws-refused = هذا النموذج قديم؛ أعد تحميل الصفحة وحاول مجددًا.
ws-no-status-title = لم تُختر حالة
ws-no-status = اختر حالة وحاول مجددًا.
ws-hold-placed = وُضع حفظ قانوني: يُحتفظ بالقضية أيًّا كانت إعدادات الاحتفاظ.
ws-hold-lifted = رُفع الحفظ القانوني.
ws-no-decision-key-title = لا يوجد مفتاح قرارات
ws-no-decision-key = شغّل محطة العمل مع ‎--decision-key decision.key لتسجيل القرارات.
ws-choose-decision-title = اختر قرارًا
ws-choose-decision = اختر ما تقرر وحاول مجددًا.
ws-unknown-measure-title = تدبير غير معروف
ws-unknown-measure = اختر تدبير حماية من القائمة.
ws-choose-class-title = اختر التصنيف
ws-choose-class = اختر القطاع والمجال من القوائم، ونتيجة القضية إن كانت مغلقة.
ws-exported = كُتبت القضية مفكوكة التشفير في { $folder }. { $advice } يذكر ملف manifest.json الخاص بها حقيقة كل ملف والبيانات الوصفية الموجودة فيه.
ws-export-problems = مشكلات: { $problems }.
ws-reviewers-trusted-now = تثق محطة العمل هذه الآن بمراجعي الخادم وعددهم { $count }؛ وتُشفَّر الردود لهم.
ws-decision-recorded = سُجّل القرار ووُقّع: { $decision }. يدخل السجل العام في التحديث المجدول التالي.
ws-reply-sent = شُفّر ردّك وأُرسل ({ $count } عناصر).
ws-warning = تحذير: { $warning }
ws-status-set = عُيّنت الحالة: { $status }.

## ملفات المُبلِّغين كما تفحصها محطة العمل

list-separator = {"، "}
file-offline-advice = قد تكون الملفات الواردة مصمَّمة لمهاجمة من يفتحها: لا تفتح الأصول إلا على حاسوب غير متصل بالشبكة ولا يحمل أي مفاتيح، أو استخدم العرض الآمن الذي يحوّل المستندات والصور إلى صور بسيطة داخل بيئة معزولة.
file-class-pdf = مستند PDF
file-class-image = صورة
file-class-text = نص عادي
file-class-svg = صورة SVG
file-class-html = صفحة ويب (HTML)
file-class-office = مستند مكتبي
file-class-executable = برنامج
file-class-script = نص برمجي
file-class-archive = أرشيف
file-class-audio = صوت
file-class-video = فيديو
file-class-other = بيانات من نوع غير معروف
file-type-windows-program = برنامج Windows
file-type-linux-program = برنامج Linux
file-type-macos-program = برنامج macOS
file-type-ole = ملف Microsoft Office قديم (OLE)
file-type-zip = أرشيف ZIP
file-type-image = صورة { $format }
file-type-office = مستند مكتبي ({ $format })
file-type-archive = أرشيف ({ $format })
file-type-program = برنامج ({ $format })
file-type-script-shebang = نص برمجي (يبدأ بـ ‎#!)
file-warn-invisible = يحتوي اسمه على أحرف غير مرئية (معروضة بصيغة <U+…>) قد تجعله يبدو نوعًا آخر من الملفات.
file-warn-mismatch = اسمه يقول { $claimed }، لكن محتواه { $actual }.
file-warn-executable = إنه { $actual }: فتحه يشغّله.
file-warn-script = إنه نص برمجي: قد يشغّله فتحه.
file-warn-html = إنها صفحة ويب: إذا فُتحت في متصفح فقد تشغّل نصوصًا برمجية وتحمّل عناوين أخرى.
file-warn-archive = إنه أرشيف: لم تُفحص الملفات التي بداخله.
file-warn-program-name = ينتهي اسمه كما ينتهي اسم برنامج: قد يشغّله الحاسوب عند فتحه.
file-warn-markup = يحتوي أيضًا على ترميز صفحات ويب: المتصفح الذي يظنه صفحة سيشغّله.
file-warn-pdf-active = يحتوي ملف PDF هذا على: { $what }.
file-warn-macros = يحتوي على وحدات ماكرو: برامج قد تعمل عند فتح المستند.
file-warn-loads = يحمّل { $url } عند فتحه: سيعرف ذلك العنوان أنه فُتح، ومتى، ومن أين.
file-warn-metadata = قد تكشف بياناته الوصفية هوية المُبلِّغ أو جهازًا أو مكانًا (أدناه): احذفها قبل مشاركة الملف؛ العرض الآمن خالٍ منها.
file-warn-partly = لم يُفحص منه إلا أول { $size }.
file-warn-archive-damaged = بنية أرشيفه تالفة؛ لم يُفحص محتواه.
file-warn-zip-bomb = يتمدد إلى { $expands } من { $size }: أرشيف مصمَّم لاستنزاف ذاكرة من يفتحه أو قرصه («قنبلة zip»).
file-pdf-javascript = JavaScript
file-pdf-open-action = إجراء يعمل عند فتحه
file-pdf-page-actions = إجراءات تعمل عند استخدام الصفحات أو الحقول
file-pdf-launch = إجراء يشغّل برنامجًا
file-pdf-submit-form = نموذج يرسل بيانات إلى عنوان
file-pdf-import-data = إجراء يستورد بيانات
file-pdf-embedded-files = ملفات مضمَّنة
file-pdf-rich-media = وسائط مضمَّنة (Flash)
file-pdf-xfa = نموذج XFA
file-pdf-remote-links = روابط تفتح ملفات أخرى
file-field-gps-latitude = خط العرض (GPS)
file-field-gps-latitude-ref = مرجع خط العرض (GPS)
file-field-gps-longitude = خط الطول (GPS)
file-field-gps-longitude-ref = مرجع خط الطول (GPS)
file-field-gps-altitude = الارتفاع (GPS)
file-field-gps-date = التاريخ (GPS)
file-field-camera-make = الشركة المصنعة للكاميرا
file-field-camera-model = طراز الكاميرا
file-field-camera-serial = الرقم التسلسلي للكاميرا
file-field-lens-serial = الرقم التسلسلي للعدسة
file-field-camera-owner = مالك الكاميرا
file-field-author = المؤلف
file-field-copyright = حقوق النشر
file-field-description = الوصف
file-field-comment = تعليق
file-field-image-id = معرّف الصورة
file-field-software = البرنامج
file-field-taken = تاريخ الالتقاط
file-field-changed = تاريخ التعديل
file-field-made-with = أُنشئ باستخدام
file-field-produced-by = أنتجه
file-field-created = تاريخ الإنشاء
file-field-metadata-changed = تاريخ تعديل البيانات الوصفية
file-field-document-id = معرّف المستند
file-field-title = العنوان
file-field-last-saved-by = آخر من حفظه
file-field-company = الشركة
file-field-manager = المدير
file-field-subject = الموضوع
file-field-keywords = الكلمات المفتاحية
file-field-last-printed = آخر طباعة
file-field-template = القالب
file-field-custom = خاصية مخصصة
file-field-link = رابط
file-safe-no-sandbox = يحتاج العرض الآمن إلى bubblewrap (الأمر bwrap، حزمة Debian باسم bubblewrap)؛ ومن دون بيئته المعزولة لا يُحوَّل أي ملف.
file-safe-sandbox = تعذّر تشغيل البيئة المعزولة: { $reason }.
file-safe-not-convertible = إنه { $actual }؛ لا يحوّل العرض الآمن إلا المستندات والصور والنصوص.
file-safe-expands = يتمدد إلى { $expands } عند فتحه، وهذا أكثر مما يحوّله العرض الآمن ({ $limit }).
file-safe-too-many-pages = عدد صفحاته { $pages }؛ ولا يحوّل العرض الآمن أكثر من { $limit }.
file-safe-too-many-pages-unknown = صفحاته أكثر مما يحوّله العرض الآمن ({ $limit }).
file-safe-too-wide = عرض صورته { $pixels } بكسل؛ ولا يحوّل العرض الآمن أكثر من { $limit }.
file-safe-unreadable = تعذّرت قراءته بوصفه { $kind }، فلم يُحوَّل.
file-safe-unreadable-any = تعذّرت قراءته، فلم يُحوَّل.
file-safe-input-too-large = إنه أكبر مما يحوّله العرض الآمن ({ $limit }).
file-safe-office-failed = تعذّر على LibreOffice تحويله ضمن حدود العرض الآمن: ربما يكون تالفًا، أو مصمَّمًا لاستنزافها.
file-safe-no-libreoffice = تحتاج المستندات المكتبية إلى LibreOffice على هذا الحاسوب (حزمة Debian باسم libreoffice-writer-nogui)؛ وهو غير مثبّت.
file-safe-no-font = يُرسم النص بخط DejaVu Sans (حزمة Debian باسم fonts-dejavu-core)، وهو غير مثبّت.
file-safe-failed = تعذّر تحويله ضمن حدود العرض الآمن (الذاكرة، وقت المعالج، حجم الصفحة).
file-safe-timed-out = لم يُحوَّل خلال { $seconds } ثانية، فأُوقف التحويل.
file-safe-output-too-large = ستشغل صفحاته أكثر من { $limit } من الذاكرة؛ لم يُحوَّل.
file-safe-output = تعذّرت كتابة العرض الآمن.

## The identity lane: an optional identity statement, sealed for the identity custodians

identity-legend = هويتك (اختياري)
identity-anonymous = يمكنك أن تبقى مجهول الهوية: اترك هذا الحقل فارغًا. لحمايتك (من الانتقام، بإعادتك إلى عملك أو بالحصانة) تحتاج الهيئة إلى معرفة من أنت؛ ويمكنك أيضًا إضافة ذلك لاحقًا من صفحة قضيتك.
identity-sealed = ما تكتبه هنا يُختم منفصلًا عن بلاغك. لا يستطيع أي مراجع قراءته، ورمز الإيصال لا يفتحه: لا يفتحه إلا أمناء الهوية لدى { $body } مجتمعين (العدد اللازم: { $threshold }؛ المجموع: { $count }).
identity-label = من أنت: الاسم، تاريخ الميلاد، الجهة، المنصب، طريقة التواصل معك
identity-too-long = بيان الهوية طويل جدًا (الحد الأقصى { $max } بايت). اختصره وأرسله مرة أخرى.
identity-not-text = تعذّرت قراءة بيان الهوية كنص. اكتبه مرة أخرى وأرسله.
case-identity-heading = أخبر الهيئة من أنت، للحصول على الحماية
case-identity-send = أرسل بيان هويتي
case-identity-sent = خُتم بيان هويتك وأُرسل.
case-identity-given = قدّمت بيانًا بهويتك. وهو مختوم: لا يفتحه إلا أمناء الهوية هؤلاء مجتمعين (العدد اللازم: { $threshold }): { $custodians }.
ws-identity = بيان هوية مختوم: لا يفتحه إلا هؤلاء الأمناء مجتمعين (العدد اللازم: { $threshold }): { $custodians }.

## Disclosure of an identity statement: a decision in steps, each in the public log

kind-identity-disclosure-requested = طُلب الكشف عن هوية المبلّغ
kind-identity-notice-waived = أُلغيت مهلة الإشعار قبل الكشف عن هوية (لسبب عاجل)
kind-identity-disclosure-approved = ووفق على الكشف عن هوية المبلّغ
kind-identity-disclosed = كُشفت هوية المبلّغ
record-by-custodian = { $kind } ({ $custodian })
case-identity-request-heading = طُلب الكشف عن هويتك
case-identity-requested = طلب { $custodian } في { $day } فتح بيان هويتك. لا يمكن فتحه قبل { $until }، إلا إذا سجّل أحد الأمناء سببًا عاجلًا (ستراه أدناه)، ولا يُفتح إلا بموافقة الأمناء (العدد اللازم: { $threshold })؛ وكل خطوة تُسجَّل أدناه وفي السجل العام.
case-identity-object = إن كنت تعترض، فاشرح السبب في رد أدناه قبل { $until }.
ws-identity-layers = طبقات من بيان هوية أزالها أمين وافق على الكشف عنه.
ws-identity-heading = بيان الهوية
ws-identity-reasons = الأسباب (يقرؤها المبلّغ)
ws-identity-request = اطلب الكشف
ws-identity-request-hint = يُبلَّغ المبلّغ فورًا، في صفحة قضيته وفي السجل العام. يمكنك فتح البيان في موعد لا يسبق { $until }، بعد موافقة الأمناء (العدد اللازم: { $threshold }، وأنت منهم).
ws-identity-requested = طلب { $custodian } الكشف؛ يمكن إتمامه ابتداءً من { $until } بموافقة الأمناء (العدد اللازم: { $threshold }). وافق حتى الآن: { $agreed }.
ws-identity-open = سجّل الكشف وافتح البيان
ws-identity-open-hint = وافق عدد كافٍ من الأمناء. يُسجَّل الكشف في السجل العام ويُعرض على المبلّغ قبل أن يظهر البيان هنا؛ ولا يُحفظ على هذا الحاسوب.
ws-identity-waiting = في انتظار موافقة الأمناء الآخرين.
ws-identity-approve = وافق على الكشف
ws-identity-approve-hint = الموافقة تزيل طبقتك من نسخ البيان المخصصة لـ { $custodian }؛ ويرى المبلّغ موافقتك وأسبابها.
ws-identity-wait = مهلة إشعار المبلّغ تمتد حتى { $until }: يمكنك الموافقة ابتداءً من ذلك اليوم.
ws-identity-waive = قصّر مهلة الإشعار (لسبب عاجل)
ws-identity-waive-hint = لسبب عاجل فقط: يُسجَّل في السجل العام ويقرؤه المبلّغ.
ws-identity-statement-title = بيان الهوية في القضية { $reference }
ws-identity-statement-recorded = سُجّل الكشف. لا تُحفظ هذه الصفحة على هذا الحاسوب.
ws-back-to-case = العودة إلى القضية
ws-identity-no-statement = لا يوجد في هذه القضية بيان هوية كهذا.
ws-identity-refused-title = غير ممكن الآن
ws-identity-not-custodian = لا يقوم بهذه الخطوة إلا أمين لهذا البيان.
ws-identity-no-reasons = اذكر الأسباب: يقرؤها المبلّغ.
ws-identity-no-request = لا يوجد طلب كشف مفتوح لهذا البيان.
ws-identity-already-requested = طُلب الكشف عن هذا البيان من قبل.
ws-identity-already-agreed = سبق أن وافقت على هذا الكشف.
ws-identity-too-early = مهلة إشعار المبلّغ تمتد حتى { $until }، ولم يسجّل أي أمين سببًا عاجلًا لتقصيرها.
ws-identity-not-ready = لم يوافق عدد كافٍ من الأمناء بعد: مفتاح محطة العمل هذه لا يستطيع فتحه.

## Reward and reprisal

kind-reward-granted = مُنحت مكافأة
kind-reprisal-confirmed = ثبت الانتقام
kind-reprisal-reported = أبلغ المبلّغ عن انتقام
case-reprisal-heading = هل تتعرّض للانتقام؟
case-reprisal-hint = الفصل، أو خفض الدرجة، أو التهديد، أو المضايقة، أو النقل: أخبر الهيئة بما يحدث لك، مع أي مستندات. يُسجَّل ذلك بلاغًا عن انتقام (يعدّ السجل العام هذه البلاغات دون أن يذكر أصحابها)، وتردّ الهيئة خلال { $days } أيام.
case-reprisal-what = ما الذي يحدث لك
case-reprisal-send = أبلغ عن انتقام
case-reprisal-sent = شُفّر بلاغك عن الانتقام وأُرسل.
case-reprisal-pending = أبلغت عن انتقام في { $day }؛ وتردّ الهيئة بحلول { $by }.
ws-due-reprisal = الرد على بلاغ الانتقام

## Certificates bound to their holder

case-certificate-without-reasons = من دون الأسباب
case-present-label = تحدّي الجهة المتحقّقة
case-present-hint = لتثبت لجهة ما (محكمة، صاحب عمل) أن هذا القرار لك دون أن تقول من أنت: اطلب منها بضع كلمات من اختيارها، واكتبها هنا، وسلّمها الملف الذي تحصل عليه مع الشهادة.
case-present-button = نزّل إثباتًا
case-present-not-bound = هذا القرار غير مرتبط برمز إيصالك: لا يمكن إثباته.
case-present-bad-challenge = اكتب تحدّي الجهة المتحقّقة: بضع كلمات، { $max } بايت على الأكثر.
ws-decide-issued-to = أصدرها باسم { $name } (الكلمات التي وافق عليها المبلّغ)
ws-decide-issued-to-hint = تُظهر الشهادة هذه الكلمات؛ ولا يحفظ السجل العام إلا الالتزام بها.
ws-decide-issued-to-not-disclosed = وافق المبلّغ على أن تسمّيه الشهادات «{ $name }»، لكن هويته لم تُكشف للهيئة: لا تسمّيه أي شهادة قبل ذلك.
ws-decide-issued-to-nobody = لا تصدر باسم أحد: لم يوافق المبلّغ على أن يُسمّى في الشهادات.
ws-issued-to-item = وافق المبلّغ على أن تسمّيه الشهادات هكذا: { $name }
ws-issued-to-withdrawn-item = سحب المبلّغ موافقته على أن يُسمّى في الشهادات.
ws-issued-to-stale-title = لم تصدر باسم المبلّغ
ws-issued-to-stale = لم تعد موافقة المبلّغ هي التي أظهرها النموذج، أو أن هويته لم تُكشف. لم يُسجَّل شيء؛ افتح القضية من جديد.
issued-to-too-long = الاسم طويل جدًا ({ $max } حرفًا على الأكثر). اختصره وأرسله من جديد.
issued-to-not-text = تعذّرت قراءة الاسم كنص. اكتبه من جديد وأرسله.
case-issued-to-heading = اسمك في الشهادات
case-issued-to-hint = بعد أن تفتح الهيئة بيان هويتك، يجوز أن تذكر الشهادات التي تصدرها لك (مثل الاعتراف بصفتك) اسمك، لتتمكن من عرضها على صاحب عمل أو محكمة. اكتب الكلمات التي يجوز أن تُظهرها، مثل اسمك وتاريخ ميلادك: تُختم لمراجعي الهيئة، ولا يحفظ السجل العام إلا التزامًا بها. من دون موافقتك لا تسمّي الشهادات أحدًا.
case-issued-to-agreed = يجوز أن تسمّيك الشهادات هكذا: { $name }
case-issued-to-withdraw = اسحب هذه الموافقة
case-issued-to-label = الكلمات التي يجوز أن تُظهرها الشهادة
case-issued-to-send = أوافق على أن أُسمّى هكذا
case-issued-to-sent = خُتمت موافقتك وأُرسلت: يجوز أن تسمّيك الشهادات الجديدة بهذه الكلمات.
case-issued-to-withdrawn = سُحبت موافقتك: لن تسمّيك الشهادات الجديدة.
case-issued-to-item = وافقت على أن تسمّيك الشهادات هكذا: { $name }
case-issued-to-withdrawn-item = سحبت موافقتك على أن تُسمّى في الشهادات.
