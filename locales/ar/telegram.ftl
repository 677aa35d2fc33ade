# SafeArrival — العربية (Arabic): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = الصور المرسلة عبر بوت آخر لا تُقبل. التقط صورة جديدة وأرسلها من فضلك.
location-via-bot = المواقع المرسلة عبر بوت آخر لا تُقبل. أرسل موقعك أنت من فضلك.
