# SafeArrival — Soomaali (Somali): xaqiijinno la saxiixay iyo hubinta sawirrada qoysaska
# Review status: machine-written, needs a native reviewer

## A line added to the family's arrival confirmation
proof-family-link = Qof kasta wuu hubin karaa in xaqiijintan ay run tahay: { $link }
proof-family-code = Koodhka xaqiijinta (caddayn in fariintani run tahay): { $code }

## The public check page (GET /c/<code>)
proof-page-title = Hubi xaqiijinta imaanshaha
proof-valid-heading = ✅ Xaqiijintan waa run
proof-valid-intro = SafeArrival ayaa saxiixday. Waxay leedahay:
proof-field-landmark = Goobta
proof-field-time = Waqtiga
proof-time = { $time } ({ $zone })
proof-field-verdict = Natiijada
proof-verdict-verified = imaanshaha waa la xaqiijiyay
proof-verdict-partial = wuu is diiwaangeliyay, wax walba lama xaqiijin karin
proof-verdict-not_verified = lama xaqiijin
proof-verdict-needs_attention = calaamaduhu way is khilaafsanaayeen: ma aha imaansho la xaqiijiyay
proof-field-reasons = Waxa la hubiyay
proof-field-expires = Koodhkan waa la hubin karaa ilaa
proof-invalid-heading = ✘ Ma shaqeynayo
proof-invalid-text = Tani ma aha xaqiijin sax ah: waa la beddelay, waa la sameeyay, waxaa lagu saxiixay fure aynaan aqoon, ama waqtigeedii wuu dhacay. Ha aamminin fariin ama sawir shaashad oo muujinaya.
proof-limits = Boggani ma muujinayo magac, sawir ama meel. Xaqiijintu waxay sheegtaa waxa la hubiyay waqtigaas; ma caddaynayso in qofku hadda ammaan yahay.
proof-rate-limited = Hubin aad u badan ayaa ka timid xiriirkaaga. Fadlan sug daqiiqad.

## The families' photo check (/checkphoto)
photocheck-hint = Ma laguu soo diray sawir oo lagaa codsaday inaad rumaysato? Soo dir /checkphoto waxaanan kuu sheegi doonaa waxa aan ka ogaan karo.
photocheck-howto = Ii soo dir sawirka laguu soo diray. Haddii aad awoodid, u dir fayl ahaan: markaas waxaan sidoo kale akhrin karaa waqtiga iyo goobta ku kaydsan. Waxba kaama kaydinayo adiga ama sawirka.
photocheck-queued = Sawirka ayaan hubinayaa…
photocheck-rate-limited = Saacaddan sawirro badan ayaad hubisay. Fadlan sug ka hor intaadan hubin kuwo kale.
photocheck-expired = Ma awoodin inaan sawirka waqtigiisa ku hubiyo. Fadlan mar kale soo dir { "/checkphoto" } iyo sawirka.
photocheck-header = Waxa aan ka odhan karo sawirkan:
photocheck-landmark = 📍 Wuxuu muujinayaa { $landmark }.
photocheck-no-landmark = 📍 Ma muujinayo goob ku jirta liiskayaga.
photocheck-known-reference = ⚠️ Waa sawir la yaqaan oo { $landmark } ah (sawir qof kasta heli karo), ma aha sawir cusub.
photocheck-known-picture = ⚠️ Waa sawir { $landmark } ah oo la og yahay in la wareejiyo, ma aha sawir cusub.
photocheck-known-elsewhere = ⚠️ Waa sawir la og yahay in la wareejiyo, ma aha sawir cusub.
photocheck-not-known = Ma aha sawir aan naqaanno. Taasi ma caddaynayso inuu cusub yahay.
photocheck-no-exif = Wuxuu yimid isagoon lahayn waqtigiisa iyo goobtiisa (waxaa loo diray sawir la cadaadiyay, ama waa laga saaray). U dir fayl ahaan si ay u hadhaan.
photocheck-time-fresh = Waqtigiisa kaydsan wuxuu sheegayaa in la qaaday { $minutes } daqiiqo ka hor intaadan soo dirin.
photocheck-time-stale = Waqtigiisa kaydsan wuxuu sheegayaa in la qaaday in ka badan { $hours } saacadood ka hor intaadan soo dirin: sawir duug ah.
photocheck-time-future = Waqtigiisa kaydsan waa mustaqbalka: saacadda kamaradu waa khalad ama waqtiga waa la beddelay.
photocheck-time-missing = Ma laha waqti kaydsan.
photocheck-place-fits = Goobtiisa kaydsan way ku habboon tahay: { $distance } m oo u jirta { $landmark }.
photocheck-place-far = Goobtiisa kaydsan kuma habboona: { $distance } m oo u jirta { $landmark }.
photocheck-place-at = Goobtiisa kaydsan waa { $landmark }.
photocheck-place-elsewhere = Goobtiisa kaydsan kuma jirto goob ka mid ah liiskayaga.
photocheck-place-missing = Ma laha goob kaydsan.
photocheck-cannot = Waxa sawir uusan sheegi karin: cidda qaadday, cidda soo dirtay, ama in qofku ammaan yahay. Waqtiga iyo goobta kaydsan waa la beddeli karaa. Qofka laftiisa oo keliya, hadalkiisa ama is-diiwaangelintiisa, ayaa kuu sheegi kara.
