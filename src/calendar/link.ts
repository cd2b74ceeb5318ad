/** The address of the deadline feed that people subscribe to in Outlook ("Abonnér i Outlook"). */
export const CALENDAR_FEED_PATH = '/calendar/deadlines.ics';

export function calendarFeedUrl(publicBaseUrl: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${CALENDAR_FEED_PATH}`;
}

/** The names Outlook shows for the feeds (and the "add from web" link suggests). */
export const DEADLINES_FEED_NAME = 'FKI-frister og møder';
export const SWITCHES_FEED_NAME = 'FKI: skift til CH2 og STS 2';

/** The switch dates' feed: the same address, `?kind=switches`. */
export function switchesFeedUrl(publicBaseUrl: string): string {
  return `${calendarFeedUrl(publicBaseUrl)}?kind=switches`;
}

/**
 * Outlook on the web's "add from web" page with the feed filled in: one click subscribes, and the
 * calendar then updates itself (a downloaded .ics would be a one-off copy). Outlook fetches only https.
 */
export function outlookSubscribeUrl(feedUrl: string, name: string): string {
  return `https://outlook.office.com/calendar/0/addfromweb?url=${encodeURIComponent(httpsOf(feedUrl))}&name=${encodeURIComponent(name)}`;
}

/** The feed as a `webcal:` link: desktop Outlook, Apple Calendar and others subscribe from it. */
export function webcalUrl(feedUrl: string): string {
  return feedUrl.replace(/^https?:/, 'webcal:');
}

function httpsOf(url: string): string {
  return url.replace(/^http:/, 'https:');
}
