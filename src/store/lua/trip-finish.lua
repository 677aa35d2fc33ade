-- Ends a trip as arrived (or reported safe), only if it is still this trip and still active.
-- KEYS[1] the trip hash, KEYS[2] who was alerted (a hash), KEYS[3] the active trips (a sorted set).
-- ARGV[1] trip id, ARGV[2] when (ms), ARGV[3] 'arrived' or 'safe', ARGV[4] the traveller id.
-- Returns nil when it is another trip (or none), { status } when no longer active, else { 'ok', alerted... }.
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return false end
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'active' then return { status } end
redis.call('HSET', KEYS[1], 'status', ARGV[3], 'arrivedAt', ARGV[2])
redis.call('ZREM', KEYS[3], ARGV[4])
local alerted = redis.call('HKEYS', KEYS[2])
table.insert(alerted, 1, 'ok')
return alerted
