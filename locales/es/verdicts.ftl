# SafeArrival — Español (Spanish): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ No confirmado del todo: { $traveller } dice estar en { $landmark } ({ $time }, { $zone }), pero no se pudo comprobar todo.
family-needs-attention = ⚠️ Requiere atención: { $traveller } intentó registrar su llegada a { $landmark } ({ $time }, { $zone }), pero los indicios se contradicen. NO es una llegada confirmada.
family-not-confirmed = NO se pudo confirmar:
family-confirmed = Confirmado:
family-photo-not-recognised = La foto NO se reconoció como { $landmark }: puede mostrar otro lugar.
family-photo-not-recognised-night = La foto NO se reconoció como { $landmark }. Se tomó a oscuras, y las fotos de { $landmark } con las que se comparó son de día: las fotos nocturnas a menudo no se reconocen.
family-photo-withheld = La foto no se muestra, porque esta llegada no se pudo confirmar.
checkin-upgrade-hint = Para confirmarla del todo, en { $minutes } min envía otra foto del lugar o comparte tu ubicación en tiempo real.
family-upgrade-verified = ✅ Actualización: la llegada de { $traveller } a { $landmark } ya está confirmada ({ $time }, { $zone }).
family-upgrade-live = ☑️ Actualización: la posición de { $traveller } en { $landmark } ya está confirmada con una ubicación en tiempo real ({ $time }, { $zone }). La foto sigue sin reconocerse como el lugar.
result-upgrade-verified = ✅ Llegada ya verificada. Tus contactos familiares reciben una sola actualización.
result-upgrade-live = ☑️ Tu ubicación en tiempo real está confirmada. Tus contactos familiares reciben una sola actualización.
result-upgrade-no-change = Esto no confirmó más que tu llegada anterior, así que no se avisó otra vez a tu familia.
result-needs-attention = ⚠️ Llegada que requiere atención: algunos indicios se contradicen. Se dijo a tu familia que tu llegada NO se pudo confirmar. Tu viaje sigue abierto.
status-result-needs_attention = requiere atención (no confirmado)
reason-location_within-live = ubicación en tiempo real a { $distance } del lugar
reason-location_within-pin = un marcador puesto en el mapa a { $distance } del lugar (colocado a mano, no medido en tiempo real)
reason-location_within-exif = el GPS de la foto a { $distance } del lugar (no se envió ubicación)
reason-location_outside-live = ubicación en tiempo real a { $distance } del lugar, demasiado lejos
reason-location_outside-pin = un marcador puesto en el mapa a { $distance } del lugar, demasiado lejos
reason-location_outside-exif = el GPS de la foto a { $distance } del lugar, demasiado lejos
reason-location_via_bot = la ubicación se envió a través de un bot, no desde el teléfono
reason-photo_gps_agrees = el GPS de la foto coincide con la ubicación enviada ({ $distance } de diferencia)
reason-photo_gps_contradicts = el GPS de la foto está a { $distance } de la ubicación enviada: se contradicen
location-invalid = Esta ubicación no tiene coordenadas utilizables. Envía tu ubicación otra vez.
photo-unreadable = No puedo leer esta foto. Envía una foto JPEG, PNG o WebP.
photo-heic = No puedo leer fotos HEIC enviadas como archivo. Envíala como foto (no como archivo), o como archivo JPEG, PNG o WebP.
request-too-long = Este mensaje es demasiado largo: como máximo { $max } caracteres. Envíalo en partes más cortas.
request-invalid = No pude leer lo que se envió. Revísalo e inténtalo otra vez.
