import path from 'node:path';
import { FEATURES } from '../src/app/features.js';
import { calendarFeedUrl, DEADLINES_FEED_NAME, outlookSubscribeUrl } from '../src/calendar/link.js';
import { dataDirOf } from '../src/config.js';
import { exampleDataMark } from '../src/exampleData/feature.js';
import { markedNotifier } from '../src/exampleData/notifier.js';
import { exampleRegistryData } from '../src/registry/exampleData.js';
import { MemoryRegistryStore } from '../src/store/registryStore.js';
import { calendarDayAt, type IsoDate } from '../src/time/calendarDate.js';
import type { StartOptions } from './start.js';

/* What `npm run playground` (bot/playground.ts) adds to a bot: its example data, and its banner. */

/**
 * PLAYGROUND_EXAMPLE_DATA (default 1): the Playground runs on made-up example data dated around today
 * (src/registry/exampleData.ts), so a first run shows what the bot does; 0 runs it on the registry in
 * DATA_DIR. The example registry lives in memory, made anew at each start; the rest (surveys, chats, the
 * survey link key) in DATA_DIR/eksempeldata, in files, so nothing of it ever mixes with real data.
 */
export function exampleDataOptions(env: NodeJS.ProcessEnv, now: Date): { options: Pick<StartOptions, 'env' | 'app'>; dataDir: string } | null {
  if ((env.PLAYGROUND_EXAMPLE_DATA ?? '1').trim() === '0') return null;
  const dataDir = path.join(dataDirOf(env), 'eksempeldata');
  const today: IsoDate = calendarDayAt(now);
  return {
    dataDir,
    options: {
      env: { ...env, DATA_DIR: dataDir, DATABASE_URL: '' },
      app: { store: new MemoryRegistryStore(exampleRegistryData(today)), features: [...FEATURES, exampleDataMark], notifications: (notifier) => markedNotifier(notifier) },
    },
  };
}

/**
 * The Playground's own user, as Microsoft 365 Agents Playground mocks it (its default
 * .m365agentsplayground.yml: "Alex Wilber"): the id to make an administrator to try approvals.
 */
export const PLAYGROUND_USER = { name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' } as const;

export interface BannerFacts {
  /** Where the bot listens (`http://127.0.0.1:3978`). */
  botUrl: string;
  /** The Playground's page. */
  playgroundUrl: string;
  /** PUBLIC_BASE_URL: what the feed and the survey links are made of. */
  publicBaseUrl: string;
  /** Whether the Playground's user is one of KOMBIT's administrators (ADMIN_AAD_OBJECT_IDS or `cli admins add`). */
  userIsAdmin: boolean;
  /** The example data's own data folder when the Playground runs on it; null on the registry in DATA_DIR. */
  exampleDataDir: string | null;
}

/**
 * What `npm run playground` prints once both are up: where to chat, the tab, the calendar feed and
 * the survey form, how to try approvals, and which data it runs on.
 */
export function playgroundBanner(facts: BannerFacts): string {
  const base = facts.publicBaseUrl.replace(/\/$/, '');
  const feed = calendarFeedUrl(base);
  const lines = [
    '',
    `FKI Bot is running at ${facts.botUrl}/api/messages`,
    `Open the Playground to chat with it: ${facts.playgroundUrl}`,
    '',
    `  The overview tab (CH2-overblik): ${facts.botUrl}/tab/`,
    `  The calendar feed:               ${feed}`,
    `    subscribe in Outlook:          ${outlookSubscribeUrl(feed, DEADLINES_FEED_NAME)}`,
    `  The survey form:                 ${base}/survey/… (each survey has its own link: write "spørg leverandøren om ${facts.exampleDataDir ? 'Eksempel Portal' : 'Aula'}" in the chat)`,
    ...(facts.userIsAdmin
      ? [`  Approvals: the Playground's user ${PLAYGROUND_USER.name} (${PLAYGROUND_USER.aadObjectId}) is an administrator: vendors' answers come to this chat to approve.`]
      : [
          `  Approvals: the Playground's user ${PLAYGROUND_USER.name} has the Entra ID object id ${PLAYGROUND_USER.aadObjectId}.`,
          `    To try approvals, make it an administrator: ADMIN_AAD_OBJECT_IDS=${PLAYGROUND_USER.aadObjectId} npm run playground`,
        ]),
    ...(facts.exampleDataDir
      ? [
          `  Example data ("Eksempeldata"): made-up systems and deadlines dated around today, marked in every answer and in the tab;`,
          `    surveys and chats are kept in ${facts.exampleDataDir}. PLAYGROUND_EXAMPLE_DATA=0 npm run playground uses the registry in DATA_DIR.`,
        ]
      : ['  The registry in DATA_DIR (KOMBIT\'s facts). PLAYGROUND_EXAMPLE_DATA=1 shows made-up example data dated around today.']),
    '',
  ];
  return lines.join('\n');
}
