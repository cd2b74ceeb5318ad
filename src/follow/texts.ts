import type { Lang } from '../i18n/language.js';
import type { RegistryChangeSource } from '../registry/changes.js';

/** What Følg says, in Danish and English. */
export interface FollowTexts {
  followed(name: string, days: number): string;
  alreadyFollowing(name: string): string;
  unknown(words: string): string;
  ambiguous(code: string, names: string[]): string;
  unfollowed(name: string): string;
  notFollowing(name: string): string;
  listTitle(count: number): string;
  listEmpty: string;
  listReminder(days: number): string;
  kind: Record<'system' | 'task' | 'solution', string>;
  remindSet(days: number): string;
  remindRange(max: number): string;
  limit(max: number): string;
  noPersonalChat: string;
  installed: string;
  button(name: string, following: boolean): string;
  /** The overview tab's line under an item: how many follow it (no names). */
  followedBy(count: number): string;
  changesTitle(count: number): string;
  changeLine(name: string, field: string, before: string, after: string, source: string): string;
  added(name: string, source: string): string;
  removed(name: string, source: string): string;
  remindersTitle(count: number): string;
  reminderLine(name: string, title: string, day: string, inDays: string): string;
  link: string;
  none: string;
  fields: Record<string, string>;
  sources: Record<RegistryChangeSource, string>;
  status: Record<string, string>;
}

const da: FollowTexts = {
  followed: (name, days) => `Du følger nu ${name}. Når en dato, en status eller en kilde ændres, skriver jeg til dig i vores 1:1-chat, og jeg minder dig om frister ${days} dage før.`,
  alreadyFollowing: (name) => `Du følger allerede ${name}.`,
  unknown: (words) => `Jeg kender ikke "${words}" som et system, en KLIK-opgave eller en løsning, så du følger ikke noget nyt. Skriv fx "følg SAPA", "følg K53" eller "følg UDK Begravelseshjælp".`,
  ambiguous: (code, names) => `${code} findes i flere løsninger: ${names.join(', ')}. Skriv hvilken, fx "følg ${names[0]}". Du følger ikke noget nyt.`,
  unfollowed: (name) => `Du følger ikke længere ${name}.`,
  notFollowing: (name) => `Du følger ikke ${name}, så intet er ændret.`,
  listTitle: (count) => (count === 1 ? 'Du følger 1 ting:' : `Du følger ${count} ting:`),
  listEmpty: 'Du følger ikke noget endnu. Skriv fx "følg SAPA" eller "følg K53".',
  listReminder: (days) => `Jeg minder dig om frister ${days} dage før.`,
  kind: { system: 'system', task: 'KLIK-opgave', solution: 'løsning, alle opgaver' },
  remindSet: (days) => `Jeg minder dig nu om frister ${days} ${days === 1 ? 'dag' : 'dage'} før.`,
  remindRange: (max) => `Skriv et antal dage fra 1 til ${max}, fx "påmind mig 7 dage før". Intet er ændret.`,
  limit: (max) => `Du følger allerede ${max} ting, og det er det højeste. Stop med at følge noget først (skriv "hvad følger jeg?" for at se listen). Intet er ændret.`,
  noPersonalChat:
    'Jeg skriver ændringer til dig i vores 1:1-chat, men den har vi ikke endnu. Åbn FKI Bot under Apps i Teams og skriv "hej" til mig dér; indtil da gemmer jeg beskederne til dig.',
  installed: 'Jeg har tilføjet FKI Bot i din Teams, så ændringerne kommer i vores 1:1-chat.',
  button: (name, following) => (following ? `Følger ${name} ✓` : `Følg ${name}`),
  followedBy: (count) => `Følges af ${count}`,
  changesTitle: (count) => (count === 1 ? 'Ændring i noget du følger' : `${count} ændringer i det du følger`),
  changeLine: (name, field, before, after, source) => `${name}: ${field} ${before} → ${after} (kilde: ${source})`,
  added: (name, source) => `${name} er tilføjet (kilde: ${source})`,
  removed: (name, source) => `${name} er fjernet (kilde: ${source})`,
  remindersTitle: (count) => (count === 1 ? 'Påmindelse om en frist' : `Påmindelse om ${count} frister`),
  reminderLine: (name, title, day, inDays) => `${name} ${title}: frist ${day} (${inDays})`,
  link: 'Se CH2-overblikket',
  none: 'ingen',
  fields: {
    ch2Date: 'CH2-dato',
    sts2Date: 'STS2-dato',
    status: 'status',
    source: 'kilde',
    deadline: 'frist',
    from: 'start',
    published: 'publiceret',
    klikStatus: 'KLIK-status',
    vendor: 'leverandør',
    owner: 'ejer',
    title: 'titel',
    note: 'note',
    url: 'link',
  },
  sources: { approval: 'godkendt spørgeskema', import: 'import', sync: 'KOMBITs liste', edit: 'rettelse', external: 'ændret uden for botten' },
  status: { switched: 'skiftet', planned: 'planlagt', unknown: 'ingen dato endnu', 'not-applicable': 'ikke relevant', published: 'publiceret i KLIK', 'not-published': 'ikke publiceret' },
};

const en: FollowTexts = {
  followed: (name, days) => `You now follow ${name}. When a date, a status or a source changes, I will write to you in our 1:1 chat, and I will remind you of deadlines ${days} days before.`,
  alreadyFollowing: (name) => `You already follow ${name}.`,
  unknown: (words) => `I do not know "${words}" as a system, a KLIK task or a solution, so you follow nothing new. Try "follow SAPA", "follow K53" or "follow UDK Begravelseshjælp".`,
  ambiguous: (code, names) => `${code} exists in several solutions: ${names.join(', ')}. Say which, e.g. "follow ${names[0]}". You follow nothing new.`,
  unfollowed: (name) => `You no longer follow ${name}.`,
  notFollowing: (name) => `You do not follow ${name}, so nothing was changed.`,
  listTitle: (count) => (count === 1 ? 'You follow 1 item:' : `You follow ${count} items:`),
  listEmpty: 'You do not follow anything yet. Try "follow SAPA" or "follow K53".',
  listReminder: (days) => `I remind you of deadlines ${days} days before.`,
  kind: { system: 'system', task: 'KLIK task', solution: 'solution, every task' },
  remindSet: (days) => `I will now remind you of deadlines ${days} ${days === 1 ? 'day' : 'days'} before.`,
  remindRange: (max) => `Give a number of days from 1 to ${max}, e.g. "remind me 7 days before". Nothing was changed.`,
  limit: (max) => `You already follow ${max} items, which is the most. Unfollow something first (say "what do I follow?" to see the list). Nothing was changed.`,
  noPersonalChat:
    'I send changes to you in our 1:1 chat, but we do not have one yet. Open FKI Bot under Apps in Teams and say "hi" to me there; until then I keep the messages for you.',
  installed: 'I have added FKI Bot to your Teams, so the changes come to our 1:1 chat.',
  button: (name, following) => (following ? `Following ${name} ✓` : `Follow ${name}`),
  followedBy: (count) => `Followed by ${count}`,
  changesTitle: (count) => (count === 1 ? 'A change in something you follow' : `${count} changes in what you follow`),
  changeLine: (name, field, before, after, source) => `${name}: ${field} ${before} → ${after} (source: ${source})`,
  added: (name, source) => `${name} was added (source: ${source})`,
  removed: (name, source) => `${name} was removed (source: ${source})`,
  remindersTitle: (count) => (count === 1 ? 'A deadline reminder' : `Reminder of ${count} deadlines`),
  reminderLine: (name, title, day, inDays) => `${name} ${title}: due ${day} (${inDays})`,
  link: 'Open the CH2 overview',
  none: 'none',
  fields: {
    ch2Date: 'CH2 date',
    sts2Date: 'STS2 date',
    status: 'status',
    source: 'source',
    deadline: 'deadline',
    from: 'start',
    published: 'published',
    klikStatus: 'KLIK status',
    vendor: 'vendor',
    owner: 'owner',
    title: 'title',
    note: 'note',
    url: 'link',
  },
  sources: { approval: 'approved survey', import: 'import', sync: "KOMBIT's list", edit: 'correction', external: 'changed outside the bot' },
  status: { switched: 'switched', planned: 'planned', unknown: 'no date yet', 'not-applicable': 'not applicable', published: 'published in KLIK', 'not-published': 'not published' },
};

export const followTexts: Record<Lang, FollowTexts> = { da, en };
