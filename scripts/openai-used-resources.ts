/**
 * A build plugin for the drop-in (`vite build --mode dropin` and `--mode bundle`): the OpenAI SDK's
 * client with only the API resources the providers call, `chat.completions` and `responses`.
 *
 * The SDK's `OpenAI` class constructs all of its ~25 resources (files, vector stores, fine-tuning,
 * assistants, admin, realtime...) in its constructor, so a bundler keeps every one of them, and their
 * helpers, whatever the caller uses: about two thirds of the SDK's part. The client is private to
 * `src/core/providers/openai-client.ts`, which reaches `chat.completions.create` and `responses`
 * (`create`, and `retrieve` / `cancel` for background responses) only; the request pipeline (headers, auth, fetch, timeouts, the SDK's errors) is
 * the SDK's own and unchanged. Every other resource property of the client is left undefined.
 *
 * The bundler build (`dist/index.js`) leaves `openai` an import, so a host that uses the SDK itself
 * shares the full package. The plugin checks the shape of the SDK's client file and fails the build
 * if it changed, rather than produce a client that lacks a resource the providers call.
 */
import type { Plugin } from 'vite';

/** The resource classes the providers reach (client.chat, client.responses). */
const USED = new Set(['Chat', 'Responses']);

const CLIENT_FILE = /[\\/]node_modules[\\/]openai[\\/]client\.mjs$/;
const RESOURCE_FILE = /[\\/]node_modules[\\/]openai[\\/]resources[\\/].*\.mjs$/;

export function openaiUsedResources(): Plugin {
  return {
    name: 'stream-chat-openai-used-resources',
    enforce: 'pre',
    transform(code, id) {
      // A resource module defines its class and attaches its sub-resources to it
      // (`Beta.Assistants = Assistants`), which a bundler takes for a side effect and keeps.
      if (RESOURCE_FILE.test(id)) return { code, map: null, moduleSideEffects: false };
      if (!CLIENT_FILE.test(id)) return null;
      const fail = (what: string) =>
        this.error(`openai-used-resources: the SDK's client.mjs changed shape (${what}); update scripts/openai-used-resources.ts`);

      // `this.files = new API.Files(this);` in the constructor: kept for the used resources only.
      const constructed = new Set<string>();
      let out = code.replace(/new API\.(\w+)\(this\)/g, (call, name: string) => {
        constructed.add(name);
        return USED.has(name) ? call : blank('undefined', call);
      });
      for (const name of USED) if (!constructed.has(name)) fail(`no "new API.${name}(this)"`);
      if (constructed.size < 10) fail(`only ${constructed.size} resources constructed`);

      // `import { Files, } from "./resources/files.mjs";` ... `OpenAI.Files = Files;`: the static
      // references to each resource class, which would keep them too.
      const resourceClasses = new Map<string, string>(); // local name -> class name
      for (const [, names] of code.matchAll(/^import \{([^}]*)\} from "\.\/resources\/[^"]+";$/gm)) {
        for (const spec of names.split(',').map((s) => s.trim()).filter(Boolean)) {
          const [imported, local = imported] = spec.split(/\s+as\s+/);
          resourceClasses.set(local, imported);
        }
      }
      let statics = 0;
      out = out.replace(/^OpenAI\.(\w+) = (\w+);$/gm, (line, _prop, local: string) => {
        const imported = resourceClasses.get(local);
        if (imported === undefined) return line;
        statics++;
        return USED.has(imported) ? line : blank('', line);
      });
      if (statics !== resourceClasses.size) fail(`${resourceClasses.size} resource imports but ${statics} static references`);
      // Every edit keeps lines and columns (blank() pads), so the SDK's source map stays true: `map: null`.
      return { code: out, map: null };
    },
  };
}

/** `replacement` padded with spaces to the length of `original`. */
function blank(replacement: string, original: string): string {
  return replacement.padEnd(original.length, ' ');
}
