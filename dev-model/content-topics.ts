/**
 * What the dev model knows about: a few topics people try first (and the demo page suggests), each
 * with a direct answer, sections, and its own list, table or code for when the prompt asks for one.
 * A prompt naming none of them gets a general answer saying it comes from the offline model.
 */
import type { CodeSample, Table } from './content-library.js';

export interface Topic {
  /** Words or phrases that point to this topic (whole words, case-insensitive). */
  keys: string[];
  /** Shown in headings: "HTTP caching: in practice". */
  name: string;
  /** The direct answer, first. */
  summary: string;
  sections: { heading: string; body: string }[];
  list?: string[];
  table?: Table;
  code?: CodeSample;
  /** A story reads as paragraphs, without headings or "anything else?". */
  story?: boolean;
}

export const TOPICS: Topic[] = [
  {
    keys: ['http caching', 'cache-control', 'caching', 'cache', 'etag', 'etags', 'cdn'],
    name: 'HTTP caching',
    summary:
      'HTTP caching lets a browser or a CDN keep a copy of a response and reuse it, so repeat visits skip the network or only ask whether the copy is still good. The server decides with response headers: `Cache-Control` says how long a copy stays fresh, and `ETag` or `Last-Modified` let a stale copy be revalidated cheaply.',
    sections: [
      { heading: 'Freshness', body: 'While a response is fresh (`Cache-Control: max-age=3600` keeps it fresh for an hour) the browser reuses it without asking the server at all. `no-cache` does not mean "do not cache": it means "always revalidate before reuse". `no-store` is the one that forbids keeping a copy.' },
      { heading: 'Revalidation', body: 'When a copy goes stale the browser sends a conditional request with `If-None-Match` (the ETag) or `If-Modified-Since`. If nothing changed the server answers `304 Not Modified` with no body, which costs one round trip but no download.' },
      { heading: 'Fingerprinted assets', body: 'Build tools put a hash of the content in file names (`app.3f9a2c.js`). Those files never change, so they can be cached for a year with `immutable`, while the HTML that references them uses `no-cache` so a deploy shows up at once.' },
      { heading: 'Shared caches', body: 'CDNs and proxies cache too. `private` keeps personalised responses out of them, `s-maxage` gives shared caches their own lifetime, and `Vary` lists the request headers (such as `Accept-Encoding`) that change the response.' },
    ],
    list: ['Hash static asset names and cache them for a year', 'Serve HTML with `Cache-Control: no-cache`', 'Send an `ETag` on API responses that can be revalidated', 'Mark personalised pages `private`', 'Check the Network panel for `304` and "(disk cache)"'],
    table: {
      caption: 'Cache-Control directives',
      head: ['Directive', 'Meaning', 'Typical use'],
      rows: [
        ['`max-age=N`', 'Fresh for N seconds', 'Assets, API reads'],
        ['`no-cache`', 'Revalidate before every reuse', 'HTML pages'],
        ['`no-store`', 'Never keep a copy', 'Banking, secrets'],
        ['`private`', 'Browser only, not CDNs', 'Personalised pages'],
        ['`immutable`', 'Never revalidate while fresh', 'Hashed file names'],
        ['`stale-while-revalidate=N`', 'Serve stale, refresh in background', 'Feeds, avatars'],
      ],
    },
    code: {
      lang: 'http',
      names: [],
      code: 'HTTP/1.1 200 OK\nContent-Type: text/javascript\nCache-Control: public, max-age=31536000, immutable\nETag: "3f9a2c"',
    },
  },
  {
    keys: ['generics', 'generic', 'type parameter', 'type parameters'],
    name: 'TypeScript generics',
    summary:
      'Generics let a function, class or type work with many types while keeping them connected: `function first<T>(items: T[]): T | undefined` returns the same type its list holds, so callers keep full type checking without casts or `any`.',
    sections: [
      { heading: 'Type parameters', body: 'A type parameter such as `T` is a placeholder filled in at each call. TypeScript usually infers it from the arguments, so `first([1, 2, 3])` is a `number | undefined` without writing `first<number>`.' },
      { heading: 'Constraints', body: '`extends` limits what a parameter may be: `<T extends { id: string }>` accepts any object with an `id`, and inside the function you may read `item.id`. `keyof` constraints such as `<T, K extends keyof T>` make property access type-safe.' },
      { heading: 'Generic types', body: 'Types take parameters too: `type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string }` describes every endpoint at once. Defaults (`<T = unknown>`) keep simple uses short.' },
      { heading: 'When not to', body: 'A parameter used only once adds noise: `function log<T>(value: T)` is no better than `function log(value: unknown)`. Reach for generics when two positions (an input and an output, or two inputs) must agree.' },
    ],
    list: ['Let inference fill type arguments where it can', 'Constrain with `extends` instead of casting', 'Use `keyof` and indexed access for property helpers', 'Give defaults to rarely changed parameters', 'Drop a parameter that relates nothing'],
    code: {
      lang: 'ts',
      names: [],
      code: `function groupBy<T, K extends PropertyKey>(items: T[], key: (item: T) => K): Record<K, T[]> {
  const groups = {} as Record<K, T[]>;
  for (const item of items) (groups[key(item)] ??= []).push(item);
  return groups;
}

interface Task { title: string; owner: string }
const byOwner = groupBy<Task, string>(tasks, (t) => t.owner); // Record<string, Task[]>`,
    },
  },
  {
    keys: ['launch', 'launching', 'go live', 'go-live', 'new website'],
    name: 'Launching a website',
    summary:
      'A calm launch is mostly preparation: the site is tested where real visitors will use it, the domain and certificates are in place, analytics and monitoring are on before the switch, and there is a way back if something breaks.',
    sections: [
      { heading: 'A week before', body: 'Freeze features, run an accessibility and performance audit on the staging site, and test on a real phone over a slow connection. Check every form end to end, including the e-mails it sends.' },
      { heading: 'On the day', body: 'Lower the DNS TTL the day before so the switch propagates quickly, deploy early in the working day, and keep the previous version one command away. Watch error rates and the 404 log for the first hours.' },
      { heading: 'After', body: 'Submit the sitemap to search engines, set up redirects from old URLs, and collect the first week of real-user metrics before deciding what to fix first.' },
    ],
    list: ['Run Lighthouse and an accessibility check on staging', 'Test every form and the e-mails it sends', 'Set up HTTPS and redirect http to https', 'Add redirects from old URLs', 'Check the favicon, page titles and social previews', 'Turn on analytics and error monitoring', 'Lower the DNS TTL a day ahead', 'Keep a one-command rollback', 'Submit the sitemap'],
  },
  {
    keys: ['lighthouse', 'story', 'tale', 'once upon a time'],
    name: 'The lighthouse',
    story: true,
    summary: 'Once upon a time, on a rock at the edge of the map, an old lighthouse keeper named Ines climbed one hundred and twelve steps every evening to light the lamp.',
    sections: [
      { heading: '', body: 'Ships had stopped needing her years ago; they carried satellites and screens now. Still she polished the great lens, wound the clockwork, and wrote the weather in a ledger no one read.' },
      { heading: '', body: 'One winter night the power failed along the whole coast. The harbour went dark, the radios crackled and died, and out in the storm a small fishing boat lost every light it had.' },
      { heading: '', body: 'Ines did not need electricity. She lit the old oil lamp, set the clockwork turning, and the beam swept out across the water, slow and steady, the way it had for a hundred years.' },
      { heading: '', body: 'At dawn the fishing boat tied up safely below the rock. The skipper climbed the hundred and twelve steps with a basket of fish and sat with Ines while she wrote in the ledger: "Wind north-east. One ship home."' },
    ],
  },
  {
    keys: ['sourdough', 'bread', 'baking', 'levain', 'dough'],
    name: 'Sourdough',
    summary:
      'Sourdough is bread raised by a starter: flour and water fermented by wild yeast and lactic acid bacteria. It needs time more than effort — a lively starter, a long cool fermentation, and a very hot oven.',
    sections: [
      { heading: 'The starter', body: 'Mix equal weights of flour and water and feed it every day, discarding half before each feed. After one to two weeks it doubles reliably within six hours of feeding, smells pleasantly sour, and is ready to bake with.' },
      { heading: 'Mixing and folding', body: 'A good first loaf uses 500 g of bread flour, 350 g of water, 100 g of active starter and 10 g of salt. Instead of kneading, give the dough four sets of stretch-and-folds, thirty minutes apart, to build strength.' },
      { heading: 'Fermentation', body: 'Let the dough rise until it has grown by about half and shows bubbles at the edges, then shape it tightly and rest it in a basket in the fridge overnight. The cold slows the yeast and deepens the flavour.' },
      { heading: 'Baking', body: 'Bake in a preheated Dutch oven at 250 °C: twenty minutes with the lid on for steam, then twenty to twenty-five minutes uncovered until the crust is deep brown. Let it cool for an hour before cutting, or the crumb turns gummy.' },
      { heading: 'When it goes wrong', body: 'A dense loaf usually means an under-active starter or too short a rise; a flat one, over-fermentation or weak shaping. Change one thing at a time and write down temperatures: they matter more than the clock.' },
    ],
    list: ['Feed the starter the evening before', 'Mix flour and water; rest 30 minutes', 'Add starter and salt', 'Four sets of stretch-and-folds', 'Bulk rise until about +50%', 'Shape and proof in the fridge overnight', 'Bake at 250 °C in a Dutch oven', 'Cool an hour before slicing'],
    table: {
      caption: 'A first loaf',
      head: ['Ingredient', 'Weight', "Baker's %"],
      rows: [['Bread flour', '500 g', '100%'], ['Water', '350 g', '70%'], ['Starter', '100 g', '20%'], ['Salt', '10 g', '2%']],
    },
  },
  {
    keys: ['indexeddb', 'idb', 'transaction', 'transactions', 'object store'],
    name: 'IndexedDB transactions',
    summary:
      'Every IndexedDB read or write happens inside a transaction over one or more object stores. A transaction is `readonly` or `readwrite`, is atomic (all its writes land or none do), and commits on its own once no request is pending.',
    sections: [
      { heading: 'Auto-commit', body: 'A transaction stays alive only while it has pending requests. If you `await` something unrelated — a `fetch`, a timer — it commits behind your back, and the next request throws `TransactionInactiveError`. Gather the data first, then open the transaction.' },
      { heading: 'Scope and locking', body: 'Read-only transactions over the same store run in parallel; a `readwrite` transaction waits for others on the stores it names. Keep the scope to the stores you need so unrelated work is not blocked.' },
      { heading: 'Errors and aborts', body: 'A failed request aborts the whole transaction unless you call `event.preventDefault()` in its error handler. Listen for `complete` (the data is on disk, with `durability: "strict"`) rather than the last request\'s `success`.' },
      { heading: 'Versions', body: 'Creating or deleting object stores and indexes is only allowed in the `versionchange` transaction of `onupgradeneeded`, which runs when you open the database with a higher version number.' },
    ],
    code: {
      lang: 'js',
      names: [],
      code: `const tx = db.transaction(['messages', 'conversations'], 'readwrite');
tx.objectStore('messages').put(message);
tx.objectStore('conversations').put({ ...conversation, updatedAt: Date.now() });
await new Promise((resolve, reject) => {
  tx.oncomplete = resolve;
  tx.onerror = tx.onabort = () => reject(tx.error);
});`,
    },
  },
  {
    keys: ['promise', 'promises', 'promesses', 'promesse', 'async', 'await'],
    name: 'JavaScript promises',
    summary:
      'A promise is a value that will exist later: it starts pending, then is either fulfilled with a result or rejected with an error, exactly once. `await` pauses an async function until a promise settles, so asynchronous code reads top to bottom.',
    sections: [
      { heading: 'Chaining', body: '`then` returns a new promise, so steps chain: `fetch(url).then((r) => r.json()).then(show)`. Returning a promise from a callback waits for it; throwing inside one rejects the chain until a `catch`.' },
      { heading: 'Running things together', body: '`Promise.all` waits for every promise and rejects on the first failure; `Promise.allSettled` waits for all and reports each outcome; `Promise.race` and `Promise.any` settle with the first to finish or the first to succeed.' },
      { heading: 'Common mistakes', body: 'Forgetting to `await` (or return) a promise loses its errors; awaiting in a loop runs requests one by one when they could run in parallel; wrapping a promise in `new Promise` without need hides rejections.' },
    ],
    code: {
      lang: 'js',
      names: [],
      code: `async function loadProfile(id) {
  const [user, posts] = await Promise.all([
    fetch(\`/api/users/\${id}\`).then((r) => r.json()),
    fetch(\`/api/users/\${id}/posts\`).then((r) => r.json()),
  ]);
  return { ...user, posts };
}

loadProfile(42).then(render).catch((error) => console.error('Could not load', error));`,
    },
  },
  {
    keys: ['artificial intelligence', 'ai', 'machine learning', 'llm', 'llms', 'language model', 'الذكاء الاصطناعي', 'الذكاء'],
    name: 'Artificial intelligence',
    summary:
      'Artificial intelligence is the field of building systems that perform tasks we associate with intelligence: recognising images, understanding language, planning, or answering questions. Most of today\'s progress comes from machine learning, where a model learns patterns from examples instead of following hand-written rules.',
    sections: [
      { heading: 'Language models', body: 'A large language model is trained to predict the next piece of text. At scale, that simple objective yields a system that can summarise, translate, write code and hold a conversation — and that streams its answer token by token, which is why chat interfaces show text as it is produced.' },
      { heading: 'Limits', body: 'Models can state wrong things fluently, reflect biases in their training data, and know nothing after their training cut-off unless given tools or documents. Good products show sources, let people correct the model, and keep a human in the loop for decisions that matter.' },
    ],
    list: ['Machine learning: learning from examples', 'Deep learning: many-layered neural networks', 'Language models: predicting the next token', 'Tools and retrieval: giving a model fresh facts'],
  },
  {
    keys: ['password', 'passwords', 'forgot password', 'log in', 'login', 'sign in', 'locked out'],
    name: 'Resetting your password',
    summary:
      'To reset your password, choose **Forgot password?** on the sign-in page, enter the e-mail address of your account, and follow the link we send you. The link works once and expires after 30 minutes.',
    sections: [
      { heading: 'No e-mail?', body: 'Check your spam folder and make sure you used the address you signed up with. You can ask for a new link after two minutes; only the newest link works.' },
      { heading: 'Still stuck?', body: 'If you no longer have access to that mailbox, contact support from the help page with your account name and we will verify your identity another way.' },
    ],
    list: ['Open the sign-in page', 'Choose “Forgot password?”', 'Enter your account e-mail', 'Open the link within 30 minutes', 'Pick a new password of at least 12 characters'],
  },
  {
    keys: ['opening hours', 'opening times', 'business hours', 'closing time'],
    name: 'Opening hours',
    summary: 'We are open Monday to Friday from 9:00 to 18:00 and on Saturday from 10:00 to 16:00. We are closed on Sundays and public holidays.',
    sections: [
      { heading: 'Support', body: 'Chat support follows the same hours; messages sent outside them are answered the next working morning.' },
    ],
    table: {
      caption: 'Opening hours',
      head: ['Day', 'Hours'],
      rows: [['Monday–Friday', '9:00–18:00'], ['Saturday', '10:00–16:00'], ['Sunday', 'Closed'], ['Public holidays', 'Closed']],
    },
  },
  {
    keys: ['streaming', 'stream', 'streams', 'server-sent events', 'sse', 'websocket', 'websockets'],
    name: 'Streaming',
    summary:
      'Streaming sends an answer in pieces as it is produced instead of all at once. For chat, the server keeps one HTTP response open and writes each new fragment as a server-sent event; the browser reads the body as a stream and shows text as it arrives, so the reader starts within a few hundred milliseconds.',
    sections: [
      { heading: 'On the wire', body: 'Server-sent events are plain text: each event is a `data:` line followed by a blank line. OpenAI-compatible APIs send one JSON chunk per event and end with `data: [DONE]`. Proxies must not buffer the response, or the stream arrives in one lump at the end.' },
      { heading: 'In the browser', body: '`fetch` exposes the body as a `ReadableStream`; a `TextDecoder` turns bytes into text, and a small parser splits events. Rendering every chunk directly makes text jump in bursts; releasing it once per animation frame keeps the flow even.' },
      { heading: 'Stopping and failures', body: 'An `AbortController` lets the reader stop an answer and really closes the request. A stream can also stall or drop mid-answer: an idle timeout catches the first, and keeping what arrived (marked interrupted) handles the second without losing anything.' },
    ],
    table: {
      caption: 'Transports compared',
      head: ['Transport', 'Direction', 'Reconnects', 'Best for'],
      rows: [
        ['Server-sent events', 'server → client', 'built in', 'token streams'],
        ['WebSocket', 'both ways', 'by hand', 'two-way chats'],
        ['`fetch` + `ReadableStream`', 'server → client', 'by hand', 'POST bodies'],
      ],
    },
  },
  {
    keys: ['web component', 'web components', 'custom element', 'custom elements', 'shadow dom'],
    name: 'Web components',
    summary:
      'Web components are the browser\'s own component model: custom elements define new tags with a class, shadow DOM keeps their markup and styles private, and they work in any framework or none.',
    sections: [
      { heading: 'Styling from outside', body: 'Shadow DOM blocks page CSS on purpose. Components open controlled doors: CSS custom properties inherit through the boundary, and `::part()` lets a page style the elements a component exports.' },
      { heading: 'Attributes and properties', body: 'Strings and flags go in attributes (`<stream-chat model="gpt-4o-mini">`); rich values such as functions, schemas and keys are set as properties from script.' },
    ],
  },
  {
    keys: ['accessibility', 'a11y', 'screen reader', 'screen readers', 'aria', 'keyboard'],
    name: 'Accessibility',
    summary:
      'An accessible interface works with a keyboard alone, tells screen readers what changed, and stays readable at any zoom and contrast setting. Native elements (`button`, `label`, `dialog`) give most of that for free.',
    sections: [
      { heading: 'Live regions', body: 'Content that updates on its own, such as a streaming answer, belongs in a polite live region that announces finished sentences rather than every token.' },
      { heading: 'Focus', body: 'Every control is reachable with Tab, has a visible focus ring, and focus returns somewhere sensible when a panel closes.' },
    ],
    list: ['Use real buttons and labels', 'Keep a visible focus ring', 'Announce updates politely', 'Respect reduced motion', 'Check contrast in both themes'],
  },
];

/** General approaches, for a question outside the topics above. */
export const GENERAL_STEPS = [
  'Say what a good outcome looks like before choosing how to get there',
  'Start from a small, concrete example and grow it',
  'Check a primary source rather than a summary of one',
  'Write down the trade-offs of the two most likely options',
  'Ask someone who has done it before what surprised them',
  'Try the simplest version first and measure the result',
];
