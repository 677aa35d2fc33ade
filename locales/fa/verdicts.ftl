# SafeArrival — فارسی (Persian): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ کامل تأیید نشد: { $traveller } می‌گوید در { $landmark } است ({ $time }، { $zone })، اما همه چیز بررسی نشد.
family-needs-attention = ⚠️ نیاز به توجه: { $traveller } خواست رسیدن به { $landmark } را اعلام کند ({ $time }، { $zone })، اما نشانه‌ها با هم تناقض دارند. این رسیدنِ تأییدشده نیست.
family-not-confirmed = تأیید نشد:
family-confirmed = تأیید شد:
family-photo-not-recognised = عکس به عنوان { $landmark } شناخته نشد: شاید جای دیگری را نشان می‌دهد.
family-photo-not-recognised-night = عکس به‌عنوان { $landmark } شناخته نشد. این عکس در تاریکی گرفته شده و عکس‌هایی از { $landmark } که با آن مقایسه شد روزانه‌اند: عکس‌های شب اغلب شناخته نمی‌شوند.
family-photo-withheld = عکس نشان داده نمی‌شود، چون این اعلام رسیدن تأیید نشد.
checkin-upgrade-hint = برای تأیید کامل، تا { $minutes } دقیقه عکس دیگری از آن مکان بفرستید، یا موقعیت زنده خود را به اشتراک بگذارید.
family-upgrade-verified = ✅ به‌روزرسانی: رسیدن { $traveller } به { $landmark } اکنون تأیید شد ({ $time }، { $zone }).
family-upgrade-live = ☑️ به‌روزرسانی: بودن { $traveller } در { $landmark } اکنون با موقعیت زنده تأیید شد ({ $time }، { $zone }). عکس هنوز به عنوان آن مکان شناخته نشده است.
result-upgrade-verified = ✅ اعلام رسیدن اکنون تأیید شد. اعضای خانواده شما یک به‌روزرسانی می‌گیرند.
result-upgrade-live = ☑️ موقعیت زنده شما تأیید شد. اعضای خانواده شما یک به‌روزرسانی می‌گیرند.
result-upgrade-no-change = این بیشتر از اعلام رسیدن قبلی شما چیزی را تأیید نکرد، پس دوباره به خانواده شما گفته نشد.
result-needs-attention = ⚠️ اعلام رسیدن نیاز به توجه دارد: برخی نشانه‌ها با هم تناقض دارند. به خانواده شما گفته شد که رسیدن شما تأیید نشد. سفر شما هنوز باز است.
status-result-needs_attention = نیاز به توجه (تأیید نشده)
reason-location_within-live = موقعیت زنده در فاصله { $distance } از آن مکان
reason-location_within-pin = سنجاقی که روی نقشه گذاشته شد، در فاصله { $distance } از آن مکان (با دست گذاشته شده، زنده اندازه‌گیری نشده)
reason-location_within-exif = GPS عکس در فاصله { $distance } از آن مکان (موقعیتی فرستاده نشد)
reason-location_outside-live = موقعیت زنده در فاصله { $distance } از آن مکان، خیلی دور
reason-location_outside-pin = سنجاقی که روی نقشه گذاشته شد، در فاصله { $distance } از آن مکان، خیلی دور
reason-location_outside-exif = GPS عکس در فاصله { $distance } از آن مکان، خیلی دور
reason-location_via_bot = موقعیت از طریق یک ربات فرستاده شد، نه از گوشی
reason-photo_gps_agrees = GPS عکس با موقعیت فرستاده‌شده می‌خواند (فاصله { $distance })
reason-photo_gps_contradicts = GPS عکس { $distance } با موقعیت فرستاده‌شده فاصله دارد: با هم تناقض دارند
location-invalid = این موقعیت مختصات قابل استفاده ندارد. لطفاً دوباره موقعیت خود را بفرستید.
photo-unreadable = این عکس را نمی‌توانم بخوانم. لطفاً یک عکس JPEG، PNG یا WebP بفرستید.
photo-heic = عکس‌های HEIC را که به صورت فایل فرستاده شوند نمی‌توانم بخوانم. آن را به صورت عکس بفرستید (نه فایل)، یا به صورت فایل JPEG، PNG یا WebP.
request-too-long = این پیام خیلی طولانی است: حداکثر { $max } حرف. لطفاً آن را در بخش‌های کوتاه‌تر بفرستید.
request-invalid = آنچه فرستاده شد را نتوانستم بخوانم. آن را بررسی کنید و دوباره امتحان کنید.
