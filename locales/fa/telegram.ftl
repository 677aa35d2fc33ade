# SafeArrival — فارسی (Persian): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = عکس‌هایی که از طریق ربات دیگری فرستاده شوند قبول نیستند. لطفاً یک عکس تازه بگیرید و بفرستید.
location-via-bot = موقعیت‌هایی که از طریق ربات دیگری فرستاده شوند قبول نیستند. لطفاً موقعیت خودتان را بفرستید.
