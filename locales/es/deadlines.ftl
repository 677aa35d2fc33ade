# SafeArrival — Español (Spanish): deadlines, escalation, duress, NGO alerts
# Review status: machine-written, needs a native reviewer

reminder-deadline = ⏰ Pensabas llegar a { $landmark } antes de { $deadline } ({ $zone }). ¿Estás a salvo?
reminder-safe = Estoy a salvo
reminder-more-time = Necesito más tiempo
reminder-safe-ack = Gracias. Cuando puedas, avisa de tu llegada con una foto y tu ubicación: /checkin.
reminder-more-time-ack = De acuerdo. Tu nueva hora es { $deadline } ({ $zone }).

extend-done = Tu nueva hora de llegada es { $deadline } ({ $zone }).
extend-capped = No puedes mover la hora más allá de { $max } ({ $zone }).
extend-usage = Escribe /extend y un tiempo, como /extend 1h.
extend-needs-secret = Las alertas ya empezaron. Para mover la hora, envía /extend, el tiempo y tu palabra secreta.
extend-no-trip = No tienes ningún viaje para mover.

words-intro = Puedes elegir dos palabras. Palabra secreta, con /secret: demuestra que eres tú de verdad. Palabra de peligro, con /duress: úsala si alguien te obliga a avisar de tu llegada. A esa persona le parecerá normal, pero tu familia y { $ngo } sabrán que no estás a salvo.
words-intro-no-ngo = Puedes elegir dos palabras. Palabra secreta, con /secret: demuestra que eres tú de verdad. Palabra de peligro, con /duress: úsala si alguien te obliga a avisar de tu llegada. A esa persona le parecerá normal, pero tu familia sabrá que no estás a salvo.
secret-set = Tu palabra secreta está guardada. Por tu seguridad, borré tu mensaje.
duress-set = Tu palabra de peligro está guardada. Por tu seguridad, borré tu mensaje.
word-usage = Escribe el comando y una palabra, como /secret tulip. Usa de 4 a 32 letras o números.
words-must-differ = La palabra secreta y la palabra de peligro deben ser distintas.

ngo-consent-question = Si no llegas a tiempo, ¿podemos avisar también a { $ngo }, una organización que ayuda a personas en tránsito? Solo verá: el lugar que planeaste, la hora, tu idioma y tu último aviso de llegada.
ngo-consent-yes = Sí, avísenles
ngo-consent-no = No
ngo-consent-given = De acuerdo. Avisaremos a { $ngo } si no llegas a tiempo.
ngo-consent-refused = De acuerdo. Solo avisaremos a tu familia.

family-alert-missed =
    ⚠️ { $traveller } pensaba llegar a { $landmark } antes de { $deadline } ({ $zone }) y no ha avisado de su llegada.
    Por favor, intenta contactar con esa persona.
family-alert-last-checkin = Último aviso de llegada verificado: { $landmark } el { $time } ({ $zone }).
family-false-alarm = ✅ Falsa alarma: { $traveller } llegó a { $landmark } el { $time } ({ $zone }).
family-reported-safe = { $traveller } respondió «Estoy a salvo» (esto no es una llegada verificada).
family-duress =
    ⚠️ { $traveller } avisó de su llegada a { $landmark }, pero NO lo tomes como una llegada segura. Puede que no tenga libertad para hablar.
    No escribas sobre esto en el chat con esa persona. Ya se avisó a { $ngo }.
family-duress-no-ngo =
    ⚠️ { $traveller } avisó de su llegada a { $landmark }, pero NO lo tomes como una llegada segura. Puede que no tenga libertad para hablar.
    No escribas sobre esto en el chat con esa persona.

ngo-alert-missed = 🚨 Alerta { $id }: una persona no avisó de su llegada a { $landmark } antes de { $deadline } ({ $zone }). Idioma: { $language }. Canal: { $channel }.
ngo-alert-duress = 🚨 URGENTE { $id }: una persona avisó de su llegada a { $landmark } con su palabra de peligro. Idioma: { $language }. Canal: { $channel }.
ngo-alert-resolved = La alerta { $id } está cerrada: la persona llegó a { $landmark } el { $time } ({ $zone }).
cancel-needs-secret = Para terminar tu viaje, envía /cancel y tu palabra secreta.
