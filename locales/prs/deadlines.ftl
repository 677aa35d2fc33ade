# SafeArrival — دری (Dari): deadlines, escalation, duress, NGO alerts
# Review status: machine-written, needs a native reviewer

reminder-deadline = ⏰ پلان شما این بود که تا { $deadline } ({ $zone }) به { $landmark } برسید. آیا در امان هستید؟
reminder-safe = من در امان هستم
reminder-more-time = وقت بیشتر کار دارم
reminder-safe-ack = تشکر. هر وقت توانستید، با عکس و موقعیت خود رسیدن را ثبت کنید: { "/checkin" }.
reminder-more-time-ack = خوب. وقت نو شما { $deadline } ({ $zone }) است.

extend-done = وقت نو رسیدن شما { $deadline } ({ $zone }) است.
extend-capped = وقت را از { $max } ({ $zone }) ناوقت‌تر کرده نمی‌توانید.
extend-usage = { "/extend" } و یک وقت بنویسید، مانند { "/extend 1h" }.
extend-needs-secret = هشدارها شروع شده‌اند. برای تغییر وقت، { "/extend" }، وقت و کلمه رمز خود را بفرستید.
extend-no-trip = سفر ندارید که وقتش را تغییر بدهید.

words-intro = شما دو کلمه را تعیین کرده می‌توانید. کلمه رمز، با { "/secret" }: نشان می‌دهد که واقعاً خود شما هستید. کلمه خطر، با { "/duress" }: اگر کسی شما را مجبور کند که رسیدن را ثبت کنید، از آن استفاده کنید. برای او عادی معلوم می‌شود، اما فامیل شما و { $ngo } می‌فهمند که شما در امان نیستید.
words-intro-no-ngo = شما دو کلمه را تعیین کرده می‌توانید. کلمه رمز، با { "/secret" }: نشان می‌دهد که واقعاً خود شما هستید. کلمه خطر، با { "/duress" }: اگر کسی شما را مجبور کند که رسیدن را ثبت کنید، از آن استفاده کنید. برای او عادی معلوم می‌شود، اما فامیل شما می‌فهمد که شما در امان نیستید.
secret-set = کلمه رمز شما ذخیره شد. برای امنیت شما، پیام شما را پاک کردم.
duress-set = کلمه خطر شما ذخیره شد. برای امنیت شما، پیام شما را پاک کردم.
word-usage = فرمان و یک کلمه بنویسید، مانند { "/secret tulip" }. از ۴ تا ۳۲ حرف یا عدد استفاده کنید.
words-must-differ = کلمه رمز و کلمه خطر باید از هم فرق داشته باشند.

ngo-consent-question = اگر به وقت نرسیدید، آیا به { $ngo } هم خبر بدهیم؟ این موسسه به کسانی که در راه هستند کمک می‌کند. آن‌ها تنها این‌ها را می‌بینند: جایی که پلان داشتید، وقت، زبان شما و آخرین ثبت رسیدن شما.
ngo-consent-yes = بلی، به آن‌ها بگویید
ngo-consent-no = نه
ngo-consent-given = خوب. اگر به وقت نرسید، به { $ngo } خبر داده می‌شود.
ngo-consent-refused = خوب. تنها به فامیل شما خبر داده می‌شود.

family-alert-missed =
    ⚠️ پلان { $traveller } این بود که تا { $deadline } ({ $zone }) به { $landmark } برسد، اما هنوز رسیدن را ثبت نکرده است.
    لطفاً کوشش کنید با او تماس بگیرید.
family-alert-last-checkin = آخرین ثبت رسیدن تأییدشده: { $landmark } در { $time } ({ $zone }).
family-false-alarm = ✅ هشدار اشتباه بود: { $traveller } در { $time } ({ $zone }) به { $landmark } رسید.
family-reported-safe = { $traveller } جواب داد «من در امان هستم» (این یک ثبت رسیدن تأییدشده نیست).
family-duress =
    ⚠️ { $traveller } رسیدن به { $landmark } را ثبت کرد، اما این را رسیدن امن حساب نکنید. شاید او آزاد نباشد که گپ بزند.
    در چت با او در باره این چیزی ننویسید. به { $ngo } خبر داده شده است.
family-duress-no-ngo =
    ⚠️ { $traveller } رسیدن به { $landmark } را ثبت کرد، اما این را رسیدن امن حساب نکنید. شاید او آزاد نباشد که گپ بزند.
    در چت با او در باره این چیزی ننویسید.

ngo-alert-missed = 🚨 هشدار { $id }: یک مسافر تا { $deadline } ({ $zone }) رسیدن به { $landmark } را ثبت نکرد. زبان: { $language }. کانال: { $channel }.
ngo-alert-duress = 🚨 عاجل { $id }: یک مسافر با کلمه خطر خود رسیدن به { $landmark } را ثبت کرد. زبان: { $language }. کانال: { $channel }.
ngo-alert-resolved = هشدار { $id } بسته شد: مسافر در { $time } ({ $zone }) به { $landmark } رسید.
cancel-needs-secret = برای ختم سفر، { "/cancel" } و کلمه رمز خود را بفرستید.
