import { messageCard } from '../../cards/textCards.js';
import { receiptCard, reviewCard, surveyCard, surveyListCard, surveyListText } from './cards.js';
import { defineFeature, type FeatureContext } from '../app/feature.js';
import { optional, provided } from '../app/services.js';
import { ConversationLanguagesService } from '../i18n/conversationLanguages.js';
import { AdminsService } from '../admins/feature.js';
import { graphSettings } from '../sync/graph.js';
import { SurveyLinks } from './links.js';
import { SurveyService } from './service.js';
import type { SurveyEvent } from './survey.js';
import { SurveysService, SurveyLinksService } from './services.js';
import { openSurveysSection } from './digestSection.js';
import { adminOnly } from '../chat/guards.js';
import { messages } from '../i18n/messages.js';
import type { ActionResult, ChatRouter, ChatTurn, Notifier, Reply } from '../chat/types.js';
import { formatTimestampDay } from '../i18n/format.js';
import type { Lang } from '../i18n/language.js';
import { surveyMessages } from './texts.js';
import type { RegistryService } from '../registry/service.js';
import { PhraseIndex } from '../text/phraseIndex.js';
import { phrases, type Word } from '../text/words.js';
import type { AdminDirectory } from './admins.js';
import { answerInputOf, ANSWER_FIELDS, type AnswerInput } from './answerInput.js';
import { statusLine } from './present.js';
import type { RequestOutcome } from './service.js';
import { latestAnswer, type Requester, type Survey, type SurveyAnswer } from './survey.js';
import { SurveyActionData, SurveyVerbs } from './verbs.js';
import { shownSubject } from './subject.js';
import { surveyFormRoutes } from './webForm.js';
import { surveyCommands } from './cli.js';
import { surveyLinkKey } from './linkKey.js';

export interface SurveysDeps {
  surveys: SurveyService;
  registry: RegistryService;
  admins: AdminDirectory;
  links: SurveyLinks;
  notifier: Notifier;
  /** The language of an administrator's personal chat (its last, else DEFAULT_LANGUAGE); Danish without it. */
  adminLanguage?: (aadObjectId: string) => Promise<Lang>;
}

const REQUEST = new PhraseIndex(
  phrases(
    'spørg leverandøren om', 'spørg leverandøren af', 'spørg leverandør om', 'spørg leverandøren', 'send spørgeskema til',
    'spørgeskema til', 'spørgeskema for', 'ask the vendor about', 'ask the vendor of', 'ask the vendor for',
    'ask vendor about', 'ask the vendor', 'send survey to', 'survey',
  ).map((phrase) => [phrase, true] as [string[], true]),
);
const CLOSE = new PhraseIndex(
  phrases(
    'luk spørgeskemaet om', 'luk spørgeskemaet for', 'luk spørgeskema om', 'luk spørgeskema for', 'luk spørgeskemaet', 'luk spørgeskema',
    'close the survey about', 'close the survey for', 'close survey about', 'close survey for', 'close the survey', 'close survey',
  ).map((phrase) => [phrase, true] as [string[], true]),
);
const OPEN_SURVEYS = new PhraseIndex(
  phrases('åbne forespørgsler', 'åbne spørgeskemaer', 'open surveys', 'open requests').map((phrase) => [phrase, true] as [string[], true]),
);

/** Vendor surveys: asking, answering, KOMBIT's review, and the list of open surveys. */
export function registerSurveys(router: ChatRouter, deps: SurveysDeps): void {
  const { surveys, admins, notifier } = deps;
  const reviewers = { guard: adminOnly(admins, (lang) => surveyMessages(lang).reviewWhat) };
  const closers = { guard: adminOnly(admins, (lang) => surveyMessages(lang).closeWhat) };

  router.message(
    (turn) => (OPEN_SURVEYS.find(turn.words)?.start === 0 ? true : null),
    async (turn) => {
      await surveys.refresh();
      const open = surveys.open();
      const isAdmin = await admins.isAdmin(turn.user.aadObjectId);
      // Administrators see every name (to review it); anyone else only names the registry knows.
      const registry = await deps.registry.current();
      const subjectOf = (survey: Survey) => (isAdmin ? survey.system : shownSubject(survey, turn.lang, (name) => registry.find(name) !== undefined));
      return { text: surveyListText(open, turn.lang, subjectOf), card: surveyListCard(open, turn.lang, isAdmin, subjectOf) };
    },
    { samples: { da: ['åbne forespørgsler', 'åbne spørgeskemaer'], en: ['open surveys', 'open requests'] } },
  );

  router.message(
    (turn) => {
      const found = CLOSE.find(turn.words);
      return found && found.start === 0 ? { rest: turn.words.slice(found.length) } : null;
    },
    async (turn, { rest }) => {
      const m = surveyMessages(turn.lang);
      const name = await systemNamed(rest, deps.registry);
      await surveys.refresh();
      const survey = name === null ? undefined : surveys.openFor(name);
      if (!survey) return { text: name === null ? m.closeWhich : `${m.notFound} ${m.closeWhich}` };
      return (await closeSurvey(survey.id, turn, deps)).reply;
    },
    { ...closers, samples: { da: ['luk spørgeskemaet om Aula', 'luk spørgeskema for SAPA'], en: ['close the survey about Aula', 'close survey for SAPA'] } },
  );

  router.action(SurveyVerbs.close, SurveyActionData.close, async (turn, { surveyId }) => {
    const result = await closeSurvey(surveyId, turn, deps);
    return result.ok ? { type: 'card', reply: { ...result.reply, card: messageCard([result.reply.text]) } } : { type: 'message', text: result.reply.text };
  }, closers);

  router.message(
    (turn) => {
      const found = REQUEST.find(turn.words);
      return found && found.start === 0 ? { rest: turn.words.slice(found.length) } : null;
    },
    async (turn, { rest }) => {
      const system = await systemNamed(rest, deps.registry);
      if (system === null) return { text: surveyMessages(turn.lang).askWhich };
      return surveyReply(await surveys.request(system, requesterOf(turn)), turn.lang, deps);
    },
    { samples: { da: ['spørg leverandøren om SAPA', 'send spørgeskema til Aula'], en: ['ask the vendor about SAPA', 'send survey to Aula'] } },
  );

  router.action(SurveyVerbs.request, SurveyActionData.request, async (turn, { system }) => {
    const reply = surveyReply(await surveys.request(system, requesterOf(turn)), turn.lang, deps);
    return { type: 'message', text: reply.text.split('\n', 1)[0] ?? reply.text, post: [reply] };
  });

  router.action(SurveyVerbs.submit, SurveyActionData.submit, async (turn, data) => {
    const { surveyId } = data;
    const input = answerInputOf(data);
    const submitter = { userId: turn.user.id, name: turn.user.name, aadObjectId: turn.user.aadObjectId };
    const source = { channel: 'teams' as const, conversationId: turn.conversation.id, activityId: turn.activityId };
    const outcome = await surveys.submit(surveyId, input, submitter, source, turn.lang);
    const m = surveyMessages(turn.lang);
    switch (outcome.kind) {
      case 'not-found':
        return { type: 'error', code: 'SURVEY_NOT_FOUND', text: m.notFound };
      case 'closed':
        return { type: 'message', text: m.closed(outcome.survey.system) };
      case 'invalid': {
        const link = deps.links.linkFor(outcome.survey, turn.lang);
        const card = surveyCard(outcome.survey, { lang: turn.lang, link, values: input, problems: outcome.problems });
        return { type: 'card', reply: { text: m.fixProblems, card } };
      }
      case 'stored':
        await tellAdmins(outcome.survey, outcome.answer, deps);
        return receiptResult(outcome.survey, outcome.answer, turn.lang);
      case 'duplicate':
        return receiptResult(outcome.survey, outcome.answer, turn.lang);
    }
  });

  router.action(SurveyVerbs.edit, SurveyActionData.edit, async (turn, data) => {
    const m = surveyMessages(turn.lang);
    await surveys.refresh();
    const survey = surveys.get(data.surveyId);
    if (!survey) return { type: 'error', code: 'SURVEY_NOT_FOUND', text: m.notFound };
    if (survey.review !== null) return { type: 'message', text: m.closed(survey.system) };
    const answer = survey.answers.find((candidate) => candidate.id === data.answerId) ?? latestAnswer(survey);
    // The form comes back filled, but the contact details only to whoever gave them, or to KOMBIT.
    const maySeeContact = answer !== null && (answeredBy(answer, turn) || (await admins.isAdmin(turn.user.aadObjectId)));
    const values = answer ? valuesOf(answer, maySeeContact) : {};
    const card = surveyCard(survey, { lang: turn.lang, link: deps.links.linkFor(survey, turn.lang), values });
    return { type: 'card', reply: { text: m.title(survey.system), card } };
  });

  router.action(SurveyVerbs.review, SurveyActionData.review, async (turn, { surveyId }) => {
    const m = surveyMessages(turn.lang);
    const survey = surveys.get(surveyId);
    const answer = survey && latestAnswer(survey);
    if (!survey || !answer) return { type: 'error', code: 'SURVEY_NOT_FOUND', text: m.notFound };
    return { type: 'card', reply: { text: m.reviewTitle(survey.system), card: reviewCard(survey, answer, turn.lang) } };
  }, reviewers);

  for (const decision of ['approve', 'reject'] as const) {
    router.action(SurveyVerbs[decision], SurveyActionData.decision, async (turn, { surveyId, answerId, reason: typed }): Promise<ActionResult> => {
      const m = surveyMessages(turn.lang);
      const admin = { userId: turn.user.id, name: turn.user.name, aadObjectId: turn.user.aadObjectId };
      const reason = typed || null;
      const outcome =
        decision === 'approve' ? await surveys.approve(surveyId, answerId, admin) : await surveys.reject(surveyId, answerId, admin, reason);
      switch (outcome.kind) {
        case 'not-admin':
          return { type: 'message', text: messages(turn.lang).adminsOnly(surveyMessages(turn.lang).reviewWhat) };
        case 'not-found':
          return { type: 'error', code: 'SURVEY_NOT_FOUND', text: m.notFound };
        case 'already-reviewed':
          return { type: 'message', text: m.alreadyReviewed(outcome.survey.system) };
        case 'reason-required':
          return { type: 'message', text: m.reasonRequired };
        case 'replaced': {
          const text = m.replaced(outcome.survey.system);
          return { type: 'card', reply: { text, card: reviewCard(outcome.survey, outcome.latest, turn.lang, text) } };
        }
        case 'done': {
          const { survey, answer } = outcome;
          const by = turn.user.name ?? turn.user.aadObjectId ?? '?';
          const day = formatTimestampDay(survey.review?.at ?? new Date().toISOString(), turn.lang);
          const line = decision === 'approve' ? m.approvedCard(survey.system, by, day) : m.rejectedCard(survey.system, by, day, reason ?? '');
          // The approval changed the registry: whoever must hear of it (the write-back) subscribes to that.
          tellRequesters(survey, answer, decision, reason ?? '', notifier);
          return { type: 'card', reply: { text: line, card: messageCard([line]) } };
        }
      }
    }, reviewers);
  }
}

function requesterOf(turn: ChatTurn): Requester {
  return {
    userId: turn.user.id,
    name: turn.user.name,
    aadObjectId: turn.user.aadObjectId,
    conversationId: turn.conversation.id,
    lang: turn.lang,
  };
}

/** The registry's name for what follows "spørg leverandøren om", or the words as typed for a new system. */
async function systemNamed(rest: readonly Word[], registry: RegistryService): Promise<string | null> {
  const words = rest.filter((word, index) => index > 0 || !['om', 'about', 'for', 'of', 'til'].includes(word.folded));
  if (words.length === 0) return null;
  const { mentions } = (await registry.current()).matcher.findMentions(words);
  const unique = mentions.find((mention) => mention.systems.length === 1 && mention.score >= 0.85);
  return unique?.systems[0]?.name ?? words.map((word) => word.original).join(' ').slice(0, 100);
}

function surveyReply(outcome: RequestOutcome, lang: Lang, deps: SurveysDeps): Reply {
  const m = surveyMessages(lang);
  if (outcome.kind === 'limited') return { text: m.limited(outcome.limit) };
  if (outcome.kind === 'not-a-name') return { text: m.askWhich };
  const { survey } = outcome;
  const link = deps.links.linkFor(survey, lang);
  const headline = outcome.kind === 'created' ? m.created(survey.system) : outcome.kind === 'joined' ? m.joined(survey.system) : m.alreadyAsked(survey.system);
  return { text: `${headline}\n${m.linkLine(link)}`, card: surveyCard(survey, { lang, link }) };
}

function receiptResult(survey: Survey, answer: SurveyAnswer, lang: Lang): ActionResult {
  const m = surveyMessages(lang);
  const text = `${m.receipt(survey.system, statusLine(survey.system, answer, lang))}\n${m.reviewPending}`;
  return { type: 'card', reply: { text, card: receiptCard(survey, answer, lang) } };
}

const CONTACT_FIELDS: readonly string[] = ['contactName', 'contactEmail'];

function valuesOf(answer: SurveyAnswer, withContact: boolean): Partial<AnswerInput> {
  const fields = ANSWER_FIELDS.filter((field) => withContact || !CONTACT_FIELDS.includes(field));
  return Object.fromEntries(fields.map((field) => [field, answer[field] ?? ''])) as Partial<AnswerInput>;
}

function answeredBy(answer: SurveyAnswer, turn: ChatTurn): boolean {
  const by = answer.submittedBy;
  if (by.aadObjectId !== null && turn.user.aadObjectId !== null) return by.aadObjectId === turn.user.aadObjectId;
  return by.userId !== null && by.userId === turn.user.id;
}

/** An administrator closes a survey without an answer; those who asked are told. */
async function closeSurvey(surveyId: string, turn: ChatTurn, deps: SurveysDeps): Promise<{ ok: boolean; reply: Reply }> {
  const m = surveyMessages(turn.lang);
  const closer = { userId: turn.user.id, name: turn.user.name, aadObjectId: turn.user.aadObjectId };
  const outcome = await deps.surveys.close(surveyId, closer, null);
  switch (outcome.kind) {
    case 'not-admin':
      return { ok: false, reply: { text: messages(turn.lang).adminsOnly(surveyMessages(turn.lang).closeWhat) } };
    case 'not-found':
      return { ok: false, reply: { text: m.notFound } };
    case 'already-reviewed':
      return { ok: false, reply: { text: m.alreadyReviewed(outcome.survey.system) } };
    case 'done': {
      const { survey } = outcome;
      for (const requester of survey.requesters) {
        const text = surveyMessages(requester.lang).notifyClosed(survey.system);
        deps.notifier.toConversation(requester.conversationId, { text, card: messageCard([text]) });
      }
      const text = m.closedByAdmin(survey.system, formatTimestampDay(survey.review?.at ?? survey.createdAt, turn.lang));
      return { ok: true, reply: { text } };
    }
  }
}

/** A new answer waits for KOMBIT: each administrator the bot can reach gets the review card. */
export async function tellAdmins(survey: Survey, answer: SurveyAnswer, deps: Pick<SurveysDeps, 'admins' | 'notifier' | 'adminLanguage'>): Promise<void> {
  for (const { aadObjectId } of await deps.admins.list()) {
    const lang: Lang = deps.adminLanguage ? await deps.adminLanguage(aadObjectId) : 'da';
    deps.notifier.toUser(aadObjectId, {
      text: surveyMessages(lang).newAnswerForAdmins(survey.system),
      card: reviewCard(survey, answer, lang),
    });
  }
}

/** Everyone who asked hears the outcome, in their own conversation and language. */
function tellRequesters(survey: Survey, answer: SurveyAnswer, decision: 'approve' | 'reject', reason: string, notifier: Notifier): void {
  for (const requester of survey.requesters) {
    const m = surveyMessages(requester.lang);
    const text =
      decision === 'approve'
        ? m.notifyApproved(survey.system, statusLine(survey.system, answer, requester.lang))
        : m.notifyRejected(survey.system, reason);
    notifier.toConversation(requester.conversationId, { text, card: messageCard([text]) });
  }
}

/**
 * Vendor surveys: its service, the signed links and the web form's notice to the administrators, for
 * the features and the edge; the open surveys' section of the digest.
 */
export const surveys = defineFeature({
  name: 'surveys',
  languageWords: { da: 'spørg leverandøren', en: 'ask vendor' },
  cli: surveyCommands,
  help: [
    { rank: 42, card: false, menu: true, da: { title: 'spørg leverandøren om Nexus', description: 'Send et spørgeskema til leverandøren om en manglende dato' }, en: { title: 'ask the vendor about Nexus', description: 'Send a survey to the vendor about a missing date' } },
    { rank: 43, card: false, menu: true, da: { title: 'åbne forespørgsler', description: 'Spørgeskemaer der venter på svar eller godkendelse' }, en: { title: 'open surveys', description: 'Surveys waiting for an answer or approval' } },
  ],
  uses: [AdminsService, optional(ConversationLanguagesService)],
  state: async (context) => {
    const { config, env, storage, registry, clock, log } = context;
    const linkKey = await surveyLinkKey(config, storage);
    if (linkKey.made) log.info('SURVEY_LINK_SECRET is not set: survey links are signed with a key the bot made and keeps with its data');
    const admins = context.use(AdminsService);
    const service = await SurveyService.load({
      journal: storage.journal<SurveyEvent>('surveys'),
      registry,
      admins,
      clock,
      log,
      openLimitPerDay: config.surveyOpenLimitPerDay,
      // With KOMBIT's list configured, each approval carries the values the write-back sends.
      writesBack: !('missing' in graphSettings(env)),
    });
    const links = new SurveyLinks(config.publicBaseUrl, linkKey.secret, config.surveyLinkDays, clock);
    return { surveys: service, links, admins, linkKey };
  },
  provides: [SurveysService, SurveyLinksService],
  services: (_context, { state }) => [
    provided(SurveysService, state.surveys),
    provided(SurveyLinksService, state.links),
  ],
  register: (router, context, { state }) => registerSurveys(router, { ...context, ...state, adminLanguage: adminLanguageOf(context) }),
  digestSections: (_context, { state }) => [openSurveysSection(state.surveys)],
  // The web form for vendors outside Teams; an answer stored there is told to the administrators as one from Teams.
  routes: (context, { state }) =>
    surveyFormRoutes({
      surveys: state.surveys,
      secret: state.linkKey.secret,
      retiredKeyIds: state.linkKey.retiredKeyIds,
      clock: context.clock,
      log: context.log,
      onAnswer: async (survey, answerId) => {
        const answer = survey.answers.find((candidate) => candidate.id === answerId);
        if (answer) await tellAdmins(survey, answer, { admins: state.admins, notifier: context.notifier, adminLanguage: adminLanguageOf(context) });
      },
    }),
});

/** An administrator's language for what is sent unasked: their personal chat's last, else DEFAULT_LANGUAGE. */
function adminLanguageOf(context: FeatureContext): (aadObjectId: string) => Promise<Lang> {
  const languages = context.useOptional(ConversationLanguagesService);
  return async (aadObjectId) => {
    const chat = languages ? await context.notifier.personalChatOf(aadObjectId) : null;
    return (chat !== null && languages ? await languages.lastOf(chat) : null) ?? context.config.defaultLanguage;
  };
}
