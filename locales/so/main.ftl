# SafeArrival — Soomaali (Somali; simple words)
# Review status: machine-written, needs a native reviewer

## Onboarding

language-prompt = Dooro luqaddaada.
language-set = Luqadda waxaa laga dhigay Soomaali.
consent-text =
    Intaadan bilaabin, fadlan akhri tan.
    Waxa aan hayno: magacaaga chat-ka, luqaddaada, imaatinkaaga la qorsheeyay (meesha iyo waqtiga), natiijada hubintii kuugu dambeysay, iyo xubnaha qoyska ee aad casuunto.
    Sawirrada iyo goobaha: waa la hubiyaa, kadibna isla markiiba waa la tirtiraa (imaatin qayb ahaan oo keliya la xaqiijiyay kadib, waxaa la hayaa { $minutes } daqiiqo oo kale si aad u dhammaystirto). Qoyskaagu wuxuu helayaa nuqul sawirka ah, iyadoo xogta qarsoon oo dhan laga saaray.
    Muddo intee le'eg: wax walba waa la tirtirayaa { $days } maalmood kadib marka safarkaagu dhammaado. Si aad hadda wax walba u tirtirto, dir /forget.
    Yaa arka: xubnaha qoyska ee aad casuunto oo keliya. Qof kale ma arko.
consent-accept = Waan oggolahay
consent-decline = Maya, mahadsanid
consent-accepted = Mahadsanid. Tallaabada xigta: dir /contact si aad u casuunto xubin qoyska ka mid ah.
consent-declined = Hagaag. Waxba lama kaydin. Dir /start haddii aad fikirka beddesho.
consent-required = Marka hore akhri oo aqbal sida aan xogtaada u isticmaalno: dir /start.
help =
    Waxa aan qaban karo:
    /contact — casuun xubin qoyska ah
    /contacts — arag ama ka saar xubnaha qoyskaaga
    /trip — qorshee imaatinkaaga meel
    /checkin — sida loo sheego inaad timid
    /status — safarkaaga iyo hubintii kuugu dambeysay
    /cancel — dhammee safarkaaga
    /secret — dooro ereygaaga sirta ah
    /duress — dooro ereygaaga khatarta
    /language — beddel luqadda
    /forget — tirtir wax walba oo adiga kugu saabsan

## Family contacts

invite-created =
    Linkigan u dir hal xubin oo qoyska ah:
    { $link }
    Hal mar ayuu shaqeeyaa, wuxuuna dhacayaa { $days } maalmood kadib.
invite-rate-limited = Waxaad samaysay linkiyo casuumaad oo badan. Fadlan sug hal saac.
invite-preview =
    { $traveller } wuxuu rabaa inaad noqoto xubin qoyskiisa ah oo ku jirta SafeArrival.
    Markuu { $traveller } yimaado meel la qorsheeyay, waxaad helaysaa fariin leh sawir.
    Waxaan haynaa oo keliya magacaaga chat-ka iyo luqaddaada. Waad ka bixi kartaa wakhti kasta adigoo isticmaalaya /contacts.
invite-accept = Aqbal
invite-decline = Diid
invite-accepted = Waa la dhammeeyay. Hadda waxaad heli doontaa fariimaha imaatinka ee { $traveller }.
invite-linked = { $contact } hadda waa xubin qoyskaaga ka mid ah.
contact-unreachable = Kuma gaari karin { $contact } WhatsApp-ka, sidaas darteed fariimahaaga ma helayaan. Ka codso inay ii soo diraan fariin kasta WhatsApp-ka, ama mar kale ku casuun /contact.
contact-blocked = Kuma gaari karin { $contact }: waxaa laga yaabaa inay i xannibeen ama xireen wada-sheekaysiga, sidaas darteed fariimahaaga ma helayaan. Ka codso inay ii soo diraan fariin, ama mar kale ku casuun /contact.
invite-declined = Hagaag. Fariimo kama heli doontid { $traveller }.
invite-invalid = Linkigan casuumaadda ah hadda ma shaqeeyo. Waa la isticmaalay ama waa duug. Fadlan weydiiso link cusub.
invite-own = Kani waa linkiga casuumaaddaada. U dir xubin qoyska ah.
invite-already-linked = Horey ayaad u heshaa fariimaha imaatinka ee { $traveller }.
redeem-rate-limited = Isku day badan. Fadlan sug hal saac.
contacts-none = Weli ma lihid xubin qoyska ah. Dir /contact si aad mid u casuunto.
contacts-list = Xubnaha qoyskaaga:
following-list = Fariimaha imaatinka waxaad ka heshaa:
contacts-remove = Ka saar { $name }
following-leave = Jooji fariimaha { $name }
unlinked-traveller = { $name } waa laga saaray. Mar dambe ma heli doono fariimahaaga.
unlinked-contact = Mar dambe fariimo kama heli doontid { $name }.
link-ended = Xiriirka { $name } wuu dhammaaday. Mar dambe ma heli doontid fariimaha imaatinkiisa.
link-ended-contact = { $name } wuu joojiyay helitaanka fariimaha imaatinkaaga.

## Trips

trip-choose-landmark = Xagee ayaad qorsheynaysaa inaad gaarto? Dooro meel.
trip-choose-deadline = Goorma ayaad qorsheynaysaa inaad gaarto { $landmark }? Dooro, ama qor waqti sida 45m, 6h ama 1d (m = daqiiqo, h = saac, d = maalin).
trip-deadline-1h = 1 saac gudihiis
trip-deadline-3h = 3 saac gudahood
trip-deadline-6h = 6 saac gudahood
trip-deadline-1d = 1 maalin gudaheed
trip-created =
    Safarka waa la kaydiyay: { $landmark }, ka hor { $deadline } ({ $zone }).
    Markaad timaado, dir /checkin.
trip-unknown-landmark = Ma aqaan meesha “{ $id }”. Dir /trip oo ka dooro liiska.
trip-deadline-invalid = Ma fahmin waqtigaas. U qor sidan: 45m, 6h, 1d, ama 2026-12-01T18:00.
trip-deadline-past = Waqtigaas wuu dhaafay. Fadlan dooro waqti mustaqbalka ah.
trip-deadline-too-far = Taasi aad bay u fog tahay. Dooro waqti 14 maalmood gudahood ah.
trip-no-landmarks = Weli meelo lama diyaarin. Fadlan weydii hay'adda maamusha adeeggan.
cancel-done = Safarkaagii waa dhammaaday.
cancel-none = Safar ma lihid.

## Check-in

checkin-howto =
    Markaad gaarto { $landmark }:
    1. Ka qaad sawir cusub meesha.
    2. Halkan u soo dir sawirka, oo soo dir goobtaada (badhanka hoose).
    Talo: sawirka u dir “fayl ahaan” si waqtiga la qaaday u ilaashado.
checkin-location-button = Dir goobtayda
checkin-no-trip = Weli safar ma lihid. Marka hore dir /trip.
checkin-need-location = Sawirka waa la helay. Hadda soo dir goobtaada.
checkin-need-photo = Goobta waa la helay. Hadda soo dir sawirka meesha.
checkin-queued = Mahadsanid. Hadda waxaan hubinayaa sawirkaaga iyo goobtaada.
photo-forwarded = Sawirrada la gudbiyay (forward) lama aqbalo. Fadlan qaad sawir cusub oo soo dir.
photo-too-large = Faylkani aad buu u weyn yahay. Xadka waa { $mb } MB.
photo-too-many-pixels = Sawirkani aad buu u weyn yahay in la hubiyo. Fadlan soo dir sawir caadi ah oo kamarad ah.
photo-truncated = Sawirkani waa jaban yahay ama waa dhiman yahay. Fadlan mar kale soo dir.
photo-too-small = Sawirkani aad buu u yar yahay in la hubiyo. Fadlan soo dir sawir ka weyn.
photo-download-failed = Ma heli karin sawirkan. Fadlan mar kale soo dir.
photo-expired = Sawirkaaga waa la tirtiray ka hor inta aan la hubin. Fadlan mar kale soo dir.
location-forwarded = Goobaha la gudbiyay (forward) lama aqbalo. Fadlan soo dir goobtaada.
location-venue = Meel laga doortay khariidadda lama aqbalo. Fadlan soo dir goobtaada.

## Results

result-verified = ✅ Imaatinkaaga waa la xaqiijiyay. Xubnaha qoyskaaga waa loo sheegayaa.
result-partial = ☑️ Imaatinkaaga waa la aqbalay, laakiin si buuxda looma xaqiijin. Xubnaha qoyskaaga waxaa loo sheegayaa waxa la hubiyay.
result-no-contacts = Weli ma lihid xubin qoyska ah, sidaa darteed qofna looma sheegin. Dir /contact si aad mid u casuunto.
result-not-verified = ❌ Imaatinkaaga lama xaqiijin. Qoyskaaga LOOMA sheegin.
result-retry = Si aad mar kale isugu daydo: ka qaad sawir cusub { $landmark } oo la dir goobtaada.
result-details = Waxa la hubiyay:
result-rejected = ❌ Ma hubin karin sawirkan. Qoyskaaga LOOMA sheegin.

family-arrived = ✅ { $traveller } wuxuu gaaray { $landmark } { $time } ({ $zone }).
family-details = Waxa la hubiyay:
family-photo-unavailable = (Sawirka hadda lama heli karo.)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = sawirku waa cusub yahay (hore looma arag)
reason-photo_forwarded = sawirka waa la gudbiyay (forward)
reason-photo_replay_reference = sawirku waa sawir la yaqaan oo meesha ah, ma aha mid cusub
reason-photo_replay_earlier = sawirka hore ayaa loo soo diray
reason-location_forwarded = goobta waa la gudbiyay (forward)
reason-location_venue = goobtu waxay ahayd meel laga doortay khariidadda, ma aha goob dhab ah
reason-location_missing = goob lama helin
reason-capture_time_fresh = sawirka waxaa la qaaday { $minutes } daqiiqo ka hor intaan la dirin
reason-capture_time_stale = sawirka waxaa la qaaday { $minutes } daqiiqo ka hor intaan la dirin, aad buu u duug yahay
reason-capture_time_future = waqtiga sawirku waa mustaqbalka
reason-capture_time_missing = waqtiga sawirka la qaaday lama hayo
reason-visual_match = sawirku wuu la mid yahay meesha
reason-visual_no_match = meesha laguma aqoonsan sawirka
reason-visual_no_match-night = meesha laguma aqoonsan sawirka: sawirka waxaa la qaaday mugdi, sawirrada tixraaca ee meeshana dhammaan waa kuwo maalin
reason-visual_other_landmark = sawirku wuxuu muujinayaa meel kale: { $landmark }
reason-visual_not_evaluated = sawirka laguma barbar dhigin meesha

## Status and ending

status-trip = Safar: { $landmark }, ka hor { $deadline } ({ $zone }).
status-arrived = Safar: waxaad gaartay { $landmark } { $time } ({ $zone }).
status-safe = Safarka { $landmark }: waxaad sheegtay inaad nabad qabto, { $time } ({ $zone }).
status-no-trip = Safar ma lihid.
status-contacts = Xubnaha qoyska: { $count }
status-last-checkin = Hubintii ugu dambeysay: { $result }
status-result-verified = waa la xaqiijiyay
status-result-partial = qayb ahaan waa la xaqiijiyay
status-result-not_verified = lama xaqiijin
status-result-rejected = sawirka lama hubin karin
status-result-queued = waa la hubinayaa
forget-confirm = Hadda ma la tirtiraa wax walba oo adiga kugu saabsan? Safarkaaga, hubintaada iyo xiriirrada qoyska waa la tirtirayaa. Xubnaha qoyskaaga waxaa keliya loo sheegayaa in xiriirku dhammaaday. Tan dib looma celin karo.
forget-yes = Haa, tirtir wax walba
forget-no = Maya, hay
forget-done = Wax walba oo adiga kugu saabsan waa la tirtiray. Dir /start si aad dib u bilowdo.
forget-kept = Waxba lama tirtirin.

## Errors

unknown-command = Ma aqaan amarkan. Dir /help si aad u aragto waxa aan qaban karo.
not-understood = Ma fahmin. Dir /help si aad u aragto waxa aan qaban karo.
unsupported-message = Waxaan akhrin karaa oo keliya qoraal, sawirro iyo goobo.
rate-limited = Fariimo aad u badan. Fadlan sug hal daqiiqo.
error-generic = Khalad ayaa dhinaceena ka dhacay. Waxba ma lumin. Fadlan isku day mar kale hal daqiiqo kadib.
