import { service } from '../app/services.js';
import type { Lang } from '../i18n/language.js';
import type { SyncService } from './service.js';

/** The sync with KOMBIT's list and its write-back (/healthz, a graceful stop), and "sync now" (null: not configured). */
export const ListSyncService = service<{ service: SyncService; syncNow: (lang: Lang) => Promise<string | null> }>('sync with KOMBIT\'s list');
