import { z } from 'zod';
import { defineFeature } from '../app/feature.js';
import { provided } from '../app/services.js';
import { AdminsService } from '../admins/feature.js';
import { SurveysService } from '../surveys/services.js';
import { SyncService } from './service.js';
import { ListSyncService } from './services.js';
import { cronSetting } from '../time/cron.js';
import { adminOnly } from '../chat/guards.js';
import { syncTexts } from './texts.js';
import { syncCommands } from './cli.js';
import type { ChatRouter } from '../chat/types.js';
import type { Lang } from '../i18n/language.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases } from '../text/words.js';

export interface SyncChatDeps {
  admins: { isAdmin(aadObjectId: string | null): Promise<boolean> };
  /** Runs a sync now and returns its summary; null when the list is not configured. */
  syncNow: (lang: Lang) => Promise<string | null>;
}

const SYNC_NOW = new PhraseIndex<Lang>([
  ...phrases('synkroniser nu', 'synkronisér nu', 'synkroniser listen', 'synkroniser listen nu').map((p) => [p, 'da'] as [string[], Lang]),
  ...phrases('sync now', 'sync the list', 'sync the list now').map((p) => [p, 'en'] as [string[], Lang]),
]);

/** "synkroniser nu": an administrator syncs the registry with KOMBIT's list and gets the summary. */
export function registerSync(router: ChatRouter, deps: SyncChatDeps): void {
  router.message(
    (turn) => {
      const found = SYNC_NOW.find(turn.words);
      return found && found.start === 0 ? found.value : null;
    },
    async (_turn, lang) => ({ text: (await deps.syncNow(lang)) ?? syncTexts(lang).notConfigured }),
    { guard: adminOnly(deps.admins, (lang) => syncTexts(lang).adminsOnlyWhat), samples: { da: ['synkroniser nu', 'synkroniser listen'], en: ['sync now', 'sync the list'] } },
  );
}

/**
 * The sync with KOMBIT's list: "synkroniser nu", its schedule, and the write-back of approved answers,
 * driven by the registry's changes (an approval) and caught up at start from the surveys' journal.
 */
export const sync = defineFeature({
  name: 'sync',
  settings: z.object({
    /** When the bot syncs with KOMBIT's list (cron, in DIGEST_TZ); only when the list is configured. */
    SYNC_CRON: cronSetting.default('0 * * * *'),
  }),
  uses: [SurveysService, AdminsService],
  state: async (context) => {
    const surveys = context.use(SurveysService);
    const { env, storage, clock, log, registry } = context;
    const service = await SyncService.create({ env, storage, clock, log, surveys: () => surveys.all(), registry });
    /** One sync with KOMBIT's list; null when it is not configured. Used by "synkroniser nu". */
    const syncNow = async (lang: Lang): Promise<string | null> => {
      const result = await service.run({ lang });
      return result.kind === 'not-configured' ? null : result.text;
    };
    return { service, syncNow };
  },
  provides: [ListSyncService],
  services: (_context, { state }) => [provided(ListSyncService, state)],
  cli: syncCommands,
  register: (router, context, { state }) => registerSync(router, { admins: context.use(AdminsService), syncNow: state.syncNow }),
  on: {
    // An approval changed the registry: its values go to KOMBIT's list now, not at the next sync. The
    // instance that approved sends them (others hear it too); what it leaves goes with the next sync.
    registryChange: async (changes, context, { state }) => {
      if (!changes.some((change) => change.source === 'approval' && change.writtenHere)) return;
      // The approval's survey event is recorded just after the registry: wait for it before looking.
      await context.use(SurveysService).settled();
      await state.service.queueApproved();
    },
  },
  schedules: (context, { settings, state }) =>
    state.service.configured
      ? [
          { name: 'sync with KOMBIT\'s list', cron: settings.SYNC_CRON, zone: context.config.zone, run: () => state.syncNow('da') },
          // Approvals a crash (or a failed write) left on their way to the list go at start, not at the next sync.
          { name: 'write-back of approvals left waiting', cron: settings.SYNC_CRON, zone: context.config.zone, atStart: true, run: () => state.service.pushWriteBacks() },
        ]
      : [],
});
