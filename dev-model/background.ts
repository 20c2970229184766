/**
 * Background responses (`POST /v1/responses` with `background: true`): the answer is written by a job
 * that goes on after the client goes away, as OpenAI's background mode does. Its events are kept, so
 *   GET  /v1/responses/{id}?stream=true&starting_after=N   replays from N+1, then follows live
 *   GET  /v1/responses/{id}                                its state (the text so far while it runs)
 *   POST /v1/responses/{id}/cancel                         stops it; its state becomes `cancelled`
 * An id the server does not know (never made, or forgotten: only the last MAX_JOBS are kept) is a 404.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { openAiError, preflight, sendJson } from './http.js';
import type { Scenario } from './options.js';
import type { Plan, TurnRequest } from './plan.js';
import { streamResponse } from './responses.js';
import { openSse, type SseWriter } from './sse.js';

/** Finished jobs beyond this many are forgotten, oldest first (a resume then gets a 404). */
const MAX_JOBS = 200;
const ROUTE = /^\/v1\/responses\/([^/]+)(\/cancel)?\/?$/;

type Status = 'queued' | 'in_progress' | 'completed' | 'incomplete' | 'failed' | 'cancelled';

interface Job {
  id: string;
  status: Status;
  /** Every event written, in order, each with its `sequence_number`. */
  events: { name: string; payload: any }[];
  /** The latest response object an event carried. */
  response: any;
  /** The text written so far (what a `GET` of a running or cancelled response shows). */
  text: string;
  done: boolean;
  /** Streams following the job live. */
  readers: Set<SseWriter>;
  controller: AbortController;
}

export function createBackgroundJobs() {
  const jobs = new Map<string, Job>();

  function forgetOld(): void {
    for (const [id, job] of jobs) {
      if (jobs.size <= MAX_JOBS) break;
      if (job.done) jobs.delete(id);
    }
  }

  /** The job's own writer: keeps each event and hands it to every live reader. */
  function recorder(job: Job): SseWriter {
    const finish = () => {
      job.done = true;
      for (const reader of job.readers) reader.end();
      job.readers.clear();
    };
    return {
      data(payload) {
        job.events.push({ name: '', payload });
        for (const reader of job.readers) reader.data(payload);
      },
      event(name, payload: any) {
        if (job.status === 'cancelled') return;
        if (payload?.response) {
          job.response = payload.response;
          job.status = payload.response.status;
        }
        if (name === 'response.output_text.delta') job.text += payload.delta ?? '';
        job.events.push({ name, payload });
        for (const reader of job.readers) reader.event(name, payload);
      },
      end: finish,
      cut() {
        // The generation broke off (the `cut` scenario): the response failed on the server.
        job.status = 'failed';
        for (const reader of job.readers) reader.cut();
        job.readers.clear();
        job.done = true;
      },
      get closed() {
        return false;
      },
    };
  }

  /** Streams the job's events after `after` to `res`, then follows it live until it ends or the client leaves. */
  function follow(res: ServerResponse, job: Job, after: number): void {
    const sse = openSse(res);
    for (const { name, payload } of job.events) {
      if (typeof payload === 'object' && payload.sequence_number <= after) continue;
      if (name) sse.event(name, payload);
      else sse.data(payload);
    }
    if (job.done) return sse.end();
    job.readers.add(sse);
    res.on('close', () => job.readers.delete(sse));
  }

  /** The response object as `GET /v1/responses/{id}` shows it now. */
  function snapshot(job: Job): any {
    const response = { ...job.response, status: job.status };
    if (job.status === 'completed' || job.status === 'incomplete') return response;
    const output = job.text
      ? [{ id: `msg_${job.id.slice(5)}`, type: 'message', status: 'incomplete', role: 'assistant', content: [{ type: 'output_text', annotations: [], text: job.text }] }]
      : [];
    return { ...response, output, usage: null };
  }

  return {
    /** `POST /v1/responses` with `background: true`: starts the job; streams it when `stream` is set. */
    start(res: ServerResponse, request: TurnRequest, plan: Plan, scenario: Scenario, body: any): void {
      const id = `resp_${randomUUID().replace(/-/g, '')}`;
      const job: Job = { id, status: 'queued', events: [], response: { id, object: 'response', status: 'queued', background: true, output: [] }, text: '', done: false, readers: new Set(), controller: new AbortController() };
      jobs.set(id, job);
      forgetOld();
      // The job does not listen to the request: a client that goes away leaves it running.
      void streamResponse(res, request, plan, scenario, { ...body, store: true }, job.controller.signal, { id, sse: recorder(job) })
        .catch(() => (job.status = 'failed'))
        .finally(() => {
          if (!job.done) recorder(job).end();
        });
      if (body.stream) follow(res, job, -1);
      else sendJson(res, 200, snapshot(job));
    },

    /** The routes under `/v1/responses/{id}`; false for any other path. */
    handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
      const match = ROUTE.exec(url.pathname);
      if (!match) return false;
      if (req.method === 'OPTIONS') return preflight(req, res), true;
      const job = jobs.get(decodeURIComponent(match[1]));
      const cancel = Boolean(match[2]);
      if (req.method !== (cancel ? 'POST' : 'GET')) {
        sendJson(res, 405, openAiError(`Method ${req.method} not allowed here.`, 'invalid_request_error'));
        return true;
      }
      if (!job) {
        sendJson(res, 404, openAiError(`Response with id '${match[1]}' not found.`, 'invalid_request_error', null, 'response_id'));
        return true;
      }
      if (cancel) {
        if (!job.done) {
          job.status = 'cancelled';
          job.controller.abort();
          recorder(job).end();
        }
        sendJson(res, 200, snapshot(job));
      } else if (url.searchParams.get('stream') === 'true') {
        follow(res, job, Number(url.searchParams.get('starting_after') ?? -1));
      } else sendJson(res, 200, snapshot(job));
      return true;
    },
  };
}
