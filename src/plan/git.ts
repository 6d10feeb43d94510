/**
 * When each content file last changed, from git history. A shallow clone (common in CI)
 * knows only the newest commit and would give every page the same date, so it is
 * detected and the plan's Stand is used instead; so is a checkout without git.
 */
import { execFileSync } from 'node:child_process';

export interface GitDaten {
  /** File path (relative to the repository root) → date of its last commit (YYYY-MM-DD). */
  daten: Map<string, string>;
  /** The repository root, when there is one. */
  wurzel?: string;
  /** Why git dates are not used, if they are not. */
  ohneGit?: string;
}

let cache: { root: string; daten: GitDaten } | undefined;

/** Git dates of the files below `root` (the plan's content folder), with paths from the repository root. */
export function gitDaten(root: string): GitDaten {
  if (cache?.root === root) return cache.daten;
  const daten = lese(root);
  cache = { root, daten };
  return daten;
}

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
}

function lese(root: string): GitDaten {
  try {
    const wurzel = git(root, ['rev-parse', '--show-toplevel']).trim();
    if (git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true') {
      return { wurzel, daten: new Map(), ohneGit: 'flacher Klon (shallow clone): Änderungsdaten aus git wären falsch, es gilt der Stand des Plans. In CI mit vollständiger Historie klonen (fetch-depth: 0).' };
    }
    return { wurzel, daten: parseLog(git(root, ['log', '--format=%x00%cs', '--name-only', '--no-renames', '--', '.'])) };
  } catch {
    return { daten: new Map(), ohneGit: 'kein git-Repository oder git nicht verfügbar: es gilt der Stand des Plans.' };
  }
}

/** Parses `git log --format=%x00%cs --name-only`: the first date seen for a file is its latest. */
export function parseLog(log: string): Map<string, string> {
  const daten = new Map<string, string>();
  for (const block of log.split('\0')) {
    const [datum, ...files] = block.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!datum) continue;
    for (const file of files) if (!daten.has(file)) daten.set(file, datum);
  }
  return daten;
}

/** Last change of a file, or of the newest file below a folder (path ending in "/"). */
export function letzteAenderung(g: GitDaten, pfad: string): string | undefined {
  if (!pfad.endsWith('/')) return g.daten.get(pfad);
  let neuestes: string | undefined;
  for (const [file, datum] of g.daten) if (file.startsWith(pfad) && (!neuestes || datum > neuestes)) neuestes = datum;
  return neuestes;
}
