-- What a deadline firing reads, and the reminder's send claim, in one round trip (a script rather than a
-- pipeline: the client builds a pipeline object per call, which showed in a burst's profile).
-- KEYS[1] trip hash, KEYS[2] person hash, KEYS[3] the person's data key, KEYS[4] the reminder's sent marker.
-- ARGV[1] '1' to read the data key, ARGV[2] the claim's TTL in ms ('' for no claim), ARGV[3..] person fields.
-- Returns { trip as HGETALL, person fields as HMGET, data key or false, 'claimed' | 'sent' | 'busy' | false }.
local person = redis.call('HMGET', KEYS[2], unpack(ARGV, 3))
local dek = false
if ARGV[1] == '1' then dek = redis.call('GET', KEYS[3]) end
local claim = false
if ARGV[2] ~= '' then
  if redis.call('SET', KEYS[4], 'claimed', 'PX', ARGV[2], 'NX') then
    claim = 'claimed'
  elseif redis.call('GET', KEYS[4]) == '1' then
    claim = 'sent'
  else
    claim = 'busy'
  end
end
return { redis.call('HGETALL', KEYS[1]), person, dek, claim }
