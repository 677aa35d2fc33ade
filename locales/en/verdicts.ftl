# SafeArrival — English (source language): verdicts, evidence and upgrades
# Review status: written by the project team in plain English; reviewed.

## What the family reads about a check-in that is not a confirmed arrival

family-partial = ⚠️ Not fully confirmed: { $traveller } reports being at { $landmark } ({ $time }, { $zone }), but not everything could be checked.
family-needs-attention = ⚠️ Needs attention: { $traveller } tried to check in at { $landmark } ({ $time }, { $zone }), but the signs contradict each other. This is NOT a confirmed arrival.
family-not-confirmed = Could NOT be confirmed:
family-confirmed = Confirmed:
family-photo-not-recognised = The photo was NOT recognised as { $landmark }: it may show another place.
family-photo-not-recognised-night = The photo was NOT recognised as { $landmark }. It was taken in the dark, and the photos of { $landmark } it was compared with are daylight views: night photos are often not recognised.
family-photo-withheld = The photo is not shown, because this check-in could not be confirmed.

## Upgrading a partial check-in

checkin-upgrade-hint = To confirm it fully, within { $minutes } min send another photo of the place, or share your live location.
family-upgrade-verified = ✅ Update: { $traveller }'s arrival at { $landmark } is now confirmed ({ $time }, { $zone }).
family-upgrade-live = ☑️ Update: { $traveller }'s position at { $landmark } is now confirmed by a live location ({ $time }, { $zone }). The photo is still not recognised as the place.
result-upgrade-verified = ✅ Check-in now verified. Your family contacts get one update.
result-upgrade-live = ☑️ Your live location is confirmed. Your family contacts get one update.
result-upgrade-no-change = This did not confirm more than your earlier check-in, so your family was not told again.

## Results

result-needs-attention = ⚠️ Check-in needs attention: some signs contradict each other. Your family was told that your arrival could NOT be confirmed. Your trip is still open.
status-result-needs_attention = needs attention (not confirmed)

## Evidence, one line each

reason-location_within-live = live location { $distance } from the place
reason-location_within-pin = a pin dropped on the map { $distance } from the place (placed by hand, not measured live)
reason-location_within-exif = the photo's GPS { $distance } from the place (no location was sent)
reason-location_outside-live = live location { $distance } away from the place, too far
reason-location_outside-pin = a pin dropped on the map { $distance } away from the place, too far
reason-location_outside-exif = the photo's GPS { $distance } away from the place, too far
reason-location_via_bot = the location was sent through a bot, not from the phone
reason-photo_gps_agrees = the photo's GPS agrees with the location sent ({ $distance } apart)
reason-photo_gps_contradicts = the photo's GPS is { $distance } away from the location sent: they contradict each other

## Bad input

location-invalid = This location has no usable coordinates. Please send your location again.
photo-unreadable = This is not a photo I can read. Please send a JPEG, PNG or WebP photo.
photo-heic = I cannot read HEIC photos sent as a file. Send it as a photo instead (not as a file), or as a JPEG, PNG or WebP file.
request-too-long = This message is too long: at most { $max } characters. Please send it in shorter parts.
request-invalid = I could not read what was sent. Please check it and try again.
