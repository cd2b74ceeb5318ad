import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { emptyRegistryData, normaliseRegistryData, type RegistryData, type RegistryStore } from './registryStore.js';

/**
 * The registry as one JSON file in the data folder, written through lowdb, whose writer writes a
 * temporary file and renames it over the old one: a crash never leaves half a file.
 */
export class FileRegistryStore implements RegistryStore {
  readonly file: string;
  private readonly db: Low<RegistryData>;
  private folderReady: Promise<unknown> | null = null;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'registry.json');
    this.db = new Low<RegistryData>(new JSONFile<RegistryData>(this.file), emptyRegistryData());
  }

  async read(): Promise<RegistryData> {
    await this.db.read();
    return structuredClone(normaliseRegistryData(this.db.data));
  }

  async write(data: RegistryData): Promise<void> {
    // lowdb's writer puts its temporary file beside the target, so the folder must exist first.
    this.folderReady ??= mkdir(path.dirname(this.file), { recursive: true });
    await this.folderReady;
    this.db.data = structuredClone(data);
    await this.db.write();
  }

  async revision(): Promise<string> {
    try {
      const info = await stat(this.file);
      return `${info.mtimeMs}:${info.size}`;
    } catch {
      return 'missing';
    }
  }

  async isEmpty(): Promise<boolean> {
    return (await this.revision()) === 'missing';
  }
}
