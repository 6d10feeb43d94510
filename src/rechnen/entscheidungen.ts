/**
 * What a decision of entscheidungen.yaml says, as pages show it: the option chosen (none while
 * the decision is open; nothing is ever assumed), and the words for its state.
 */
import type { Entry } from '../plan/model.ts';

/** One option of a decision. */
export type Option = Entry<'entscheidungen'>['data']['optionen'][number];

/** The words for a decision without `wahl`. */
export const NOCH_NICHT_ENTSCHIEDEN = 'noch nicht entschieden';

/** The option the plan records as chosen, or undefined for an open decision. */
export function gewaehlteOption(e: Pick<Entry<'entscheidungen'>, 'data'>): Option | undefined {
  return e.data.wahl === undefined ? undefined : e.data.optionen.find((o) => o.id === e.data.wahl);
}

/** The consequences of an option the plan names, as label and text, in a fixed order. */
export function folgenDerOption(o: Option): { art: 'kosten' | 'personal' | 'abhaengigkeit'; label: string; text: string }[] {
  const labels = { kosten: 'Kosten', personal: 'Personal', abhaengigkeit: 'Abhängigkeit' } as const;
  return (['kosten', 'personal', 'abhaengigkeit'] as const).flatMap((art) => {
    const text = o.folgen?.[art];
    return text ? [{ art, label: labels[art], text }] : [];
  });
}

/** Anchor of an option on its decision's page. */
export const optionAnker = (id: string) => `option-${id}`;
