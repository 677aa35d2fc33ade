-- Stores one Telegram update in the inbox, once: the webhook's (or the poller's) only Redis call per update.
-- KEYS[1] the seen-ids bitmap of this id's range, KEYS[2] the inbox stream, KEYS[3] the chat's pending set
--   (the stream again when the update has no chat: every key must be named for Redis Cluster).
-- ARGV[1] bit offset of the id in its range, ARGV[2] the bitmap's lifetime (ms), ARGV[3] update id,
--   ARGV[4] the sealed update, ARGV[5] 'l' (a location) or 'o' (anything else), '' without a chat,
--   ARGV[6] '1' to store even an id already seen (moving a legacy job that was never handled).
-- Returns 1 when stored, 0 for an id seen within the lifetime (a redelivery: nothing to do).
if redis.call('SETBIT', KEYS[1], ARGV[1], 1) == 1 and ARGV[6] ~= '1' then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
local entry = redis.call('XADD', KEYS[2], '*', 'u', ARGV[3], 's', ARGV[4])
if ARGV[5] ~= '' then
  -- One member per update id, naming its entry, so that order checks can tell a live one from a leftover.
  redis.call('ZREMRANGEBYSCORE', KEYS[3], ARGV[3], ARGV[3])
  redis.call('ZADD', KEYS[3], ARGV[3], ARGV[3] .. '.' .. ARGV[5] .. '.' .. entry)
end
return 1
