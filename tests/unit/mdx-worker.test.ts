/** A cold build renders MDX bodies on every core; the workers' results equal a direct rendering. */
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { rendereVoraus, renderKey } from '../../src/pruefung/inhalte.ts';
import { renderMdx } from '../../src/plan/mdx/render.ts';
import type { RawEntry } from '../../src/plan/sources.ts';
import type { MdxErgebnis } from '../../src/plan/mdx/render.ts';

describe('Rendern auf allen Kernen', () => {
  it('liefert für viele Texte dasselbe wie das Rendern im Hauptthread', async () => {
    const entries: RawEntry[] = Array.from({ length: 150 }, (_, i) => ({
      collection: 'massnahmen',
      id: `M-${i}`,
      file: `content/massnahmen/m-${i}.mdx`,
      data: { alteAnker: i % 7 === 0 ? { alt: `abschnitt-${i}` } : {} },
      body: `## Abschnitt ${i} {#abschnitt-${i}}\n\nText ${i} mit <Kennzahl name="schulen" /> und **Betonung**.\n\n| a | b |\n| - | - |\n| ${i} | ${i * 2} |\n`,
      bodyLine: 5,
    }));
    const cache = new Map<string, MdxErgebnis>();
    const gerendert = await rendereVoraus(entries, cache);
    // Only a machine with more than one core hands bodies to workers.
    expect(gerendert).toBe(availableParallelism() > 1 ? 150 : 0);
    for (const e of entries) {
      expect(cache.get(renderKey(e)), e.id).toEqual(renderMdx(e.body!, e.data.alteAnker as Record<string, string>));
    }
    // Everything cached: nothing is rendered again.
    expect(await rendereVoraus(entries, cache)).toBe(0);
  });
});
