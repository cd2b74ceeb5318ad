import { z } from 'zod';
import { defineFeature } from '../../../src/app/feature.js';
import { cardText } from '../../../src/chat/cardData.js';
import type { ChatTurn, Reply } from '../../../src/chat/types.js';
import { codeKey } from '../../../src/deadlines/questions.js';
import type { RegistryService } from '../../../src/registry/service.js';
import { JournalProjection } from '../../../src/store/journal.js';
import { progressTexts } from './texts.js';

/**
 * Which KLIK tasks a municipality has marked done: "marker K53 som færdig" / "mark K53 done", a
 * "Marker K53 færdig" button on deadline cards (the deadlines feature's), a line in the weekly digest
 * of each conversation that marked something, `cli klik-progress export`, and
 * `GET /api/klik-progress`. One folder; the app adds it as one more entry of its list.
 */
export type ProgressEvent = {
  type: 'marked' | 'unmarked';
  tenantId: string;
  solution: string;
  code: string;
  conversationId: string;
  at: string;
};

/** Done tasks by municipality (tenant), and the municipality each conversation marked for. */
export class Progress {
  readonly done = new Map<string, Set<string>>();
  readonly tenantOf = new Map<string, string>();

  static key(task: { solution: string; code: string }): string {
    return `${task.solution}|${task.code}`;
  }

  apply(event: ProgressEvent): void {
    const done = this.done.get(event.tenantId) ?? new Set<string>();
    if (event.type === 'marked') done.add(Progress.key(event));
    else done.delete(Progress.key(event));
    this.done.set(event.tenantId, done);
    this.tenantOf.set(event.conversationId, event.tenantId);
  }

  isDone(tenantId: string | null, task: { solution: string; code: string }): boolean {
    return tenantId !== null && (this.done.get(tenantId)?.has(Progress.key(task)) ?? false);
  }
}

export const ProgressVerbs = { mark: 'klikProgress.mark' } as const;
const MarkData = z.object({ solution: cardText(), code: cardText(), done: z.boolean() });

/** "marker K53 som færdig", "marker SAPA K53 færdig", "mark K53 done", "mark K53 as done": the task's words. */
const MARK = [/^marker\s+(.+?)\s+(?:som\s+)?færdig$/i, /^mark\s+(.+?)\s+(?:as\s+)?done$/i];

type Task = { solution: string; code: string };

/** The KLIK task the words name: its code ("K53"), or its solution and code ("SAPA K53"). */
async function findTask(registry: RegistryService, words: string): Promise<Task | null> {
  const tasks = (await registry.current()).deadlines.flatMap(({ kind, solution, code }): Task[] => (kind === 'klik' && code !== null ? [{ solution, code }] : []));
  const wanted = codeKey(words);
  return tasks.find((task) => codeKey(task.code) === wanted || codeKey(`${task.solution} ${task.code}`) === wanted) ?? null;
}

export const klikProgress = defineFeature({
  name: 'klik progress',
  languageWords: { da: 'marker færdig', en: 'mark done' },
  state: async ({ storage, log }) => {
    const progress = new Progress();
    const projection = await JournalProjection.open(storage.journal<ProgressEvent>('klik-progress'), (event) => progress.apply(event), log);
    return { progress, projection };
  },
  register: (router, { registry, clock }, { state }) => {
    // Marks (or unmarks) a task for the turn's municipality, once the journal has it.
    const mark = async (turn: ChatTurn, task: Task, done: boolean): Promise<Reply> => {
      const t = progressTexts[turn.lang];
      const tenantId = turn.conversation.tenantId;
      if (tenantId === null) return { text: t.noOrganisation };
      const name = `${task.solution} ${task.code}`;
      await state.projection.record({ type: done ? 'marked' : 'unmarked', tenantId, ...task, conversationId: turn.conversation.id, at: clock.now().toISOString() });
      return { text: done ? t.marked(name) : t.unmarked(name) };
    };
    router.message(
      (turn) => MARK.map((pattern) => pattern.exec(turn.text.trim())?.[1]).find((words) => words !== undefined) ?? null,
      async (turn, words) => {
        const task = await findTask(registry, words);
        if (task === null) return { text: progressTexts[turn.lang].unknownTask(words) };
        return mark(turn, task, true);
      },
    );
    router.action(ProgressVerbs.mark, MarkData, async (turn, { solution, code, done }) => {
      const task = await findTask(registry, `${solution} ${code}`);
      if (task === null) return { type: 'error', code: 'TASK_NOT_FOUND', text: progressTexts[turn.lang].unknownTask(code) };
      return { type: 'message', text: (await mark(turn, task, done)).text };
    });
  },
  // The door to the deadlines feature's cards: a button per KLIK task, in the viewer's municipality's state.
  cardActions: (_context, { state }) => [
    {
      on: 'deadline',
      action: (deadline, viewer, lang) => {
        if (deadline.kind !== 'klik' || deadline.code === null || viewer.tenantId === null) return null;
        const task = { solution: deadline.solution, code: deadline.code };
        const done = state.progress.isDone(viewer.tenantId, task);
        return { title: progressTexts[lang].button(`${task.solution} ${task.code}`, done), verb: ProgressVerbs.mark, data: { ...task, done: !done } };
      },
    },
  ],
  // Per conversation: a channel that marked tasks sees its municipality's count in its digest.
  digestSections: (_context, { state }) => [
    {
      key: 'klikProgress',
      order: 80,
      forRecipient: async (_digest, recipient) => {
        await state.projection.refresh();
        const tenantId = state.progress.tenantOf.get(recipient.conversationId);
        const done = tenantId === undefined ? [] : [...(state.progress.done.get(tenantId) ?? [])].sort();
        if (done.length === 0) return null;
        const t = progressTexts[recipient.lang];
        return { heading: t.sectionHeading, groups: [{ heading: null, lines: [{ lead: t.sectionLine(done.length), text: done.map((key) => key.replace('|', ' ')).join(', ') }] }], more: null };
      },
    },
  ],
  routes: (_context, { state }) => [
    {
      method: 'GET',
      path: '/api/klik-progress',
      access: 'admin',
      handle: async () => {
        await state.projection.refresh();
        const done: Record<string, number> = {};
        for (const tasks of state.progress.done.values()) for (const key of tasks) done[key] = (done[key] ?? 0) + 1;
        return { status: 200, type: 'application/json', body: JSON.stringify({ municipalitiesDone: done }) };
      },
    },
  ],
  cli: [
    {
      name: 'klik-progress export',
      args: '',
      summary: 'every mark and unmark of a KLIK task, one JSON line each',
      seeds: false,
      run: async (_args, io) => {
        for (const event of await io.storage.journal<ProgressEvent>('klik-progress').open()) io.out(JSON.stringify(event));
        return 0;
      },
    },
  ],
});
