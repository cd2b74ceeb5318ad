import { TurnContext } from 'botbuilder';
import type { Storage } from '../../src/store/storage.js';
import { channelMessage } from './activities.js';
import { createLog } from '../../src/log.js';
import { openStorage, type StorageSettings } from '../../src/store/openStorage.js';

/**
 * `count` team channels subscribed to the digest and reachable through the connector at `connectorUrl`,
 * written as the documents of before keyed records (the bot moves them over when it opens them). Their ids.
 */
export async function subscribeChannels(storage: Storage, connectorUrl: string, count: number): Promise<string[]> {
  const channels = Array.from({ length: count }, (_, n) =>
    channelMessage(connectorUrl, 'hej', { conversation: { id: `19:channel-${n}@thread.tacv2`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-kombit' } }),
  );
  const ids = channels.map((activity) => (activity.conversation as { id: string }).id);
  await storage.document('conversations', { conversations: {} as Record<string, unknown> }).change((data) => {
    channels.forEach((activity, n) => {
      data.conversations[ids[n]!] = { reference: TurnContext.getConversationReference(activity as never), kind: 'channel', aadObjectId: null, updatedAt: '2020-01-01T00:00:00Z' };
    });
    return true;
  });
  await storage.document('subscriptions', { subscriptions: {} as Record<string, unknown> }).change((data) => {
    for (const id of ids) data.subscriptions[id] = { conversationId: id, lang: 'da', subscribedAt: '2020-01-01T00:00:00Z', source: 'command' };
    return true;
  });
  return ids;
}

/**
 * The conversations whose digest of any week is recorded as sent in the store at `settings`. A bot
 * records a delivery once the connector took it, so when every channel is here, nothing of that run is
 * still on its way: a test waits on this instead of sleeping "until anything sent twice has arrived".
 */
export async function digestsRecordedSent(settings: StorageSettings): Promise<Set<string>> {
  const storage = await openStorage(settings, createLog('silent'));
  try {
    const events = await storage.journal<{ type: string; conversationId: string }>('digest-outbox').open();
    return new Set(events.filter((event) => event.type === 'sent').map((event) => event.conversationId));
  } finally {
    await storage.close();
  }
}
