# SafeArrival — English (source language): deadlines, escalation, duress, NGO alerts
# Review status: written by the project team in plain English; reviewed.

reminder-deadline = ⏰ You planned to arrive at { $landmark } by { $deadline } ({ $zone }). Are you safe?
reminder-safe = I am safe
reminder-more-time = I need more time
reminder-safe-ack = Thank you. When you can, check in with a photo and your location: /checkin.
reminder-more-time-ack = OK. Your new time is { $deadline } ({ $zone }).

extend-done = Your new time to arrive is { $deadline } ({ $zone }).
extend-capped = You cannot move the time later than { $max } ({ $zone }).
extend-usage = Type /extend and a time, like /extend 1h.
extend-needs-secret = Alerts have started. To move the time, send /extend, the time and your secret word.
extend-no-trip = You have no trip to move.

words-intro = You can set two words. Secret word, with /secret: proves it is really you. Danger word, with /duress: use it if someone forces you to check in. It looks normal to them, but your family and { $ngo } will know you are not safe.
words-intro-no-ngo = You can set two words. Secret word, with /secret: proves it is really you. Danger word, with /duress: use it if someone forces you to check in. It looks normal to them, but your family will know you are not safe.
secret-set = Your secret word is saved. For your safety I deleted your message.
duress-set = Your danger word is saved. For your safety I deleted your message.
word-usage = Type the command and one word, like /secret tulip. Use 4 to 32 letters or digits.
words-must-differ = The secret word and the danger word must be different.

ngo-consent-question = If you do not arrive in time, may we also tell { $ngo }, an organisation that helps people on the move? They will see only: the place you planned, the time, your language and your last check-in.
ngo-consent-yes = Yes, tell them
ngo-consent-no = No
ngo-consent-given = OK. { $ngo } will be told if you do not arrive in time.
ngo-consent-refused = OK. Only your family will be told.

family-alert-missed =
    ⚠️ { $traveller } planned to arrive at { $landmark } by { $deadline } ({ $zone }) and has not checked in.
    Please try to contact them.
family-alert-last-checkin = Last verified check-in: { $landmark } at { $time } ({ $zone }).
family-false-alarm = ✅ False alarm: { $traveller } arrived at { $landmark } at { $time } ({ $zone }).
family-reported-safe = { $traveller } answered “I am safe” (this is not a verified check-in).
family-duress =
    ⚠️ { $traveller } checked in at { $landmark }, but do NOT treat this as a safe arrival. They may not be free to speak.
    Do not write about this in the chat with them. { $ngo } has been told.
family-duress-no-ngo =
    ⚠️ { $traveller } checked in at { $landmark }, but do NOT treat this as a safe arrival. They may not be free to speak.
    Do not write about this in the chat with them.

ngo-alert-missed = 🚨 Alert { $id }: a traveller did not check in at { $landmark } by { $deadline } ({ $zone }). Language: { $language }. Channel: { $channel }.
ngo-alert-duress = 🚨 URGENT { $id }: a traveller checked in at { $landmark } with their danger word. Language: { $language }. Channel: { $channel }.
ngo-alert-resolved = Alert { $id } is closed: the traveller arrived at { $landmark } at { $time } ({ $zone }).
cancel-needs-secret = To end your trip, send /cancel and your secret word.
