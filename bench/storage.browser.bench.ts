/**
 * History storage: opening a 2,000-message conversation until its last screen is in the DOM, listing
 * 1,000 conversations, and what streaming one 50 KB answer costs in writes — the store's layout (a record
 * per message, throttled drafts) against the naive layout (the whole conversation as one JSON blob,
 * rewritten on every chunk, or only on every message). Real IndexedDB in Chromium; every peer measured
 * in the same run.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { DraftWriter, HistoryStore, databaseName, type DraftClock } from '../src/store/index.js';
import type { ChatMessage } from '../src/core/messages.js';
import { random } from '../dev-model/random.js';

const RUNS = 7;
const LONG = 2_000;
const SCREEN = 30;
const LISTED = 1_000;
const ANSWER_BYTES = 50_000;
const CHUNK = 20;
/** Chunks per second of the simulated stream (virtual time: the draft throttle sees a 50 s answer). */
const CHUNKS_PER_SECOND = 50;
const PRIOR_MESSAGES = 20;

const rnd = random(7).next;
const WORDS = 'the answer streams into the page while each block is saved once and the list stays fast for a reader who comes back later'.split(' ');
const text = (chars: number) => {
  let out = '';
  while (out.length < chars) out += WORDS[Math.floor(rnd() * WORDS.length)] + (rnd() < 0.05 ? '.\n\n' : ' ');
  return out.slice(0, chars);
};
const message = (i: number): ChatMessage => ({ role: i % 2 ? 'assistant' : 'user', content: text(i % 2 ? 700 : 150) });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const key = (label: string) => `bench-${label}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** Renders the last screen of messages into a plain list and forces layout: "the user sees it". */
function paint(root: HTMLElement, messages: ChatMessage[]): void {
  const list = document.createElement('ol');
  for (const m of messages.slice(-SCREEN)) {
    const item = document.createElement('li');
    item.textContent = m.content;
    list.append(item);
  }
  root.replaceChildren(list);
  root.getBoundingClientRect();
}

async function openLong(root: HTMLElement): Promise<string[]> {
  const storageKey = key('long');
  const seedStore = new HistoryStore({ storageKey });
  const history = Array.from({ length: LONG }, (_, i) => message(i));
  for (let i = 0; i < LONG; i += 500) await seedStore.append('long', history.slice(i, i + 500));
  seedStore.close();
  const blobDb = `${databaseName(storageKey)}-blob`;
  const blob = createStore(blobDb, 'kv');
  await set('long', JSON.stringify(history), blob);

  const tail: number[] = [];
  const full: number[] = [];
  const naive: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A fresh store each run: opening the database is part of opening a conversation after a reload.
    let t = performance.now();
    let store = new HistoryStore({ storageKey });
    paint(root, await store.loadMessages('long', { last: SCREEN }));
    tail.push(performance.now() - t);
    store.close();

    t = performance.now();
    store = new HistoryStore({ storageKey });
    paint(root, await store.loadMessages('long'));
    full.push(performance.now() - t);
    store.close();

    t = performance.now();
    const fresh: UseStore = createStore(blobDb, 'kv');
    paint(root, JSON.parse((await get<string>('long', fresh))!));
    naive.push(performance.now() - t);
  }
  await deleteDatabase(databaseName(storageKey));
  await deleteDatabase(blobDb);
  const t = median(tail);
  return [
    `| last ${SCREEN} first (\`loadMessages(id, { last: ${SCREEN} })\`, reverse cursor) | ${ms(t)} | 1.0× |`,
    `| all ${LONG} (\`loadMessages(id)\`, one range read, each record validated) | ${ms(median(full))} | ${(median(full) / t).toFixed(1)}× |`,
    `| naive: the conversation as one JSON blob (get + parse) | ${ms(median(naive))} | ${(median(naive) / t).toFixed(1)}× |`,
  ];
}

async function listMany(root: HTMLElement): Promise<string[]> {
  const storageKey = key('list');
  const store = new HistoryStore({ storageKey });
  const all: { id: string; title: string; messages: ChatMessage[] }[] = [];
  for (let i = 0; i < LISTED; i++) {
    const messages = Array.from({ length: 6 }, (_, j) => message(j));
    all.push({ id: `c${i}`, title: messages[0].content!.slice(0, 40), messages });
    await store.importConversation({ id: `c${i}`, title: '', createdAt: i, updatedAt: i }, messages);
  }
  store.close();
  const blobDb = `${databaseName(storageKey)}-blob`;
  await set('all', JSON.stringify(all), createStore(blobDb, 'kv'));
  const ours: number[] = [];
  const naive: number[] = [];
  const render = (titles: string[]) => {
    const list = document.createElement('ul');
    for (const title of titles) {
      const item = document.createElement('li');
      item.textContent = title;
      list.append(item);
    }
    root.replaceChildren(list);
    root.getBoundingClientRect();
  };
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    const s = new HistoryStore({ storageKey });
    render((await s.listConversations()).map((c) => c.title));
    ours.push(performance.now() - t);
    s.close();
    t = performance.now();
    const parsed = JSON.parse((await get<string>('all', createStore(blobDb, 'kv')))!) as typeof all;
    render(parsed.map((c) => c.title));
    naive.push(performance.now() - t);
  }
  await deleteDatabase(databaseName(storageKey));
  await deleteDatabase(blobDb);
  return [
    `| conversation records (one range read of ${LISTED} small records, validated, sorted) | ${ms(median(ours))} | 1.0× |`,
    `| naive: all conversations in one JSON blob (${LISTED} × 6 messages) | ${ms(median(naive))} | ${(median(naive) / median(ours)).toFixed(1)}× |`,
  ];
}

/** Virtual time for the draft throttle: the stream "lasts" 50 s, the benchmark does not wait for it. */
function virtualClock() {
  let now = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let ids = 0;
  const clock: DraftClock = {
    now: () => now,
    setTimeout: (fn, delay) => (timers.set(++ids, { at: now + delay, fn }), ids),
    clearTimeout: (id) => void timers.delete(id as number),
  };
  const advance = (delta: number) => {
    now += delta;
    for (const [id, t] of [...timers]) if (t.at <= now) (timers.delete(id), t.fn());
  };
  return { clock, advance };
}

interface Cost {
  transactions: number;
  bytes: number;
  ms: number;
}

async function streamCost(): Promise<{ rows: string[]; answerBytes: number; chunks: number }> {
  const answer = text(ANSWER_BYTES);
  const chunks = Math.ceil(answer.length / CHUNK);
  const prior = Array.from({ length: PRIOR_MESSAGES }, (_, i) => message(i));
  const question: ChatMessage = { role: 'user', content: 'Write the long report, please.' };
  const step = 1000 / CHUNKS_PER_SECOND;

  const ours = async (blockClose: boolean): Promise<Cost> => {
    const storageKey = key('stream');
    const store = new HistoryStore({ storageKey, stats: true });
    await store.append('c', prior);
    const before = { ...store.stats! };
    const t = performance.now();
    await store.append('c', [question]);
    const [draft] = await store.append('c', [{ role: 'assistant', content: '' }], { status: 'draft' });
    const { clock, advance } = virtualClock();
    const writer = new DraftWriter(store, draft, { clock });
    let lastForced = -Infinity;
    for (let i = 0; i < chunks; i++) {
      const delta = answer.slice(i * CHUNK, (i + 1) * CHUNK);
      // The element's rule: a blank line closes a block; save then, unless a save is < 250 ms old.
      const force = blockClose && delta.includes('\n\n') && clock.now() - lastForced > 250;
      if (force) lastForced = clock.now();
      writer.save(answer.slice(0, (i + 1) * CHUNK), { force });
      advance(step);
      await writer.settle();
    }
    await writer.close();
    await store.finish(draft, [{ role: 'assistant', content: answer }], { finishReason: 'stop' });
    const cost = { transactions: store.stats!.transactions - before.transactions, bytes: store.stats!.bytes - before.bytes, ms: performance.now() - t };
    store.close();
    await deleteDatabase(databaseName(storageKey));
    return cost;
  };

  const naive = async (everyChunk: boolean): Promise<Cost> => {
    const name = `${key('naive')}-blob`;
    const blob = createStore(name, 'kv');
    const cost: Cost = { transactions: 0, bytes: 0, ms: 0 };
    const write = async (messages: ChatMessage[]) => {
      const json = JSON.stringify({ id: 'c', title: 'report', messages });
      cost.transactions++;
      cost.bytes += new TextEncoder().encode(json).length;
      await set('c', json, blob);
    };
    await write(prior);
    cost.transactions = 0;
    cost.bytes = 0;
    const t = performance.now();
    const history = [...prior, question];
    await write(history);
    if (everyChunk) {
      for (let i = 0; i < chunks; i++) await write([...history, { role: 'assistant', content: answer.slice(0, (i + 1) * CHUNK) }]);
    } else {
      await write([...history, { role: 'assistant', content: answer }]);
    }
    cost.ms = performance.now() - t;
    await deleteDatabase(name);
    return cost;
  };

  const throttled = await ours(false);
  const withBlocks = await ours(true);
  const perChunk = await naive(true);
  const perMessage = await naive(false);
  const base = throttled.bytes;
  const row = (name: string, c: Cost, keeps: string) =>
    `| ${name} | ${c.transactions} | ${kb(c.bytes)} | ${(c.bytes / base).toFixed(1)}× | ${ms(c.ms)} | ${keeps} |`;
  return {
    answerBytes: answer.length,
    chunks,
    rows: [
      row('record per message, draft at most once a second', throttled, 'yes, all but the last second'),
      row('same, plus a save when a markdown block closes (≥ 250 ms apart)', withBlocks, 'yes, all but the open block'),
      row('naive: whole conversation blob rewritten on every chunk', perChunk, 'yes'),
      row('naive: whole conversation blob rewritten on every message', perMessage, 'no: the partial answer is lost'),
    ],
  };
}

export default async function run(): Promise<string> {
  const root = document.getElementById('bench-root') ?? document.body;
  const open = await openLong(root);
  const list = await listMany(root);
  const stream = await streamCost();
  return `## History storage (IndexedDB)

Real IndexedDB in headless Chromium, median of ${RUNS} runs; each run opens a fresh store (database opening included), as after a reload.

**Opening a conversation of ${LONG.toLocaleString('en')} messages** until its last ${SCREEN} messages are in the DOM of a plain list (layout forced):

| how | time | vs last-screen-first |
|---|---|---|
${open.join('\n')}

**Listing ${LISTED.toLocaleString('en')} conversations** into a plain list:

| how | time | vs records |
|---|---|---|
${list.join('\n')}

**Streaming one ${kb(stream.answerBytes)} answer** (${stream.chunks.toLocaleString('en')} chunks of ${CHUNK} characters, ${CHUNKS_PER_SECOND} chunks/s in virtual time, i.e. a ${Math.round(stream.chunks / CHUNKS_PER_SECOND)} s answer) into a conversation of ${PRIOR_MESSAGES} earlier messages: what is written from the user's message to the final answer. Bytes are the JSON size of the values put.

| layout | transactions | bytes written | vs ours | write time | reload mid-stream keeps the partial answer |
|---|---|---|---|---|---|
${stream.rows.join('\n')}

Token-sized chunks (~4 characters, what OpenAI streams) would multiply the naive per-chunk row by about 5; the throttled rows do not change.
`;
}
