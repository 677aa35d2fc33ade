/** The landmark repository's position index on a real redis-server: the shortlist the visual matcher uses. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import type { StoredLandmark } from "../../../src/store/landmark-repository.ts";
import { LandmarkRepository } from "../../../src/store/landmark-repository.ts";
import { Keys } from "../../../src/store/keys.ts";
import { startRedis, type RedisServerHandle } from "../../support/redis-server.ts";

let server: RedisServerHandle;
let redis: Redis;
let keys: Keys;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  keys = new Keys(`{t${randomBytes(4).toString("hex")}}`);
});

after(async () => {
  redis?.disconnect();
  await server?.stop();
});

const entry = (id: string, lat: number, lon: number): StoredLandmark => ({
  landmark: { id, names: { en: id }, lat, lon, radiusM: 150, timeZone: "Europe/Paris" },
  references: [],
});

test("near: landmarks within the radius, nearest first, with their distance; removal leaves the index", async () => {
  const repo = new LandmarkRepository(redis, keys, 0);
  await repo.put(entry("gare-du-nord", 48.8802, 2.3553));
  await repo.put(entry("sacre-coeur", 48.8867, 2.3431));
  await repo.put(entry("termini", 41.901, 12.5015));
  const hits = await repo.near({ lat: 48.8809, lon: 2.3553 }, 2000, 10);
  assert.deepEqual(hits.map((h) => h.id), ["gare-du-nord", "sacre-coeur"]);
  assert.ok(Math.abs(hits[0]!.distanceM - 78) < 5, `distance ${hits[0]!.distanceM}`);
  assert.deepEqual((await repo.near({ lat: 48.8809, lon: 2.3553 }, 2000, 1)).map((h) => h.id), ["gare-du-nord"]);
  assert.equal(await repo.remove("gare-du-nord"), true);
  assert.deepEqual((await repo.near({ lat: 48.8809, lon: 2.3553 }, 2000, 10)).map((h) => h.id), ["sacre-coeur"]);
});

test("ensureGeoIndex: landmarks stored before the index existed are added once", async () => {
  const old = new Keys(`{t${randomBytes(4).toString("hex")}}`);
  const repo = new LandmarkRepository(redis, old, 0);
  // The layout of an earlier version: the landmark and the id set, no position index.
  const e = entry("syntagma", 37.9755, 23.7355);
  await redis.multi().set(old.landmark("syntagma"), JSON.stringify(e)).sadd(old.landmarks(), "syntagma").exec();
  assert.deepEqual(await repo.near({ lat: 37.9755, lon: 23.7355 }, 500, 5), []);
  assert.equal(await repo.ensureGeoIndex(), 1);
  assert.deepEqual((await repo.near({ lat: 37.9755, lon: 23.7355 }, 500, 5)).map((h) => h.id), ["syntagma"]);
  assert.equal(await repo.ensureGeoIndex(), 0, "nothing to do the second time");
});

test("known pictures survive an edit that does not mention them (the dashboard), and an import replaces them", async () => {
  const repo = new LandmarkRepository(redis, keys, 0);
  const known = [{ file: "circulating.jpg", phash: "ab".repeat(32) }];
  await repo.put({ ...entry("known-pics", 48.85, 2.35), known });
  // The dashboard saves names and references only.
  await repo.put({ ...entry("known-pics", 48.85, 2.35), landmark: { ...entry("known-pics", 48.85, 2.35).landmark, names: { en: "Renamed" } } });
  const edited = await repo.get("known-pics");
  assert.equal(edited?.landmark.names.en, "Renamed");
  assert.deepEqual(edited?.known, known);
  // A catalog import gives the folder's list, empty when known/ is gone.
  await repo.put({ ...entry("known-pics", 48.85, 2.35), known: [] });
  assert.equal((await repo.get("known-pics"))?.known, undefined);
});
