// Deliberate mistakes: each marked line must fail Angular's template type check (strictTemplates).
import { Component } from '@angular/core';
import { StreamChatDirective } from 'stream-chat-element/angular';

@Component({
  selector: 'app-mistakes',
  imports: [StreamChatDirective],
  template: `
    <stream-chat
      [tools]="123"
      [modle]="'dev'"
      (stream-chat-end)="seen($event.detail.nope)"
    ></stream-chat>
  `,
})
export class MistakesComponent {
  seen(_value: unknown): void {}
}
