# SafeArrival — اردو (Urdu): دستخط شدہ تصدیقیں اور خاندانوں کے لیے تصویر کی جانچ
# Review status: machine-written, needs a native reviewer

## A line added to the family's arrival confirmation
proof-family-link = کوئی بھی جانچ سکتا ہے کہ یہ تصدیق اصلی ہے: { $link }
proof-family-code = تصدیقی کوڈ (اس بات کا ثبوت کہ یہ پیغام اصلی ہے): { $code }

## The public check page (GET /c/<code>)
proof-page-title = پہنچنے کی تصدیق جانچیں
proof-valid-heading = ✅ یہ تصدیق اصلی ہے
proof-valid-intro = SafeArrival نے اس پر دستخط کیے ہیں۔ اس میں لکھا ہے:
proof-field-landmark = جگہ
proof-field-time = وقت
proof-time = { $time } ({ $zone })
proof-field-verdict = نتیجہ
proof-verdict-verified = پہنچنے کی تصدیق ہو گئی
proof-verdict-partial = پہنچنا درج ہوا، مگر سب کچھ تصدیق نہیں ہو سکا
proof-verdict-not_verified = تصدیق نہیں ہوئی
proof-verdict-needs_attention = نشانیاں ایک دوسرے سے متضاد تھیں: یہ تصدیق شدہ آمد نہیں
proof-field-reasons = کیا جانچا گیا
proof-field-expires = یہ کوڈ اس وقت تک جانچا جا سکتا ہے
proof-invalid-heading = ✘ درست نہیں
proof-invalid-text = یہ درست تصدیق نہیں ہے: اسے بدلا گیا، گھڑا گیا، کسی ایسی کلید سے دستخط کیا گیا جسے ہم نہیں جانتے، یا اس کی مدت ختم ہو چکی ہے۔ کسی ایسے پیغام یا اسکرین شاٹ پر بھروسہ نہ کریں جو اسے دکھائے۔
proof-limits = یہ صفحہ کوئی نام، تصویر یا مقام نہیں دکھاتا۔ تصدیق بتاتی ہے کہ اس وقت کیا جانچا گیا تھا؛ یہ ثابت نہیں کرتی کہ وہ شخص اب محفوظ ہے۔
proof-rate-limited = آپ کے کنکشن سے بہت زیادہ جانچ ہوئی۔ براہ کرم ایک منٹ انتظار کریں۔

## The families' photo check (/checkphoto)
photocheck-hint = کیا آپ کو کوئی تصویر بھیج کر اس پر یقین کرنے کو کہا گیا ہے؟ { "/checkphoto" } بھیجیں، اور میں اس کے بارے میں جو بتا سکوں گا بتاؤں گا۔
photocheck-howto = مجھے وہ تصویر بھیجیں جو آپ کو بھیجی گئی۔ ہو سکے تو اسے فائل کے طور پر بھیجیں: پھر میں اس میں محفوظ وقت اور جگہ بھی پڑھ سکتا ہوں۔ میں آپ کے یا تصویر کے بارے میں کچھ نہیں رکھتا۔
photocheck-queued = تصویر جانچ رہا ہوں…
photocheck-rate-limited = آپ نے اس گھنٹے بہت سی تصویریں جانچی ہیں۔ مزید جانچنے سے پہلے انتظار کریں۔
photocheck-expired = میں تصویر وقت پر نہیں جانچ سکا۔ براہ کرم { "/checkphoto" } اور تصویر دوبارہ بھیجیں۔
photocheck-header = اس تصویر کے بارے میں میں یہ کہہ سکتا ہوں:
photocheck-landmark = 📍 اس میں { $landmark } نظر آتا ہے۔
photocheck-no-landmark = 📍 اس میں ہماری فہرست کی کوئی جگہ نظر نہیں آتی۔
photocheck-known-reference = ⚠️ یہ { $landmark } کی ایک جانی پہچانی تصویر ہے (ایسی تصویر جو کوئی بھی ڈھونڈ سکتا ہے)، نئی تصویر نہیں۔
photocheck-known-picture = ⚠️ یہ { $landmark } کی ایسی تصویر ہے جو گردش میں ہونے کے لیے جانی جاتی ہے، نئی تصویر نہیں۔
photocheck-known-elsewhere = ⚠️ یہ ایسی تصویر ہے جو گردش میں ہونے کے لیے جانی جاتی ہے، نئی تصویر نہیں۔
photocheck-not-known = یہ ایسی تصویر نہیں جسے ہم جانتے ہوں۔ اس سے یہ ثابت نہیں ہوتا کہ یہ نئی ہے۔
photocheck-no-exif = یہ اپنے وقت اور جگہ کے بغیر آئی (دبی ہوئی تصویر کے طور پر بھیجی گئی، یا وہ ہٹا دیے گئے)۔ انہیں رکھنے کے لیے اسے فائل کے طور پر بھیجیں۔
photocheck-time-fresh = اس کا محفوظ وقت بتاتا ہے کہ یہ آپ کے بھیجنے سے { $minutes } منٹ پہلے لی گئی۔
photocheck-time-stale = اس کا محفوظ وقت بتاتا ہے کہ یہ آپ کے بھیجنے سے { $hours } گھنٹے سے زیادہ پہلے لی گئی: پرانی تصویر۔
photocheck-time-future = اس کا محفوظ وقت مستقبل میں ہے: کیمرے کی گھڑی غلط ہے یا وقت بدلا گیا۔
photocheck-time-missing = اس میں کوئی محفوظ وقت نہیں۔
photocheck-place-fits = اس کی محفوظ جگہ میل کھاتی ہے: { $landmark } سے { $distance } میٹر۔
photocheck-place-far = اس کی محفوظ جگہ میل نہیں کھاتی: { $landmark } سے { $distance } میٹر۔
photocheck-place-at = اس کی محفوظ جگہ { $landmark } پر ہے۔
photocheck-place-elsewhere = اس کی محفوظ جگہ ہماری فہرست کی کسی جگہ پر نہیں۔
photocheck-place-missing = اس میں کوئی محفوظ جگہ نہیں۔
photocheck-cannot = جو تصویر نہیں بتا سکتی: اسے کس نے لیا، کس نے بھیجا، یا یہ کہ وہ شخص محفوظ ہے۔ محفوظ وقت اور جگہ بدلے جا سکتے ہیں۔ صرف وہ شخص خود، اپنے الفاظ میں یا اپنی پہنچ کی تصدیق سے، آپ کو یہ بتا سکتا ہے۔
