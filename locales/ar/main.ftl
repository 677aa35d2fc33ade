# SafeArrival — العربية (Arabic, Modern Standard, simple words)
# Review status: machine-written, needs a native reviewer
# Commands and typed examples are placeables ({ "/contact" }) so that Fluent isolates them (FSI/PDI)
# and they show left to right inside right-to-left text.

## Onboarding

language-prompt = اختر لغتك.
language-set = تم اختيار اللغة العربية.
consent-text =
    قبل أن تبدأ، اقرأ هذا من فضلك.
    ما نحفظه: اسمك في المحادثة، ولغتك، ووصولك المخطط له (المكان والوقت)، ونتيجة آخر تسجيل وصول لك، وأفراد العائلة الذين تدعوهم.
    الصور والمواقع: نفحصها ثم نحذفها فورًا (بعد تسجيل وصول مؤكد جزئيًا فقط، نحتفظ بها { $minutes } دقيقة أخرى لتتمكن من إكماله). تحصل عائلتك على نسخة من الصورة بعد حذف كل البيانات المخفية منها.
    إلى متى: نحذف كل شيء بعد { $days } { $days ->
        [few] أيام
        [many] يومًا
       *[other] يوم
    } من نهاية رحلتك. أرسل { "/forget" } لحذف كل شيء الآن.
    من يرى البيانات: فقط أفراد العائلة الذين تدعوهم. لا أحد غيرهم.
consent-accept = أوافق
consent-decline = لا، شكرًا
consent-accepted = شكرًا. الخطوة التالية: أرسل { "/contact" } لدعوة فرد من عائلتك.
consent-declined = حسنًا. لم نحفظ أي شيء. أرسل { "/start" } إذا غيرت رأيك.
consent-required = اقرأ أولًا كيف نستخدم بياناتك ووافق على ذلك: أرسل { "/start" }.
help =
    ما يمكنني فعله:
    { "/contact" } — دعوة فرد من العائلة
    { "/contacts" } — رؤية أفراد عائلتك أو حذفهم
    { "/trip" } — تخطيط وصولك إلى مكان
    { "/checkin" } — كيف تسجل وصولك عندما تصل
    { "/status" } — رحلتك وآخر تسجيل وصول لك
    { "/cancel" } — إنهاء رحلتك
    { "/secret" } — تحديد كلمتك السرية
    { "/duress" } — تحديد كلمة الخطر
    { "/language" } — تغيير اللغة
    { "/forget" } — حذف كل شيء عنك

## Family contacts

invite-created =
    أرسل هذا الرابط إلى فرد واحد من عائلتك:
    { $link }
    يعمل مرة واحدة فقط، وينتهي بعد { $days } { $days ->
        [few] أيام
        [many] يومًا
       *[other] يوم
    }.
invite-rate-limited = أنشأت روابط دعوة كثيرة. انتظر ساعة واحدة من فضلك.
invite-preview =
    { $traveller } يريدك فردًا من عائلته في SafeArrival.
    ستصلك رسالة مع صورة عندما يصل { $traveller } إلى مكان مخطط له.
    نحفظ فقط اسمك في المحادثة ولغتك. يمكنك الخروج في أي وقت عبر { "/contacts" }.
invite-accept = قبول
invite-decline = رفض
invite-accepted = تم. ستصلك الآن رسائل الوصول من { $traveller }.
invite-linked = { $contact } أصبح الآن من أفراد عائلتك في الخدمة.
contact-unreachable = لم أتمكن من الوصول إلى { $contact } على واتساب، لذلك لا تصله رسائلك. اطلب منه أن يرسل لي أي رسالة على واتساب، أو ادعُه مرة أخرى باستخدام { "/contact" }.
contact-blocked = لم أتمكن من الوصول إلى { $contact }: ربما حظرني أو أغلق المحادثة، لذلك لا تصله رسائلك. اطلب منه أن يرسل لي رسالة، أو ادعُه مرة أخرى باستخدام { "/contact" }.
invite-declined = حسنًا. لن تصلك رسائل من { $traveller }.
invite-invalid = رابط الدعوة هذا لم يعد صالحًا. تم استخدامه أو أصبح قديمًا. اطلب رابطًا جديدًا من فضلك.
invite-own = هذا رابط دعوتك أنت. أرسله إلى فرد من عائلتك.
invite-already-linked = أنت تتلقى بالفعل رسائل الوصول من { $traveller }.
redeem-rate-limited = محاولات كثيرة. انتظر ساعة واحدة من فضلك.
contacts-none = ليس لديك أفراد عائلة بعد. أرسل { "/contact" } لدعوة أحدهم.
contacts-list = أفراد عائلتك:
following-list = تصلك رسائل الوصول من:
contacts-remove = حذف { $name }
following-leave = إيقاف الرسائل من { $name }
unlinked-traveller = تم حذف { $name }. لن تصله رسائلك بعد الآن.
unlinked-contact = لن تصلك رسائل من { $name } بعد الآن.
link-ended = انتهى الارتباط مع { $name }. لن تصلك رسائل وصوله بعد الآن.
link-ended-contact = { $name } توقف عن تلقي رسائل وصولك.

## Trips

trip-choose-landmark = إلى أين تخطط أن تصل؟ اختر مكانًا.
trip-choose-deadline = متى تخطط أن تصل إلى { $landmark }؟ اختر، أو اكتب وقتًا مثل { "45m" } أو { "6h" } أو { "1d" } (m = دقائق، h = ساعات، d = أيام).
trip-deadline-1h = بعد ساعة واحدة
trip-deadline-3h = بعد ٣ ساعات
trip-deadline-6h = بعد ٦ ساعات
trip-deadline-1d = بعد يوم واحد
trip-created =
    تم حفظ الرحلة: { $landmark }، قبل { $deadline } ({ $zone }).
    عندما تصل، أرسل { "/checkin" }.
trip-unknown-landmark = لا أعرف المكان «{ $id }». أرسل { "/trip" } واختر من القائمة.
trip-deadline-invalid = لم أفهم هذا الوقت. اكتبه هكذا: { "45m" } أو { "6h" } أو { "1d" } أو { "2026-12-01T18:00" }.
trip-deadline-past = هذا الوقت مضى. اختر وقتًا في المستقبل من فضلك.
trip-deadline-too-far = هذا بعيد جدًا. اختر وقتًا خلال ١٤ يومًا.
trip-no-landmarks = لا توجد أماكن بعد. اسأل المنظمة التي تدير هذه الخدمة من فضلك.
cancel-done = انتهت رحلتك.
cancel-none = ليس لديك رحلة.

## Check-in

checkin-howto =
    عندما تصل إلى { $landmark }:
    ١. التقط صورة جديدة للمكان.
    ٢. أرسل الصورة هنا، وأرسل موقعك (الزر في الأسفل).
    نصيحة: أرسل الصورة «كملف» ليبقى وقت التقاطها محفوظًا.
checkin-location-button = أرسل موقعي
checkin-no-trip = ليس لديك رحلة بعد. أرسل { "/trip" } أولًا.
checkin-need-location = وصلت الصورة. الآن أرسل موقعك.
checkin-need-photo = وصل الموقع. الآن أرسل صورة للمكان.
checkin-queued = شكرًا. أنا أفحص صورتك وموقعك الآن.
photo-forwarded = الصور المعاد توجيهها لا تُقبل. التقط صورة جديدة وأرسلها من فضلك.
photo-too-large = هذا الملف كبير جدًا. الحد الأقصى { $mb } ميغابايت.
photo-too-many-pixels = هذه الصورة كبيرة جدًا ولا أستطيع فحصها. أرسل صورة عادية من الكاميرا من فضلك.
photo-truncated = هذه الصورة تالفة أو ناقصة. أرسلها مرة أخرى من فضلك.
photo-too-small = هذه الصورة صغيرة جدًا ولا أستطيع فحصها. أرسل صورة أكبر من فضلك.
photo-download-failed = لم أستطع استلام هذه الصورة. أرسلها مرة أخرى من فضلك.
photo-expired = حُذفت صورتك قبل أن نفحصها. أرسلها مرة أخرى من فضلك.
location-forwarded = المواقع المعاد توجيهها لا تُقبل. أرسل موقعك أنت من فضلك.
location-venue = المكان المختار من الخريطة لا يُقبل. أرسل موقعك أنت من فضلك.

## Results

result-verified = ✅ تم التحقق من وصولك. نخبر أفراد عائلتك الآن.
result-partial = ☑️ قُبل تسجيل الوصول، لكن لم نتحقق منه بالكامل. نخبر أفراد عائلتك بما تم فحصه.
result-no-contacts = ليس لديك أفراد عائلة بعد، لذلك لم نخبر أحدًا. أرسل { "/contact" } لدعوة أحدهم.
result-not-verified = ❌ لم نتحقق من وصولك. لم نخبر عائلتك.
result-retry = لتحاول مرة أخرى: التقط صورة جديدة في { $landmark } وأرسلها مع موقعك.
result-details = ما تم فحصه:
result-rejected = ❌ لم أستطع فحص هذه الصورة. لم نخبر عائلتك.

family-arrived = ✅ وصل { $traveller } إلى { $landmark } في { $time } ({ $zone }).
family-details = ما تم فحصه:
family-photo-unavailable = (الصورة لم تعد متوفرة.)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = الصورة جديدة (لم نرها من قبل)
reason-photo_forwarded = الصورة معاد توجيهها
reason-photo_replay_reference = الصورة صورة معروفة للمكان، وليست جديدة
reason-photo_replay_earlier = الصورة أُرسلت من قبل
reason-location_forwarded = الموقع معاد توجيهه
reason-location_venue = الموقع مكان مختار من الخريطة، وليس موقعًا حقيقيًا
reason-location_missing = لم يصل أي موقع
reason-capture_time_fresh = التُقطت الصورة قبل { $minutes } دقيقة من إرسالها
reason-capture_time_stale = التُقطت الصورة قبل { $minutes } دقيقة من إرسالها، وهذا قديم جدًا
reason-capture_time_future = وقت الصورة في المستقبل
reason-capture_time_missing = وقت التقاط الصورة غير متوفر
reason-visual_match = الصورة تطابق المكان
reason-visual_no_match = لم يتم التعرّف على المكان في الصورة
reason-visual_no_match-night = لم يتم التعرّف على المكان في الصورة: التُقطت في الظلام، وكل الصور المرجعية للمكان نهارية
reason-visual_other_landmark = الصورة تُظهر مكانًا آخر: { $landmark }
reason-visual_not_evaluated = لم نقارن الصورة بالمكان

## Status and ending

status-trip = الرحلة: { $landmark }، قبل { $deadline } ({ $zone }).
status-arrived = الرحلة: وصلت إلى { $landmark } في { $time } ({ $zone }).
status-safe = الرحلة إلى { $landmark }: قلت إنك بأمان، في { $time } ({ $zone }).
status-no-trip = ليس لديك رحلة.
status-contacts = أفراد العائلة: { $count }
status-last-checkin = آخر تسجيل وصول: { $result }
status-result-verified = تم التحقق
status-result-partial = تم التحقق جزئيًا
status-result-not_verified = لم يتم التحقق
status-result-rejected = لم نستطع فحص الصورة
status-result-queued = قيد الفحص
forget-confirm = هل تريد حذف كل شيء عنك الآن؟ سنحذف رحلتك وتسجيلات وصولك وروابطك مع العائلة. سنخبر أفراد عائلتك فقط أن الارتباط انتهى. لا يمكن التراجع عن هذا.
forget-yes = نعم، احذف كل شيء
forget-no = لا، احتفظ به
forget-done = حذفنا كل شيء عنك. أرسل { "/start" } لتبدأ من جديد.
forget-kept = لم نحذف أي شيء.

## Errors

unknown-command = لا أعرف هذا الأمر. أرسل { "/help" } لترى ما يمكنني فعله.
not-understood = لم أفهم. أرسل { "/help" } لترى ما يمكنني فعله.
unsupported-message = أستطيع قراءة النصوص والصور والمواقع فقط.
rate-limited = رسائل كثيرة. انتظر دقيقة من فضلك.
error-generic = حدث خطأ من جهتنا. لم يضع أي شيء. حاول مرة أخرى بعد دقيقة من فضلك.
