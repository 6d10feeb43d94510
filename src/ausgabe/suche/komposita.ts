/**
 * German compound words for the search index. Pagefind stems words but does not split
 * compounds, so "Endgeräte" would not find "Schülerendgeräten". At index time every long
 * word of a section is split into parts known from a lexicon (all words of the site, the
 * glossary terms and the list below); the parts and every run of neighbouring parts
 * ("Medienentwicklung" in "Medienentwicklungsplan") become extra index keywords.
 * Pure and deterministic: the same text and lexicon always give the same keywords.
 */

/** Known compound parts that may not occur on their own in a plan. Lower case. */
export const BEKANNTE_TEILE = [
  'ausstattung', 'bedarf', 'beratung', 'betrieb', 'bildung', 'breitband', 'daten', 'digital', 'dienst',
  'endgerät', 'endgeräte', 'entwicklung', 'erneuerung', 'förderung', 'fortbildung', 'geräte', 'gerät',
  'gremium', 'infrastruktur', 'investition', 'konzept', 'kosten', 'lehrkräfte', 'lehrkraft', 'lizenz',
  'lizenzen', 'medien', 'netz', 'netzwerk', 'personal', 'plan', 'planung', 'programm', 'projekt',
  'quote', 'raum', 'räume', 'schule', 'schulen', 'schul', 'schüler', 'schülerinnen', 'server', 'stelle',
  'support', 'system', 'tafel', 'technik', 'träger', 'unterricht', 'verwaltung', 'wartung', 'zentrum',
];

/** Linking elements (Fugenelemente) allowed between two parts. */
const FUGEN = ['', 's', 'es', 'n', 'en'];
const MIN_TEIL = 4;
const MIN_WORT = 9;

export const WORT = /[\p{L}]+/gu;

export function woerter(text: string): string[] {
  return (text.toLowerCase().match(WORT) ?? []);
}

/** The words of a text that go into the lexicon: lower case, letters only, at least MIN_TEIL long, each once. */
export function lexikonWoerter(text: string): string[] {
  return [...new Set(woerter(text))].filter((w) => w.length >= MIN_TEIL);
}

/**
 * The words of a text that zerlege() may split, each once. Only these get keywords, and
 * their keywords depend only on the lexicon entries found inside them.
 */
export function teilbareWoerter(text: string): string[] {
  return [...new Set(woerter(text))].filter((w) => w.length >= MIN_WORT);
}

export function lexikon(woerterListe: Iterable<string>): Set<string> {
  const set = new Set<string>(BEKANNTE_TEILE);
  for (const w of woerterListe) {
    const l = w.toLowerCase();
    if (l.length >= MIN_TEIL && /^\p{L}+$/u.test(l)) set.add(l);
  }
  return set;
}

interface Teil { wort: string; fuge: string }

/**
 * Splits a word into the fewest known parts (ties: the longer first part wins).
 * Returns undefined if the word cannot be split completely.
 */
export function zerlege(wort: string, lex: Set<string>): Teil[] | undefined {
  const w = wort.toLowerCase();
  if (w.length < MIN_WORT) return undefined;
  const memo = new Map<number, Teil[] | null>();
  const best = (start: number): Teil[] | null => {
    if (start === w.length) return [];
    const hit = memo.get(start);
    if (hit !== undefined) return hit;
    let result: Teil[] | null = null;
    for (let end = w.length; end - start >= MIN_TEIL; end -= 1) {
      const teil = w.slice(start, end);
      // the whole word is not a split of itself
      if (start === 0 && end === w.length) continue;
      if (!lex.has(teil)) continue;
      for (const fuge of FUGEN) {
        if (fuge && (end + fuge.length >= w.length || !w.startsWith(fuge, end))) continue;
        const rest = best(end + fuge.length);
        if (rest && (!result || rest.length + 1 < result.length)) result = [{ wort: teil, fuge }, ...rest];
      }
    }
    memo.set(start, result);
    return result;
  };
  const r = best(0);
  return r && r.length > 1 ? r : undefined;
}

/** The parts of a compound and all runs of neighbouring parts, without the word itself. */
export function stichwoerter(wort: string, lex: Set<string>, tiefe = 0): string[] {
  const teile = zerlege(wort, lex);
  if (!teile) return [];
  const out: string[] = [];
  // a part may itself be a compound known to the lexicon (medienentwicklung|s|plan)
  if (tiefe < 3) for (const t of teile) out.push(...stichwoerter(t.wort, lex, tiefe + 1));
  for (let i = 0; i < teile.length; i += 1) {
    for (let j = i + 1; j <= teile.length; j += 1) {
      if (i === 0 && j === teile.length) continue;
      const run = teile.slice(i, j);
      out.push(run.map((t, k) => t.wort + (k < run.length - 1 ? t.fuge : '')).join(''));
    }
  }
  return [...new Set(out)];
}

/** Keywords for a text: the parts of all its compounds, sorted and without duplicates. */
export function stichwoerterFuerText(text: string, lex: Set<string>, cache = new Map<string, string[]>()): string[] {
  const seen = new Set(woerter(text));
  const out = new Set<string>();
  for (const w of seen) {
    let kw = cache.get(w);
    if (!kw) {
      kw = stichwoerter(w, lex);
      cache.set(w, kw);
    }
    for (const k of kw) if (!seen.has(k)) out.add(k);
  }
  return [...out].sort();
}
