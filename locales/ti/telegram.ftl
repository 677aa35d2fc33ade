# SafeArrival — ትግርኛ (Tigrinya): Telegram-only messages
# Review status: machine-written, needs a native reviewer

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = ብኻልእ ቦት ዝተላእከ ስእሊ ኣይቅበልን። በጃኹም ሓድሽ ስእሊ ኣልዒልኩም ስደዱ።
location-via-bot = ብኻልእ ቦት ዝተላእከ ሎኬሽን ኣይቅበልን። በጃኹም ናይ ባዕልኹም ሎኬሽን ስደዱ።
