# SafeArrival — دری (Dari): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = عکس‌هایی که از طریق ربات دیگر فرستاده شوند قبول نیستند. لطفاً یک عکس نو بگیرید و بفرستید.
location-via-bot = موقعیت‌هایی که از طریق ربات دیگر فرستاده شوند قبول نیستند. لطفاً موقعیت خود را بفرستید.
