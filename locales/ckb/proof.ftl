# SafeArrival — کوردی سۆرانی (Central Kurdish / Sorani): پشتڕاستکردنەوەی واژۆکراو و پشکنینی وێنە بۆ خێزانەکان
# Review status: machine-written, needs a native reviewer

## A line added to the family's arrival confirmation
proof-family-link = هەر کەسێک دەتوانێت بپشکنێت کە ئەم پشتڕاستکردنەوەیە ڕاستەقینەیە: { $link }
proof-family-code = کۆدی پشتڕاستکردنەوە (بەڵگە کە ئەم نامەیە ڕاستەقینەیە): { $code }

## The public check page (GET /c/<code>)
proof-page-title = پشکنینی پشتڕاستکردنەوەی گەیشتن
proof-valid-heading = ✅ ئەم پشتڕاستکردنەوەیە ڕاستەقینەیە
proof-valid-intro = SafeArrival واژۆی کردووە. دەڵێت:
proof-field-landmark = شوێن
proof-field-time = کات
proof-time = { $time } ({ $zone })
proof-field-verdict = ئەنجام
proof-verdict-verified = گەیشتن پشتڕاست کرایەوە
proof-verdict-partial = گەیشتن تۆمار کرا، بەڵام هەموو شتێک پشتڕاست نەکرایەوە
proof-verdict-not_verified = پشتڕاست نەکرایەوە
proof-verdict-needs_attention = نیشانەکان دژی یەک بوون: گەیشتنێکی پشتڕاستکراوە نییە
proof-field-reasons = چی پشکنرا
proof-field-expires = ئەم کۆدە تا ئەم کاتە دەپشکنرێت
proof-invalid-heading = ✘ دروست نییە
proof-invalid-text = ئەمە پشتڕاستکردنەوەیەکی دروست نییە: گۆڕدراوە، دروستکراوە، بە کلیلێک واژۆ کراوە کە نایناسین، یان کاتی بەسەرچووە. متمانە بە نامە یان وێنەی شاشەیەک مەکە کە نیشانی دەدات.
proof-limits = ئەم پەڕەیە هیچ ناو، وێنە یان شوێنێک نیشان نادات. پشتڕاستکردنەوە دەڵێت لەو کاتەدا چی پشکنرا؛ ناسەلمێنێت کە ئەو کەسە ئێستا سەلامەتە.
proof-rate-limited = پشکنینی زۆر لە پەیوەندییەکەتەوە کرا. تکایە خولەکێک چاوەڕێ بکە.

## The families' photo check (/checkphoto)
photocheck-hint = وێنەیەکیان بۆ ناردوویت و دەیانەوێت باوەڕی پێ بکەیت؟ { "/checkphoto" } بنێرە و ئەوەی دەتوانم دەربارەی بیزانم پێت دەڵێم.
photocheck-howto = ئەو وێنەیەم بۆ بنێرە کە بۆت نێردراوە. ئەگەر دەتوانیت وەک فایل بینێرە: ئەوکات دەتوانم کات و شوێنی پاشەکەوتکراوی ناویشی بخوێنمەوە. هیچ شتێک دەربارەی تۆ یان وێنەکە ناهێڵمەوە.
photocheck-queued = وێنەکە دەپشکنم…
photocheck-rate-limited = لەم کاتژمێرەدا وێنەی زۆرت پشکنیوە. تکایە پێش پشکنینی زیاتر چاوەڕێ بکە.
photocheck-expired = نەمتوانی وێنەکە لە کاتی خۆیدا بپشکنم. تکایە دووبارە { "/checkphoto" } و وێنەکە بنێرە.
photocheck-header = ئەوەی دەتوانم دەربارەی ئەم وێنەیە بیڵێم:
photocheck-landmark = 📍 { $landmark } نیشان دەدات.
photocheck-no-landmark = 📍 هیچ شوێنێک لە لیستەکەمان نیشان نادات.
photocheck-known-reference = ⚠️ ئەمە وێنەیەکی ناسراوی { $landmark }ە (وێنەیەک کە هەر کەسێک دەتوانێت بیدۆزێتەوە)، وێنەیەکی نوێ نییە.
photocheck-known-picture = ⚠️ ئەمە وێنەیەکی { $landmark }ە کە دەزانرێت دەستاودەست دەکرێت، وێنەیەکی نوێ نییە.
photocheck-known-elsewhere = ⚠️ ئەمە وێنەیەکە کە دەزانرێت دەستاودەست دەکرێت، وێنەیەکی نوێ نییە.
photocheck-not-known = ئەمە وێنەیەک نییە کە بیناسین. ئەمە ناسەلمێنێت کە نوێیە.
photocheck-no-exif = بەبێ کات و شوێنەکەی گەیشت (وەک وێنەی پەستێنراو نێردراوە، یان لابراون). بۆ هێشتنەوەیان وەک فایل بینێرە.
photocheck-time-fresh = کاتی پاشەکەوتکراوی دەڵێت { $minutes } خولەک پێش ناردنەکەت گیراوە.
photocheck-time-stale = کاتی پاشەکەوتکراوی دەڵێت زیاتر لە { $hours } کاتژمێر پێش ناردنەکەت گیراوە: وێنەیەکی کۆن.
photocheck-time-future = کاتی پاشەکەوتکراوی لە داهاتوودایە: کاتژمێری کامێراکە هەڵەیە یان کاتەکە گۆڕدراوە.
photocheck-time-missing = کاتی پاشەکەوتکراوی نییە.
photocheck-place-fits = شوێنی پاشەکەوتکراوی دەگونجێت: { $distance } مەتر لە { $landmark }.
photocheck-place-far = شوێنی پاشەکەوتکراوی ناگونجێت: { $distance } مەتر لە { $landmark }.
photocheck-place-at = شوێنی پاشەکەوتکراوی لە { $landmark }ە.
photocheck-place-elsewhere = شوێنی پاشەکەوتکراوی لە هیچ شوێنێکی لیستەکەماندا نییە.
photocheck-place-missing = شوێنی پاشەکەوتکراوی نییە.
photocheck-cannot = ئەوەی وێنە ناتوانێت بیڵێت: کێ گرتوویەتی، کێ ناردوویەتی، یان ئەوەی کە ئەو کەسە سەلامەتە. کات و شوێنی پاشەکەوتکراو دەکرێت بگۆڕدرێن. تەنها خودی ئەو کەسە، بە قسەی خۆی یان تۆمارکردنی گەیشتنی خۆی، دەتوانێت ئەمەت پێ بڵێت.
