# SafeArrival — پښتو (Pashto): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = د بل بوټ له لارې لېږل شوي عکسونه نه منل کېږي. مهرباني وکړئ نوی عکس واخلئ او ویې لېږئ.
location-via-bot = د بل بوټ له لارې لېږل شوي موقعیتونه نه منل کېږي. مهرباني وکړئ خپل موقعیت ولېږئ.
