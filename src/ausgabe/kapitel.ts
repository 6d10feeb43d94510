/** The chapter tree: top-level chapters in order, each with its children in order. */
import type { Entry } from '../plan/model.ts';

export interface KapitelKnoten {
  entry: Entry<'kapitel'>;
  kinder: KapitelKnoten[];
}

export function kapitelBaum(kapitel: Entry<'kapitel'>[], eltern?: string): KapitelKnoten[] {
  return kapitel
    .filter((k) => k.data.eltern?.id === eltern)
    .sort((a, b) => a.data.reihenfolge - b.data.reihenfolge)
    .map((entry) => ({ entry, kinder: kapitelBaum(kapitel, entry.id) }));
}

/** Chapters in reading order (depth first), for previous/next links. */
export function leseReihenfolge(kapitel: Entry<'kapitel'>[]): Entry<'kapitel'>[] {
  const walk = (nodes: KapitelKnoten[]): Entry<'kapitel'>[] => nodes.flatMap((n) => [n.entry, ...walk(n.kinder)]);
  return walk(kapitelBaum(kapitel));
}
