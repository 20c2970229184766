// What a visitor trying the demo notices first: the dev model answers what was asked (HTTP caching gets
// HTTP caching, a movie pick is a real film), tool arguments come from the prompt, and the same question
// still gives the same answer, so tests can rely on it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { MovieRecommendation } from '../../demo/sections/structured-movie.js';
import { NewsSummary } from '../../demo/sections/structured-news.js';
import { TaskList } from '../../demo/sections/structured-tasks.js';
import { calculate } from '../../demo/sections/tools.js';
import { answerText } from '../../dev-model/content.js';
import type { Turn } from '../../dev-model/conversation.js';
import type { JsonSchema } from '../../dev-model/json-schema.js';
import { structuredValue } from '../../dev-model/structured.js';
import { answerFromResults, nextToolCalls } from '../../dev-model/tools.js';

const ask = (text: string): Turn[] => [{ role: 'user', text }];

describe('text answers stay on topic', () => {
  const cases: [string, RegExp[]][] = [
    ['Explain how HTTP caching works, with a table', [/Cache-Control/, /ETag/, /^\| `max-age=N` \|/m]],
    ['Write a long guide to TypeScript generics with code samples', [/type parameter/i, /```ts\n[\s\S]*<T/, /extends/]],
    ['Give me a checklist for launching a website', [/launch/i, /^- \[ \] .*(DNS|redirect|sitemap)/m]],
    ['Write a long guide to sourdough baking', [/starter/, /flour/, /Dutch oven/]],
    ['Explain how IndexedDB transactions work', [/readwrite/, /commit/]],
    ['Explique-moi les promesses en JavaScript', [/Promise\.all/, /await/]],
    ['Tell me a story about a lighthouse', [/lighthouse keeper/, /The end\./]],
    ['How do I reset my password?', [/Forgot password/]],
    ['What are your opening hours?', [/Monday/, /Saturday/]],
    ['ما هو الذكاء الاصطناعي؟', [/machine learning/i]],
  ];
  for (const [prompt, patterns] of cases) {
    it(prompt, () => {
      const text = answerText(ask(prompt));
      for (const re of patterns) assert.match(text, re);
      assert.doesNotMatch(text, /Planets|offline development model/);
    });
  }

  it('a long answer on a topic stays on it all the way', () => {
    const text = answerText(ask('Write a long guide to sourdough baking'), 500);
    assert.equal(text.split(/\s+/).filter(Boolean).length, 500);
    assert.doesNotMatch(text, /stream|token|widget|IndexedDB/i, 'no filler from other subjects');
  });

  it('an unknown topic gets a general answer that says it is the offline model', () => {
    for (const prompt of ['What is the capital of Peru?', 'How should I train for a marathon?']) {
      const text = answerText(ask(prompt));
      assert.match(text, /offline/);
      assert.ok(text.includes(prompt), 'quotes the question');
    }
  });

  it('is deterministic', () => {
    for (const prompt of ['Explain how HTTP caching works, with a table', 'What is the capital of Peru?']) {
      assert.equal(answerText(ask(prompt)), answerText(ask(prompt)));
    }
  });
});

describe("structured answers fit the demo's schemas", () => {
  const value = (schema: z.ZodType, prompt: string, seed = 'seed') =>
    structuredValue(ask(prompt), { type: 'json_schema', name: 'x', schema: z.toJSONSchema(schema) as JsonSchema }, seed).value;

  it('a movie pick is a real film with a runtime in minutes and reasons in words', () => {
    const comedy = MovieRecommendation.parse(value(MovieRecommendation, 'A feel-good comedy from the nineties, please'));
    assert.equal(comedy.genre, 'comedy');
    assert.ok(comedy.year >= 1990 && comedy.year < 2000, String(comedy.year));
    for (let i = 0; i < 10; i++) {
      const movie = MovieRecommendation.parse(value(MovieRecommendation, 'Recommend a movie for a rainy evening', `s${i}`));
      assert.ok(movie.runtimeMinutes >= 80 && movie.runtimeMinutes <= 200, String(movie.runtimeMinutes));
      assert.ok(movie.whyYouWillLikeIt.split(' ').length >= 10);
      assert.ok(movie.cast.length >= 2 && movie.cast.every((c) => /^\p{Lu}/u.test(c.name)));
      assert.doesNotMatch(JSON.stringify(movie), /widget|token|Night Train/);
    }
  });

  it('a news summary is about what was asked', () => {
    const news = NewsSummary.parse(value(NewsSummary, 'Summarise this week in renewable energy'));
    assert.match(news.headline, /solar|wind|energy/i);
    assert.match(news.summary, /solar|wind|storage/i);
    assert.ok(news.sources.every((s) => /^https:\/\//.test(s.url)));
    assert.match(NewsSummary.parse(value(NewsSummary, 'What happened in space exploration lately?')).headline, /moon|space|rocket/i);
  });

  it('a task list is a plan for the project asked about', () => {
    const plan = TaskList.parse(value(TaskList, 'Tasks to move the office next month'));
    assert.match(plan.project, /office/i);
    assert.ok(plan.tasks.length >= 3);
    assert.match(TaskList.parse(value(TaskList, 'Plan the launch of our new website')).project, /website/i);
  });

  it('a schema of another shape still gets values that fit it', () => {
    const Other = z.object({ title: z.string(), runtimeMinutes: z.number().int(), tags: z.array(z.string()) });
    for (let i = 0; i < 10; i++) {
      const other = Other.parse(value(Other, 'Anything', `o${i}`));
      assert.ok(other.runtimeMinutes >= 80 && other.runtimeMinutes <= 200);
    }
  });
});

describe('tool arguments come from the prompt', () => {
  const tools = [
    { name: 'calculator', parameters: z.toJSONSchema(z.object({ expression: z.string() })) as JsonSchema },
    { name: 'get_time', parameters: z.toJSONSchema(z.object({ timezone: z.string() })) as JsonSchema },
    { name: 'send_email', parameters: z.toJSONSchema(z.object({ to: z.string(), subject: z.string(), body: z.string() })) as JsonSchema },
  ];

  it('the calculator gets the expression and the answer gives its result', () => {
    const prompt = 'Use calculator to work out (12.5 * 4) + 7';
    const [call] = nextToolCalls(ask(prompt), tools, 'seed')!;
    const { expression } = JSON.parse(call.arguments);
    assert.equal(expression, '(12.5 * 4) + 7');
    const result = { expression, result: calculate(expression) };
    assert.equal(result.result, 57);
    const answer = answerFromResults([...ask(prompt), { role: 'assistant', text: '', toolCalls: [call] }, { role: 'tool', toolCallId: call.id, text: JSON.stringify(result) }]);
    assert.match(answer, /\(12\.5 \* 4\) \+ 7` = \*\*57\*\*/);
  });

  it('a time zone and an e-mail read as the prompt says', () => {
    const [time] = nextToolCalls(ask('Call get_time for Asia/Tokyo'), tools, 'seed')!;
    assert.equal(JSON.parse(time.arguments).timezone, 'Asia/Tokyo');
    const [email] = nextToolCalls(ask('Draft a note to the team and call send_email'), tools, 'seed')!;
    const args = JSON.parse(email.arguments);
    assert.equal(args.to, 'team@example.com');
    assert.match(args.subject, /note to the team/i);
    assert.match(args.body, /^Hello team/);
  });
});
