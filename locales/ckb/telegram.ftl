# SafeArrival — کوردی سۆرانی (Central Kurdish / Sorani): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = وێنەی نێردراو لە ڕێگەی بۆتێکی ترەوە قبووڵ ناکرێت. تکایە وێنەیەکی نوێ بگرە و بینێرە.
location-via-bot = لۆکەیشنی نێردراو لە ڕێگەی بۆتێکی ترەوە قبووڵ ناکرێت. تکایە لۆکەیشنی خۆت بنێرە.
