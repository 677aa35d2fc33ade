# SafeArrival — العربية (Arabic): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ لم يتأكد بالكامل: يقول { $traveller } إنه في { $landmark } ({ $time }، { $zone })، لكن لم نستطع التحقق من كل شيء.
family-needs-attention = ⚠️ يحتاج إلى انتباه: حاول { $traveller } تسجيل وصوله إلى { $landmark } ({ $time }، { $zone })، لكن الدلائل تتناقض. هذا ليس وصولًا مؤكدًا.
family-not-confirmed = لم نستطع التأكد من:
family-confirmed = تأكدنا من:
family-photo-not-recognised = لم نتعرّف في الصورة على { $landmark }: قد تُظهر مكانًا آخر.
family-photo-not-recognised-night = لم نتعرّف في الصورة على { $landmark }. التُقطت في الظلام، والصور التي قورنت بها لـ { $landmark } نهارية: كثيرًا ما لا يُتعرَّف على الصور الليلية.
family-photo-withheld = لا نعرض الصورة، لأننا لم نستطع تأكيد تسجيل الوصول هذا.
checkin-upgrade-hint = لتأكيده بالكامل، أرسل خلال { $minutes } دقيقة صورة أخرى للمكان، أو شارك موقعك المباشر.
family-upgrade-verified = ✅ تحديث: تأكد الآن وصول { $traveller } إلى { $landmark } ({ $time }، { $zone }).
family-upgrade-live = ☑️ تحديث: تأكد الآن وجود { $traveller } في { $landmark } بموقع مباشر ({ $time }، { $zone }). ما زلنا لم نتعرّف على المكان في الصورة.
result-upgrade-verified = ✅ تم الآن التحقق من وصولك. يصل إلى أفراد عائلتك تحديث واحد.
result-upgrade-live = ☑️ تأكد موقعك المباشر. يصل إلى أفراد عائلتك تحديث واحد.
result-upgrade-no-change = هذا لم يؤكد أكثر من تسجيل وصولك السابق، لذلك لم نخبر عائلتك مرة أخرى.
result-needs-attention = ⚠️ تسجيل الوصول يحتاج إلى انتباه: بعض الدلائل تتناقض. أخبرنا عائلتك أننا لم نستطع تأكيد وصولك. رحلتك ما زالت مفتوحة.
status-result-needs_attention = يحتاج إلى انتباه (غير مؤكد)
reason-location_within-live = موقع مباشر على بعد { $distance } من المكان
reason-location_within-pin = دبوس وُضع على الخريطة على بعد { $distance } من المكان (وُضع باليد، لم يُقَس مباشرة)
reason-location_within-exif = موقع GPS في الصورة على بعد { $distance } من المكان (لم يُرسل أي موقع)
reason-location_outside-live = موقع مباشر على بعد { $distance } من المكان، بعيد جدًا
reason-location_outside-pin = دبوس وُضع على الخريطة على بعد { $distance } من المكان، بعيد جدًا
reason-location_outside-exif = موقع GPS في الصورة على بعد { $distance } من المكان، بعيد جدًا
reason-location_via_bot = أُرسل الموقع عبر بوت، لا من الهاتف
reason-photo_gps_agrees = موقع GPS في الصورة يتفق مع الموقع المرسل (الفرق { $distance })
reason-photo_gps_contradicts = موقع GPS في الصورة على بعد { $distance } من الموقع المرسل: هما متناقضان
location-invalid = هذا الموقع ليس فيه إحداثيات صالحة. أرسل موقعك مرة أخرى من فضلك.
photo-unreadable = لا أستطيع قراءة هذه الصورة. أرسل صورة JPEG أو PNG أو WebP من فضلك.
photo-heic = لا أستطيع قراءة صور HEIC المرسلة كملف. أرسلها كصورة (لا كملف)، أو كملف JPEG أو PNG أو WebP.
request-too-long = هذه الرسالة طويلة جدًا: الحد الأقصى { $max } حرفًا. أرسلها على أجزاء أقصر من فضلك.
request-invalid = لم أستطع قراءة ما أُرسل. تحقق منه وحاول مرة أخرى.
