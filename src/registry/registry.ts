import type { Deadline } from '../deadlines/deadline.js';
import type { RegistryData } from '../store/registryStore.js';
import { SystemMatcher } from './matcher.js';
import type { IsoDate } from '../time/calendarDate.js';
import { nameKey, type SwitchTopic, type SystemRecord } from './system.js';

interface DatedSystem {
  date: IsoDate;
  system: SystemRecord;
}

function firstAtOrAfter(index: DatedSystem[], date: IsoDate): number {
  let low = 0;
  let high = index.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((index[middle] as DatedSystem).date < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A read-only snapshot of the registry with the indexes that answering needs. */
export class Registry {
  readonly systems: readonly SystemRecord[];
  readonly deadlines: readonly Deadline[];
  private readonly byName: Map<string, SystemRecord>;
  private matcherInstance: SystemMatcher | null = null;
  private readonly datedBy = new Map<'ch2' | 'sts2', DatedSystem[]>();
  private nameOrder: Map<SystemRecord, number> | null = null;

  constructor(data: RegistryData) {
    this.systems = data.systems;
    this.deadlines = data.deadlines;
    this.byName = new Map(data.systems.map((system) => [nameKey(system.name), system]));
  }

  /** The system with exactly this name (any case). */
  find(name: string): SystemRecord | undefined {
    return this.byName.get(nameKey(name));
  }

  /**
   * Systems with a date for `topic` between `from` and `to` (both included), by date: two binary
   * searches in a sorted index instead of a pass over every system.
   */
  datedBetween(topic: SwitchTopic, from: IsoDate, to: IsoDate): SystemRecord[] {
    const found = new Set<SystemRecord>();
    for (const which of topic === 'both' ? (['ch2', 'sts2'] as const) : [topic]) {
      const index = this.datedIndex(which);
      for (let at = firstAtOrAfter(index, from); at < index.length && (index[at] as DatedSystem).date <= to; at += 1) {
        found.add((index[at] as DatedSystem).system);
      }
    }
    return [...found];
  }

  /**
   * Orders two of the registry's systems by name as Danish sorts them (Æ, Ø, Å last). Lists of
   * hundreds of systems compare names thousands of times: each name is collated once per registry.
   */
  compareNames(a: SystemRecord, b: SystemRecord): number {
    if (!this.nameOrder) {
      const collator = new Intl.Collator('da');
      const sorted = [...this.systems].sort((x, y) => collator.compare(x.name, y.name));
      this.nameOrder = new Map(sorted.map((system, rank) => [system, rank]));
    }
    return (this.nameOrder.get(a) ?? 0) - (this.nameOrder.get(b) ?? 0);
  }

  private datedIndex(which: 'ch2' | 'sts2'): DatedSystem[] {
    let index = this.datedBy.get(which);
    if (!index) {
      const field = which === 'ch2' ? 'ch2Date' : 'sts2Date';
      index = this.systems
        .filter((system) => system[field] !== null)
        .map((system) => ({ date: system[field] as IsoDate, system }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      this.datedBy.set(which, index);
    }
    return index;
  }

  get matcher(): SystemMatcher {
    this.matcherInstance ??= new SystemMatcher(this.systems);
    return this.matcherInstance;
  }
}
