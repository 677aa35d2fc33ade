# SafeArrival — Українська (Ukrainian): підписані підтвердження та перевірка фото для родин
# Review status: machine-written, needs a native reviewer

## A line added to the family's arrival confirmation
proof-family-link = Будь-хто може перевірити, що це підтвердження справжнє: { $link }
proof-family-code = Код підтвердження (доказ, що це повідомлення справжнє): { $code }

## The public check page (GET /c/<code>)
proof-page-title = Перевірити підтвердження прибуття
proof-valid-heading = ✅ Це підтвердження справжнє
proof-valid-intro = Його підписав SafeArrival. У ньому сказано:
proof-field-landmark = Місце
proof-field-time = Час
proof-time = { $time } ({ $zone })
proof-field-verdict = Результат
proof-verdict-verified = прибуття підтверджено
proof-verdict-partial = відмітка є, але не все вдалося перевірити
proof-verdict-not_verified = не підтверджено
proof-verdict-needs_attention = ознаки суперечили одна одній: це не підтверджене прибуття
proof-field-reasons = Що перевірено
proof-field-expires = Цей код можна перевірити до
proof-invalid-heading = ✘ Недійсне
proof-invalid-text = Це не дійсне підтвердження: його змінили, вигадали, підписали невідомим нам ключем, або термін його дії минув. Не довіряйте повідомленню чи знімку екрана, де воно є.
proof-limits = Ця сторінка не показує ні імені, ні фото, ні місцеперебування. Підтвердження каже, що було перевірено в той момент; воно не доводить, що людина в безпеці зараз.
proof-rate-limited = Забагато перевірок з вашого з'єднання. Зачекайте хвилину.

## The families' photo check (/checkphoto)
photocheck-hint = Вам надіслали фото й просять у нього повірити? Надішліть /checkphoto, і я скажу, що можу про нього дізнатися.
photocheck-howto = Надішліть мені фото, яке вам надіслали. Якщо можете, надішліть його як файл: тоді я зможу прочитати також збережені в ньому час і місце. Я нічого не зберігаю ні про вас, ні про фото.
photocheck-queued = Перевіряю фото…
photocheck-rate-limited = Ви перевірили багато фото цієї години. Зачекайте, перш ніж перевіряти ще.
photocheck-expired = Я не встиг перевірити фото. Надішліть знову { "/checkphoto" } і фото.
photocheck-header = Що я можу сказати про це фото:
photocheck-landmark = 📍 На ньому { $landmark }.
photocheck-no-landmark = 📍 На ньому немає жодного місця з нашого списку.
photocheck-known-reference = ⚠️ Це відоме зображення { $landmark } (зображення, яке будь-хто може знайти), а не нове фото.
photocheck-known-picture = ⚠️ Це зображення { $landmark }, яке, як відомо, поширюється, а не нове фото.
photocheck-known-elsewhere = ⚠️ Це зображення, яке, як відомо, поширюється, а не нове фото.
photocheck-not-known = Ми не знаємо цього зображення. Це не доводить, що воно нове.
photocheck-no-exif = Воно прийшло без часу й місця (надіслане як стиснене фото, або їх видалили). Надішліть його як файл, щоб їх зберегти.
photocheck-time-fresh = За збереженим часом його зроблено за { $minutes } хв до того, як ви його надіслали.
photocheck-time-stale = За збереженим часом його зроблено більш ніж за { $hours } год до того, як ви його надіслали: старе фото.
photocheck-time-future = Збережений час — у майбутньому: годинник камери неправильний або час змінили.
photocheck-time-missing = У ньому немає збереженого часу.
photocheck-place-fits = Збережене місце збігається: { $distance } м від { $landmark }.
photocheck-place-far = Збережене місце не збігається: { $distance } м від { $landmark }.
photocheck-place-at = Збережене місце — { $landmark }.
photocheck-place-elsewhere = Збережене місце не належить до жодного місця з нашого списку.
photocheck-place-missing = У ньому немає збереженого місця.
photocheck-cannot = Чого фото не може сказати: хто його зробив, хто його надіслав, і чи людина в безпеці. Збережені час і місце можна змінити. Лише сама людина, своїми словами або власною відміткою про прибуття, може вам це сказати.
