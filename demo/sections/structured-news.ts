/**
 * Structured output: a news summary with key points, and what a broken answer looks like (the dev model's
 * `invalid-json` scenario): the problems are listed under the value, the raw answer is kept.
 */
import * as z from 'zod';
import { demoChat, type DemoSection } from '../section.js';
import { structuredModel } from './structured-movie.js';

export const NewsSummary = z.object({
  headline: z.string(),
  summary: z.string().describe('Three or four sentences'),
  keyPoints: z.array(z.object({ point: z.string(), importance: z.enum(['high', 'medium', 'low']) })),
  sentiment: z.enum(['positive', 'neutral', 'negative']),
  sources: z.array(z.object({ name: z.string(), url: z.url() })),
});

const section: DemoSection = {
  id: 'structured-news',
  title: 'Structured output: a news summary with key points',
  order: 32,
  chapter: 'Structured output',
  description:
    'A summary, its key points as cards and the sources (a <code>z.url()</code> field shows as a link), streamed and checked against the schema. With the ' +
    'local dev model, “Send a broken answer” makes the first answer break the schema: its problems are listed, ' +
    'and the engine asks the model once more for a valid one.',
  mount(container, settings) {
    const chat = demoChat(settings, 'News digest');
    const model = structuredModel(settings.model, settings.usingDevModel);
    chat.model = model;
    chat.schema = NewsSummary;
    chat.systemPrompt = 'You summarise the news the reader asks about, with key points and sources.';
    chat.starterPrompts = ['Summarise this week in renewable energy', 'What happened in space exploration lately?'];
    chat.style.height = '560px';
    container.append(chat);

    if (settings.usingDevModel) {
      const broken = document.createElement('button');
      broken.type = 'button';
      broken.textContent = 'Send a broken answer';
      broken.style.cssText = 'margin-top: 0.5em; width: auto;';
      broken.addEventListener('click', async () => {
        broken.disabled = true;
        // Only the first request with this key is broken; the automatic re-ask then succeeds.
        chat.model = structuredModel(settings.model, true, `;scenario=invalid-json;invalid=schema;failures=1;key=${Date.now()}`);
        try {
          await chat.send('Summarise the latest news about electric cars');
        } finally {
          chat.model = model;
          broken.disabled = false;
        }
      });
      container.append(broken);
    }
  },
};

export default section;
