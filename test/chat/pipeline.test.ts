import assert from 'node:assert/strict';
import { appMiddleware, composeMiddleware } from '../../src/chat/pipeline.js';
import { Router } from '../../src/chat/router.js';
import { chatTurn } from '../../src/chat/turn.js';
import { turnState } from '../../src/chat/turnState.js';
import type { Middleware } from '../../src/chat/types.js';
import { captureLog } from '../support/logCapture.js';

describe('the turn pipeline alone', () => {
  it('runs each middleware around the rest, in order, and a middleware that does not call next() ends the turn', async () => {
    const steps: string[] = [];
    const around = (name: string): Middleware => async (turn, next) => {
      steps.push(`${name} in`);
      const outcome = await next();
      steps.push(`${name} out`);
      return outcome;
    };
    const run = composeMiddleware([around('a'), around('b')], async () => (steps.push('route'), { type: 'none' }));
    await run(chatTurn('x'));
    assert.deepEqual(steps, ['a in', 'b in', 'route', 'b out', 'a out']);

    steps.length = 0;
    const stop: Middleware = async () => ({ type: 'refused' });
    assert.deepEqual(await composeMiddleware([around('a'), stop, around('b')], async () => (steps.push('route'), { type: 'none' }))(chatTurn('x')), { type: 'refused' });
    assert.deepEqual(steps, ['a in', 'a out']);
  });

  it('refuses a middleware that calls next() twice, so no handler runs twice for one message', async () => {
    let routed = 0;
    const twice: Middleware = async (_turn, next) => {
      await next();
      return next();
    };
    await assert.rejects(composeMiddleware([twice], async () => ((routed += 1), { type: 'none' }))(chatTurn('x')), /next\(\) twice/);
    assert.equal(routed, 1);
  });

  it('keeps turn.state per turn and per key: a key of the same name is another key, and a missing value is named', () => {
    const Admin = turnState<boolean>('admin');
    const AlsoAdmin = turnState<boolean>('admin');
    const turn = chatTurn('x');
    turn.state.set(Admin, true);
    assert.equal(turn.state.get(Admin), true);
    assert.equal(turn.state.get(AlsoAdmin), undefined);
    assert.throws(() => turn.state.require(AlsoAdmin), /turn\.state "admin" was not set/);
    assert.equal(chatTurn('y').state.get(Admin), undefined, 'a new turn starts empty');
  });

  it('stops a foreign tenant before anything is recorded, and records the others while the turn runs', async () => {
    const recorded: string[] = [];
    const router = new Router();
    router.message(() => true, (turn) => ({ text: `hej ${turn.conversation.id}` }));
    const run = router.pipeline(appMiddleware({ log: captureLog().log, allowedTenantIds: ['kombit'], recordConversation: async (turn) => void recorded.push(turn.conversation.id) }));
    const from = (id: string, tenants: string[]) => chatTurn('hej', { conversation: { id, namedTenantIds: tenants } });
    assert.deepEqual(await run(from('foreign', ['elsewhere'])), { type: 'refused' });
    assert.deepEqual(await run(from('mixed', ['kombit', 'elsewhere'])), { type: 'refused' });
    assert.deepEqual(await run(from('none', [])), { type: 'refused' });
    assert.deepEqual(await run(from('ours', ['kombit'])), { type: 'reply', reply: { text: 'hej ours' }, understood: true });
    assert.deepEqual(recorded, ['ours']);
  });
});
