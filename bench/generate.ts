import type { SystemRecord } from '../src/registry/system.js';
import type { RegistryData } from '../src/store/registryStore.js';

/** A deterministic pseudo-random source, so every run benchmarks the same registry. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'nus', 'ter', 'vik', 'sol', 'dan', 'por', 'ble', 'fra', 'gen', 'hus', 'jor', 'kle', 'mos', 'ret', 'sys', 'tek', 'var'];
const VENDORS = ['KMD', 'Netcompany', 'EG', 'Fujitsu', 'Systematic', 'Knowledge Cube', 'Schultz', 'Visma'];

function word(random: () => number, syllables: number): string {
  let out = '';
  for (let i = 0; i < syllables; i += 1) out += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function date(random: () => number): string {
  const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 3 * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** `count` systems with unique names and three aliases each; about half have dates. */
export function generateRegistry(count: number, seed = 42): RegistryData {
  const random = seeded(seed);
  const systems: SystemRecord[] = [];
  const used = new Set<string>();
  while (systems.length < count) {
    const name = `${word(random, 2 + Math.floor(random() * 2))}${systems.length}`;
    if (used.has(name.toLowerCase())) continue;
    used.add(name.toLowerCase());
    const hasDate = random() < 0.5;
    systems.push({
      name,
      fullName: `${word(random, 3)} ${word(random, 2)}system`,
      aliases: [`${name} Online`, `${word(random, 3)}${systems.length}`, `${name}-${word(random, 1)}`],
      owner: 'KOMBIT',
      vendor: VENDORS[Math.floor(random() * VENDORS.length)] ?? null,
      ch2Date: hasDate ? date(random) : null,
      sts2Date: hasDate && random() < 0.5 ? date(random) : null,
      status: null,
      source: 'Benchmark',
      note: null,
      updatedAt: '2025-01-29T12:00:00.000Z',
    });
  }
  return { systems, deadlines: [] };
}

/** Questions in the proportions people ask them: mostly one system, some typos, lists and unknowns. */
export function questionMix(data: RegistryData, count: number, seed = 7): { kind: string; text: string }[] {
  const random = seeded(seed);
  const pick = () => data.systems[Math.floor(random() * data.systems.length)] as SystemRecord;
  const typo = (name: string) => {
    const at = 1 + Math.floor(random() * (name.length - 2));
    return name.slice(0, at) + name.slice(at + 1);
  };
  const months = ['marts', 'april', 'juni', 'september'];
  const out: { kind: string; text: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = random();
    const system = pick();
    if (roll < 0.5) out.push({ kind: 'name', text: `hvornår skifter ${system.name} til CH2?` });
    else if (roll < 0.65) out.push({ kind: 'alias', text: `when does ${system.aliases[0] ?? system.name} switch to STS2?` });
    else if (roll < 0.8) out.push({ kind: 'typo', text: `hvornår skifter ${typo(system.name)} til context handler 2` });
    else if (roll < 0.9) out.push({ kind: 'unknown', text: `hvornår skifter Zyxwv${i} til CH2?` });
    else out.push({ kind: 'list', text: `hvilke systemer skifter i ${months[i % months.length]}?` });
  }
  return out;
}
