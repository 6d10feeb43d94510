/**
 * Drafts (`entwurf: true`, as `npm run neu` writes them). A draft is checked like every
 * entry, but fields it still lacks are hints ("offene Felder"), not errors, and it is left out
 * of the model, so the public site does not show it. A published entry must not point at a
 * draft: its page would link to nothing.
 */
import { CODEFORMEN, type CollectionName, type Codeform } from './schemas/index.ts';
import type { RawEntry } from './sources.ts';
import type { Problem } from './problems.ts';

/** Collections whose entries may be drafts. */
export const ENTWURF_SAMMLUNGEN: readonly CollectionName[] = ['kapitel', 'handlungsfelder', 'massnahmen', 'akteure', 'glossar', 'entscheidungen'];

export function istEntwurf(raw: Pick<RawEntry, 'collection' | 'data'>): boolean {
  return ENTWURF_SAMMLUNGEN.includes(raw.collection) && raw.data.entwurf === true;
}

const FEHLT = 'nichts (Feld fehlt)';

/** A field the draft has not filled yet: missing, or an empty text. */
function offen(p: Problem): boolean {
  return p.found === FEHLT || p.found === '„“';
}

/**
 * Splits a draft's schema problems: open fields become hints that name what is still to be
 * written; anything else (a wrong value, an unknown field) stays an error.
 */
export function teileEntwurfsProbleme(problems: Problem[]): { fehler: Problem[]; offen: Problem[] } {
  return {
    fehler: problems.filter((p) => !offen(p)),
    offen: problems.filter(offen).map((p) => ({ ...p, expected: `${p.expected} (offenes Feld im Entwurf)`, found: 'noch nichts' })),
  };
}

/** The hint for a draft as a whole: it is checked but not published. */
export function entwurfsHinweis(raw: RawEntry): Problem {
  return {
    file: raw.file,
    line: raw.line,
    entry: raw.collection === 'akteure' || raw.collection === 'glossar' || raw.collection === 'entscheidungen' ? raw.id : undefined,
    field: 'entwurf',
    expected: 'einen fertigen Eintrag, um ihn zu veröffentlichen (dann „entwurf: true“ entfernen)',
    found: 'einen Entwurf; er erscheint nicht auf der Website',
  };
}

/** The error for a published entry that refers to a draft. */
export function verweisAufEntwurf(from: { file: string; line?: number; entry?: string }, field: string, ziel: RawEntry): Problem {
  return {
    ...from,
    field,
    expected: `einen veröffentlichten Eintrag; „${ziel.id}“ (${ziel.file}) ist ein Entwurf und erscheint nicht auf der Website`,
    found: `einen Verweis auf den Entwurf „${ziel.id}“ (den Entwurf fertigstellen oder den Verweis entfernen)`,
  };
}

/** The next free code with these letters in the plan's form: S-07 → S-08 (padded like the others), T3 → T4. */
export function naechsterCode(form: Codeform, praefix: string, vorhandene: string[]): string {
  const { muster } = CODEFORMEN[form];
  const nummern = vorhandene.flatMap((code) => {
    if (form === '2.3.1') return code.startsWith(`${praefix}.`) && /^\d+$/.test(code.slice(praefix.length + 1)) ? [Number(code.slice(praefix.length + 1))] : [];
    const m = muster.exec(code);
    return m && m[1] === praefix ? [Number(code.slice(praefix.length).replace('-', ''))] : [];
  });
  const n = Math.max(0, ...nummern) + 1;
  if (form === 'S-07') return `${praefix}-${String(n).padStart(2, '0')}`;
  if (form === 'T1') return `${praefix}${n}`;
  return `${praefix}.${n}`;
}
