/** The goals (Ziele) of a Handlungsfeld: their anchors, and how they are named where a name is needed. */
import type { Data } from '../plan/schemas/index.ts';

type Ziel = Data<'handlungsfelder'>['ziele'][number];

/**
 * A goal the plan gives neither an id nor a label (the schema leaves its id empty) gets its anchor
 * from its Handlungsfeld and its place there ("infrastruktur-ziel-2"): unique in the plan, and
 * never shown as a label.
 */
export function zielIds(handlungsfeld: string, data: Data<'handlungsfelder'>) {
  data.ziele.forEach((ziel, i) => {
    if (!ziel.id) ziel.id = `${handlungsfeld}-ziel-${i + 1}`;
  });
}

/** A goal in a link or a label: "Ziel I-Z3" where the plan labels it, else the start of its text ("Ziel „Alle Schulen haben …“"). */
export function zielName(ziel: Pick<Ziel, 'code' | 'text'>): string {
  if (ziel.code) return `Ziel ${ziel.code}`;
  const worte = ziel.text.split(/\s+/);
  return `Ziel „${worte.length > 6 ? `${worte.slice(0, 6).join(' ')} …` : ziel.text}“`;
}
