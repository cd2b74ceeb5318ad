import { z } from 'zod';
import { defineFeature } from '../app/feature.js';
import { FenceService, optional, provided } from '../app/services.js';
import { AdminsService } from '../admins/feature.js';
import { cronSetting } from '../time/cron.js';
import { registerDigest } from './chat.js';
import { overviewLink } from '../links/overview.js';
import { calendarFeedUrl } from '../calendar/link.js';
import { digestComposer } from './compose.js';
import { DigestRunsService, DigestSenderService, DigestSubscriptionsService } from './services.js';
import { digestCommands } from './cli.js';
import { DigestOutbox, type OutboxEvent } from './outbox.js';
import { RateLimiter } from './rateLimiter.js';
import { DigestService } from './service.js';
import { SubscriptionStore } from './subscriptions.js';

/**
 * The weekly digest: subscriptions, exactly one delivery per week and conversation (the outbox), the
 * run, the chat commands, and its schedules. Its content is the sections the features contribute.
 */
export const digest = defineFeature({
  name: 'digest',
  settings: z.object({
    /** When the digest is due (cron in DIGEST_TZ). Default: Mondays 08:00. */
    DIGEST_CRON: cronSetting.default('0 8 * * 1'),
    /** At most this many digests start per second (Teams allows about 30/s per app and tenant). */
    DIGEST_RATE_PER_SECOND: z.coerce.number().positive().max(50).default(30),
    /** Minutes between runs that send what is still due this week. */
    DIGEST_RETRY_MINUTES: z.coerce.number().int().min(1).max(59).default(15),
    /** A team install subscribes the team's General channel. */
    DIGEST_SUBSCRIBE_TEAMS_ON_INSTALL: z.enum(['true', 'false']).default('true'),
    /**
     * Seconds a claimed delivery is left to the instance that claimed it, before another sends it; an
     * instance whose database session ended is known dead and its claims are taken over at once.
     */
    DIGEST_CLAIM_SECONDS: z.coerce.number().min(1).max(3600).default(300),
  }),
  languageWords: { da: 'oversigt ugens abonner', en: 'digest subscribe' },
  cli: digestCommands,
  help: [
    { rank: 40, card: false, menu: true, da: { title: 'vis ugens oversigt', description: 'Ugens oversigt over frister og skift, kun for dig' }, en: { title: 'digest preview', description: "This week's digest of deadlines and switches, for you only" } },
    { rank: 41, card: false, menu: true, da: { title: 'abonner på oversigt', description: 'Få ugens oversigt her hver mandag morgen' }, en: { title: 'subscribe digest', description: 'Get the weekly digest here every Monday morning' } },
  ],
  uses: [AdminsService, optional(DigestSenderService), optional(FenceService)],
  state: async (context, settings) => {
    const { storage, log, config, registry, clock, notifier } = context;
    const fence = context.useOptional(FenceService);
    const subscriptions = new SubscriptionStore(storage);
    const outbox = await DigestOutbox.load(storage.journal<OutboxEvent>('digest-outbox'));
    // The sections of every feature in the app, read when a digest is composed (all have started by then).
    const compose = digestComposer({ sections: context.digestSections, registry: () => registry.current(), calendarUrl: calendarFeedUrl(config.publicBaseUrl), overview: (lang) => overviewLink(config, lang) });
    const digests = new DigestService({
      subscriptions,
      outbox,
      sender: context.useOptional(DigestSenderService) ?? notifier,
      compose,
      limiter: new RateLimiter(settings.DIGEST_RATE_PER_SECOND),
      schedule: { pattern: settings.DIGEST_CRON, zone: config.zone },
      // With files one bot runs (the data folder lock); with a database, instances claim deliveries.
      ...(storage.kind === 'postgres' ? { claimMs: settings.DIGEST_CLAIM_SECONDS * 1000, ...(storage.presence ? { presence: storage.presence() } : {}) } : {}),
      log,
      ...(fence ? { fence } : {}),
      clock,
      ...(clock.elapsed ? { elapsed: clock.elapsed.bind(clock) } : {}),
    });
    return { subscriptions, outbox, compose, digests };
  },
  provides: [DigestRunsService, DigestSubscriptionsService],
  services: (_context, { state }) => [provided(DigestRunsService, state.digests), provided(DigestSubscriptionsService, state.subscriptions)],
  register: (router, context, { settings, state }) =>
    registerDigest(router, {
      ...context,
      ...state,
      admins: context.use(AdminsService),
      zone: context.config.zone,
      subscribeTeamsOnInstall: settings.DIGEST_SUBSCRIBE_TEAMS_ON_INSTALL === 'true',
    }),
  // DIGEST_CRON, and every DIGEST_RETRY_MINUTES (and at start) what is still due this week: a Monday
  // missed while the bot was down, channels whose delivery failed. A run with nothing to do is a look.
  schedules: ({ config }, { settings, state }) => [
    { name: 'weekly digest', cron: settings.DIGEST_CRON, zone: config.zone, run: (now) => state.digests.run(now) },
    { name: 'weekly digest catch-up', cron: `*/${settings.DIGEST_RETRY_MINUTES} * * * *`, zone: config.zone, atStart: true, run: (now) => state.digests.run(now) },
  ],
});
