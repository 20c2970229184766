/** Serves the dev model inside @web/test-runner's server: a Koa middleware and an upgrade listener. */
import type { Server } from 'node:http';
import { createDevModel } from './index.js';

const model = createDevModel();

/** Koa middleware for the runner's `middleware` option: runs before its static file serving. */
export function devModelMiddleware() {
  return async (ctx: any, next: () => Promise<void>) => {
    // The dev model writes to the raw response itself (it streams); Koa must not touch it.
    ctx.respond = false;
    const handled = await model.handle(ctx.req, ctx.res);
    if (!handled) {
      ctx.respond = true;
      await next();
    }
  };
}

/** Plugin for the WebSocket backend: takes upgrades on the dev model's own path. */
export function devModelPlugin() {
  return {
    name: 'stream-chat-dev-model',
    serverStart({ server }: { server?: Server }) {
      server?.prependListener('upgrade', (req, socket, head) => {
        model.handleUpgrade(req, socket, head);
      });
    },
  };
}
