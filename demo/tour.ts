/**
 * The tour navigation, derived from the registered sections: one link per chapter (consecutive sections
 * of a chapter share it) or per section without one. The link of the stop in view is marked current.
 */
import type { DemoSection } from './section.js';

interface Stop {
  label: string;
  /** Anchor of the stop's first section. */
  id: string;
  ids: string[];
}

export function tourStops(sections: readonly DemoSection[]): Stop[] {
  const stops: Stop[] = [];
  for (const section of sections) {
    const id = section.placement === 'hero' ? 'top' : section.id;
    const label = section.chapter ?? section.title;
    const last = stops.at(-1);
    if (last && section.chapter && last.label === section.chapter) last.ids.push(id);
    else stops.push({ label, id, ids: [id] });
  }
  return stops;
}

export function buildTour(nav: HTMLElement, sections: readonly DemoSection[]): void {
  const list = document.createElement('ol');
  const links = new Map<string, HTMLAnchorElement>();
  for (const stop of tourStops(sections)) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${stop.id}`;
    link.textContent = stop.label;
    item.append(link);
    list.append(item);
    for (const id of stop.ids) links.set(id, link);
  }
  nav.replaceChildren(list);

  // The stop whose section crosses the upper third of the screen is the one being read.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const link = links.get(entry.target.id);
        if (!link) continue;
        for (const other of links.values()) other.removeAttribute('aria-current');
        link.setAttribute('aria-current', 'true');
        // Keep the current stop in sight in a navigation that scrolls sideways (phones); never the page.
        nav.scrollTo({ left: link.offsetLeft - (nav.clientWidth - link.offsetWidth) / 2, behavior: 'smooth' });
      }
    },
    { rootMargin: '-30% 0px -65% 0px' },
  );
  for (const id of links.keys()) {
    const target = document.getElementById(id);
    if (target) observer.observe(target);
  }
}
