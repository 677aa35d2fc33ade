# SafeArrival — اردو (Urdu, Pakistan; simple words)
# Review status: machine-written, needs a native reviewer
# Commands and typed examples are placeables ({ "/contact" }) so that Fluent isolates them (FSI/PDI)
# and they show left to right inside right-to-left text. Digits: Western (0-9), as in Pakistan.

## Onboarding

language-prompt = اپنی زبان چنیں۔
language-set = زبان اردو کر دی گئی۔
consent-text =
    شروع کرنے سے پہلے، براہ کرم یہ پڑھیں۔
    ہم کیا رکھتے ہیں: چیٹ میں آپ کا نام، آپ کی زبان، آپ کی منصوبہ بند آمد (جگہ اور وقت)، آپ کی آخری چیک اِن کا نتیجہ، اور خاندان کے وہ لوگ جنہیں آپ دعوت دیں۔
    تصویریں اور لوکیشن: جانچ کے بعد فوراً مٹا دی جاتی ہیں (صرف جزوی طور پر تصدیق شدہ چیک اِن کے بعد { $minutes } منٹ مزید رکھی جاتی ہیں تاکہ آپ اسے مکمل کر سکیں)۔ آپ کے خاندان کو تصویر کی ایک کاپی ملتی ہے، جس سے سارا چھپا ہوا ڈیٹا ہٹا دیا گیا ہو۔
    کتنی دیر: آپ کا سفر ختم ہونے کے { $days } دن بعد سب کچھ مٹا دیا جاتا ہے۔ ابھی سب کچھ مٹانے کے لیے { "/forget" } بھیجیں۔
    کون دیکھتا ہے: صرف خاندان کے وہ لوگ جنہیں آپ دعوت دیں۔ کوئی اور نہیں۔
consent-accept = میں متفق ہوں
consent-decline = نہیں، شکریہ
consent-accepted = شکریہ۔ اگلا قدم: خاندان کے کسی فرد کو دعوت دینے کے لیے { "/contact" } بھیجیں۔
consent-declined = ٹھیک ہے۔ کچھ بھی محفوظ نہیں ہوا۔ اگر آپ کا ارادہ بدلے تو { "/start" } بھیجیں۔
consent-required = پہلے پڑھیں اور مانیں کہ ہم آپ کا ڈیٹا کیسے استعمال کرتے ہیں: { "/start" } بھیجیں۔
help =
    میں یہ کر سکتا ہوں:
    { "/contact" } — خاندان کے کسی فرد کو دعوت دیں
    { "/contacts" } — اپنے خاندان کے لوگ دیکھیں یا ہٹائیں
    { "/trip" } — کسی جگہ پہنچنے کا منصوبہ بنائیں
    { "/checkin" } — پہنچنے پر چیک اِن کیسے کریں
    { "/status" } — آپ کا سفر اور آخری چیک اِن
    { "/cancel" } — اپنا سفر ختم کریں
    { "/secret" } — اپنا خفیہ لفظ رکھیں
    { "/duress" } — اپنا خطرے کا لفظ رکھیں
    { "/language" } — زبان بدلیں
    { "/forget" } — اپنے بارے میں سب کچھ مٹا دیں

## Family contacts

invite-created =
    یہ لنک خاندان کے ایک فرد کو بھیجیں:
    { $link }
    یہ ایک بار کام کرتا ہے اور { $days } دن میں ختم ہو جاتا ہے۔
invite-rate-limited = آپ نے بہت سے دعوتی لنک بنائے۔ براہ کرم ایک گھنٹہ انتظار کریں۔
invite-preview =
    { $traveller } چاہتے ہیں کہ آپ SafeArrival پر ان کے خاندان کے رابطہ بنیں۔
    جب { $traveller } کسی طے شدہ جگہ پہنچیں گے تو آپ کو تصویر کے ساتھ پیغام ملے گا۔
    ہم صرف چیٹ میں آپ کا نام اور آپ کی زبان رکھتے ہیں۔ آپ کسی بھی وقت { "/contacts" } سے نکل سکتے ہیں۔
invite-accept = قبول کریں
invite-decline = انکار کریں
invite-accepted = ہو گیا۔ اب آپ کو { $traveller } کے پہنچنے کے پیغام ملیں گے۔
invite-linked = { $contact } اب آپ کے خاندان کا رابطہ ہے۔
contact-unreachable = میں واٹس ایپ پر { $contact } تک نہیں پہنچ سکا، اس لیے انہیں آپ کے پیغام نہیں مل رہے۔ ان سے کہیں کہ مجھے واٹس ایپ پر کوئی بھی پیغام بھیجیں، یا { "/contact" } سے انہیں دوبارہ مدعو کریں۔
contact-blocked = میں { $contact } تک نہیں پہنچ سکا: شاید انہوں نے مجھے بلاک کر دیا ہے یا چیٹ بند کر دی ہے، اس لیے انہیں آپ کے پیغام نہیں مل رہے۔ ان سے کہیں کہ مجھے پیغام بھیجیں، یا { "/contact" } سے انہیں دوبارہ مدعو کریں۔
invite-declined = ٹھیک ہے۔ آپ کو { $traveller } کے پیغام نہیں ملیں گے۔
invite-invalid = یہ دعوتی لنک اب کام نہیں کرتا۔ یہ استعمال ہو چکا ہے یا بہت پرانا ہے۔ براہ کرم نیا لنک مانگیں۔
invite-own = یہ آپ کا اپنا دعوتی لنک ہے۔ اسے خاندان کے کسی فرد کو بھیجیں۔
invite-already-linked = آپ کو پہلے سے { $traveller } کے پہنچنے کے پیغام ملتے ہیں۔
redeem-rate-limited = بہت زیادہ کوششیں۔ براہ کرم ایک گھنٹہ انتظار کریں۔
contacts-none = ابھی آپ کے خاندان کا کوئی رابطہ نہیں ہے۔ کسی کو دعوت دینے کے لیے { "/contact" } بھیجیں۔
contacts-list = آپ کے خاندان کے رابطے:
following-list = آپ کو ان کے پہنچنے کے پیغام ملتے ہیں:
contacts-remove = { $name } کو ہٹائیں
following-leave = { $name } کے پیغام بند کریں
unlinked-traveller = { $name } کو ہٹا دیا گیا۔ انہیں اب آپ کے پیغام نہیں ملیں گے۔
unlinked-contact = آپ کو اب { $name } کے پیغام نہیں ملیں گے۔
link-ended = { $name } کے ساتھ رابطہ ختم ہو گیا۔ آپ کو اب ان کے پہنچنے کے پیغام نہیں ملیں گے۔
link-ended-contact = { $name } کو اب آپ کے پہنچنے کے پیغام نہیں ملتے۔

## Trips

trip-choose-landmark = آپ کہاں پہنچنا چاہتے ہیں؟ ایک جگہ چنیں۔
trip-choose-deadline = آپ { $landmark } کب پہنچنا چاہتے ہیں؟ چنیں، یا وقت لکھیں جیسے { "45m" }، { "6h" } یا { "1d" } (m = منٹ، h = گھنٹے، d = دن)۔
trip-deadline-1h = 1 گھنٹے میں
trip-deadline-3h = 3 گھنٹے میں
trip-deadline-6h = 6 گھنٹے میں
trip-deadline-1d = 1 دن میں
trip-created =
    سفر محفوظ ہو گیا: { $landmark }، { $deadline } سے پہلے ({ $zone })۔
    پہنچنے پر { "/checkin" } بھیجیں۔
trip-unknown-landmark = میں جگہ “{ $id }” کو نہیں جانتا۔ { "/trip" } بھیجیں اور فہرست میں سے چنیں۔
trip-deadline-invalid = میں یہ وقت نہیں سمجھا۔ اسے ایسے لکھیں: { "45m" }، { "6h" }، { "1d" } یا { "2026-12-01T18:00" }۔
trip-deadline-past = یہ وقت گزر چکا ہے۔ براہ کرم آنے والا وقت چنیں۔
trip-deadline-too-far = یہ بہت دور ہے۔ 14 دن کے اندر کا وقت چنیں۔
trip-no-landmarks = ابھی کوئی جگہ شامل نہیں کی گئی۔ براہ کرم اس ادارے سے پوچھیں جو یہ سروس چلاتا ہے۔
cancel-done = آپ کا سفر ختم ہو گیا۔
cancel-none = آپ کا کوئی سفر نہیں ہے۔

## Check-in

checkin-howto =
    جب آپ { $landmark } پہنچیں:
    1. اس جگہ کی ایک نئی تصویر لیں۔
    2. تصویر یہاں بھیجیں، اور اپنی لوکیشن بھیجیں (نیچے والا بٹن)۔
    مشورہ: تصویر “فائل کے طور پر” بھیجیں تاکہ تصویر لینے کا وقت محفوظ رہے۔
checkin-location-button = میری لوکیشن بھیجیں
checkin-no-trip = ابھی آپ کا کوئی سفر نہیں ہے۔ پہلے { "/trip" } بھیجیں۔
checkin-need-location = تصویر مل گئی۔ اب اپنی لوکیشن بھیجیں۔
checkin-need-photo = لوکیشن مل گئی۔ اب اس جگہ کی تصویر بھیجیں۔
checkin-queued = شکریہ۔ میں ابھی آپ کی تصویر اور لوکیشن جانچ رہا ہوں۔
photo-forwarded = فارورڈ کی گئی تصویریں نہیں مانی جاتیں۔ براہ کرم نئی تصویر لیں اور بھیجیں۔
photo-too-large = یہ فائل بہت بڑی ہے۔ حد { $mb } MB ہے۔
photo-too-many-pixels = یہ تصویر جانچنے کے لیے بہت بڑی ہے۔ براہ کرم کیمرے کی عام تصویر بھیجیں۔
photo-truncated = یہ تصویر خراب یا ادھوری ہے۔ براہ کرم دوبارہ بھیجیں۔
photo-too-small = یہ تصویر جانچنے کے لیے بہت چھوٹی ہے۔ براہ کرم بڑی تصویر بھیجیں۔
photo-download-failed = مجھے یہ تصویر نہیں مل سکی۔ براہ کرم دوبارہ بھیجیں۔
photo-expired = آپ کی تصویر جانچ سے پہلے مٹ گئی۔ براہ کرم دوبارہ بھیجیں۔
location-forwarded = فارورڈ کی گئی لوکیشن نہیں مانی جاتی۔ براہ کرم اپنی لوکیشن بھیجیں۔
location-venue = نقشے سے چنی گئی جگہ نہیں مانی جاتی۔ براہ کرم اپنی لوکیشن بھیجیں۔

## Results

result-verified = ✅ چیک اِن کی تصدیق ہو گئی۔ آپ کے خاندان کو بتایا جا رہا ہے۔
result-partial = ☑️ چیک اِن مان لیا گیا، لیکن پوری تصدیق نہیں ہوئی۔ آپ کے خاندان کو بتایا جا رہا ہے کہ کیا جانچا گیا۔
result-no-contacts = ابھی آپ کے خاندان کا کوئی رابطہ نہیں، اس لیے کسی کو نہیں بتایا گیا۔ کسی کو دعوت دینے کے لیے { "/contact" } بھیجیں۔
result-not-verified = ❌ چیک اِن کی تصدیق نہیں ہوئی۔ آپ کے خاندان کو نہیں بتایا گیا۔
result-retry = دوبارہ کوشش کے لیے: { $landmark } پر نئی تصویر لیں اور اپنی لوکیشن کے ساتھ بھیجیں۔
result-details = کیا جانچا گیا:
result-rejected = ❌ میں یہ تصویر نہیں جانچ سکا۔ آپ کے خاندان کو نہیں بتایا گیا۔

family-arrived = ✅ { $traveller } { $time } ({ $zone }) پر { $landmark } پہنچ گئے۔
family-details = کیا جانچا گیا:
family-photo-unavailable = (تصویر اب موجود نہیں ہے۔)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = تصویر نئی ہے (پہلے نہیں دیکھی گئی)
reason-photo_forwarded = تصویر فارورڈ کی گئی تھی
reason-photo_replay_reference = تصویر اس جگہ کی ایک جانی پہچانی تصویر ہے، نئی نہیں
reason-photo_replay_earlier = تصویر پہلے بھی بھیجی جا چکی تھی
reason-location_forwarded = لوکیشن فارورڈ کی گئی تھی
reason-location_venue = لوکیشن نقشے سے چنی گئی جگہ تھی، اصل جگہ نہیں
reason-location_missing = کوئی لوکیشن نہیں ملی
reason-capture_time_fresh = تصویر بھیجنے سے { $minutes } منٹ پہلے لی گئی
reason-capture_time_stale = تصویر بھیجنے سے { $minutes } منٹ پہلے لی گئی، بہت پرانی
reason-capture_time_future = تصویر کا وقت آنے والے وقت میں ہے
reason-capture_time_missing = تصویر لینے کا وقت معلوم نہیں
reason-visual_match = تصویر جگہ سے ملتی ہے
reason-visual_no_match = تصویر میں جگہ پہچانی نہیں گئی
reason-visual_no_match-night = تصویر میں جگہ پہچانی نہیں گئی: تصویر اندھیرے میں لی گئی، اور اس جگہ کی سب حوالہ تصاویر دن کی ہیں
reason-visual_other_landmark = تصویر میں کوئی اور جگہ ہے: { $landmark }
reason-visual_not_evaluated = تصویر کا جگہ سے موازنہ نہیں ہوا

## Status and ending

status-trip = سفر: { $landmark }، { $deadline } سے پہلے ({ $zone })۔
status-arrived = سفر: { $time } ({ $zone }) پر { $landmark } پہنچ گئے۔
status-safe = { $landmark } کا سفر: آپ نے { $time } ({ $zone }) پر بتایا کہ آپ محفوظ ہیں۔
status-no-trip = آپ کا کوئی سفر نہیں ہے۔
status-contacts = خاندان کے رابطے: { $count }
status-last-checkin = آخری چیک اِن: { $result }
status-result-verified = تصدیق ہو گئی
status-result-partial = کچھ تصدیق ہوئی
status-result-not_verified = تصدیق نہیں ہوئی
status-result-rejected = تصویر جانچی نہیں جا سکی
status-result-queued = جانچ ہو رہی ہے
forget-confirm = کیا ابھی آپ کے بارے میں سب کچھ مٹا دیں؟ آپ کا سفر، چیک اِن اور خاندان کے رابطے مٹ جائیں گے۔ آپ کے خاندان کو صرف یہ بتایا جائے گا کہ رابطہ ختم ہو گیا۔ یہ واپس نہیں ہو سکتا۔
forget-yes = ہاں، سب کچھ مٹا دیں
forget-no = نہیں، رہنے دیں
forget-done = آپ کے بارے میں سب کچھ مٹ گیا۔ دوبارہ شروع کرنے کے لیے { "/start" } بھیجیں۔
forget-kept = کچھ نہیں مٹایا گیا۔

## Errors

unknown-command = میں یہ کمانڈ نہیں جانتا۔ میں کیا کر سکتا ہوں، یہ دیکھنے کے لیے { "/help" } بھیجیں۔
not-understood = میں نہیں سمجھا۔ میں کیا کر سکتا ہوں، یہ دیکھنے کے لیے { "/help" } بھیجیں۔
unsupported-message = میں صرف لکھائی، تصویریں اور لوکیشن پڑھ سکتا ہوں۔
rate-limited = بہت زیادہ پیغامات۔ براہ کرم ایک منٹ انتظار کریں۔
error-generic = ہماری طرف کچھ غلط ہو گیا۔ کچھ ضائع نہیں ہوا۔ براہ کرم ایک منٹ بعد دوبارہ کوشش کریں۔
