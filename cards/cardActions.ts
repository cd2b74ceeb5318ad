import { addSubmitFallbacks, type AdaptiveCard } from './render.js';

/** A button another feature contributed (src/app/cardActions.ts has the door; this is its look). */
export interface ContributedButton {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/**
 * How Teams rebuilds a card for whoever looks at it (Universal Actions "user-specific views"): when
 * the card is shown, Teams sends `refresh.action` as an adaptiveCard/action invoke from that person,
 * and shows the card the bot answers instead. In a personal chat it does so for the one person; in a
 * group chat or channel only for the people in `userIds` (at most 60), and everyone else sees the card
 * as sent until they choose "Refresh" on it.
 */
export interface CardRefresh {
  verb: string;
  data: Record<string, unknown>;
  /** Teams user ids (29:…) refreshed at once in a shared conversation; leave empty in a personal chat. */
  userIds: readonly string[];
}

/** The most actions Teams shows in one ActionSet (the host's maxActions). */
export const MAX_ACTIONS_PER_SET = 5;

/** The most people Teams refreshes a card for at once in a shared conversation. */
export const MAX_REFRESH_USERS = 60;

/**
 * The card with other features' buttons in ActionSets at its end (rows of at most five), and, when there are any, the
 * refresh that rebuilds it for each viewer so the buttons show that person's own state.
 */
export function withContributedButtons(card: AdaptiveCard, buttons: readonly ContributedButton[], refresh: CardRefresh): AdaptiveCard {
  if (buttons.length === 0) return card;
  const actionSets: Record<string, unknown>[] = [];
  // Teams shows at most 5 actions in one set (Adaptive Cards' maxActions): two features' buttons on a list need more rows.
  for (let first = 0; first < buttons.length; first += MAX_ACTIONS_PER_SET) {
    const actions = buttons.slice(first, first + MAX_ACTIONS_PER_SET).map(({ title, verb, data }) => ({ type: 'Action.Execute', title, verb, data: { ...data } }));
    const actionSet = { type: 'ActionSet', actions };
    addSubmitFallbacks(actionSet);
    actionSets.push(actionSet);
  }
  const userIds = refresh.userIds.slice(0, MAX_REFRESH_USERS);
  return {
    ...card,
    body: [...card.body, ...actionSets],
    refresh: { action: { type: 'Action.Execute', verb: refresh.verb, data: { ...refresh.data, verb: refresh.verb } }, ...(userIds.length > 0 ? { userIds } : {}) },
  };
}
