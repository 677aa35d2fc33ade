# SafeArrival — اردو (Urdu): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ پوری طرح تصدیق نہیں ہوئی: { $traveller } کہتے ہیں کہ وہ { $landmark } پر ہیں ({ $time }، { $zone })، لیکن سب کچھ جانچا نہیں جا سکا۔
family-needs-attention = ⚠️ توجہ درکار: { $traveller } نے { $landmark } پر چیک اِن کرنے کی کوشش کی ({ $time }، { $zone })، لیکن نشانیاں ایک دوسرے سے ٹکراتی ہیں۔ یہ تصدیق شدہ آمد نہیں ہے۔
family-not-confirmed = تصدیق نہیں ہو سکی:
family-confirmed = تصدیق ہوئی:
family-photo-not-recognised = تصویر کو { $landmark } کے طور پر نہیں پہچانا گیا: ہو سکتا ہے یہ کوئی اور جگہ دکھاتی ہو۔
family-photo-not-recognised-night = تصویر کو { $landmark } کے طور پر نہیں پہچانا گیا۔ یہ اندھیرے میں لی گئی، اور { $landmark } کی جن تصاویر سے اس کا موازنہ ہوا وہ دن کی ہیں: رات کی تصاویر اکثر پہچانی نہیں جاتیں۔
family-photo-withheld = تصویر نہیں دکھائی گئی، کیونکہ اس چیک اِن کی تصدیق نہیں ہو سکی۔
checkin-upgrade-hint = پوری تصدیق کے لیے { $minutes } منٹ کے اندر جگہ کی ایک اور تصویر بھیجیں، یا اپنی لائیو لوکیشن شیئر کریں۔
family-upgrade-verified = ✅ تازہ خبر: { $traveller } کی { $landmark } پر آمد کی اب تصدیق ہو گئی ({ $time }، { $zone })۔
family-upgrade-live = ☑️ تازہ خبر: { $landmark } پر { $traveller } کی موجودگی کی اب لائیو لوکیشن سے تصدیق ہو گئی ({ $time }، { $zone })۔ تصویر کو اب بھی اس جگہ کے طور پر نہیں پہچانا گیا۔
result-upgrade-verified = ✅ چیک اِن کی اب تصدیق ہو گئی۔ آپ کے خاندان کو ایک تازہ خبر ملے گی۔
result-upgrade-live = ☑️ آپ کی لائیو لوکیشن کی تصدیق ہو گئی۔ آپ کے خاندان کو ایک تازہ خبر ملے گی۔
result-upgrade-no-change = اس سے آپ کے پچھلے چیک اِن سے زیادہ کچھ تصدیق نہیں ہوا، اس لیے آپ کے خاندان کو دوبارہ نہیں بتایا گیا۔
result-needs-attention = ⚠️ چیک اِن پر توجہ درکار ہے: کچھ نشانیاں ایک دوسرے سے ٹکراتی ہیں۔ آپ کے خاندان کو بتایا گیا کہ آپ کی آمد کی تصدیق نہیں ہو سکی۔ آپ کا سفر ابھی کھلا ہے۔
status-result-needs_attention = توجہ درکار (تصدیق نہیں ہوئی)
reason-location_within-live = لائیو لوکیشن جگہ سے { $distance } کے فاصلے پر
reason-location_within-pin = نقشے پر لگایا گیا پن جگہ سے { $distance } کے فاصلے پر (ہاتھ سے لگایا گیا، لائیو ناپا نہیں گیا)
reason-location_within-exif = تصویر کا GPS جگہ سے { $distance } کے فاصلے پر (کوئی لوکیشن نہیں بھیجی گئی)
reason-location_outside-live = لائیو لوکیشن جگہ سے { $distance } دور، بہت دور
reason-location_outside-pin = نقشے پر لگایا گیا پن جگہ سے { $distance } دور، بہت دور
reason-location_outside-exif = تصویر کا GPS جگہ سے { $distance } دور، بہت دور
reason-location_via_bot = لوکیشن کسی بوٹ کے ذریعے بھیجی گئی، فون سے نہیں
reason-photo_gps_agrees = تصویر کا GPS بھیجی گئی لوکیشن سے ملتا ہے ({ $distance } کا فرق)
reason-photo_gps_contradicts = تصویر کا GPS بھیجی گئی لوکیشن سے { $distance } دور ہے: دونوں ایک دوسرے سے ٹکراتے ہیں
location-invalid = اس لوکیشن میں قابلِ استعمال کوآرڈینیٹس نہیں ہیں۔ براہ کرم اپنی لوکیشن دوبارہ بھیجیں۔
photo-unreadable = یہ ایسی تصویر نہیں جو میں پڑھ سکوں۔ براہ کرم JPEG، PNG یا WebP تصویر بھیجیں۔
photo-heic = فائل کے طور پر بھیجی گئی HEIC تصاویر میں نہیں پڑھ سکتا۔ اسے تصویر کے طور پر بھیجیں (فائل کے طور پر نہیں)، یا JPEG، PNG یا WebP فائل کے طور پر۔
request-too-long = یہ پیغام بہت لمبا ہے: زیادہ سے زیادہ { $max } حروف۔ براہ کرم اسے چھوٹے حصوں میں بھیجیں۔
request-invalid = جو بھیجا گیا وہ میں پڑھ نہیں سکا۔ اسے جانچیں اور دوبارہ کوشش کریں۔
