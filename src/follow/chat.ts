import type { PersonalChatInstaller } from '../app/services.js';
import type { ChatTurn, Notifier, Reply } from '../chat/types.js';
import type { Lang } from '../i18n/language.js';
import type { RegistryService } from '../registry/service.js';
import type { JournalProjection } from '../store/journal.js';
import type { Clock } from '../time/clock.js';
import { targetKey, targetName, type FollowEvent, type FollowTarget, type Follows } from './follows.js';
import type { FollowCommand } from './phrases.js';
import { resolveTarget } from './targets.js';
import { followTexts } from './texts.js';

/** Reminder days a person may choose at most. */
export const MAX_REMIND_DAYS = 60;

export interface FollowChatDeps {
  follows: Follows;
  projection: JournalProjection<FollowEvent>;
  registry: RegistryService;
  notifier: Notifier;
  clock: Clock;
  remindDays: number;
  maxPerPerson: number;
  /** The edge's installer of the app for a person without a 1:1 chat, where it has one. */
  installer?: PersonalChatInstaller;
}

/** Who a turn's follows belong to: the Entra ID object id, else the Teams user id. */
export function personOf(user: { id: string; aadObjectId: string | null }): string {
  return user.aadObjectId ?? user.id;
}

/** Answers a Følg command in the language it was written in. */
export async function answerCommand(turn: ChatTurn, command: FollowCommand, deps: FollowChatDeps): Promise<Reply> {
  const t = followTexts[command.lang];
  const person = personOf(turn.user);
  await deps.projection.refresh();
  switch (command.command) {
    case 'list':
      return { text: listOf(deps, person, command.lang) };
    case 'remind': {
      if (command.days < 1 || command.days > MAX_REMIND_DAYS) return { text: t.remindRange(MAX_REMIND_DAYS) };
      await deps.projection.record({ type: 'remindDays', person, days: command.days, lang: command.lang, at: deps.clock.now().toISOString() });
      return { text: t.remindSet(command.days) };
    }
    case 'unfollow': {
      const target = followedNamed(deps.follows, person, command.words) ?? found(resolveTarget(await deps.registry.current(), command.words));
      if (target === null) return { text: t.unknown(command.words.trim()) };
      return { text: await unfollow(turn, target, command.lang, deps) };
    }
    case 'follow': {
      const resolved = resolveTarget(await deps.registry.current(), command.words);
      if ('unknown' in resolved) return { text: t.unknown(resolved.unknown) };
      if ('ambiguous' in resolved) return { text: t.ambiguous(command.words.trim(), resolved.ambiguous.map(targetName)) };
      return { text: await follow(turn, resolved.found, command.lang, deps) };
    }
  }
}

/**
 * Follows a target for the turn's person, within the limit, checked and recorded with no other writer
 * in between. A person the bot cannot write to in a 1:1 chat is told in the thread how to start one.
 */
export async function follow(turn: ChatTurn, target: FollowTarget, lang: Lang, deps: FollowChatDeps): Promise<string> {
  const t = followTexts[lang];
  const person = personOf(turn.user);
  const key = targetKey(target);
  const outcome = await deps.projection.transact(async (append) => {
    const follows = deps.follows.people.get(person)?.follows ?? new Map();
    if (follows.has(key)) return 'already' as const;
    if (follows.size >= deps.maxPerPerson) return 'full' as const;
    const chat = turn.conversation.kind === 'personal' ? turn.conversation.id : null;
    await append({ type: 'followed', person, target, lang, chat, tenant: turn.conversation.tenantId, at: deps.clock.now().toISOString() });
    return 'followed' as const;
  });
  if (outcome === 'already') return t.alreadyFollowing(targetName(target));
  if (outcome === 'full') return t.limit(deps.maxPerPerson);
  const days = deps.follows.people.get(person)?.remindDays ?? deps.remindDays;
  const followed = t.followed(targetName(target), days);
  const aadObjectId = turn.user.aadObjectId;
  if (turn.conversation.kind === 'personal' || (aadObjectId !== null && (await deps.notifier.canReachUser(aadObjectId)))) return followed;
  // No 1:1 chat: install the app for them where the edge can, else tell them in the thread how to start one.
  const refusedBefore = aadObjectId !== null && deps.follows.people.get(aadObjectId)?.installAsked?.outcome === 'refused';
  if (aadObjectId !== null && deps.installer && !refusedBefore && (await installFor(aadObjectId, turn.conversation.tenantId, deps)) === 'installed') return `${followed}\n\n${t.installed}`;
  return `${followed}\n\n${t.noPersonalChat}`;
}

async function installFor(aadObjectId: string, tenantId: string | null, deps: FollowChatDeps): Promise<'installed' | 'refused' | 'failed'> {
  const outcome = await deps.installer!.install(aadObjectId, tenantId).catch(() => 'failed' as const);
  await deps.projection.record({ type: 'installAsked', person: aadObjectId, outcome, at: deps.clock.now().toISOString() });
  return outcome;
}

export async function unfollow(turn: ChatTurn, target: FollowTarget, lang: Lang, deps: FollowChatDeps): Promise<string> {
  const t = followTexts[lang];
  const person = personOf(turn.user);
  const key = targetKey(target);
  const removed = await deps.projection.transact(async (append) => {
    if (!deps.follows.people.get(person)?.follows.has(key)) return false;
    await append({ type: 'unfollowed', person, target: key, lang, at: deps.clock.now().toISOString() });
    return true;
  });
  return removed ? t.unfollowed(targetName(target)) : t.notFollowing(targetName(target));
}

function found(resolved: ReturnType<typeof resolveTarget>): FollowTarget | null {
  return 'found' in resolved ? resolved.found : null;
}

/** One of the person's follows by the name they see for it (a system the registry no longer knows, say). */
function followedNamed(follows: Follows, person: string, words: string): FollowTarget | null {
  const wanted = words.trim().replace(/[.!?]+$/, '').toLocaleLowerCase('da');
  for (const target of follows.people.get(person)?.follows.values() ?? []) if (targetName(target).toLocaleLowerCase('da') === wanted) return target;
  return null;
}

function listOf(deps: FollowChatDeps, person: string, lang: Lang): string {
  const t = followTexts[lang];
  const mine = deps.follows.people.get(person);
  const follows = [...(mine?.follows.values() ?? [])];
  if (follows.length === 0) return t.listEmpty;
  const lines = follows.map((target) => `• ${targetName(target)} (${t.kind[target.kind]})`);
  return [t.listTitle(follows.length), ...lines, t.listReminder(mine?.remindDays ?? deps.remindDays)].join('\n');
}
