import { z } from 'zod';
import { linkCard, messageCard } from '../../cards/textCards.js';
import { defineFeature, type FeatureContext } from '../app/feature.js';
import { AdminsService } from '../admins/feature.js';
import { SurveyLinksService, SurveysService } from '../surveys/services.js';
import { weekKey, isoWeekOf } from '../deadlines/digest.js';
import { optional } from '../app/services.js';
import { ConversationLanguagesService } from '../i18n/conversationLanguages.js';
import { formatTimestampDay } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import { JournalProjection } from '../store/journal.js';
import type { Survey } from '../surveys/survey.js';
import { calendarDayAt } from '../time/calendarDate.js';
import { cronSetting } from '../time/cron.js';
import { reminderTexts } from './texts.js';

/** What was sent, so that nothing is sent twice the same week, through restarts and on any instance. */
type ReminderEvent =
  | { type: 'reminded'; surveyId: string; conversationId: string; week: string; at: string }
  | { type: 'summarised'; aadObjectId: string; week: string; at: string };

/** How many open surveys the administrators' summary names; the rest are counted. */
const SUMMARY_LINES = 10;

class ReminderLog {
  private readonly sent = new Set<string>();
  private constructor() {}
  projection!: JournalProjection<ReminderEvent>;

  static async open(context: FeatureContext): Promise<ReminderLog> {
    const log = new ReminderLog();
    log.projection = await JournalProjection.open(context.storage.journal<ReminderEvent>('reminders'), (event) => log.sent.add(ReminderLog.key(event)));
    return log;
  }

  static key(event: ReminderEvent): string {
    return event.type === 'reminded' ? `survey|${event.surveyId}|${event.conversationId}|${event.week}` : `admin|${event.aadObjectId}|${event.week}`;
  }

  has(event: ReminderEvent): boolean {
    return this.sent.has(ReminderLog.key(event));
  }
}

/**
 * Reminders that chase missing dates: a survey still without an answer after SURVEY_REMIND_DAYS
 * reminds everyone who asked, in their conversation and language, with the link to forward again, at
 * most once a week and never once it is closed; and the administrators get one summary a week of
 * what is still open. What was sent is recorded, like the digest's outbox, so a restart or another
 * instance sends nothing twice.
 */
export const reminders = defineFeature({
  name: 'reminders',
  settings: z.object({
    /** Days a survey may go without an answer before those who asked are reminded. */
    SURVEY_REMIND_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    /** When the bot looks for surveys to remind about (cron in DIGEST_TZ). Default: weekdays 09:00. */
    SURVEY_REMIND_CRON: cronSetting.default('0 9 * * 1-5'),
  }),
  uses: [SurveysService, SurveyLinksService, AdminsService, optional(ConversationLanguagesService)],
  state: (context) => ReminderLog.open(context),
  schedules: (context, { settings, state }) => [
    {
      name: 'survey reminders',
      cron: settings.SURVEY_REMIND_CRON,
      zone: context.config.zone,
      atStart: true,
      run: (now) => remind(context, state, settings.SURVEY_REMIND_DAYS, now),
    },
  ],
});

async function remind(context: FeatureContext, log: ReminderLog, remindDays: number, now: Date): Promise<{ reminded: number; summaries: number }> {
  const { notifier, config } = context;
  const [surveys, links, admins] = [context.use(SurveysService), context.use(SurveyLinksService), context.use(AdminsService)];
  // Sent unasked, so in the conversation's last language (a requester's, else the one they asked in; else DEFAULT_LANGUAGE).
  const languages = context.useOptional(ConversationLanguagesService);
  const lastLanguageOf = async (conversationId: string): Promise<Lang | null> => (languages ? languages.lastOf(conversationId) : null);
  await surveys.refresh();
  await log.projection.refresh();
  const week = weekKey(isoWeekOf(calendarDayAt(now, config.zone)));
  const due = now.getTime() - remindDays * 24 * 60 * 60 * 1000;
  const waiting = surveys.open().filter((survey) => survey.answers.length === 0 && Date.parse(survey.createdAt) <= due);
  let reminded = 0;
  for (const survey of waiting) {
    for (const requester of survey.requesters) {
      const event: ReminderEvent = { type: 'reminded', surveyId: survey.id, conversationId: requester.conversationId, week, at: now.toISOString() };
      if (log.has(event)) continue;
      const lang = (await lastLanguageOf(requester.conversationId)) ?? requester.lang;
      const t = reminderTexts(lang);
      const link = links.linkFor(survey, lang);
      const lines = [t.reminder(survey.system, formatTimestampDay(survey.createdAt, lang)), t.forward, link];
      const outcome = await notifier.send(requester.conversationId, { text: lines.join('\n'), card: linkCard(lines, t.button, link) });
      if (outcome.outcome === 'sent') {
        await log.projection.record(event);
        reminded += 1;
      }
    }
  }
  // The administrators' summary: every survey still without an answer, however new.
  const stillOpen = surveys.open().filter((survey) => survey.answers.length === 0);
  let summaries = 0;
  if (stillOpen.length > 0) {
    for (const { aadObjectId } of await admins.list()) {
      const event: ReminderEvent = { type: 'summarised', aadObjectId, week, at: now.toISOString() };
      if (log.has(event)) continue;
      const conversationId = await notifier.personalChatOf(aadObjectId);
      if (conversationId === null) continue;
      const lines = summaryLines(stillOpen, (await lastLanguageOf(conversationId)) ?? config.defaultLanguage);
      const outcome = await notifier.send(conversationId, { text: lines.join('\n'), card: messageCard(lines) });
      if (outcome.outcome === 'sent') {
        await log.projection.record(event);
        summaries += 1;
      }
    }
  }
  if (reminded + summaries > 0) context.log.info({ reminded, summaries, week }, 'survey reminders sent');
  return { reminded, summaries };
}

/** The administrators' summary, in their chat's last language (else DEFAULT_LANGUAGE: Danish, KOMBIT's). */
function summaryLines(waiting: readonly Survey[], lang: Lang): string[] {
  const t = reminderTexts(lang);
  const shown = waiting.slice(0, SUMMARY_LINES);
  const lines = [t.summaryTitle(waiting.length), ...shown.map((survey) => `• ${t.summaryLine(survey.system, formatTimestampDay(survey.createdAt, lang), survey.requesters.length)}`)];
  if (waiting.length > shown.length) lines.push(t.more(waiting.length - shown.length));
  return lines;
}
