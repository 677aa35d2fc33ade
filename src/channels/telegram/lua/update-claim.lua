-- Claims the handling of one Telegram update: the first job for an update id takes it; the same job run
-- again (a retry) keeps it; another job for the same id (a redelivery) does not.
-- KEYS[1] the update's marker. ARGV[1] the job's enqueue time (what tells its jobs apart), ARGV[2] the
-- marker's lifetime (ms). Returns 1 when this job may handle the update, else 0.
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then return 1 end
return 0
