import { randomUUID } from 'node:crypto';
import type { Log } from '../log.js';
import { surveySubject } from './subject.js';
import { metrics } from '../metrics.js';
import type { RegistryService } from '../registry/service.js';
import { nameKey } from '../registry/system.js';
import { JournalProjection } from '../store/journal.js';
import type { EventLog } from '../store/storage.js';
import { calendarDayAt } from '../time/calendarDate.js';
import type { Clock } from '../time/clock.js';
import type { AdminDirectory } from './admins.js';
import { checkAnswer, type AnswerField, type AnswerInput, type AnswerProblem } from './answerInput.js';
import { applyApprovedAnswer, approvedValues } from './approval.js';
import type { RegistryData } from '../store/registryStore.js';
import { applyEvent, checkSurveyEvent, isOpen, latestAnswer, type AnswerSource, type Requester, type Review, type Survey, type SurveyAnswer, type SurveyEvent } from './survey.js';

export interface SurveyDeps {
  journal: EventLog<SurveyEvent>;
  registry: RegistryService;
  admins: AdminDirectory;
  clock: Clock;
  log?: Log;
  newId?: () => string;
  /** How many surveys one person may open in 24 hours (administrators: any number). */
  openLimitPerDay?: number;
  /** Whether approvals are written back to KOMBIT's list (the list is configured): each carries its values. */
  writesBack?: boolean;
}

export const DEFAULT_OPEN_LIMIT_PER_DAY = 3;
/** How often reads look for events another process (the CLI) appended. */
const REFRESH_MS = 1000;

export type RequestOutcome =
  | { kind: 'created' | 'joined' | 'already-asked'; survey: Survey }
  | { kind: 'limited'; limit: number }
  /** What was asked about is no system's name (empty once cleaned, or an address). */
  | { kind: 'not-a-name' };

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
  | { kind: 'reason-required'; survey: Survey }
  /** The vendor sent a newer answer since this one: only the latest can be decided on. */
  | { kind: 'replaced'; survey: Survey; latest: SurveyAnswer };

export type CloseOutcome =
  | { kind: 'done'; survey: Survey }
  | { kind: 'not-admin' }
  | { kind: 'not-found' }
  | { kind: 'already-reviewed'; survey: Survey };

/** Who closes a survey: an administrator in Teams, or the operator with `cli surveys close`. */
export type Closer = Submitter | 'cli';

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
  private projection!: JournalProjection<SurveyEvent>;
  private refreshedAt = -Infinity;
  /** Read on every question answered; rebuilt only after a survey changes. */
  private pendingCache: Map<string, SurveyAnswer> | null = null;

  private constructor(private readonly deps: SurveyDeps) {}

  static async load(deps: SurveyDeps): Promise<SurveyService> {
    const service = new SurveyService(deps);
    service.projection = await JournalProjection.open(
      deps.journal,
      (event) => {
        checkSurveyEvent(event);
        applyEvent(service.surveys, event);
        service.pendingCache = null;
      },
      deps.log,
    );
    return service;
  }

  /**
   * Takes in what another process recorded (the CLI closing a survey), at most once a second; reads
   * call it before they look.
   */
  async refresh(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    if (now - this.refreshedAt < REFRESH_MS) return;
    this.refreshedAt = now;
    try {
      await this.projection.refresh();
    } catch (error) {
      this.deps.log?.error({ err: error, file: this.deps.journal.name }, 'could not read new survey events; answering from those already read');
    }
  }

  /**
   * Resolves once every change under way in this process is recorded and applied, and what others
   * recorded is read in: a subscriber to the registry's changes hears of an approval before its
   * survey event is applied, and waits here for it.
   */
  async settled(): Promise<void> {
    await this.projection.transact(async () => undefined);
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

  /** Asks for a system's date: joins the open survey about it, or opens one (within the person's limit). */
  async request(systemName: string, requester: Requester): Promise<RequestOutcome> {
    const outcome = await this.serialised(async (record): Promise<RequestOutcome | { kind: 'created'; surveyId: string }> => {
      const registry = await this.deps.registry.current();
      // Stored and shown as plain text, whatever door it came through (chat, a forged card action).
      const subject = surveySubject(systemName);
      if (subject === null) return { kind: 'not-a-name' };
      const known = registry.find(subject);
      const system = known?.name ?? subject;
      const existing = this.openFor(system);
      if (existing) {
        const asked = askedBy(existing).has(requesterKey(requester));
        if (asked) return { kind: 'already-asked', survey: existing };
        await record({ type: 'joined', at: this.now(), surveyId: existing.id, requester });
        return { kind: 'joined', survey: existing };
      }
      const limit = this.deps.openLimitPerDay ?? DEFAULT_OPEN_LIMIT_PER_DAY;
      if (this.openedInLastDay(requester.userId) >= limit && !(await this.deps.admins.isAdmin(requester.aadObjectId))) {
        return { kind: 'limited', limit };
      }
      const surveyId = this.deps.newId?.() ?? randomUUID();
      await record({ type: 'requested', at: this.now(), surveyId, system, systemKnown: known !== undefined, requester });
      return { kind: 'created', surveyId };
    });
    // The new survey exists in memory only once its event is durable, that is after the transaction.
    return 'surveyId' in outcome ? { kind: 'created', survey: this.surveys.get(outcome.surveyId) as Survey } : outcome;
  }

  private openedInLastDay(userId: string): number {
    const since = this.deps.clock.now().getTime() - 24 * 60 * 60 * 1000;
    return this.all().filter((survey) => survey.requesters[0]?.userId === userId && Date.parse(survey.createdAt) > since).length;
  }

  /**
   * Stores a vendor's answer when it is valid and the survey is open. The same delivery twice (Teams
   * re-sends an invoke it got no answer to; a browser re-posts a form) is stored once.
   */
  submit(surveyId: string, input: AnswerInput, submitter: Submitter, source: AnswerSource, lang: 'da' | 'en'): Promise<SubmitOutcome> {
    return this.serialised(async (record) => {
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
      await record({ type: 'answered', at: answer.submittedAt, surveyId, answer });
      metrics.surveyAnswers.inc({ channel: source.channel });
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

  /** KOMBIT closes a survey without an answer (nobody will answer, or it was opened by mistake). */
  close(surveyId: string, by: Closer, reason: string | null): Promise<CloseOutcome> {
    return this.serialised(async (record) => {
      if (by !== 'cli' && !(await this.isAdmin(by))) return { kind: 'not-admin' };
      const survey = this.surveys.get(surveyId);
      if (!survey) return { kind: 'not-found' };
      if (!isOpen(survey)) return { kind: 'already-reviewed', survey };
      const who = by === 'cli' ? { aadObjectId: 'cli', name: null } : { aadObjectId: by.aadObjectId as string, name: by.name };
      const at = this.now();
      await record({ type: 'reviewed', at, surveyId, review: { decision: 'closed', answerId: null, by: who, at, reason } });
      return { kind: 'done', survey };
    });
  }

  private async isAdmin(person: Submitter): Promise<boolean> {
    return person.aadObjectId !== null && (await this.deps.admins.isAdmin(person.aadObjectId));
  }

  private review(
    surveyId: string,
    answerId: string,
    admin: Submitter,
    decision: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<ReviewOutcome> {
    return this.serialised(async (record) => {
      if (!(await this.isAdmin(admin))) return { kind: 'not-admin' };
      const survey = this.surveys.get(surveyId);
      const answer = survey?.answers.find((candidate) => candidate.id === answerId);
      if (!survey || !answer) return { kind: 'not-found' };
      if (!isOpen(survey)) return { kind: 'already-reviewed', survey };
      const latest = latestAnswer(survey);
      if (latest && latest.id !== answer.id) return { kind: 'replaced', survey, latest };
      if (decision === 'rejected' && !reason) return { kind: 'reason-required', survey };
      const at = this.now();
      const review: Review = { decision, answerId, by: { aadObjectId: admin.aadObjectId as string, name: admin.name }, at, reason };
      const event: SurveyEvent = { type: 'reviewed', at, surveyId, review };
      if (decision === 'approved') {
        const approve = (data: RegistryData) => {
          const next = applyApprovedAnswer(data, survey, answer, review);
          if (this.deps.writesBack) review.writeBack = approvedValues(next, survey.system);
          return next;
        };
        // Recorded while the registry is still locked: a sync planned after this write sees the approval.
        await this.deps.registry.update(approve, { source: 'approval', afterWrite: () => record(event) });
      } else {
        await record(event);
      }
      return { kind: 'done', survey, answer };
    });
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  /**
   * One change at a time, across processes: each sees every event recorded so far (by the CLI too),
   * checks the state and records, with no other change between.
   */
  private serialised<T>(work: (record: (event: SurveyEvent) => Promise<void>) => Promise<T>): Promise<T> {
    return this.projection.transact(work);
  }
}

function sameDelivery(a: AnswerSource, b: AnswerSource): boolean {
  if (a.channel === 'teams' && b.channel === 'teams') return a.activityId !== null && a.activityId === b.activityId;
  if (a.channel === 'link' && b.channel === 'link') return a.nonce !== null && a.nonce === b.nonce;
  return false;
}

/** Who asked about a survey, by `requesterKey`: built once per survey and extended as requesters join (they only ever join). */
const asked = new WeakMap<Survey, { seen: number; keys: Set<string> }>();

/**
 * Whether someone already asked is answered in O(1), so that the ten-thousandth requester of a popular
 * survey costs what the first did.
 */
function askedBy(survey: Survey): Set<string> {
  let entry = asked.get(survey);
  if (!entry) {
    entry = { seen: 0, keys: new Set() };
    asked.set(survey, entry);
  }
  for (; entry.seen < survey.requesters.length; entry.seen += 1) entry.keys.add(requesterKey(survey.requesters[entry.seen]!));
  return entry.keys;
}

function requesterKey(requester: Requester): string {
  return JSON.stringify([requester.userId, requester.conversationId]);
}
