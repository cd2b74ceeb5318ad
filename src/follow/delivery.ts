import { linkCard } from '../../cards/textCards.js';
import type { FeatureContext } from '../app/feature.js';
import type { Reply } from '../chat/types.js';
import type { Deadline } from '../deadlines/deadline.js';
import { deadlineKey } from '../deadlines/deadline.js';
import { formatDay, formatRelative } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import type { RegistryChange } from '../registry/changes.js';
import type { Registry } from '../registry/registry.js';
import { REGISTRY_CHANGES_JOURNAL, type RegistryChangeEntry } from '../registry/service.js';
import type { PersonalChatInstaller } from '../app/services.js';
import { alwaysHeld, type Fence } from '../store/fence.js';
import type { JournalProjection } from '../store/journal.js';
import { SerialQueue } from '../store/serial.js';
import type { EventLog } from '../store/storage.js';
import { calendarDayAt, daysBetween, type IsoDate } from '../time/calendarDate.js';
import { changeId, targetKeysOf, type ChangeNote, type FollowEvent, type Follows, type Person } from './follows.js';
import { isQuiet, type QuietHours } from './quietHours.js';
import { deadlinesOf } from './targets.js';
import { followTexts, type FollowTexts } from './texts.js';

/** Lines of one message at most; the rest are counted ("+4 mere"). */
const MAX_LINES = 25;

export interface DeliveryOptions {
  zone: string;
  quiet: QuietHours | null;
  /** Days before a deadline a person is reminded, unless they chose their own. */
  remindDays: number;
  fence?: Fence;
  /** The edge's way to install the app for a person without a 1:1 chat, where it has one. */
  installer?: PersonalChatInstaller;
}

/** How long after a failed install the app is installed for a person again. */
const INSTALL_RETRY_MS = 60 * 60 * 1000;

export interface RunResult {
  /** Messages sent (one per person at most). */
  sent: number;
  /** People with something waiting that could not be reached now (no 1:1 chat, a failed send). */
  waiting: number;
  /** Whether change messages were held back for quiet hours. */
  quiet: boolean;
}

/**
 * Tells followers what changed and what is due: changes are queued for each follower when they are
 * heard (every instance hears them; the journal takes each once), and sent by the runs of the
 * schedules, which only the leading instance runs. Nothing is marked delivered before Teams took it.
 */
export class FollowDelivery {
  private readonly runs = new SerialQueue();
  /** This process's own reader of the registry's change journal, and how many entries it has read. */
  private registryJournal: EventLog<RegistryChangeEntry> | null = null;
  private registryRead = 0;

  constructor(
    private readonly context: FeatureContext,
    private readonly follows: Follows,
    private readonly projection: JournalProjection<FollowEvent>,
    private readonly options: DeliveryOptions,
  ) {}

  /** Queues the changes for everyone who follows what changed; each person gets each change once. */
  async queue(changes: readonly ChangeNote[]): Promise<number> {
    await this.projection.refresh();
    const wanted: { person: string; id: string; note: ChangeNote }[] = [];
    for (const change of changes) {
      const note = noteOf(change);
      const id = changeId(note);
      for (const person of this.follows.followersOfAny(targetKeysOf(change.item))) wanted.push({ person, id, note });
    }
    if (wanted.length === 0) return 0;
    const at = this.context.clock.now().toISOString();
    return this.projection.transact(async (append) => {
      const done = new Set<string>();
      let queued = 0;
      for (const { person, id, note } of wanted) {
        const key = `${person}|${id}`;
        if (done.has(key) || this.follows.person(person).queued.has(id)) continue;
        done.add(key);
        await append({ type: 'queued', person, change: id, note, at });
        queued += 1;
      }
      return queued;
    });
  }

  /**
   * Queues what the registry's change journal holds beyond what was queued before: the changes
   * written while this bot was down, or heard by a process that died before it queued them.
   */
  async catchUp(): Promise<number> {
    let entries: RegistryChangeEntry[];
    if (this.registryJournal === null) {
      const journal = this.context.storage.journal<RegistryChangeEntry>(REGISTRY_CHANGES_JOURNAL);
      const all = await journal.open();
      this.registryJournal = journal;
      this.registryRead = all.length;
      // The first look ever starts from now: what changed before anyone could follow is nobody's news.
      entries = this.follows.registryCursor === null ? [] : all.slice(this.follows.registryCursor);
    } else {
      entries = await this.registryJournal.readNew();
      this.registryRead += entries.length;
    }
    const queued = await this.queue(entries.flatMap((entry) => entry.changes ?? []));
    // Nothing to keep while nothing was written and nobody follows anything (a fresh start writes nothing).
    const worthKeeping = this.registryRead > 0 || this.follows.people.size > 0;
    if (worthKeeping && this.registryRead > (this.follows.registryCursor ?? -1)) {
      await this.projection.record({ type: 'caughtUp', entries: this.registryRead, at: this.context.clock.now().toISOString() });
    }
    return queued;
  }

  /** Sends waiting changes (not in quiet hours); `morning` also sends the deadline reminders, quiet or not. */
  run(now: Date, { morning }: { morning: boolean }): Promise<RunResult> {
    return this.runs.run(() => this.runOnce(now, morning));
  }

  /** Resolves once no run is under way (tests, a graceful stop). */
  idle(): Promise<void> {
    return this.runs.idle();
  }

  private async runOnce(now: Date, morning: boolean): Promise<RunResult> {
    const quiet = !morning && isQuiet(this.options.quiet, now, this.options.zone);
    const result: RunResult = { sent: 0, waiting: 0, quiet };
    if (!(this.options.fence ?? alwaysHeld).holds()) return result;
    await this.catchUp().catch((error: unknown) => this.context.log.error({ err: error }, 'follow: could not read the registry change journal; changes heard directly are still sent'));
    await this.projection.refresh();
    if (quiet) return result;
    const registry = morning ? await this.context.registry.current() : null;
    const today = calendarDayAt(now, this.options.zone);
    for (const [id, person] of this.follows.people) {
      // What the person stopped following since it was queued is dropped with it.
      const changes = [...person.pending].filter(([, note]) => targetKeysOf(note.item).some((key) => person.follows.has(key)));
      const reminders = registry ? this.dueReminders(registry, person, today) : [];
      if (changes.length === 0 && reminders.length === 0) continue;
      const conversationId = await this.chatOf(id, person);
      if (conversationId === null || !(this.options.fence ?? alwaysHeld).holds()) {
        // Kept: goes out at the first run after Teams tells the bot of the new chat.
        if (conversationId === null) await this.install(id, person, now);
        result.waiting += 1;
        continue;
      }
      const outcome = await this.context.notifier.send(conversationId, this.message(person.lang, changes.map(([, note]) => note), reminders, today));
      if (outcome.outcome !== 'sent') {
        this.context.log.warn({ outcome, changes: changes.length, reminders: reminders.length }, 'follow: a message to a follower was not delivered; kept for the next run');
        result.waiting += 1;
        continue;
      }
      const at = now.toISOString();
      const events: FollowEvent[] = [];
      if (person.pending.size > 0) events.push({ type: 'notified', person: id, changes: [...person.pending.keys()], conversationId, at });
      for (const deadline of reminders) events.push({ type: 'reminded', person: id, deadline: deadlineKey(deadline), day: deadline.deadline!, conversationId, at });
      await this.projection.record(...events);
      result.sent += 1;
    }
    if (result.sent > 0) this.context.log.info({ ...result, morning }, 'follow: followers told');
    return result;
  }

  /** Deadlines of what the person follows, within their reminder days, not yet reminded of for that day. */
  private dueReminders(registry: Registry, person: Person, today: IsoDate): Deadline[] {
    const days = person.remindDays ?? this.options.remindDays;
    const due = new Map<string, Deadline>();
    for (const target of person.follows.values()) {
      for (const deadline of deadlinesOf(registry, target)) {
        if (deadline.deadline === null) continue;
        const ahead = daysBetween(today, deadline.deadline);
        const key = deadlineKey(deadline);
        if (ahead > 0 && ahead <= days && !person.reminded.has(`${key}|${deadline.deadline}`)) due.set(key, deadline);
      }
    }
    return [...due.values()].sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
  }

  /** Installs the app for a person the bot cannot write to, where the edge can: once, or again an hour after a failure. */
  private async install(id: string, person: Person, now: Date): Promise<void> {
    const { installer } = this.options;
    if (!installer || id.startsWith('29:')) return;
    const last = person.installAsked;
    if (last && (last.outcome !== 'failed' || now.getTime() - Date.parse(last.at) < INSTALL_RETRY_MS)) return;
    const outcome = await installer.install(id, person.tenant).catch((error: unknown) => {
      this.context.log.error({ err: error }, 'follow: installing the app for a follower failed');
      return 'failed' as const;
    });
    await this.projection.record({ type: 'installAsked', person: id, outcome, at: now.toISOString() });
  }

  /**
   * The person's 1:1 chat with the bot: by their Entra ID (the bot forgets a chat it was removed from);
   * for someone Teams names without one, the chat they followed from.
   */
  private async chatOf(id: string, person: Person): Promise<string | null> {
    return id.startsWith('29:') ? person.chat : this.context.notifier.personalChatOf(id);
  }

  private message(lang: Lang, changes: readonly ChangeNote[], reminders: readonly Deadline[], today: IsoDate): Reply {
    const t = followTexts[lang];
    const lines: string[] = [];
    if (changes.length > 0) lines.push(t.changesTitle(changes.length), ...changes.map((change) => `• ${changeLine(t, lang, change)}`));
    if (reminders.length > 0) {
      if (lines.length > 0) lines.push('');
      lines.push(t.remindersTitle(reminders.length));
      for (const deadline of reminders) lines.push(`• ${t.reminderLine(nameOf(deadline), deadline.title, formatDay(deadline.deadline!, lang), formatRelative(daysBetween(today, deadline.deadline!), lang))}`);
    }
    const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), lang === 'da' ? `+${lines.length - MAX_LINES} mere` : `+${lines.length - MAX_LINES} more`] : lines;
    const link = `${this.context.config.publicBaseUrl}/tab/`;
    return { text: [...shown, link].join('\n'), card: linkCard(shown.filter((line) => line !== ''), t.link, link), summary: shown[0]! };
  }
}

function noteOf(change: ChangeNote | RegistryChange): ChangeNote {
  const { item, field, before, after, source, at } = change;
  return { item, field, before, after, source, at };
}

function nameOf(deadline: Pick<Deadline, 'solution' | 'code' | 'title'>): string {
  return deadline.code !== null ? `${deadline.solution} ${deadline.code}` : deadline.solution;
}

/** One change as a line: "SAPA: CH2-dato 21. januar 2025 → 4. marts 2025 (kilde: import)". */
function changeLine(t: FollowTexts, lang: Lang, change: ChangeNote): string {
  const { item } = change;
  const name = item.type === 'system' ? item.name : item.code !== null ? `${item.solution} ${item.code}` : `${item.solution}: ${item.title}`;
  const source = t.sources[change.source] ?? change.source;
  if (change.field === 'record') return change.after === null ? t.removed(name, source) : t.added(name, source);
  const field = t.fields[change.field] ?? change.field;
  return t.changeLine(name, field, valueText(t, lang, change.before), valueText(t, lang, change.after), source);
}

function valueText(t: FollowTexts, lang: Lang, value: unknown): string {
  if (value === null || value === undefined || value === '') return t.none;
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, lang);
    const text = t.status[value] ?? value;
    return text.length > 120 ? `${text.slice(0, 119)}…` : text;
  }
  if (Array.isArray(value)) return value.length === 0 ? t.none : value.map(String).join(', ');
  return JSON.stringify(value).slice(0, 120);
}
