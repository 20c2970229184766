/**
 * Structured output inside a turn: how the request asks for JSON, and the `object` events while
 * the JSON streams (the partial validator does the reading). Snapshots are throttled to one per
 * frame-ish interval, except when an array item closes (hosts act on each finished item); the
 * final, authoritative one always comes. A value so large that copying it for an event takes a while
 * gets events further apart (see COPY_SHARE).
 */
import { cloneJson } from './args-parser.js';
import type { ChatEvent, ObjectEvent } from './events.js';
import type { JsonSchemaModule } from './json-schema-part.js';
import type { ChatMessage } from './messages.js';
import type { ProviderName, Schema } from './options.js';
import { createObjectAccumulator, type ObjectAccumulator, type ObjectResult } from './partial-validate.js';
import type { OutputFormat } from './providers/provider.js';
import { now } from './now.js';

/** About one animation frame: more object events than frames cannot be seen. */
export const OBJECT_EVENT_INTERVAL_MS = 16;
/** Time between two events, as a multiple of what copying the value took: copies cost at most ~1/5. */
const COPY_SHARE = 4;

export interface OutputPlan {
  /** What the provider sends (undefined for backends without a format parameter). */
  format?: OutputFormat;
  /** Text for the system prompt: the schema, when the server cannot take it as a parameter. */
  instructions?: string;
}

/** How this provider and mode ask for the schema's JSON. */
export function planOutput(
  schema: Schema,
  provider: ProviderName,
  { responseFormatFor, responsesTextFormatFor, schemaInstructions }: JsonSchemaModule,
  mode: 'json_schema' | 'json_object' = 'json_schema',
): OutputPlan {
  // Plain backends get the schema in the prompt, and as `response_format` in case they honour it.
  const plain = provider === 'sse' || provider === 'websocket';
  if (mode === 'json_object' || plain) {
    return {
      format: {
        responseFormat: plain ? (responseFormatFor(schema, 'json_schema') as unknown as Record<string, unknown>) : { type: 'json_object' },
        responsesText: { format: { type: 'json_object' } },
      },
      instructions: schemaInstructions(schema),
    };
  }
  return {
    format: {
      responseFormat: responseFormatFor(schema, 'json_schema') as unknown as Record<string, unknown>,
      responsesText: responsesTextFormatFor(schema) as unknown as Record<string, unknown>,
    },
  };
}

/** The follow-up that shows the model what was wrong with its JSON, for one more try. */
export function correctionMessages(raw: string, result: Extract<ObjectResult, { ok: false }>): ChatMessage[] {
  const problems = result.issues.map((i) => `- ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('\n');
  return [
    { role: 'assistant', content: raw },
    {
      role: 'user',
      content: `${result.message}\n${problems}\nAnswer again with only the corrected JSON, matching the schema exactly.`,
    },
  ];
}

export class ObjectStream {
  private readonly acc: ObjectAccumulator;
  private lastEmit = Number.NEGATIVE_INFINITY;
  private completed: string[] = [];
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the last event's copy took (ms), and so the least time until the next one. */
  private copyCost = 0;
  private interval = OBJECT_EVENT_INTERVAL_MS;

  constructor(
    schema: Schema,
    private readonly emit: (event: ChatEvent) => void,
  ) {
    this.acc = createObjectAccumulator(schema);
  }

  get raw(): string {
    return this.acc.raw;
  }

  /** Feeds a text delta; emits an `object` event now, or within the interval. */
  push = (delta: string): void => {
    const snap = this.acc.push(delta);
    if (!snap) return;
    this.completed.push(...snap.completed);
    this.dirty = true;
    // The whole value closing is reported by finish(), after the authoritative check.
    if (snap.complete) return;
    const since = now() - this.lastEmit;
    if ((snap.newItems && since >= this.copyCost * COPY_SHARE) || since >= this.interval) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), Math.max(0, this.interval - since));
  };

  private flush(): void {
    this.clearTimer();
    if (!this.dirty) return;
    const snap = this.acc.snapshot();
    const start = now();
    const value = copy(snap.value);
    // Each event copies the whole value: the bigger it grows, the rarer the events, so that copying
    // stays a small share of the time however large the value (and a burst of items is one copy).
    this.copyCost = now() - start;
    this.interval = Math.max(OBJECT_EVENT_INTERVAL_MS, this.copyCost * COPY_SHARE);
    this.send({ type: 'object', value, complete: false, issues: snap.issues, completed: this.takeCompleted(), openPath: snap.openPath });
  }

  /** The stream is over: the full check, and the last `object` event (complete or with the issues). */
  finish(finishReason?: string): ObjectResult {
    this.clearTimer();
    const result = this.acc.finish(finishReason);
    if (result.ok) {
      this.send({ type: 'object', value: result.value, complete: true, issues: [], completed: this.takeCompleted() });
    } else {
      this.send({ type: 'object', value: copy(this.acc.snapshot().value), complete: false, issues: result.issues, completed: this.takeCompleted() });
    }
    return result;
  }

  /** The step ended another way (tools, stop, failure): no event, no timer left behind. */
  dispose(): void {
    this.clearTimer();
  }

  private send(event: ObjectEvent): void {
    this.lastEmit = now();
    this.dirty = false;
    this.emit(event);
  }

  private takeCompleted(): string[] {
    const out = this.completed;
    this.completed = [];
    return out;
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** The validator's tree keeps growing in place; an event must hold the value as it was. */
const copy = cloneJson;
