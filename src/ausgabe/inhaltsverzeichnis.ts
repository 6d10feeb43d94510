/**
 * The table of contents at the top of a page: its h2 headings, each with the h3 below it (an h3
 * before the first h2 counts as an entry of its own). Shown only with more than one entry; the
 * page templates (src/ausgabe/components/Inhaltsverzeichnis.astro) and the anchor list the link check
 * predicts (src/ausgabe/seitenanker.ts, "toc-titel") decide it here, so they cannot disagree.
 */
export interface Eintrag<H> {
  h: H;
  kinder: H[];
}

export function inhaltsverzeichnis<H extends { depth: number }>(headings: readonly H[]): Eintrag<H>[] {
  const eintraege: Eintrag<H>[] = [];
  for (const h of headings) {
    if (h.depth !== 2 && h.depth !== 3) continue;
    const letzter = eintraege.at(-1);
    if (h.depth === 3 && letzter) letzter.kinder.push(h);
    else eintraege.push({ h, kinder: [] });
  }
  return eintraege;
}

/** Does a page with these headings show its table of contents? */
export const hatInhaltsverzeichnis = (headings: readonly { depth: number }[]) => inhaltsverzeichnis(headings).length > 1;
