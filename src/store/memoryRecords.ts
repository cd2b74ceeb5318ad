import { RecordMap, type KeyedRecords, type RecordsOptions } from './records.js';

/**
 * Keyed records in memory: every handle on the same storage and name shares one map (as a file or a
 * table would be shared), indexed as the first handle asked.
 */
export class MemoryRecords<T extends object> implements KeyedRecords<T> {
  constructor(
    readonly name: string,
    private readonly map: RecordMap<T>,
    private readonly options: RecordsOptions<T>,
    legacy: (() => Record<string, unknown> | undefined) | null = null,
  ) {
    const data = options.readOnly ? undefined : legacy?.();
    if (data && options.legacy) {
      for (const [key, value] of options.legacy.entries(data)) if (!map.get(key)) map.apply([key, structuredClone(value)]);
    }
  }

  async get(key: string): Promise<T | undefined> {
    return this.map.get(key);
  }

  async findBy(indexKey: string): Promise<T | undefined> {
    return this.map.findBy(indexKey);
  }

  async put(key: string, value: T): Promise<void> {
    this.assertWritable();
    this.map.apply([key, structuredClone(value)]);
  }

  async delete(key: string): Promise<boolean> {
    this.assertWritable();
    return this.map.apply([key, null]) !== undefined;
  }

  async entries(): Promise<[string, T][]> {
    return [...this.map.values.entries()];
  }

  async size(): Promise<number> {
    return this.map.values.size;
  }

  async flushed(): Promise<void> {}

  private assertWritable(): void {
    if (this.options.readOnly) throw new Error(`the records "${this.name}" were opened to be read only`);
  }
}
