-- Stores a batch of Telegram updates in the inbox, each once: one call for all the updates the webhook (or the
-- poller) received in one event-loop turn.
-- KEYS[1] the inbox stream; then for each update i (from 0): KEYS[2+2i] the seen-ids bitmap of its id's range,
--   KEYS[3+2i] its chat's pending set (the stream again when it has no chat: every key must be named for Redis Cluster).
-- ARGV[1] the bitmaps' lifetime (ms); then for each update i: ARGV[2+5i] bit offset of the id in its range,
--   ARGV[3+5i] update id, ARGV[4+5i] the sealed update, ARGV[5+5i] 'l' (a location) or 'o' (anything else),
--   '' without a chat, ARGV[6+5i] '1' to store even an id already seen (moving a legacy job that was never handled).
-- Returns one number per update: 1 when stored, 0 for an id seen within the lifetime (a redelivery: nothing to do).
local stored = {}
for i = 0, (#KEYS - 1) / 2 - 1 do
  local seen, chat, a = KEYS[2 + 2 * i], KEYS[3 + 2 * i], 2 + 5 * i
  local id, kind = ARGV[a + 1], ARGV[a + 3]
  if redis.call('SETBIT', seen, ARGV[a], 1) == 1 and ARGV[a + 4] ~= '1' then
    stored[i + 1] = 0
  else
    redis.call('PEXPIRE', seen, ARGV[1])
    local entry = redis.call('XADD', KEYS[1], '*', 'u', id, 's', ARGV[a + 2])
    if kind ~= '' then
      -- One member per update id, naming its entry, so that order checks can tell a live one from a leftover.
      redis.call('ZREMRANGEBYSCORE', chat, id, id)
      redis.call('ZADD', chat, id, id .. '.' .. kind .. '.' .. entry)
    end
    stored[i + 1] = 1
  end
end
return stored
