/**
 * Applies the engine's events to the answer being shown. Token-rate events (text, object) go
 * straight to the answer's stable bodies; only changes of shape (a new segment, a tool's state,
 * the end) ask for a template update, reported by the return value.
 */
import type { ChatError, ChatEvent } from '../core/index.js';
import { ObjectBody, type ObjectBodyOptions } from './object-body.js';
import { addSources } from './answer-extras-loader.js';
import { TextBody } from './text-body.js';
import { nextKey, type AssistantItem, type TextSegment, type ToolCallState } from './view-model.js';

export class AnswerState {
  constructor(
    readonly item: AssistantItem,
    /** Set when the element has a schema: the answer is a value, its raw JSON text is not shown. */
    private readonly objectOptions?: () => ObjectBodyOptions,
  ) {
    if (objectOptions) item.object = new ObjectBody(objectOptions);
  }

  /** Returns true when the answer's template must be updated. */
  apply(event: ChatEvent): boolean {
    // The answer (or a tool call, or the end) follows the reasoning: its block folds.
    const answering = event.type === 'text' || event.type === 'tool-call' || event.type === 'object' || event.type === 'error' || event.type === 'end';
    const reasoning = this.item.reasoning;
    const folded = answering && !!reasoning?.thinking;
    if (folded) {
      reasoning!.thinking = false;
      reasoning!.ms += performance.now() - reasoning!.since!;
    }
    return this.change(event) || folded;
  }

  private change(event: ChatEvent): boolean {
    const item = this.item;
    switch (event.type) {
      case 'start':
        return false;
      case 'text': {
        const wasWaiting = item.status === 'waiting';
        item.status = 'streaming';
        if (this.objectOptions) return wasWaiting;
        const last = item.segments.at(-1);
        if (last?.kind === 'text' && last.step === event.step) {
          last.body.push(event.delta);
          return wasWaiting;
        }
        // Text after a backend's own tool, within the same step, starts where that tool's card ends.
        const stepStarted = item.segments.some((s) => s.kind === 'text' && s.step === event.step);
        const segment: TextSegment = { kind: 'text', key: nextKey('t'), step: event.step, body: new TextBody() };
        segment.body.push(stepStarted ? event.delta : event.text);
        item.segments.push(segment);
        return true;
      }
      case 'tool-call': {
        item.status = 'streaming';
        const call = this.call(event.id, event.name);
        call.name = event.name || call.name;
        if (event.remote) call.remote = true;
        call.argsText = event.argsText;
        call.args = event.args;
        return true;
      }
      case 'tool-approval': {
        const call = this.call(event.id, event.name);
        call.args = event.args;
        call.source = event.source ?? call.source;
        call.status = 'approval';
        call.approve = event.approve;
        call.deny = event.deny;
        return true;
      }
      case 'tool-start': {
        const call = this.call(event.id, event.name);
        if (event.remote) call.remote = true;
        call.args = event.args;
        call.source = event.source ?? call.source;
        call.status = 'running';
        call.startedAt = performance.now();
        return true;
      }
      case 'tool-end': {
        const call = this.call(event.id, event.name);
        if (event.remote) call.remote = true;
        if (event.name) call.name = event.name;
        call.durationMs = event.durationMs;
        call.approve = call.deny = undefined;
        if (event.error) {
          // Ended while waiting for a decision, and not by a stop: the call was denied.
          const undecided = call.status === 'approval' || call.status === 'denied';
          call.status = undecided && event.error.kind !== 'abort' ? 'denied' : 'error';
          call.error = event.error;
        } else {
          call.status = 'done';
          call.result = event.result;
        }
        return true;
      }
      case 'object': {
        const wasWaiting = item.status === 'waiting';
        item.status = 'streaming';
        item.object?.update({
          value: event.value,
          complete: event.complete,
          issues: event.issues,
          completed: event.completed,
          openPath: event.openPath,
        });
        return wasWaiting;
      }
      case 'usage':
        item.usage = event.total;
        return true;
      case 'retry':
      case 'fallback':
      case 'step-end': // the step's messages are for the history; the answer shows them already
      case 'state':
      case 'checkpoint': // where a background response is, for the stored resume point
        return false;
      case 'reasoning': {
        const reasoning = (item.reasoning ??= { text: '', ms: 0, thinking: false });
        reasoning.text += event.delta;
        reasoning.onText?.(event.delta);
        if (reasoning.thinking) return false;
        reasoning.thinking = true;
        reasoning.since = performance.now();
        return true;
      }
      case 'source':
        item.sources = addSources(item.sources, [{ url: event.url, title: event.title }]);
        return true;
      case 'notice':
        item.notices = [...(item.notices ?? []), event.message];
        return true;
      case 'progress': {
        const { type: _type, ...progress } = event;
        item.progress = { ...item.progress, ...progress };
        return true;
      }
      case 'error':
        if (event.retrying) return false; // the model is asked again; the turn goes on
        item.error = event.error;
        this.cut();
        return true;
      case 'end':
        if (event.finishReason === 'aborted' || event.finishReason === 'error' || event.error) this.cut();
        else this.finish();
        item.usage = event.usage;
        item.finishReason = event.finishReason;
        if (item.object) {
          // The turn is over, valid or not: nothing is still being written.
          const final = event.object !== undefined ? { value: event.object, complete: true } : {};
          item.object.update({ ...item.object.state, ...final, openPath: undefined, ended: true });
          item.object.flush();
        }
        item.error = event.error ?? item.error;
        item.status =
          event.finishReason === 'aborted' ? 'stopped' : event.error || event.finishReason === 'error' ? 'error' : 'done';
        return true;
    }
  }

  /** Showing the answer failed: it ends here as an error, with everything received shown. */
  fail(error: ChatError): void {
    this.item.error = error;
    this.item.status = 'error';
    this.cut();
  }

  /** The answer is complete: the text eases out to its end. */
  private finish(): void {
    for (const segment of this.item.segments) if (segment.kind === 'text') segment.body.finish();
    this.item.object?.flush();
  }

  /** The answer was cut (stop, error): everything received is shown at once. */
  cut(): void {
    for (const segment of this.item.segments) if (segment.kind === 'text') segment.body.cut();
    this.item.object?.flush();
  }

  private call(id: string, name: string): ToolCallState {
    for (const segment of this.item.segments) {
      if (segment.kind === 'tool' && segment.call.id === id) return segment.call;
    }
    const call: ToolCallState = { id, name, argsText: '', args: undefined, status: 'streaming' };
    this.item.segments.push({ kind: 'tool', key: nextKey('c'), call });
    return call;
  }
}
