-- One attempt to take a send slot, atomically.
-- KEYS: waiters (zset ticket -> order), waiter info (hash ticket -> "chatKey|lastAsk"), last global grant,
-- last grant to this chat (ms). ARGV: ticket, order, per-chat rate, global rate, window ms, stale ms. Times
-- are the Redis server's clock, so processes on different hosts agree.
-- Returns 0 when the slot is granted (and recorded), -1 when a waiter ahead could go now, else the ms to
-- wait before asking again.
--
-- Sends are spaced evenly (window / rate apart, overall and per chat) rather than let through in bursts, so
-- any window of that length holds at most `rate` of them, even as seen by the receiver a few ms later.
-- A grant also needs no waiter ahead in order (higher priority, or the same and asked earlier) that could go
-- now. Waiters that stopped asking (a crashed or cut-off process) are dropped after `stale` ms.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ticket = ARGV[1]
local order = tonumber(ARGV[2])
local chatGap = tonumber(ARGV[5]) / tonumber(ARGV[3])
local globalGap = tonumber(ARGV[5]) / tonumber(ARGV[4])
local stale = tonumber(ARGV[6])
redis.call('ZADD', KEYS[1], 'NX', order, ticket)
redis.call('HSET', KEYS[2], ticket, KEYS[4] .. '|' .. now)
redis.call('PEXPIRE', KEYS[1], stale * 10)
redis.call('PEXPIRE', KEYS[2], stale * 10)
local wait = tonumber(redis.call('GET', KEYS[3]) or '0') + globalGap - now
if wait > 0 then return math.ceil(wait) end
wait = tonumber(redis.call('GET', KEYS[4]) or '0') + chatGap - now
if wait > 0 then return math.ceil(wait) end
local mine = tonumber(redis.call('ZSCORE', KEYS[1], ticket))
local ahead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. mine)
for _, other in ipairs(ahead) do
  local info = redis.call('HGET', KEYS[2], other)
  local sep = info and string.find(info, '|', 1, true)
  if not sep or tonumber(string.sub(info, sep + 1)) < now - stale then
    redis.call('ZREM', KEYS[1], other)
    redis.call('HDEL', KEYS[2], other)
  elseif tonumber(redis.call('GET', string.sub(info, 1, sep - 1)) or '0') + chatGap <= now then
    return -1
  end
end
redis.call('ZREM', KEYS[1], ticket)
redis.call('HDEL', KEYS[2], ticket)
local ttl = math.ceil(math.max(chatGap, globalGap)) + 1000
redis.call('SET', KEYS[3], now, 'PX', ttl)
redis.call('SET', KEYS[4], now, 'PX', ttl)
return 0
