/**
 * The demo's settings panel. Connection settings (not the key) are remembered in localStorage so a
 * reload keeps the visitor's choice. The key lives in this tab's memory, or, when the visitor ticks
 * "remember my key", in the element's key store: its own database, apart from the chat history.
 */
import { createKeyStore } from '../src/index.js';
import type { DemoSettings } from './section.js';

const keyStore = createKeyStore('demo');

const STORAGE_KEY = 'stream-chat-demo-settings';
const devBaseURL = () => new URL('/v1', location.origin).href;

export function devModelSettings(): DemoSettings {
  return {
    provider: 'openai',
    baseURL: devBaseURL(),
    endpoint: new URL('/sse/chat', location.origin).href,
    model: 'dev',
    apiKey: '',
    usingDevModel: true,
  };
}

const PRESETS: Record<string, () => Partial<DemoSettings>> = {
  dev: devModelSettings,
  openai: () => ({ provider: 'openai', baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini', usingDevModel: false }),
  custom: () => ({ provider: 'openai', baseURL: 'http://localhost:11434/v1', model: 'llama3.2', usingDevModel: false }),
};

export function loadSettings(): DemoSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (saved && typeof saved === 'object') return { ...devModelSettings(), ...saved, apiKey: '' };
  } catch {
    // A corrupt or blocked localStorage just means the defaults.
  }
  return devModelSettings();
}

function saveSettings(settings: DemoSettings): void {
  const { apiKey: _secret, ...rest } = settings;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(rest));
  } catch {
    // Storage may be unavailable (private mode); the settings still apply to this page.
  }
}

/** Fills the form, and calls `onApply` with the new settings when the visitor applies them. */
export function bindSettingsForm(form: HTMLFormElement, initial: DemoSettings, onApply: (s: DemoSettings) => void) {
  // `preset` is a group of radio buttons: its RadioNodeList reads and sets the checked value.
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | RadioNodeList;
  const fill = (s: DemoSettings) => {
    field('preset').value = s.usingDevModel ? 'dev' : s.baseURL.startsWith('https://api.openai.com') ? 'openai' : 'custom';
    for (const name of ['provider', 'baseURL', 'endpoint', 'model', 'apiKey'] as const) field(name).value = s[name];
  };
  fill(initial);
  const remember = form.elements.namedItem('rememberKey') as HTMLInputElement;
  // Off by default; a key remembered on an earlier visit is filled in and applied.
  void keyStore.get().then((saved) => {
    if (!saved || field('apiKey').value) return;
    field('apiKey').value = saved;
    remember.checked = true;
    form.requestSubmit();
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).name !== 'preset') return;
    const preset = PRESETS[field('preset').value]?.() ?? {};
    fill({ ...initial, ...preset, apiKey: field('apiKey').value } as DemoSettings);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const settings: DemoSettings = {
      provider: field('provider').value,
      baseURL: field('baseURL').value.trim(),
      endpoint: field('endpoint').value.trim(),
      model: field('model').value.trim(),
      apiKey: field('apiKey').value.trim(),
      usingDevModel: field('preset').value === 'dev',
    };
    saveSettings(settings);
    void (remember.checked && settings.apiKey ? keyStore.set(settings.apiKey) : keyStore.clear());
    onApply(settings);
    (form.elements.namedItem('status') as HTMLOutputElement).value = settings.usingDevModel
      ? 'Using the local development model.'
      : `Using ${settings.model} at ${settings.baseURL || settings.endpoint}.`;
  });
}
