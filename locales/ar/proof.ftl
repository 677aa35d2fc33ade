# SafeArrival — العربية (Arabic): تأكيدات موقّعة وفحص الصور للعائلات
# Review status: machine-written, needs a native reviewer

## A line added to the family's arrival confirmation
proof-family-link = يمكن لأي شخص أن يتحقق من أن هذا التأكيد حقيقي: { $link }
proof-family-code = رمز التأكيد (دليل على أن هذه الرسالة حقيقية): { $code }

## The public check page (GET /c/<code>)
proof-page-title = التحقق من تأكيد الوصول
proof-valid-heading = ✅ هذا التأكيد حقيقي
proof-valid-intro = وقّعه SafeArrival. وهو يقول:
proof-field-landmark = المكان
proof-field-time = الوقت
proof-time = { $time } ({ $zone })
proof-field-verdict = النتيجة
proof-verdict-verified = تم التحقق من الوصول
proof-verdict-partial = تم تسجيل الوصول، ولم نتمكن من التحقق من كل شيء
proof-verdict-not_verified = لم يتم التحقق
proof-verdict-needs_attention = تناقضت العلامات فيما بينها: ليس وصولًا مؤكدًا
proof-field-reasons = ما الذي تم فحصه
proof-field-expires = يمكن التحقق من هذا الرمز حتى
proof-invalid-heading = ✘ غير صالح
proof-invalid-text = هذا ليس تأكيدًا صالحًا: لقد تم تغييره، أو اختلاقه، أو توقيعه بمفتاح لا نعرفه، أو انتهت صلاحيته. لا تثق برسالة أو لقطة شاشة تعرضه.
proof-limits = هذه الصفحة لا تعرض أي اسم ولا صورة ولا موقع. التأكيد يقول ما تم فحصه في ذلك الوقت؛ ولا يثبت أن الشخص بأمان الآن.
proof-rate-limited = عمليات تحقق كثيرة جدًا من اتصالك. يرجى الانتظار دقيقة.

## The families' photo check (/checkphoto)
photocheck-hint = هل أُرسلت إليك صورة وطُلب منك أن تصدقها؟ أرسل { "/checkphoto" } وسأخبرك بما أستطيع معرفته عنها.
photocheck-howto = أرسل لي الصورة التي وصلتك. أرسلها كملف إذا استطعت: عندها أستطيع أيضًا قراءة الوقت والمكان المحفوظين فيها. لا أحتفظ بأي شيء عنك أو عن الصورة.
photocheck-queued = أفحص الصورة…
photocheck-rate-limited = فحصت صورًا كثيرة في هذه الساعة. يرجى الانتظار قبل فحص المزيد.
photocheck-expired = لم أستطع فحص الصورة في الوقت المناسب. أرسل { "/checkphoto" } والصورة مرة أخرى.
photocheck-header = ما يمكنني قوله عن هذه الصورة:
photocheck-landmark = 📍 تُظهر { $landmark }.
photocheck-no-landmark = 📍 لا تُظهر أي مكان من قائمتنا.
photocheck-known-reference = ⚠️ إنها صورة معروفة لـ { $landmark } (صورة يمكن لأي شخص أن يجدها)، وليست صورة جديدة.
photocheck-known-picture = ⚠️ إنها صورة لـ { $landmark } معروف أنها تُتداول، وليست صورة جديدة.
photocheck-known-elsewhere = ⚠️ إنها صورة معروف أنها تُتداول، وليست صورة جديدة.
photocheck-not-known = ليست صورة نعرفها. وهذا لا يثبت أنها جديدة.
photocheck-no-exif = وصلت بدون وقتها ومكانها (أُرسلت كصورة مضغوطة، أو حُذفا منها). أرسلها كملف للحفاظ عليهما.
photocheck-time-fresh = وقتها المحفوظ يقول إنها التُقطت قبل { $minutes } دقيقة من إرسالك لها.
photocheck-time-stale = وقتها المحفوظ يقول إنها التُقطت قبل أكثر من { $hours } ساعة من إرسالك لها: صورة قديمة.
photocheck-time-future = وقتها المحفوظ في المستقبل: ساعة الكاميرا خاطئة أو تم تغيير الوقت.
photocheck-time-missing = ليس فيها وقت محفوظ.
photocheck-place-fits = مكانها المحفوظ يتوافق: على بعد { $distance } متر من { $landmark }.
photocheck-place-far = مكانها المحفوظ لا يتوافق: على بعد { $distance } متر من { $landmark }.
photocheck-place-at = مكانها المحفوظ عند { $landmark }.
photocheck-place-elsewhere = مكانها المحفوظ ليس عند أي مكان من قائمتنا.
photocheck-place-missing = ليس فيها مكان محفوظ.
photocheck-cannot = ما لا تستطيع الصورة قوله: من التقطها، ومن أرسلها، وهل الشخص بأمان. يمكن تغيير الوقت والمكان المحفوظين. الشخص نفسه فقط، بكلماته أو بتسجيل وصوله بنفسه، يستطيع أن يخبرك بذلك.
