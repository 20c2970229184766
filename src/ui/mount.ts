/**
 * `mount(fn)`: an element directive that hands the element to `fn` each time the template renders.
 * Content filled that way (streaming markdown, object views, a host's render result) lives in a
 * container Lit renders once and never diffs, so a token never costs a template update.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class MountDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('mount() goes on an element');
  }

  render(_fn: (element: HTMLElement) => void) {
    return nothing;
  }

  override update(part: ElementPart, [fn]: [(element: HTMLElement) => void]) {
    fn(part.element as HTMLElement);
    return nothing;
  }
}

export const mount = directive(MountDirective);
