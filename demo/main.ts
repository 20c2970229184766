/**
 * The demo page: the hero chat first, then one <section> per file in demo/sections/, a tour navigation
 * built from those sections, and the settings in a drawer.
 */
import '../src/index.js';
import type { DemoSection, DemoSettings } from './section.js';
import { bindSettingsForm, loadSettings } from './settings.js';
import { buildTour } from './tour.js';

const modules = import.meta.glob<{ default: DemoSection }>('./sections/*.ts', { eager: true });
const sections = Object.values(modules)
  .map((module) => module.default)
  .filter(Boolean)
  .sort((a, b) => a.order - b.order);

const host = document.getElementById('sections')!;
const heroSlot = document.getElementById('hero-chat')!;
const containers = new Map<DemoSection, HTMLElement>();

for (const section of sections) {
  if (section.placement === 'hero') {
    const body = document.createElement('div');
    body.className = 'hero-body';
    const note = document.createElement('p');
    note.className = 'hero-note';
    note.innerHTML = section.description; // authored in this repository, never user input
    heroSlot.append(body, note);
    containers.set(section, body);
    continue;
  }
  const element = document.createElement('section');
  element.id = section.id;
  element.className = 'demo-section';
  element.setAttribute('aria-labelledby', `${section.id}-title`);
  const header = document.createElement('div');
  header.className = 'section-head';
  if (section.chapter) {
    const chapter = document.createElement('p');
    chapter.className = 'eyebrow';
    chapter.textContent = section.chapter;
    header.append(chapter);
  }
  const title = document.createElement('h2');
  title.id = `${section.id}-title`;
  title.textContent = section.title;
  const description = document.createElement('p');
  description.className = 'section-description';
  description.innerHTML = section.description; // authored in this repository, never user input
  header.append(title, description);
  const body = document.createElement('div');
  body.className = 'demo-body';
  element.append(header, body);
  host.append(element);
  containers.set(section, body);
}

buildTour(document.getElementById('toc')!, sections);

function mountAll(settings: DemoSettings) {
  for (const [section, body] of containers) {
    body.replaceChildren();
    try {
      section.mount(body, settings);
    } catch (error) {
      body.textContent = `This section failed to start: ${(error as Error).message}`;
    }
  }
  document.getElementById('backend-name')!.textContent = settings.usingDevModel ? 'dev model' : settings.model || 'custom';
}

const drawer = document.getElementById('settings') as HTMLDialogElement;
const opener = document.getElementById('open-settings')!;
for (const button of [opener, ...document.querySelectorAll('[data-open-settings]')]) {
  button.addEventListener('click', () => drawer.showModal());
}
document.getElementById('close-settings')!.addEventListener('click', () => drawer.close());
// A click on the backdrop (the dialog itself, outside the form) closes it, as a drawer should.
drawer.addEventListener('click', (event) => {
  if (event.target === drawer) drawer.close();
});

const settings = loadSettings();
bindSettingsForm(document.getElementById('settings-form') as HTMLFormElement, settings, (next) => {
  mountAll(next);
  drawer.close();
});
mountAll(settings);

// The first keypress goes to the hero chat: on a desktop with no section asked for in the URL.
// (Not on touch screens, where focusing would pop the keyboard over the page.)
if (!location.hash && matchMedia('(pointer: fine)').matches) {
  const hero = heroSlot.querySelector('stream-chat') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
  void hero?.updateComplete.then(() => hero.shadowRoot?.querySelector<HTMLElement>('[part~="input"]')?.focus({ preventScroll: true }));
}
