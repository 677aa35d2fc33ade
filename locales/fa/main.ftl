# SafeArrival — فارسی (Persian, Iran; simple words)
# Review status: machine-written, needs a native reviewer
# Commands and typed examples are placeables ({ "/contact" }) so that Fluent isolates them (FSI/PDI)
# and they show left to right inside right-to-left text.

## Onboarding

language-prompt = زبان خود را انتخاب کنید.
language-set = زبان روی فارسی تنظیم شد.
consent-text =
    پیش از شروع، لطفاً این را بخوانید.
    آنچه نگه می‌داریم: نام شما در گفتگو، زبان شما، رسیدن برنامه‌ریزی‌شده شما (مکان و زمان)، نتیجه آخرین اعلام رسیدن شما، و اعضای خانواده‌ای که دعوت می‌کنید.
    عکس‌ها و موقعیت‌ها: بررسی می‌شوند و بلافاصله پاک می‌شوند (پس از اعلام رسیدنی که فقط بخشی از آن تأیید شده، { $minutes } دقیقه بیشتر نگه داشته می‌شوند تا بتوانید آن را کامل کنید). خانواده شما یک نسخه از عکس را می‌گیرد که همه داده‌های پنهان آن پاک شده است.
    چه مدت: همه چیز { $days } روز بعد از پایان سفر شما پاک می‌شود. برای پاک کردن همه چیز همین حالا { "/forget" } را بفرستید.
    چه کسی آن را می‌بیند: فقط اعضای خانواده‌ای که دعوت می‌کنید. هیچ کس دیگر.
consent-accept = موافقم
consent-decline = نه، ممنون
consent-accepted = ممنون. قدم بعدی: { "/contact" } را بفرستید تا یک عضو خانواده را دعوت کنید.
consent-declined = باشه. چیزی ذخیره نشد. اگر نظرتان عوض شد، { "/start" } را بفرستید.
consent-required = اول بخوانید که با داده‌های شما چه می‌کنیم و آن را بپذیرید: { "/start" } را بفرستید.
help =
    کارهایی که می‌توانم انجام دهم:
    { "/contact" } — دعوت از یک عضو خانواده
    { "/contacts" } — دیدن یا حذف اعضای خانواده
    { "/trip" } — برنامه‌ریزی رسیدن به یک مکان
    { "/checkin" } — وقتی رسیدید، چطور رسیدن را اعلام کنید
    { "/status" } — سفر شما و آخرین اعلام رسیدن
    { "/cancel" } — پایان دادن به سفر
    { "/secret" } — تعیین کلمه رمز
    { "/duress" } — تعیین کلمه خطر
    { "/language" } — تغییر زبان
    { "/forget" } — پاک کردن همه چیز درباره شما

## Family contacts

invite-created =
    این لینک را برای یک عضو خانواده بفرستید:
    { $link }
    فقط یک بار کار می‌کند و بعد از { $days } روز تمام می‌شود.
invite-rate-limited = شما لینک‌های دعوت زیادی ساختید. لطفاً یک ساعت صبر کنید.
invite-preview =
    { $traveller } می‌خواهد شما عضو خانواده او در SafeArrival باشید.
    وقتی { $traveller } به یک مکان برنامه‌ریزی‌شده برسد، یک پیام با عکس می‌گیرید.
    ما فقط نام شما در گفتگو و زبان شما را نگه می‌داریم. هر وقت بخواهید می‌توانید با { "/contacts" } خارج شوید.
invite-accept = قبول
invite-decline = رد
invite-accepted = انجام شد. از حالا پیام‌های رسیدن { $traveller } را می‌گیرید.
invite-linked = { $contact } حالا عضو خانواده شما در این سرویس است.
contact-unreachable = نتوانستم در واتس‌اپ به { $contact } دسترسی پیدا کنم، بنابراین پیام‌های شما به او نمی‌رسد. از او بخواهید در واتس‌اپ هر پیامی برای من بفرستد، یا دوباره با { "/contact" } دعوتش کنید.
contact-blocked = نتوانستم به { $contact } دسترسی پیدا کنم: شاید مرا مسدود کرده یا گفتگو را بسته است، بنابراین پیام‌های شما به او نمی‌رسد. از او بخواهید برای من پیامی بفرستد، یا دوباره با { "/contact" } دعوتش کنید.
invite-declined = باشه. از { $traveller } پیامی نمی‌گیرید.
invite-invalid = این لینک دعوت دیگر معتبر نیست. استفاده شده یا خیلی قدیمی است. لطفاً یک لینک جدید بخواهید.
invite-own = این لینک دعوت خود شماست. آن را برای یک عضو خانواده بفرستید.
invite-already-linked = شما همین حالا پیام‌های رسیدن { $traveller } را می‌گیرید.
redeem-rate-limited = تلاش‌های زیادی شد. لطفاً یک ساعت صبر کنید.
contacts-none = هنوز هیچ عضو خانواده‌ای ندارید. برای دعوت { "/contact" } را بفرستید.
contacts-list = اعضای خانواده شما:
following-list = پیام‌های رسیدن را از این افراد می‌گیرید:
contacts-remove = حذف { $name }
following-leave = قطع پیام‌های { $name }
unlinked-traveller = { $name } حذف شد. دیگر پیام‌های شما را نمی‌گیرد.
unlinked-contact = دیگر از { $name } پیامی نمی‌گیرید.
link-ended = ارتباط با { $name } تمام شد. دیگر پیام‌های رسیدن او را نمی‌گیرید.
link-ended-contact = { $name } دیگر پیام‌های رسیدن شما را نمی‌گیرد.

## Trips

trip-choose-landmark = کجا می‌خواهید برسید؟ یک مکان انتخاب کنید.
trip-choose-deadline = کی می‌خواهید به { $landmark } برسید؟ انتخاب کنید، یا زمانی مثل { "45m" }، { "6h" } یا { "1d" } بنویسید (m = دقیقه، h = ساعت، d = روز).
trip-deadline-1h = تا ۱ ساعت دیگر
trip-deadline-3h = تا ۳ ساعت دیگر
trip-deadline-6h = تا ۶ ساعت دیگر
trip-deadline-1d = تا ۱ روز دیگر
trip-created =
    سفر ذخیره شد: { $landmark }، پیش از { $deadline } ({ $zone }).
    وقتی رسیدید، { "/checkin" } را بفرستید.
trip-unknown-landmark = مکان «{ $id }» را نمی‌شناسم. { "/trip" } را بفرستید و از فهرست انتخاب کنید.
trip-deadline-invalid = این زمان را نفهمیدم. آن را این طور بنویسید: { "45m" }، { "6h" }، { "1d" } یا { "2026-12-01T18:00" }.
trip-deadline-past = این زمان گذشته است. لطفاً زمانی در آینده انتخاب کنید.
trip-deadline-too-far = این خیلی دور است. زمانی در ۱۴ روز آینده انتخاب کنید.
trip-no-landmarks = هنوز هیچ مکانی تعریف نشده است. لطفاً از سازمانی که این سرویس را اداره می‌کند بپرسید.
cancel-done = سفر شما تمام شد.
cancel-none = شما سفری ندارید.

## Check-in

checkin-howto =
    وقتی به { $landmark } رسیدید:
    ۱. یک عکس تازه از آن مکان بگیرید.
    ۲. عکس را اینجا بفرستید، و موقعیت خود را بفرستید (دکمه پایین).
    نکته: عکس را «به صورت فایل» بفرستید تا زمان گرفتن عکس حفظ شود.
checkin-location-button = فرستادن موقعیت من
checkin-no-trip = هنوز سفری ندارید. اول { "/trip" } را بفرستید.
checkin-need-location = عکس رسید. حالا موقعیت خود را بفرستید.
checkin-need-photo = موقعیت رسید. حالا یک عکس از آن مکان بفرستید.
checkin-queued = ممنون. دارم عکس و موقعیت شما را بررسی می‌کنم.
photo-forwarded = عکس‌های بازفرستاده قبول نیستند. لطفاً یک عکس تازه بگیرید و بفرستید.
photo-too-large = این فایل خیلی بزرگ است. حداکثر { $mb } مگابایت.
photo-too-many-pixels = این تصویر برای بررسی خیلی بزرگ است. لطفاً یک عکس معمولی از دوربین بفرستید.
photo-truncated = این عکس خراب یا ناقص است. لطفاً دوباره بفرستید.
photo-too-small = این عکس برای بررسی خیلی کوچک است. لطفاً یک عکس بزرگ‌تر بفرستید.
photo-download-failed = نتوانستم این عکس را دریافت کنم. لطفاً دوباره بفرستید.
photo-expired = عکس شما پیش از بررسی پاک شد. لطفاً دوباره بفرستید.
location-forwarded = موقعیت‌های بازفرستاده قبول نیستند. لطفاً موقعیت خودتان را بفرستید.
location-venue = مکانی که از نقشه انتخاب شود قبول نیست. لطفاً موقعیت خودتان را بفرستید.

## Results

result-verified = ✅ رسیدن شما تأیید شد. به اعضای خانواده شما خبر داده می‌شود.
result-partial = ☑️ اعلام رسیدن پذیرفته شد، ولی کامل تأیید نشد. به اعضای خانواده شما گفته می‌شود چه چیزی بررسی شد.
result-no-contacts = هنوز هیچ عضو خانواده‌ای ندارید، پس به کسی خبر داده نشد. برای دعوت { "/contact" } را بفرستید.
result-not-verified = ❌ رسیدن شما تأیید نشد. به خانواده شما خبر داده نشد.
result-retry = برای تلاش دوباره: یک عکس تازه در { $landmark } بگیرید و آن را با موقعیت خود بفرستید.
result-details = چه چیزی بررسی شد:
result-rejected = ❌ نتوانستم این عکس را بررسی کنم. به خانواده شما خبر داده نشد.

family-arrived = ✅ { $traveller } در { $time } ({ $zone }) به { $landmark } رسید.
family-details = چه چیزی بررسی شد:
family-photo-unavailable = (عکس دیگر در دسترس نیست.)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = عکس تازه است (پیش‌تر دیده نشده)
reason-photo_forwarded = عکس بازفرستاده شده بود
reason-photo_replay_reference = عکس یک تصویر شناخته‌شده از آن مکان است، نه یک عکس تازه
reason-photo_replay_earlier = عکس پیش‌تر فرستاده شده بود
reason-location_forwarded = موقعیت بازفرستاده شده بود
reason-location_venue = موقعیت یک مکان از نقشه بود، نه جای واقعی
reason-location_missing = هیچ موقعیتی نرسید
reason-capture_time_fresh = عکس { $minutes } دقیقه پیش از فرستادن گرفته شده
reason-capture_time_stale = عکس { $minutes } دقیقه پیش از فرستادن گرفته شده، خیلی قدیمی است
reason-capture_time_future = زمان عکس در آینده است
reason-capture_time_missing = زمان گرفتن عکس معلوم نیست
reason-visual_match = عکس با آن مکان جور است
reason-visual_no_match = مکان در عکس شناخته نشد
reason-visual_no_match-night = مکان در عکس شناخته نشد: عکس در تاریکی گرفته شده و همه عکس‌های مرجع آن مکان روزانه‌اند
reason-visual_other_landmark = عکس مکان دیگری را نشان می‌دهد: { $landmark }
reason-visual_not_evaluated = عکس با آن مکان مقایسه نشد

## Status and ending

status-trip = سفر: { $landmark }، پیش از { $deadline } ({ $zone }).
status-arrived = سفر: در { $time } ({ $zone }) به { $landmark } رسیدید.
status-safe = سفر به { $landmark }: در { $time } ({ $zone }) گفتید که در امان هستید.
status-no-trip = شما سفری ندارید.
status-contacts = اعضای خانواده: { $count }
status-last-checkin = آخرین اعلام رسیدن: { $result }
status-result-verified = تأیید شد
status-result-partial = بخشی تأیید شد
status-result-not_verified = تأیید نشد
status-result-rejected = عکس بررسی نشد
status-result-queued = در حال بررسی
forget-confirm = همین حالا همه چیز درباره شما پاک شود؟ سفر، اعلام‌های رسیدن و ارتباط‌های خانوادگی شما پاک می‌شوند. به اعضای خانواده فقط گفته می‌شود که ارتباط تمام شد. این کار برگشت ندارد.
forget-yes = بله، همه را پاک کن
forget-no = نه، نگه دار
forget-done = همه چیز درباره شما پاک شد. برای شروع دوباره { "/start" } را بفرستید.
forget-kept = چیزی پاک نشد.

## Errors

unknown-command = این دستور را نمی‌شناسم. برای دیدن کارهایی که می‌توانم انجام دهم { "/help" } را بفرستید.
not-understood = نفهمیدم. برای دیدن کارهایی که می‌توانم انجام دهم { "/help" } را بفرستید.
unsupported-message = من فقط متن، عکس و موقعیت را می‌توانم بخوانم.
rate-limited = پیام‌های خیلی زیاد. لطفاً یک دقیقه صبر کنید.
error-generic = مشکلی از طرف ما پیش آمد. چیزی از دست نرفت. لطفاً یک دقیقه بعد دوباره امتحان کنید.
