/** The demo page: the settings panel, then one <section> per file in demo/sections/. */
import '../src/index.js';
import type { DemoSection, DemoSettings } from './section.js';
import { bindSettingsForm, loadSettings } from './settings.js';

const modules = import.meta.glob<{ default: DemoSection }>('./sections/*.ts', { eager: true });
const sections = Object.values(modules)
  .map((module) => module.default)
  .filter(Boolean)
  .sort((a, b) => a.order - b.order);

const host = document.getElementById('sections')!;
const toc = document.getElementById('toc')!;
const containers = new Map<DemoSection, HTMLElement>();

for (const section of sections) {
  const element = document.createElement('section');
  element.id = section.id;
  element.className = 'demo-section';
  element.setAttribute('aria-labelledby', `${section.id}-title`);
  const title = document.createElement('h2');
  title.id = `${section.id}-title`;
  title.textContent = section.title;
  const description = document.createElement('p');
  description.innerHTML = section.description; // authored in this repository, never user input
  const body = document.createElement('div');
  body.className = 'demo-body';
  element.append(title, description, body);
  host.append(element);
  containers.set(section, body);

  const link = document.createElement('a');
  link.href = `#${section.id}`;
  link.textContent = section.title;
  toc.append(link);
}

function mountAll(settings: DemoSettings) {
  for (const [section, body] of containers) {
    body.replaceChildren();
    try {
      section.mount(body, settings);
    } catch (error) {
      body.textContent = `This section failed to start: ${(error as Error).message}`;
    }
  }
}

const settings = loadSettings();
bindSettingsForm(document.getElementById('settings-form') as HTMLFormElement, settings, mountAll);
mountAll(settings);
