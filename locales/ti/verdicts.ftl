# SafeArrival — ትግርኛ (Tigrinya): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ ብምሉኡ ኣይተረጋገጸን፡ { $traveller } ኣብ { $landmark } ከም ዘሎ ይገልጽ ({ $time }፡ { $zone })፡ ግን ኩሉ ክፍተሽ ኣይተኻእለን።
family-needs-attention = ⚠️ ኣቓልቦ የድልዮ፡ { $traveller } ኣብ { $landmark } ምብጻሑ ክምዝግብ ፈቲኑ ({ $time }፡ { $zone })፡ ግን እቶም ምልክታት ይጻረሩ እዮም። እዚ ዝተረጋገጸ ምብጻሕ ኣይኮነን።
family-not-confirmed = ክረጋገጽ ዘይተኻእለ፡
family-confirmed = ዝተረጋገጸ፡
family-photo-not-recognised = እቲ ስእሊ ከም { $landmark } ኣይተለለየን፡ ካልእ ቦታ ከርኢ ይኽእል እዩ።
family-photo-not-recognised-night = እቲ ስእሊ ከም { $landmark } ኣይተለለየን። ኣብ ጸልማት እዩ ተላዒሉ፡ እቶም ዝተነጻጸርዎም ስእልታት ናይ { $landmark } ድማ ናይ መዓልቲ እዮም፤ ናይ ለይቲ ስእልታት ብዙሕ ግዜ ኣይልለዩን።
family-photo-withheld = እዚ ምብጻሕ ክረጋገጽ ስለ ዘይተኻእለ፡ እቲ ስእሊ ኣይተርኣየን።
checkin-upgrade-hint = ብምሉኡ ንምርግጋጽ፡ ኣብ ውሽጢ { $minutes } ደቒቕ ካልእ ስእሊ ናይቲ ቦታ ስደዱ፡ ወይ ቀጥታዊ ቦታኹም ኣካፍሉ።
family-upgrade-verified = ✅ ሓድሽ ሓበሬታ፡ ምብጻሕ { $traveller } ኣብ { $landmark } ሕጂ ተረጋጊጹ ({ $time }፡ { $zone })።
family-upgrade-live = ☑️ ሓድሽ ሓበሬታ፡ ምህላው { $traveller } ኣብ { $landmark } ሕጂ ብቀጥታዊ ቦታ ተረጋጊጹ ({ $time }፡ { $zone })። እቲ ስእሊ ግን ገና ከም እቲ ቦታ ኣይተለለየን።
result-upgrade-verified = ✅ ምብጻሕኩም ሕጂ ተረጋጊጹ። ኣባላት ስድራኹም ሓደ ሓድሽ ሓበሬታ ይበጽሖም።
result-upgrade-live = ☑️ ቀጥታዊ ቦታኹም ተረጋጊጹ። ኣባላት ስድራኹም ሓደ ሓድሽ ሓበሬታ ይበጽሖም።
result-upgrade-no-change = እዚ ካብቲ ቅድሚኡ ዝነበረ ምብጻሕኩም ዝበለጸ ኣየረጋገጸን፡ ስለዚ ስድራኹም ደጊሞም ኣይተነግሩን።
result-needs-attention = ⚠️ ምብጻሕኩም ኣቓልቦ የድልዮ፡ ገሊኦም ምልክታት ይጻረሩ እዮም። ምብጻሕኩም ክረጋገጽ ከም ዘይተኻእለ ንስድራኹም ተነጊሩ። ጉዕዞኹም ገና ክፉት እዩ።
status-result-needs_attention = ኣቓልቦ የድልዮ (ኣይተረጋገጸን)
reason-location_within-live = ቀጥታዊ ቦታ ካብቲ ቦታ { $distance } ርሒቑ
reason-location_within-pin = ኣብ ካርታ ዝተቐመጠ ምልክት ካብቲ ቦታ { $distance } ርሒቑ (ብኢድ ዝተቐመጠ፡ ብቀጥታ ዘይተዓቀነ)
reason-location_within-exif = GPS ናይቲ ስእሊ ካብቲ ቦታ { $distance } ርሒቑ (ቦታ ኣይተላእከን)
reason-location_outside-live = ቀጥታዊ ቦታ ካብቲ ቦታ { $distance } ርሒቑ፡ ኣዝዩ ርሑቕ
reason-location_outside-pin = ኣብ ካርታ ዝተቐመጠ ምልክት ካብቲ ቦታ { $distance } ርሒቑ፡ ኣዝዩ ርሑቕ
reason-location_outside-exif = GPS ናይቲ ስእሊ ካብቲ ቦታ { $distance } ርሒቑ፡ ኣዝዩ ርሑቕ
reason-location_via_bot = እቲ ቦታ ብቦት እዩ ተላኢኹ፡ ካብ ተሌፎን ኣይኮነን
reason-photo_gps_agrees = GPS ናይቲ ስእሊ ምስቲ ዝተላእከ ቦታ ይሰማማዕ ({ $distance } ፍልልይ)
reason-photo_gps_contradicts = GPS ናይቲ ስእሊ ካብቲ ዝተላእከ ቦታ { $distance } ርሒቑ ኣሎ፡ ይጻረሩ እዮም
location-invalid = እዚ ቦታ ጥቕሚ ዘለዎ መወሰኒ ቦታ የብሉን። በጃኹም ቦታኹም ደጊምኩም ስደዱ።
photo-unreadable = ነዚ ስእሊ ከንብቦ ኣይክእልን። በጃኹም JPEG፡ PNG ወይ WebP ስእሊ ስደዱ።
photo-heic = ከም ፋይል ዝተላእኩ HEIC ስእልታት ከንብብ ኣይክእልን። ከም ስእሊ ስደድዎ (ከም ፋይል ኣይኮነን)፡ ወይ ከም JPEG፡ PNG ወይ WebP ፋይል።
request-too-long = እዚ መልእኽቲ ኣዝዩ ነዊሕ እዩ፡ እንተበዝሐ { $max } ፊደላት። በጃኹም ብሓጸርቲ ክፋላት ስደድዎ።
request-invalid = እቲ ዝተላእከ ከንብቦ ኣይከኣልኩን። ፈትሹዎ እሞ ደጊምኩም ፈትኑ።
