/**
 * Every piece of text the element shows or announces. A host translates the widget by setting the
 * `strings` property to a partial object; what it leaves out falls back to English.
 */
export interface Strings {
  /** Heading of the panel when the `heading` attribute is not set. */
  heading: string;
  /** Placeholder of the message box when the `placeholder` attribute is not set. */
  placeholder: string;
  /** Accessible name of the message box. */
  inputLabel: string;
  /** Accessible name of the transcript (role="log"). */
  transcriptLabel: string;
  send: string;
  stop: string;
  /** The paperclip button. */
  attach: string;
  /** Label of the remove button on an attachment waiting to be sent (followed by the file's name). */
  removeAttachment: string;
  /** Label of a list of attachments. */
  attachments: string;
  /** The microphone button (`voice`): starts dictation, and stops it. */
  dictate: string;
  stopDictation: string;
  /** Why dictation stopped: the microphone was refused, nothing was heard, the speech service was unreachable, no microphone, anything else (`{error}`: the browser's code). */
  dictationDenied: string;
  dictationNoSpeech: string;
  dictationNetwork: string;
  dictationNoMicrophone: string;
  dictationFailed: string;
  /** The button on an answer (`read-aloud`): reads it aloud, and stops reading. */
  readAloud: string;
  stopReading: string;
  /** The answer could not be spoken; `{error}` is the browser's code. */
  readAloudFailed: string;
  regenerate: string;
  copy: string;
  copied: string;
  edit: string;
  saveAndSend: string;
  cancel: string;
  retry: string;
  /** Under an answer shown as plain text because the formatting code could not be downloaded. */
  formattingFailed: string;
  dismiss: string;
  jumpToLatest: string;
  newConversation: string;
  /** Launcher button (popup mode). */
  openChat: string;
  closeChat: string;
  /** Who said what, for screen readers. */
  you: string;
  assistant: string;
  /** Shown while waiting for the first token. */
  thinking: string;
  /** The live-region announcement when an answer is complete. */
  answerReady: string;
  /** Shown on an answer that was stopped before its end. */
  stopped: string;
  /** Shown on an answer that failed before its end. */
  interrupted: string;
  /** Shown under an answer the model stopped at its token limit (`finish_reason: length`), with Continue. */
  cutAtLimit: string;
  /** The button that asks the model to go on after a cut answer. */
  continueCut: string;
  /** Shown under an answer the provider's content filter stopped (`finish_reason: content_filter`). */
  filtered: string;
  /** Fallback when an error event carries no message. */
  genericError: string;
  /** Shown while the engine waits before a retry; `{seconds}` is replaced. */
  retrying: string;
  /** Accessible name of the model picker (`models`). */
  model: string;
  /** Under an answer given by a fallback model: `{from}` failed for good, `{to}` answered. */
  fallbackUsed: string;
  /** Shown when the structured answer failed its schema and the model is asked again. */
  askingAgain: string;
  /** Tool calls. */
  toolCall: string;
  toolArguments: string;
  toolResult: string;
  toolPreparing: string;
  /** `{seconds}` is replaced. */
  toolRunning: string;
  /** `{seconds}` is replaced. */
  toolDone: string;
  toolFailed: string;
  toolWaitingApproval: string;
  toolDenied: string;
  /** Marks a tool that ran on the backend (the page did not run it). */
  toolRemote: string;
  approve: string;
  deny: string;
  /** Usage line: `{prompt}`, `{completion}`, `{total}` are replaced. */
  usageTokens: string;
  /** `{cost}` is replaced. */
  usageCost: string;
  /** A backend's progress line: `{step}`, `{iteration}`, `{total}` are replaced. */
  progressStep: string;
  progressIteration: string;
  progressTokens: string;
  /** Group label of the starter prompts. */
  starterPrompts: string;
  /** Structured output view: a field not arrived yet, missing at the end, an empty list, booleans. */
  objectPending: string;
  objectMissing: string;
  objectEmpty: string;
  objectYes: string;
  objectNo: string;
  /** Heading of the list of problems when the value does not fit the schema. */
  objectIssues: string;
  /** Code blocks' copy button: visible text, and accessible name. */
  copyCode: string;
  copyCodeLabel: string;
  /** A remote image waiting for a click: visible text and accessible name; `{alt}`, `{host}` replaced. */
  loadImage: string;
  loadImageLabel: string;
  /**
   * Under a code block whose fence renderer failed (`{language}`, `{reason}` replaced), and after an answer
   * nested deeper than shown. Their English defaults ship with the markdown part (markdown-options.ts).
   */
  rendererFailed?: string;
  nestingLimited?: string;
  /**
   * The version switcher of an edited question or a regenerated answer (`{index}`, `{count}` replaced);
   * `versionShown` is its accessible name and what is announced after a switch. Their English defaults
   * ship with the switcher (versions.ts), which loads when a conversation first has versions.
   */
  previousVersion?: string;
  nextVersion?: string;
  versionPosition?: string;
  versionShown?: string;
  /** The reasoning block above an answer: its summary once the model has thought (`{seconds}`), and when the time is not known. */
  thoughtFor: string;
  reasoning: string;
  /** Accessible name of the list of sources under an answer. */
  sources: string;
  /** Usage line of an answer stopped before the provider counted it: an estimate; placeholders as usageTokens. */
  usageEstimated: string;
  /** An answer's copy buttons: its markdown source, and its text as shown (no markdown syntax). */
  copyMarkdown: string;
  copyText: string;
  /** Rating buttons under an answer, the optional comment after a rating (sent with `send`), and the thanks once sent. */
  rateUp: string;
  rateDown: string;
  feedbackComment: string;
  feedbackThanks: string;
}

export const defaultStrings: Strings = {
  heading: 'Chat',
  placeholder: 'Write a message…',
  inputLabel: 'Message',
  transcriptLabel: 'Conversation',
  send: 'Send',
  stop: 'Stop',
  attach: 'Attach files',
  removeAttachment: 'Remove',
  attachments: 'Attachments',
  dictate: 'Dictate',
  stopDictation: 'Stop dictation',
  dictationDenied: 'Microphone access was denied. Allow the microphone for this site to dictate.',
  dictationNoSpeech: 'No speech was heard. Check the microphone and try again.',
  dictationNetwork: 'The speech recognition service could not be reached. Check the connection and try again.',
  dictationNoMicrophone: 'No microphone was found.',
  dictationFailed: 'Dictation stopped ({error}).',
  readAloud: 'Read aloud',
  stopReading: 'Stop reading',
  readAloudFailed: 'The answer could not be read aloud ({error}).',
  regenerate: 'Regenerate answer',
  copy: 'Copy',
  copied: 'Copied',
  edit: 'Edit',
  saveAndSend: 'Send',
  cancel: 'Cancel',
  retry: 'Retry',
  formattingFailed: 'The formatting could not be loaded (check the connection), so this text is shown plain.',
  dismiss: 'Dismiss',
  jumpToLatest: 'Jump to latest',
  newConversation: 'New conversation',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  you: 'You',
  assistant: 'Assistant',
  thinking: 'Thinking…',
  answerReady: 'Answer ready',
  stopped: 'Stopped',
  interrupted: 'Interrupted',
  cutAtLimit: 'The answer was cut off at the model’s length limit.',
  continueCut: 'Continue',
  filtered: 'The provider’s content filter stopped this answer; it may be incomplete.',
  genericError: 'Something went wrong. Please try again.',
  retrying: 'Connection trouble, retrying in {seconds} s…',
  model: 'Model',
  fallbackUsed: '{from} could not answer ({reason}); {to} answered instead.',
  askingAgain: 'The answer did not have the expected shape; asking again…',
  toolCall: 'Tool',
  toolArguments: 'Arguments',
  toolResult: 'Result',
  toolPreparing: 'Preparing…',
  toolRunning: 'Running… {seconds} s',
  toolDone: 'Done in {seconds} s',
  toolFailed: 'Failed',
  toolWaitingApproval: 'Waiting for your approval',
  toolDenied: 'Denied',
  toolRemote: 'on the server',
  approve: 'Allow',
  deny: 'Deny',
  usageTokens: '{total} tokens ({prompt} in, {completion} out)',
  usageCost: '≈ {cost}',
  progressStep: '{step}',
  progressIteration: 'iteration {iteration}',
  progressTokens: '{total} tokens',
  starterPrompts: 'Suggestions',
  objectPending: '…',
  objectMissing: 'missing',
  objectEmpty: 'none',
  objectYes: 'yes',
  objectNo: 'no',
  objectIssues: 'Problems with this answer',
  copyCode: 'Copy',
  copyCodeLabel: 'Copy code',
  loadImage: 'Image: {alt} ({host}) — click to load',
  loadImageLabel: 'Load image “{alt}” from {host}',
  thoughtFor: 'Thought for {seconds} s',
  reasoning: 'Reasoning',
  sources: 'Sources',
  usageEstimated: '≈ {total} tokens ({prompt} in, {completion} out), estimated',
  copyMarkdown: 'Copy as markdown',
  copyText: 'Copy as text',
  rateUp: 'Good answer',
  rateDown: 'Bad answer',
  feedbackComment: 'What could be better? (optional)',
  feedbackThanks: 'Thanks for the feedback',
};

/** Replaces `{name}` placeholders; unknown names are left as they are. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
