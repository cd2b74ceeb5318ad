import type { Deadline } from '../deadlines/deadline.js';
import type { RegistryData } from '../store/registryStore.js';
import { SystemMatcher } from './matcher.js';
import { nameKey, type SystemRecord } from './system.js';

/** A read-only snapshot of the registry with the indexes that answering needs. */
export class Registry {
  readonly systems: readonly SystemRecord[];
  readonly deadlines: readonly Deadline[];
  private readonly byName: Map<string, SystemRecord>;
  private matcherInstance: SystemMatcher | null = null;

  constructor(data: RegistryData) {
    this.systems = data.systems;
    this.deadlines = data.deadlines;
    this.byName = new Map(data.systems.map((system) => [nameKey(system.name), system]));
  }

  /** The system with exactly this name (any case). */
  find(name: string): SystemRecord | undefined {
    return this.byName.get(nameKey(name));
  }

  get matcher(): SystemMatcher {
    this.matcherInstance ??= new SystemMatcher(this.systems);
    return this.matcherInstance;
  }
}
