/** The process container: builds every service once and starts the roles asked for. */
import type { Logger } from "pino";
import { sandboxEnabled, type Config } from "./config.ts";
import { ChannelMessenger } from "./channels/messenger.ts";
import { directionOf } from "./i18n/direction.ts";
import { SandboxChatLog } from "./channels/sandbox/sandbox-chat-log.ts";
import { SandboxSender } from "./channels/sandbox/sandbox-sender.ts";
import { TelegramChannel } from "./channels/telegram/telegram-channel.ts";
import { TelegramInbox } from "./channels/telegram/telegram-inbox.ts";
import { TelegramOutbox } from "./channels/telegram/telegram-outbox.ts";
import { telegramRotationSteps } from "./channels/telegram/telegram-key-rotation.ts";
import { WhatsAppChannel } from "./channels/whatsapp/wa-channel.ts";
import { registerPairRoute } from "./channels/whatsapp/wa-pairing.ts";
import type { WaSocketFactory } from "./channels/whatsapp/wa-socket.ts";
import { Conversation } from "./conversation/conversation.ts";
import type { ConversationDeps } from "./conversation/deps.ts";
import type { InviteLinks } from "./ports/messaging.ts";
import { I18n } from "./i18n/i18n.ts";
import { DEMO_CATALOG_DIR } from "./landmarks/demo-catalog.ts";
import { importCatalog } from "./landmarks/import.ts";
import { Producers } from "./queues/producers.ts";
import { CheckinRepository } from "./store/checkin-repository.ts";
import { ContactRepository } from "./store/contact-repository.ts";
import { ConversationStateStore } from "./store/conversation-state.ts";
import { Keys } from "./store/keys.ts";
import { LandmarkRepository } from "./store/landmark-repository.ts";
import { MediaStore } from "./store/media-store.ts";
import { PersonRepository } from "./store/person-repository.ts";
import { RateLimiter } from "./store/rate-limiter.ts";
import { createRedis, type RedisClient } from "./store/redis.ts";
import { RedisSubmissionIndex } from "./store/submission-index.ts";
import { TripRepository } from "./store/trip-repository.ts";
import { RepositoryReferenceSource } from "./landmarks/reference-source.ts";
import { describeVisionEngine, resolveNativeVision, setVisionEngine } from "./verification/visual/native-vision.ts";
import { ThreadedMatcher } from "./verification/visual/thread/threaded-matcher.ts";
import { PhotoVerifier } from "./verification/photo-verifier.ts";
import { PhotoChecker } from "./verification/photo-check.ts";
import type { VisualMatcher } from "./verification/contracts.ts";
import { buildWebServer, type WebServer } from "./web/server.ts";
import type { WebDeps } from "./web/deps.ts";
import { sandboxRoutes } from "./channels/sandbox/sandbox-routes.ts";
import type { WorkerDeps } from "./workers/deps.ts";
import { Workers } from "./workers/workers.ts";
import { timedVerifier } from "./workers/timed-verifier.ts";
import { QueuedTripLifecycle } from "./conversation/trip-lifecycle.ts";
import type { TripLifecycle } from "./ports/trips.ts";
import { defaultLadder, parseLadder } from "./domain/escalation.ts";
import { parseAddress } from "./domain/identity.ts";
import { NgoAlertRepository } from "./store/ngo-alert-repository.ts";
import { DeadlineFiringStore } from "./store/deadline-firing.ts";
import { DeadlineTimers } from "./store/deadline-timers.ts";
import { SentMarkers } from "./store/sent-markers.ts";
import { SendPacer } from "./store/send-pacer.ts";
import { RedisWatchdog } from "./store/redis-watchdog.ts";
import { WordStore } from "./store/word-store.ts";
import { RecordKeys } from "./store/record-keys.ts";
import { KeyRing } from "./store/key-ring.ts";
import { storeRotationSteps, type RotationStep } from "./store/key-rotation.ts";
import { WaKeys } from "./channels/whatsapp/wa-keys.ts";
import { whatsappRotationSteps } from "./channels/whatsapp/wa-key-rotation.ts";
import { resolveMasterKey } from "./store/master-key.ts";
import { DashboardKeys } from "./store/dashboard-keys.ts";
import { StaffRepository } from "./store/staff-repository.ts";
import { StaffSecrets } from "./store/staff-secrets.ts";
import { assertDurableRedis } from "./store/redis-durability.ts";
import { Metrics } from "./metrics.ts";
import { resolveProofKeys } from "./proof/signing-key.ts";
import type { ProofKeys } from "./proof/proof-keys.ts";
import { ConfirmationSigner } from "./proof/confirmation-signer.ts";

export const ROLES = ["bot", "worker", "web"] as const;
export type Role = (typeof ROLES)[number];

export interface AppOptions {
  roles: readonly Role[];
  /** Replaces the visual matcher (tests); the default matches against the landmarks' stored reference features. */
  matcher?: VisualMatcher;
  now?: () => Date;
  /** Replaces the WhatsApp network (tests: a fake socket). */
  whatsappSocket?: WaSocketFactory;
}

export class App {
  readonly redis: RedisClient;
  /**
   * BullMQ's connection (queues and workers), apart from the repositories' `redis`: BullMQ defines its 64
   * scripts as commands on the client it is given, and ioredis copies every command defined on a client into
   * each MULTI and pipeline made from it (about 60 us a MULTI with them, a dozen per check-in).
   */
  readonly queueRedis: RedisClient;
  readonly keys: Keys;
  readonly conversation: Conversation;
  /** The conversation's deps with the concrete repositories: the web role, the CLI and tests use more than its ports name. */
  readonly deps: Omit<ConversationDeps, "persons" | "contacts" | "trips" | "checkins" | "media" | "landmarks" | "rates" | "words"> & {
    persons: PersonRepository; contacts: ContactRepository; trips: TripRepository; checkins: CheckinRepository;
    media: MediaStore; landmarks: LandmarkRepository; rates: RateLimiter; words: WordStore;
  };
  /** The workers' view of the stores, with the concrete NGO alert store (the web role and tests read its timelines). */
  readonly workerDeps: WorkerDeps & { ngoAlerts: NgoAlertRepository };
  /** While the matcher threads load at start (MATCHER_WARM_START), and when they are done. */
  private warming = false;
  private warmed: Promise<void> = Promise.resolve();
  /** The default matcher's threads (started by start() with MATCHER_WARM_START, else on the first photo), stopped with the app. */
  private ownMatcher?: ThreadedMatcher;
  readonly producers: Producers;
  /** When each trip deadline fires next (what the worker role's DeadlineSweeper takes from). */
  readonly timers: DeadlineTimers;
  readonly lifecycle: TripLifecycle;
  readonly recordKeys: RecordKeys;
  /** APP_KEY (and APP_KEY_PREVIOUS during a rotation): whatever is sealed with the app key uses this. */
  readonly keyRing: KeyRing;
  /** PROOF_SIGNING_KEY (and PROOF_SIGNING_KEY_PREVIOUS): signs and checks arrival confirmation codes. */
  readonly proofKeys: ProofKeys;
  readonly sandboxLog: SandboxChatLog;
  readonly metrics: Metrics;
  readonly telegram?: TelegramChannel;
  /** Telegram replies queued behind the turn; sent by the bot and worker roles. */
  readonly telegramOutbox?: TelegramOutbox;
  readonly whatsapp?: WhatsAppChannel;
  /** Telegram updates stored by the webhook or the poller (bot role), handled behind the answer. */
  telegramInbox?: TelegramInbox;
  web?: WebServer;
  workers?: Workers;
  watchdog?: RedisWatchdog;

  constructor(
    readonly config: Config,
    readonly log: Logger,
    private readonly opts: AppOptions,
  ) {
    const now = opts.now ?? (() => new Date());
    // First, so that a missing key fails before any connection is opened.
    const masterKey = resolveMasterKey(config, log);
    this.proofKeys = resolveProofKeys(config, log);
    this.redis = createRedis(config, "app");
    // ioredis reconnects by itself; without a listener every failed attempt is printed as "unhandled".
    let lastReport = 0;
    this.redis.on("error", (err: Error) => {
      if (Date.now() - lastReport < 10_000) return;
      lastReport = Date.now();
      log.warn({ err: err.name, code: (err as NodeJS.ErrnoException).code }, "redis connection error; reconnecting");
    });
    this.queueRedis = createRedis(config, "queues");
    // Trouble with Redis is reported by the app's connection; this one only reconnects.
    this.queueRedis.on("error", () => undefined);
    this.keys = new Keys(config.REDIS_PREFIX);
    const { redis, keys, queueRedis } = this;
    const media = new MediaStore(redis, keys, config.MEDIA_TTL);
    this.keyRing = new KeyRing(masterKey, config.APP_KEY_PREVIOUS);
    const ring = this.keyRing;
    this.recordKeys = new RecordKeys(redis, keys, ring, config.RETENTION);
    const recordKeys = this.recordKeys;
    const persons = new PersonRepository(redis, keys, config.RETENTION, recordKeys);
    const contacts = new ContactRepository(redis, keys, config.INVITE_TTL, config.RETENTION);
    const trips = new TripRepository(redis, keys, config.RETENTION, recordKeys);
    const checkins = new CheckinRepository(redis, keys, config.CHECKIN_PAIR_WINDOW, config.RETENTION, recordKeys);
    const landmarks = new LandmarkRepository(redis, keys);
    const i18n = new I18n();
    this.producers = new Producers(queueRedis, config.REDIS_PREFIX);
    this.timers = new DeadlineTimers(redis, keys);
    const timers = this.timers;
    this.sandboxLog = new SandboxChatLog(redis, keys, media, config.RETENTION);
    const messenger = new ChannelMessenger(async (to) => directionOf((await persons.findByAddress(to))?.locale)).register(
      new SandboxSender(this.sandboxLog),
    );
    if (config.TELEGRAM_BOT_TOKEN) {
      const pacer = new SendPacer(redis, {
        prefix: config.REDIS_PREFIX,
        name: "tg",
        perChatPerSecond: config.TELEGRAM_RATE_PER_CHAT,
        globalPerSecond: config.TELEGRAM_RATE_GLOBAL,
        chatIndex: (chatId) => ring.addressIndex("telegram", chatId),
      });
      this.telegramOutbox = new TelegramOutbox({
        connection: queueRedis,
        prefix: config.REDIS_PREFIX,
        redis,
        box: ring,
        pacer,
        chatIndex: (chatId) => ring.addressIndex("telegram", chatId),
        lockMs: config.JOB_LOCK,
        concurrency: config.INBOUND_CONCURRENCY,
        log,
      });
      this.telegram = new TelegramChannel(
        {
          token: config.TELEGRAM_BOT_TOKEN,
          apiRoot: config.TELEGRAM_API_ROOT,
          timeoutMs: config.TELEGRAM_TIMEOUT,
          pollTimeoutMs: config.TELEGRAM_POLL_TIMEOUT,
          local: config.TELEGRAM_LOCAL_MODE === "on" ? { fileDir: config.TELEGRAM_LOCAL_FILE_DIR } : undefined,
          // Metrics are made further down; the callback only runs once updates flow.
          onUpdateFailed: (reason) => this.metrics.telegramUpdatesFailed.inc({ reason }),
          maxPhotoBytes: config.MAX_PHOTO_BYTES,
          pacer,
          webhook:
            config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
              ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET }
              : undefined,
        },
        log,
      );
      this.telegram.sender.useOutbox(this.telegramOutbox);
      messenger.register(this.telegram.sender);
    }
    if (config.WHATSAPP_ENABLED === "true") {
      this.whatsapp = new WhatsAppChannel(
        {
          redis,
          keys: this.whatsappKeys(),
          sealer: ring,
          number: config.WHATSAPP_NUMBER,
          pairing: config.WHATSAPP_PAIRING,
          rates: { perChat: config.WHATSAPP_RATE_PER_CHAT, global: config.WHATSAPP_RATE_GLOBAL },
          maxMediaBytes: Math.min(config.WHATSAPP_MAX_MEDIA_BYTES, config.MAX_PHOTO_BYTES),
          optInTtlMs: config.RETENTION,
          lockMs: config.JOB_LOCK,
          resendDelayMs: config.WHATSAPP_RESEND_DELAY,
          socketLockMs: config.WHATSAPP_SOCKET_LOCK,
          webVersion: config.WHATSAPP_WEB_VERSION,
          queue: this.producers,
          socketFactory: opts.whatsappSocket,
          printPairing: !opts.whatsappSocket,
        },
        { persons, contacts, messenger, i18n, operatorChat: parseAddress(config.OPERATOR_CHAT) },
        log,
      );
      messenger.register(this.whatsapp.sender);
    }
    const whatsapp = this.whatsapp;
    const photoLimits = { maxBytes: config.MAX_PHOTO_BYTES, maxPixels: config.MAX_PHOTO_PIXELS, minSide: config.MIN_PHOTO_SIDE };
    const telegram = this.telegram;
    const inviteLinks: InviteLinks = {
      link: (channel, code) =>
        channel === "telegram" && telegram
          ? `https://t.me/${telegram.username}?start=${code}`
          : channel === "whatsapp" && whatsapp?.inviteLink(code)
          ? whatsapp.inviteLink(code)!
          : `${config.PUBLIC_URL ?? `http://localhost:${config.PORT}`}/sandbox?start=${code}`,
    };
    const ladder = config.ESCALATION_LADDER ? parseLadder(config.ESCALATION_LADDER) : defaultLadder(config.ESCALATION_GRACE);
    this.lifecycle = new QueuedTripLifecycle({ trips, contacts, timers, queues: this.producers, ladder, log });
    const lifecycle = this.lifecycle;
    const words = new WordStore(redis, keys, config.RETENTION);
    this.deps = {
      persons, contacts, trips, checkins, media, landmarks, messenger, i18n, log, photoLimits, inviteLinks, now,
      lifecycle, words,
      states: new ConversationStateStore(redis, keys),
      rates: new RateLimiter(redis, keys, (channel, chatId) => ring.addressIndex(channel, chatId)),
      queues: this.producers,
      config,
    };
    const submissions = new RedisSubmissionIndex(redis, keys, config.RETENTION);
    const sent = new SentMarkers(redis, keys, config.RETENTION, config.JOB_LOCK * 2);
    // The process's engine: reference imports here and the matcher threads use it; `native` without a build fails now.
    setVisionEngine(config.VISION_ENGINE);
    resolveNativeVision(config.VISION_ENGINE);
    const matcher = opts.matcher ?? (this.ownMatcher = new ThreadedMatcher({ source: new RepositoryReferenceSource(landmarks), threads: config.VERIFY_CONCURRENCY }));
    if (this.ownMatcher) log.info({ engine: describeVisionEngine(config.VISION_ENGINE) }, "visual matcher");
    this.workerDeps = {
      persons, contacts, trips, checkins, media, landmarks, messenger, i18n, log, now, submissions, lifecycle,
      ngoAlerts: new NgoAlertRepository(redis, keys, config.RETENTION),
      sent,
      firing: new DeadlineFiringStore(redis, keys, recordKeys, trips, persons, sent),
      timers,
      ngo: config.NGO_NAME
        ? {
            name: config.NGO_NAME,
            dutyChat: parseAddress(config.NGO_DUTY_CHAT),
            webhook: config.NGO_WEBHOOK_URL && config.NGO_WEBHOOK_SECRET ? { url: config.NGO_WEBHOOK_URL, secret: config.NGO_WEBHOOK_SECRET } : undefined,
          }
        : undefined,
      operatorChat: parseAddress(config.OPERATOR_CHAT),
      confirmations: new ConfirmationSigner(this.proofKeys, { publicUrl: config.PUBLIC_URL, retentionMs: config.RETENTION }),
      queues: this.producers,
      photoChecker: new PhotoChecker({ matcher, landmarks, limits: photoLimits, freshnessMs: config.PHOTO_FRESHNESS }),
      verifier: new PhotoVerifier({
        matcher,
        submissions,
        limits: photoLimits,
        freshnessMs: config.PHOTO_FRESHNESS,
      }),
    };
    this.metrics = new Metrics(() => this.producers.all, async () => {
      const now = Date.now();
      // A deadline job stored before the timers waits in BullMQ's queue; the rest in the timers.
      const [job] = await this.producers.deadlineQueue.getWaiting(0, 0);
      const timer = await this.timers.oldestDue(now);
      const jobDue = job ? job.timestamp + (job.delay ?? 0) : undefined;
      return jobDue === undefined ? timer : timer === undefined ? jobDue : Math.min(jobDue, timer);
    });
    this.workerDeps.verifier = timedVerifier(this.workerDeps.verifier, this.metrics.verification, this.metrics.learnedOpinionShed);
    this.conversation = new Conversation(this.deps);
  }

  /** WhatsApp's key names, per chat a keyed hash of the chat id (and the previous key's during a rotation). */
  private whatsappKeys(): WaKeys {
    return new WaKeys(
      this.config.REDIS_PREFIX,
      (chatId) => this.keyRing.addressIndex("whatsapp", chatId),
      (chatId) => this.keyRing.previousAddressIndex("whatsapp", chatId),
    );
  }

  /** The services the web role reaches, and nothing else of the container. */
  webDeps(): WebDeps {
    const { config, log, redis, keys, keyRing, metrics, proofKeys } = this;
    const { persons, trips, landmarks, rates, i18n, now } = this.deps;
    const { ngoAlerts, verifier } = this.workerDeps;
    return {
      config, log, redis, keys, keyRing, metrics, proofKeys, persons, trips, landmarks, rates, i18n, now, ngoAlerts, verifier,
      queues: this.producers.all,
      warming: () => this.warming,
    };
  }

  /** Resolves once the matcher threads started by start() are loaded (at once when none were warmed). */
  matcherWarmed(): Promise<void> {
    return this.warmed;
  }

  /** What `keys rotate` moves from APP_KEY_PREVIOUS to APP_KEY: every value sealed, and every key named, with the app key. */
  rotationSteps(): RotationStep[] {
    return [
      ...storeRotationSteps(this.redis, this.keys, this.recordKeys, this.deps.persons),
      ...whatsappRotationSteps(this.redis, this.whatsappKeys(), this.keyRing),
      {
        what: "staff TOTP secrets re-sealed",
        all: () => new StaffRepository(this.redis, new DashboardKeys(this.config.REDIS_PREFIX), new StaffSecrets(this.keyRing)).resealSecrets(),
      },
      ...telegramRotationSteps(this.redis, this.keys, this.keyRing),
    ];
  }

  /** Loads the configured catalog (the demo one by default) where its landmarks are not in the store yet. */
  async seedCatalog(): Promise<void> {
    const dir = this.config.CATALOG_DIR ?? DEMO_CATALOG_DIR;
    const result = await importCatalog(dir, this.deps.landmarks, { onlyMissing: true });
    if (result.imported.length) this.log.info({ imported: result.imported.length }, "landmarks imported");
  }

  async start(): Promise<void> {
    const { config, opts } = this;
    await this.redis.ping();
    // A silent network stall would leave every command waiting for good: PING, and reconnect after 3 misses.
    const watched = () => [{ name: "app", client: this.redis }, { name: "queues", client: this.queueRedis }, ...(this.telegramInbox?.connections ?? []).map((client) => ({ name: "tg-inbox", client }))];
    this.watchdog = new RedisWatchdog(watched, { intervalMs: config.REDIS_WATCHDOG_INTERVAL }, this.log);
    this.watchdog.start();
    if (config.NODE_ENV === "production") await assertDurableRedis(this.redis, this.log);
    const indexed = await this.deps.landmarks.ensureGeoIndex();
    if (indexed) this.log.info({ landmarks: indexed }, "landmark position index rebuilt");
    if (this.telegram) await this.telegram.init();
    if (this.telegram && this.telegramOutbox && (opts.roles.includes("bot") || opts.roles.includes("worker"))) {
      const sender = this.telegram.sender;
      this.telegramOutbox.start((chatId, message, progress) => sender.deliver(chatId, message, true, progress));
    }
    if (opts.roles.includes("worker")) {
      if (this.ownMatcher && config.MATCHER_WARM_START === "on") {
        const started = Date.now();
        this.warming = true;
        // Not awaited: jobs may start meanwhile, and a photo sent to a thread still loading waits for it.
        // /readyz answers 503 meanwhile (matcherWarmed), so that traffic is routed here once it is served at speed.
        const wantLearned = config.VERIFY_LEARNED_MAX_WAIT_MS > 0;
        this.warmed = this.ownMatcher
          .warm({ learned: wantLearned })
          .then(
            ({ learned }) =>
              learned || !wantLearned
                ? this.log.info({ ms: Date.now() - started }, "visual matcher threads ready")
                : this.log.warn({ ms: Date.now() - started }, "visual matcher threads ready without the learned third opinion: its runtime did not load"),
            (err: Error) => this.log.warn({ err: err.name }, "visual matcher threads did not warm up; they load on the first photo"),
          )
          .finally(() => (this.warming = false));
      }
      this.workers = new Workers(
        this.workerDeps,
        {
          connection: this.queueRedis,
          prefix: config.REDIS_PREFIX,
          verifyConcurrency: config.VERIFY_CONCURRENCY,
          notifyConcurrency: config.NOTIFY_CONCURRENCY,
          maxPhotoBytes: config.MAX_PHOTO_BYTES,
          pairWindowMs: config.CHECKIN_PAIR_WINDOW,
          learnedMaxWaitMs: config.VERIFY_LEARNED_MAX_WAIT_MS,
          reconcileIntervalMs: config.RECONCILE_INTERVAL,
          lockMs: config.JOB_LOCK,
          deadlineQueue: this.producers.deadlineQueue,
          redis: this.redis,
          timers: this.timers,
        },
        this.log,
      );
    }
    const handle = (msg: Parameters<Conversation["handle"]>[0]) => this.conversation.handle(msg);
    // The web role and a webhook bot serve HTTP on PORT; any other role serves only health checks, on HEALTH_PORT if set.
    const webhook = Boolean(this.telegram && opts.roles.includes("bot") && config.TELEGRAM_WEBHOOK_URL);
    const port = opts.roles.includes("web") || webhook ? config.PORT : config.HEALTH_PORT;
    if (port !== undefined) {
      this.web = await buildWebServer({
        deps: this.webDeps(),
        dashboard: opts.roles.includes("web") && config.DASHBOARD === "on",
        proof: opts.roles.includes("web"),
      });
      if (opts.roles.includes("web") && sandboxEnabled(config)) {
        const { persons, landmarks, media, i18n, log, now } = this.deps;
        await this.web.fastify.register(sandboxRoutes, {
          chatLog: this.sandboxLog, persons, landmarks, media, i18n, log, now, maxPhotoBytes: config.MAX_PHOTO_BYTES, handle,
        });
      }
    }
    // The bot role takes updates in (webhook or polling) and stores them; the role named by TELEGRAM_TURNS_IN handles them.
    const takesUpdates = opts.roles.includes("bot");
    const runsTurns = opts.roles.includes(config.TELEGRAM_TURNS_IN);
    if (this.telegram && (takesUpdates || runsTurns)) {
      const inbox = new TelegramInbox({
        redis: this.redis,
        keys: this.keys,
        box: this.keyRing,
        lockMs: config.JOB_LOCK,
        concurrency: config.INBOUND_CONCURRENCY,
        log: this.log,
        chatIndex: (chatId) => this.keyRing.addressIndex("telegram", chatId),
        legacy: { connection: this.queueRedis, prefix: config.REDIS_PREFIX },
      });
      this.telegramInbox = inbox;
      this.telegram.useInbox(inbox);
      if (runsTurns) await this.telegram.attach(handle, inbox, () => this.redis.ping());
      if (takesUpdates && webhook && this.web) await this.telegram.startWebhook(this.web.fastify);
      else if (takesUpdates) await this.telegram.startPolling();
    }
    if (this.whatsapp && this.web && config.ADMIN_TOKEN) registerPairRoute(this.web.fastify, this.whatsapp.pairing, config.ADMIN_TOKEN);
    if (this.whatsapp && opts.roles.includes("bot")) await this.whatsapp.start(handle, { connection: this.queueRedis, prefix: config.REDIS_PREFIX });
    if (this.web && port !== undefined) await this.web.listen(port, config.HOST);
  }

  async stop(): Promise<void> {
    this.watchdog?.stop();
    await this.telegram?.stop();
    await this.telegramOutbox?.close();
    await this.whatsapp?.stop();
    await this.web?.close();
    await this.workers?.close();
    await this.ownMatcher?.close();
    await this.producers.close();
    this.redis.disconnect();
    this.queueRedis.disconnect();
  }
}
