# SafeArrival — Español (Spanish; plain words)
# Review status: machine-written, needs a native reviewer

## Onboarding

language-prompt = Elige tu idioma.
language-set = Idioma cambiado a español.
consent-text =
    Antes de empezar, lee esto, por favor.
    Lo que guardamos: tu nombre en el chat, tu idioma, tu llegada prevista (lugar y hora), el resultado de tu último aviso de llegada y los familiares que invites.
    Fotos y ubicaciones: se revisan y se borran enseguida (tras una llegada confirmada solo en parte, se guardan { $minutes } min más para que puedas completarla). Tu familia recibe una copia de la foto sin ningún dato oculto.
    Cuánto tiempo: todo se borra { $days } días después del fin de tu viaje. Envía /forget para borrarlo todo ahora.
    Quién lo ve: solo los familiares que invites. Nadie más.
consent-accept = Acepto
consent-decline = No, gracias
consent-accepted = Gracias. Siguiente paso: envía /contact para invitar a un familiar.
consent-declined = De acuerdo. No se guardó nada. Envía /start si cambias de idea.
consent-required = Primero lee y acepta cómo usamos tus datos: envía /start.
help =
    Lo que puedo hacer:
    /contact — invitar a un familiar
    /contacts — ver o quitar a tus familiares
    /trip — planear tu llegada a un lugar
    /checkin — cómo avisar de tu llegada
    /status — tu viaje y tu último aviso de llegada
    /cancel — terminar tu viaje
    /secret — elegir tu palabra secreta
    /duress — elegir tu palabra de peligro
    /language — cambiar el idioma
    /forget — borrar todo sobre ti

## Family contacts

invite-created =
    Envía este enlace a un familiar:
    { $link }
    Funciona una sola vez y caduca en { $days } días.
invite-rate-limited = Has creado muchos enlaces de invitación. Espera una hora, por favor.
invite-preview =
    { $traveller } quiere que seas su contacto familiar en SafeArrival.
    Recibirás un mensaje con una foto cuando { $traveller } llegue a un lugar previsto.
    Solo guardamos tu nombre en el chat y tu idioma. Puedes salir cuando quieras con /contacts.
invite-accept = Aceptar
invite-decline = Rechazar
invite-accepted = Listo. Ahora recibirás los mensajes de llegada de { $traveller }.
invite-linked = { $contact } es ahora tu contacto familiar.
contact-unreachable = No pude contactar a { $contact } por WhatsApp, así que no recibe tus mensajes. Pídele que me envíe cualquier mensaje por WhatsApp, o invítalo de nuevo con /contact.
contact-blocked = No pude contactar a { $contact }: puede que me haya bloqueado o cerrado el chat, así que no recibe tus mensajes. Pídele que me envíe un mensaje, o invítalo de nuevo con /contact.
invite-declined = De acuerdo. No recibirás mensajes de { $traveller }.
invite-invalid = Este enlace de invitación ya no vale. Ya se usó o es demasiado antiguo. Pide un enlace nuevo, por favor.
invite-own = Este es tu propio enlace de invitación. Envíalo a un familiar.
invite-already-linked = Ya recibes los mensajes de llegada de { $traveller }.
redeem-rate-limited = Demasiados intentos. Espera una hora, por favor.
contacts-none = Todavía no tienes contactos familiares. Envía /contact para invitar a uno.
contacts-list = Tus contactos familiares:
following-list = Recibes mensajes de llegada de:
contacts-remove = Quitar a { $name }
following-leave = Dejar los mensajes de { $name }
unlinked-traveller = Se quitó a { $name }. Ya no recibirá tus mensajes.
unlinked-contact = Ya no recibirás mensajes de { $name }.
link-ended = El vínculo con { $name } terminó. Ya no recibirás sus mensajes de llegada.
link-ended-contact = { $name } ya no recibe tus mensajes de llegada.

## Trips

trip-choose-landmark = ¿Adónde piensas llegar? Elige un lugar.
trip-choose-deadline = ¿Cuándo piensas llegar a { $landmark }? Elige, o escribe un tiempo como 45m, 6h o 1d (m = minutos, h = horas, d = días).
trip-deadline-1h = En 1 hora
trip-deadline-3h = En 3 horas
trip-deadline-6h = En 6 horas
trip-deadline-1d = En 1 día
trip-created =
    Viaje guardado: { $landmark }, antes de { $deadline } ({ $zone }).
    Cuando llegues, envía /checkin.
trip-unknown-landmark = No conozco el lugar «{ $id }». Envía /trip y elige de la lista.
trip-deadline-invalid = No entendí esa hora. Escríbela así: 45m, 6h, 1d o 2026-12-01T18:00.
trip-deadline-past = Esa hora ya pasó. Elige una hora en el futuro, por favor.
trip-deadline-too-far = Eso es demasiado lejos. Elige una hora dentro de 14 días.
trip-no-landmarks = Todavía no hay lugares. Pregunta a la organización que lleva este servicio, por favor.
cancel-done = Tu viaje terminó.
cancel-none = No tienes ningún viaje.

## Check-in

checkin-howto =
    Cuando llegues a { $landmark }:
    1. Toma una foto nueva del lugar.
    2. Envía la foto aquí, y envía tu ubicación (botón de abajo).
    Consejo: envía la foto «como archivo» para guardar la hora en que se tomó.
checkin-location-button = Enviar mi ubicación
checkin-no-trip = Todavía no tienes viaje. Primero envía /trip.
checkin-need-location = Foto recibida. Ahora envía tu ubicación.
checkin-need-photo = Ubicación recibida. Ahora envía una foto del lugar.
checkin-queued = Gracias. Estoy revisando tu foto y tu ubicación.
photo-forwarded = Las fotos reenviadas no valen. Toma una foto nueva y envíala, por favor.
photo-too-large = Este archivo es demasiado grande. El límite es { $mb } MB.
photo-too-many-pixels = Esta imagen es demasiado grande para revisarla. Envía una foto normal de la cámara, por favor.
photo-truncated = Esta foto está dañada o incompleta. Envíala otra vez, por favor.
photo-too-small = Esta foto es demasiado pequeña para revisarla. Envía una foto más grande, por favor.
photo-download-failed = No pude recibir esta foto. Envíala otra vez, por favor.
photo-expired = Tu foto se borró antes de revisarla. Envíala otra vez, por favor.
location-forwarded = Las ubicaciones reenviadas no valen. Envía tu propia ubicación, por favor.
location-venue = Un lugar elegido en el mapa no vale. Envía tu propia ubicación, por favor.

## Results

result-verified = ✅ Llegada verificada. Estamos avisando a tus contactos familiares.
result-partial = ☑️ Llegada aceptada, pero no verificada del todo. Estamos contando a tus contactos familiares qué se revisó.
result-no-contacts = Todavía no tienes contactos familiares, así que no se avisó a nadie. Envía /contact para invitar a uno.
result-not-verified = ❌ Llegada no verificada. NO se avisó a tu familia.
result-retry = Para intentarlo otra vez: toma una foto nueva en { $landmark } y envíala con tu ubicación.
result-details = Qué se revisó:
result-rejected = ❌ No pude revisar esta foto. NO se avisó a tu familia.

family-arrived = ✅ { $traveller } llegó a { $landmark } el { $time } ({ $zone }).
family-details = Qué se revisó:
family-photo-unavailable = (La foto ya no está disponible.)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = la foto es nueva (no se vio antes)
reason-photo_forwarded = la foto fue reenviada
reason-photo_replay_reference = la foto es una imagen conocida del lugar, no una nueva
reason-photo_replay_earlier = la foto ya se envió antes
reason-location_forwarded = la ubicación fue reenviada
reason-location_venue = la ubicación era un lugar del mapa, no una posición real
reason-location_missing = no se recibió ninguna ubicación
reason-capture_time_fresh = foto tomada { $minutes } min antes de enviarla
reason-capture_time_stale = foto tomada { $minutes } min antes de enviarla, demasiado antigua
reason-capture_time_future = la hora de la foto está en el futuro
reason-capture_time_missing = no se sabe la hora en que se tomó la foto
reason-visual_match = la foto coincide con el lugar
reason-visual_no_match = no se reconoció el lugar en la foto
reason-visual_no_match-night = no se reconoció el lugar en la foto: se tomó a oscuras y las fotos de referencia del lugar son todas de día
reason-visual_other_landmark = la foto muestra otro lugar: { $landmark }
reason-visual_not_evaluated = la foto no se comparó con el lugar

## Status and ending

status-trip = Viaje: { $landmark }, antes de { $deadline } ({ $zone }).
status-arrived = Viaje: llegada a { $landmark } el { $time } ({ $zone }).
status-safe = Viaje a { $landmark }: dijiste que estás a salvo, el { $time } ({ $zone }).
status-no-trip = No tienes ningún viaje.
status-contacts = Contactos familiares: { $count }
status-last-checkin = Último aviso de llegada: { $result }
status-result-verified = verificado
status-result-partial = verificado en parte
status-result-not_verified = no verificado
status-result-rejected = no se pudo revisar la foto
status-result-queued = en revisión
forget-confirm = ¿Borrar ahora todo sobre ti? Se borrarán tu viaje, tus avisos de llegada y tus vínculos familiares. A tus contactos familiares solo se les dirá que el vínculo terminó. Esto no se puede deshacer.
forget-yes = Sí, borrar todo
forget-no = No, guardarlo
forget-done = Se borró todo sobre ti. Envía /start para empezar otra vez.
forget-kept = No se borró nada.

## Errors

unknown-command = No conozco este comando. Envía /help para ver lo que puedo hacer.
not-understood = No entendí. Envía /help para ver lo que puedo hacer.
unsupported-message = Solo puedo leer texto, fotos y ubicaciones.
rate-limited = Demasiados mensajes. Espera un minuto, por favor.
error-generic = Algo salió mal de nuestro lado. No se perdió nada. Inténtalo otra vez en un minuto, por favor.
