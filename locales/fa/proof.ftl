# SafeArrival — فارسی (Persian): تأییدهای امضاشده و بررسی عکس برای خانواده‌ها
# Review status: machine-written, needs a native reviewer

## A line added to the family's arrival confirmation
proof-family-link = هر کسی می‌تواند بررسی کند که این تأیید واقعی است: { $link }
proof-family-code = کد تأیید (مدرکی که این پیام واقعی است): { $code }

## The public check page (GET /c/<code>)
proof-page-title = بررسی تأیید رسیدن
proof-valid-heading = ✅ این تأیید واقعی است
proof-valid-intro = SafeArrival آن را امضا کرده است. در آن آمده:
proof-field-landmark = مکان
proof-field-time = زمان
proof-time = { $time } ({ $zone })
proof-field-verdict = نتیجه
proof-verdict-verified = رسیدن تأیید شد
proof-verdict-partial = رسیدن ثبت شد، اما همه چیز تأیید نشد
proof-verdict-not_verified = تأیید نشد
proof-verdict-needs_attention = نشانه‌ها با هم تناقض داشتند: رسیدن تأییدشده نیست
proof-field-reasons = چه چیزهایی بررسی شد
proof-field-expires = این کد تا این زمان قابل بررسی است
proof-invalid-heading = ✘ نامعتبر
proof-invalid-text = این یک تأیید معتبر نیست: تغییر داده شده، ساختگی است، با کلیدی که نمی‌شناسیم امضا شده، یا منقضی شده است. به پیام یا اسکرین‌شاتی که آن را نشان می‌دهد اعتماد نکنید.
proof-limits = این صفحه هیچ نام، عکس یا موقعیتی نشان نمی‌دهد. یک تأیید می‌گوید در آن زمان چه چیزی بررسی شد؛ ثابت نمی‌کند که آن شخص اکنون در امان است.
proof-rate-limited = بررسی‌های زیادی از اتصال شما انجام شده است. لطفاً یک دقیقه صبر کنید.

## The families' photo check (/checkphoto)
photocheck-hint = عکسی برایتان فرستاده‌اند و می‌خواهند باور کنید؟ { "/checkphoto" } را بفرستید تا آنچه می‌توانم درباره‌اش بگویم.
photocheck-howto = عکسی را که برایتان فرستاده‌اند برایم بفرستید. اگر می‌توانید آن را به صورت فایل بفرستید: آن وقت زمان و مکان ذخیره‌شده در آن را هم می‌توانم بخوانم. هیچ چیزی درباره شما یا عکس نگه نمی‌دارم.
photocheck-queued = در حال بررسی عکس…
photocheck-rate-limited = در این ساعت عکس‌های زیادی بررسی کرده‌اید. لطفاً پیش از بررسی عکس‌های بیشتر صبر کنید.
photocheck-expired = نتوانستم عکس را به موقع بررسی کنم. لطفاً دوباره { "/checkphoto" } و عکس را بفرستید.
photocheck-header = آنچه درباره این عکس می‌توانم بگویم:
photocheck-landmark = 📍 { $landmark } را نشان می‌دهد.
photocheck-no-landmark = 📍 هیچ مکانی از فهرست ما را نشان نمی‌دهد.
photocheck-known-reference = ⚠️ این یک تصویر شناخته‌شده از { $landmark } است (تصویری که هر کسی می‌تواند پیدا کند)، نه یک عکس تازه.
photocheck-known-picture = ⚠️ این تصویری از { $landmark } است که معلوم است دست به دست می‌شود، نه یک عکس تازه.
photocheck-known-elsewhere = ⚠️ این تصویری است که معلوم است دست به دست می‌شود، نه یک عکس تازه.
photocheck-not-known = این تصویری نیست که ما بشناسیم. این ثابت نمی‌کند که تازه است.
photocheck-no-exif = بدون زمان و مکانش رسیده است (به صورت عکس فشرده فرستاده شده، یا آن‌ها حذف شده‌اند). برای نگه داشتن آن‌ها، آن را به صورت فایل بفرستید.
photocheck-time-fresh = زمان ذخیره‌شده‌اش می‌گوید { $minutes } دقیقه پیش از آنکه شما بفرستید گرفته شده است.
photocheck-time-stale = زمان ذخیره‌شده‌اش می‌گوید بیش از { $hours } ساعت پیش از آنکه شما بفرستید گرفته شده است: یک عکس قدیمی.
photocheck-time-future = زمان ذخیره‌شده‌اش در آینده است: ساعت دوربین اشتباه است یا زمان تغییر داده شده است.
photocheck-time-missing = زمان ذخیره‌شده‌ای ندارد.
photocheck-place-fits = مکان ذخیره‌شده‌اش جور است: { $distance } متر از { $landmark }.
photocheck-place-far = مکان ذخیره‌شده‌اش جور نیست: { $distance } متر از { $landmark }.
photocheck-place-at = مکان ذخیره‌شده‌اش در { $landmark } است.
photocheck-place-elsewhere = مکان ذخیره‌شده‌اش در هیچ یک از مکان‌های فهرست ما نیست.
photocheck-place-missing = مکان ذخیره‌شده‌ای ندارد.
photocheck-cannot = آنچه یک عکس نمی‌تواند بگوید: چه کسی آن را گرفته، چه کسی آن را فرستاده، یا اینکه آن شخص در امان است. زمان و مکان ذخیره‌شده را می‌شود تغییر داد. فقط خود آن شخص، با حرف خودش یا ثبت رسیدن خودش، می‌تواند این را به شما بگوید.
