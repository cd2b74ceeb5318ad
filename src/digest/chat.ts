import { adminOnly } from '../chat/guards.js';
import type { ChatRouter, ChatTurn, Notifier, Reply } from '../chat/types.js';
import { digestMessages } from '../deadlines/texts.js';
import type { Lang } from '../i18n/language.js';
import type { AdminDirectory } from '../surveys/admins.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases } from '../text/words.js';
import { calendarDayAt } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import type { ComposeDigest } from './compose.js';
import type { DigestService } from './service.js';
import type { SubscriptionStore } from './subscriptions.js';

export interface DigestChatDeps {
  digests: DigestService;
  subscriptions: SubscriptionStore;
  admins: AdminDirectory;
  notifier: Notifier;
  clock: Clock;
  zone: string;
  compose: ComposeDigest;
  /** Subscribe a team's General channel when the bot is installed in the team. */
  subscribeTeamsOnInstall: boolean;
  log?: { error(details: object, message: string): void };
}

type Command = 'subscribe' | 'unsubscribe' | 'preview';

/** The language a command was written in decides the subscription's language. */
const COMMANDS = new PhraseIndex<{ command: Command; lang: Lang }>([
  ...phrases('abonner på oversigt', 'abonnér på oversigt', 'abonner på ugens oversigt', 'tilmeld oversigt').map((p) => [p, { command: 'subscribe', lang: 'da' }] as const),
  ...phrases('subscribe digest', 'subscribe to the digest', 'subscribe to digest').map((p) => [p, { command: 'subscribe', lang: 'en' }] as const),
  ...phrases('stop oversigt', 'stop oversigten', 'afmeld oversigt', 'frameld oversigt').map((p) => [p, { command: 'unsubscribe', lang: 'da' }] as const),
  ...phrases('unsubscribe digest', 'unsubscribe from the digest', 'stop digest').map((p) => [p, { command: 'unsubscribe', lang: 'en' }] as const),
  ...phrases('vis ugens oversigt', 'ugens oversigt', 'vis oversigten').map((p) => [p, { command: 'preview', lang: 'da' }] as const),
  ...phrases('digest preview', 'preview digest', 'show the digest', "this week's digest").map((p) => [p, { command: 'preview', lang: 'en' }] as const),
] as [string[], { command: Command; lang: Lang }][]);
const SEND_NOW = new PhraseIndex<Lang>([
  ...phrases('send oversigten nu', 'send oversigt nu').map((p) => [p, 'da'] as [string[], Lang]),
  ...phrases('send digest now', 'send the digest now').map((p) => [p, 'en'] as [string[], Lang]),
]);

/** Subscribing to the weekly digest, previewing it, and an administrator's "send it now". */
export function registerDigest(router: ChatRouter, deps: DigestChatDeps): void {
  router.message(
    (turn) => {
      const found = COMMANDS.find(turn.words);
      return found && found.start === 0 ? found.value : null;
    },
    async (turn, { command, lang }) => {
      const m = digestMessages(lang);
      switch (command) {
        case 'subscribe': {
          const now = deps.clock.now().toISOString();
          const added = await deps.subscriptions.subscribe({ conversationId: turn.conversation.id, lang, subscribedAt: now, source: 'command' });
          return { text: added ? m.subscribed : m.alreadySubscribed };
        }
        case 'unsubscribe':
          return { text: (await deps.subscriptions.unsubscribe(turn.conversation.id)) ? m.unsubscribed : m.notSubscribed };
        case 'preview':
          return preview(turn, lang, deps);
      }
    },
    { samples: { da: ['abonner på oversigt', 'vis ugens oversigt', 'stop oversigten'], en: ['subscribe to the digest', 'digest preview', 'unsubscribe from the digest'] } },
  );

  router.message(
    (turn) => {
      const found = SEND_NOW.find(turn.words);
      return found && found.start === 0 ? found.value : null;
    },
    (turn, lang) => sendNow(turn, lang, deps),
    { guard: adminOnly(deps.admins, (lang) => digestMessages(lang).sendNowWhat), samples: { da: ['send oversigten nu', 'send oversigt nu'], en: ['send the digest now', 'send digest now'] } },
  );

  router.on('installed', async (turn) => {
    if (turn.conversation.kind !== 'channel' || !deps.subscribeTeamsOnInstall) return;
    // A team install arrives in its General channel: that channel gets the digest, in Danish.
    await deps.subscriptions.subscribe({ conversationId: turn.conversation.id, lang: 'da', subscribedAt: deps.clock.now().toISOString(), source: 'install' });
  });
  router.on('uninstalled', async (turn) => {
    await deps.subscriptions.unsubscribe(turn.conversation.id);
  });
}

/** Shown to the asker only: in a personal chat as the reply, from a channel in the asker's personal chat. */
async function preview(turn: ChatTurn, lang: Lang, deps: DigestChatDeps): Promise<Reply> {
  // A preview shows what this conversation would get, its own sections included.
  const digest = await deps.compose(calendarDayAt(deps.clock.now(), deps.zone), lang, { conversationId: turn.conversation.id, lang });
  if (turn.conversation.kind === 'personal') return digest;
  const m = digestMessages(lang);
  if (turn.user.aadObjectId && (await deps.notifier.canReachUser(turn.user.aadObjectId))) {
    deps.notifier.toUser(turn.user.aadObjectId, digest);
    return { text: m.previewSentPrivately };
  }
  return { text: m.previewNeedsPersonalChat };
}

/** The kind of conversation a Teams conversation id names (personal chats "a:…", channels "…@thread.tacv2"/"@thread.skype"). */
function conversationKindOf(conversationId: string): 'personal' | 'channel' | 'groupChat' | 'unknown' {
  if (conversationId.startsWith('a:')) return 'personal';
  if (/@thread\.(tacv2|skype)/.test(conversationId)) return 'channel';
  if (conversationId.includes('@thread.v2')) return 'groupChat';
  return 'unknown';
}

/** Runs this week's digest now, in the background; the administrator hears how it went. */
async function sendNow(turn: ChatTurn, lang: Lang, deps: DigestChatDeps): Promise<Reply> {
  const m = digestMessages(lang);
  const conversationId = turn.conversation.id;
  const readiness = await deps.digests.readiness();
  if (readiness.blocked !== null) return { text: m.sendNowBlocked(readiness.blocked) };
  void deps.digests
    .run(deps.clock.now(), { force: true })
    .then((summary) => {
      // "1 mislykkedes" says which, and why, in plain words: the administrator can act on it.
      const failures = summary.failures.map((failure) => m.sendNowFailure(failure.source, conversationKindOf(failure.conversationId), failure.reason));
      deps.notifier.toConversation(conversationId, { text: m.sendNowResult(summary.sent, summary.failed + summary.gone, summary.already, failures) });
    })
    .catch((error: unknown) => {
      deps.log?.error({ err: error }, '"send the digest now" failed');
      deps.notifier.toConversation(conversationId, { text: m.sendNowFailed });
    });
  return { text: readiness.fromCopy ? `${m.sendNowStarted} ${m.sendNowFromCopy}` : m.sendNowStarted };
}
