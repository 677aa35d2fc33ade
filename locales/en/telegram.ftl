# SafeArrival — English (source language): Telegram-only messages
# Review status: written by the project team in plain English; reviewed.

## Check-in parts sent through an inline bot (Telegram's via_bot): not the sender's own evidence

photo-via-bot = Photos sent through another bot do not count. Please take a new photo and send it.
location-via-bot = Locations sent through another bot do not count. Please send your own location.
