// What a person chatting with the dev model notices: the answer fits what they asked for, quotes
// their question, stays the same for the same conversation, and the options are read as documented.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerText, countWords } from '../../dev-model/content.js';
import type { Turn } from '../../dev-model/conversation.js';
import { parseOptions } from '../../dev-model/options.js';
import { splitChunks } from '../../dev-model/pacing.js';
import { random } from '../../dev-model/random.js';
import { toolSteps } from '../../dev-model/tools.js';

const ask = (text: string, before: Turn[] = []): Turn[] => [...before, { role: 'user', text }];

describe('answers', () => {
  it('a table when asked for a table', () => {
    assert.match(answerText(ask('Can you compare them in a table?')), /^\|.+\|\n\|( --- \|)+\n(\|.+\|\n?)+/m);
  });

  it('code in the language asked for, in a fenced block', () => {
    for (const [word, lang] of [['python', 'python'], ['TypeScript', 'ts'], ['bash', 'bash'], ['JSON', 'json'], ['CSS', 'css'], ['rust', 'rust']]) {
      const text = answerText(ask(`Write some ${word} for me`));
      assert.match(text, new RegExp('```' + lang + '\\n[\\s\\S]+?\\n```'), word);
    }
  });

  it('lists when asked for a list', () => {
    const text = answerText(ask('Give me a list of tips'));
    assert.match(text, /^- \S/m);
    assert.match(text, /^1\. /m);
    assert.match(text, /^ {2}- /m, 'nested');
  });

  it('everything markdown has when asked for markdown', () => {
    const text = answerText(ask('Show off some markdown'));
    for (const re of [/^# /m, /^## /m, /\*\*[^*]+\*\*/, /\[[^\]]+\]\(https:\/\/[^)]+\)/, /`[^`]+`/, /^> /m, /^- \[x\] /m, /```\w+\n/, /^\|.+\|$/m]) {
      assert.match(text, re);
    }
  });

  it('a long answer when asked for one, a short greeting for hello', () => {
    assert.ok(countWords(answerText(ask('Write a long explanation of streaming'))) >= 900);
    const hello = answerText(ask('hello'));
    assert.ok(countWords(hello) < 30);
  });

  it('quotes the question so the reply visibly answers it', () => {
    assert.match(answerText(ask('Why does my stream stop after 30 seconds?')), /Why does my stream stop after 30 seconds\?/);
  });

  it('the same conversation gives the same answer; different ones vary', () => {
    const history: Turn[] = [{ role: 'user', text: 'hi' }, { role: 'assistant', text: 'Hello!' }];
    assert.equal(answerText(ask('Tell me more', history)), answerText(ask('Tell me more', history)));
    const answers = new Set(Array.from({ length: 12 }, (_, i) => answerText(ask(`Question number ${i}: what is new?`))));
    assert.ok(answers.size >= 10);
    const shapes = new Set([...answers].map((a) => [/```/.test(a), /\|/.test(a), /^- /m.test(a), /^> /m.test(a)].join()));
    assert.ok(shapes.size >= 3, 'not only the wording but the kind of content varies');
  });

  it('exactly words=N words, whatever the prompt', () => {
    for (const n of [1, 2, 13, 64, 333, 2000]) {
      for (const prompt of ['hello', 'a table please', 'python code', 'markdown']) assert.equal(countWords(answerText(ask(prompt), n)), n, `${prompt} / ${n}`);
    }
  });
});

describe('options in the model name', () => {
  it('reads every documented key', () => {
    const o = parseOptions('dev;rate=0;burst=0.9;chunk=12;words=40;scenario=stall;stallMs=250;failures=2;key=abc;invalid=schema;done=event');
    assert.deepEqual(
      { rate: o.rate, burst: o.burst, chunk: o.chunk, words: o.words, scenario: o.scenario, stallMs: o.stallMs, failures: o.failures, key: o.key, invalid: o.invalid, done: o.done },
      { rate: 0, burst: 0.9, chunk: 12, words: 40, scenario: 'stall', stallMs: 250, failures: 2, key: 'abc', invalid: 'schema', done: 'event' },
    );
  });

  it('has realistic defaults, ignores unknown values, and lets the header win', () => {
    const plain = parseOptions('dev');
    assert.ok(plain.rate >= 300 && plain.rate <= 600);
    assert.equal(plain.scenario, 'normal');
    assert.equal(parseOptions('dev;scenario=bogus;rate=fast').scenario, 'normal');
    assert.equal(parseOptions('dev;rate=fast').rate, plain.rate);
    assert.equal(parseOptions('gpt-4o', 'scenario=http-429').scenario, 'http-429');
    assert.equal(parseOptions('dev;scenario=cut', 'dev;scenario=no-done').scenario, 'no-done');
  });
});

describe('pacing', () => {
  it('cuts text into pieces that join back exactly, never splitting an emoji', () => {
    const text = 'Café 東京 🚀🎉 — "quotes" \\ and\nnew lines 👩‍💻'.repeat(20);
    for (const chunk of [1, 3, 8]) {
      const pieces = splitChunks(text, { chunk, burst: 0.5 }, random(chunk));
      assert.equal(pieces.join(''), text);
      for (const p of pieces) assert.doesNotMatch(p, /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });
});

describe('tool mentions', () => {
  const tools = [{ name: 'get_time' }, { name: 'get_weather' }, { name: 'get_weather.v2' }];
  const names = (prompt: string) => toolSteps(prompt, tools).map((step) => step.map((m) => m.tool.name));

  it('a name at the end of a sentence is still a call', () => {
    assert.deepEqual(names('Please call get_time.'), [['get_time']]);
    assert.deepEqual(names('Use get_weather, then get_time.'), [['get_weather'], ['get_time']]);
  });

  it('a dot followed by name characters belongs to a longer name', () => {
    assert.deepEqual(names('Call get_weather.v2 now'), [['get_weather.v2']]);
  });
});
