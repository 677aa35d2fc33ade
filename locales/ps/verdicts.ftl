# SafeArrival — پښتو (Pashto): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ بشپړ تایید نه شو: { $traveller } وايي چې په { $landmark } کې دی ({ $time }، { $zone })، خو هر څه ونه کتل شول.
family-needs-attention = ⚠️ پاملرنې ته اړتیا: { $traveller } هڅه وکړه چې په { $landmark } کې خپل رسېدل ثبت کړي ({ $time }، { $zone })، خو نښې یو بل سره ټکر کوي. دا تایید شوی رسېدل نه دی.
family-not-confirmed = تایید نه شول:
family-confirmed = تایید شول:
family-photo-not-recognised = عکس د { $landmark } په توګه ونه پېژندل شو: کېدای شي بل ځای وښيي.
family-photo-not-recognised-night = عکس د { $landmark } په توګه ونه پېژندل شو. دا په تیاره کې اخیستل شوی، او د { $landmark } هغه عکسونه چې ورسره پرتله شو د ورځې دي: د شپې عکسونه ډېر ځله نه پېژندل کېږي.
family-photo-withheld = عکس نه ښودل کېږي، ځکه چې دا ثبت تایید نه شو.
checkin-upgrade-hint = د بشپړ تایید لپاره، په { $minutes } دقیقو کې د ځای بل عکس ولېږئ، یا خپل ژوندی موقعیت شریک کړئ.
family-upgrade-verified = ✅ تازه خبر: په { $landmark } کې د { $traveller } رسېدل اوس تایید شول ({ $time }، { $zone }).
family-upgrade-live = ☑️ تازه خبر: په { $landmark } کې د { $traveller } شتون اوس د ژوندي موقعیت په واسطه تایید شو ({ $time }، { $zone }). عکس لا هم د دې ځای په توګه نه دی پېژندل شوی.
result-upgrade-verified = ✅ ستاسو ثبت اوس تایید شو. ستاسو د کورنۍ غړي یو تازه خبر ترلاسه کوي.
result-upgrade-live = ☑️ ستاسو ژوندی موقعیت تایید شو. ستاسو د کورنۍ غړي یو تازه خبر ترلاسه کوي.
result-upgrade-no-change = دې له مخکیني ثبت څخه زیات څه تایید نه کړل، نو کورنۍ ته مو بیا ونه ویل شول.
result-needs-attention = ⚠️ ستاسو ثبت پاملرنې ته اړتیا لري: ځینې نښې یو بل سره ټکر کوي. کورنۍ ته مو وویل شول چې ستاسو رسېدل تایید نه شو. ستاسو سفر لا خلاص دی.
status-result-needs_attention = پاملرنې ته اړتیا (تایید نه شو)
reason-location_within-live = ژوندی موقعیت له ځای څخه { $distance } لرې
reason-location_within-pin = په نقشه کې ایښودل شوې نښه له ځای څخه { $distance } لرې (په لاس ایښودل شوې، ژوندۍ نه ده اندازه شوې)
reason-location_within-exif = د عکس GPS له ځای څخه { $distance } لرې (هېڅ موقعیت نه دی لېږل شوی)
reason-location_outside-live = ژوندی موقعیت له ځای څخه { $distance } لرې، ډېر لرې
reason-location_outside-pin = په نقشه کې ایښودل شوې نښه له ځای څخه { $distance } لرې، ډېر لرې
reason-location_outside-exif = د عکس GPS له ځای څخه { $distance } لرې، ډېر لرې
reason-location_via_bot = موقعیت د یوه بوټ له لارې لېږل شوی، نه له تلیفون څخه
reason-photo_gps_agrees = د عکس GPS له لېږل شوي موقعیت سره سمون لري ({ $distance } توپیر)
reason-photo_gps_contradicts = د عکس GPS له لېږل شوي موقعیت څخه { $distance } لرې دی: یو بل سره ټکر کوي
location-invalid = دا موقعیت د کار وړ همغږي نه لري. مهرباني وکړئ خپل موقعیت بیا ولېږئ.
photo-unreadable = دا عکس نه شم لوستلی. مهرباني وکړئ JPEG، PNG یا WebP عکس ولېږئ.
photo-heic = هغه HEIC عکسونه چې د فایل په توګه لېږل شوي وي نه شم لوستلی. د عکس په توګه یې ولېږئ (نه د فایل)، یا د JPEG، PNG یا WebP فایل په توګه.
request-too-long = دا پیغام ډېر اوږد دی: تر ټولو زیات { $max } توري. مهرباني وکړئ په لنډو برخو کې یې ولېږئ.
request-invalid = هغه څه مې ونه شو لوستلی چې ولېږل شول. وې ګورئ او بیا هڅه وکړئ.
