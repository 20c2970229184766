/**
 * Every label comes from the `strings` property; `lang` and `dir` are respected, and the layout
 * mirrors in right-to-left languages (logical CSS properties only).
 */
import type { Strings } from '../../src/index.js';
import { applySettings, type DemoSection } from '../section.js';

const french: Partial<Strings> = {
  heading: 'Discussion',
  placeholder: 'Écrivez un message…',
  inputLabel: 'Message',
  transcriptLabel: 'Conversation',
  send: 'Envoyer',
  stop: 'Arrêter',
  regenerate: 'Régénérer la réponse',
  copy: 'Copier',
  copied: 'Copié',
  edit: 'Modifier',
  saveAndSend: 'Envoyer',
  cancel: 'Annuler',
  retry: 'Réessayer',
  dismiss: 'Fermer',
  jumpToLatest: 'Aller au plus récent',
  newConversation: 'Nouvelle conversation',
  you: 'Vous',
  assistant: 'Assistant',
  thinking: 'Réflexion…',
  stopped: 'Arrêté',
  interrupted: 'Interrompu',
  starterPrompts: 'Suggestions',
  copyCode: 'Copier',
  copyCodeLabel: 'Copier le code',
};

const arabic: Partial<Strings> = {
  heading: 'محادثة',
  placeholder: 'اكتب رسالة…',
  inputLabel: 'الرسالة',
  transcriptLabel: 'المحادثة',
  send: 'إرسال',
  stop: 'إيقاف',
  regenerate: 'إعادة توليد الإجابة',
  copy: 'نسخ',
  copied: 'تم النسخ',
  edit: 'تعديل',
  saveAndSend: 'إرسال',
  cancel: 'إلغاء',
  retry: 'إعادة المحاولة',
  dismiss: 'إغلاق',
  jumpToLatest: 'الانتقال إلى الأحدث',
  newConversation: 'محادثة جديدة',
  you: 'أنت',
  assistant: 'المساعد',
  thinking: 'جارٍ التفكير…',
  stopped: 'متوقف',
  interrupted: 'انقطع',
  starterPrompts: 'اقتراحات',
  copyCode: 'نسخ',
  copyCodeLabel: 'نسخ الشيفرة',
};

const section: DemoSection = {
  id: 'i18n',
  title: 'Languages and right-to-left',
  order: 72,
  chapter: 'Theming',
  description:
    'The same element with <code>lang="fr"</code> and French <code>strings</code>, and with <code>lang="ar" dir="rtl"</code>: the bubbles, buttons and icons mirror. (The dev model answers in English.)',
  mount(container, settings) {
    const grid = document.createElement('div');
    grid.style.cssText = 'display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem';
    for (const [lang, dir, strings, prompts] of [
      ['fr', 'ltr', french, ['Explique-moi les promesses en JavaScript']],
      ['ar', 'rtl', arabic, ['ما هو الذكاء الاصطناعي؟']],
    ] as const) {
      const chat = document.createElement('stream-chat');
      chat.setAttribute('lang', lang);
      chat.setAttribute('dir', dir);
      chat.setAttribute('storage', 'memory');
      applySettings(chat, settings);
      chat.strings = strings;
      chat.starterPrompts = [...prompts];
      chat.style.height = '26rem';
      grid.append(chat);
    }
    container.append(grid);
  },
};

export default section;
