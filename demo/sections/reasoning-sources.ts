/**
 * Reasoning and sources: the model's thinking streams in a block above the answer and folds once the
 * answer starts; what it cites shows as numbered pills under it. On the dev model, each API that carries
 * them can be picked: the same prompt, said the way each one says it.
 */
import { demoChat, type DemoSection } from '../section.js';

const PROMPTS = [
  'Think it through and cite your sources: how does HTTP caching work?',
  'Reason step by step: why do sourdough loaves rise?',
  'What are server-sent events? Cite sources.',
];

const APIS = [
  { id: 'openai', label: 'Chat Completions' },
  { id: 'openai-responses', label: 'Responses' },
  { id: 'ag-ui', label: 'AG-UI' },
  { id: 'ai-sdk', label: 'AI SDK' },
] as const;

const section: DemoSection = {
  id: 'reasoning-sources',
  title: 'Reasoning and sources',
  order: 22,
  description:
    'A model that shows its reasoning (DeepSeek, vLLM, OpenRouter, Ollama, OpenAI’s reasoning summaries, an agent) gets a block above the answer: open while it thinks, folded to “Thought for 2 s” once the answer starts, and kept with the answer, never sent back to the model. Citations become numbered links under it. On the local dev model, a prompt with “think” or “reason” streams reasoning, one with “sources” or “cite” adds citations.',
  mount(container, settings) {
    const stage = document.createElement('div');
    const show = (provider?: string) => {
      const chat = demoChat(settings, 'Reasoning and sources');
      if (provider) {
        chat.provider = provider as never;
        if (provider === 'ag-ui' || provider === 'ai-sdk') chat.endpoint = `/${provider}`;
      }
      chat.starterPrompts = PROMPTS;
      chat.style.height = '520px';
      stage.replaceChildren(chat);
      for (const button of container.querySelectorAll<HTMLButtonElement>('button[data-api]')) {
        button.setAttribute('aria-pressed', String(button.dataset.api === provider));
      }
    };
    if (settings.usingDevModel) {
      const picker = document.createElement('div');
      picker.setAttribute('role', 'group');
      picker.setAttribute('aria-label', 'API');
      picker.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.4rem;margin-block-end:0.75rem';
      for (const api of APIS) {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.api = api.id;
        button.textContent = api.label;
        button.addEventListener('click', () => show(api.id));
        picker.append(button);
      }
      container.append(picker);
    }
    container.append(stage);
    show(settings.usingDevModel ? 'openai' : undefined);
  },
};

export default section;
