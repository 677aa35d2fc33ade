# SafeArrival — کوردی سۆرانی (Central Kurdish / Sorani): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ بە تەواوی پشتڕاست نەکرایەوە: { $traveller } دەڵێت لە { $landmark } ە ({ $time }، { $zone })، بەڵام نەتوانرا هەموو شتێک بپشکنرێت.
family-needs-attention = ⚠️ پێویستی بە سەرنجە: { $traveller } هەوڵی دا گەیشتنی بۆ { $landmark } تۆمار بکات ({ $time }، { $zone })، بەڵام نیشانەکان پێچەوانەی یەکترن. ئەمە گەیشتنێکی پشتڕاستکراوە نییە.
family-not-confirmed = پشتڕاست نەکرایەوە:
family-confirmed = پشتڕاست کرایەوە:
family-photo-not-recognised = وێنەکە وەک { $landmark } نەناسرایەوە: لەوانەیە شوێنێکی تر پیشان بدات.
family-photo-not-recognised-night = وێنەکە وەک { $landmark } نەناسرایەوە. لە تاریکیدا گیراوە، و ئەو وێنانەی { $landmark } کە بەراوردی لەگەڵ کرا هی ڕۆژن: وێنەی شەو زۆرجار ناناسرێتەوە.
family-photo-withheld = وێنەکە پیشان نادرێت، چونکە ئەم تۆمارکردنە پشتڕاست نەکرایەوە.
checkin-upgrade-hint = بۆ پشتڕاستکردنەوەی تەواو، لە ماوەی { $minutes } خولەکدا وێنەیەکی تری شوێنەکە بنێرە، یان شوێنی ڕاستەوخۆت هاوبەش بکە.
family-upgrade-verified = ✅ نوێکردنەوە: گەیشتنی { $traveller } بۆ { $landmark } ئێستا پشتڕاست کرایەوە ({ $time }، { $zone }).
family-upgrade-live = ☑️ نوێکردنەوە: بوونی { $traveller } لە { $landmark } ئێستا بە شوێنی ڕاستەوخۆ پشتڕاست کرایەوە ({ $time }، { $zone }). وێنەکە هێشتا وەک ئەو شوێنە نەناسراوەتەوە.
result-upgrade-verified = ✅ تۆمارکردنی گەیشتن ئێستا پشتڕاست کرایەوە. ئەندامانی خێزانت یەک نوێکردنەوە وەردەگرن.
result-upgrade-live = ☑️ شوێنی ڕاستەوخۆت پشتڕاست کرایەوە. ئەندامانی خێزانت یەک نوێکردنەوە وەردەگرن.
result-upgrade-no-change = ئەمە لە تۆمارکردنی پێشووت زیاتر هیچی پشتڕاست نەکردەوە، بۆیە جارێکی تر بە خێزانەکەت نەوترا.
result-needs-attention = ⚠️ تۆمارکردنی گەیشتن پێویستی بە سەرنجە: هەندێک نیشانە پێچەوانەی یەکترن. بە خێزانەکەت وترا کە گەیشتنت پشتڕاست نەکرایەوە. گەشتەکەت هێشتا کراوەیە.
status-result-needs_attention = پێویستی بە سەرنجە (پشتڕاست نەکراوە)
reason-location_within-live = شوێنی ڕاستەوخۆ بە دووری { $distance } لە شوێنەکە
reason-location_within-pin = دەرزییەک کە لەسەر نەخشە دانرا بە دووری { $distance } لە شوێنەکە (بە دەست دانراوە، ڕاستەوخۆ نەپێوراوە)
reason-location_within-exif = GPSـی وێنەکە بە دووری { $distance } لە شوێنەکە (هیچ شوێنێک نەنێردرا)
reason-location_outside-live = شوێنی ڕاستەوخۆ بە دووری { $distance } لە شوێنەکە، زۆر دوورە
reason-location_outside-pin = دەرزییەک کە لەسەر نەخشە دانرا بە دووری { $distance } لە شوێنەکە، زۆر دوورە
reason-location_outside-exif = GPSـی وێنەکە بە دووری { $distance } لە شوێنەکە، زۆر دوورە
reason-location_via_bot = شوێنەکە لە ڕێگەی بۆتێکەوە نێردرا، نەک لە مۆبایلەکەوە
reason-photo_gps_agrees = GPSـی وێنەکە لەگەڵ شوێنی نێردراو یەک دەگرێتەوە (جیاوازی { $distance })
reason-photo_gps_contradicts = GPSـی وێنەکە { $distance } لە شوێنی نێردراو دوورە: پێچەوانەی یەکترن
location-invalid = ئەم شوێنە هیچ پێگەیەکی بەکارهاتووی نییە. تکایە دووبارە شوێنەکەت بنێرە.
photo-unreadable = ناتوانم ئەم وێنەیە بخوێنمەوە. تکایە وێنەیەکی JPEG، PNG یان WebP بنێرە.
photo-heic = ناتوانم وێنەی HEIC بخوێنمەوە کە وەک فایل نێردرابێت. وەک وێنە بینێرە (نەک فایل)، یان وەک فایلی JPEG، PNG یان WebP.
request-too-long = ئەم نامەیە زۆر درێژە: زۆرترین { $max } پیت. تکایە بە بەشی کورتتر بینێرە.
request-invalid = نەمتوانی ئەوەی نێردرا بخوێنمەوە. بیپشکنە و دووبارە هەوڵ بدەرەوە.
