/**
 * The text a Smoother holds back, as the chunks that arrived. Kept apart rather than appended to one string:
 * a string built by appending is copied whole the next time a piece is cut from it, so a backlog of a few
 * MB that keeps growing while it drains was copied on every frame (a 5 MB answer: seconds of copying). Only
 * the chunks a release reaches are joined, each once.
 */
export class TextQueue {
  /** The front of the text, flat: releases are cut from here. */
  private head = '';
  private chunks: string[] = [];
  /** Chunks before this index are in `head` already. */
  private next = 0;
  private queued = 0;

  /** Code units held. */
  get length(): number {
    return this.head.length + this.queued;
  }

  push(text: string): void {
    this.chunks.push(text);
    this.queued += text.length;
  }

  /** At least the first `count` code units (all of the text when it is shorter), as one flat string. */
  peek(count: number): string {
    if (this.head.length >= count || this.next === this.chunks.length) return this.head;
    const joined = [this.head];
    let length = this.head.length;
    while (length < count && this.next < this.chunks.length) {
      const chunk = this.chunks[this.next++];
      joined.push(chunk);
      length += chunk.length;
      this.queued -= chunk.length;
    }
    this.head = joined.join('');
    if (this.next > 1024 && this.next * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.next);
      this.next = 0;
    }
    return this.head;
  }

  /** Removes and returns the first `count` code units. */
  take(count: number): string {
    const head = this.peek(count);
    const text = head.slice(0, count);
    this.head = head.slice(count);
    return text;
  }

  /** The last code unit held (NaN when empty). */
  lastCode(): number {
    for (let i = this.chunks.length - 1; i >= this.next; i--) if (this.chunks[i]) return this.chunks[i].charCodeAt(this.chunks[i].length - 1);
    return this.head.charCodeAt(this.head.length - 1);
  }

  clear(): void {
    this.head = '';
    this.chunks = [];
    this.next = 0;
    this.queued = 0;
  }
}
