# SafeArrival — فارسی (Persian): deadlines, escalation, duress, NGO alerts
# Review status: machine-written, needs a native reviewer

reminder-deadline = ⏰ قرار بود تا { $deadline } ({ $zone }) به { $landmark } برسید. آیا در امان هستید؟
reminder-safe = من در امان هستم
reminder-more-time = وقت بیشتری لازم دارم
reminder-safe-ack = ممنون. هر وقت توانستید، با عکس و موقعیت خود رسیدن را اعلام کنید: { "/checkin" }.
reminder-more-time-ack = باشه. زمان تازه شما { $deadline } ({ $zone }) است.

extend-done = زمان تازه رسیدن شما { $deadline } ({ $zone }) است.
extend-capped = نمی‌توانید زمان را دیرتر از { $max } ({ $zone }) کنید.
extend-usage = { "/extend" } و یک زمان بنویسید، مثل { "/extend 1h" }.
extend-needs-secret = هشدارها شروع شده‌اند. برای تغییر زمان، { "/extend" }، زمان و کلمه رمز خود را بفرستید.
extend-no-trip = سفری ندارید که زمانش را تغییر دهید.

words-intro = می‌توانید دو کلمه تعیین کنید. کلمه رمز، با { "/secret" }: نشان می‌دهد که واقعاً خود شما هستید. کلمه خطر، با { "/duress" }: اگر کسی شما را مجبور به اعلام رسیدن کرد، از آن استفاده کنید. برای او عادی به نظر می‌رسد، ولی خانواده شما و { $ngo } می‌فهمند که شما در امان نیستید.
words-intro-no-ngo = می‌توانید دو کلمه تعیین کنید. کلمه رمز، با { "/secret" }: نشان می‌دهد که واقعاً خود شما هستید. کلمه خطر، با { "/duress" }: اگر کسی شما را مجبور به اعلام رسیدن کرد، از آن استفاده کنید. برای او عادی به نظر می‌رسد، ولی خانواده شما می‌فهمد که شما در امان نیستید.
secret-set = کلمه رمز شما ذخیره شد. برای امنیت شما، پیام شما را پاک کردم.
duress-set = کلمه خطر شما ذخیره شد. برای امنیت شما، پیام شما را پاک کردم.
word-usage = دستور و یک کلمه بنویسید، مثل { "/secret tulip" }. از ۴ تا ۳۲ حرف یا عدد استفاده کنید.
words-must-differ = کلمه رمز و کلمه خطر باید با هم فرق داشته باشند.

ngo-consent-question = اگر به موقع نرسیدید، آیا به { $ngo } هم خبر بدهیم؟ این سازمان به افرادی که در راه هستند کمک می‌کند. آن‌ها فقط این‌ها را می‌بینند: مکانی که برنامه داشتید، زمان، زبان شما و آخرین اعلام رسیدن شما.
ngo-consent-yes = بله، به آن‌ها بگویید
ngo-consent-no = نه
ngo-consent-given = باشه. اگر به موقع نرسید، به { $ngo } خبر داده می‌شود.
ngo-consent-refused = باشه. فقط به خانواده شما خبر داده می‌شود.

family-alert-missed =
    ⚠️ { $traveller } قرار بود تا { $deadline } ({ $zone }) به { $landmark } برسد و هنوز رسیدن را اعلام نکرده است.
    لطفاً سعی کنید با او تماس بگیرید.
family-alert-last-checkin = آخرین اعلام رسیدن تأییدشده: { $landmark } در { $time } ({ $zone }).
family-false-alarm = ✅ هشدار اشتباه بود: { $traveller } در { $time } ({ $zone }) به { $landmark } رسید.
family-reported-safe = { $traveller } پاسخ داد «من در امان هستم» (این یک اعلام رسیدن تأییدشده نیست).
family-duress =
    ⚠️ { $traveller } رسیدن به { $landmark } را اعلام کرد، اما این را رسیدن امن حساب نکنید. شاید او آزاد نباشد که حرف بزند.
    در گفتگو با او درباره این چیزی ننویسید. به { $ngo } خبر داده شده است.
family-duress-no-ngo =
    ⚠️ { $traveller } رسیدن به { $landmark } را اعلام کرد، اما این را رسیدن امن حساب نکنید. شاید او آزاد نباشد که حرف بزند.
    در گفتگو با او درباره این چیزی ننویسید.

ngo-alert-missed = 🚨 هشدار { $id }: یک مسافر تا { $deadline } ({ $zone }) رسیدن به { $landmark } را اعلام نکرد. زبان: { $language }. کانال: { $channel }.
ngo-alert-duress = 🚨 فوری { $id }: یک مسافر با کلمه خطر خود رسیدن به { $landmark } را اعلام کرد. زبان: { $language }. کانال: { $channel }.
ngo-alert-resolved = هشدار { $id } بسته شد: مسافر در { $time } ({ $zone }) به { $landmark } رسید.
cancel-needs-secret = برای پایان دادن به سفر، { "/cancel" } و کلمه رمز خود را بفرستید.
