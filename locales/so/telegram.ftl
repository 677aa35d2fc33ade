# SafeArrival — Soomaali (Somali): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = Sawirrada lagu soo diray bot kale lama aqbalo. Fadlan qaad sawir cusub oo soo dir.
location-via-bot = Goobaha lagu soo diray bot kale lama aqbalo. Fadlan soo dir goobtaada.
