# SafeArrival — Español (Spanish): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = Las fotos enviadas a través de otro bot no valen. Toma una foto nueva y envíala, por favor.
location-via-bot = Las ubicaciones enviadas a través de otro bot no valen. Envía tu propia ubicación, por favor.
