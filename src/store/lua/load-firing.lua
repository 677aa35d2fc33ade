-- What a deadline firing reads, and the send claim of the reminder it is about to send, in one round trip.
-- The stage is the trip's own (one job walks a deadline's stages): its reminder is claimed only when this is
-- the job's trip and deadline, still active, and that stage is due, which is exactly when the caller fires it.
-- KEYS[1] trip hash, KEYS[2] person hash, KEYS[3] the person's data key,
-- KEYS[4..] one per ladder stage: the sent marker of the stage's reminder, or KEYS[1] for a stage without one.
-- ARGV[1] '1' to read the data key, ARGV[2] the claim's TTL in ms, ARGV[3] trip id, ARGV[4] deadline (ms),
-- ARGV[5] due by (ms), ARGV[6] n, the number of person fields, ARGV[7..6+n] the person fields,
-- ARGV[7+n..] each stage's due time (ms), in ladder order.
-- Returns { trip as HGETALL, person fields as HMGET, data key or false, 'claimed' | 'sent' | 'busy' | false,
-- the stage whose reminder the claim is for, or false }.
local trip = redis.call('HGETALL', KEYS[1])
local n = tonumber(ARGV[6])
local person = redis.call('HMGET', KEYS[2], unpack(ARGV, 7, 6 + n))
local dek = false
if ARGV[1] == '1' then dek = redis.call('GET', KEYS[3]) end
local h = {}
for i = 1, #trip, 2 do h[trip[i]] = trip[i + 1] end
local claim = false
local claimed = false
if h.id == ARGV[3] and h.status == 'active' and h.deadline == ARGV[4] then
  local stage = tonumber(h.stage or '0')
  local due = ARGV[7 + n + stage]
  local marker = KEYS[4 + stage]
  if due and marker and marker ~= KEYS[1] and tonumber(due) <= tonumber(ARGV[5]) then
    claimed = stage
    if redis.call('SET', marker, 'claimed', 'PX', ARGV[2], 'NX') then
      claim = 'claimed'
    elseif redis.call('GET', marker) == '1' then
      claim = 'sent'
    else
      claim = 'busy'
    end
  end
end
return { trip, person, dek, claim, claimed }
