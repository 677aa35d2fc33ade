# SafeArrival — کوردی سۆرانی (Central Kurdish / Sorani; simple words)
# Review status: machine-written, needs a native reviewer
# Commands and typed examples are placeables ({ "/contact" }) so that Fluent isolates them (FSI/PDI)
# and they show left to right inside right-to-left text. "لۆکەیشن" = the GPS location; "شوێن" = a place.

## Onboarding

language-prompt = زمانەکەت هەڵبژێرە.
language-set = زمان کرا بە کوردی سۆرانی.
consent-text =
    پێش دەستپێکردن، تکایە ئەمە بخوێنەوە.
    ئەوەی دەیهێڵینەوە: ناوت لە چاتدا، زمانەکەت، گەیشتنی پلانکراوت (شوێن و کات)، ئەنجامی دوایین تۆمارکردنی گەیشتنت، و ئەو ئەندامانەی خێزان کە بانگهێشتیان دەکەیت.
    وێنە و لۆکەیشن: دەپشکنرێن، پاشان یەکسەر دەسڕدرێنەوە (دوای تۆمارکردنێکی گەیشتن کە تەنها بەشێکی پشتڕاست کراوەتەوە، { $minutes } خولەکی تر دەهێڵدرێنەوە بۆ ئەوەی بتوانیت تەواوی بکەیت). خێزانەکەت کۆپییەکی وێنەکە وەردەگرێت، هەموو زانیارییە شاراوەکانی لێ سڕاوەتەوە.
    چەند ماوە: هەموو شتێک { $days } ڕۆژ دوای کۆتایی گەشتەکەت دەسڕدرێتەوە. بۆ سڕینەوەی هەموو شتێک ئێستا { "/forget" } بنێرە.
    کێ دەیبینێت: تەنها ئەو ئەندامانەی خێزان کە بانگهێشتیان دەکەیت. کەسی تر نا.
consent-accept = ڕازیم
consent-decline = نا، سوپاس
consent-accepted = سوپاس. هەنگاوی دواتر: { "/contact" } بنێرە بۆ بانگهێشتکردنی ئەندامێکی خێزان.
consent-declined = باشە. هیچ شتێک پاشەکەوت نەکرا. ئەگەر بیرت گۆڕی، { "/start" } بنێرە.
consent-required = سەرەتا بخوێنەوە کە چۆن زانیارییەکانت بەکاردەهێنین و ڕازی بە: { "/start" } بنێرە.
help =
    ئەمانە دەتوانم بکەم:
    { "/contact" } — بانگهێشتکردنی ئەندامێکی خێزان
    { "/contacts" } — بینین یان لابردنی ئەندامانی خێزان
    { "/trip" } — پلانی گەیشتن بە شوێنێک
    { "/checkin" } — کاتێک گەیشتیت، چۆن گەیشتنت تۆمار بکەیت
    { "/status" } — گەشتەکەت و دوایین تۆمارکردنت
    { "/cancel" } — کۆتایی هێنان بە گەشتەکەت
    { "/secret" } — دانانی وشەی نهێنی
    { "/duress" } — دانانی وشەی مەترسی
    { "/language" } — گۆڕینی زمان
    { "/forget" } — سڕینەوەی هەموو شتێک دەربارەی تۆ

## Family contacts

invite-created =
    ئەم بەستەرە بۆ یەک ئەندامی خێزان بنێرە:
    { $link }
    تەنها یەک جار کار دەکات و دوای { $days } ڕۆژ کۆتایی دێت.
invite-rate-limited = بەستەری بانگهێشتی زۆرت دروست کرد. تکایە یەک کاتژمێر چاوەڕێ بکە.
invite-preview =
    { $traveller } دەیەوێت تۆ ئەندامی خێزانی بیت لە SafeArrival.
    کاتێک { $traveller } دەگاتە شوێنێکی پلانکراو، نامەیەکت بە وێنەوە بۆ دێت.
    تەنها ناوت لە چاتدا و زمانەکەت دەهێڵینەوە. هەر کاتێک بتەوێت دەتوانیت بە { "/contacts" } بڕۆیتە دەرەوە.
invite-accept = قبووڵکردن
invite-decline = ڕەتکردنەوە
invite-accepted = تەواو. ئێستا نامەکانی گەیشتنی { $traveller } وەردەگریت.
invite-linked = { $contact } ئێستا ئەندامی خێزانتە.
contact-unreachable = نەمتوانی لە واتسئاپ بە { $contact } بگەم، بۆیە نامەکانت پێی ناگات. داوای لێبکە لە واتسئاپ هەر نامەیەکم بۆ بنێرێت، یان دووبارە بە { "/contact" } بانگهێشتی بکەرەوە.
contact-blocked = نەمتوانی بە { $contact } بگەم: لەوانەیە منی بلۆک کردبێت یان گفتوگۆکەی داخستبێت، بۆیە نامەکانت پێی ناگات. داوای لێبکە نامەیەکم بۆ بنێرێت، یان دووبارە بە { "/contact" } بانگهێشتی بکەرەوە.
invite-declined = باشە. نامە لە { $traveller } وەرناگریت.
invite-invalid = ئەم بەستەری بانگهێشتە ئیتر کار ناکات. بەکارهاتووە یان زۆر کۆنە. تکایە داوای بەستەرێکی نوێ بکە.
invite-own = ئەمە بەستەری بانگهێشتی خۆتە. بینێرە بۆ ئەندامێکی خێزان.
invite-already-linked = تۆ پێشتر نامەکانی گەیشتنی { $traveller } وەردەگریت.
redeem-rate-limited = هەوڵی زۆر درا. تکایە یەک کاتژمێر چاوەڕێ بکە.
contacts-none = هێشتا هیچ ئەندامێکی خێزانت نییە. { "/contact" } بنێرە بۆ بانگهێشتکردنی یەکێک.
contacts-list = ئەندامانی خێزانت:
following-list = نامەی گەیشتن لەمانەوە وەردەگریت:
contacts-remove = لابردنی { $name }
following-leave = ڕاگرتنی نامەکانی { $name }
unlinked-traveller = { $name } لابرا. ئیتر نامەکانت وەرناگرێت.
unlinked-contact = ئیتر نامە لە { $name } وەرناگریت.
link-ended = پەیوەندی لەگەڵ { $name } کۆتایی هات. ئیتر نامەکانی گەیشتنی وەرناگریت.
link-ended-contact = { $name } ئیتر نامەکانی گەیشتنت وەرناگرێت.

## Trips

trip-choose-landmark = دەتەوێت بگەیتە کوێ؟ شوێنێک هەڵبژێرە.
trip-choose-deadline = کەی دەتەوێت بگەیتە { $landmark }؟ هەڵبژێرە، یان کاتێک بنووسە وەک { "45m" }، { "6h" } یان { "1d" } (m = خولەک، h = کاتژمێر، d = ڕۆژ).
trip-deadline-1h = لە ماوەی ١ کاتژمێردا
trip-deadline-3h = لە ماوەی ٣ کاتژمێردا
trip-deadline-6h = لە ماوەی ٦ کاتژمێردا
trip-deadline-1d = لە ماوەی ١ ڕۆژدا
trip-created =
    گەشت پاشەکەوت کرا: { $landmark }، پێش { $deadline } ({ $zone }).
    کاتێک گەیشتیت، { "/checkin" } بنێرە.
trip-unknown-landmark = شوێنی «{ $id }» ناناسم. { "/trip" } بنێرە و لە لیستەکە هەڵبژێرە.
trip-deadline-invalid = لەو کاتە تێنەگەیشتم. بەم شێوەیە بینووسە: { "45m" }، { "6h" }، { "1d" } یان { "2026-12-01T18:00" }.
trip-deadline-past = ئەو کاتە ڕابردووە. تکایە کاتێک لە داهاتوودا هەڵبژێرە.
trip-deadline-too-far = ئەوە زۆر دوورە. کاتێک لە ماوەی ١٤ ڕۆژدا هەڵبژێرە.
trip-no-landmarks = هێشتا هیچ شوێنێک دانەنراوە. تکایە لەو ڕێکخراوە بپرسە کە ئەم خزمەتگوزارییە بەڕێوە دەبات.
cancel-done = گەشتەکەت کۆتایی هات.
cancel-none = هیچ گەشتێکت نییە.

## Check-in

checkin-howto =
    کاتێک گەیشتیتە { $landmark }:
    ١. وێنەیەکی نوێی ئەو شوێنە بگرە.
    ٢. وێنەکە لێرە بنێرە، و لۆکەیشنەکەت بنێرە (دوگمەی خوارەوە).
    ئامۆژگاری: وێنەکە «وەک فایل» بنێرە بۆ ئەوەی کاتی گرتنی وێنەکە بمێنێت.
checkin-location-button = لۆکەیشنەکەم بنێرە
checkin-no-trip = هێشتا هیچ گەشتێکت نییە. سەرەتا { "/trip" } بنێرە.
checkin-need-location = وێنەکە گەیشت. ئێستا لۆکەیشنەکەت بنێرە.
checkin-need-photo = لۆکەیشنەکە گەیشت. ئێستا وێنەیەکی ئەو شوێنە بنێرە.
checkin-queued = سوپاس. ئێستا وێنە و لۆکەیشنەکەت دەپشکنم.
photo-forwarded = وێنەی فۆروارد کراو قبووڵ ناکرێت. تکایە وێنەیەکی نوێ بگرە و بینێرە.
photo-too-large = ئەم فایلە زۆر گەورەیە. سنوور: { $mb } MB.
photo-too-many-pixels = ئەم وێنەیە بۆ پشکنین زۆر گەورەیە. تکایە وێنەیەکی ئاسایی کامێرا بنێرە.
photo-truncated = ئەم وێنەیە تێکچووە یان ناتەواوە. تکایە دووبارە بینێرە.
photo-too-small = ئەم وێنەیە بۆ پشکنین زۆر بچووکە. تکایە وێنەیەکی گەورەتر بنێرە.
photo-download-failed = نەمتوانی ئەم وێنەیە وەربگرم. تکایە دووبارە بینێرە.
photo-expired = وێنەکەت پێش پشکنین سڕایەوە. تکایە دووبارە بینێرە.
location-forwarded = لۆکەیشنی فۆروارد کراو قبووڵ ناکرێت. تکایە لۆکەیشنی خۆت بنێرە.
location-venue = شوێنێک لە نەخشەوە قبووڵ ناکرێت. تکایە لۆکەیشنی خۆت بنێرە.

## Results

result-verified = ✅ گەیشتنت پشتڕاست کرایەوە. ئەندامانی خێزانت ئاگادار دەکرێنەوە.
result-partial = ☑️ تۆمارکردنی گەیشتن قبووڵ کرا، بەڵام بە تەواوی پشتڕاست نەکرایەوە. بە ئەندامانی خێزانت دەوترێت چی پشکنرا.
result-no-contacts = هێشتا هیچ ئەندامێکی خێزانت نییە، بۆیە کەس ئاگادار نەکرایەوە. { "/contact" } بنێرە بۆ بانگهێشتکردنی یەکێک.
result-not-verified = ❌ گەیشتنت پشتڕاست نەکرایەوە. خێزانەکەت ئاگادار نەکرایەوە.
result-retry = بۆ هەوڵدانەوە: وێنەیەکی نوێ لە { $landmark } بگرە و لەگەڵ لۆکەیشنەکەت بینێرە.
result-details = ئەوەی پشکنرا:
result-rejected = ❌ نەمتوانی ئەم وێنەیە بپشکنم. خێزانەکەت ئاگادار نەکرایەوە.

family-arrived = ✅ { $traveller } گەیشتە { $landmark } لە { $time } ({ $zone }).
family-details = ئەوەی پشکنرا:
family-photo-unavailable = (وێنەکە ئیتر بەردەست نییە.)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = وێنەکە نوێیە (پێشتر نەبینراوە)
reason-photo_forwarded = وێنەکە فۆروارد کرابوو
reason-photo_replay_reference = وێنەکە وێنەیەکی ناسراوی ئەو شوێنەیە، نوێ نییە
reason-photo_replay_earlier = وێنەکە پێشتر نێردرابوو
reason-location_forwarded = لۆکەیشنەکە فۆروارد کرابوو
reason-location_venue = لۆکەیشنەکە شوێنێک بوو لە نەخشەوە، شوێنی ڕاستەقینە نەبوو
reason-location_missing = هیچ لۆکەیشنێک نەگەیشت
reason-capture_time_fresh = وێنەکە { $minutes } خولەک پێش ناردن گیراوە
reason-capture_time_stale = وێنەکە { $minutes } خولەک پێش ناردن گیراوە، زۆر کۆنە
reason-capture_time_future = کاتی وێنەکە لە داهاتوودایە
reason-capture_time_missing = کاتی گرتنی وێنەکە نازانرێت
reason-visual_match = وێنەکە لەگەڵ شوێنەکە دەگونجێت
reason-visual_no_match = شوێنەکە لە وێنەکەدا نەناسرایەوە
reason-visual_no_match-night = شوێنەکە لە وێنەکەدا نەناسرایەوە: وێنەکە لە تاریکیدا گیراوە، و هەموو وێنە سەرچاوەکانی شوێنەکە هی ڕۆژن
reason-visual_other_landmark = وێنەکە شوێنێکی تر پیشان دەدات: { $landmark }
reason-visual_not_evaluated = وێنەکە لەگەڵ شوێنەکە بەراورد نەکرا

## Status and ending

status-trip = گەشت: { $landmark }، پێش { $deadline } ({ $zone }).
status-arrived = گەشت: گەیشتیتە { $landmark } لە { $time } ({ $zone }).
status-safe = گەشت بۆ { $landmark }: لە { $time } ({ $zone }) وتت کە سەلامەتیت.
status-no-trip = هیچ گەشتێکت نییە.
status-contacts = ئەندامانی خێزان: { $count }
status-last-checkin = دوایین تۆمارکردنی گەیشتن: { $result }
status-result-verified = پشتڕاست کرایەوە
status-result-partial = بەشێکی پشتڕاست کرایەوە
status-result-not_verified = پشتڕاست نەکرایەوە
status-result-rejected = وێنەکە نەپشکنرا
status-result-queued = لە پشکنیندایە
forget-confirm = ئێستا هەموو شتێک دەربارەی تۆ بسڕدرێتەوە؟ گەشتەکەت، تۆمارەکانی گەیشتن و پەیوەندییەکانی خێزان دەسڕدرێنەوە. تەنها بە ئەندامانی خێزانت دەوترێت کە پەیوەندییەکە کۆتایی هات. ئەمە ناگەڕێتەوە.
forget-yes = بەڵێ، هەمووی بسڕەوە
forget-no = نا، بیهێڵەوە
forget-done = هەموو شتێک دەربارەی تۆ سڕایەوە. بۆ دەستپێکردنەوە { "/start" } بنێرە.
forget-kept = هیچ شتێک نەسڕایەوە.

## Errors

unknown-command = ئەم فەرمانە ناناسم. { "/help" } بنێرە بۆ بینینی ئەوەی دەتوانم بیکەم.
not-understood = تێنەگەیشتم. { "/help" } بنێرە بۆ بینینی ئەوەی دەتوانم بیکەم.
unsupported-message = تەنها دەتوانم نووسین، وێنە و لۆکەیشن بخوێنمەوە.
rate-limited = نامەی زۆر. تکایە یەک خولەک چاوەڕێ بکە.
error-generic = هەڵەیەک لە لای ئێمە ڕوویدا. هیچ شتێک ون نەبوو. تکایە دوای یەک خولەک دووبارە هەوڵ بدەرەوە.
