import { randomUUID } from 'node:crypto';

/** Teams-shaped activities, as the Teams service posts them to /api/messages. */
export const BOT = { id: '28:fki-bot', name: 'FKI Bot' };
export const USER = { id: '29:user-alex', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
export const TEAM_ID = '19:team-general@thread.tacv2';
export const TENANT_ID = 'tenant-kombit';

type Activity = Record<string, unknown>;

function base(serviceUrl: string, conversation: Activity, extra: Activity = {}): Activity {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: USER,
    recipient: BOT,
    conversation: { tenantId: TENANT_ID, ...conversation },
    channelData: { tenant: { id: TENANT_ID } },
    locale: 'da-DK',
    ...extra,
  };
}

export function personalMessage(serviceUrl: string, text: string, extra: Activity = {}): Activity {
  return base(serviceUrl, { id: 'a:personal-chat-alex', conversationType: 'personal' }, { type: 'message', text, ...extra });
}

export function groupChatMessage(serviceUrl: string, text: string, extra: Activity = {}): Activity {
  return base(
    serviceUrl,
    { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true },
    { type: 'message', text: `<at>${BOT.name}</at> ${text}`, entities: [mention()], ...extra },
  );
}

/** A post in a team channel that @mentions the bot; the reply belongs in its thread. */
export function channelMessage(serviceUrl: string, text: string, extra: Activity = {}): Activity {
  const postId = String(Date.now());
  return base(
    serviceUrl,
    { id: `${TEAM_ID};messageid=${postId}`, conversationType: 'channel', isGroup: true },
    {
      id: postId,
      type: 'message',
      text: `<at>${BOT.name}</at> ${text}`,
      entities: [mention()],
      channelData: { tenant: { id: TENANT_ID }, team: { id: TEAM_ID }, channel: { id: TEAM_ID } },
      ...extra,
    },
  );
}

/** Action.Execute pressed on a card in a personal chat. */
export function cardAction(serviceUrl: string, verb: string, data: Activity, extra: Activity = {}): Activity {
  return base(
    serviceUrl,
    { id: 'a:personal-chat-alex', conversationType: 'personal' },
    { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, ...extra },
  );
}

export function installation(
  serviceUrl: string,
  conversationType: 'personal' | 'channel' = 'personal',
  action: 'add' | 'remove' = 'add',
  teamId = TEAM_ID,
): Activity {
  const conversation =
    conversationType === 'personal' ? { id: 'a:personal-chat-alex', conversationType } : { id: teamId, conversationType };
  const channelData = conversationType === 'channel' ? { tenant: { id: TENANT_ID }, team: { id: teamId } } : { tenant: { id: TENANT_ID } };
  return base(serviceUrl, conversation, { type: 'installationUpdate', action, channelData });
}

function mention(): Activity {
  return { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT };
}
