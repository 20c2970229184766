// Framework typings of <stream-chat>, generated from custom-elements.json after `tsc` wrote dist/types:
//   dist/types/element-props.d.ts  the element's settable properties, attributes and events, by name
//   dist/types/jsx.d.ts            React's JSX.IntrinsicElements (React 19 sets properties on custom elements)
//   dist/types/vue.d.ts            Vue's GlobalComponents (vue-tsc checks templates against it)
//   dist/types/svelte.d.ts         Svelte's svelte/elements (svelte-check)
//   dist/angular/index.{js,d.ts}   a standalone Angular directive whose inputs are typed, compiled by ngc
//                                  in partial mode (as Angular libraries ship) for the app's linker
// Names and descriptions come from the manifest; each type is the class's own (`StreamChat['tools']`),
// so the typings follow the element as it changes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TAG = 'stream-chat';
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.tagName === TAG);
if (!element) throw new Error(`custom-elements.json declares no <${TAG}>: run npm run manifest first`);

const isPublic = (member) => !member.privacy || member.privacy === 'public';
/** Properties a page may set: public, writable instance fields. */
const properties = element.members.filter(
  (member) => member.kind === 'field' && isPublic(member) && !member.static && !member.readonly,
);
/** Attributes that carry a property (`busy` is reflected only). */
const attributes = element.attributes.filter((attribute) => attribute.fieldName);
const events = [...new Set(element.events.map((event) => event.name).filter(Boolean))];
const eventDescriptions = new Map(element.events.filter((e) => e.name).map((e) => [e.name, e.description]));

const doc = (text, indent = '  ') => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/')} */\n` : '');
const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const pascal = (name) => camel(name).replace(/^[a-z]/, (letter) => letter.toUpperCase());
/** An attribute's value as markup writes it: text, a number, or present/absent. */
function attributeType(attribute) {
  const text = element.members.find((member) => member.name === attribute.fieldName)?.type?.text ?? '';
  if (/\bboolean\b/.test(text)) return 'boolean | \'\'';
  if (/\bnumber\b/.test(text)) return 'number | string';
  return 'string';
}
const banner = '// Generated from custom-elements.json by scripts/framework-types.mjs. Do not edit.\n';

function write(path, text) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

write(
  'dist/types/element-props.d.ts',
  `${banner}import type { StreamChat } from './index.js';
import type { StreamChatEventMap } from './ui/event-map.js';

/** What a page may set on <${TAG}> as properties (arrays, functions and schemas included). */
export interface StreamChatProperties {
${properties.map((p) => `${doc(p.description)}  ${p.name}?: StreamChat['${p.name}'];`).join('\n')}
}

/** The same options as attributes, as markup (and server-rendered HTML) writes them. */
export interface StreamChatAttributes {
${attributes.map((a) => `${doc(a.description)}  '${a.name}'?: ${attributeType(a)};`).join('\n')}
}

/** Handlers by event name, for frameworks whose \`on<event-name>\` prop listens to that DOM event (React 19, Svelte 5). */
export interface StreamChatEventHandlers {
${events.map((e) => `${doc(eventDescriptions.get(e))}  'on${e}'?: (event: StreamChatEventMap['${e}']) => void;`).join('\n')}
}

/** Handlers as Vue names them: \`@${events[0]}\` is \`on${pascal(events[0])}\`. */
export interface StreamChatVueEventHandlers {
${events.map((e) => `${doc(eventDescriptions.get(e))}  on${pascal(e)}?: (event: StreamChatEventMap['${e}']) => void;`).join('\n')}
}
`,
);

write(
  'dist/types/jsx.d.ts',
  `${banner}// React: \`import type {} from 'stream-chat-element/jsx'\` (or list it in tsconfig "types").
// React 19 sets each prop that the element has as a property, and \`on<event-name>\` listens to that event.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { StreamChat } from './index.js';
import type { StreamChatAttributes, StreamChatEventHandlers, StreamChatProperties } from './element-props.js';

export type StreamChatJSXProps = Omit<
  DetailedHTMLProps<HTMLAttributes<StreamChat>, StreamChat>,
  keyof StreamChatProperties | keyof StreamChatAttributes
> &
  StreamChatProperties &
  StreamChatAttributes &
  StreamChatEventHandlers & { class?: string };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      '${TAG}': StreamChatJSXProps;
    }
  }
}
`,
);

write(
  'dist/types/vue.d.ts',
  `${banner}// Vue: \`/// <reference types="stream-chat-element/vue" />\` in an env.d.ts, or list it in tsconfig "types".
// Bind properties by their camelCase names (\`:systemPrompt\`, \`:tools\`) so Vue sets them as properties.
import type { DefineComponent } from 'vue';
import type { StreamChatProperties, StreamChatVueEventHandlers } from './element-props.js';

export type StreamChatVueProps = StreamChatProperties & StreamChatVueEventHandlers;

declare module 'vue' {
  interface GlobalComponents {
    '${TAG}': DefineComponent<StreamChatVueProps>;
  }
}
`,
);

write(
  'dist/types/svelte.d.ts',
  `${banner}// Svelte 5: \`/// <reference types="stream-chat-element/svelte" />\` (e.g. in src/app.d.ts).
// Svelte sets a prop the element has as a property; \`on<event-name>\` listens to that event.
import type { HTMLAttributes } from 'svelte/elements';
import type { StreamChat } from './index.js';
import type { StreamChatAttributes, StreamChatEventHandlers, StreamChatProperties } from './element-props.js';

export type StreamChatSvelteProps = Omit<HTMLAttributes<StreamChat>, keyof StreamChatProperties | keyof StreamChatAttributes> &
  StreamChatProperties &
  StreamChatAttributes &
  StreamChatEventHandlers;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    '${TAG}': StreamChatSvelteProps;
  }
}
`,
);

// Angular: each property is a typed input (\`[tools]="tools"\` is checked under strictTemplates); events stay
// DOM events, typed through HTMLElementEventMap. Compiled by ngc in partial mode, as Angular libraries ship.
const angularDir = 'dist/angular';
rmSync(angularDir, { recursive: true, force: true });
write(
  join(angularDir, 'index.ts'),
  `${banner}import { Directive, ElementRef, Input, inject } from '@angular/core';
import type { StreamChat } from '../types/index.js';
import '../index.js';

/**
 * Import it in a standalone component (\`imports: [StreamChatDirective]\`): \`<${TAG}>\` is then known and
 * its bindings type-checked, with no CUSTOM_ELEMENTS_SCHEMA. \`<${TAG} #chat>\` is the element itself.
 */
@Directive({ selector: '${TAG}', standalone: true })
export class StreamChatDirective {
  /** The element, for its methods (\`send\`, \`stop\`, \`newConversation\`…). */
  readonly element: StreamChat = inject<ElementRef<StreamChat>>(ElementRef).nativeElement;
${properties
  .map((p) => `\n${doc(p.description)}  @Input() set ${p.name}(value: StreamChat['${p.name}']) {\n    this.element.${p.name} = value;\n  }`)
  .join('\n')}
}
`,
);
write(
  join(angularDir, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      declaration: true,
      skipLibCheck: true,
      experimentalDecorators: false,
      useDefineForClassFields: false,
      outDir: '.',
      rootDir: '.',
      types: [],
    },
    files: ['index.ts'],
    angularCompilerOptions: { compilationMode: 'partial', strictTemplates: true, strictInjectionParameters: true },
  }),
);
try {
  execFileSync(process.execPath, ['node_modules/@angular/compiler-cli/bundles/src/bin/ngc.js', '-p', join(angularDir, 'tsconfig.json')], {
    stdio: 'inherit',
  });
} finally {
  rmSync(join(angularDir, 'index.ts'));
  rmSync(join(angularDir, 'tsconfig.json'));
}
console.log(`framework typings: ${properties.length} properties, ${attributes.length} attributes, ${events.length} events`);
