# SafeArrival — Українська (Ukrainian): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = Фото, надіслані через іншого бота, не зараховуються. Зробіть нове фото і надішліть його, будь ласка.
location-via-bot = Геолокації, надіслані через іншого бота, не зараховуються. Надішліть власну геолокацію, будь ласка.
