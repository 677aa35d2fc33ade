# SafeArrival — Français (French): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = Les photos envoyées par un autre bot ne comptent pas. Prenez une nouvelle photo et envoyez-la, s’il vous plaît.
location-via-bot = Les positions envoyées par un autre bot ne comptent pas. Envoyez votre propre position, s’il vous plaît.
