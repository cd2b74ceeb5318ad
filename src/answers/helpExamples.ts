import type { HelpExample } from '../app/contributions.js';
import type { Lang } from '../i18n/language.js';
import type { Registry } from '../registry/registry.js';
import type { SystemRecord } from '../registry/system.js';
import type { IsoDate } from '../time/calendarDate.js';

/**
 * The system an example asks about: the one its text names when the data holds it with that date
 * (KOMBIT's data: the text stays as it is), else the data's system whose day is nearest ahead (or the
 * latest passed), so that pressing the example gets a date, not "I don't know that system".
 */
export function exampleSystem(registry: Registry, named: string, which: 'ch2Date' | 'sts2Date', today: IsoDate): SystemRecord | null {
  const own = registry.find(named);
  if (own && own[which] !== null) return own;
  const dated = registry.systems.filter((system) => system[which] !== null);
  const ahead = dated.filter((system) => (system[which] as IsoDate) >= today).sort((a, b) => (a[which] as IsoDate).localeCompare(b[which] as IsoDate));
  const passed = dated.filter((system) => (system[which] as IsoDate) < today).sort((a, b) => (b[which] as IsoDate).localeCompare(a[which] as IsoDate));
  return ahead[0] ?? passed[0] ?? null;
}

const SWITCH_QUESTION: Record<Lang, (name: string) => string> = {
  da: (name) => `hvornår skifter ${name} til CH2?`,
  en: (name) => `when does ${name} switch to CH2?`,
};
const STS2_QUESTION = (name: string) => `STS 2 for ${name}?`;

/** What the help card and the command menu offer of the answers; also the route's sample phrases. */
export const ANSWER_HELP: HelpExample[] = [
  {
    rank: 10,
    menu: true,
    da: { title: SWITCH_QUESTION.da('SAPA'), description: 'Dato, status og kilde for et systems skift til Context Handler 2' },
    en: { title: SWITCH_QUESTION.en('SAPA'), description: "Date, status and source of a system's switch to Context Handler 2" },
    fitTo: (registry, today, lang) => {
      const system = exampleSystem(registry, 'SAPA', 'ch2Date', today);
      return system ? SWITCH_QUESTION[lang](system.name) : null;
    },
  },
  {
    rank: 11,
    da: { title: STS2_QUESTION('KY') },
    en: { title: STS2_QUESTION('KY') },
    fitTo: (registry, today) => {
      // KY is asked about whether or not its STS 2 day is known: the answer says which.
      if (registry.find('KY')) return STS2_QUESTION('KY');
      const system = exampleSystem(registry, 'KY', 'sts2Date', today);
      return system ? STS2_QUESTION(system.name) : null;
    },
  },
  { rank: 12, menu: true, da: { title: 'hvilke systemer mangler en dato?', description: 'Systemer uden kendt dato for skiftet' }, en: { title: 'systems without a date?', description: 'Systems without a known date for the switch' } },
  { rank: 30, da: { title: 'alle systemer' }, en: { title: 'all systems' } },
];
