# SafeArrival — Soomaali (Somali): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ Si buuxda looma xaqiijin: { $traveller } wuxuu sheegay inuu joogo { $landmark } ({ $time }, { $zone }), laakiin wax walba lama hubin karin.
family-needs-attention = ⚠️ Waxay u baahan tahay feejignaan: { $traveller } wuxuu isku dayay inuu imaatinkiisa ka diiwaangeliyo { $landmark } ({ $time }, { $zone }), laakiin calaamaduhu way is burinayaan. Tani MA aha imaatin la xaqiijiyay.
family-not-confirmed = Lama xaqiijin KARIN:
family-confirmed = Waa la xaqiijiyay:
family-photo-not-recognised = Sawirka looma aqoonsan { $landmark }: waxaa laga yaabaa inuu muujinayo meel kale.
family-photo-not-recognised-night = Sawirka looma aqoonsan { $landmark }. Waxaa la qaaday mugdi, sawirrada { $landmark } ee lala barbar dhigayna waa kuwo maalin: sawirrada habeenka inta badan lama aqoonsado.
family-photo-withheld = Sawirka lama muujinayo, sababtoo ah imaatinkan lama xaqiijin karin.
checkin-upgrade-hint = Si aad si buuxda u xaqiijiso, { $minutes } daqiiqo gudahood dir sawir kale oo meesha ah, ama la wadaag goobtaada tooska ah.
family-upgrade-verified = ✅ Warbixin cusub: imaatinka { $traveller } ee { $landmark } hadda waa la xaqiijiyay ({ $time }, { $zone }).
family-upgrade-live = ☑️ Warbixin cusub: joogitaanka { $traveller } ee { $landmark } hadda waxaa xaqiijiyay goob toos ah ({ $time }, { $zone }). Sawirka weli looma aqoonsan meesha.
result-upgrade-verified = ✅ Imaatinkaaga hadda waa la xaqiijiyay. Xubnaha qoyskaaga waxay helayaan hal warbixin cusub.
result-upgrade-live = ☑️ Goobtaada tooska ah waa la xaqiijiyay. Xubnaha qoyskaaga waxay helayaan hal warbixin cusub.
result-upgrade-no-change = Tani wax ka badan imaatinkaagii hore ma xaqiijin, sidaa darteed qoyskaaga mar kale looma sheegin.
result-needs-attention = ⚠️ Imaatinkaagu wuxuu u baahan yahay feejignaan: calaamado qaar ayaa is burinaya. Qoyskaaga waxaa loo sheegay in imaatinkaaga LA XAQIIJIN KARIN. Safarkaagu weli waa furan yahay.
status-result-needs_attention = waxay u baahan tahay feejignaan (lama xaqiijin)
reason-location_within-live = goob toos ah oo { $distance } u jirta meesha
reason-location_within-pin = calaamad khariidadda la dhigay oo { $distance } u jirta meesha (gacanta lagu dhigay, si toos ah looma cabbirin)
reason-location_within-exif = GPS-ka sawirka oo { $distance } u jira meesha (goob lama soo dirin)
reason-location_outside-live = goob toos ah oo { $distance } u jirta meesha, aad u fog
reason-location_outside-pin = calaamad khariidadda la dhigay oo { $distance } u jirta meesha, aad u fog
reason-location_outside-exif = GPS-ka sawirka oo { $distance } u jira meesha, aad u fog
reason-location_via_bot = goobta waxaa lagu soo diray bot, ma aha taleefanka
reason-photo_gps_agrees = GPS-ka sawirku wuu la jaan qaadayaa goobta la soo diray (farqi { $distance })
reason-photo_gps_contradicts = GPS-ka sawirku wuxuu { $distance } u jiraa goobta la soo diray: way is burinayaan
location-invalid = Goobtan ma laha iskuduwayaal la isticmaali karo. Fadlan mar kale soo dir goobtaada.
photo-unreadable = Sawirkan ma akhrin karo. Fadlan soo dir sawir JPEG, PNG ama WebP ah.
photo-heic = Ma akhrin karo sawirada HEIC ee fayl ahaan loo soo diro. U dir sawir ahaan (ha u dirin fayl ahaan), ama fayl JPEG, PNG ama WebP ah.
request-too-long = Fariintani aad bay u dheer tahay: ugu badnaan { $max } xaraf. Fadlan u dir qaybo gaagaaban.
request-invalid = Waxa la soo diray ma akhrin karin. Hubi oo mar kale isku day.
