/**
 * Whole records for structured answers whose schema has a familiar shape: a movie pick, a news summary,
 * a project plan. Field names choose the library (a schema with `director` and `cast` is a movie), the
 * prompt's words choose the entry ("a comedy from the nineties"), so every field agrees with the others.
 * Values are offered per top-level property; one that does not fit the schema is generated as usual.
 */
import type { Random } from './random.js';

type Entry = { tags: string[]; values: Record<string, unknown> };

interface Library {
  /** Canonical field -> what a property name looks like when it means that field (lower case, letters only). */
  fields: Record<string, RegExp>;
  entries: Entry[];
}

const cast = (...pairs: [string, string][]) => pairs.map(([name, role]) => ({ name, role }));

const MOVIES: Library = {
  fields: {
    title: /^(title|film|movie|name)$/,
    year: /year|released/,
    genre: /genre/,
    director: /director|directedby/,
    runtime: /runtime|duration|length|minutes/,
    cast: /cast|actors|stars|starring/,
    why: /why|reason|pitch|because/,
    similar: /similar|alike|ifyoulike|more/,
  },
  entries: [
    { tags: ['rainy', 'rain', 'cozy', 'cosy', 'evening', 'paris', 'romance', 'romantic', 'french'], values: { title: 'Amélie', year: 2001, genre: 'romance', director: 'Jean-Pierre Jeunet', runtime: 122, cast: cast(['Audrey Tautou', 'Amélie Poulain'], ['Mathieu Kassovitz', 'Nino Quincampoix'], ['Rufus', 'Raphaël Poulain']), why: 'A warm, playful film that feels like a cup of tea on a grey day. Its Paris is all golden light and small kindnesses, and it leaves you smiling.', similar: ['Chocolat', 'The Grand Budapest Hotel', 'Big Fish'] } },
    { tags: ['rainy', 'rain', 'family', 'animation', 'animated', 'magic', 'japan', 'kids'], values: { title: 'Spirited Away', year: 2001, genre: 'animation', director: 'Hayao Miyazaki', runtime: 125, cast: cast(['Rumi Hiiragi', 'Chihiro (voice)'], ['Miyu Irino', 'Haku (voice)'], ['Mari Natsuki', 'Yubaba (voice)']), why: 'An enchanting adventure through a spirit world, made for getting lost in while the rain taps on the window. Beautiful to look at and gentle at heart.', similar: ['My Neighbor Totoro', "Howl's Moving Castle", 'Coraline'] } },
    { tags: ['comedy', 'funny', 'feel-good', 'feelgood', 'nineties', '90s', '1990s', 'classic'], values: { title: 'Groundhog Day', year: 1993, genre: 'comedy', director: 'Harold Ramis', runtime: 101, cast: cast(['Bill Murray', 'Phil Connors'], ['Andie MacDowell', 'Rita Hanson'], ['Chris Elliott', 'Larry']), why: 'A feel-good comedy with a clever idea: a grumpy weatherman relives the same day until he gets it right. Funny, kind, and better every time you watch it.', similar: ['Palm Springs', 'About Time', 'Edge of Tomorrow'] } },
    { tags: ['comedy', 'funny', 'nineties', '90s', 'teen', 'light'], values: { title: 'Clueless', year: 1995, genre: 'comedy', director: 'Amy Heckerling', runtime: 97, cast: cast(['Alicia Silverstone', 'Cher Horowitz'], ['Paul Rudd', 'Josh Lucas'], ['Brittany Murphy', 'Tai Frasier']), why: 'Sharp, sunny and endlessly quotable: a nineties teen comedy that is smarter than it looks, with a cast having the time of their lives.', similar: ['Mean Girls', '10 Things I Hate About You', 'Legally Blonde'] } },
    { tags: ['science fiction', 'sci-fi', 'scifi', 'future', 'noir', 'space'], values: { title: 'Blade Runner', year: 1982, genre: 'science fiction', director: 'Ridley Scott', runtime: 117, cast: cast(['Harrison Ford', 'Rick Deckard'], ['Rutger Hauer', 'Roy Batty'], ['Sean Young', 'Rachael']), why: 'A rain-soaked future city, a haunting score and a question that stays with you: what makes us human? Slow, atmospheric and unforgettable.', similar: ['Blade Runner 2049', 'Ghost in the Shell', 'Gattaca'] } },
    { tags: ['mystery', 'thriller', 'whodunit', 'detective', 'twist'], values: { title: 'Knives Out', year: 2019, genre: 'thriller', director: 'Rian Johnson', runtime: 130, cast: cast(['Daniel Craig', 'Benoit Blanc'], ['Ana de Armas', 'Marta Cabrera'], ['Chris Evans', 'Ransom Drysdale']), why: 'A twisty, funny whodunit in a creaky mansion full of suspects. It plays fair with its clues and keeps surprising you to the last scene.', similar: ['Glass Onion', 'Murder on the Orient Express', 'Clue'] } },
    { tags: ['family', 'kids', 'heartwarming', 'feel-good', 'feelgood', 'british'], values: { title: 'Paddington 2', year: 2017, genre: 'comedy', director: 'Paul King', runtime: 103, cast: cast(['Ben Whishaw', 'Paddington (voice)'], ['Hugh Grant', 'Phoenix Buchanan'], ['Sally Hawkins', 'Mary Brown']), why: 'Pure kindness on screen, with a gloriously hammy villain. Funny for adults and children alike, and impossible to watch without smiling.', similar: ['Paddington', 'Wallace & Gromit: The Curse of the Were-Rabbit', 'Babe'] } },
  ],
};

const points = (...list: [string, string][]) => list.map(([point, importance]) => ({ point, importance }));
const sources = (...list: [string, string][]) => list.map(([name, url]) => ({ name, url }));

const NEWS: Library = {
  fields: {
    headline: /^(headline|title)$/,
    summary: /summary|overview|abstract|lede/,
    points: /keypoints|points|highlights|takeaways/,
    sentiment: /sentiment|tone|mood/,
    sources: /sources|references|links/,
  },
  entries: [
    { tags: ['renewable', 'renewables', 'energy', 'solar', 'wind', 'climate'], values: { headline: 'Solar and wind keep breaking records as storage catches up', summary: 'New solar and wind capacity outpaced every other source again this week, led by large projects in China, India and the European Union. Battery storage is growing fastest of all, smoothing evening peaks. Grid connections remain the main bottleneck, with long queues for new projects.', points: points(['Solar led new capacity additions for the third year running', 'high'], ['Battery storage installations doubled year on year', 'high'], ['Grid connection queues delay many finished projects', 'medium'], ['Offshore wind costs are stabilising after two difficult years', 'low']), sentiment: 'positive', sources: sources(['International Energy Agency', 'https://www.iea.org/'], ['IRENA', 'https://www.irena.org/'], ['Ember', 'https://ember-energy.org/']) } },
    { tags: ['space', 'exploration', 'nasa', 'moon', 'mars', 'rocket', 'esa'], values: { headline: 'Moon missions and reusable rockets set the pace in space', summary: 'Several lunar missions moved forward, with landers from public agencies and private companies preparing for launch. Reusable boosters flew again within weeks, cutting the cost of reaching orbit. Mars sample return plans are being redesigned to fit a smaller budget.', points: points(['New lunar landers are scheduled for the coming year', 'high'], ['Reusable boosters now fly dozens of times each', 'medium'], ['Mars sample return is being redesigned to cut costs', 'medium']), sentiment: 'positive', sources: sources(['NASA', 'https://www.nasa.gov/'], ['ESA', 'https://www.esa.int/'], ['SpaceNews', 'https://spacenews.com/']) } },
    { tags: ['electric', 'cars', 'car', 'ev', 'evs', 'vehicle', 'vehicles', 'battery'], values: { headline: 'Electric cars pass one in five new car sales worldwide', summary: 'Electric cars made up more than a fifth of new car sales, with China far ahead and Europe growing more slowly. Cheaper models and new battery chemistries are bringing prices down, while public charging is still uneven outside cities.', points: points(['More than 20% of new cars sold are electric', 'high'], ['Cheaper LFP batteries are lowering prices', 'medium'], ['Charging networks lag outside large cities', 'medium']), sentiment: 'neutral', sources: sources(['IEA Global EV Outlook', 'https://www.iea.org/reports/global-ev-outlook-2024'], ['BloombergNEF', 'https://about.bnef.com/']) } },
    { tags: [], values: { headline: 'The week in technology: smaller models, bigger chips', summary: 'Chip makers announced faster accelerators while research labs showed smaller models matching last year\'s large ones. Regulators in several countries published guidance on AI transparency. Browser vendors shipped new APIs for on-device processing.', points: points(['Smaller language models close the gap with large ones', 'high'], ['New accelerators promise lower energy per query', 'medium'], ['Regulators publish AI transparency guidance', 'medium']), sentiment: 'neutral', sources: sources(['Ars Technica', 'https://arstechnica.com/'], ['MIT Technology Review', 'https://www.technologyreview.com/']) } },
  ],
};

const tasks = (...list: [string, string, string, number, boolean][]) =>
  list.map(([title, owner, priority, estimateHours, done]) => ({ title, owner, priority, estimateHours, done }));

const PLANS: Library = {
  fields: {
    project: /^(project|name|title|goal|plan)$/,
    tasks: /tasks|steps|todos|items|actions/,
  },
  entries: [
    { tags: ['website', 'site', 'launch', 'web'], values: { project: 'Launch of the new website', tasks: tasks(['Freeze content and features', 'Amara Okafor', 'high', 2, true], ['Accessibility and performance audit on staging', 'Grace Hopper', 'high', 6, false], ['Set up redirects from old URLs', 'Linus Nyström', 'medium', 3, false], ['Lower DNS TTL and prepare rollback', 'Linus Nyström', 'high', 1, false], ['Write the launch announcement', 'Zoë Müller', 'medium', 4, false], ['Submit sitemap and check analytics', 'Ada Lovelace', 'low', 1, false]) } },
    { tags: ['office', 'move', 'moving', 'relocation', 'relocate'], values: { project: 'Office move next month', tasks: tasks(['Book the movers', 'José Martínez', 'high', 2, true], ['Plan desks and meeting rooms in the new space', 'Zoë Müller', 'high', 6, false], ['Move internet and phone lines', 'Linus Nyström', 'high', 3, false], ['Label and pack shared equipment', 'Amara Okafor', 'medium', 8, false], ['Update the address on the website and invoices', 'Ada Lovelace', 'low', 1, false]) } },
    { tags: [], values: { project: 'Project plan', tasks: tasks(['Agree on the goal and the deadline', 'Ada Lovelace', 'high', 2, true], ['List what is needed and who does it', 'Grace Hopper', 'high', 3, false], ['Do the riskiest part first', 'Linus Nyström', 'medium', 8, false], ['Review progress at the halfway point', 'Zoë Müller', 'medium', 1, false]) } },
  ],
};

const LIBRARIES = [MOVIES, NEWS, PLANS];
const letters = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

/** A lookup of whole values by top-level property name, or undefined when no library fits the schema. */
export function recordFor(propertyNames: string[], prompt: string, rng: Random): ((name: string) => unknown) | undefined {
  const names = propertyNames.map(letters);
  const matched = (lib: Library) => Object.values(lib.fields).filter((re) => names.some((n) => re.test(n))).length;
  const library = LIBRARIES.map((lib) => ({ lib, score: matched(lib) })).sort((a, b) => b.score - a.score)[0];
  // One shared name (a `title`) is not enough to call something a movie.
  if (!library || library.score < 2) return undefined;
  const { fields, entries } = library.lib;
  const lower = prompt.toLowerCase();
  const scored = entries.map((e) => ({ e, score: e.tags.filter((t) => new RegExp(`(^|[^a-z0-9])${t}([^a-z0-9]|$)`).test(lower)).length }));
  const best = Math.max(...scored.map((s) => s.score));
  const candidates = scored.filter((s) => s.score === best).map((s) => s.e);
  const entry = rng.pick(candidates);
  return (name) => {
    const n = letters(name);
    const field = Object.keys(fields).find((key) => fields[key].test(n));
    return field === undefined ? undefined : entry.values[field];
  };
}
