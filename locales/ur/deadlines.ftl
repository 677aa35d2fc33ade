# SafeArrival — اردو (Urdu): deadlines, escalation, duress, NGO alerts
# Review status: machine-written, needs a native reviewer

reminder-deadline = ⏰ آپ نے { $deadline } ({ $zone }) تک { $landmark } پہنچنے کا منصوبہ بنایا تھا۔ کیا آپ محفوظ ہیں؟
reminder-safe = میں محفوظ ہوں
reminder-more-time = مجھے اور وقت چاہیے
reminder-safe-ack = شکریہ۔ جب ہو سکے، تصویر اور اپنی لوکیشن کے ساتھ چیک اِن کریں: { "/checkin" }۔
reminder-more-time-ack = ٹھیک ہے۔ آپ کا نیا وقت { $deadline } ({ $zone }) ہے۔

extend-done = پہنچنے کا آپ کا نیا وقت { $deadline } ({ $zone }) ہے۔
extend-capped = آپ وقت کو { $max } ({ $zone }) سے آگے نہیں بڑھا سکتے۔
extend-usage = { "/extend" } اور ایک وقت لکھیں، جیسے { "/extend 1h" }۔
extend-needs-secret = الرٹ شروع ہو چکے ہیں۔ وقت بدلنے کے لیے { "/extend" }، وقت اور اپنا خفیہ لفظ بھیجیں۔
extend-no-trip = آپ کا کوئی سفر نہیں جس کا وقت بدلا جائے۔

words-intro = آپ دو لفظ رکھ سکتے ہیں۔ خفیہ لفظ، { "/secret" } سے: ثابت کرتا ہے کہ واقعی آپ ہی ہیں۔ خطرے کا لفظ، { "/duress" } سے: اگر کوئی آپ کو چیک اِن پر مجبور کرے تو اسے استعمال کریں۔ ان کو یہ عام لگے گا، لیکن آپ کا خاندان اور { $ngo } جان جائیں گے کہ آپ محفوظ نہیں ہیں۔
words-intro-no-ngo = آپ دو لفظ رکھ سکتے ہیں۔ خفیہ لفظ، { "/secret" } سے: ثابت کرتا ہے کہ واقعی آپ ہی ہیں۔ خطرے کا لفظ، { "/duress" } سے: اگر کوئی آپ کو چیک اِن پر مجبور کرے تو اسے استعمال کریں۔ ان کو یہ عام لگے گا، لیکن آپ کا خاندان جان جائے گا کہ آپ محفوظ نہیں ہیں۔
secret-set = آپ کا خفیہ لفظ محفوظ ہو گیا۔ آپ کی حفاظت کے لیے میں نے آپ کا پیغام مٹا دیا۔
duress-set = آپ کا خطرے کا لفظ محفوظ ہو گیا۔ آپ کی حفاظت کے لیے میں نے آپ کا پیغام مٹا دیا۔
word-usage = کمانڈ اور ایک لفظ لکھیں، جیسے { "/secret tulip" }۔ 4 سے 32 حروف یا ہندسے استعمال کریں۔
words-must-differ = خفیہ لفظ اور خطرے کا لفظ الگ الگ ہونے چاہئیں۔

ngo-consent-question = اگر آپ وقت پر نہ پہنچیں تو کیا ہم { $ngo } کو بھی بتائیں؟ یہ ادارہ سفر میں موجود لوگوں کی مدد کرتا ہے۔ وہ صرف یہ دیکھیں گے: آپ کی طے شدہ جگہ، وقت، آپ کی زبان اور آپ کا آخری چیک اِن۔
ngo-consent-yes = ہاں، انہیں بتائیں
ngo-consent-no = نہیں
ngo-consent-given = ٹھیک ہے۔ اگر آپ وقت پر نہ پہنچے تو { $ngo } کو بتایا جائے گا۔
ngo-consent-refused = ٹھیک ہے۔ صرف آپ کے خاندان کو بتایا جائے گا۔

family-alert-missed =
    ⚠️ { $traveller } نے { $deadline } ({ $zone }) تک { $landmark } پہنچنا تھا اور ابھی تک چیک اِن نہیں کیا۔
    براہ کرم ان سے رابطہ کرنے کی کوشش کریں۔
family-alert-last-checkin = آخری تصدیق شدہ چیک اِن: { $landmark }، { $time } ({ $zone })۔
family-false-alarm = ✅ غلط الرٹ: { $traveller } { $time } ({ $zone }) پر { $landmark } پہنچ گئے۔
family-reported-safe = { $traveller } نے جواب دیا “میں محفوظ ہوں” (یہ تصدیق شدہ چیک اِن نہیں ہے)۔
family-duress =
    ⚠️ { $traveller } نے { $landmark } پر چیک اِن کیا، لیکن اسے محفوظ آمد نہ سمجھیں۔ ہو سکتا ہے وہ آزادی سے بات نہ کر سکیں۔
    ان کے ساتھ چیٹ میں اس بارے میں کچھ نہ لکھیں۔ { $ngo } کو بتا دیا گیا ہے۔
family-duress-no-ngo =
    ⚠️ { $traveller } نے { $landmark } پر چیک اِن کیا، لیکن اسے محفوظ آمد نہ سمجھیں۔ ہو سکتا ہے وہ آزادی سے بات نہ کر سکیں۔
    ان کے ساتھ چیٹ میں اس بارے میں کچھ نہ لکھیں۔

ngo-alert-missed = 🚨 الرٹ { $id }: ایک مسافر نے { $deadline } ({ $zone }) تک { $landmark } پر چیک اِن نہیں کیا۔ زبان: { $language }۔ چینل: { $channel }۔
ngo-alert-duress = 🚨 فوری { $id }: ایک مسافر نے اپنے خطرے کے لفظ کے ساتھ { $landmark } پر چیک اِن کیا۔ زبان: { $language }۔ چینل: { $channel }۔
ngo-alert-resolved = الرٹ { $id } بند ہو گیا: مسافر { $time } ({ $zone }) پر { $landmark } پہنچ گئے۔
cancel-needs-secret = اپنا سفر ختم کرنے کے لیے { "/cancel" } اور اپنا خفیہ لفظ بھیجیں۔
