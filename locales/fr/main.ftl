# SafeArrival — Français (French; plain words)
# Review status: machine-written, needs a native reviewer

## Onboarding

language-prompt = Choisissez votre langue.
language-set = La langue est maintenant le français.
consent-text =
    Avant de commencer, lisez ceci s’il vous plaît.
    Ce que nous gardons : votre nom dans le chat, votre langue, votre arrivée prévue (lieu et heure), le résultat de votre dernier signalement d’arrivée, et les membres de la famille que vous invitez.
    Photos et positions : vérifiées, puis effacées tout de suite (après une arrivée confirmée en partie seulement, gardées { $minutes } min de plus pour que vous puissiez la compléter). Votre famille reçoit une copie de la photo sans aucune donnée cachée.
    Combien de temps : tout est effacé { $days } jours après la fin de votre trajet. Envoyez /forget pour tout effacer maintenant.
    Qui les voit : seulement les membres de la famille que vous invitez. Personne d’autre.
consent-accept = J’accepte
consent-decline = Non, merci
consent-accepted = Merci. Étape suivante : envoyez /contact pour inviter un membre de votre famille.
consent-declined = D’accord. Rien n’a été gardé. Envoyez /start si vous changez d’avis.
consent-required = Lisez et acceptez d’abord comment nous utilisons vos données : envoyez /start.
help =
    Ce que je peux faire :
    /contact — inviter un membre de la famille
    /contacts — voir ou retirer les membres de votre famille
    /trip — prévoir votre arrivée à un lieu
    /checkin — comment signaler votre arrivée
    /status — votre trajet et votre dernier signalement
    /cancel — terminer votre trajet
    /secret — choisir votre mot secret
    /duress — choisir votre mot de danger
    /language — changer de langue
    /forget — effacer tout ce qui vous concerne

## Family contacts

invite-created =
    Envoyez ce lien à un membre de votre famille :
    { $link }
    Il marche une seule fois et expire dans { $days } jours.
invite-rate-limited = Vous avez créé beaucoup de liens d’invitation. Attendez une heure, s’il vous plaît.
invite-preview =
    { $traveller } veut vous avoir comme contact familial sur SafeArrival.
    Vous recevrez un message avec une photo quand { $traveller } arrivera à un lieu prévu.
    Nous gardons seulement votre nom dans le chat et votre langue. Vous pouvez partir à tout moment avec /contacts.
invite-accept = Accepter
invite-decline = Refuser
invite-accepted = C’est fait. Vous recevrez maintenant les messages d’arrivée de { $traveller }.
invite-linked = { $contact } est maintenant votre contact familial.
contact-unreachable = Je n’ai pas pu joindre { $contact } sur WhatsApp : cette personne ne reçoit pas vos messages. Demandez-lui de m’envoyer un message sur WhatsApp, ou invitez-la de nouveau avec /contact.
contact-blocked = Je n’ai pas pu joindre { $contact } : cette personne m’a peut-être bloqué ou a fermé la conversation, elle ne reçoit donc pas vos messages. Demandez-lui de m’envoyer un message, ou invitez-la de nouveau avec /contact.
invite-declined = D’accord. Vous ne recevrez pas de messages de { $traveller }.
invite-invalid = Ce lien d’invitation ne marche plus. Il a déjà servi ou il est trop ancien. Demandez un nouveau lien, s’il vous plaît.
invite-own = C’est votre propre lien d’invitation. Envoyez-le à un membre de votre famille.
invite-already-linked = Vous recevez déjà les messages d’arrivée de { $traveller }.
redeem-rate-limited = Trop d’essais. Attendez une heure, s’il vous plaît.
contacts-none = Vous n’avez pas encore de contact familial. Envoyez /contact pour en inviter un.
contacts-list = Vos contacts familiaux :
following-list = Vous recevez les messages d’arrivée de :
contacts-remove = Retirer { $name }
following-leave = Arrêter les messages de { $name }
unlinked-traveller = { $name } a été retiré. Cette personne ne recevra plus vos messages.
unlinked-contact = Vous ne recevrez plus de messages de { $name }.
link-ended = Le lien avec { $name } est terminé. Vous ne recevrez plus ses messages d’arrivée.
link-ended-contact = { $name } ne reçoit plus vos messages d’arrivée.

## Trips

trip-choose-landmark = Où voulez-vous arriver ? Choisissez un lieu.
trip-choose-deadline = Quand voulez-vous arriver à { $landmark } ? Choisissez, ou écrivez une durée comme 45m, 6h ou 1d (m = minutes, h = heures, d = jours).
trip-deadline-1h = Dans 1 heure
trip-deadline-3h = Dans 3 heures
trip-deadline-6h = Dans 6 heures
trip-deadline-1d = Dans 1 jour
trip-created =
    Trajet enregistré : { $landmark }, avant { $deadline } ({ $zone }).
    Quand vous arrivez, envoyez /checkin.
trip-unknown-landmark = Je ne connais pas le lieu « { $id } ». Envoyez /trip et choisissez dans la liste.
trip-deadline-invalid = Je n’ai pas compris cette heure. Écrivez-la comme 45m, 6h, 1d ou 2026-12-01T18:00.
trip-deadline-past = Cette heure est passée. Choisissez une heure dans le futur, s’il vous plaît.
trip-deadline-too-far = C’est trop loin. Choisissez une heure dans les 14 jours.
trip-no-landmarks = Aucun lieu n’est encore prévu. Demandez à l’organisation qui gère ce service, s’il vous plaît.
cancel-done = Votre trajet est terminé.
cancel-none = Vous n’avez pas de trajet.

## Check-in

checkin-howto =
    Quand vous arrivez à { $landmark } :
    1. Prenez une nouvelle photo du lieu.
    2. Envoyez la photo ici, et envoyez votre position (bouton en bas).
    Conseil : envoyez la photo « en tant que fichier » pour garder l’heure de la prise.
checkin-location-button = Envoyer ma position
checkin-no-trip = Vous n’avez pas encore de trajet. Envoyez d’abord /trip.
checkin-need-location = Photo reçue. Maintenant, envoyez votre position.
checkin-need-photo = Position reçue. Maintenant, envoyez une photo du lieu.
checkin-queued = Merci. Je vérifie votre photo et votre position.
photo-forwarded = Les photos transférées ne comptent pas. Prenez une nouvelle photo et envoyez-la, s’il vous plaît.
photo-too-large = Ce fichier est trop gros. La limite est de { $mb } Mo.
photo-too-many-pixels = Cette image est trop grande pour être vérifiée. Envoyez une photo normale de l’appareil photo, s’il vous plaît.
photo-truncated = Cette photo est abîmée ou incomplète. Envoyez-la encore, s’il vous plaît.
photo-too-small = Cette photo est trop petite pour être vérifiée. Envoyez une photo plus grande, s’il vous plaît.
photo-download-failed = Je n’ai pas pu recevoir cette photo. Envoyez-la encore, s’il vous plaît.
photo-expired = Votre photo a été effacée avant la vérification. Envoyez-la encore, s’il vous plaît.
location-forwarded = Les positions transférées ne comptent pas. Envoyez votre propre position, s’il vous plaît.
location-venue = Un lieu choisi sur la carte ne compte pas. Envoyez votre propre position, s’il vous plaît.

## Results

result-verified = ✅ Arrivée vérifiée. Vos contacts familiaux sont prévenus.
result-partial = ☑️ Arrivée acceptée, mais pas entièrement vérifiée. Vos contacts familiaux apprennent ce qui a été vérifié.
result-no-contacts = Vous n’avez pas encore de contact familial, donc personne n’a été prévenu. Envoyez /contact pour en inviter un.
result-not-verified = ❌ Arrivée non vérifiée. Votre famille n’a PAS été prévenue.
result-retry = Pour réessayer : prenez une nouvelle photo à { $landmark } et envoyez-la avec votre position.
result-details = Ce qui a été vérifié :
result-rejected = ❌ Je n’ai pas pu vérifier cette photo. Votre famille n’a PAS été prévenue.

family-arrived = ✅ { $traveller } est arrivé(e) à { $landmark } le { $time } ({ $zone }).
family-details = Ce qui a été vérifié :
family-photo-unavailable = (La photo n’est plus disponible.)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = la photo est nouvelle (jamais vue avant)
reason-photo_forwarded = la photo a été transférée
reason-photo_replay_reference = la photo est une image connue du lieu, pas une nouvelle photo
reason-photo_replay_earlier = la photo a déjà été envoyée avant
reason-location_forwarded = la position a été transférée
reason-location_venue = la position était un lieu choisi sur la carte, pas une vraie position
reason-location_missing = aucune position reçue
reason-capture_time_fresh = photo prise { $minutes } min avant l’envoi
reason-capture_time_stale = photo prise { $minutes } min avant l’envoi, trop ancienne
reason-capture_time_future = l’heure de la photo est dans le futur
reason-capture_time_missing = l’heure de prise de la photo n’est pas connue
reason-visual_match = la photo correspond au lieu
reason-visual_no_match = le lieu n'a pas été reconnu sur la photo
reason-visual_no_match-night = le lieu n'a pas été reconnu sur la photo : elle a été prise dans l'obscurité, et les photos de référence du lieu sont toutes de jour
reason-visual_other_landmark = la photo montre un autre lieu : { $landmark }
reason-visual_not_evaluated = la photo n’a pas été comparée au lieu

## Status and ending

status-trip = Trajet : { $landmark }, avant { $deadline } ({ $zone }).
status-arrived = Trajet : arrivée à { $landmark } le { $time } ({ $zone }).
status-safe = Trajet vers { $landmark } : vous avez dit être en sécurité, le { $time } ({ $zone }).
status-no-trip = Vous n’avez pas de trajet.
status-contacts = Contacts familiaux : { $count }
status-last-checkin = Dernier signalement : { $result }
status-result-verified = vérifié
status-result-partial = en partie vérifié
status-result-not_verified = non vérifié
status-result-rejected = la photo n’a pas pu être vérifiée
status-result-queued = en cours de vérification
forget-confirm = Tout effacer sur vous maintenant ? Votre trajet, vos signalements et vos liens avec la famille seront effacés. Vos contacts familiaux sauront seulement que le lien est terminé. On ne peut pas revenir en arrière.
forget-yes = Oui, tout effacer
forget-no = Non, garder
forget-done = Tout ce qui vous concerne est effacé. Envoyez /start pour recommencer.
forget-kept = Rien n’a été effacé.

## Errors

unknown-command = Je ne connais pas cette commande. Envoyez /help pour voir ce que je peux faire.
not-understood = Je n’ai pas compris. Envoyez /help pour voir ce que je peux faire.
unsupported-message = Je peux lire seulement du texte, des photos et des positions.
rate-limited = Trop de messages. Attendez une minute, s’il vous plaît.
error-generic = Un problème est arrivé de notre côté. Rien n’est perdu. Réessayez dans une minute, s’il vous plaît.
