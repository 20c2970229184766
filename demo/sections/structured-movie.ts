/**
 * Structured output with the default view: a zod schema on the element, the answer shown as labelled
 * fields that fill in while the JSON streams, validated as it arrives.
 */
import * as z from 'zod';
import { demoChat, type DemoSection } from '../section.js';

export const MovieRecommendation = z.object({
  title: z.string().describe('The film recommended'),
  year: z.number().int().describe('Year of release'),
  genre: z.enum(['drama', 'comedy', 'thriller', 'science fiction', 'animation', 'documentary', 'romance', 'horror']),
  director: z.string(),
  runtimeMinutes: z.number().int(),
  cast: z.array(z.object({ name: z.string(), role: z.string() })).describe('Main actors and the parts they play'),
  whyYouWillLikeIt: z.string().describe('Two or three sentences tied to what the viewer asked for'),
  similar: z.array(z.string()).describe('Other films in the same vein'),
});

/** The dev model answers instantly by default; a steady rate lets a visitor watch the fields fill in. */
export function structuredModel(model: string, usingDevModel: boolean, extra = ''): string {
  return usingDevModel ? `${model.split(';')[0]};rate=160;chunk=4${extra}` : model;
}

const section: DemoSection = {
  id: 'structured-movie',
  title: 'Structured output: a movie recommendation',
  order: 30,
  chapter: 'Structured output',
  description:
    'The element has a zod <code>schema</code>: the model answers in JSON, and the answer appears as labelled ' +
    'fields while it streams. Fields not written yet wait as “…”, the cast fills in as cards, and every part is ' +
    'checked against the schema as soon as it is whole.',
  mount(container, settings) {
    const chat = demoChat(settings, 'Movie night');
    chat.model = structuredModel(settings.model, settings.usingDevModel);
    chat.schema = MovieRecommendation;
    chat.systemPrompt = 'You recommend one film that fits what the viewer asks for.';
    chat.starterPrompts = ['Recommend a movie for a rainy evening', 'A feel-good comedy from the nineties, please'];
    chat.style.height = '560px';
    container.append(chat);
  },
};

export default section;
