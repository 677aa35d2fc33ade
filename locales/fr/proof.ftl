# SafeArrival — Français (French): confirmations signées et vérification de photos pour les familles
# Review status: machine-written, needs a native reviewer

## A line added to the family's arrival confirmation
proof-family-link = Tout le monde peut vérifier que cette confirmation est authentique : { $link }
proof-family-code = Code de confirmation (preuve que ce message est authentique) : { $code }

## The public check page (GET /c/<code>)
proof-page-title = Vérifier une confirmation d'arrivée
proof-valid-heading = ✅ Cette confirmation est authentique
proof-valid-intro = SafeArrival l'a signée. Elle dit :
proof-field-landmark = Lieu
proof-field-time = Heure
proof-time = { $time } ({ $zone })
proof-field-verdict = Résultat
proof-verdict-verified = arrivée vérifiée
proof-verdict-partial = arrivée signalée, tout n'a pas pu être vérifié
proof-verdict-not_verified = non vérifiée
proof-verdict-needs_attention = les indices se contredisaient : ce n'est pas une arrivée confirmée
proof-field-reasons = Ce qui a été vérifié
proof-field-expires = Ce code peut être vérifié jusqu'au
proof-invalid-heading = ✘ Non valide
proof-invalid-text = Ce n'est pas une confirmation valide : elle a été modifiée, inventée, signée avec une clé que nous ne connaissons pas, ou elle a expiré. Ne faites pas confiance à un message ou à une capture d'écran qui la montre.
proof-limits = Cette page ne montre aucun nom, aucune photo et aucune position. Une confirmation dit ce qui a été vérifié à ce moment-là ; elle ne prouve pas que la personne est en sécurité maintenant.
proof-rate-limited = Trop de vérifications depuis votre connexion. Attendez une minute, s'il vous plaît.

## The families' photo check (/checkphoto)
photocheck-hint = On vous a envoyé une photo en vous demandant d'y croire ? Envoyez /checkphoto et je vous dirai ce que je peux en savoir.
photocheck-howto = Envoyez-moi la photo que vous avez reçue. Envoyez-la comme fichier si vous pouvez : je peux alors aussi lire l'heure et le lieu enregistrés dedans. Je ne garde rien sur vous ni sur la photo.
photocheck-queued = Je vérifie la photo…
photocheck-rate-limited = Vous avez vérifié beaucoup de photos cette heure-ci. Attendez avant d'en vérifier d'autres.
photocheck-expired = Je n'ai pas pu vérifier la photo à temps. Envoyez de nouveau { "/checkphoto" } et la photo.
photocheck-header = Ce que je peux dire de cette photo :
photocheck-landmark = 📍 Elle montre { $landmark }.
photocheck-no-landmark = 📍 Elle ne montre aucun lieu de notre liste.
photocheck-known-reference = ⚠️ C'est une image connue de { $landmark } (une image que tout le monde peut trouver), pas une nouvelle photo.
photocheck-known-picture = ⚠️ C'est une image de { $landmark } connue pour circuler, pas une nouvelle photo.
photocheck-known-elsewhere = ⚠️ C'est une image connue pour circuler, pas une nouvelle photo.
photocheck-not-known = Ce n'est pas une image que nous connaissons. Cela ne prouve pas qu'elle est nouvelle.
photocheck-no-exif = Elle est arrivée sans son heure ni son lieu (envoyée comme photo compressée, ou ils ont été retirés). Envoyez-la comme fichier pour les garder.
photocheck-time-fresh = Son heure enregistrée dit qu'elle a été prise { $minutes } min avant votre envoi.
photocheck-time-stale = Son heure enregistrée dit qu'elle a été prise plus de { $hours } heures avant votre envoi : une ancienne photo.
photocheck-time-future = Son heure enregistrée est dans le futur : l'horloge de l'appareil est fausse ou l'heure a été modifiée.
photocheck-time-missing = Elle n'a pas d'heure enregistrée.
photocheck-place-fits = Son lieu enregistré correspond : à { $distance } m de { $landmark }.
photocheck-place-far = Son lieu enregistré ne correspond pas : à { $distance } m de { $landmark }.
photocheck-place-at = Son lieu enregistré est à { $landmark }.
photocheck-place-elsewhere = Son lieu enregistré n'est à aucun lieu de notre liste.
photocheck-place-missing = Elle n'a pas de lieu enregistré.
photocheck-cannot = Ce qu'une photo ne peut pas dire : qui l'a prise, qui l'a envoyée, ni que la personne est en sécurité. L'heure et le lieu enregistrés peuvent être modifiés. Seule la personne, avec ses propres mots ou son propre enregistrement d'arrivée, peut vous le dire.
