# SafeArrival — ትግርኛ (Tigrinya): deadlines, escalation, duress, NGO alerts
# Review status: machine-written, needs a native reviewer

reminder-deadline = ⏰ ቅድሚ { $deadline } ({ $zone }) ናብ { $landmark } ክትበጽሑ መዲብኩም ነይርኩም። ድሓን ዲኹም?
reminder-safe = ድሓን እየ
reminder-more-time = ተወሳኺ ግዜ የድልየኒ
reminder-safe-ack = የቐንየለይ። ምስ ከኣልኩም፡ ብስእልን ሎኬሽንን ምብጻሕኩም መዝግቡ፡ /checkin።
reminder-more-time-ack = ሕራይ። ሓድሽ ግዜኹም { $deadline } ({ $zone }) እዩ።

extend-done = ሓድሽ ግዜ ምብጻሕኩም { $deadline } ({ $zone }) እዩ።
extend-capped = ነቲ ግዜ ካብ { $max } ({ $zone }) ንድሕሪት ክተናውሕዎ ኣይትኽእሉን።
extend-usage = /extend ምስ ግዜ ጽሓፉ፡ ከም /extend 1h።
extend-needs-secret = መጠንቀቕታታት ጀሚሮም። ግዜ ንምቕያር /extend፡ ነቲ ግዜን ምስጢራዊ ቃልኩምን ስደዱ።
extend-no-trip = ግዜኡ እትቕይርዎ ጉዕዞ የብልኩምን።

words-intro = ክልተ ቃላት ክትውስኑ ትኽእሉ ኢኹም። ምስጢራዊ ቃል፡ ብ /secret፡ ብሓቂ ንስኹም ምዃንኩም የረጋግጽ። ቃል ሓደጋ፡ ብ /duress፡ ሓደ ሰብ ምብጻሕኩም ንኽትምዝግቡ እንተ ኣገደደኩም ተጠቐምሉ። ንዕኦም ንቡር ይመስሎም፡ ግን ስድራኹምን { $ngo }ን ድሓን ከም ዘይኮንኩም ክፈልጡ እዮም።
words-intro-no-ngo = ክልተ ቃላት ክትውስኑ ትኽእሉ ኢኹም። ምስጢራዊ ቃል፡ ብ /secret፡ ብሓቂ ንስኹም ምዃንኩም የረጋግጽ። ቃል ሓደጋ፡ ብ /duress፡ ሓደ ሰብ ምብጻሕኩም ንኽትምዝግቡ እንተ ኣገደደኩም ተጠቐምሉ። ንዕኦም ንቡር ይመስሎም፡ ግን ስድራኹም ድሓን ከም ዘይኮንኩም ክፈልጡ እዮም።
secret-set = ምስጢራዊ ቃልኩም ተዓቂቡ። ንድሕንነትኩም ኢለ መልእኽትኹም ደምሲሰዮ።
duress-set = ቃል ሓደጋኹም ተዓቂቡ። ንድሕንነትኩም ኢለ መልእኽትኹም ደምሲሰዮ።
word-usage = ነቲ ትእዛዝን ሓደ ቃልን ጽሓፉ፡ ከም /secret tulip። ካብ 4 ክሳዕ 32 ፊደላት ወይ ቁጽሪ ተጠቐሙ።
words-must-differ = ምስጢራዊ ቃልን ቃል ሓደጋን ዝተፈላለዩ ክኾኑ ኣለዎም።

ngo-consent-question = ብግዜኹም እንተ ዘይበጺሕኩም፡ ን{ $ngo } እውን ክንነግሮም ንኽእል ዶ? ንሳቶም ንኣብ ጉዕዞ ዘለዉ ሰባት ዝሕግዝ ትካል እዮም። ዝርእይዎ እዚ ጥራይ እዩ፡ ዝመደብኩምዎ ቦታ፡ እቲ ግዜ፡ ቋንቋኹምን መወዳእታ ምምዝጋብኩምን።
ngo-consent-yes = እወ፡ ንገርዎም
ngo-consent-no = ኣይፋል
ngo-consent-given = ሕራይ። ብግዜኹም እንተ ዘይበጺሕኩም { $ngo } ክንገሩ እዮም።
ngo-consent-refused = ሕራይ። ስድራኹም ጥራይ ክንገሩ እዮም።

family-alert-missed =
    ⚠️ { $traveller } ቅድሚ { $deadline } ({ $zone }) ናብ { $landmark } ክበጽሕ መዲቡ ነይሩ፡ ግን ምብጻሑ ኣይመዝገበን።
    በጃኹም ክትረኽብዎ ፈትኑ።
family-alert-last-checkin = መወዳእታ ዝተረጋገጸ ምምዝጋብ፡ { $landmark } ኣብ { $time } ({ $zone })።
family-false-alarm = ✅ ጌጋ መጠንቀቕታ፡ { $traveller } ኣብ { $time } ({ $zone }) ናብ { $landmark } በጺሑ።
family-reported-safe = { $traveller } “ድሓን እየ” ኢሉ መሊሱ (እዚ ዝተረጋገጸ ምምዝጋብ ኣይኮነን)።
family-duress =
    ⚠️ { $traveller } ኣብ { $landmark } ምብጻሑ መዝጊቡ፡ ግን ከም ድሓን ምብጻሕ ኣይትቑጸርዎ። ብናጻ ክዛረብ ዘይክእል ይኸውን።
    ኣብቲ ምስኡ ዘሎ ቻት ብዛዕባ እዚ ኣይትጽሓፉ። { $ngo } ተነጊሮም እዮም።
family-duress-no-ngo =
    ⚠️ { $traveller } ኣብ { $landmark } ምብጻሑ መዝጊቡ፡ ግን ከም ድሓን ምብጻሕ ኣይትቑጸርዎ። ብናጻ ክዛረብ ዘይክእል ይኸውን።
    ኣብቲ ምስኡ ዘሎ ቻት ብዛዕባ እዚ ኣይትጽሓፉ።

ngo-alert-missed = 🚨 መጠንቀቕታ { $id }: ሓደ ገያሻይ ቅድሚ { $deadline } ({ $zone }) ኣብ { $landmark } ምብጻሑ ኣይመዝገበን። ቋንቋ: { $language }። መስመር: { $channel }።
ngo-alert-duress = 🚨 ህጹጽ { $id }: ሓደ ገያሻይ ብቃል ሓደጋ ኣብ { $landmark } ምብጻሑ መዝጊቡ። ቋንቋ: { $language }። መስመር: { $channel }።
ngo-alert-resolved = መጠንቀቕታ { $id } ተዓጽዩ፡ እቲ ገያሻይ ኣብ { $time } ({ $zone }) ናብ { $landmark } በጺሑ።
cancel-needs-secret = ጉዕዞኹም ንምውዳእ /cancel ምስ ምስጢራዊ ቃልኩም ስደዱ።
