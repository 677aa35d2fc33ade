# SafeArrival — Français (French): deadlines, escalation, duress, NGO alerts
# Review status: machine-written, needs a native reviewer

reminder-deadline = ⏰ Vous aviez prévu d’arriver à { $landmark } avant { $deadline } ({ $zone }). Êtes-vous en sécurité ?
reminder-safe = Je suis en sécurité
reminder-more-time = J’ai besoin de plus de temps
reminder-safe-ack = Merci. Quand vous pouvez, signalez votre arrivée avec une photo et votre position : /checkin.
reminder-more-time-ack = D’accord. Votre nouvelle heure est { $deadline } ({ $zone }).

extend-done = Votre nouvelle heure d’arrivée est { $deadline } ({ $zone }).
extend-capped = Vous ne pouvez pas repousser l’heure après { $max } ({ $zone }).
extend-usage = Écrivez /extend et une durée, comme /extend 1h.
extend-needs-secret = Les alertes ont commencé. Pour changer l’heure, envoyez /extend, la durée et votre mot secret.
extend-no-trip = Vous n’avez pas de trajet à déplacer.

words-intro = Vous pouvez choisir deux mots. Le mot secret, avec /secret : il prouve que c’est vraiment vous. Le mot de danger, avec /duress : utilisez-le si quelqu’un vous force à signaler votre arrivée. Pour cette personne, tout semble normal, mais votre famille et { $ngo } sauront que vous n’êtes pas en sécurité.
words-intro-no-ngo = Vous pouvez choisir deux mots. Le mot secret, avec /secret : il prouve que c’est vraiment vous. Le mot de danger, avec /duress : utilisez-le si quelqu’un vous force à signaler votre arrivée. Pour cette personne, tout semble normal, mais votre famille saura que vous n’êtes pas en sécurité.
secret-set = Votre mot secret est enregistré. Pour votre sécurité, j’ai effacé votre message.
duress-set = Votre mot de danger est enregistré. Pour votre sécurité, j’ai effacé votre message.
word-usage = Écrivez la commande et un mot, comme /secret tulip. Utilisez 4 à 32 lettres ou chiffres.
words-must-differ = Le mot secret et le mot de danger doivent être différents.

ngo-consent-question = Si vous n’arrivez pas à temps, pouvons-nous aussi prévenir { $ngo }, une organisation qui aide les personnes en déplacement ? Elle verra seulement : le lieu prévu, l’heure, votre langue et votre dernier signalement.
ngo-consent-yes = Oui, prévenez-les
ngo-consent-no = Non
ngo-consent-given = D’accord. { $ngo } sera prévenu si vous n’arrivez pas à temps.
ngo-consent-refused = D’accord. Seule votre famille sera prévenue.

family-alert-missed =
    ⚠️ { $traveller } avait prévu d’arriver à { $landmark } avant { $deadline } ({ $zone }) et n’a pas signalé son arrivée.
    Essayez de contacter cette personne, s’il vous plaît.
family-alert-last-checkin = Dernier signalement vérifié : { $landmark } le { $time } ({ $zone }).
family-false-alarm = ✅ Fausse alerte : { $traveller } est arrivé(e) à { $landmark } le { $time } ({ $zone }).
family-reported-safe = { $traveller } a répondu « Je suis en sécurité » (ce n’est pas une arrivée vérifiée).
family-duress =
    ⚠️ { $traveller } a signalé son arrivée à { $landmark }, mais ne considérez PAS cela comme une arrivée en sécurité. Cette personne n’est peut-être pas libre de parler.
    N’écrivez rien à ce sujet dans le chat avec elle. { $ngo } a été prévenu.
family-duress-no-ngo =
    ⚠️ { $traveller } a signalé son arrivée à { $landmark }, mais ne considérez PAS cela comme une arrivée en sécurité. Cette personne n’est peut-être pas libre de parler.
    N’écrivez rien à ce sujet dans le chat avec elle.

ngo-alert-missed = 🚨 Alerte { $id } : une personne n’a pas signalé son arrivée à { $landmark } avant { $deadline } ({ $zone }). Langue : { $language }. Canal : { $channel }.
ngo-alert-duress = 🚨 URGENT { $id } : une personne a signalé son arrivée à { $landmark } avec son mot de danger. Langue : { $language }. Canal : { $channel }.
ngo-alert-resolved = L’alerte { $id } est close : la personne est arrivée à { $landmark } le { $time } ({ $zone }).
cancel-needs-secret = Pour terminer votre trajet, envoyez /cancel et votre mot secret.
