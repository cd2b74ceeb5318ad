import type { Storage, StoredDocument } from '../store/storage.js';

export interface AdminEntry {
  aadObjectId: string;
  addedAt: string;
}

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for an Azure AD object id (a GUID). */
export function isObjectId(text: string): boolean {
  return OBJECT_ID.test(text.trim());
}

/**
 * KOMBIT's administrators: the object ids in ADMIN_AAD_OBJECT_IDS plus those added with
 * `cli admins add`, kept in the document `admins`.
 */
export class AdminDirectory {
  // Read on every check: `cli admins add` changes it while the bot runs.
  private readonly document: StoredDocument<{ admins: AdminEntry[] }>;

  constructor(
    storage: Storage,
    private readonly fromEnvironment: readonly string[] = [],
  ) {
    this.document = storage.document('admins', { admins: [] as AdminEntry[] });
  }

  async isAdmin(aadObjectId: string | null): Promise<boolean> {
    if (!aadObjectId) return false;
    const id = aadObjectId.toLowerCase();
    if (this.fromEnvironment.some((admin) => admin.toLowerCase() === id)) return true;
    return (await this.stored()).some((admin) => admin.aadObjectId === id);
  }

  /** Everyone who is an admin, and where it comes from. */
  async list(): Promise<{ aadObjectId: string; source: 'environment' | 'cli' }[]> {
    const environment = this.fromEnvironment.map((id) => ({ aadObjectId: id.toLowerCase(), source: 'environment' as const }));
    const stored = (await this.stored()).map((admin) => ({ aadObjectId: admin.aadObjectId, source: 'cli' as const }));
    return [...environment, ...stored.filter((admin) => !environment.some((e) => e.aadObjectId === admin.aadObjectId))];
  }

  /** Returns false when the id was already there. */
  add(aadObjectId: string, now: Date): Promise<boolean> {
    const id = aadObjectId.trim().toLowerCase();
    return this.document.change((data) => {
      if (data.admins.some((admin) => admin.aadObjectId === id)) return false;
      data.admins.push({ aadObjectId: id, addedAt: now.toISOString() });
      return true;
    });
  }

  /** Returns false when the id was not there. */
  remove(aadObjectId: string): Promise<boolean> {
    const id = aadObjectId.trim().toLowerCase();
    return this.document.change((data) => {
      const before = data.admins.length;
      data.admins = data.admins.filter((admin) => admin.aadObjectId !== id);
      return data.admins.length !== before;
    });
  }

  private async stored(): Promise<AdminEntry[]> {
    return (await this.document.read()).admins ?? [];
  }
}
