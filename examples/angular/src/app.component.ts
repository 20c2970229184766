// StreamChatDirective makes <stream-chat> known to Angular and types its inputs under strictTemplates
// (no CUSTOM_ELEMENTS_SCHEMA needed); it also loads the element. Events are DOM events with a typed $event.
import { Component, ElementRef, signal, viewChild } from '@angular/core';
import { StreamChatDirective } from 'stream-chat-element/angular';
import type { StreamChatEventMap, Tool } from 'stream-chat-element';
import { z } from 'zod';

@Component({
  selector: 'app-root',
  imports: [StreamChatDirective],
  template: `
    <button id="ask" (click)="ask()">Ask about the weather in Paris</button>
    <output id="status">Turns ended: {{ turns() }}. Tools run: {{ toolsRun().join(', ') || 'none' }}.</output>
    <stream-chat
      #chat
      [baseUrl]="baseUrl"
      model="dev"
      storage="memory"
      [systemPrompt]="systemPrompt()"
      [tools]="tools"
      style="display: block; height: 30rem"
      (stream-chat-end)="onEnd($event)"
      (stream-chat-tool-end)="onToolEnd($event)"
    ></stream-chat>
  `,
})
export class AppComponent {
  readonly baseUrl = `${location.origin}/v1`;
  readonly systemPrompt = signal('You are the weather desk of Example Air. Answer in one short paragraph.');
  readonly tools: Tool[] = [
    {
      name: 'get_weather',
      description: 'The weather in a city today',
      parameters: z.object({ city: z.string().describe('City name') }),
      execute: async ({ city }: { city: string }) => ({ city, forecast: 'sunny', temperatureC: 21 }),
    },
  ];
  readonly turns = signal(0);
  readonly toolsRun = signal<string[]>([]);
  private readonly chat = viewChild.required<ElementRef<HTMLElementTagNameMap['stream-chat']>>('chat');

  ask(): void {
    void this.chat().nativeElement.send('Use get_weather in Paris');
  }

  onEnd(event: StreamChatEventMap['stream-chat-end']): void {
    if (event.detail.finishReason !== 'error') this.turns.update((n) => n + 1);
  }

  onToolEnd(event: StreamChatEventMap['stream-chat-tool-end']): void {
    this.toolsRun.update((names) => [...names, event.detail.name]);
  }
}
