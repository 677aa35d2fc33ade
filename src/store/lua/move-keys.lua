-- Renames each source (with its TTL) unless its target exists: then the target is the newer one and the
-- source is dropped.
-- KEYS: source, target pairs (the number of keys is given per call). Returns how many sources there were.
local found = 0
for i = 1, #KEYS, 2 do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    found = found + 1
    if redis.call('EXISTS', KEYS[i + 1]) == 1 then redis.call('DEL', KEYS[i]) else redis.call('RENAME', KEYS[i], KEYS[i + 1]) end
  end
end
return found
