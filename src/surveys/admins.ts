import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

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
 * `cli admins add`, kept in DATA_DIR/admins.json.
 */
export class AdminDirectory {
  private readonly db: Low<{ admins: AdminEntry[] }>;
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly fromEnvironment: readonly string[] = [],
  ) {
    this.file = path.join(dataDir, 'admins.json');
    this.db = new Low(new JSONFile(this.file), { admins: [] });
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
  async add(aadObjectId: string, now: Date): Promise<boolean> {
    const id = aadObjectId.trim().toLowerCase();
    await this.db.read();
    if (this.db.data.admins.some((admin) => admin.aadObjectId === id)) return false;
    this.db.data.admins.push({ aadObjectId: id, addedAt: now.toISOString() });
    await this.save();
    return true;
  }

  /** Returns false when the id was not there. */
  async remove(aadObjectId: string): Promise<boolean> {
    const id = aadObjectId.trim().toLowerCase();
    await this.db.read();
    const before = this.db.data.admins.length;
    this.db.data.admins = this.db.data.admins.filter((admin) => admin.aadObjectId !== id);
    if (this.db.data.admins.length === before) return false;
    await this.save();
    return true;
  }

  private async stored(): Promise<AdminEntry[]> {
    await this.db.read();
    return this.db.data.admins ?? [];
  }

  private async save(): Promise<void> {
    // lowdb's writer puts its temporary file beside the target: the folder must exist.
    await mkdir(path.dirname(this.file), { recursive: true });
    await this.db.write();
  }
}

/** Reads ADMIN_AAD_OBJECT_IDS ("id1, id2"). */
export function adminsFromEnvironment(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,;\s]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
}
