# SafeArrival — پښتو (Pashto, Afghanistan; simple words)
# Review status: machine-written, needs a native reviewer
# Commands and typed examples are placeables ({ "/contact" }) so that Fluent isolates them (FSI/PDI)
# and they show left to right inside right-to-left text.

## Onboarding

language-prompt = خپله ژبه وټاکئ.
language-set = ژبه پښتو ته واړول شوه.
consent-text =
    مخکې له پیل، مهرباني وکړئ دا ولولئ.
    موږ دا ساتو: په چټ کې ستاسو نوم، ستاسو ژبه، ستاسو د رسېدو پلان (ځای او وخت)، ستاسو د وروستي ثبت پایله، او د کورنۍ هغه غړي چې تاسو یې رابولئ.
    عکسونه او موقعیتونه: کتل کېږي، بیا سمدستي پاکېږي (د داسې ثبت وروسته چې یوازې یوه برخه یې تایید شوې، { $minutes } دقیقې نور ساتل کېږي څو تاسو یې بشپړ کړای شئ). ستاسو کورنۍ د عکس یوه کاپي ترلاسه کوي، چې ټول پټ معلومات یې پاک شوي وي.
    څومره وخت: ستاسو د سفر له پای څخه { $days } ورځې وروسته هر څه پاکېږي. د ټولو پاکولو لپاره همدا اوس { "/forget" } ولېږئ.
    څوک یې ویني: یوازې د کورنۍ هغه غړي چې تاسو یې رابولئ. بل هېڅوک نه.
consent-accept = زه موافق یم
consent-decline = نه، مننه
consent-accepted = مننه. بل ګام: د کورنۍ د یوه غړي د رابللو لپاره { "/contact" } ولېږئ.
consent-declined = سمه ده. هېڅ شی خوندي نه شو. که مو نظر بدل شو، { "/start" } ولېږئ.
consent-required = لومړی ولولئ چې موږ ستاسو معلومات څنګه کاروو، او ومنئ یې: { "/start" } ولېږئ.
help =
    زه دا کارونه کولای شم:
    { "/contact" } — د کورنۍ یو غړی رابلل
    { "/contacts" } — د کورنۍ غړي لیدل یا لرې کول
    { "/trip" } — یو ځای ته د رسېدو پلان
    { "/checkin" } — کله چې ورسېدئ، څنګه رسېدل ثبت کړئ
    { "/status" } — ستاسو سفر او وروستی ثبت
    { "/cancel" } — سفر پای ته رسول
    { "/secret" } — پټه کلمه ټاکل
    { "/duress" } — د خطر کلمه ټاکل
    { "/language" } — ژبه بدلول
    { "/forget" } — ستاسو په اړه ټول شیان پاکول

## Family contacts

invite-created =
    دا لینک د کورنۍ یوه غړي ته ولېږئ:
    { $link }
    یوازې یو ځل کار کوي او له { $days } ورځو وروسته پای ته رسېږي.
invite-rate-limited = تاسو د رابللو ډېر لینکونه جوړ کړل. مهرباني وکړئ یو ساعت صبر وکړئ.
invite-preview =
    { $traveller } غواړي چې تاسو په SafeArrival کې د هغه د کورنۍ غړی اوسئ.
    کله چې { $traveller } یوه پلان شوي ځای ته ورسېږي، تاسو ته به له عکس سره یو پیغام راشي.
    موږ یوازې په چټ کې ستاسو نوم او ستاسو ژبه ساتو. هر وخت چې وغواړئ، له { "/contacts" } سره وتلای شئ.
invite-accept = منل
invite-decline = ردول
invite-accepted = وشو. له اوس وروسته به تاسو ته د { $traveller } د رسېدو پیغامونه راځي.
invite-linked = { $contact } اوس ستاسو د کورنۍ غړی دی.
contact-unreachable = زه په واټس‌اپ کې { $contact } ته ونه رسېدم، نو ستاسو پیغامونه ورته نه رسېږي. ترې وغواړئ چې په واټس‌اپ کې ما ته هر پیغام راولېږي، یا یې بیا د { "/contact" } په مرسته راوبولئ.
contact-blocked = زه { $contact } ته ونه رسېدم: کېدای شي ما یې بند کړی وي یا یې خبرې اترې تړلې وي، نو ستاسو پیغامونه ورته نه رسېږي. ترې وغواړئ چې ما ته پیغام راولېږي، یا یې بیا د { "/contact" } په مرسته راوبولئ.
invite-declined = سمه ده. تاسو ته به د { $traveller } پیغامونه نه راځي.
invite-invalid = د رابللو دا لینک نور کار نه کوي. کارول شوی یا ډېر زوړ دی. مهرباني وکړئ نوی لینک وغواړئ.
invite-own = دا ستاسو خپل د رابللو لینک دی. د کورنۍ یوه غړي ته یې ولېږئ.
invite-already-linked = تاسو ته له مخکې د { $traveller } د رسېدو پیغامونه راځي.
redeem-rate-limited = ډېرې هڅې وشوې. مهرباني وکړئ یو ساعت صبر وکړئ.
contacts-none = تاسو تر اوسه د کورنۍ غړی نه لرئ. د یوه غړي د رابللو لپاره { "/contact" } ولېږئ.
contacts-list = ستاسو د کورنۍ غړي:
following-list = تاسو ته د رسېدو پیغامونه له دې کسانو راځي:
contacts-remove = { $name } لرې کړئ
following-leave = د { $name } پیغامونه ودروئ
unlinked-traveller = { $name } لرې شو. هغه ته به نور ستاسو پیغامونه نه ځي.
unlinked-contact = تاسو ته به نور د { $name } پیغامونه نه راځي.
link-ended = له { $name } سره اړیکه پای ته ورسېده. تاسو ته به نور د هغه د رسېدو پیغامونه نه راځي.
link-ended-contact = { $name } ته نور ستاسو د رسېدو پیغامونه نه ځي.

## Trips

trip-choose-landmark = چېرته غواړئ ورسېږئ؟ یو ځای وټاکئ.
trip-choose-deadline = کله غواړئ { $landmark } ته ورسېږئ؟ وټاکئ، یا یو وخت ولیکئ لکه { "45m" }، { "6h" } یا { "1d" } (m = دقیقې، h = ساعتونه، d = ورځې).
trip-deadline-1h = په ۱ ساعت کې
trip-deadline-3h = په ۳ ساعتونو کې
trip-deadline-6h = په ۶ ساعتونو کې
trip-deadline-1d = په ۱ ورځ کې
trip-created =
    سفر خوندي شو: { $landmark }، تر { $deadline } مخکې ({ $zone }).
    کله چې ورسېدئ، { "/checkin" } ولېږئ.
trip-unknown-landmark = زه «{ $id }» ځای نه پېژنم. { "/trip" } ولېږئ او له لست څخه یې وټاکئ.
trip-deadline-invalid = دا وخت مې ونه پوهېد. داسې یې ولیکئ: { "45m" }، { "6h" }، { "1d" } یا { "2026-12-01T18:00" }.
trip-deadline-past = دا وخت تېر شوی دی. مهرباني وکړئ راتلونکی وخت وټاکئ.
trip-deadline-too-far = دا ډېر لرې دی. په ۱۴ ورځو کې یو وخت وټاکئ.
trip-no-landmarks = تر اوسه هېڅ ځای نه دی جوړ شوی. مهرباني وکړئ له هغې موسسې وپوښتئ چې دا خدمت چلوي.
cancel-done = ستاسو سفر پای ته ورسېد.
cancel-none = تاسو سفر نه لرئ.

## Check-in

checkin-howto =
    کله چې { $landmark } ته ورسېدئ:
    ۱. د هغه ځای یو نوی عکس واخلئ.
    ۲. عکس دلته ولېږئ، او خپل موقعیت ولېږئ (لاندې تڼۍ).
    لارښوونه: عکس «د فایل په توګه» ولېږئ، چې د عکس اخیستو وخت وساتل شي.
checkin-location-button = زما موقعیت ولېږه
checkin-no-trip = تاسو تر اوسه سفر نه لرئ. لومړی { "/trip" } ولېږئ.
checkin-need-location = عکس ترلاسه شو. اوس خپل موقعیت ولېږئ.
checkin-need-photo = موقعیت ترلاسه شو. اوس د ځای یو عکس ولېږئ.
checkin-queued = مننه. زه اوس ستاسو عکس او موقعیت ګورم.
photo-forwarded = فارورډ شوي عکسونه نه منل کېږي. مهرباني وکړئ نوی عکس واخلئ او ویې لېږئ.
photo-too-large = دا فایل ډېر لوی دی. حد یې { $mb } MB دی.
photo-too-many-pixels = دا انځور د کتلو لپاره ډېر لوی دی. مهرباني وکړئ د کمرې یو عادي عکس ولېږئ.
photo-truncated = دا عکس خراب یا نیمګړی دی. مهرباني وکړئ بیا یې ولېږئ.
photo-too-small = دا عکس د کتلو لپاره ډېر کوچنی دی. مهرباني وکړئ لوی عکس ولېږئ.
photo-download-failed = دا عکس مې ترلاسه نه کړای شو. مهرباني وکړئ بیا یې ولېږئ.
photo-expired = ستاسو عکس له کتلو مخکې پاک شو. مهرباني وکړئ بیا یې ولېږئ.
location-forwarded = فارورډ شوي موقعیتونه نه منل کېږي. مهرباني وکړئ خپل موقعیت ولېږئ.
location-venue = له نقشې ټاکل شوی ځای نه منل کېږي. مهرباني وکړئ خپل موقعیت ولېږئ.

## Results

result-verified = ✅ ستاسو رسېدل تایید شول. ستاسو د کورنۍ غړو ته خبر ورکول کېږي.
result-partial = ☑️ ستاسو ثبت ومنل شو، خو بشپړ تایید نه شو. ستاسو د کورنۍ غړو ته ویل کېږي چې څه وکتل شول.
result-no-contacts = تاسو تر اوسه د کورنۍ غړی نه لرئ، نو هېچا ته خبر ورنه کړل شو. د یوه غړي د رابللو لپاره { "/contact" } ولېږئ.
result-not-verified = ❌ ستاسو رسېدل تایید نه شول. ستاسو کورنۍ ته خبر ورنه کړل شو.
result-retry = د بیا هڅې لپاره: په { $landmark } کې یو نوی عکس واخلئ او له خپل موقعیت سره یې ولېږئ.
result-details = څه وکتل شول:
result-rejected = ❌ دا عکس مې ونه شو کتلای. ستاسو کورنۍ ته خبر ورنه کړل شو.

family-arrived = ✅ { $traveller } په { $time } ({ $zone }) { $landmark } ته ورسېد.
family-details = څه وکتل شول:
family-photo-unavailable = (عکس نور شته نه دی.)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = عکس نوی دی (مخکې نه دی لیدل شوی)
reason-photo_forwarded = عکس فارورډ شوی و
reason-photo_replay_reference = عکس د هغه ځای یو پېژندل شوی انځور دی، نوی نه دی
reason-photo_replay_earlier = عکس مخکې هم لېږل شوی و
reason-location_forwarded = موقعیت فارورډ شوی و
reason-location_venue = موقعیت له نقشې یو ځای و، اصلي ځای نه و
reason-location_missing = هېڅ موقعیت ترلاسه نه شو
reason-capture_time_fresh = عکس له لېږلو { $minutes } دقیقې مخکې اخیستل شوی
reason-capture_time_stale = عکس له لېږلو { $minutes } دقیقې مخکې اخیستل شوی، ډېر زوړ دی
reason-capture_time_future = د عکس وخت په راتلونکي کې دی
reason-capture_time_missing = د عکس اخیستو وخت نه دی معلوم
reason-visual_match = عکس له ځای سره سمون لري
reason-visual_no_match = په عکس کې ځای ونه پېژندل شو
reason-visual_no_match-night = په عکس کې ځای ونه پېژندل شو: عکس په تیاره کې اخیستل شوی، او د ځای ټول حوالې عکسونه د ورځې دي
reason-visual_other_landmark = عکس بل ځای ښيي: { $landmark }
reason-visual_not_evaluated = عکس له ځای سره پرتله نه شو

## Status and ending

status-trip = سفر: { $landmark }، تر { $deadline } مخکې ({ $zone }).
status-arrived = سفر: په { $time } ({ $zone }) { $landmark } ته ورسېدئ.
status-safe = سفر { $landmark } ته: تاسو په { $time } ({ $zone }) وویل چې خوندي یاست.
status-no-trip = تاسو سفر نه لرئ.
status-contacts = د کورنۍ غړي: { $count }
status-last-checkin = وروستی ثبت: { $result }
status-result-verified = تایید شو
status-result-partial = یوه برخه تایید شوه
status-result-not_verified = تایید نه شو
status-result-rejected = عکس ونه کتل شو
status-result-queued = د کتلو لاندې
forget-confirm = ستاسو په اړه ټول شیان همدا اوس پاک کړو؟ ستاسو سفر، ثبتونه او د کورنۍ اړیکې به پاکې شي. ستاسو د کورنۍ غړو ته به یوازې ویل کېږي چې اړیکه پای ته ورسېده. دا بېرته نه راګرځي.
forget-yes = هو، ټول پاک کړه
forget-no = نه، وې ساته
forget-done = ستاسو په اړه ټول شیان پاک شول. د بیا پیل لپاره { "/start" } ولېږئ.
forget-kept = هېڅ شی پاک نه شو.

## Errors

unknown-command = زه دا امر نه پېژنم. د دې لپاره چې وګورئ زه څه کولای شم، { "/help" } ولېږئ.
not-understood = زه ونه پوهېدم. د دې لپاره چې وګورئ زه څه کولای شم، { "/help" } ولېږئ.
unsupported-message = زه یوازې متن، عکسونه او موقعیتونه لوستلای شم.
rate-limited = ډېر پیغامونه. مهرباني وکړئ یوه دقیقه صبر وکړئ.
error-generic = زموږ له خوا یوه ستونزه پېښه شوه. هېڅ شی ورک نه شو. مهرباني وکړئ یوه دقیقه وروسته بیا هڅه وکړئ.
