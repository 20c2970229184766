// Attachments as a user adds them (the file picker, a paste, a drop), checked, previewed, sent to the
// dev model (which describes what it received), kept in IndexedDB as Blobs and shown again after a reload.
import { assert } from 'chai';
import { HistoryStore } from '../../src/store/index.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { freshKey } from '../store/helpers.js';
import { $, $$, chat, cleanup, idle, input, lastAnswerText, part, parts, say, waitFor } from './helpers.js';
import { providerPart } from '../../src/core/index.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1">.txt';

function transfer(...files: File[]): DataTransfer {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
}

async function png(width: number, height: number, name = 'photo.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#3a7';
  ctx.fillRect(0, 0, width, height);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

const pdf = () => new File(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], 'report.pdf', { type: 'application/pdf' });

function pick(el: StreamChat, ...files: File[]): void {
  const fileInput = part(el, 'file-input') as HTMLInputElement;
  fileInput.files = transfer(...files).files;
  fileInput.dispatchEvent(new Event('change', { bubbles: true }));
}

function drop(el: StreamChat, ...files: File[]): void {
  const form = part(el, 'composer')!;
  form.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer(...files), bubbles: true, cancelable: true }));
}


describe('<stream-chat> attachments', () => {
  afterEach(cleanup);

  it('has no attach button without accept', async () => {
    const el = await chat();
    assert.isNull(part(el, 'attach-button'));
    assert.isNull(part(el, 'file-input'));
  });

  it('sends a picked text file inline with its name; a hostile name and markup stay text', async () => {
    const el = await chat('dev;rate=0', (e) => (e.accept = 'image/*,.pdf,.txt'));
    assert.exists(part(el, 'attach-button'));
    pick(el, new File(['<script>window.__pwned=1</script> hello'], HOSTILE, { type: 'text/plain' }));
    await waitFor(() => parts(el, 'attachment').length === 1, 'the chip');
    assert.include(part(el, 'attachment')!.textContent!, HOSTILE);
    await say(el, 'What did I send?');
    await idle(el);
    assert.include(lastAnswerText(el), `a text file inline: ${HOSTILE}`);
    assert.lengthOf(parts(el, 'attachment'), 1, 'the chip moved to the sent message');
    assert.exists($(el, '.message.user .attachment'));
    assert.isNull($(el, '.message img'), 'no element made of the name');
    assert.isUndefined((window as unknown as { __pwned?: number }).__pwned);
    const [message] = el.messages;
    assert.equal(message.content, 'What did I send?');
    assert.equal(message.attachments?.[0].name, HOSTILE);
    assert.include(message.attachments?.[0].text, '<script>');
  });

  it('shrinks a dropped image to 2048 px and sends it as an image part', async () => {
    const el = await chat('dev;rate=0', (e) => (e.accept = 'image/*'));
    drop(el, await png(3000, 1000));
    await waitFor(() => $(el, '.attachment img'), 'the thumbnail');
    await say(el, 'Describe it');
    await idle(el);
    const sent = el.messages[0].attachments![0];
    const bitmap = await createImageBitmap(await (await fetch(sent.data!)).blob());
    assert.deepEqual([bitmap.width, bitmap.height], [2048, 683]);
    assert.include(lastAnswerText(el), `an image (image/png, ${sent.size} bytes)`);
  });

  it('takes a pasted PDF as a file part, and a removed file is not sent', async () => {
    const el = await chat('dev;rate=0', (e) => (e.accept = 'image/*,.pdf,.txt'));
    const paste = new ClipboardEvent('paste', { clipboardData: transfer(pdf()), bubbles: true, cancelable: true });
    input(el).dispatchEvent(paste);
    assert.isTrue(paste.defaultPrevented);
    pick(el, new File(['x'], 'dropped.txt', { type: 'text/plain' }));
    await waitFor(() => parts(el, 'attachment').length === 2, 'two chips');
    (parts(el, 'attachment-remove')[1] as HTMLButtonElement).click();
    await waitFor(() => parts(el, 'attachment').length === 1, 'one chip left');
    await say(el, 'Read this');
    await idle(el);
    assert.include(lastAnswerText(el), `a file named report.pdf (application/pdf, ${pdf().size} bytes)`);
    assert.notInclude(lastAnswerText(el), 'dropped.txt');
  });

  it('refuses a file outside accept, too many files, before anything is sent', async () => {
    const el = await chat('dev;rate=0', (e) => (e.accept = 'image/*'));
    drop(el, new File(['a'], 'notes.txt', { type: 'text/plain' }));
    await waitFor(() => part(el, 'attachment-error'), 'the message');
    assert.include(part(el, 'attachment-error')!.textContent!, 'notes.txt');
    assert.lengthOf(parts(el, 'attachment'), 0);
    const many = await Promise.all(Array.from({ length: 11 }, (_, i) => png(4, 4, `p${i}.png`)));
    const result = await el.send('all of these', { attachments: many });
    assert.include(result.error?.message ?? '', 'At most 10 files');
    assert.lengthOf(el.messages, 0, 'nothing sent');
  });

  it('says in plain words when the model cannot read images', async () => {
    const el = await chat('dev;rate=0;no-vision', (e) => (e.accept = 'image/*'));
    const result = await el.send('What is this?', { attachments: [await png(8, 8)] });
    assert.include(result.error?.message ?? '', 'cannot read images');
    await waitFor(() => part(el, 'error-message')?.textContent?.includes('cannot read images'), 'the banner');
  });

  for (const provider of ['openai-responses', 'ag-ui', 'ai-sdk'] as const) {
    it(`sends images and PDFs to an ${provider} backend in its own shape`, async () => {
      await providerPart(provider).load();
      const el = await chat('dev;rate=0', (e) => {
        e.accept = 'image/*,.pdf';
        e.provider = provider;
        if (provider === 'openai-responses') return; // input_image and input_file at the same /v1
        e.baseUrl = undefined;
        e.endpoint = `/${provider}`;
      });
      const image = await png(16, 16);
      const result = await el.send('What are these?', { attachments: [image, pdf()] });
      assert.isUndefined(result.error, result.error?.message);
      await idle(el);
      // Responses' input_image carries no file name.
      assert.include(lastAnswerText(el), provider === 'openai-responses' ? `an image (image/png, ${image.size} bytes)` : `an image named photo.png (image/png, ${image.size} bytes)`);
      assert.include(lastAnswerText(el), `a file named report.pdf (application/pdf, ${pdf().size} bytes)`);
    });
  }

  it('exports a conversation with its files and imports it elsewhere: previews, hostile names and text files stay text, the bytes are sent again', async () => {
    const setup = (key: string) => (e: StreamChat) => {
      e.accept = 'image/*,.pdf,.txt';
      e.storage = 'indexeddb';
      e.storageKey = key;
    };
    const el = await chat('dev;rate=0', setup(freshKey('export-files')));
    const image = await png(40, 30);
    const script = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';
    await el.send('Keep these', { attachments: [image, pdf(), new File([script], HOSTILE, { type: 'text/plain' })] });
    await idle(el);
    const json = await el.historyController.exportText('json');
    assert.include(json, 'data:image/png;base64,');
    assert.include(json, 'data:application/pdf;base64,');
    el.remove();

    const key = freshKey('import-files');
    const other = await chat('dev;rate=0', setup(key));
    assert.isTrue(await other.historyController.importText(json));
    await waitFor(() => $(other, '.message.user .attachment img'), 'the imported thumbnail');
    const chips = parts(other, 'attachment').map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    assert.deepEqual(chips.slice(1).map((c) => c.split(' ')[0]), ['report.pdf', '<img']);
    assert.include(chips[2], HOSTILE, 'the hostile name shows as text');
    assert.lengthOf($$(other, '.message img'), 1, 'the thumbnail is the only image');
    assert.isNull($(other, '.message script'));
    assert.isUndefined((window as unknown as { __pwned?: number }).__pwned);
    assert.equal(other.messages[0].attachments![2].text, script, 'the text file kept as it was');

    // The imported bytes go to the model again.
    await other.regenerate();
    await idle(other);
    assert.include(lastAnswerText(other), `an image (image/png, ${image.size} bytes)`);
    assert.include(lastAnswerText(other), `a file named report.pdf (application/pdf, ${pdf().size} bytes)`);
    assert.include(lastAnswerText(other), `a text file inline: ${HOSTILE}`);
    assert.isUndefined((window as unknown as { __pwned?: number }).__pwned);

    // Removed with the conversation.
    const store = new HistoryStore({ storageKey: key });
    assert.isTrue((await store.rawEntries()).some(([k]) => k[0] === 'f'));
    await store.deleteConversation(other.conversationId);
    assert.isFalse((await store.rawEntries()).some(([k]) => k[0] === 'f'), 'the Blobs went with it');
    store.close();
  });

  it('keeps files as Blobs beside the records, shows them after a reload, removes them with the conversation', async () => {
    const key = freshKey('attachments');
    const setup = (e: StreamChat) => {
      e.accept = 'image/*';
      e.storage = 'indexeddb';
      e.storageKey = key;
    };
    const el = await chat('dev;rate=0', setup);
    await el.send('look', { attachments: [await png(64, 64)] });
    await idle(el);
    const store = new HistoryStore({ storageKey: key });
    const entries = await waitFor(async () => {
      const all = await store.rawEntries();
      return all.some(([k]) => k[0] === 'f') && all.some(([k, v]) => k[0] === 'm' && (v as { status?: string }).status === 'final') ? all : undefined;
    }, 'the file and the answer stored');
    const record = entries!.find(([k, v]) => k[0] === 'm' && (v as { role: string }).role === 'user')![1] as { attachments: { data?: string }[] };
    assert.isUndefined(record.attachments[0].data, 'no bytes inside the record');
    assert.instanceOf(entries!.find(([k]) => k[0] === 'f')![1], Blob);
    const id = el.conversationId!;
    el.remove();

    const again = await chat('dev;rate=0', (e) => {
      setup(e);
      e.conversationId = id;
    });
    await waitFor(() => $(again, '.message.user .attachment img'), 'the thumbnail after a reload');
    assert.match((($(again, '.message.user .attachment img') as HTMLImageElement).src), /^data:image\/png;base64,/);

    await store.deleteConversation(id);
    assert.isFalse((await store.rawEntries()).some(([k]) => k[0] === 'f' && k[1] === id), 'the Blob went with it');
  });
});
