/**
 * Answers with math when a prompt asks for it ("math", "formula", "equation", "latex"): inline and
 * displayed formulas in every delimiter the element typesets, next to prices in dollars that must stay
 * prose. With "diagram" or "nomnoml" it answers with a ```nomnoml fence instead (the demo's renderer).
 */
import { random } from './random.js';

const MATH_WORDS = /\b(math|maths|formula|formulas|formulae|equation|equations|latex|katex)\b/i;
const DIAGRAM_WORDS = /\b(diagram|nomnoml)\b/i;

const FORMULAS = [
  ['Euler\'s identity', 'e^{i\\pi} + 1 = 0'],
  ['the quadratic formula', 'x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}'],
  ['the Gaussian integral', '\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}'],
  ['the sum of the first n integers', '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}'],
] as const;

/** A math (or diagram) answer for `prompt`, or undefined when it asks for neither. */
export function mathAnswer(prompt: string, seed: number): string | undefined {
  if (DIAGRAM_WORDS.test(prompt)) return diagramAnswer();
  if (!MATH_WORDS.test(prompt)) return undefined;
  const rng = random(seed);
  const [name, tex] = rng.pick(FORMULAS);
  return [
    `Here is ${name}, displayed:`,
    `$$\n${tex}\n$$`,
    'Inline, the area of a circle is $A = \\pi r^2$, its circumference \\(C = 2\\pi r\\), and a matrix reads',
    '\\[\n\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}\n\\]',
    'Prices stay prose: a notebook costs $5 and a pen $10, so both cost $15.',
  ].join('\n\n');
}

function diagramAnswer(): string {
  return [
    'Here is how a message travels, as a diagram:',
    '```nomnoml\n[<actor>User] -> [<stream-chat>]\n[<stream-chat>] -> [Engine|runChat()]\n[Engine] -> [Provider]\n[Provider] -> [Model]\n```',
    'Each box is a part of the element.',
  ].join('\n\n');
}
