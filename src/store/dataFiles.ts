/** The files in DATA_DIR, by name, in one place. */
export const DATA_FILES = {
  registry: 'registry.json',
  registryLastGood: 'registry.last-good.json',
  surveys: 'surveys.jsonl',
  digestOutbox: 'digest-outbox.jsonl',
  writeBack: 'sync-writeback.jsonl',
  reminders: 'survey-reminders.jsonl',
  admins: 'admins.json',
  conversations: 'conversations.json',
  subscriptions: 'subscriptions.json',
  instanceLock: 'bot.lock',
  instanceLockOwner: 'bot.lock.owner.json',
} as const;
