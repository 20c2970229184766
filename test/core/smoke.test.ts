import { assert } from 'chai';

describe('dev model on the test origin', () => {
  it('streams a chat completion', async () => {
    const res = await fetch('/v1/chat/completions', { method: 'POST', body: '{}' });
    const text = await res.text();
    assert.include(text, 'data: [DONE]');
  });
});
