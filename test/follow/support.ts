import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../cards/render.js';
import type { RegistryData } from '../../src/store/registryStore.js';
import { personalMessage, TENANT_ID } from '../support/activities.js';
import type { BotHarness } from '../support/botHarness.js';

/** A second person, with a 1:1 chat of her own. */
export const BO = { id: '29:user-bo', name: 'Bo Jensen', aadObjectId: '00000000-0000-0000-0000-0000000000b2' };
export const BO_CHAT = 'a:personal-chat-bo';
export const ALEX_CHAT = 'a:personal-chat-alex';

export function boMessage(serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  return personalMessage(serviceUrl, text, { from: BO, conversation: { id: BO_CHAT, conversationType: 'personal', tenantId: TENANT_ID }, ...extra });
}

type Sent = { text?: string; summary?: string; attachments?: { content: AdaptiveCard & { fallbackText?: string } }[] };

/** What a sent activity says as text. */
export function textOf(activity: unknown): string {
  const sent = activity as Sent | undefined;
  return String(sent?.attachments?.[0]?.content.fallbackText ?? sent?.text ?? '');
}

/** The bot's answer to a message in a 1:1 chat (the last thing sent there). */
export async function ask(bot: BotHarness, text: string, who: 'alex' | 'bo' = 'alex', locale = 'da-DK'): Promise<string> {
  await bot.post(who === 'alex' ? personalMessage(bot.serviceUrl, text, { locale }) : boMessage(bot.serviceUrl, text, { locale }));
  return textOf(bot.connector.sentTo(who === 'alex' ? ALEX_CHAT : BO_CHAT).at(-1));
}

/** The Følg messages (changes and reminders) sent into a conversation. */
export function followMessages(bot: BotHarness, conversationId: string): string[] {
  return bot.connector
    .sentTo(conversationId)
    .map(textOf)
    .filter((text) => /^(Ændring|\d+ ændringer|Påmindelse|A change|\d+ changes|A deadline reminder|Reminder of)/.test(text))
    // The last line is the link to the overview (a button on the card).
    .map((text) => text.replace(/\nhttps?:\/\/\S+\/tab\/$/, ''));
}

/** Runs one of the feature's schedules as the scheduler would, at `now`. */
export async function runSchedule(bot: BotHarness, name: 'follow: changes to followers' | 'follow: morning run', now: Date): Promise<unknown> {
  const schedule = bot.app.schedules.find((candidate) => candidate.name === name);
  assert.ok(schedule, `the bot runs "${name}"`);
  const result = await schedule.run(now);
  await bot.settled();
  return result;
}

/** Changes the registry as an import does: SAPA's CH2 date and the deadline of SAPA K53, in one write. */
export async function importChanges(bot: BotHarness, change: (data: RegistryData) => void): Promise<void> {
  await bot.app.registry.write(
    (data) => {
      change(data);
      return data;
    },
    { source: 'import' },
  );
  await bot.app.registry.delivered();
}

export function moveSapa(data: RegistryData, ch2Date: string, k53: string): void {
  const sapa = data.systems.find((system) => system.name === 'SAPA');
  assert.ok(sapa);
  sapa.ch2Date = ch2Date;
  sapa.status = 'planned';
  const task = data.deadlines.find((deadline) => deadline.solution === 'SAPA' && deadline.code === 'K53');
  assert.ok(task);
  task.deadline = k53;
}
