import { describe, expect, it } from 'vitest';
import { letzteAenderung, parseLog } from '../../src/plan/git.ts';

describe('Änderungsdaten aus git', () => {
  const log = '\0' + '2026-10-01\n\ncontent/a.mdx\ncontent/daten/x.csv\n' + '\0' + '2026-03-05\n\ncontent/a.mdx\ncontent/b.mdx\n';
  const g = { daten: parseLog(log) };
  it('nimmt je Datei den jüngsten Commit', () => {
    expect(g.daten.get('content/a.mdx')).toBe('2026-10-01');
    expect(g.daten.get('content/b.mdx')).toBe('2026-03-05');
  });
  it('nimmt bei Ordnern die jüngste Datei darin', () => {
    expect(letzteAenderung(g, 'content/')).toBe('2026-10-01');
    expect(letzteAenderung(g, 'content/daten/')).toBe('2026-10-01');
    expect(letzteAenderung(g, 'content/fehlt.mdx')).toBeUndefined();
  });
});

describe('flacher Klon', () => {
  it('erkennt ihn und fällt auf den Stand des Plans zurück statt falsche Daten zu liefern', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { gitDaten } = await import('../../src/plan/git.ts');
    const base = mkdtempSync(join(tmpdir(), 'planwerk-git-'));
    const repo = join(base, 'repo');
    const run = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    execFileSync('git', ['init', '-q', repo]);
    for (const n of [1, 2]) {
      writeFileSync(join(repo, `f${n}.txt`), String(n));
      run(repo, 'add', '.');
      run(repo, 'commit', '-qm', `c${n}`);
    }
    expect(gitDaten(repo).ohneGit).toBeUndefined();
    expect(gitDaten(repo).daten.size).toBe(2);
    run(base, 'clone', '-q', '--depth', '1', `file://${repo}`, 'flach');
    const flach = gitDaten(join(base, 'flach'));
    expect(flach.ohneGit).toMatch(/flacher Klon/);
    expect(flach.daten.size).toBe(0);
    expect(gitDaten(base).ohneGit).toMatch(/kein git-Repository/);
  });
});
