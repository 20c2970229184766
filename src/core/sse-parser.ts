/**
 * A server-sent events parser following the WHATWG "event stream interpretation" rules: lines end
 * in CRLF, LF or CR (a CR at the end of one chunk may pair with an LF at the start of the next),
 * `:` starts a comment, one space after the colon is dropped, `data` lines join with LF, and a
 * blank line dispatches. Bytes are decoded with a streaming decoder, so a multi-byte character
 * split across network chunks arrives whole.
 */
export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

export class SseParser {
  private decoder = new TextDecoder();
  private pending = '';
  /** The previous chunk ended in CR: an LF starting this one belongs to that line end. */
  private skipLf = false;
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  constructor(private readonly onMessage: (message: SseMessage) => void) {}

  pushBytes(bytes: Uint8Array): void {
    this.push(this.decoder.decode(bytes, { stream: true }));
  }

  push(text: string): void {
    let start = 0;
    if (this.skipLf && text.startsWith('\n')) start = 1;
    this.skipLf = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') continue;
      this.line(this.pending + text.slice(start, i));
      this.pending = '';
      if (c === '\r') {
        if (i + 1 === text.length) this.skipLf = true;
        else if (text[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.pending += text.slice(start);
  }

  /** The stream ended: a last message without its blank line is discarded, as the spec says. */
  end(): void {
    this.push(this.decoder.decode());
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
  }

  private dispatch(): void {
    if (this.data.length) {
      this.onMessage({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
    }
    this.data = [];
    this.event = '';
  }
}

/** Bytes parsed at once: a few thousand small messages at most. */
const READ_PIECE = 64 * 1024;

/** Reads a fetch body as SSE messages. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  let queue: SseMessage[] = [];
  const parser = new SseParser((m) => queue.push(m));
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) parser.end();
      // A large read is parsed a piece at a time, so the reader can pause between pieces.
      for (let at = 0; value && at < value.length; at += READ_PIECE) {
        parser.pushBytes(at === 0 && value.length <= READ_PIECE ? value : value.subarray(at, at + READ_PIECE));
        // One read may hold tens of thousands of messages: walk them by index (shift() on a long
        // array moves the rest each time, which made a burst cost the square of its size).
        const batch = queue;
        queue = [];
        for (const message of batch) yield message;
      }
      for (const message of queue) yield message;
      queue = [];
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}
