/**
 * The sample plans the site tests build and check alike: Musterstadt (content/, built into
 * dist/), the Großstadt plan of another shape (beispiele/grossstadt/, built into
 * .tmp/dist-grossstadt/) and the Kleinstadt plan of a third shape (beispiele/kleinstadt/, built
 * into .tmp/dist-kleinstadt/: dates by month, quarter, Schuljahr or year only, Maßnahmen without
 * codes, Handlungsfelder without goals as sections 5.1–5.4 of a chapter, actors without groups).
 * Generic site checks run for each of them. The Großstadt plan is published under a subpath (its
 * `website` has one), so every check also covers a base path.
 */
import { join } from 'node:path';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { formatProblem } from '../../src/plan/problems.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import { mitBasis } from '../../src/plan/urls.ts';
import { PROJECT } from './fixture.ts';
import { DIST, site, type GebauteSite } from './dist.ts';

export interface Beispielplan {
  name: string;
  /** Content folder, relative to the project (as PLANWERK_CONTENT takes it). */
  inhalt: string;
  /** Output folder of its build. */
  dist: string;
  site: GebauteSite;
  /** A word the plan's search finds in a section (a hit with an anchor). */
  suchbegriff: string;
  /** Topic words readers search for; a page about each (by its title) must rank in the top 3. */
  themen: string[];
  /** The base path its site is built for ("/" or "/digitale-bildung/"), from plan.yaml's `website`. */
  readonly basis: string;
  /** A site path ("/massnahmen/") as the built pages link it, with the base path in front. */
  href(pfad: string): string;
  /** The validated model, built once. */
  modell(): PlanModel;
}

function beispielplan(name: string, inhalt: string, dist: string, suchbegriff: string, themen: string[]): Beispielplan {
  let model: PlanModel | undefined;
  return {
    name,
    inhalt,
    dist,
    site: site(dist),
    suchbegriff,
    themen,
    get basis() {
      return this.modell().basis;
    },
    href(pfad) {
      return mitBasis(pfad, this.basis);
    },
    modell() {
      if (!model) {
        const result = validatePlan(planLocation(join(PROJECT, inhalt), PROJECT));
        if (!result.model) throw new Error(result.problems.map(formatProblem).join('\n'));
        model = result.model;
      }
      return model;
    },
  };
}

export const MUSTERSTADT = beispielplan('Musterstadt', 'content', DIST, 'Endgeräte', ['Endgeräte', 'WLAN', 'Fortbildung', 'Support']);
export const GROSSSTADT = beispielplan('Großstadt', 'beispiele/grossstadt', join(PROJECT, '.tmp', 'dist-grossstadt'), 'Volkshochschule', ['WLAN', 'Fortbildung', 'Kita', 'Jugendmedienschutz']);
export const KLEINSTADT = beispielplan('Kleinstadt', 'beispiele/kleinstadt', join(PROJECT, '.tmp', 'dist-kleinstadt'), 'Lernplattform', ['WLAN', 'Lernplattform', 'Fortbildung', 'Support']);
export const BEISPIELPLAENE = [MUSTERSTADT, GROSSSTADT, KLEINSTADT];
