import assert from 'node:assert/strict';
import type { Schedule } from '../../src/app/feature.js';
import { fencedLeadership, startSchedules, type CronTimer } from '../../bot/scheduler.js';
import { soleLeader } from '../../src/store/storage.js';
import { fixedClock } from '../../src/time/clock.js';
import { captureLog } from '../support/logCapture.js';

/** A cron timer the test fires by hand, as often as it likes. */
function handTimer() {
  const ticks: (() => Promise<void>)[] = [];
  const timer: CronTimer = (_pattern, _zone, tick) => {
    ticks.push(tick);
    return { stop: () => {}, nextRun: () => null };
  };
  // Old schedulers ignore the timer and use croner: `fire` then finds no tick, which the test sees.
  return { timer, fire: () => ticks.map((tick) => tick()) };
}

/** A schedule whose runs take as long as the test says, counting how many run at once. */
function slowSchedule(atStart = false) {
  const finishers: (() => void)[] = [];
  const state = { started: 0, running: 0, mostAtOnce: 0 };
  const schedule: Schedule = {
    name: 'slow',
    cron: '* * * * * *',
    zone: 'Europe/Copenhagen',
    atStart,
    run: async () => {
      state.started += 1;
      state.running += 1;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
      await new Promise<void>((resolve) => finishers.push(resolve));
      state.running -= 1;
    },
  };
  const finishAll = () => finishers.splice(0).forEach((finish) => finish());
  return { schedule, state, finishAll };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the scheduler', () => {
  it('never runs a schedule beside itself, however often its time comes while it runs', async () => {
    const { schedule, state, finishAll } = slowSchedule();
    const { timer, fire } = handTimer();
    const jobs = startSchedules([schedule], fixedClock('2026-03-02T07:00:00Z'), captureLog().log, undefined, timer);
    try {
      for (let i = 0; i < 5; i += 1) {
        fire();
        await settle();
      }
      assert.equal(state.started, 1, 'the four ticks during the run are skipped');
      assert.equal(state.mostAtOnce, 1);
      finishAll();
      await settle();
      fire();
      await settle();
      assert.equal(state.started, 2, 'the next tick after the run ended runs it again');
      finishAll();
    } finally {
      jobs.stop();
    }
  });

  it('does not start a catch-up run (on election) beside a run still under way', async () => {
    const { schedule, state, finishAll } = slowSchedule(true);
    let elected: () => void = () => {};
    const leadership = { isLeader: () => true, onElected: (listener: () => void) => (elected = listener), stop: async () => {} };
    const jobs = startSchedules([schedule], fixedClock('2026-03-02T07:00:00Z'), captureLog().log, leadership, handTimer().timer);
    try {
      await settle();
      elected();
      elected();
      await settle();
      assert.equal(state.started, 1);
      assert.equal(state.mostAtOnce, 1);
      finishAll();
    } finally {
      jobs.stop();
    }
  });

  it('keeps a leadership\'s own methods when it fences it (a class, as PostgreSQL\'s is)', async () => {
    class Elected {
      listeners: (() => void)[] = [];
      isLeader(): boolean {
        return true;
      }
      onElected(listener: () => void): void {
        this.listeners.push(listener);
      }
      async stop(): Promise<void> {}
    }
    const leadership = new Elected();
    const fenced = fencedLeadership(leadership, { holds: () => true, problem: () => null });
    fenced.onElected(() => {});
    assert.equal(leadership.listeners.length, 1);
    assert.equal(fenced.isLeader(), true);
  });

  it('runs nothing once the bot lost its data folder lock', async () => {
    const { schedule, state, finishAll } = slowSchedule(true);
    let holds = true;
    const fence = { holds: () => holds, problem: () => (holds ? null : 'lost') };
    const { timer, fire } = handTimer();
    holds = false;
    const jobs = startSchedules([schedule], fixedClock('2026-03-02T07:00:00Z'), captureLog().log, fencedLeadership(soleLeader(), fence), timer);
    try {
      fire();
      await settle();
      assert.equal(state.started, 0);
      finishAll();
    } finally {
      jobs.stop();
    }
  });

  it('says when no run is under way any more, so a graceful stop waits for what a run still writes', async () => {
    const { schedule, state, finishAll } = slowSchedule(true);
    const { timer } = handTimer();
    const jobs = startSchedules([schedule], fixedClock('2026-03-02T07:00:00Z'), captureLog().log, undefined, timer);
    jobs.stop();
    let idle = false;
    const waiting = jobs.idle().then(() => (idle = true));
    await settle();
    assert.equal(state.running, 1, 'the run at start is under way');
    assert.equal(idle, false, 'idle waits for it');
    finishAll();
    await waiting;
    assert.equal(state.running, 0);
  });
});
