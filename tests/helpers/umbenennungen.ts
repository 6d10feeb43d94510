/**
 * A register of renamed fields for tests only: Planwerk has renamed no field yet, so the
 * mechanism (src/plan/umbenennungen.ts) is tested with renamings it could make, in every
 * kind of file: a YAML field with a comment, a field of each list item written as a flow
 * mapping, a field inside an object of an MDX head, a CSV column, and a field renamed twice.
 */
import type { Umbenennung } from '../../src/plan/umbenennungen.ts';

export const TEST_UMBENENNUNGEN: readonly Umbenennung[] = [
  { seit: '0.2.0', sammlung: 'akteure', pfad: [], alt: 'kurzbezeichnung', neu: 'kurzname' },
  { seit: '0.2.0', sammlung: 'akteure', pfad: ['beziehungen', '*'], alt: 'an', neu: 'ziel' },
  { seit: '0.2.0', sammlung: 'massnahmen', pfad: ['zeitraum'], alt: 'ab', neu: 'von' },
  { seit: '0.2.0', sammlung: 'schulen', pfad: [], alt: 'bezirk', neu: 'stadtbezirk', hinweis: 'Gemeint ist der Stadtbezirk der Schule.' },
  { seit: '0.2.0', sammlung: 'plan', pfad: ['kontakt'], alt: 'mail', neu: 'e_mail' },
  { seit: '0.3.0', sammlung: 'plan', pfad: ['kontakt'], alt: 'e_mail', neu: 'email' },
];
