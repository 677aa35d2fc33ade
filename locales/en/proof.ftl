# SafeArrival — English: signed arrival confirmations and the families' photo check

## A line added to the family's arrival confirmation
proof-family-link = Anyone can check that this confirmation is genuine: { $link }
proof-family-code = Confirmation code (proof that this message is genuine): { $code }

## The public check page (GET /c/<code>)
proof-page-title = Check an arrival confirmation
proof-valid-heading = ✅ This confirmation is genuine
proof-valid-intro = SafeArrival signed it. It says:
proof-field-landmark = Place
proof-field-time = Time
proof-time = { $time } ({ $zone })
proof-field-verdict = Result
proof-verdict-verified = arrival verified
proof-verdict-partial = checked in, not everything could be verified
proof-verdict-not_verified = not verified
proof-verdict-needs_attention = the signs contradicted each other: not a confirmed arrival
proof-field-reasons = What was checked
proof-field-expires = This code can be checked until
proof-invalid-heading = ✘ Not valid
proof-invalid-text = This is not a valid confirmation: it was changed, made up, signed with a key we do not know, or it has expired. Do not trust a message or a screenshot that shows it.
proof-limits = This page shows no name, no photo and no position. A confirmation says what was checked at that time; it does not prove that the person is safe now.
proof-rate-limited = Too many checks from your connection. Please wait a minute.

## The families' photo check (/checkphoto)
photocheck-hint = Were you sent a photo and asked to believe it? Send /checkphoto and I will tell you what I can about it.
photocheck-howto = Send me the photo you were sent. Send it as a file if you can: then I can also read the time and place stored in it. I keep nothing about you or the photo.
photocheck-queued = Checking the photo…
photocheck-rate-limited = You checked many photos this hour. Please wait before you check more.
photocheck-expired = I could not check the photo in time. Please send /checkphoto and the photo again.
photocheck-header = What I can say about this photo:
photocheck-landmark = 📍 It shows { $landmark }.
photocheck-no-landmark = 📍 It does not show any place in our list.
photocheck-known-reference = ⚠️ It is a known picture of { $landmark } (a picture anyone can find), not a new photo.
photocheck-known-picture = ⚠️ It is a picture of { $landmark } that is known to be passed around, not a new photo.
photocheck-known-elsewhere = ⚠️ It is a picture known to be passed around, not a new photo.
photocheck-not-known = It is not a picture we know. That does not prove that it is new.
photocheck-no-exif = It came without its time and place (sent as a compressed photo, or they were removed). Send it as a file to keep them.
photocheck-time-fresh = Its stored time says it was taken { $minutes } min before you sent it.
photocheck-time-stale = Its stored time says it was taken more than { $hours } hours before you sent it: an old photo.
photocheck-time-future = Its stored time is in the future: the camera clock is wrong or the time was changed.
photocheck-time-missing = It has no stored time.
photocheck-place-fits = Its stored place fits: { $distance } m from { $landmark }.
photocheck-place-far = Its stored place does not fit: { $distance } m from { $landmark }.
photocheck-place-at = Its stored place is at { $landmark }.
photocheck-place-elsewhere = Its stored place is not at any place in our list.
photocheck-place-missing = It has no stored place.
photocheck-cannot = What a photo cannot tell: who took it, who sent it, or that the person is safe. Stored times and places can be changed. Only the person, in their own words or with their own check-in, can tell you that.
