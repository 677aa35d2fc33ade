# SafeArrival — Soomaali (Somali): deadlines, escalation, duress, NGO alerts
# Review status: machine-written, needs a native reviewer

reminder-deadline = ⏰ Waxaad qorsheysay inaad gaarto { $landmark } ka hor { $deadline } ({ $zone }). Ma nabad baad tahay?
reminder-safe = Waan nabad qabaa
reminder-more-time = Waxaan u baahanahay waqti dheeraad ah
reminder-safe-ack = Mahadsanid. Markaad awoodid, sheeg inaad timid adigoo dira sawir iyo goobtaada: /checkin.
reminder-more-time-ack = Hagaag. Waqtigaaga cusub waa { $deadline } ({ $zone }).

extend-done = Waqtigaaga cusub ee aad gaarayso waa { $deadline } ({ $zone }).
extend-capped = Ma dib u dhigi kartid waqtiga { $max } ({ $zone }) ka dib.
extend-usage = Qor /extend iyo waqti, sida /extend 1h.
extend-needs-secret = Digniinaha waa bilaabmeen. Si aad waqtiga u beddesho, dir /extend, waqtiga iyo ereygaaga sirta ah.
extend-no-trip = Ma lihid safar waqtigiisa aad beddesho.

words-intro = Waxaad dooran kartaa laba erey. Erey sir ah, adigoo isticmaalaya /secret: wuxuu caddeynayaa inaad runtii adigu tahay. Erey khatar, adigoo isticmaalaya /duress: isticmaal haddii qof kugu qasbo inaad sheegto inaad timid. Iyaga wuxuu u muuqdaa caadi, laakiin qoyskaaga iyo { $ngo } waxay ogaanayaan inaadan nabad ahayn.
words-intro-no-ngo = Waxaad dooran kartaa laba erey. Erey sir ah, adigoo isticmaalaya /secret: wuxuu caddeynayaa inaad runtii adigu tahay. Erey khatar, adigoo isticmaalaya /duress: isticmaal haddii qof kugu qasbo inaad sheegto inaad timid. Iyaga wuxuu u muuqdaa caadi, laakiin qoyskaaga ayaa ogaanaya inaadan nabad ahayn.
secret-set = Ereygaaga sirta ah waa la kaydiyay. Badbaadadaada awgeed fariintaada waan tirtiray.
duress-set = Ereygaaga khatarta waa la kaydiyay. Badbaadadaada awgeed fariintaada waan tirtiray.
word-usage = Qor amarka iyo hal erey, sida /secret tulip. Isticmaal 4 ilaa 32 xaraf ama lambar.
words-must-differ = Ereyga sirta ah iyo ereyga khatarta waa inay kala duwanaadaan.

ngo-consent-question = Haddii aadan waqtiga ku iman, ma u sheegnaa sidoo kale { $ngo }, oo ah hay'ad caawisa dadka socdaalka ku jira? Waxay arkayaan oo keliya: meesha aad qorsheysay, waqtiga, luqaddaada iyo hubintaadii ugu dambeysay.
ngo-consent-yes = Haa, u sheeg
ngo-consent-no = Maya
ngo-consent-given = Hagaag. { $ngo } waa loo sheegayaa haddii aadan waqtiga ku iman.
ngo-consent-refused = Hagaag. Qoyskaaga oo keliya ayaa loo sheegayaa.

family-alert-missed =
    ⚠️ { $traveller } wuxuu qorsheeyay inuu gaaro { $landmark } ka hor { $deadline } ({ $zone }), weli ma uusan sheegin inuu yimid.
    Fadlan isku daya inaad la xiriirtaan.
family-alert-last-checkin = Hubintii ugu dambeysay ee la xaqiijiyay: { $landmark } { $time } ({ $zone }).
family-false-alarm = ✅ Digniin khaldan: { $traveller } wuxuu gaaray { $landmark } { $time } ({ $zone }).
family-reported-safe = { $traveller } wuxuu ku jawaabay “Waan nabad qabaa” (tani ma aha hubin la xaqiijiyay).
family-duress =
    ⚠️ { $traveller } wuxuu sheegay inuu gaaray { $landmark }, laakiin HA u qaadanina inuu si nabad ah u yimid. Waxaa laga yaabaa inuusan xor u ahayn inuu hadlo.
    Arrintan waxba ha kaga qorina chat-ka aad la leedihiin. { $ngo } waa loo sheegay.
family-duress-no-ngo =
    ⚠️ { $traveller } wuxuu sheegay inuu gaaray { $landmark }, laakiin HA u qaadanina inuu si nabad ah u yimid. Waxaa laga yaabaa inuusan xor u ahayn inuu hadlo.
    Arrintan waxba ha kaga qorina chat-ka aad la leedihiin.

ngo-alert-missed = 🚨 Digniin { $id }: socdaal ma sheegin inuu gaaray { $landmark } ka hor { $deadline } ({ $zone }). Luqadda: { $language }. Kanaalka: { $channel }.
ngo-alert-duress = 🚨 DEGDEG { $id }: socdaal wuxuu sheegay inuu gaaray { $landmark } isagoo isticmaalaya ereyga khatarta. Luqadda: { $language }. Kanaalka: { $channel }.
ngo-alert-resolved = Digniinta { $id } waa la xiray: socdaalkii wuxuu gaaray { $landmark } { $time } ({ $zone }).
cancel-needs-secret = Si aad safarkaaga u dhammeyso, dir /cancel iyo ereygaaga sirta ah.
