# SafeArrival — اردو (Urdu): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = کسی دوسرے بوٹ کے ذریعے بھیجی گئی تصویریں نہیں مانی جاتیں۔ براہ کرم نئی تصویر لیں اور بھیجیں۔
location-via-bot = کسی دوسرے بوٹ کے ذریعے بھیجی گئی لوکیشن نہیں مانی جاتی۔ براہ کرم اپنی لوکیشن بھیجیں۔
