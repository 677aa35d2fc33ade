# SafeArrival — ትግርኛ (Tigrinya, Eritrea and Ethiopia; simple words, polite plural)
# Review status: machine-written, needs a native reviewer
# "ሎኬሽን" = the GPS location sent from the phone; "ቦታ" = a place.

## Onboarding

language-prompt = ቋንቋኹም ምረጹ።
language-set = ቋንቋ ናብ ትግርኛ ተቐይሩ።
consent-text =
    ቅድሚ ምጅማርኩም፡ በጃኹም እዚ ኣንብቡ።
    እንዕቅቦ፡ ኣብ ቻት ዘሎ ስምኩም፡ ቋንቋኹም፡ ክትበጽሕዎ ዝመደብኩምዎ (ቦታን ሰዓትን)፡ ውጽኢት ናይ መወዳእታ ምምዝጋብ ምብጻሕኩም፡ ከምኡውን እትዕድምዎም ኣባላት ስድራ።
    ስእልን ሎኬሽንን፡ ይፍተሹ፡ ድሕሪኡ ብቕልጡፍ ይድምሰሱ (ድሕሪ ብከፊል ጥራይ ዝተረጋገጸ ምብጻሕ፡ ክተማልእዎ ምእንቲ { $minutes } ደቒቕ ተወሳኺ ይዕቀቡ)። ስድራኹም ኩሉ ሕቡእ ሓበሬታ ዝተደምሰሶ ቅዳሕ ናይቲ ስእሊ ይረኽቡ።
    ክሳዕ መዓስ፡ ጉዕዞኹም ምስ ተወድአ ድሕሪ { $days } መዓልትታት ኩሉ ይድምሰስ። ኩሉ ሕጂ ንምድምሳስ { "/forget" } ስደዱ።
    መን ይርእዮ፡ እትዕድምዎም ኣባላት ስድራ ጥራይ። ካልእ ሰብ የለን።
consent-accept = እሰማማዕ እየ
consent-decline = ኣይፋል፡ የቐንየለይ
consent-accepted = የቐንየለይ። ቀጻሊ ስጉምቲ፡ ሓደ ኣባል ስድራ ንምዕዳም { "/contact" } ስደዱ።
consent-declined = ሕራይ። ዋላ ሓንቲ ኣይተዓቀበትን። ሓሳብኩም እንተ ቀየርኩም { "/start" } ስደዱ።
consent-required = መጀመርታ ሓበሬታኹም ብኸመይ ከም እንጥቀመሉ ኣንቢብኩም ተሰማምዑ፡ { "/start" } ስደዱ።
help =
    ክገብሮ ዝኽእል፡
    /contact — ሓደ ኣባል ስድራ ምዕዳም
    /contacts — ኣባላት ስድራኹም ምርኣይ ወይ ምእላይ
    /trip — ናብ ሓደ ቦታ ምብጻሕኩም ምምዳብ
    /checkin — ምስ በጻሕኩም ብኸመይ ከም እተመዝግቡ
    /status — ጉዕዞኹምን መወዳእታ ምምዝጋብኩምን
    /cancel — ጉዕዞኹም ምውዳእ
    /secret — ምስጢራዊ ቃልኩም ምውሳን
    /duress — ቃል ሓደጋ ምውሳን
    /language — ቋንቋ ምቕያር
    /forget — ብዛዕባኹም ዘሎ ኩሉ ምድምሳስ

## Family contacts

invite-created =
    እዚ ሊንክ ናብ ሓደ ኣባል ስድራ ስደዱ፡
    { $link }
    ሓንሳብ ጥራይ ይሰርሕ፡ ድሕሪ { $days } መዓልትታት ድማ ይውዳእ።
invite-rate-limited = ብዙሕ ናይ ዕድመ ሊንክ ሰሪሕኩም። በጃኹም ሓደ ሰዓት ተጸበዩ።
invite-preview =
    { $traveller } ኣብ SafeArrival ኣባል ስድራ ክትኮኑ ይደሊ።
    { $traveller } ናብ ዝተመደበ ቦታ ምስ በጽሐ፡ ምስ ስእሊ መልእኽቲ ክመጸኩም እዩ።
    ኣብ ቻት ዘሎ ስምኩምን ቋንቋኹምን ጥራይ ኢና እንዕቅብ። ኣብ ዝደለኹምዎ ግዜ ብ /contacts ክትወጹ ትኽእሉ ኢኹም።
invite-accept = ተቐበል
invite-decline = ኣይትቐበል
invite-accepted = ተወዲኡ። ካብ ሕጂ ናይ { $traveller } መልእኽቲ ምብጻሕ ክመጸኩም እዩ።
invite-linked = { $contact } ሕጂ ኣባል ስድራኹም እዩ።
contact-unreachable = ን{ $contact } ብዋትስኣፕ ክረኽቦም ኣይከኣልኩን፣ ስለዚ መልእኽትኹም ኣይበጽሖምን እዩ። ብዋትስኣፕ ዝኾነ መልእኽቲ ክሰዱለይ ሕተትዎም፣ ወይ ብ /contact እንደገና ዕደምዎም።
contact-blocked = ን{ $contact } ክረኽቦም ኣይከኣልኩን፤ ምናልባት ዓጊቶምኒ ወይ ዕላል ዓጽዮም ይኾኑ፣ ስለዚ መልእኽትኹም ኣይበጽሖምን እዩ። መልእኽቲ ክሰዱለይ ሕተትዎም፣ ወይ ብ /contact እንደገና ዕደምዎም።
invite-declined = ሕራይ። ካብ { $traveller } መልእኽቲ ኣይክመጸኩምን እዩ።
invite-invalid = እዚ ናይ ዕድመ ሊንክ ድሕሪ ሕጂ ኣይሰርሕን። ተጠቒምሉ ወይ ኣዝዩ ኣረጊቱ። በጃኹም ሓድሽ ሊንክ ሕተቱ።
invite-own = እዚ ናይ ባዕልኹም ናይ ዕድመ ሊንክ እዩ። ናብ ሓደ ኣባል ስድራ ስደድዎ።
invite-already-linked = ቅድሚ ሕጂ ናይ { $traveller } መልእኽቲ ምብጻሕ ይመጸኩም እዩ።
redeem-rate-limited = ብዙሕ ፈተነታት። በጃኹም ሓደ ሰዓት ተጸበዩ።
contacts-none = ገና ኣባል ስድራ የብልኩምን። ሓደ ንምዕዳም /contact ስደዱ።
contacts-list = ኣባላት ስድራኹም፡
following-list = መልእኽቲ ምብጻሕ ካብዞም ይመጸኩም፡
contacts-remove = { $name } ኣልይ
following-leave = መልእኽቲ ካብ { $name } ኣቋርጽ
unlinked-traveller = { $name } ተኣልዩ። ድሕሪ ሕጂ መልእኽትኹም ኣይበጽሖን እዩ።
unlinked-contact = ድሕሪ ሕጂ ካብ { $name } መልእኽቲ ኣይክመጸኩምን እዩ።
link-ended = ምስ { $name } ዘሎ ርክብ ተወዲኡ። ድሕሪ ሕጂ ናይ ምብጻሕ መልእኽቱ ኣይክመጸኩምን እዩ።
link-ended-contact = { $name } ናይ ምብጻሕ መልእኽትኹም ምቕባል ኣቋሪጹ።

## Trips

trip-choose-landmark = ናበይ ክትበጽሑ መዲብኩም? ሓደ ቦታ ምረጹ።
trip-choose-deadline = ናብ { $landmark } መዓስ ክትበጽሑ መዲብኩም? ምረጹ፡ ወይ ከም 45m፡ 6h ወይ 1d ዝበለ ግዜ ጽሓፉ (m = ደቒቕ፡ h = ሰዓት፡ d = መዓልቲ)።
trip-deadline-1h = ኣብ 1 ሰዓት
trip-deadline-3h = ኣብ 3 ሰዓት
trip-deadline-6h = ኣብ 6 ሰዓት
trip-deadline-1d = ኣብ 1 መዓልቲ
trip-created =
    ጉዕዞ ተዓቂቡ፡ { $landmark }፡ ቅድሚ { $deadline } ({ $zone })።
    ምስ በጻሕኩም /checkin ስደዱ።
trip-unknown-landmark = ነቲ ቦታ “{ $id }” ኣይፈልጦን። /trip ስደዱ እሞ ካብቲ ዝርዝር ምረጹ።
trip-deadline-invalid = ነቲ ግዜ ኣይተረደኣንን። ከምዚ ጽሓፍዎ፡ 45m፡ 6h፡ 1d ወይ 2026-12-01T18:00።
trip-deadline-past = እቲ ግዜ ሓሊፉ እዩ። በጃኹም ዝመጽእ ግዜ ምረጹ።
trip-deadline-too-far = እዚ ኣዝዩ ርሑቕ እዩ። ኣብ ውሽጢ 14 መዓልትታት ዘሎ ግዜ ምረጹ።
trip-no-landmarks = ገና ዝተዳለወ ቦታ የለን። በጃኹም ነቲ ነዚ ኣገልግሎት ዘካይድ ትካል ሕተቱ።
cancel-done = ጉዕዞኹም ተወዲኡ።
cancel-none = ጉዕዞ የብልኩምን።

## Check-in

checkin-howto =
    ናብ { $landmark } ምስ በጻሕኩም፡
    1. ናይቲ ቦታ ሓድሽ ስእሊ ኣልዕሉ።
    2. ነቲ ስእሊ ኣብዚ ስደዱ፡ ሎኬሽንኩም ድማ ስደዱ (ኣብ ታሕቲ ዘሎ መጠወቒ)።
    ምኽሪ፡ እቲ ስእሊ ዝተላዕለሉ ግዜ ንክዕቀብ፡ ነቲ ስእሊ “ከም ፋይል” ስደድዎ።
checkin-location-button = ሎኬሽነይ ስደድ
checkin-no-trip = ገና ጉዕዞ የብልኩምን። መጀመርታ /trip ስደዱ።
checkin-need-location = ስእሊ በጺሑ። ሕጂ ሎኬሽንኩም ስደዱ።
checkin-need-photo = ሎኬሽን በጺሑ። ሕጂ ስእሊ ናይቲ ቦታ ስደዱ።
checkin-queued = የቐንየለይ። ሕጂ ስእልኹምን ሎኬሽንኩምን ይፍትሽ ኣለኹ።
photo-forwarded = ዝተሰገረ (forward ዝተገብረ) ስእሊ ኣይቅበልን። በጃኹም ሓድሽ ስእሊ ኣልዒልኩም ስደዱ።
photo-too-large = እዚ ፋይል ኣዝዩ ዓቢ እዩ። ደረቱ { $mb } MB እዩ።
photo-too-many-pixels = እዚ ስእሊ ንምፍታሽ ኣዝዩ ዓቢ እዩ። በጃኹም ንቡር ስእሊ ካሜራ ስደዱ።
photo-truncated = እዚ ስእሊ ተበላሽዩ ወይ ምሉእ ኣይኮነን። በጃኹም እንደገና ስደድዎ።
photo-too-small = እዚ ስእሊ ንምፍታሽ ኣዝዩ ንእሽቶ እዩ። በጃኹም ዝዓበየ ስእሊ ስደዱ።
photo-download-failed = ነዚ ስእሊ ክቕበሎ ኣይከኣልኩን። በጃኹም እንደገና ስደድዎ።
photo-expired = ስእልኹም ቅድሚ ምፍታሹ ተደምሲሱ። በጃኹም እንደገና ስደድዎ።
location-forwarded = ዝተሰገረ ሎኬሽን ኣይቅበልን። በጃኹም ናይ ባዕልኹም ሎኬሽን ስደዱ።
location-venue = ካብ ካርታ ዝተመርጸ ቦታ ኣይቅበልን። በጃኹም ናይ ባዕልኹም ሎኬሽን ስደዱ።

## Results

result-verified = ✅ ምብጻሕኩም ተረጋጊጹ። ኣባላት ስድራኹም ይንገሩ ኣለዉ።
result-partial = ☑️ ምብጻሕኩም ተቐባልነት ረኺቡ፡ ግን ብምሉኡ ኣይተረጋገጸን። ኣባላት ስድራኹም እንታይ ከም ዝተፈተሸ ይንገሩ ኣለዉ።
result-no-contacts = ገና ኣባል ስድራ የብልኩምን፡ ስለዚ ዝተነግሮ ሰብ የለን። ሓደ ንምዕዳም /contact ስደዱ።
result-not-verified = ❌ ምብጻሕኩም ኣይተረጋገጸን። ስድራኹም ኣይተነግሩን።
result-retry = እንደገና ንምፍታን፡ ኣብ { $landmark } ሓድሽ ስእሊ ኣልዒልኩም ምስ ሎኬሽንኩም ስደዱ።
result-details = ዝተፈተሸ፡
result-rejected = ❌ ነዚ ስእሊ ክፍትሾ ኣይከኣልኩን። ስድራኹም ኣይተነግሩን።

family-arrived = ✅ { $traveller } ኣብ { $time } ({ $zone }) ናብ { $landmark } በጺሑ።
family-details = ዝተፈተሸ፡
family-photo-unavailable = (እቲ ስእሊ ድሕሪ ሕጂ የለን።)

reason-ok = ✔
reason-not-ok = ✘
reason-photo_original = እቲ ስእሊ ሓድሽ እዩ (ቅድሚ ሕጂ ኣይተራእየን)
reason-photo_forwarded = እቲ ስእሊ ተሰጊሩ (forward ተገይሩ)
reason-photo_replay_reference = እቲ ስእሊ ናይቲ ቦታ ፍሉጥ ስእሊ እዩ፡ ሓድሽ ኣይኮነን
reason-photo_replay_earlier = እቲ ስእሊ ቅድሚ ሕጂ ተሰዲዱ ነይሩ
reason-location_forwarded = እቲ ሎኬሽን ተሰጊሩ (forward ተገይሩ)
reason-location_venue = እቲ ሎኬሽን ካብ ካርታ ዝተመርጸ ቦታ ነይሩ፡ ሓቀኛ ቦታ ኣይኮነን
reason-location_missing = ሎኬሽን ኣይበጽሐን
reason-capture_time_fresh = እቲ ስእሊ ቅድሚ ምስዳዱ { $minutes } ደቒቕ ተላዒሉ
reason-capture_time_stale = እቲ ስእሊ ቅድሚ ምስዳዱ { $minutes } ደቒቕ ተላዒሉ፡ ኣዝዩ ኣረጊቱ
reason-capture_time_future = ግዜ ናይቲ ስእሊ ኣብ መጻኢ እዩ
reason-capture_time_missing = እቲ ስእሊ ዝተላዕለሉ ግዜ ኣይፍለጥን
reason-visual_match = እቲ ስእሊ ምስቲ ቦታ ይሰማማዕ
reason-visual_no_match = እቲ ቦታ ኣብቲ ስእሊ ኣይተለለየን
reason-visual_no_match-night = እቲ ቦታ ኣብቲ ስእሊ ኣይተለለየን፡ እቲ ስእሊ ኣብ ጸልማት እዩ ተላዒሉ፡ ኩሎም መወከሲ ስእልታት ናይቲ ቦታ ድማ ናይ መዓልቲ እዮም
reason-visual_other_landmark = እቲ ስእሊ ካልእ ቦታ የርኢ፡ { $landmark }
reason-visual_not_evaluated = እቲ ስእሊ ምስቲ ቦታ ኣይተነጻጸረን

## Status and ending

status-trip = ጉዕዞ፡ { $landmark }፡ ቅድሚ { $deadline } ({ $zone })።
status-arrived = ጉዕዞ፡ ኣብ { $time } ({ $zone }) ናብ { $landmark } በጺሕኩም።
status-safe = ጉዕዞ ናብ { $landmark }፡ ኣብ { $time } ({ $zone }) ድሕንነትኩም ሓቢርኩም።
status-no-trip = ጉዕዞ የብልኩምን።
status-contacts = ኣባላት ስድራ፡ { $count }
status-last-checkin = መወዳእታ ምምዝጋብ፡ { $result }
status-result-verified = ተረጋጊጹ
status-result-partial = ብከፊል ተረጋጊጹ
status-result-not_verified = ኣይተረጋገጸን
status-result-rejected = እቲ ስእሊ ክፍተሽ ኣይከኣለን
status-result-queued = ይፍተሽ ኣሎ
forget-confirm = ብዛዕባኹም ዘሎ ኩሉ ሕጂ ይደምሰስ ዶ? ጉዕዞኹም፡ ምምዝጋባትኩምን ርክባት ስድራኹምን ክድምሰሱ እዮም። ኣባላት ስድራኹም እቲ ርክብ ከም ዝተወድአ ጥራይ ክንገሩ እዮም። እዚ ክምለስ ኣይክእልን።
forget-yes = እወ፡ ኩሉ ደምስስ
forget-no = ኣይፋል፡ ሓዞ
forget-done = ብዛዕባኹም ዘሎ ኩሉ ተደምሲሱ። እንደገና ንምጅማር /start ስደዱ።
forget-kept = ዋላ ሓንቲ ኣይተደምሰሰትን።

## Errors

unknown-command = ነዚ ትእዛዝ ኣይፈልጦን። ክገብሮ ዝኽእል ንምርኣይ /help ስደዱ።
not-understood = ኣይተረደኣንን። ክገብሮ ዝኽእል ንምርኣይ /help ስደዱ።
unsupported-message = ጽሑፍ፡ ስእልን ሎኬሽንን ጥራይ እየ ከንብብ ዝኽእል።
rate-limited = ብዙሕ መልእኽቲ። በጃኹም ሓንቲ ደቒቕ ተጸበዩ።
error-generic = ብወገንና ጸገም ተፈጢሩ። ዝጠፍአ የለን። በጃኹም ድሕሪ ሓንቲ ደቒቕ እንደገና ፈትኑ።
