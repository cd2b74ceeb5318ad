/** The address of the deadline feed that people subscribe to in Outlook ("Abonnér i Outlook"). */
export const CALENDAR_FEED_PATH = '/calendar/deadlines.ics';

export function calendarFeedUrl(publicBaseUrl: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${CALENDAR_FEED_PATH}`;
}
