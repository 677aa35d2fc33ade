# SafeArrival — العربية (Arabic): deadlines, escalation, duress, NGO alerts
# Review status: machine-written, needs a native reviewer

reminder-deadline = ⏰ خططت أن تصل إلى { $landmark } قبل { $deadline } ({ $zone }). هل أنت بأمان؟
reminder-safe = أنا بأمان
reminder-more-time = أحتاج وقتًا أكثر
reminder-safe-ack = شكرًا. عندما تستطيع، سجّل وصولك بصورة وموقعك: { "/checkin" }.
reminder-more-time-ack = حسنًا. وقتك الجديد هو { $deadline } ({ $zone }).

extend-done = وقت وصولك الجديد هو { $deadline } ({ $zone }).
extend-capped = لا يمكنك تأخير الوقت إلى ما بعد { $max } ({ $zone }).
extend-usage = اكتب { "/extend" } ثم وقتًا، مثل { "/extend 1h" }.
extend-needs-secret = بدأت التنبيهات. لتغيير الوقت، أرسل { "/extend" } والوقت وكلمتك السرية.
extend-no-trip = ليس لديك رحلة لتغيير وقتها.

words-intro = يمكنك اختيار كلمتين. الكلمة السرية، بالأمر { "/secret" }: تثبت أنك أنت حقًا. كلمة الخطر، بالأمر { "/duress" }: استخدمها إذا أجبرك أحد على تسجيل الوصول. تبدو لهم عادية، لكن عائلتك و{ $ngo } سيعرفون أنك لست بأمان.
words-intro-no-ngo = يمكنك اختيار كلمتين. الكلمة السرية، بالأمر { "/secret" }: تثبت أنك أنت حقًا. كلمة الخطر، بالأمر { "/duress" }: استخدمها إذا أجبرك أحد على تسجيل الوصول. تبدو لهم عادية، لكن عائلتك ستعرف أنك لست بأمان.
secret-set = حفظنا كلمتك السرية. من أجل سلامتك حذفت رسالتك.
duress-set = حفظنا كلمة الخطر. من أجل سلامتك حذفت رسالتك.
word-usage = اكتب الأمر وكلمة واحدة، مثل { "/secret tulip" }. استخدم من ٤ إلى ٣٢ حرفًا أو رقمًا.
words-must-differ = يجب أن تكون الكلمة السرية مختلفة عن كلمة الخطر.

ngo-consent-question = إذا لم تصل في الوقت، هل نخبر أيضًا { $ngo }، وهي منظمة تساعد الأشخاص المتنقلين؟ سيرون فقط: المكان الذي خططت له، والوقت، ولغتك، وآخر تسجيل وصول لك.
ngo-consent-yes = نعم، أخبروهم
ngo-consent-no = لا
ngo-consent-given = حسنًا. سنخبر { $ngo } إذا لم تصل في الوقت.
ngo-consent-refused = حسنًا. سنخبر عائلتك فقط.

family-alert-missed =
    ⚠️ خطط { $traveller } أن يصل إلى { $landmark } قبل { $deadline } ({ $zone }) ولم يسجل وصوله.
    حاولوا التواصل معه من فضلكم.
family-alert-last-checkin = آخر تسجيل وصول تم التحقق منه: { $landmark } في { $time } ({ $zone }).
family-false-alarm = ✅ إنذار خاطئ: وصل { $traveller } إلى { $landmark } في { $time } ({ $zone }).
family-reported-safe = أجاب { $traveller } «أنا بأمان» (هذا ليس تسجيل وصول تم التحقق منه).
family-duress =
    ⚠️ سجّل { $traveller } وصوله إلى { $landmark }، لكن لا تعتبروا هذا وصولًا آمنًا. ربما لا يستطيع الكلام بحرية.
    لا تكتبوا عن هذا في المحادثة معه. تم إخبار { $ngo }.
family-duress-no-ngo =
    ⚠️ سجّل { $traveller } وصوله إلى { $landmark }، لكن لا تعتبروا هذا وصولًا آمنًا. ربما لا يستطيع الكلام بحرية.
    لا تكتبوا عن هذا في المحادثة معه.

ngo-alert-missed = 🚨 تنبيه { $id }: شخص مسافر لم يسجل وصوله إلى { $landmark } قبل { $deadline } ({ $zone }). اللغة: { $language }. القناة: { $channel }.
ngo-alert-duress = 🚨 عاجل { $id }: شخص مسافر سجّل وصوله إلى { $landmark } باستخدام كلمة الخطر. اللغة: { $language }. القناة: { $channel }.
ngo-alert-resolved = التنبيه { $id } مغلق: وصل المسافر إلى { $landmark } في { $time } ({ $zone }).
cancel-needs-secret = لإنهاء رحلتك، أرسل { "/cancel" } وكلمتك السرية.
