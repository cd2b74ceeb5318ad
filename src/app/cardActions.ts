import type { Deadline } from '../deadlines/deadline.js';
import type { Lang } from '../i18n/language.js';
import type { SystemRecord } from '../registry/system.js';
import type { ChatTurn } from '../chat/types.js';

/*
 * Buttons a feature puts on another feature's cards: "Følg" on an answer about a system, "Færdig ✓" on
 * a deadline. The feature that builds the card (answers, deadlines) asks the app for the buttons of its
 * subjects, for the person who will see it; the feature that contributes a button handles its verb
 * with `router.action` as any other. Neither imports the other.
 */

/** What a card is about, by kind: the kinds a feature can put a button on. */
export interface CardSubjects {
  /** A system's answer card (answers). */
  system: SystemRecord;
  /** A KLIK task or other dated item on a deadline answer's card (deadlines). */
  deadline: Deadline;
}
export type CardSubjectKind = keyof CardSubjects;
export type CardSubject = { [K in CardSubjectKind]: { on: K; subject: CardSubjects[K] } }[CardSubjectKind];

/** The person a card is built for: the one who asked, or (on a refresh) the one looking at it. */
export interface CardViewer {
  /** The Teams user id (29:…), as `refresh.userIds` names people. */
  userId: string;
  aadObjectId: string | null;
  conversationId: string;
  /** The viewer's organisation (a municipality's tenant), for state kept per organisation. */
  tenantId: string | null;
}

/** A button: an Action.Execute with this title, verb and data (cards/ adds the Action.Submit fallback). */
export interface CardAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/**
 * A feature's contribution to cards of one kind (`cardActions` in defineFeature). `action` runs each
 * time such a card is built or refreshed, once per subject, so the button shows the viewer's own state
 * ("Følg" or "Følger ✓"); null leaves the subject without a button. It must be quick and synchronous:
 * read the feature's projection, do not fetch.
 */
export type CardActionContribution = {
  [K in CardSubjectKind]: { on: K; action(subject: CardSubjects[K], viewer: CardViewer, lang: Lang): CardAction | null };
}[CardSubjectKind];

/**
 * How many contributed buttons one card carries at most: two rows of five (cards/ puts them in sets of
 * at most five, as many as Teams shows in one), so two features' buttons on a five-task list all fit.
 */
export const MAX_CARD_ACTIONS = 10;

/** Every contribution's buttons for the subjects of one card, in the order of the subjects and then of the features. */
export function cardActionsFor(contributions: readonly CardActionContribution[], subjects: readonly CardSubject[], viewer: CardViewer, lang: Lang): CardAction[] {
  const actions: CardAction[] = [];
  for (const { on, subject } of subjects) {
    for (const contribution of contributions) {
      if (contribution.on !== on) continue;
      // The mapped union keeps `on` and `subject` paired; TypeScript cannot follow the pairing across two unions.
      const action = (contribution.action as (subject: CardSubjects[CardSubjectKind], viewer: CardViewer, lang: Lang) => CardAction | null)(subject, viewer, lang);
      // The card's language travels with the button, as on every card: the press is answered in it.
      if (action !== null) actions.push({ ...action, data: { ...action.data, lang } });
      if (actions.length === MAX_CARD_ACTIONS) return actions;
    }
  }
  return actions;
}

/** The person a turn's card is for. */
export function viewerOf(turn: Pick<ChatTurn, 'user' | 'conversation'>): CardViewer {
  return { userId: turn.user.id, aadObjectId: turn.user.aadObjectId, conversationId: turn.conversation.id, tenantId: turn.conversation.tenantId };
}

/**
 * Who Teams should rebuild a card for at once: nobody named in a personal chat (Teams refreshes it for
 * its one person), the asker in a group chat or channel (the others refresh it from the card's menu).
 */
export function refreshUsersOf(turn: Pick<ChatTurn, 'user' | 'conversation'>): string[] {
  return turn.conversation.kind === 'personal' ? [] : [turn.user.id];
}
