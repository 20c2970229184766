import { assert } from 'chai';
import { answers, axeViolations, chat, cleanup, describeViolations, idle, input, lastAnswerText, part, say, waitFor } from './helpers.js';

describe('<stream-chat>', () => {
  afterEach(cleanup);

  it('has no accessibility violation when empty and after an answer', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.welcome = 'Hello! Ask me anything.';
      e.starterPrompts = ['Tell me a joke'];
    });
    let violations = await axeViolations(el);
    assert.deepEqual(violations, [], describeViolations(violations));
    await say(el, 'Hi there');
    await idle(el);
    violations = await axeViolations(el);
    assert.deepEqual(violations, [], describeViolations(violations));
  });

  it('sends what the user typed and shows the streamed answer', async () => {
    const el = await chat();
    await say(el, 'Hello');
    assert.isTrue(el.busy, 'busy while the answer streams');
    assert.equal(input(el).value, '', 'the message box is emptied');
    await idle(el);
    const user = part(el, 'user-message');
    assert.include(user?.textContent, 'Hello');
    assert.lengthOf(answers(el), 1);
    assert.isAbove(lastAnswerText(el).length, 0);
    assert.deepEqual(el.messages.map((m) => m.role), ['user', 'assistant']);
    assert.equal(el.messages[1].content?.trim(), lastAnswerText(el).trim());
  });
});
