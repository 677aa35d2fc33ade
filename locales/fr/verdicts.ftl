# SafeArrival — Français (French): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ Pas entièrement confirmé : { $traveller } indique être à { $landmark } ({ $time }, { $zone }), mais tout n’a pas pu être vérifié.
family-needs-attention = ⚠️ À vérifier : { $traveller } a essayé de signaler son arrivée à { $landmark } ({ $time }, { $zone }), mais les indices se contredisent. Ce n’est PAS une arrivée confirmée.
family-not-confirmed = N’a PAS pu être confirmé :
family-confirmed = Confirmé :
family-photo-not-recognised = La photo n’a PAS été reconnue comme { $landmark } : elle montre peut-être un autre lieu.
family-photo-not-recognised-night = La photo n'a PAS été reconnue comme { $landmark }. Elle a été prise dans l'obscurité, et les photos de { $landmark } auxquelles elle a été comparée sont prises de jour : une photo de nuit n'est souvent pas reconnue.
family-photo-withheld = La photo n’est pas montrée, car cette arrivée n’a pas pu être confirmée.
checkin-upgrade-hint = Pour la confirmer entièrement, dans les { $minutes } min, envoyez une autre photo du lieu ou partagez votre position en direct.
family-upgrade-verified = ✅ Mise à jour : l’arrivée de { $traveller } à { $landmark } est maintenant confirmée ({ $time }, { $zone }).
family-upgrade-live = ☑️ Mise à jour : la position de { $traveller } à { $landmark } est maintenant confirmée par une position en direct ({ $time }, { $zone }). La photo n’est toujours pas reconnue comme le lieu.
result-upgrade-verified = ✅ Arrivée maintenant vérifiée. Vos contacts familiaux reçoivent une seule mise à jour.
result-upgrade-live = ☑️ Votre position en direct est confirmée. Vos contacts familiaux reçoivent une seule mise à jour.
result-upgrade-no-change = Cela n’a pas confirmé plus que votre arrivée précédente : votre famille n’a pas été prévenue une deuxième fois.
result-needs-attention = ⚠️ Arrivée à vérifier : certains indices se contredisent. Votre famille a appris que votre arrivée n’a PAS pu être confirmée. Votre trajet reste ouvert.
status-result-needs_attention = à vérifier (non confirmé)
reason-location_within-live = position en direct à { $distance } du lieu
reason-location_within-pin = un repère posé sur la carte à { $distance } du lieu (placé à la main, pas mesuré en direct)
reason-location_within-exif = le GPS de la photo à { $distance } du lieu (aucune position envoyée)
reason-location_outside-live = position en direct à { $distance } du lieu, trop loin
reason-location_outside-pin = un repère posé sur la carte à { $distance } du lieu, trop loin
reason-location_outside-exif = le GPS de la photo à { $distance } du lieu, trop loin
reason-location_via_bot = la position a été envoyée par un bot, pas depuis le téléphone
reason-photo_gps_agrees = le GPS de la photo concorde avec la position envoyée ({ $distance } d’écart)
reason-photo_gps_contradicts = le GPS de la photo est à { $distance } de la position envoyée : ils se contredisent
location-invalid = Cette position n’a pas de coordonnées utilisables. Envoyez de nouveau votre position.
photo-unreadable = Je ne peux pas lire cette photo. Envoyez une photo JPEG, PNG ou WebP.
photo-heic = Je ne peux pas lire les photos HEIC envoyées comme fichier. Envoyez-la plutôt comme photo (pas comme fichier), ou comme fichier JPEG, PNG ou WebP.
request-too-long = Ce message est trop long : { $max } caractères au plus. Envoyez-le en plusieurs parties.
request-invalid = Je n’ai pas pu lire ce qui a été envoyé. Vérifiez et réessayez.
