/**
 * Structured output with the host's own view (`renderObject`): a task list rendered as a checklist by a
 * function of (value, state), called as the JSON streams.
 */
import * as z from 'zod';
import { demoChat, type DemoSection } from '../section.js';
import { structuredModel } from './structured-movie.js';

export const TaskList = z.object({
  project: z.string(),
  tasks: z.array(
    z.object({
      title: z.string(),
      owner: z.string(),
      priority: z.enum(['high', 'medium', 'low']),
      estimateHours: z.number(),
      done: z.boolean(),
    }),
  ),
});

type Partial = { project?: string; tasks?: { title?: string; owner?: string; priority?: string; estimateHours?: number; done?: boolean }[] };

/** A checklist as a DOM node; every piece of model text goes in through textContent. */
function renderTasks(value: unknown, state: { complete: boolean; issues: { path: (string | number)[]; message: string }[] }): Node {
  const list = (value ?? {}) as Partial;
  const root = document.createElement('div');
  root.className = 'demo-tasks';
  const heading = document.createElement('strong');
  heading.textContent = list.project ?? '…';
  const ul = document.createElement('ul');
  ul.style.cssText = 'list-style:none;padding:0;margin:0.5em 0 0;display:grid;gap:0.35em';
  for (const task of list.tasks ?? []) {
    const li = document.createElement('li');
    li.style.cssText = 'display:flex;gap:0.5em;align-items:baseline';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = task.done === true;
    box.disabled = true;
    const title = document.createElement('span');
    title.textContent = task.title ?? '';
    const meta = document.createElement('small');
    meta.style.opacity = '0.7';
    meta.textContent = [task.owner, task.priority && `${task.priority} priority`, task.estimateHours !== undefined && `${task.estimateHours} h`]
      .filter(Boolean)
      .join(' · ');
    li.append(box, title, meta);
    ul.append(li);
  }
  root.append(heading, ul);
  const total = (list.tasks ?? []).reduce((sum, t) => sum + (t.estimateHours ?? 0), 0);
  const footer = document.createElement('p');
  footer.style.cssText = 'margin:0.5em 0 0;opacity:0.75';
  footer.textContent = state.complete ? `${list.tasks?.length ?? 0} tasks, ${total} hours in all.` : 'Planning…';
  root.append(footer);
  for (const issue of state.issues) {
    const p = document.createElement('p');
    p.style.color = '#b42318';
    p.textContent = `${issue.path.join('.')}: ${issue.message}`;
    root.append(p);
  }
  return root;
}

const section: DemoSection = {
  id: 'structured-tasks',
  title: 'Structured output: a task list with your own view',
  order: 31,
  chapter: 'Structured output',
  description:
    'The same streaming JSON, shown by the page’s own <code>renderObject(value, state)</code>: here a checklist ' +
    'that grows task by task. The function may return a DOM node, a Lit template or a string.',
  mount(container, settings) {
    const chat = demoChat(settings, 'Planner');
    chat.model = structuredModel(settings.model, settings.usingDevModel);
    chat.schema = TaskList;
    chat.renderObject = renderTasks;
    chat.systemPrompt = 'You break a project down into concrete tasks with owners and estimates.';
    chat.starterPrompts = ['Plan the launch of our new website', 'Tasks to move the office next month'];
    chat.style.height = '520px';
    container.append(chat);
  },
};

export default section;
