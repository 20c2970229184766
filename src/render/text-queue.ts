/**
 * The text a Smoother holds back, as the chunks that arrived. Kept apart rather than appended to one string:
 * a string built by appending is copied whole the next time a piece is cut from it, so a backlog of a few
 * MB that keeps growing while it drains was copied on every frame (a 5 MB answer: seconds of copying). Only
 * the chunks a release reaches are joined, each once.
 */
export class TextQueue {
  /** The front of the text, flat: releases are cut from here. */
  private head = '';
  /** The chunks after it, not joined yet. */
  private chunks: string[] = [];
  private queued = 0;

  /** Code units held. */
  get length(): number {
    return this.head.length + this.queued;
  }

  /** The last chunk held ('' when empty), to look at the end of the text. */
  get last(): string {
    return this.chunks[this.chunks.length - 1] ?? this.head;
  }

  push(text: string): void {
    if (!text) return;
    this.chunks.push(text);
    this.queued += text.length;
  }

  /** At least the first `count` code units (all of the text when it is shorter), as one flat string. */
  peek(count: number): string {
    let take = 0;
    for (let length = this.head.length; length < count && take < this.chunks.length; take++) length += this.chunks[take].length;
    if (take) {
      const joined = this.chunks.splice(0, take);
      for (const chunk of joined) this.queued -= chunk.length;
      this.head = [this.head, ...joined].join('');
    }
    return this.head;
  }

  /** Removes and returns the first `count` code units. */
  take(count: number): string {
    const head = this.peek(count);
    this.head = head.slice(count);
    return head.slice(0, count);
  }

  clear(): void {
    this.head = '';
    this.chunks = [];
    this.queued = 0;
  }
}
