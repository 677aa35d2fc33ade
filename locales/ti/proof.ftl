# SafeArrival — ትግርኛ (Tigrinya): ዝተፈረሙ መረጋገጺታትን ንስድራ ምርመራ ስእልን
# Review status: machine-written, needs a native reviewer

## A line added to the family's arrival confirmation
proof-family-link = ዝኾነ ሰብ እዚ መረጋገጺ ሓቀኛ ምዃኑ ክፍትሽ ይኽእል፦ { $link }
proof-family-code = ኮድ መረጋገጺ (እዚ መልእኽቲ ሓቀኛ ምዃኑ መርትዖ)፦ { $code }

## The public check page (GET /c/<code>)
proof-page-title = መረጋገጺ ምብጻሕ ፈትሽ
proof-valid-heading = ✅ እዚ መረጋገጺ ሓቀኛ እዩ
proof-valid-intro = SafeArrival ፈሪሙዎ። ከምዚ ይብል፦
proof-field-landmark = ቦታ
proof-field-time = ሰዓት
proof-time = { $time } ({ $zone })
proof-field-verdict = ውጽኢት
proof-verdict-verified = ምብጻሕ ተረጋጊጹ
proof-verdict-partial = ተመዝጊቡ፡ ኩሉ ግን ኣይተረጋገጸን
proof-verdict-not_verified = ኣይተረጋገጸን
proof-verdict-needs_attention = እቶም ምልክታት ይቃረኑ ነይሮም፦ ዝተረጋገጸ ምብጻሕ ኣይኮነን
proof-field-reasons = እንታይ ተፈቲሹ
proof-field-expires = እዚ ኮድ ክሳብ እዚ ክፍተሽ ይኽእል
proof-invalid-heading = ✘ ዘይቅቡል
proof-invalid-text = እዚ ቅቡል መረጋገጺ ኣይኮነን፦ ተቐይሩ፡ ተፈጢሩ፡ ብዘይንፈልጦ መፍትሕ ተፈሪሙ፡ ወይ ግዜኡ ሓሊፉ። ዝሕዞ መልእኽቲ ወይ ስእሊ ስክሪን ኣይትእመን።
proof-limits = እዚ ገጽ ስም፡ ስእሊ ወይ ቦታ ኣየርእን። መረጋገጺ ኣብቲ ግዜ እቲ እንታይ ከም ዝተፈተሸ ይነግር፤ እቲ ሰብ ሕጂ ብሰላም ምህላዉ ኣየረጋግጽን።
proof-rate-limited = ካብ መራኸቢኻ ብዙሕ ምርመራታት። በጃኻ ሓንቲ ደቒቕ ተጸበ።

## The families' photo check (/checkphoto)
photocheck-hint = ስእሊ ተላኢኹልካ ክትኣምኖ ተሓቲትካ ዲኻ? /checkphoto ስደድ፡ ብዛዕባኡ ዝኽእሎ ክነግረካ እየ።
photocheck-howto = እቲ ዝተላእከልካ ስእሊ ስደደለይ። እንተኽኢልካ ከም ፋይል ስደዶ፦ ሽዑ እቲ ኣብኡ ዘሎ ሰዓትን ቦታን እውን ከንብብ እኽእል። ብዛዕባኻ ወይ ብዛዕባ እቲ ስእሊ ዋላ ሓንቲ ኣይዕቅብን።
photocheck-queued = ነቲ ስእሊ ይፍትሽ ኣለኹ…
photocheck-rate-limited = ኣብዚ ሰዓት ብዙሕ ስእልታት ፈቲሽካ። ካልእ ቅድሚ ምፍታሽካ ተጸበ።
photocheck-expired = ነቲ ስእሊ ብግዜኡ ክፍትሾ ኣይከኣልኩን። በጃኻ { "/checkphoto" } ን ነቲ ስእልን ደጊምካ ስደድ።
photocheck-header = ብዛዕባ እዚ ስእሊ ክብሎ ዝኽእል፦
photocheck-landmark = 📍 { $landmark } የርኢ።
photocheck-no-landmark = 📍 ካብ ዝርዝርና ዝኾነ ቦታ ኣየርእን።
photocheck-known-reference = ⚠️ ፍሉጥ ስእሊ { $landmark } እዩ (ዝኾነ ሰብ ክረኽቦ ዝኽእል ስእሊ)፡ ሓድሽ ስእሊ ኣይኮነን።
photocheck-known-picture = ⚠️ ካብ ኢድ ናብ ኢድ ከም ዝዝውር ዝፍለጥ ስእሊ { $landmark } እዩ፡ ሓድሽ ስእሊ ኣይኮነን።
photocheck-known-elsewhere = ⚠️ ካብ ኢድ ናብ ኢድ ከም ዝዝውር ዝፍለጥ ስእሊ እዩ፡ ሓድሽ ስእሊ ኣይኮነን።
photocheck-not-known = ንሕና እንፈልጦ ስእሊ ኣይኮነን። እዚ ሓድሽ ምዃኑ ኣየረጋግጽን።
photocheck-no-exif = ብዘይ ሰዓቱን ቦታኡን እዩ መጺኡ (ከም ዝተጸቕጠ ስእሊ ተላኢኹ፡ ወይ ተኣልዮም)። ንኽዕቀቡ ከም ፋይል ስደዶ።
photocheck-time-fresh = ዝተዓቀበ ሰዓቱ ቅድሚ ምልኣኽካ { $minutes } ደቒቕ ከም ዝተሳእለ ይሕብር።
photocheck-time-stale = ዝተዓቀበ ሰዓቱ ቅድሚ ምልኣኽካ ልዕሊ { $hours } ሰዓት ከም ዝተሳእለ ይሕብር፦ ኣረጊት ስእሊ።
photocheck-time-future = ዝተዓቀበ ሰዓቱ ኣብ መጻኢ እዩ፦ ሰዓት ካሜራ ጌጋ እዩ ወይ ሰዓቱ ተቐይሩ።
photocheck-time-missing = ዝተዓቀበ ሰዓት የብሉን።
photocheck-place-fits = ዝተዓቀበ ቦታኡ ይሰማማዕ፦ ካብ { $landmark } { $distance } ሜትሮ።
photocheck-place-far = ዝተዓቀበ ቦታኡ ኣይሰማማዕን፦ ካብ { $landmark } { $distance } ሜትሮ።
photocheck-place-at = ዝተዓቀበ ቦታኡ ኣብ { $landmark } እዩ።
photocheck-place-elsewhere = ዝተዓቀበ ቦታኡ ኣብ ዝኾነ ቦታ ካብ ዝርዝርና ኣይኮነን።
photocheck-place-missing = ዝተዓቀበ ቦታ የብሉን።
photocheck-cannot = ስእሊ ክነግሮ ዘይክእል፦ መን ከም ዘልዓሎ፡ መን ከም ዝለኣኾ፡ ወይ እቲ ሰብ ብሰላም ምህላዉ። ዝተዓቀበ ሰዓትን ቦታን ክቕየሩ ይኽእሉ። እቲ ሰብ ባዕሉ ጥራይ፡ ብቓላቱ ወይ ብናይ ገዛእ ርእሱ ምዝገባ፡ ክነግረካ ይኽእል።
