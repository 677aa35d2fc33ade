# SafeArrival — پښتو (Pashto): لاسلیک شوي تاییدونه او د کورنیو لپاره د انځور کتنه
# Review status: machine-written, needs a native reviewer

## A line added to the family's arrival confirmation
proof-family-link = هر څوک کولی شي وګوري چې دا تایید ریښتینی دی: { $link }
proof-family-code = د تایید کوډ (ثبوت چې دا پیغام ریښتینی دی): { $code }

## The public check page (GET /c/<code>)
proof-page-title = د رسېدو تایید وګورئ
proof-valid-heading = ✅ دا تایید ریښتینی دی
proof-valid-intro = SafeArrival لاسلیک کړی دی. په کې راغلي:
proof-field-landmark = ځای
proof-field-time = وخت
proof-time = { $time } ({ $zone })
proof-field-verdict = پایله
proof-verdict-verified = رسېدل تایید شول
proof-verdict-partial = رسېدل ثبت شول، خو هر څه تایید نه شول
proof-verdict-not_verified = تایید نه شو
proof-verdict-needs_attention = نښې یو له بل سره په ټکر کې وې: تایید شوی رسېدل نه دی
proof-field-reasons = څه وکتل شول
proof-field-expires = دا کوډ تر دې وخته کتل کېدای شي
proof-invalid-heading = ✘ سم نه دی
proof-invalid-text = دا سم تایید نه دی: بدل شوی، جوړ شوی، په داسې کیلي لاسلیک شوی چې موږ یې نه پېژنو، یا یې موده تېره شوې. په هغه پیغام یا سکرین شاټ باور مه کوئ چې دا ښيي.
proof-limits = دا پاڼه هیڅ نوم، انځور یا موقعیت نه ښيي. تایید وايي چې په هغه وخت کې څه وکتل شول؛ دا نه ثابتوي چې هغه کس اوس خوندي دی.
proof-rate-limited = ستاسو له اتصال څخه ډېرې کتنې وشوې. مهرباني وکړئ یوه دقیقه انتظار وکړئ.

## The families' photo check (/checkphoto)
photocheck-hint = تاسو ته انځور استول شوی او غواړي چې باور پرې وکړئ؟ { "/checkphoto" } واستوئ او زه به یې په اړه هغه څه درته ووایم چې پوهېدای شم.
photocheck-howto = هغه انځور راته واستوئ چې تاسو ته استول شوی. که کولی شئ د فایل په توګه یې واستوئ: بیا به زه په کې ساتل شوی وخت او ځای هم ولولم. زه ستاسو یا د انځور په اړه هیڅ نه ساتم.
photocheck-queued = انځور ګورم…
photocheck-rate-limited = تاسو په دې ساعت کې ډېر انځورونه کتلي. مهرباني وکړئ د نورو له کتلو مخکې انتظار وکړئ.
photocheck-expired = ما ونه شو کولی انځور په وخت وګورم. مهرباني وکړئ { "/checkphoto" } او انځور بیا واستوئ.
photocheck-header = د دې انځور په اړه زه دا ویلی شم:
photocheck-landmark = 📍 { $landmark } ښيي.
photocheck-no-landmark = 📍 زموږ د لیست هیڅ ځای نه ښيي.
photocheck-known-reference = ⚠️ دا د { $landmark } یو پېژندل شوی انځور دی (داسې انځور چې هر څوک یې موندلی شي)، نوی انځور نه دی.
photocheck-known-picture = ⚠️ دا د { $landmark } داسې انځور دی چې معلومه ده لاس په لاس ګرځي، نوی انځور نه دی.
photocheck-known-elsewhere = ⚠️ دا داسې انځور دی چې معلومه ده لاس په لاس ګرځي، نوی انځور نه دی.
photocheck-not-known = دا داسې انځور نه دی چې موږ یې پېژنو. دا نه ثابتوي چې نوی دی.
photocheck-no-exif = پرته له خپل وخت او ځای راغلی (د فشرده انځور په توګه استول شوی، یا لرې شوي). د ساتلو لپاره یې د فایل په توګه واستوئ.
photocheck-time-fresh = ساتل شوی وخت یې وايي چې ستاسو له استولو { $minutes } دقیقې مخکې اخیستل شوی.
photocheck-time-stale = ساتل شوی وخت یې وايي چې ستاسو له استولو له { $hours } ساعتونو ډېر مخکې اخیستل شوی: زوړ انځور.
photocheck-time-future = ساتل شوی وخت یې په راتلونکي کې دی: د کمرې ساعت غلط دی یا وخت بدل شوی.
photocheck-time-missing = ساتل شوی وخت نه لري.
photocheck-place-fits = ساتل شوی ځای یې سمون لري: له { $landmark } څخه { $distance } متره.
photocheck-place-far = ساتل شوی ځای یې سمون نه لري: له { $landmark } څخه { $distance } متره.
photocheck-place-at = ساتل شوی ځای یې په { $landmark } کې دی.
photocheck-place-elsewhere = ساتل شوی ځای یې زموږ د لیست په هیڅ ځای کې نه دی.
photocheck-place-missing = ساتل شوی ځای نه لري.
photocheck-cannot = هغه څه چې انځور یې نه شي ویلی: چا اخیستی، چا استولی، یا دا چې هغه کس خوندي دی. ساتل شوی وخت او ځای بدلېدای شي. یوازې هغه کس پخپله، په خپلو خبرو یا خپل ثبت سره، تاسو ته دا ویلی شي.
