import { perObject } from '../memo.js';
import { fold } from '../text/fold.js';
import type { Deadline } from './deadline.js';

/**
 * What a dated item is to the people who act on it. The data knows three kinds (a KLIK task, an
 * agreement, an event); an event is a meeting, a go-live or a release, told apart by its title, so
 * that a meeting is called "Møde" and never a deadline.
 */
export type DeadlineCategory = 'klik' | 'agreement' | 'meeting' | 'go-live' | 'release' | 'milestone';

const MEETING = /mode\b|moder\b|sporgetime|webinar|workshop|meeting|temadag|konference|informationsmode|orienteringsmode/;
const GO_LIVE = /\bi drift\b|idrift|go live|golive/;
const RELEASE = /\brelease\b/;

export const categoryOf = perObject(
  (deadline: Deadline): DeadlineCategory =>
    deadline.kind === 'klik' ? 'klik' : deadline.kind === 'agreement' ? 'agreement' : eventCategory(fold(deadline.title)),
);

/** "Invitationen til orienteringsmøderne sendes …": an invitation to a meeting is sent, it is not the meeting. */
const INVITATION = /^(invitation|invitationen|invitationer|invitationerne|invitations?)\b/;

function eventCategory(title: string): DeadlineCategory {
  if (INVITATION.test(title)) return 'milestone';
  if (MEETING.test(title)) return 'meeting';
  if (GO_LIVE.test(title)) return 'go-live';
  if (RELEASE.test(title)) return 'release';
  return 'milestone';
}

/** True for what must be done by a day (a KLIK task, an agreement); false for what happens on a day. */
export function isDue(deadline: Deadline): boolean {
  return deadline.kind !== 'event';
}

/** "Den nuværende tilslutningsaftale … udløber": an agreement in force that ends, not one sent out to sign. */
const ENDING = /\b(udlober|udlobet|ophorer|expires?|ends)\b/;

/**
 * True when a day it was sent or published applies to the item: a KLIK task is published, an
 * agreement to sign is sent; an agreement that ends and an event with no such day were not sent.
 */
export function hasSendDay(deadline: Deadline): boolean {
  if (deadline.kind === 'klik') return true;
  if (deadline.kind === 'agreement') return deadline.published !== null || !ENDING.test(fold(deadline.title));
  return deadline.published !== null;
}
