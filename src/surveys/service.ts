import { randomUUID } from 'node:crypto';
import type { Log } from '../log.js';
import type { RegistryService } from '../registry/service.js';
import { nameKey } from '../registry/system.js';
import type { Journal } from '../store/journal.js';
import { calendarDayAt } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import type { AdminDirectory } from './admins.js';
import { checkAnswer, type AnswerField, type AnswerInput, type AnswerProblem } from './answerInput.js';
import { applyApprovedAnswer } from './approval.js';
import { applyEvent, isOpen, latestAnswer, type AnswerSource, type Requester, type Review, type Survey, type SurveyAnswer, type SurveyEvent } from './survey.js';

export interface SurveyDeps {
  journal: Journal<SurveyEvent>;
  registry: RegistryService;
  admins: AdminDirectory;
  clock: Clock;
  log?: Log;
  newId?: () => string;
}

export type RequestOutcome = { kind: 'created' | 'joined' | 'already-asked'; survey: Survey };

export type SubmitOutcome =
  | { kind: 'stored'; survey: Survey; answer: SurveyAnswer }
  | { kind: 'duplicate'; survey: Survey; answer: SurveyAnswer }
  | { kind: 'invalid'; survey: Survey; problems: Partial<Record<AnswerField, AnswerProblem>> }
  | { kind: 'closed'; survey: Survey }
  | { kind: 'not-found' };

export type ReviewOutcome =
  | { kind: 'done'; survey: Survey; answer: SurveyAnswer }
  | { kind: 'not-admin' }
  | { kind: 'not-found' }
  | { kind: 'already-reviewed'; survey: Survey }
  | { kind: 'reason-required'; survey: Survey };

export interface Submitter {
  userId: string | null;
  name: string | null;
  aadObjectId: string | null;
}

/**
 * Vendor surveys: one open survey per system, every answer kept, KOMBIT's review. Every change is an
 * event in the journal, on disk before the method returns; the surveys in memory are its replay.
 */
export class SurveyService {
  private readonly surveys = new Map<string, Survey>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Read on every question answered; rebuilt only after a survey changes. */
  private pendingCache: Map<string, SurveyAnswer> | null = null;

  private constructor(private readonly deps: SurveyDeps) {}

  static async load(deps: SurveyDeps): Promise<SurveyService> {
    const service = new SurveyService(deps);
    const events = await deps.journal.readAll((line, text) =>
      deps.log?.error({ line, text: text.slice(0, 200), file: deps.journal.file }, 'damaged line in the survey journal'),
    );
    for (const event of events) applyEvent(service.surveys, event);
    return service;
  }

  get(id: string): Survey | undefined {
    return this.surveys.get(id);
  }

  all(): Survey[] {
    return [...this.surveys.values()];
  }

  /** The open survey about a system, if any. */
  openFor(system: string): Survey | undefined {
    const key = nameKey(system);
    return this.all().find((survey) => isOpen(survey) && nameKey(survey.system) === key);
  }

  /** Open surveys, and those answered but not reviewed, oldest first. */
  open(): Survey[] {
    return this.all()
      .filter(isOpen)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** The latest unreviewed answer per system (by name key): reported by the vendor, not confirmed. */
  pendingAnswers(): ReadonlyMap<string, SurveyAnswer> {
    if (this.pendingCache === null) {
      this.pendingCache = new Map();
      for (const survey of this.open()) {
        const answer = latestAnswer(survey);
        if (answer) this.pendingCache.set(nameKey(survey.system), answer);
      }
    }
    return this.pendingCache;
  }

  /** Asks for a system's date: joins the open survey about it, or opens one. */
  request(systemName: string, requester: Requester): Promise<RequestOutcome> {
    return this.serialised(async () => {
      const registry = await this.deps.registry.current();
      const known = registry.find(systemName);
      const system = known?.name ?? systemName.trim();
      const existing = this.openFor(system);
      if (existing) {
        const asked = existing.requesters.some((r) => r.userId === requester.userId && r.conversationId === requester.conversationId);
        if (asked) return { kind: 'already-asked', survey: existing };
        await this.record({ type: 'joined', at: this.now(), surveyId: existing.id, requester });
        return { kind: 'joined', survey: existing };
      }
      const surveyId = this.deps.newId?.() ?? randomUUID();
      await this.record({ type: 'requested', at: this.now(), surveyId, system, systemKnown: known !== undefined, requester });
      return { kind: 'created', survey: this.surveys.get(surveyId) as Survey };
    });
  }

  /**
   * Stores a vendor's answer when it is valid and the survey is open. The same delivery twice (Teams
   * re-sends an invoke it got no answer to; a browser re-posts a form) is stored once.
   */
  submit(surveyId: string, input: AnswerInput, submitter: Submitter, source: AnswerSource, lang: 'da' | 'en'): Promise<SubmitOutcome> {
    return this.serialised(async () => {
      const survey = this.surveys.get(surveyId);
      if (!survey) return { kind: 'not-found' };
      const earlier = survey.answers.find((answer) => sameDelivery(answer.source, source));
      if (earlier) return { kind: 'duplicate', survey, answer: earlier };
      if (!isOpen(survey)) return { kind: 'closed', survey };
      const registry = await this.deps.registry.current();
      const vendorKnown = Boolean(registry.find(survey.system)?.vendor);
      const checked = checkAnswer(input, calendarDayAt(this.deps.clock.now()), !vendorKnown);
      if (!checked.ok) return { kind: 'invalid', survey, problems: checked.problems };
      const answer: SurveyAnswer = {
        id: this.deps.newId?.() ?? randomUUID(),
        ...checked.value,
        submittedAt: this.now(),
        submittedBy: submitter,
        source,
        lang,
      };
      await this.record({ type: 'answered', at: answer.submittedAt, surveyId, answer });
      return { kind: 'stored', survey, answer };
    });
  }

  /** KOMBIT approves an answer: the registry takes its dates, the survey closes. */
  approve(surveyId: string, answerId: string, admin: Submitter): Promise<ReviewOutcome> {
    return this.review(surveyId, answerId, admin, 'approved', null);
  }

  /** KOMBIT rejects an answer, with a reason the requesters are told; the survey closes. */
  reject(surveyId: string, answerId: string, admin: Submitter, reason: string | null): Promise<ReviewOutcome> {
    return this.review(surveyId, answerId, admin, 'rejected', reason);
  }

  private review(
    surveyId: string,
    answerId: string,
    admin: Submitter,
    decision: Review['decision'],
    reason: string | null,
  ): Promise<ReviewOutcome> {
    return this.serialised(async () => {
      if (!admin.aadObjectId || !(await this.deps.admins.isAdmin(admin.aadObjectId))) return { kind: 'not-admin' };
      const survey = this.surveys.get(surveyId);
      const answer = survey?.answers.find((candidate) => candidate.id === answerId);
      if (!survey || !answer) return { kind: 'not-found' };
      if (!isOpen(survey)) return { kind: 'already-reviewed', survey };
      if (decision === 'rejected' && !reason) return { kind: 'reason-required', survey };
      const at = this.now();
      const review: Review = { decision, answerId, by: { aadObjectId: admin.aadObjectId, name: admin.name }, at, reason };
      if (decision === 'approved') await this.deps.registry.update((data) => applyApprovedAnswer(data, survey, answer, review));
      await this.record({ type: 'reviewed', at, surveyId, review });
      return { kind: 'done', survey, answer };
    });
  }

  private async record(event: SurveyEvent): Promise<void> {
    await this.deps.journal.append(event);
    applyEvent(this.surveys, event);
    this.pendingCache = null;
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /** One change at a time: each checks the state and then records, with no other change between. */
  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function sameDelivery(a: AnswerSource, b: AnswerSource): boolean {
  if (a.channel === 'teams' && b.channel === 'teams') return a.activityId !== null && a.activityId === b.activityId;
  if (a.channel === 'link' && b.channel === 'link') return a.nonce !== null && a.nonce === b.nonce;
  return false;
}
