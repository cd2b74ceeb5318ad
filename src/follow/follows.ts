import type { Lang } from '../i18n/language.js';
import type { RegistryChange, RegistryItem } from '../registry/changes.js';
import type { IsoDate } from '../time/calendarDate.js';

/** What a person follows: a system, one KLIK task, or a solution (every task of it). */
export type FollowTarget =
  | { kind: 'system'; id: string; name: string }
  | { kind: 'task'; id: string; solution: string; code: string }
  | { kind: 'solution'; id: string; name: string };

/** A registry change as a follower is told of it (the change without whether this process wrote it). */
export type ChangeNote = Omit<RegistryChange, 'writtenHere'>;

/**
 * The journal `follows`: every follow and unfollow, each person's reminder days, the changes waiting
 * for a person, and what was delivered. `person` is the Entra ID object id, or the Teams user id when
 * Teams names none. Replayed at start; never rewritten.
 */
export type FollowEvent =
  | { type: 'followed'; person: string; target: FollowTarget; lang: Lang; chat: string | null; tenant?: string | null; at: string }
  | { type: 'unfollowed'; person: string; target: string; lang: Lang; at: string }
  | { type: 'remindDays'; person: string; days: number; lang: Lang; at: string }
  | { type: 'queued'; person: string; change: string; note: ChangeNote; at: string }
  | { type: 'notified'; person: string; changes: string[]; conversationId: string; at: string }
  | { type: 'reminded'; person: string; deadline: string; day: IsoDate; conversationId: string; at: string }
  /** The app installed for a person without a 1:1 chat (through the edge's installer), and how that went. */
  | { type: 'installAsked'; person: string; outcome: 'installed' | 'refused' | 'failed'; at: string }
  /** How many entries of the registry's change journal have been queued for followers (the catch-up after a crash). */
  | { type: 'caughtUp'; entries: number; at: string };

export const FOLLOW_JOURNAL = 'follows';

/** A target's key: `system:sapa`, `task:sapa|code|k53`, `solution:udk begravelseshjælp`. */
export function targetKey(target: Pick<FollowTarget, 'kind' | 'id'>): string {
  return `${target.kind}:${target.id}`;
}

/** The name a person reads: "SAPA", "SAPA K53", "UDK Begravelseshjælp". */
export function targetName(target: FollowTarget): string {
  return target.kind === 'task' ? `${target.solution} ${target.code}` : target.name;
}

/**
 * A change's identity, the same in every process that hears it: a journalled change carries the time
 * it was written; one found by comparing (`external`) is stamped by each process itself, so its
 * before and after tell it instead.
 */
export function changeId(change: ChangeNote): string {
  const { item, field } = change;
  const what = `${item.type}|${item.id}|${field}|${JSON.stringify(change.after)}`;
  return change.source === 'external' ? `${what}|from|${JSON.stringify(change.before)}` : `${what}|${change.at}`;
}

/** The keys of the follows that hear of a change of this record. */
export function targetKeysOf(item: RegistryItem): string[] {
  if (item.type === 'system') return [targetKey({ kind: 'system', id: item.id })];
  const solution = item.solution.trim().toLocaleLowerCase('da');
  // A system's followers hear of the tasks of the solution of the same name (SAPA's K53).
  return [targetKey({ kind: 'task', id: item.id }), targetKey({ kind: 'solution', id: solution }), targetKey({ kind: 'system', id: solution })];
}

export interface Person {
  follows: Map<string, FollowTarget>;
  lang: Lang;
  /** Days before a deadline to be reminded; null: the setting's default. */
  remindDays: number | null;
  /** The personal chat the person followed from, for people Teams names without an Entra ID. */
  chat: string | null;
  /** Changes not yet delivered, by id, oldest first. */
  pending: Map<string, ChangeNote>;
  /** Every change ever queued for the person (queued once, whichever instance heard it first). */
  queued: Set<string>;
  /** `deadline|day` reminded of. */
  reminded: Set<string>;
  /** The person's organisation, for installing the app for them. */
  tenant: string | null;
  /** The last time the app was installed for them, and how it went. */
  installAsked: { outcome: 'installed' | 'refused' | 'failed'; at: string } | null;
}

/** Everyone's follows, replayed from the journal. */
export class Follows {
  readonly people = new Map<string, Person>();
  /** Followers by target key. */
  private readonly followers = new Map<string, Set<string>>();

  /** Entries of the registry's change journal already queued; null before the first look. */
  registryCursor: number | null = null;

  apply(event: FollowEvent): void {
    if (event.type === 'caughtUp') {
      this.registryCursor = Math.max(this.registryCursor ?? 0, event.entries);
      return;
    }
    const person = this.person(event.person);
    switch (event.type) {
      case 'followed': {
        const key = targetKey(event.target);
        person.follows.set(key, event.target);
        person.lang = event.lang;
        if (event.chat !== null) person.chat = event.chat;
        if (event.tenant) person.tenant = event.tenant;
        this.followersOf(key).add(event.person);
        return;
      }
      case 'unfollowed':
        person.follows.delete(event.target);
        person.lang = event.lang;
        this.followers.get(event.target)?.delete(event.person);
        return;
      case 'remindDays':
        person.remindDays = event.days;
        person.lang = event.lang;
        return;
      case 'queued':
        person.queued.add(event.change);
        person.pending.set(event.change, event.note);
        return;
      case 'notified':
        for (const change of event.changes) person.pending.delete(change);
        return;
      case 'installAsked':
        person.installAsked = { outcome: event.outcome, at: event.at };
        return;
      case 'reminded':
        person.reminded.add(`${event.deadline}|${event.day}`);
        return;
    }
  }

  /** The people who follow any of these targets. */
  followersOfAny(keys: readonly string[]): Set<string> {
    const found = new Set<string>();
    for (const key of keys) for (const person of this.followers.get(key) ?? []) found.add(person);
    return found;
  }

  /** How many follow each target, by key (no names): for KOMBIT's counts. */
  counts(): Map<string, { target: FollowTarget; followers: number }> {
    const counts = new Map<string, { target: FollowTarget; followers: number }>();
    for (const person of this.people.values()) {
      for (const [key, target] of person.follows) counts.set(key, { target, followers: (counts.get(key)?.followers ?? 0) + 1 });
    }
    return counts;
  }

  person(id: string): Person {
    let person = this.people.get(id);
    if (!person) {
      person = { follows: new Map(), lang: 'da', remindDays: null, chat: null, pending: new Map(), queued: new Set(), reminded: new Set(), tenant: null, installAsked: null };
      this.people.set(id, person);
    }
    return person;
  }

  private followersOf(key: string): Set<string> {
    let set = this.followers.get(key);
    if (!set) {
      set = new Set();
      this.followers.set(key, set);
    }
    return set;
  }
}
