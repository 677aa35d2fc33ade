# SafeArrival — دری (Dari): verdicts, evidence and upgrades
# Review status: machine-written, needs a native reviewer

family-partial = ⚠️ پوره تأیید نشد: { $traveller } می‌گوید که در { $landmark } است ({ $time }، { $zone })، اما همه چیز بررسی نشد.
family-needs-attention = ⚠️ ضرورت به توجه: { $traveller } کوشش کرد رسیدن به { $landmark } را ثبت کند ({ $time }، { $zone })، اما نشانه‌ها با هم تناقض دارند. این رسیدنِ تأییدشده نیست.
family-not-confirmed = تأیید نشد:
family-confirmed = تأیید شد:
family-photo-not-recognised = عکس به حیث { $landmark } شناخته نشد: شاید جای دیگری را نشان می‌دهد.
family-photo-not-recognised-night = عکس به حیث { $landmark } شناخته نشد. این عکس در تاریکی گرفته شده و عکس‌های { $landmark } که با آن مقایسه شد روزانه هستند: عکس‌های شب اکثراً شناخته نمی‌شوند.
family-photo-withheld = عکس نشان داده نمی‌شود، چون این ثبت رسیدن تأیید نشد.
checkin-upgrade-hint = برای تأیید پوره، در { $minutes } دقیقه یک عکس دیگر از آن جای بفرستید، یا موقعیت زندهٔ خود را شریک بسازید.
family-upgrade-verified = ✅ تازه‌سازی: رسیدن { $traveller } به { $landmark } حالا تأیید شد ({ $time }، { $zone }).
family-upgrade-live = ☑️ تازه‌سازی: بودن { $traveller } در { $landmark } حالا با موقعیت زنده تأیید شد ({ $time }، { $zone }). عکس هنوز هم به حیث آن جای شناخته نشده است.
result-upgrade-verified = ✅ ثبت رسیدن حالا تأیید شد. اعضای فامیل شما یک تازه‌سازی می‌گیرند.
result-upgrade-live = ☑️ موقعیت زندهٔ شما تأیید شد. اعضای فامیل شما یک تازه‌سازی می‌گیرند.
result-upgrade-no-change = این از ثبت رسیدن قبلی شما چیزی بیشتر تأیید نکرد، پس دوباره به فامیل شما گفته نشد.
result-needs-attention = ⚠️ ثبت رسیدن ضرورت به توجه دارد: بعضی نشانه‌ها با هم تناقض دارند. به فامیل شما گفته شد که رسیدن شما تأیید نشد. سفر شما هنوز باز است.
status-result-needs_attention = ضرورت به توجه (تأیید نشده)
reason-location_within-live = موقعیت زنده در فاصلهٔ { $distance } از آن جای
reason-location_within-pin = سنجاقی که روی نقشه گذاشته شد، در فاصلهٔ { $distance } از آن جای (با دست گذاشته شده، زنده اندازه نشده)
reason-location_within-exif = GPS عکس در فاصلهٔ { $distance } از آن جای (هیچ موقعیتی فرستاده نشد)
reason-location_outside-live = موقعیت زنده در فاصلهٔ { $distance } از آن جای، بسیار دور
reason-location_outside-pin = سنجاقی که روی نقشه گذاشته شد، در فاصلهٔ { $distance } از آن جای، بسیار دور
reason-location_outside-exif = GPS عکس در فاصلهٔ { $distance } از آن جای، بسیار دور
reason-location_via_bot = موقعیت از طریق یک ربات فرستاده شد، نه از تلیفون
reason-photo_gps_agrees = GPS عکس با موقعیت فرستاده‌شده یکی است (فاصله { $distance })
reason-photo_gps_contradicts = GPS عکس { $distance } از موقعیت فرستاده‌شده فاصله دارد: با هم تناقض دارند
location-invalid = این موقعیت مختصات قابل استفاده ندارد. لطفاً موقعیت خود را دوباره بفرستید.
photo-unreadable = این عکس را خوانده نمی‌توانم. لطفاً یک عکس JPEG، PNG یا WebP بفرستید.
photo-heic = عکس‌های HEIC را که به شکل فایل فرستاده شوند خوانده نمی‌توانم. آن را به شکل عکس بفرستید (نه فایل)، یا به شکل فایل JPEG، PNG یا WebP.
request-too-long = این پیام بسیار دراز است: حد اکثر { $max } حرف. لطفاً آن را در بخش‌های کوتاه‌تر بفرستید.
request-invalid = آنچه فرستاده شد را خوانده نتوانستم. آن را بررسی کنید و دوباره کوشش کنید.
