import { messageCard } from '../../cards/textCards.js';
import type { AdaptiveCard } from '../../cards/render.js';
import { closeConfirmCard, reviewCard, statusCard, statusText, surveyCard, surveyListCard, surveyListText } from './cards.js';
import { refreshUsersOf } from '../app/cardActions.js';
import type { Log } from '../log.js';
import type { Clock } from '../time/clock.js';
import { SentCards, type SentCard, type SentCardEvent } from './sentCards.js';
import { answeredBy, peopleIn, receiptReply, surveyViewFor, updateSentCards } from './views.js';
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
import type { ActionResult, ChatRouter, ChatTurn, Notifier, Reply, SentMessage } from '../chat/types.js';
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
import { isOpen, latestAnswer, type Requester, type Survey, type SurveyAnswer } from './survey.js';
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
  /** Where the survey's cards were posted, to update them in place after each change. */
  sent: SentCards;
  clock: Clock;
  log?: Log;
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
  const { surveys, admins } = deps;
  const reviewers = { guard: adminOnly(admins, (lang) => surveyMessages(lang).reviewWhat) };
  const closers = { guard: adminOnly(admins, (lang) => surveyMessages(lang).closeWhat) };
  /** Notes where a card landed; a failure to note costs only the later update, so it is logged, not raised. */
  const noteSent: NoteSent = (card) =>
    deps.sent.note({ ...card, at: deps.clock.now().toISOString() }).catch((error: unknown) => {
      deps.log?.error({ err: error, surveyId: card.surveyId }, 'a survey card could not be noted for later updates');
    });
  const updateCards = (survey: Survey, except: string | null | undefined) =>
    updateSentCards(survey, deps, except ?? null).catch((error: unknown) => {
      deps.log?.error({ err: error, surveyId: survey.id }, 'survey cards could not be updated');
    });

  /** The open surveys as this person sees them; the message it lands in is noted, to be kept current. */
  const listReply = async (turn: ChatTurn, notice: string | null = null) => {
    await surveys.refresh();
    const open = surveys.open();
    const isAdmin = await admins.isAdmin(turn.user.aadObjectId);
    // Administrators see every name (to review it); anyone else only names the registry knows.
    const registry = await deps.registry.current();
    const subjectOf = (survey: Survey) => (isAdmin ? survey.system : shownSubject(survey, turn.lang, (name) => registry.find(name) !== undefined));
    const shared = turn.conversation.kind !== 'personal';
    // Updated later for everyone in the conversation: in a shared one as anyone sees it (the refresh gives administrators their buttons).
    const listCard = { kind: 'list' as const, surveyId: null, lang: turn.lang, shared, admin: isAdmin && !shared, answerId: null };
    if (turn.cardMessageId) void noteSent({ ...listCard, conversationId: turn.conversation.id, activityId: turn.cardMessageId });
    return {
      text: notice === null ? surveyListText(open, turn.lang, subjectOf) : `${notice}\n${surveyListText(open, turn.lang, subjectOf)}`,
      card: surveyListCard(open, turn.lang, { isAdmin, subjectOf, notice, refreshUsers: refreshUsersOf(turn) }),
      onSent: (message: SentMessage) => noteSent({ ...listCard, ...message }),
    };
  };

  router.message(
    (turn) => (OPEN_SURVEYS.find(turn.words)?.start === 0 ? true : null),
    async (turn) => listReply(turn),
    { samples: { da: ['åbne forespørgsler', 'åbne spørgeskemaer'], en: ['open surveys', 'open requests'] } },
  );

  // The list's refresh (each viewer their own buttons) and "Fortryd" under "Luk uden svar".
  router.action(SurveyVerbs.list, SurveyActionData.list, async (turn) => ({ type: 'card', reply: await listReply(turn) }));

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
      // Typed or pressed, closing asks first: "Ja, luk" closes, "Fortryd" leaves it open.
      // Only administrators get here (closers), and they see the name as asked, as in their list.
      return { text: `${m.closeConfirm(survey.system, survey.requesters.length)} (${m.closeYes} / ${m.closeNo})`, card: closeConfirmCard(survey, survey.system, turn.lang) };
    },
    { ...closers, samples: { da: ['luk spørgeskemaet om Aula', 'luk spørgeskema for SAPA'], en: ['close the survey about Aula', 'close survey for SAPA'] } },
  );

  router.action(SurveyVerbs.close, SurveyActionData.close, async (turn, { surveyId, from }): Promise<ActionResult> => {
    const result = await closeSurvey(surveyId, turn, deps, updateCards);
    if (!result.ok) return { type: 'message', text: result.reply.text };
    // Closed from the list: the list stays, without that survey and with what was done above it.
    if (from === 'list') return { type: 'card', reply: await listReply(turn, result.reply.text) };
    return { type: 'card', reply: { ...result.reply, card: messageCard([result.reply.text]) } };
  }, closers);

  router.action(SurveyVerbs.keep, SurveyActionData.keep, async (turn, { surveyId }): Promise<ActionResult> => {
    await surveys.refresh();
    const survey = surveys.get(surveyId);
    const m = surveyMessages(turn.lang);
    if (!survey) return { type: 'error', code: 'SURVEY_NOT_FOUND', text: m.notFound };
    const text = isOpen(survey) ? m.closeKept(survey.system) : m.closed(survey.system);
    return { type: 'card', reply: { text, card: messageCard([text]) } };
  }, closers);

  router.message(
    (turn) => {
      const found = REQUEST.find(turn.words);
      return found && found.start === 0 ? { rest: turn.words.slice(found.length) } : null;
    },
    async (turn, { rest }) => {
      const system = await systemNamed(rest, deps.registry);
      if (system === null) return { text: surveyMessages(turn.lang).askWhich };
      return surveyReply(await surveys.request(system, requesterOf(turn)), turn, deps, noteSent, await vendorsKnown(deps.registry));
    },
    { samples: { da: ['spørg leverandøren om SAPA', 'send spørgeskema til Aula'], en: ['ask the vendor about SAPA', 'send survey to Aula'] } },
  );

  router.action(SurveyVerbs.request, SurveyActionData.request, async (turn, { system }) => {
    const reply = surveyReply(await surveys.request(system, requesterOf(turn)), turn, deps, noteSent, await vendorsKnown(deps.registry));
    return { type: 'message', text: reply.text.split('\n', 1)[0] ?? reply.text, post: [reply] };
  });

  // A survey card as the one looking at it sees it (its refresh): form, receipt, status or decision buttons.
  router.action(SurveyVerbs.view, SurveyActionData.view, async (turn, { surveyId }) => {
    await surveys.refresh();
    const survey = surveys.get(surveyId);
    if (!survey) return { type: 'error', code: 'SURVEY_NOT_FOUND', text: surveyMessages(turn.lang).notFound };
    return { type: 'card', reply: await viewFor(survey, turn, deps) };
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
        // The card comes back with what was typed and only this submit's errors: an old error never stays.
        const link = deps.links.linkFor(outcome.survey, turn.lang);
        const refreshUsers = peopleIn(outcome.survey, turn.conversation.id, refreshUsersOf(turn));
        const vendorRequired = !(await deps.registry.current()).find(outcome.survey.system)?.vendor;
        const card = surveyCard(outcome.survey, { lang: turn.lang, link, values: input, problems: outcome.problems, refreshUsers, vendorRequired });
        return { type: 'card', reply: { text: m.fixProblems, card } };
      }
      case 'stored':
      case 'duplicate': {
        const { survey, answer } = outcome;
        if (turn.cardMessageId) {
          await noteSent({ kind: 'survey', surveyId, conversationId: turn.conversation.id, activityId: turn.cardMessageId, lang: turn.lang, shared: turn.conversation.kind !== 'personal', admin: false, answerId: answer.id });
        }
        if (outcome.kind === 'stored') {
          await tellAdmins(survey, answer, deps, noteSent);
          void updateCards(survey, turn.cardMessageId);
        }
        return { type: 'card', reply: receiptReply(survey, answer, turn.lang, peopleIn(survey, turn.conversation.id, refreshUsersOf(turn))) };
      }
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
    const maySeeContact = answer !== null && (answeredBy(answer, { userId: turn.user.id, aadObjectId: turn.user.aadObjectId }) || (await admins.isAdmin(turn.user.aadObjectId)));
    const values = answer ? valuesOf(answer, maySeeContact) : {};
    const refreshUsers = peopleIn(survey, turn.conversation.id, refreshUsersOf(turn));
    const vendorRequired = !(await deps.registry.current()).find(survey.system)?.vendor;
    const card = surveyCard(survey, { lang: turn.lang, link: deps.links.linkFor(survey, turn.lang), values, refreshUsers, vendorRequired });
    return { type: 'card', reply: { text: m.title(survey.system), card } };
  });

  // "Gennemse" in the list: the review card comes as a message of its own, and the list stays.
  router.action(SurveyVerbs.review, SurveyActionData.review, async (turn, { surveyId }): Promise<ActionResult> => {
    const m = surveyMessages(turn.lang);
    const survey = surveys.get(surveyId);
    const answer = survey && latestAnswer(survey);
    if (!survey || !answer) return { type: 'error', code: 'SURVEY_NOT_FOUND', text: m.notFound };
    const current = (await deps.registry.current()).find(survey.system);
    const shared = turn.conversation.kind !== 'personal';
    const review: Reply = {
      text: m.reviewTitle(survey.system),
      card: reviewCard(survey, answer, turn.lang, current, { refreshUsers: refreshUsersOf(turn) }),
      onSent: (message) => noteSent({ ...message, kind: 'review', surveyId, lang: turn.lang, shared, admin: true, answerId: null }),
    };
    return { type: 'card', reply: await listReply(turn), post: [review] };
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
          const current = (await deps.registry.current()).find(outcome.survey.system);
          return { type: 'card', reply: { text, card: reviewCard(outcome.survey, outcome.latest, turn.lang, current, { notice: text, refreshUsers: refreshUsersOf(turn) }) } };
        }
        case 'done': {
          const { survey, answer } = outcome;
          // The approval changed the registry: whoever must hear of it (the write-back) subscribes to that.
          tellRequesters(survey, answer, decision, reason ?? '', deps.notifier);
          // Every receipt, review card and list showing this survey now shows the decision.
          void updateCards(survey, turn.cardMessageId);
          return { type: 'card', reply: { text: statusText(survey, turn.lang, true), card: statusCard(survey, turn.lang, { forAdmin: true, refreshUsers: refreshUsersOf(turn) }) } };
        }
      }
    }, reviewers);
  }
}

/** A survey card as this turn's person sees it. */
async function viewFor(survey: Survey, turn: ChatTurn, deps: SurveysDeps): Promise<Reply & { card: AdaptiveCard }> {
  const viewer = { userId: turn.user.id, aadObjectId: turn.user.aadObjectId, isAdmin: await deps.admins.isAdmin(turn.user.aadObjectId) };
  const current = (await deps.registry.current()).find(survey.system);
  const refreshUsers = peopleIn(survey, turn.conversation.id, refreshUsersOf(turn));
  return surveyViewFor(survey, viewer, { lang: turn.lang, link: isOpen(survey) ? deps.links.linkFor(survey, turn.lang) : null, current, refreshUsers });
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

type NoteSent = (card: Omit<SentCard, 'at'>) => Promise<void>;

/** Whether the registry names a system's vendor (else the survey asks for it). */
async function vendorsKnown(registry: RegistryService): Promise<(system: string) => boolean> {
  const current = await registry.current();
  return (system) => Boolean(current.find(system)?.vendor);
}

function surveyReply(outcome: RequestOutcome, turn: ChatTurn, deps: SurveysDeps, noteSent: NoteSent, vendorKnown: (system: string) => boolean): Reply {
  const { lang } = turn;
  const m = surveyMessages(lang);
  if (outcome.kind === 'limited') return { text: m.limited(outcome.limit) };
  if (outcome.kind === 'not-a-name') return { text: m.askWhich };
  const { survey } = outcome;
  const link = deps.links.linkFor(survey, lang);
  const headline = outcome.kind === 'created' ? m.created(survey.system) : outcome.kind === 'joined' ? m.joined(survey.system) : m.alreadyAsked(survey.system);
  const shared = turn.conversation.kind !== 'personal';
  return {
    text: `${headline}\n${m.linkLine(link)}`,
    card: surveyCard(survey, { lang, link, refreshUsers: peopleIn(survey, turn.conversation.id, refreshUsersOf(turn)), vendorRequired: !vendorKnown(survey.system) }),
    onSent: (message) => noteSent({ ...message, kind: 'survey', surveyId: survey.id, lang, shared, admin: false, answerId: null }),
  };
}

const CONTACT_FIELDS: readonly string[] = ['contactName', 'contactEmail'];

function valuesOf(answer: SurveyAnswer, withContact: boolean): Partial<AnswerInput> {
  const fields = ANSWER_FIELDS.filter((field) => withContact || !CONTACT_FIELDS.includes(field));
  return Object.fromEntries(fields.map((field) => [field, answer[field] ?? ''])) as Partial<AnswerInput>;
}

/** An administrator closes a survey without an answer; those who asked are told, and its cards show it. */
async function closeSurvey(
  surveyId: string,
  turn: ChatTurn,
  deps: SurveysDeps,
  updateCards: (survey: Survey, except: string | null | undefined) => Promise<unknown>,
): Promise<{ ok: boolean; reply: Reply }> {
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
      void updateCards(survey, turn.cardMessageId);
      const text = m.closedByAdmin(survey.system, formatTimestampDay(survey.review?.at ?? survey.createdAt, turn.lang));
      return { ok: true, reply: { text } };
    }
  }
}

/**
 * A new answer waits for KOMBIT: each administrator the bot can reach gets the review card, with
 * what approving changes; where it lands is noted, so the decision updates it.
 */
export async function tellAdmins(
  survey: Survey,
  answer: SurveyAnswer,
  deps: Pick<SurveysDeps, 'admins' | 'notifier' | 'adminLanguage' | 'registry'>,
  noteSent?: NoteSent,
): Promise<void> {
  const current = (await deps.registry.current()).find(survey.system);
  for (const { aadObjectId } of await deps.admins.list()) {
    const lang: Lang = deps.adminLanguage ? await deps.adminLanguage(aadObjectId) : 'da';
    deps.notifier.toUser(aadObjectId, {
      text: surveyMessages(lang).newAnswerForAdmins(survey.system),
      card: reviewCard(survey, answer, lang, current),
      ...(noteSent ? { onSent: (message: SentMessage) => noteSent({ ...message, kind: 'review', surveyId: survey.id, lang, shared: false, admin: true, answerId: null }) } : {}),
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
    const sent = await SentCards.load(storage.journal<SentCardEvent>('survey-cards'), log);
    return { surveys: service, links, admins, sent, linkKey };
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
        if (!answer) return;
        const noteSent: NoteSent = (card) => state.sent.note({ ...card, at: context.clock.now().toISOString() });
        await tellAdmins(survey, answer, { admins: state.admins, notifier: context.notifier, registry: context.registry, adminLanguage: adminLanguageOf(context) }, noteSent);
        await updateSentCards(survey, { ...state, registry: context.registry, notifier: context.notifier, log: context.log }, null);
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
