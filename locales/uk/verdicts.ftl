# SafeArrival — Українська (Ukrainian): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ Не повністю підтверджено: { $traveller } повідомляє, що перебуває в { $landmark } ({ $time }, { $zone }), але перевірити все не вдалося.
family-needs-attention = ⚠️ Потребує уваги: { $traveller } намагається відмітитися в { $landmark } ({ $time }, { $zone }), але ознаки суперечать одна одній. Це НЕ підтверджене прибуття.
family-not-confirmed = НЕ вдалося підтвердити:
family-confirmed = Підтверджено:
family-photo-not-recognised = Фото НЕ розпізнано як { $landmark }: можливо, на ньому інше місце.
family-photo-not-recognised-night = Фото НЕ розпізнано як { $landmark }. Його зроблено в темряві, а фото { $landmark }, з якими його порівнювали, денні: нічні фото часто не розпізнаються.
family-photo-withheld = Фото не показано, бо цю відмітку не вдалося підтвердити.
checkin-upgrade-hint = Щоб повністю підтвердити, протягом { $minutes } хв надішліть ще одне фото місця або поділіться геопозицією в реальному часі.
family-upgrade-verified = ✅ Оновлення: прибуття { $traveller } до { $landmark } тепер підтверджено ({ $time }, { $zone }).
family-upgrade-live = ☑️ Оновлення: місцеперебування { $traveller } у { $landmark } тепер підтверджено геопозицією в реальному часі ({ $time }, { $zone }). Фото досі не розпізнано як це місце.
result-upgrade-verified = ✅ Відмітку тепер підтверджено. Ваші контакти з родини отримають одне оновлення.
result-upgrade-live = ☑️ Вашу геопозицію в реальному часі підтверджено. Ваші контакти з родини отримають одне оновлення.
result-upgrade-no-change = Це не підтвердило більше, ніж ваша попередня відмітка, тож родині повторно не повідомляли.
result-needs-attention = ⚠️ Відмітка потребує уваги: деякі ознаки суперечать одна одній. Родині повідомили, що ваше прибуття НЕ вдалося підтвердити. Ваша поїздка досі відкрита.
status-result-needs_attention = потребує уваги (не підтверджено)
reason-location_within-live = геопозиція в реальному часі за { $distance } від місця
reason-location_within-pin = мітка, поставлена на карті, за { $distance } від місця (поставлена вручну, не виміряна наживо)
reason-location_within-exif = GPS фото за { $distance } від місця (геопозицію не надіслано)
reason-location_outside-live = геопозиція в реальному часі за { $distance } від місця, надто далеко
reason-location_outside-pin = мітка, поставлена на карті, за { $distance } від місця, надто далеко
reason-location_outside-exif = GPS фото за { $distance } від місця, надто далеко
reason-location_via_bot = геопозицію надіслано через бота, а не з телефона
reason-photo_gps_agrees = GPS фото збігається з надісланою геопозицією (різниця { $distance })
reason-photo_gps_contradicts = GPS фото за { $distance } від надісланої геопозиції: вони суперечать одне одному
location-invalid = Ця геопозиція не має придатних координат. Надішліть геопозицію ще раз.
photo-unreadable = Я не можу прочитати це фото. Надішліть фото JPEG, PNG або WebP.
photo-heic = Я не можу прочитати фото HEIC, надіслані як файл. Надішліть його як фото (не як файл) або як файл JPEG, PNG чи WebP.
request-too-long = Повідомлення задовге: щонайбільше { $max } символів. Надішліть його коротшими частинами.
request-invalid = Я не зміг прочитати надіслане. Перевірте й спробуйте ще раз.
