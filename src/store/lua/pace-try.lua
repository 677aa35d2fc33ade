-- One attempt that does not stand in the line (a queued message: its queue keeps the order and retries it).
-- Same KEYS and ARGV as pace-take.lua (the ticket unused). Returns {0, 0} when granted, {1, ms} when the global gap
-- is not over, {2, ms} when the chat's is not, {3, 0} when a waiter ahead in the line could go now.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local order = tonumber(ARGV[2])
local chatGap = tonumber(ARGV[5]) / tonumber(ARGV[3])
local globalGap = tonumber(ARGV[5]) / tonumber(ARGV[4])
local stale = tonumber(ARGV[6])
local wait = tonumber(redis.call('GET', KEYS[3]) or '0') + globalGap - now
if wait > 0 then return {1, math.ceil(wait)} end
wait = tonumber(redis.call('GET', KEYS[4]) or '0') + chatGap - now
if wait > 0 then return {2, math.ceil(wait)} end
local ahead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. order)
for _, other in ipairs(ahead) do
  local info = redis.call('HGET', KEYS[2], other)
  local sep = info and string.find(info, '|', 1, true)
  if sep and tonumber(string.sub(info, sep + 1)) >= now - stale and tonumber(redis.call('GET', string.sub(info, 1, sep - 1)) or '0') + chatGap <= now then
    return {3, 0}
  end
end
local ttl = math.ceil(math.max(chatGap, globalGap)) + 1000
redis.call('SET', KEYS[3], now, 'PX', ttl)
redis.call('SET', KEYS[4], now, 'PX', ttl)
return {0, 0}
