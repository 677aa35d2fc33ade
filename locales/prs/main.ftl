# SafeArrival — دری (Dari, Afghanistan; simple words)
# Review status: machine-written, needs a native reviewer
# Commands and typed examples are placeables ({ "/contact" }) so that Fluent isolates them (FSI/PDI)
# and they show left to right inside right-to-left text. Missing messages fall back to Persian (fa), then English.

## Onboarding

language-prompt = زبان خود را انتخاب کنید.
language-set = زبان به دری تنظیم شد.
consent-text =
    پیش از شروع، لطفاً این را بخوانید.
    چیزهایی که نگه می‌داریم: نام شما در چت، زبان شما، رسیدن پلان‌شده شما (جای و وقت)، نتیجه آخرین ثبت رسیدن شما، و اعضای فامیل که دعوت می‌کنید.
    عکس‌ها و موقعیت‌ها: بررسی می‌شوند و فوراً پاک می‌شوند (بعد از ثبت رسیدنی که فقط یک بخش آن تأیید شده، { $minutes } دقیقه بیشتر نگه داشته می‌شوند تا بتوانید آن را پوره کنید). فامیل شما یک کاپی عکس را می‌گیرد که همه معلومات پنهان آن پاک شده است.
    چقدر وقت: همه چیز { $days } روز بعد از ختم سفر شما پاک می‌شود. برای پاک کردن همه چیز همین حالا { "/forget" } را بفرستید.
    کی آن را می‌بیند: تنها اعضای فامیل که دعوت می‌کنید. هیچ کس دیگر نه.
consent-accept = موافق هستم
consent-decline = نه، تشکر
consent-accepted = تشکر. قدم بعدی: { "/contact" } را بفرستید تا یک عضو فامیل را دعوت کنید.
consent-declined = خوب. هیچ چیز ذخیره نشد. اگر فکر تان تغییر کرد، { "/start" } را بفرستید.
consent-required = اول بخوانید که با معلومات شما چه می‌کنیم و آن را قبول کنید: { "/start" } را بفرستید.
help =
    کارهایی که کرده می‌توانم:
    { "/contact" } — دعوت یک عضو فامیل
    { "/contacts" } — دیدن یا حذف اعضای فامیل
    { "/trip" } — پلان رسیدن به یک جای
    { "/checkin" } — وقتی رسیدید، چطور رسیدن را ثبت کنید
    { "/status" } — سفر شما و آخرین ثبت رسیدن
    { "/cancel" } — ختم سفر
    { "/secret" } — تعیین کلمه رمز
    { "/duress" } — تعیین کلمه خطر
    { "/language" } — تغییر زبان
    { "/forget" } — پاک کردن همه چیز در باره شما

## Family contacts

invite-created =
    این لینک را به یک عضو فامیل بفرستید:
    { $link }
    تنها یک بار کار می‌کند و بعد از { $days } روز ختم می‌شود.
invite-rate-limited = شما لینک‌های دعوت زیاد ساختید. لطفاً یک ساعت صبر کنید.
invite-preview =
    { $traveller } می‌خواهد شما عضو فامیل او در SafeArrival باشید.
    وقتی { $traveller } به یک جای پلان‌شده برسد، یک پیام با عکس می‌گیرید.
    ما تنها نام شما در چت و زبان شما را نگه می‌داریم. هر وقت بخواهید با { "/contacts" } بیرون شده می‌توانید.
invite-accept = قبول
invite-decline = رد
invite-accepted = شد. از حالا پیام‌های رسیدن { $traveller } را می‌گیرید.
invite-linked = { $contact } حالا عضو فامیل شما در این خدمت است.
contact-unreachable = نتوانستم در واتس‌اپ به { $contact } دسترسی پیدا کنم، بنابراین پیام‌های شما به او نمی‌رسد. از او بخواهید در واتس‌اپ هر پیامی برایم روان کند، یا دوباره با { "/contact" } دعوتش کنید.
contact-blocked = نتوانستم به { $contact } دسترسی پیدا کنم: شاید مرا بند کرده یا گفتگو را بسته است، بنابراین پیام‌های شما به او نمی‌رسد. از او بخواهید برایم پیامی روان کند، یا دوباره با { "/contact" } دعوتش کنید.
invite-declined = خوب. از { $traveller } پیام نمی‌گیرید.
invite-invalid = این لینک دعوت دیگر اعتبار ندارد. استفاده شده یا بسیار کهنه است. لطفاً یک لینک نو بخواهید.
invite-own = این لینک دعوت خود شما است. آن را به یک عضو فامیل بفرستید.
invite-already-linked = شما از قبل پیام‌های رسیدن { $traveller } را می‌گیرید.
redeem-rate-limited = کوشش‌های زیاد شد. لطفاً یک ساعت صبر کنید.
contacts-none = هنوز هیچ عضو فامیل ندارید. برای دعوت { "/contact" } را بفرستید.
contacts-list = اعضای فامیل شما:
following-list = پیام‌های رسیدن را از این کسان می‌گیرید:
contacts-remove = حذف { $name }
following-leave = بند کردن پیام‌های { $name }
unlinked-traveller = { $name } حذف شد. دیگر پیام‌های شما را نمی‌گیرد.
unlinked-contact = دیگر از { $name } پیام نمی‌گیرید.
link-ended = ارتباط با { $name } ختم شد. دیگر پیام‌های رسیدن او را نمی‌گیرید.
link-ended-contact = { $name } دیگر پیام‌های رسیدن شما را نمی‌گیرد.

## Trips

trip-choose-landmark = کجا می‌خواهید برسید؟ یک جای را انتخاب کنید.
trip-choose-deadline = چه وقت می‌خواهید به { $landmark } برسید؟ انتخاب کنید، یا وقتی مانند { "45m" }، { "6h" } یا { "1d" } بنویسید (m = دقیقه، h = ساعت، d = روز).
trip-deadline-1h = تا ۱ ساعت دیگر
trip-deadline-3h = تا ۳ ساعت دیگر
trip-deadline-6h = تا ۶ ساعت دیگر
trip-deadline-1d = تا ۱ روز دیگر
trip-created =
    سفر ذخیره شد: { $landmark }، پیش از { $deadline } ({ $zone }).
    وقتی رسیدید، { "/checkin" } را بفرستید.
trip-unknown-landmark = جای «{ $id }» را نمی‌شناسم. { "/trip" } را بفرستید و از لست انتخاب کنید.
trip-deadline-invalid = این وقت را نفهمیدم. آن را این طور بنویسید: { "45m" }، { "6h" }، { "1d" } یا { "2026-12-01T18:00" }.
trip-deadline-past = این وقت گذشته است. لطفاً یک وقت در آینده انتخاب کنید.
trip-deadline-too-far = این بسیار دور است. یک وقت در ۱۴ روز آینده انتخاب کنید.
trip-no-landmarks = هنوز هیچ جای تعریف نشده است. لطفاً از موسسه‌ای که این خدمت را پیش می‌برد بپرسید.
cancel-done = سفر شما ختم شد.
cancel-none = شما سفر ندارید.

## Check-in

checkin-howto =
    وقتی به { $landmark } رسیدید:
    ۱. یک عکس نو از آن جای بگیرید.
    ۲. عکس را اینجا بفرستید، و موقعیت خود را بفرستید (دکمه پایین).
    مشوره: عکس را «به شکل فایل» بفرستید تا وقت گرفتن عکس حفظ شود.
checkin-location-button = فرستادن موقعیت من
checkin-no-trip = هنوز سفر ندارید. اول { "/trip" } را بفرستید.
checkin-need-location = عکس رسید. حالا موقعیت خود را بفرستید.
checkin-need-photo = موقعیت رسید. حالا یک عکس از آن جای بفرستید.
checkin-queued = تشکر. حالا عکس و موقعیت شما را بررسی می‌کنم.
photo-forwarded = عکس‌های فارورد شده قبول نیستند. لطفاً یک عکس نو بگیرید و بفرستید.
photo-too-large = این فایل بسیار کلان است. حد اکثر { $mb } مگابایت.
photo-too-many-pixels = این تصویر برای بررسی بسیار کلان است. لطفاً یک عکس عادی کمره بفرستید.
photo-truncated = این عکس خراب یا ناقص است. لطفاً دوباره بفرستید.
photo-too-small = این عکس برای بررسی بسیار خورد است. لطفاً یک عکس کلان‌تر بفرستید.
photo-download-failed = این عکس را گرفته نتوانستم. لطفاً دوباره بفرستید.
photo-expired = عکس شما پیش از بررسی پاک شد. لطفاً دوباره بفرستید.
location-forwarded = موقعیت‌های فارورد شده قبول نیستند. لطفاً موقعیت خود را بفرستید.
location-venue = جایی که از نقشه انتخاب شود قبول نیست. لطفاً موقعیت خود را بفرستید.

## Results

result-verified = ✅ رسیدن شما تأیید شد. به اعضای فامیل شما خبر داده می‌شود.
result-partial = ☑️ ثبت رسیدن قبول شد، اما پوره تأیید نشد. به اعضای فامیل شما گفته می‌شود که چه چیز بررسی شد.
result-no-contacts = هنوز هیچ عضو فامیل ندارید، پس به کسی خبر داده نشد. برای دعوت { "/contact" } را بفرستید.
result-not-verified = ❌ رسیدن شما تأیید نشد. به فامیل شما خبر داده نشد.
result-retry = برای کوشش دوباره: یک عکس نو در { $landmark } بگیرید و آن را با موقعیت خود بفرستید.
result-details = چه چیز بررسی شد:
result-rejected = ❌ این عکس را بررسی کرده نتوانستم. به فامیل شما خبر داده نشد.

family-arrived = ✅ { $traveller } در { $time } ({ $zone }) به { $landmark } رسید.
family-details = چه چیز بررسی شد:
family-photo-unavailable = (عکس دیگر موجود نیست.)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = عکس نو است (پیش از این دیده نشده)
reason-photo_forwarded = عکس فارورد شده بود
reason-photo_replay_reference = عکس یک تصویر شناخته‌شده از آن جای است، نه یک عکس نو
reason-photo_replay_earlier = عکس پیش از این فرستاده شده بود
reason-location_forwarded = موقعیت فارورد شده بود
reason-location_venue = موقعیت یک جای از نقشه بود، نه جای واقعی
reason-location_missing = هیچ موقعیت نرسید
reason-capture_time_fresh = عکس { $minutes } دقیقه پیش از فرستادن گرفته شده
reason-capture_time_stale = عکس { $minutes } دقیقه پیش از فرستادن گرفته شده، بسیار کهنه است
reason-capture_time_future = وقت عکس در آینده است
reason-capture_time_missing = وقت گرفتن عکس معلوم نیست
reason-visual_match = عکس با آن جای برابر است
reason-visual_no_match = جای در عکس شناخته نشد
reason-visual_no_match-night = جای در عکس شناخته نشد: عکس در تاریکی گرفته شده و همه عکس‌های مرجع آن جای روزانه هستند
reason-visual_other_landmark = عکس یک جای دیگر را نشان می‌دهد: { $landmark }
reason-visual_not_evaluated = عکس با آن جای مقایسه نشد

## Status and ending

status-trip = سفر: { $landmark }، پیش از { $deadline } ({ $zone }).
status-arrived = سفر: در { $time } ({ $zone }) به { $landmark } رسیدید.
status-safe = سفر به { $landmark }: در { $time } ({ $zone }) گفتید که در امان هستید.
status-no-trip = شما سفر ندارید.
status-contacts = اعضای فامیل: { $count }
status-last-checkin = آخرین ثبت رسیدن: { $result }
status-result-verified = تأیید شد
status-result-partial = یک بخش تأیید شد
status-result-not_verified = تأیید نشد
status-result-rejected = عکس بررسی نشد
status-result-queued = زیر بررسی
forget-confirm = همین حالا همه چیز در باره شما پاک شود؟ سفر، ثبت‌های رسیدن و ارتباط‌های فامیلی شما پاک می‌شوند. به اعضای فامیل تنها گفته می‌شود که ارتباط ختم شد. این کار پس گرفته نمی‌شود.
forget-yes = بلی، همه را پاک کن
forget-no = نه، نگه دار
forget-done = همه چیز در باره شما پاک شد. برای شروع دوباره { "/start" } را بفرستید.
forget-kept = هیچ چیز پاک نشد.

## Errors

unknown-command = این فرمان را نمی‌شناسم. برای دیدن کارهایی که کرده می‌توانم { "/help" } را بفرستید.
not-understood = نفهمیدم. برای دیدن کارهایی که کرده می‌توانم { "/help" } را بفرستید.
unsupported-message = من تنها متن، عکس و موقعیت را خوانده می‌توانم.
rate-limited = پیام‌های بسیار زیاد. لطفاً یک دقیقه صبر کنید.
error-generic = از طرف ما یک مشکل پیش آمد. هیچ چیز از بین نرفت. لطفاً یک دقیقه بعد دوباره کوشش کنید.
