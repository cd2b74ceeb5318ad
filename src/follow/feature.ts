import { z } from 'zod';
import { defineFeature } from '../app/feature.js';
import { FenceService, optional, PersonalChatInstallerService } from '../app/services.js';
import type { ChatTurn } from '../chat/types.js';
import type { Lang } from '../i18n/language.js';
import { deadlineKey } from '../deadlines/deadline.js';
import { nameKey } from '../registry/system.js';
import { JournalProjection } from '../store/journal.js';
import { checkSchedule, cronSetting } from '../time/cron.js';
import { answerCommand, follow, personOf, unfollow, type FollowChatDeps } from './chat.js';
import { followCommands } from './cli.js';
import { FollowDelivery } from './delivery.js';
import { FOLLOW_JOURNAL, Follows, targetKey, targetKeysOf, type FollowEvent, type FollowTarget } from './follows.js';
import { FOLLOW_SAMPLES, followCommand } from './phrases.js';
import { parseQuietHours, validQuietHours } from './quietHours.js';
import { resolveTarget, taskTarget } from './targets.js';
import { followTexts } from './texts.js';

export const FollowVerbs = { toggle: 'follows.toggle' } as const;
const ToggleData = z.object({ kind: z.enum(['system', 'task']), name: z.string().trim().min(1).max(200), follow: z.boolean() });

const validZone = (zone: string) => {
  try {
    checkSchedule('* * * * *', zone);
    return true;
  } catch {
    return false;
  }
};

/**
 * Følg: a person follows a system, a KLIK task or a solution ("følg SAPA", "følg K53", "følg UDK
 * Begravelseshjælp"), and hears in their 1:1 chat when a date, a status or a source of it changes,
 * and a few days before its deadlines. A "Følg" button on other features' answer and deadline cards.
 * State: the journal `follows`; the leading instance sends (the schedules run only there).
 */
export const following = defineFeature({
  name: 'follow',
  settings: z.object({
    /** When deadline reminders (and changes held back for quiet hours) go out: cron in FOLLOW_TZ. Default weekdays 07:30. */
    FOLLOW_CRON: cronSetting.default('30 7 * * 1-5'),
    FOLLOW_TZ: z.string().refine(validZone, { error: 'is not a known time zone' }).default('Europe/Copenhagen'),
    /** Days before a followed deadline a person is reminded, unless they chose their own. */
    FOLLOW_REMINDER_DAYS: z.coerce.number().int().min(1).max(60).default(3),
    /** `18-07`: change messages wait from 18:00 to 07:00 and all weekend, for the next morning run; empty: never. */
    FOLLOW_QUIET_HOURS: z.string().refine(validQuietHours, { error: 'is not HH-HH (e.g. 18-07) or empty' }).default('18-07'),
    /** Follows one person may have. */
    FOLLOW_MAX_PER_PERSON: z.coerce.number().int().min(1).max(10_000).default(200),
  }),
  languageWords: { da: 'følg følger påmind', en: 'follow unfollow following remind' },
  uses: [optional(FenceService), optional(PersonalChatInstallerService)],
  state: async (context, settings) => {
    const follows = new Follows();
    const projection = await JournalProjection.open(context.storage.journal<FollowEvent>(FOLLOW_JOURNAL), (event) => follows.apply(event), context.log);
    const fence = context.useOptional(FenceService);
    const installer = context.useOptional(PersonalChatInstallerService);
    const delivery = new FollowDelivery(context, follows, projection, {
      zone: settings.FOLLOW_TZ,
      quiet: parseQuietHours(settings.FOLLOW_QUIET_HOURS),
      remindDays: settings.FOLLOW_REMINDER_DAYS,
      ...(fence ? { fence } : {}),
      ...(installer ? { installer } : {}),
    });
    return { follows, projection, delivery, installer };
  },
  register: (router, context, { settings, state }) => {
    const deps: FollowChatDeps = {
      follows: state.follows,
      projection: state.projection,
      registry: context.registry,
      notifier: context.notifier,
      clock: context.clock,
      remindDays: settings.FOLLOW_REMINDER_DAYS,
      maxPerPerson: settings.FOLLOW_MAX_PER_PERSON,
      ...(state.installer ? { installer: state.installer } : {}),
    };
    router.message((turn) => followCommand(turn.text), (turn, command) => answerCommand(turn, command, deps), { samples: FOLLOW_SAMPLES });
    router.action(FollowVerbs.toggle, ToggleData, async (turn: ChatTurn, { kind, name, follow: wanted }) => {
      const lang: Lang = turn.lang;
      await state.projection.refresh();
      const resolved = resolveTarget(await context.registry.current(), name);
      const target = 'found' in resolved && resolved.found.kind === kind ? resolved.found : null;
      if (target === null) return { type: 'error', code: 'FOLLOW_TARGET_UNKNOWN', text: followTexts[lang].unknown(name) };
      return { type: 'message', text: wanted ? await follow(turn, target, lang, deps) : await unfollow(turn, target, lang, deps) };
    });
  },
  // "Følg SAPA" / "Følger SAPA ✓" on a system's answer and on each KLIK task of a deadline card, as the viewer follows it.
  cardActions: (_context, { state }) => {
    const button = (target: FollowTarget, name: string, kind: 'system' | 'task', viewer: { userId: string; aadObjectId: string | null }, lang: Lang) => {
      const following = state.follows.people.get(personOf({ id: viewer.userId, aadObjectId: viewer.aadObjectId }))?.follows.has(targetKey(target)) ?? false;
      return { title: followTexts[lang].button(name, following), verb: FollowVerbs.toggle, data: { kind, name, follow: !following } };
    };
    return [
      { on: 'system', action: (system, viewer, lang) => button({ kind: 'system', id: nameKey(system.name), name: system.name }, system.name, 'system', viewer, lang) },
      {
        on: 'deadline',
        action: (deadline, viewer, lang) => {
          if (deadline.kind !== 'klik' || deadline.code === null) return null;
          const name = `${deadline.solution} ${deadline.code}`;
          return button(taskTarget({ ...deadline, code: deadline.code }), name, 'task', viewer, lang);
        },
      },
    ];
  },
  // "Følges af 3" under an item of the overview tab: how many hear of its changes (no names), where any do.
  overviewLines: (_context, { state }) => {
    const followedBy = (keys: string[]) => {
      const count = state.follows.followersOfAny(keys).size;
      return count > 0 ? { da: followTexts.da.followedBy(count), en: followTexts.en.followedBy(count) } : null;
    };
    const ready = async () => {
      await state.projection.refresh();
    };
    return [
      { on: 'system', ready, line: (system) => followedBy(targetKeysOf({ type: 'system', id: nameKey(system.name), name: system.name })) },
      { on: 'deadline', ready, line: (deadline) => followedBy(targetKeysOf({ type: 'deadline', id: deadlineKey(deadline), solution: deadline.solution, code: deadline.code, title: deadline.title })) },
    ];
  },
  on: {
    registryChange: async (changes, _context, { state }) => {
      await state.delivery.queue(changes);
    },
  },
  // Changes go out within a minute (not in quiet hours); reminders, and what quiet hours held back, on FOLLOW_CRON.
  schedules: (_context, { settings, state }) => [
    { name: 'follow: changes to followers', cron: '* * * * *', zone: settings.FOLLOW_TZ, atStart: true, run: (now) => state.delivery.run(now, { morning: false }) },
    { name: 'follow: morning run', cron: settings.FOLLOW_CRON, zone: settings.FOLLOW_TZ, run: (now) => state.delivery.run(now, { morning: true }) },
  ],
  routes: (_context, { state }) => [
    {
      method: 'GET',
      path: '/api/follows/stats',
      access: 'admin',
      handle: async () => {
        await state.projection.refresh();
        const items = [...state.follows.counts().values()].filter(({ followers }) => followers > 0).map(({ target, followers }) => ({ kind: target.kind, item: target.kind === 'task' ? `${target.solution} ${target.code}` : target.name, followers }));
        return { status: 200, type: 'application/json', body: JSON.stringify({ items }), headers: { 'cache-control': 'no-store' } };
      },
    },
  ],
  cli: followCommands,
  help: [
    {
      rank: 45,
      da: { title: 'følg SAPA', description: 'Få besked i din chat, når SAPAs dato eller status ændres' },
      en: { title: 'follow SAPA', description: "Hear in your chat when SAPA's date or status changes" },
      // A system of the data in use (the Playground's made-up ones): following a name it does not hold would fail.
      fitTo: (registry, _today, lang) => {
        const name = (registry.find('SAPA') ?? registry.systems[0])?.name;
        return name === undefined ? null : `${lang === 'da' ? 'følg' : 'follow'} ${name}`;
      },
    },
    { rank: 46, card: true, da: { title: 'hvad følger jeg?', description: 'Det du følger' }, en: { title: 'what do I follow?', description: 'What you follow' } },
  ],
});
