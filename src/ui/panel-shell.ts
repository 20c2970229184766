/**
 * The element's first paint without Lit: the empty chat (header, empty transcript, message box), or a
 * closed popup's launcher, as static markup cloned from a prepared template, with its text filled in. Lit's first update of the
 * panel (preparing and stamping a dozen templates, the conversations list's own element) was the
 * largest part of the element's page-load cost; a visitor who never touches the chat no longer pays it.
 *
 * The markup is the one panel-view.ts, composer.ts and the conversations list render for an empty,
 * idle conversation (test/ui/panel-shell.test.ts holds the two side by side). It has no listeners:
 * the element replaces it with Lit's rendering on intent (pointer over, focus in, touch, a click), on
 * the first state it cannot show (a message, a stored conversation, a notice), and before
 * `updateComplete` resolves for code that waits for it.
 */
import type { Strings } from './strings.js';

/** What the shell shows: the texts of an empty conversation. */
export interface ShellView {
  /** The element's strings (the labels of its controls). */
  strings: Strings;
  /** A closed popup that was never opened: its launcher only. */
  popup: boolean;
  heading: string;
  placeholder: string;
  welcome: string;
  /** The conversations list's toggle text ("Conversations (0)"), or undefined without stored history. */
  conversations: string | undefined;
}

const ICON = `viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"`;

const PANEL = `<section id="panel" class="panel" part="panel" role="region"><header class="header" part="header"><h2 class="heading" part="heading"></h2><div class="conversations-shell" part="conversations"><button type="button"></button></div><button type="button" class="icon-button" part="new-button"><svg ${ICON} class="icon "><path d="M12 5v14"/><path d="M5 12h14"/></svg></button></header><div class="transcript" part="transcript" role="log" aria-live="off" tabindex="0" aria-busy="false"><div class="content"><div class="empty" part="empty"><p class="welcome" part="welcome"></p></div></div></div><form class="composer" part="composer"><textarea class="input" part="input" rows="1" enterkeyhint="send"></textarea><button type="submit" class="icon-button round primary" part="send-button" disabled><svg ${ICON} class="icon flip"><path d="M5 12h13"/><path d="M13 6l6 6-6 6"/></svg></button></form><div class="visually-hidden" aria-live="polite" aria-atomic="true"></div></section>`;

/** A closed popup that was never opened: the launcher, and the panel's empty, hidden frame. */
const POPUP = `<button type="button" class="launcher" part="launcher" aria-controls="panel" aria-expanded="false"><svg ${ICON} class="icon "><path d="M4 5h16v11H9l-5 4z"/></svg></button><section id="panel" class="panel" part="panel" role="dialog" hidden></section>`;

const SVG = 'http://www.w3.org/2000/svg';
const prepared = new Map<string, DocumentFragment>();

/**
 * The markup above as DOM, made once with createElement: an `innerHTML` would be a Trusted Types sink,
 * refused on pages that require them (Lit's own templates go through its `lit-html` policy). Only this
 * file's markup is read: tags and quoted attributes, no text (filled in after).
 */
function clone(markup: string): DocumentFragment {
  let fragment = prepared.get(markup);
  if (!fragment) {
    fragment = document.createDocumentFragment();
    let parent: ParentNode = fragment;
    for (const [, close, tag, attributes, empty] of markup.matchAll(/<(\/?)([\w-]+)([^>]*?)(\/?)>/g)) {
      if (close) {
        parent = (parent as Element).parentNode!;
      } else {
        const inSvg = tag === 'svg' || (parent as Element).namespaceURI === SVG;
        const element = inSvg ? document.createElementNS(SVG, tag) : document.createElement(tag);
        for (const [, name, value = ''] of attributes.matchAll(/([\w-]+)(?:="([^"]*)")?/g)) element.setAttribute(name, value);
        parent.append(element);
        if (!empty) parent = element;
      }
    }
    prepared.set(markup, fragment);
  }
  return fragment.cloneNode(true) as DocumentFragment;
}

/** Everything the shell shows of `view`: it is drawn again only when this changes. */
export function shellKey({ strings, ...view }: ShellView): string {
  return JSON.stringify([view, strings.newConversation, strings.transcriptLabel, strings.inputLabel, strings.send, strings.openChat]);
}

/** A new copy of the shell for `view`, to put in the shadow root. */
export function createShell(view: ShellView): DocumentFragment {
  const { strings } = view;
  if (view.popup) {
    const popup = clone(POPUP);
    popup.querySelector('.launcher')!.setAttribute('aria-label', strings.openChat);
    popup.querySelector('.panel')!.setAttribute('aria-label', view.heading);
    return popup;
  }
  const shell = clone(PANEL);
  const find = (selector: string) => shell.querySelector(selector)!;
  const label = (selector: string, text: string, title = false) => {
    const element = find(selector);
    element.setAttribute('aria-label', text);
    if (title) element.setAttribute('title', text);
  };
  label('.panel', view.heading);
  find('.heading').textContent = view.heading;
  const conversations = find('.conversations-shell');
  if (view.conversations === undefined) conversations.remove();
  else conversations.querySelector('button')!.textContent = view.conversations;
  label('[part="new-button"]', strings.newConversation, true);
  label('.transcript', strings.transcriptLabel);
  if (view.welcome) find('.welcome').textContent = view.welcome;
  else find('.empty').remove();
  label('textarea', strings.inputLabel);
  find('textarea').setAttribute('placeholder', view.placeholder);
  label('[part="send-button"]', strings.send, true);
  return shell;
}

/** The `part` of the shell's element that stands for `node` in Lit's rendering (to move focus or a click there). */
export function shellPartOf(shell: readonly Node[], node: EventTarget | null): string | undefined {
  if (!(node instanceof Element) || !shell.some((top) => top.contains(node))) return undefined;
  return node.closest('[part]')?.getAttribute('part')?.split(' ')[0];
}
