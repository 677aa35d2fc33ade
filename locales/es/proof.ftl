# SafeArrival — Español (Spanish): confirmaciones firmadas y comprobación de fotos para las familias
# Review status: machine-written, needs a native reviewer

## A line added to the family's arrival confirmation
proof-family-link = Cualquiera puede comprobar que esta confirmación es auténtica: { $link }
proof-family-code = Código de confirmación (prueba de que este mensaje es auténtico): { $code }

## The public check page (GET /c/<code>)
proof-page-title = Comprobar una confirmación de llegada
proof-valid-heading = ✅ Esta confirmación es auténtica
proof-valid-intro = SafeArrival la firmó. Dice:
proof-field-landmark = Lugar
proof-field-time = Hora
proof-time = { $time } ({ $zone })
proof-field-verdict = Resultado
proof-verdict-verified = llegada verificada
proof-verdict-partial = llegada registrada, no todo se pudo verificar
proof-verdict-not_verified = no verificada
proof-verdict-needs_attention = las señales se contradecían: no es una llegada confirmada
proof-field-reasons = Qué se comprobó
proof-field-expires = Este código se puede comprobar hasta
proof-invalid-heading = ✘ No válido
proof-invalid-text = Esta no es una confirmación válida: fue cambiada, inventada, firmada con una clave que no conocemos, o ha caducado. No confíe en un mensaje o una captura de pantalla que la muestre.
proof-limits = Esta página no muestra ningún nombre, ninguna foto ni ninguna posición. Una confirmación dice lo que se comprobó en ese momento; no prueba que la persona esté a salvo ahora.
proof-rate-limited = Demasiadas comprobaciones desde su conexión. Espere un minuto, por favor.

## The families' photo check (/checkphoto)
photocheck-hint = ¿Le enviaron una foto y le piden que la crea? Envíe /checkphoto y le diré lo que pueda sobre ella.
photocheck-howto = Envíeme la foto que le enviaron. Envíela como archivo si puede: así también puedo leer la hora y el lugar guardados en ella. No guardo nada sobre usted ni sobre la foto.
photocheck-queued = Comprobando la foto…
photocheck-rate-limited = Ha comprobado muchas fotos en esta hora. Espere antes de comprobar más.
photocheck-expired = No pude comprobar la foto a tiempo. Envíe otra vez { "/checkphoto" } y la foto.
photocheck-header = Lo que puedo decir de esta foto:
photocheck-landmark = 📍 Muestra { $landmark }.
photocheck-no-landmark = 📍 No muestra ningún lugar de nuestra lista.
photocheck-known-reference = ⚠️ Es una imagen conocida de { $landmark } (una imagen que cualquiera puede encontrar), no una foto nueva.
photocheck-known-picture = ⚠️ Es una imagen de { $landmark } que se sabe que circula, no una foto nueva.
photocheck-known-elsewhere = ⚠️ Es una imagen que se sabe que circula, no una foto nueva.
photocheck-not-known = No es una imagen que conozcamos. Eso no prueba que sea nueva.
photocheck-no-exif = Llegó sin su hora ni su lugar (enviada como foto comprimida, o se los quitaron). Envíela como archivo para conservarlos.
photocheck-time-fresh = Su hora guardada dice que se tomó { $minutes } min antes de que usted la enviara.
photocheck-time-stale = Su hora guardada dice que se tomó más de { $hours } horas antes de que usted la enviara: una foto antigua.
photocheck-time-future = Su hora guardada está en el futuro: el reloj de la cámara está mal o la hora fue cambiada.
photocheck-time-missing = No tiene hora guardada.
photocheck-place-fits = Su lugar guardado coincide: a { $distance } m de { $landmark }.
photocheck-place-far = Su lugar guardado no coincide: a { $distance } m de { $landmark }.
photocheck-place-at = Su lugar guardado está en { $landmark }.
photocheck-place-elsewhere = Su lugar guardado no está en ningún lugar de nuestra lista.
photocheck-place-missing = No tiene lugar guardado.
photocheck-cannot = Lo que una foto no puede decir: quién la tomó, quién la envió, ni que la persona esté a salvo. La hora y el lugar guardados se pueden cambiar. Solo la persona, con sus propias palabras o su propio registro de llegada, puede decírselo.
