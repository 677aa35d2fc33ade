# SafeArrival — پښتو (Pashto): deadlines, escalation, duress, NGO alerts
# Review status: machine-written, needs a native reviewer

reminder-deadline = ⏰ ستاسو پلان دا و چې تر { $deadline } ({ $zone }) { $landmark } ته ورسېږئ. آیا تاسو خوندي یاست؟
reminder-safe = زه خوندي یم
reminder-more-time = زه نور وخت ته اړتیا لرم
reminder-safe-ack = مننه. کله چې مو وکړای شول، له عکس او خپل موقعیت سره رسېدل ثبت کړئ: { "/checkin" }.
reminder-more-time-ack = سمه ده. ستاسو نوی وخت { $deadline } ({ $zone }) دی.

extend-done = ستاسو د رسېدو نوی وخت { $deadline } ({ $zone }) دی.
extend-capped = تاسو وخت له { $max } ({ $zone }) څخه وروسته نه شئ وړلای.
extend-usage = { "/extend" } او یو وخت ولیکئ، لکه { "/extend 1h" }.
extend-needs-secret = خبرتیاوې پیل شوې دي. د وخت بدلولو لپاره { "/extend" }، وخت او خپله پټه کلمه ولېږئ.
extend-no-trip = تاسو داسې سفر نه لرئ چې وخت یې بدل کړئ.

words-intro = تاسو دوه کلمې ټاکلای شئ. پټه کلمه، د { "/secret" } سره: ښيي چې رښتیا تاسو یاست. د خطر کلمه، د { "/duress" } سره: که څوک تاسو مجبور کړي چې رسېدل ثبت کړئ، دا وکاروئ. هغوی ته به عادي ښکاري، خو ستاسو کورنۍ او { $ngo } به پوه شي چې تاسو خوندي نه یاست.
words-intro-no-ngo = تاسو دوه کلمې ټاکلای شئ. پټه کلمه، د { "/secret" } سره: ښيي چې رښتیا تاسو یاست. د خطر کلمه، د { "/duress" } سره: که څوک تاسو مجبور کړي چې رسېدل ثبت کړئ، دا وکاروئ. هغوی ته به عادي ښکاري، خو ستاسو کورنۍ به پوه شي چې تاسو خوندي نه یاست.
secret-set = ستاسو پټه کلمه خوندي شوه. ستاسو د خوندیتوب لپاره مې ستاسو پیغام پاک کړ.
duress-set = ستاسو د خطر کلمه خوندي شوه. ستاسو د خوندیتوب لپاره مې ستاسو پیغام پاک کړ.
word-usage = امر او یوه کلمه ولیکئ، لکه { "/secret tulip" }. له ۴ تر ۳۲ پورې توري یا شمېرې وکاروئ.
words-must-differ = پټه کلمه او د خطر کلمه باید سره توپیر ولري.

ngo-consent-question = که په وخت ونه رسېدئ، آیا { $ngo } ته هم خبر ورکړو؟ دا یوه موسسه ده چې په لاره کې خلکو سره مرسته کوي. هغوی به یوازې دا وویني: هغه ځای چې پلان مو درلود، وخت، ستاسو ژبه او ستاسو وروستی ثبت.
ngo-consent-yes = هو، هغوی ته ووایاست
ngo-consent-no = نه
ngo-consent-given = سمه ده. که په وخت ونه رسېدئ، { $ngo } ته به خبر ورکړل شي.
ngo-consent-refused = سمه ده. یوازې ستاسو کورنۍ ته به خبر ورکړل شي.

family-alert-missed =
    ⚠️ د { $traveller } پلان دا و چې تر { $deadline } ({ $zone }) { $landmark } ته ورسېږي، خو تر اوسه یې رسېدل نه دي ثبت کړي.
    مهرباني وکړئ هڅه وکړئ چې له هغه سره اړیکه ونیسئ.
family-alert-last-checkin = وروستی تایید شوی ثبت: { $landmark } په { $time } ({ $zone }).
family-false-alarm = ✅ دا غلطه خبرتیا وه: { $traveller } په { $time } ({ $zone }) { $landmark } ته ورسېد.
family-reported-safe = { $traveller } ځواب ورکړ «زه خوندي یم» (دا تایید شوی ثبت نه دی).
family-duress =
    ⚠️ { $traveller } په { $landmark } کې رسېدل ثبت کړل، خو دا خوندي رسېدل مه ګڼئ. کېدای شي هغه ازاد نه وي چې خبرې وکړي.
    له هغه سره په چټ کې د دې په اړه څه مه لیکئ. { $ngo } ته خبر ورکړل شوی دی.
family-duress-no-ngo =
    ⚠️ { $traveller } په { $landmark } کې رسېدل ثبت کړل، خو دا خوندي رسېدل مه ګڼئ. کېدای شي هغه ازاد نه وي چې خبرې وکړي.
    له هغه سره په چټ کې د دې په اړه څه مه لیکئ.

ngo-alert-missed = 🚨 خبرتیا { $id }: یو مسافر تر { $deadline } ({ $zone }) په { $landmark } کې رسېدل ثبت نه کړل. ژبه: { $language }. چینل: { $channel }.
ngo-alert-duress = 🚨 بېړنی { $id }: یو مسافر په { $landmark } کې د خطر له کلمې سره رسېدل ثبت کړل. ژبه: { $language }. چینل: { $channel }.
ngo-alert-resolved = خبرتیا { $id } وتړل شوه: مسافر په { $time } ({ $zone }) { $landmark } ته ورسېد.
cancel-needs-secret = د سفر د پای ته رسولو لپاره { "/cancel" } او خپله پټه کلمه ولېږئ.
