# SafeArrival — English (source language)
# Review status: written by the project team in plain English; reviewed.

## Onboarding

language-prompt = Choose your language.
language-set = Language set to English.
consent-text =
    Before you start, please read this.
    What we keep: your chat name, your language, your planned arrival (place and time), the result of your last check-in, and the family members you invite.
    Photos and locations: checked, then deleted at once (after a check-in that is only partly confirmed, kept { $minutes } min more so that you can complete it). Your family gets a copy of the photo with all hidden data removed.
    How long: everything is deleted { $days } days after your trip ends. Send /forget to delete it all now.
    Who sees it: only the family members you invite. Nobody else.
consent-accept = I agree
consent-decline = No, thanks
consent-accepted = Thank you. Next step: send /contact to invite a family member.
consent-declined = OK. Nothing was saved. Send /start if you change your mind.
consent-required = First read and accept how we use your data: send /start.
help =
    What I can do:
    /contact — invite a family member
    /contacts — see or remove your family members
    /trip — plan your arrival at a place
    /checkin — how to check in when you arrive
    /status — your trip and your last check-in
    /cancel — end your trip
    /secret — set your secret word
    /duress — set your danger word
    /language — change the language
    /forget — delete everything about you

## Family contacts

invite-created =
    Send this link to one family member:
    { $link }
    It works once and ends in { $days } days.
invite-rate-limited = You made many invite links. Please wait one hour.
invite-preview =
    { $traveller } wants you as a family contact on SafeArrival.
    You will get a message when { $traveller } arrives at a planned place, with a photo.
    We keep only your chat name and your language. You can leave at any time with /contacts.
invite-accept = Accept
invite-decline = Decline
invite-accepted = Done. You will now get arrival messages from { $traveller }.
invite-linked = { $contact } is now your family contact.
contact-unreachable = I could not reach { $contact } on WhatsApp, so they are not getting your messages. Ask them to send me any message on WhatsApp, or invite them again with /contact.
contact-blocked = I could not reach { $contact }: they may have blocked me or closed the chat, so they are not getting your messages. Ask them to send me a message, or invite them again with /contact.
invite-declined = OK. You will not get messages from { $traveller }.
invite-invalid = This invite link is not valid any more. It was used or it is too old. Please ask for a new link.
invite-own = This is your own invite link. Send it to a family member.
invite-already-linked = You already get arrival messages from { $traveller }.
redeem-rate-limited = Too many tries. Please wait one hour.
contacts-none = You have no family contacts yet. Send /contact to invite one.
contacts-list = Your family contacts:
following-list = You get arrival messages from:
contacts-remove = Remove { $name }
following-leave = Stop messages from { $name }
unlinked-traveller = { $name } was removed. They will not get your messages any more.
unlinked-contact = You will not get messages from { $name } any more.
link-ended = The link with { $name } has ended. You will not get their arrival messages any more.
link-ended-contact = { $name } stopped getting your arrival messages.

## Trips

trip-choose-landmark = Where do you plan to arrive? Choose a place.
trip-choose-deadline = When do you plan to arrive at { $landmark }? Choose, or type a time like 45m, 6h or 1d.
trip-deadline-1h = In 1 hour
trip-deadline-3h = In 3 hours
trip-deadline-6h = In 6 hours
trip-deadline-1d = In 1 day
trip-created =
    Trip saved: { $landmark }, before { $deadline } ({ $zone }).
    When you arrive, send /checkin.
trip-unknown-landmark = I do not know the place “{ $id }”. Send /trip and choose from the list.
trip-deadline-invalid = I did not understand that time. Type it like 45m, 6h, 1d, or 2026-12-01T18:00.
trip-deadline-past = That time is in the past. Please choose a time in the future.
trip-deadline-too-far = That is too far away. Choose a time within 14 days.
trip-no-landmarks = No places are set up yet. Please ask the organisation that runs this service.
cancel-done = Your trip is ended.
cancel-none = You have no trip.

## Check-in

checkin-howto =
    When you arrive at { $landmark }:
    1. Take a new photo of the place.
    2. Send the photo here, and send your location (button below).
    Tip: send the photo “as a file” to keep the time it was taken.
checkin-location-button = Send my location
checkin-no-trip = You have no trip yet. Send /trip first.
checkin-need-location = Photo received. Now send your location.
checkin-need-photo = Location received. Now send a photo of the place.
checkin-queued = Thank you. I am checking your photo and location now.
photo-forwarded = Forwarded photos do not count. Please take a new photo and send it.
photo-too-large = This file is too big. The limit is { $mb } MB.
photo-too-many-pixels = This image is too large to check. Please send a normal camera photo.
photo-truncated = This photo is damaged or incomplete. Please send it again.
photo-too-small = This photo is too small to check. Please send a bigger photo.
photo-download-failed = I could not receive this photo. Please send it again.
photo-expired = Your photo was deleted before it could be checked. Please send it again.
location-forwarded = Forwarded locations do not count. Please send your own location.
location-venue = A place from the map does not count. Please send your own location.

## Results

result-verified = ✅ Check-in verified. Your family contacts are being told.
result-partial = ☑️ Check-in accepted, not fully verified. Your family contacts are being told what was checked.
result-no-contacts = You have no family contacts yet, so nobody was told. Send /contact to invite one.
result-not-verified = ❌ Check-in not verified. Your family was NOT told.
result-retry = To try again: take a new photo at { $landmark } and send it with your location.
result-details = What was checked:
result-rejected = ❌ I could not check this photo. Your family was NOT told.

family-arrived = ✅ { $traveller } arrived at { $landmark } at { $time } ({ $zone }).
family-details = What was checked:
family-photo-unavailable = (The photo is no longer available.)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = the photo is new (not seen before)
reason-photo_forwarded = the photo was forwarded
reason-photo_replay_reference = the photo is a known picture of the place, not a new one
reason-photo_replay_earlier = the photo was already sent before
reason-location_forwarded = the location was forwarded
reason-location_venue = the location was a place from the map, not a real position
reason-location_missing = no location received
reason-capture_time_fresh = photo taken { $minutes } min before it was sent
reason-capture_time_stale = photo taken { $minutes } min before it was sent, too old
reason-capture_time_future = photo time is in the future
reason-capture_time_missing = photo capture time not available
reason-visual_match = photo matches the place
reason-visual_no_match = photo not recognised as the place
reason-visual_no_match-night = photo not recognised as the place: it was taken in the dark, and the place's reference photos are all daylight views
reason-visual_other_landmark = photo shows another place: { $landmark }
reason-visual_not_evaluated = photo not compared with the place

## Status and ending

status-trip = Trip: { $landmark }, before { $deadline } ({ $zone }).
status-arrived = Trip: arrived at { $landmark } at { $time } ({ $zone }).
status-safe = Trip to { $landmark }: you said you are safe, at { $time } ({ $zone }).
status-no-trip = You have no trip.
status-contacts = Family contacts: { $count }
status-last-checkin = Last check-in: { $result }
status-result-verified = verified
status-result-partial = partly verified
status-result-not_verified = not verified
status-result-rejected = photo could not be checked
status-result-queued = being checked
forget-confirm = Delete everything about you now? Your trip, check-ins and family links will be deleted. Your family contacts will only be told that the link ended. This cannot be undone.
forget-yes = Yes, delete everything
forget-no = No, keep it
forget-done = Everything about you is deleted. Send /start to begin again.
forget-kept = Nothing was deleted.

## Errors

unknown-command = I do not know this command. Send /help to see what I can do.
not-understood = I did not understand. Send /help to see what I can do.
unsupported-message = I can only read text, photos and locations.
rate-limited = Too many messages. Please wait a minute.
error-generic = Something went wrong on our side. Nothing was lost. Please try again in a minute.
