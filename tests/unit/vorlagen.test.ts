/**
 * The repository templates a municipality uses as they are: the GitHub Actions workflow, the
 * GitLab CI file, the pull-request template, the CODEOWNERS example and the editor guide.
 *
 * The CI files are parsed as YAML and checked for what they do, not for how they are spelled:
 * they run the README's commands in order, run on merge requests and on the main branch, keep
 * Astro's content cache, publish the built site as a preview artifact, and deploy only from the
 * main branch (the `if:` and `rules:` are evaluated for the events that matter).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import GithubSlugger from 'github-slugger';
import { PROJECT, modelOf } from '../helpers/fixture.ts';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { KENNZAHLEN, kennzahl, type Params } from '../../src/rechnen/kennzahlen.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import { abschnittsbaum } from '../../src/plan/abschnitte.ts';
import { pruefe, textAusgabe } from '../../src/cli/pruefen.ts';

const read = (file: string) => readFileSync(join(PROJECT, file), 'utf8');
const yamlOf = (file: string) => parse(read(file));

// ---------------------------------------------------------------------------------------------
// The README's commands ("Loslegen"): what a new user types, so what CI must run.

function readmeCommands(): string[] {
  const readme = read('README.md');
  const start = readme.indexOf('## Loslegen');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end);
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((b) => (b ?? '').split(/\n|&&/)).map((c) => c.trim()).filter((c) => c.startsWith('npm '));
}

/** Shell lines of a CI script, split into single commands (`a && b` → a, b). */
const commandsOf = (lines: string[]) => lines.flatMap((l) => l.split(/\n|&&/)).map((c) => c.trim()).filter(Boolean);

/** Index of the first command that is `wanted`, possibly followed by options. */
const indexOfCommand = (commands: string[], wanted: string) => commands.findIndex((c) => c === wanted || c.startsWith(`${wanted} `));

// ---------------------------------------------------------------------------------------------
// GitHub Actions

interface Step { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }
interface GhJob { needs?: string | string[]; if?: string; steps: Step[]; env?: Record<string, string>; outputs?: Record<string, string>; permissions?: Record<string, string>; environment?: { name: string } | string }

const github = yamlOf('.github/workflows/plan.yml') as { on: Record<string, any>; permissions?: Record<string, string>; jobs: Record<string, GhJob> };

/** A job of the workflow; a missing one fails the test with its name. */
const ghJob = (name: string): GhJob => github.jobs[name] ?? expect.fail(`Job „${name}“ fehlt im Workflow`);
/** The only element of a list (one step using an action, one matching rule). */
function one<T>(list: T[], what: string): T {
  expect(list, what).toHaveLength(1);
  return list[0]!;
}
const ghRuns = (job: GhJob) => commandsOf(job.steps.flatMap((s) => (s.run ? [s.run] : [])));
const ghUses = (job: GhJob, action: string) => job.steps.filter((s) => s.uses?.split('@')[0] === action);
const needsOf = (job: GhJob) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);

/** Every job `name` depends on, directly or through other jobs. */
function allNeeds(jobs: Record<string, { needs?: string | string[] }>, name: string): Set<string> {
  const out = new Set<string>();
  const visit = (n: string) => {
    const needs = jobs[n]?.needs;
    for (const d of needs === undefined ? [] : Array.isArray(needs) ? needs : [needs]) {
      if (!out.has(d)) (out.add(d), visit(d));
    }
  };
  visit(name);
  return out;
}

/**
 * Evaluates a GitHub `if:` made of `a == 'x'` / `a != 'x'` clauses joined by `&&` (the only
 * form the template uses; anything else fails the test so that it is looked at).
 */
function ghIf(expression: string | undefined, context: Record<string, string>): boolean {
  if (expression === undefined) return true;
  const inner = expression.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  return inner.split('&&').every((clause) => {
    const m = clause.trim().match(/^([\w.]+)\s*(==|!=)\s*'([^']*)'$/);
    if (!m) throw new Error(`Unerwartete Bedingung im Workflow: ${clause}`);
    if (!(m[1]! in context)) throw new Error(`Unbekannter Wert in der Bedingung: ${m[1]}`);
    return m[2] === '==' ? context[m[1]!] === m[3] : context[m[1]!] !== m[3];
  });
}

const GH_EVENTS = {
  pullRequest: { 'github.event_name': 'pull_request', 'github.ref': 'refs/pull/7/merge' },
  pushMain: { 'github.event_name': 'push', 'github.ref': 'refs/heads/main' },
  pushOther: { 'github.event_name': 'push', 'github.ref': 'refs/heads/redaktion/neue-massnahme' },
};

/** Whether the workflow starts for an event at all. */
function ghTriggers(event: keyof typeof GH_EVENTS): boolean {
  const on = github.on;
  if (event === 'pullRequest') return 'pull_request' in on;
  const push = on.push;
  if (push === undefined) return false;
  const branches: string[] | undefined = push?.branches;
  const branch = GH_EVENTS[event]['github.ref'].replace('refs/heads/', '');
  return branches === undefined || branches.includes(branch);
}

/** Whether a job (and every job it needs) runs for an event. */
function ghJobRuns(name: string, event: keyof typeof GH_EVENTS): boolean {
  if (!ghTriggers(event)) return false;
  return [name, ...allNeeds(github.jobs, name)].every((n) => ghIf(ghJob(n).if, GH_EVENTS[event]));
}

describe('GitHub-Actions-Vorlage (.github/workflows/plan.yml)', () => {
  const pruefen = ghJob('pruefen');
  const test = ghJob('test');

  it('führt die Befehle aus dem README aus, in ihrer Reihenfolge', () => {
    const commands = readmeCommands();
    expect(commands).toEqual(expect.arrayContaining(['npm ci', 'npm run build', 'npm test']));
    const runs = ghRuns(test);
    // `npm run pruefen` runs in its own job before the tests; the rest in the test job.
    const alle = [...ghRuns(pruefen), ...runs];
    for (const c of commands) expect(indexOfCommand(c === 'npm run pruefen' ? alle : runs, c), c).toBeGreaterThanOrEqual(0);
    expect(indexOfCommand(runs, 'npm ci')).toBeLessThan(indexOfCommand(runs, 'npm test'));
    expect(indexOfCommand(runs, 'npm test')).toBeLessThan(indexOfCommand(runs, 'npm run build'));
  });

  it('prüft den Plan mit Anmerkungen für GitHub, bevor getestet wird', () => {
    const runs = ghRuns(pruefen);
    expect(indexOfCommand(runs, 'npm ci')).toBeGreaterThanOrEqual(0);
    expect(runs).toContain('npm run pruefen -- --format github');
    expect(indexOfCommand(runs, 'npm ci')).toBeLessThan(runs.indexOf('npm run pruefen -- --format github'));
    expect(needsOf(test)).toContain('pruefen');
  });

  it('läuft bei jedem Pull Request und im Hauptzweig', () => {
    for (const job of ['pruefen', 'test']) {
      expect(ghJobRuns(job, 'pullRequest'), job).toBe(true);
      expect(ghJobRuns(job, 'pushMain'), job).toBe(true);
    }
  });

  it('holt die ganze Geschichte (Änderungsdaten der Seiten)', () => {
    for (const [name, job] of Object.entries(github.jobs)) {
      for (const checkout of ghUses(job, 'actions/checkout')) expect(checkout.with?.['fetch-depth'], name).toBe(0);
    }
    expect(ghUses(pruefen, 'actions/checkout')).toHaveLength(1);
    expect(ghUses(test, 'actions/checkout')).toHaveLength(1);
  });

  it('behält .astro-cache/ zwischen den Läufen, benannt nach Paketstand und Inhalt', () => {
    const cache = one(ghUses(test, 'actions/cache'), 'actions/cache im Job test');
    expect(String(cache.with?.path).split('\n').map((p) => p.trim())).toContain('.astro-cache/');
    const key = String(cache.with?.key);
    expect(key).toContain("hashFiles('package-lock.json')");
    expect(key).toMatch(/hashFiles\([^)]*'content\/\*\*'/);
    expect(String(cache.with?.['restore-keys'] ?? '')).not.toBe('');
    const steps = test.steps;
    expect(steps.indexOf(cache)).toBeLessThan(steps.findIndex((s) => s.run === 'npm test'));
  });

  it('lässt die Browser-Tests mit dem vorinstallierten Chrome laufen', () => {
    expect(test.env?.CHROME_PATH).toBe('/usr/bin/google-chrome');
  });

  it('hebt dist/ als Vorschau „vorschau-<Zweig>“ auf', () => {
    const upload = one(ghUses(test, 'actions/upload-artifact'), 'actions/upload-artifact');
    expect(upload.with?.path).toBe('dist/');
    expect(test.steps.indexOf(upload)).toBeGreaterThan(test.steps.findIndex((s) => s.run === 'npm run build'));
    const namer = one(test.steps.filter((s) => s.id === 'vorschau'), 'Schritt „vorschau“');
    expect(upload.with?.name).toBe('${{ steps.vorschau.outputs.name }}');

    // Run the naming step as the runner would: branch names with "/" and worse become valid names.
    const dir = mkdtempSync(join(tmpdir(), 'planwerk-vorlagen-'));
    const output = join(dir, 'out');
    const named = (zweig: string) => {
      execFileSync('bash', ['-c', namer.run!], { env: { ...process.env, ZWEIG: zweig, GITHUB_OUTPUT: output, LC_ALL: 'C.UTF-8' } });
      return readFileSync(output, 'utf8').trim().split('\n').at(-1)!;
    };
    expect(named('main')).toBe('name=vorschau-main');
    expect(named('redaktion/neue-massnahme')).toBe('name=vorschau-redaktion-neue-massnahme');
    const tricky = named('a"b:c<d>e|f*g?h\\i;touch x');
    expect(tricky.slice('name='.length)).toMatch(/^vorschau-[A-Za-z0-9._-]+$/);
    expect(readdirSync(dir)).toEqual(['out']);
    // The branch name comes from the event; it reaches the shell only through the environment.
    expect(namer.env?.ZWEIG).toMatch(/github\.head_ref/);
  });

  it('setzt keinen Wert aus dem Pull Request direkt in einen Befehl ein', () => {
    for (const job of Object.values(github.jobs)) {
      for (const step of job.steps) expect(step.run ?? '', step.name).not.toMatch(/\$\{\{[^}]*github\.(head_ref|event\.)/);
    }
  });

  it('veröffentlicht nur aus dem Hauptzweig, nach Prüfung und Tests', () => {
    const pagesJobs = Object.entries(github.jobs).filter(([, job]) => ghUses(job, 'actions/deploy-pages').length > 0);
    expect(pagesJobs.map(([name]) => name)).toEqual(['deploy']);
    const deploy = ghJob('deploy');
    expect(ghJobRuns('deploy', 'pushMain')).toBe(true);
    expect(ghJobRuns('deploy', 'pullRequest')).toBe(false);
    // Even if the workflow were started for another branch, the job's own condition holds it back.
    expect(ghIf(deploy.if, GH_EVENTS.pushOther)).toBe(false);
    expect(allNeeds(github.jobs, 'deploy')).toEqual(new Set(['test', 'pruefen']));

    expect(ghUses(deploy, 'actions/upload-pages-artifact')).toHaveLength(1);
    expect(deploy.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(typeof deploy.environment === 'string' ? deploy.environment : deploy.environment?.name).toBe('github-pages');
    // Only the deploy job may write; everything else reads.
    expect(github.permissions).toEqual({ contents: 'read' });
    for (const [name, job] of Object.entries(github.jobs)) if (name !== 'deploy') expect(job.permissions, name).toBeUndefined();
  });

  it('veröffentlicht nur, wenn die gebaute Website zur Adresse passt, die GitHub Pages meldet', () => {
    const deploy = ghJob('deploy');
    const configure = one(ghUses(deploy, 'actions/configure-pages'), 'actions/configure-pages');
    const pruefen = one(deploy.steps.filter((st) => st.name === 'Adresse prüfen'), 'Schritt „Adresse prüfen“');
    expect(pruefen.env?.ADRESSE).toBe(`\${{ steps.${configure.id}.outputs.base_url }}`);
    expect(pruefen.run).toContain('exit 1');
    const upload = one(ghUses(deploy, 'actions/upload-pages-artifact'), 'actions/upload-pages-artifact');
    const download = one(ghUses(deploy, 'actions/download-artifact'), 'actions/download-artifact');
    expect(deploy.steps.indexOf(download)).toBeLessThan(deploy.steps.indexOf(pruefen));
    expect(deploy.steps.indexOf(configure)).toBeLessThan(deploy.steps.indexOf(pruefen));
    expect(deploy.steps.indexOf(pruefen)).toBeLessThan(deploy.steps.indexOf(upload));
  });

  it('veröffentlicht genau die Website, die der Job test gebaut hat', () => {
    const deploy = ghJob('deploy');
    const download = one(ghUses(deploy, 'actions/download-artifact'), 'actions/download-artifact');
    expect(download.with?.name).toBe('${{ needs.test.outputs.vorschau }}');
    expect(test.outputs?.vorschau).toBe('${{ steps.vorschau.outputs.name }}');
    const pages = one(ghUses(deploy, 'actions/upload-pages-artifact'), 'actions/upload-pages-artifact');
    expect(pages.with?.path).toBe(download.with?.path);
    expect(deploy.steps.indexOf(download)).toBeLessThan(deploy.steps.indexOf(pages));
  });

  it('nennt in den Kommentaren den Unterpfad und die nicht ausgewerteten _headers', () => {
    const text = read('.github/workflows/plan.yml');
    expect(text).toMatch(/Unterpfad/);
    expect(text).toMatch(/_headers[\s\S]{0,80}NICHT/);
  });
});

// ---------------------------------------------------------------------------------------------
// GitLab CI

interface GlJob {
  stage?: string;
  image?: string;
  needs?: (string | { job: string })[];
  rules?: { if?: string; when?: string }[];
  script?: string[];
  before_script?: string[];
  variables?: Record<string, string>;
  cache?: { paths?: string[]; key?: unknown } | unknown[];
  artifacts?: { paths?: string[]; when?: string; expose_as?: string; expire_in?: string; reports?: Record<string, string> };
}

const gitlab = yamlOf('.gitlab-ci.yml') as Record<string, any>;
const RESERVED = new Set(['image', 'stages', 'variables', 'default', 'workflow', 'include', 'cache', 'before_script', 'after_script', 'services']);
const glJobs: Record<string, GlJob> = Object.fromEntries(Object.entries(gitlab).filter(([k]) => !RESERVED.has(k) && !k.startsWith('.')));
/** A job of the GitLab file; a missing one fails the test with its name. */
const glJob = (name: string): GlJob => glJobs[name] ?? expect.fail(`Job „${name}“ fehlt in .gitlab-ci.yml`);
const glCommands = (job: GlJob) => commandsOf([...(job.before_script ?? gitlab.default?.before_script ?? []), ...(job.script ?? [])]);
const glCache = (job: GlJob) => (job.cache !== undefined ? job.cache : gitlab.default?.cache ?? gitlab.cache);
const glCachePaths = (job: GlJob) => {
  const c = glCache(job);
  const list = Array.isArray(c) ? c : c ? [c] : [];
  return list.flatMap((x: { paths?: string[] }) => x.paths ?? []);
};

/** Evaluates one GitLab `rules: if:` expression: `$A == "x"`, `$A == $B`, `$A != …`, `$A`, joined by `&&`. */
function glIf(expression: string, vars: Record<string, string | undefined>): boolean {
  const value = (operand: string) => {
    const o = operand.trim();
    if (o.startsWith('$')) return vars[o.slice(1)];
    const m = o.match(/^"([^"]*)"$|^'([^']*)'$/);
    if (!m) throw new Error(`Unerwarteter Wert in rules: ${o}`);
    return m[1] ?? m[2];
  };
  return expression.split('&&').every((clause) => {
    const m = clause.trim().match(/^(\S+)\s*(==|!=)\s*(\S+)$/);
    if (!m) {
      if (/^\$\w+$/.test(clause.trim())) return Boolean(value(clause));
      throw new Error(`Unerwartete Bedingung in rules: ${clause}`);
    }
    const equal = value(m[1]!) === value(m[3]!);
    return m[2] === '==' ? equal : !equal;
  });
}

const GL_PIPELINES = {
  mergeRequest: { CI_PIPELINE_SOURCE: 'merge_request_event', CI_DEFAULT_BRANCH: 'main', CI_COMMIT_BRANCH: undefined, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' },
  mergeRequestMitVorschau: { CI_PIPELINE_SOURCE: 'merge_request_event', CI_DEFAULT_BRANCH: 'main', CI_COMMIT_BRANCH: undefined, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main', PLANWERK_VORSCHAU_AUF_PAGES: 'ja' },
  pushMain: { CI_PIPELINE_SOURCE: 'push', CI_DEFAULT_BRANCH: 'main', CI_COMMIT_BRANCH: 'main' },
  pushOther: { CI_PIPELINE_SOURCE: 'push', CI_DEFAULT_BRANCH: 'main', CI_COMMIT_BRANCH: 'redaktion/neue-massnahme' },
};

/** Whether a job is in the pipeline: the first matching rule decides, as in GitLab. */
function glJobRuns(name: string, pipeline: keyof typeof GL_PIPELINES): boolean {
  const vars = GL_PIPELINES[pipeline];
  const workflow: { if?: string; when?: string }[] | undefined = gitlab.workflow?.rules;
  if (workflow) {
    const w = workflow.find((r) => r.if === undefined || glIf(r.if, vars));
    if (!w || w.when === 'never') return false;
  }
  const rules = glJob(name).rules;
  if (!rules) return true;
  const rule = rules.find((r) => r.if === undefined || glIf(r.if, vars));
  return rule !== undefined && rule.when !== 'never';
}

const needNames = (job: GlJob) => (job.needs ?? []).map((n) => (typeof n === 'string' ? n : n.job));

describe('GitLab-CI-Vorlage (.gitlab-ci.yml)', () => {
  it('verwendet das Node des Projekts auf Debian', () => {
    const pinned = JSON.parse(read('package.json')).devDependencies.node.match(/\d+/)[0];
    expect(gitlab.image).toBe(`node:${pinned}-bookworm`);
    expect(gitlab.stages).toEqual(['pruefen', 'test', 'deploy']);
  });

  it('führt die Befehle aus dem README aus, in ihrer Reihenfolge', () => {
    const commands = readmeCommands();
    const test = glCommands(glJob('test'));
    const pruefen = glCommands(glJob('pruefen'));
    for (const c of commands) expect(indexOfCommand(c === 'npm run pruefen' ? pruefen : test, c), c).toBeGreaterThanOrEqual(0);
    expect(indexOfCommand(test, 'npm ci')).toBeLessThan(indexOfCommand(test, 'npm test'));
    expect(indexOfCommand(test, 'npm test')).toBeLessThan(indexOfCommand(test, 'npm run build'));
    expect(glJob('test').stage).toBe('test');
    expect(needNames(glJob('test'))).toContain('pruefen');
  });

  it('installiert Chromium aus Debian für die Browser-Tests', () => {
    const test = glCommands(glJob('test'));
    const install = test.findIndex((c) => /apt-get install\b.*\bchromium\b/.test(c));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(install).toBeLessThan(indexOfCommand(test, 'npm test'));
    expect(glJob('test').variables?.CHROME_PATH ?? '/usr/bin/chromium').toBe('/usr/bin/chromium');
  });

  it('prüft den Plan und zeigt die Funde als Code-Quality-Bericht im Merge Request', () => {
    const job = glJob('pruefen');
    expect(job.stage).toBe('pruefen');
    const commands = glCommands(job);
    const pruefen = commands.find((c) => c.startsWith('npm run pruefen'));
    expect(pruefen).toBe('npm run pruefen -- --format gitlab --bericht gl-code-quality-report.json');
    expect(indexOfCommand(commands, 'npm ci')).toBeLessThan(commands.indexOf(pruefen!));
    const bericht = pruefen!.match(/--bericht (\S+)/)![1];
    expect(job.artifacts?.reports?.codequality).toBe(bericht);
    // The report is wanted most when the check fails.
    expect(job.artifacts?.when).toBe('always');
  });

  it('läuft in Merge Requests und im Standardzweig', () => {
    for (const job of ['pruefen', 'test']) {
      expect(glJobRuns(job, 'mergeRequest'), job).toBe(true);
      expect(glJobRuns(job, 'pushMain'), job).toBe(true);
    }
  });

  it('holt die ganze Geschichte (Änderungsdaten der Seiten)', () => {
    expect(String(gitlab.variables?.GIT_DEPTH)).toBe('0');
    for (const job of ['pruefen', 'test']) expect(glJob(job).variables?.GIT_DEPTH, job).toBeUndefined();
  });

  it('behält .astro-cache/ und die npm-Pakete zwischen den Läufen', () => {
    for (const job of ['pruefen', 'test']) {
      const paths = glCachePaths(glJob(job));
      expect(paths, job).toContain('.astro-cache/');
      // GitLab keeps only folders inside the project: npm's cache must be put there.
      const npmCache: string = gitlab.variables?.npm_config_cache ?? '';
      expect(npmCache.startsWith('$CI_PROJECT_DIR/')).toBe(true);
      expect(paths.map((p: string) => p.replace(/\/$/, ''))).toContain(npmCache.slice('$CI_PROJECT_DIR/'.length).replace(/\/$/, ''));
    }
  });

  it('hebt dist/ als Vorschau im Merge Request auf', () => {
    const a = glJob('test').artifacts!;
    expect(a.paths).toContain('dist/');
    expect(a.expose_as).toBe('Vorschau');
    expect(a.expire_in).toMatch(/^\d+ (day|days|week|weeks)$/);
  });

  it('veröffentlicht mit GitLab Pages nur aus dem Standardzweig, nach Prüfung und Tests', () => {
    const deployJobs = Object.entries(glJobs).filter(([, job]) => job.stage === 'deploy').map(([name]) => name);
    expect(deployJobs.sort()).toEqual(['pages', 'vorschau']);
    expect(glJobRuns('pages', 'pushMain')).toBe(true);
    expect(glJobRuns('pages', 'mergeRequest')).toBe(false);
    expect(glJobRuns('pages', 'pushOther')).toBe(false);

    const pages = glJob('pages');
    expect(pages.artifacts?.paths).toEqual(['public']);
    expect(needNames(pages)).toEqual(['test']);
    // public/ is the tested dist/ from the test job, not a second build.
    expect(glCommands(pages)).toContain('mv dist public');
    expect(glCommands(pages).some((c) => c.startsWith('npm '))).toBe(false);
  });

  it('zeigt die Vorschau eines Merge Requests auf Wunsch als Website unter ihrem eigenen Unterpfad', () => {
    const job = glJob('vorschau') as GlJob & { pages?: { path_prefix?: string; expire_in?: string }; environment?: { name?: string; url?: string } };
    // Only in merge requests, and only when the project asked for it (parallel deployments need GitLab Premium).
    expect(glJobRuns('vorschau', 'mergeRequest')).toBe(false);
    expect(glJobRuns('vorschau', 'mergeRequestMitVorschau')).toBe(true);
    expect(glJobRuns('vorschau', 'pushMain')).toBe(false);
    expect(needNames(job)).toEqual(['test']);
    // A path prefix of its own: the published site is never replaced by a preview.
    const prefix = job.pages?.path_prefix ?? '';
    expect(prefix).toBe('$VORSCHAU');
    expect(job.variables?.VORSCHAU).toMatch(/\$CI_MERGE_REQUEST_IID/);
    expect(job.pages?.expire_in).toMatch(/^\d+ (day|days|week|weeks)$/);
    // Built for that subpath, and linked from the merge request under it.
    const build = glCommands(job).find((c) => c.includes('npm run build'))!;
    expect(build).toMatch(/^PLANWERK_BASIS="[^"]*\/\$VORSCHAU\/" npm run build$/);
    expect(job.environment?.url).toBe('$CI_PAGES_URL/$VORSCHAU/');
    expect(glCommands(job)).toContain('mv dist public');
    expect(job.artifacts?.paths).toEqual(['public']);
  });

  it('nennt in den Kommentaren den Unterpfad und die nicht ausgewerteten _headers', () => {
    const text = read('.gitlab-ci.yml');
    expect(text).toMatch(/Unterpfad/);
    expect(text).toMatch(/_headers[\s\S]{0,80}NICHT/);
  });
});

// ---------------------------------------------------------------------------------------------
// CODEOWNERS example

/** CODEOWNERS rules in file order: a pattern and its owners. */
function codeowners(text: string): { pattern: string; owners: string[] }[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((l) => {
      const [pattern, ...owners] = l.split(/\s+/);
      return { pattern: pattern!, owners };
    });
}

/** Whether a CODEOWNERS pattern matches a repository path (the subset of gitignore syntax used here). */
function matches(pattern: string, path: string): boolean {
  if (pattern === '*') return true;
  const anchored = pattern.startsWith('/');
  const body = pattern.replace(/^\//, '');
  const dir = body.endsWith('/');
  const re = body
    .replace(/\/$/, '')
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`${anchored ? '^' : '(^|/)'}${re}${dir ? '/' : '$'}`).test(path);
}

/** Owners of a path: the last matching rule wins. `specific` ignores the catch-all `*`. */
function ownersOf(rules: ReturnType<typeof codeowners>, path: string, specific = false): string[] | undefined {
  return rules.filter((r) => (!specific || r.pattern !== '*') && matches(r.pattern, path)).at(-1)?.owners;
}

describe('CODEOWNERS-Beispiel (docs/CODEOWNERS.beispiel)', () => {
  const rules = codeowners(read('docs/CODEOWNERS.beispiel'));
  const frontmatter = (file: string) => parse(read(file).split(/^---$/m)[1] ?? '') as Record<string, unknown>;

  it('wirkt nicht von selbst (kein Name, den GitHub oder GitLab liest)', () => {
    expect(readdirSync(join(PROJECT, 'docs'))).not.toContain('CODEOWNERS');
    expect(rules.every((r) => r.owners.length > 0 && r.owners.every((o) => /^@[\w-]+\/[\w-]+$/.test(o)))).toBe(true);
  });

  it('gibt jedem Handlungsfeld des Beispielplans ein eigenes Team, und seinen Maßnahmen dasselbe', () => {
    const felder = readdirSync(join(PROJECT, 'content/handlungsfelder')).filter((f) => f.endsWith('.mdx'));
    expect(felder.length).toBeGreaterThan(0);
    const feldOwner = new Map<string, string[]>();
    for (const f of felder) {
      const owners = ownersOf(rules, `content/handlungsfelder/${f}`, true);
      expect(owners, f).toBeDefined();
      feldOwner.set(f.replace(/\.mdx$/, ''), owners!);
    }
    const teams = new Set([...feldOwner.values()].map((o) => o.join(' ')));
    expect(teams.size).toBe(felder.length);

    const massnahmen = readdirSync(join(PROJECT, 'content/massnahmen')).filter((f) => f.endsWith('.mdx'));
    expect(massnahmen.length).toBeGreaterThan(0);
    for (const m of massnahmen) {
      const feld = frontmatter(`content/massnahmen/${m}`).handlungsfeld as string;
      expect(ownersOf(rules, `content/massnahmen/${m}`, true), m).toEqual(feldOwner.get(feld));
    }
  });

  it('gibt jeder Datendatei und die Finanzdaten der Kämmerei', () => {
    const daten = readdirSync(join(PROJECT, 'content/daten')).filter((f) => /\.(csv|yaml)$/.test(f));
    for (const d of daten) expect(ownersOf(rules, `content/daten/${d}`, true), d).toBeDefined();
    for (const d of ['content/daten/finanzierung.csv', 'content/daten/laufende-kosten.csv', 'content/finanzen.yaml', 'content/daten/finanzen/kita-it.csv']) {
      expect(ownersOf(rules, d), d).toContain('@musterstadt/kaemmerei');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Pull-request template and editor guide

/** The schema files of src/plan/schemas/, one text. */
const SCHEMAS = readdirSync(join(PROJECT, 'src/plan/schemas'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => read(`src/plan/schemas/${f}`))
  .join('\n');
/** Whether a zod object in src/plan/schemas/ has this field (`field: z.…`, `field: dateSchema`, `field: ref(…)`). */
const fieldExists = (field: string) => new RegExp(`^\\s*${field}: [A-Za-z]`, 'm').test(SCHEMAS);

describe('Pull-Request-Vorlage (.github/pull_request_template.md)', () => {
  const text = read('.github/pull_request_template.md');

  it('enthält die Checkliste der Redaktion', () => {
    const items = text.split('\n').filter((l) => l.startsWith('- [ ] '));
    const expected: [string, RegExp][] = [
      ['Prüfung grün', /npm run pruefen/],
      ['Kennzahlen statt getippter Zahlen', /<Kennzahl/],
      ['feste Anker', /alteAnker/],
      ['Quelle und Stand', /Quelle[\s\S]*Stand/],
      ['Entwurf', /entwurf: true/],
      ['Änderungshinweis', /aenderungshinweis/],
      ['Vorschau auf Telefon und Desktop', /Vorschau[\s\S]*Telefon[\s\S]*Desktop/],
    ];
    for (const [what, re] of expected) expect(items.some((i) => re.test(i)), what).toBe(true);
  });

  it('nennt nur Felder, die es im Schema gibt', () => {
    for (const field of ['alteAnker', 'aenderungshinweis', 'entwurf', 'aliase']) expect(fieldExists(field), field).toBe(true);
  });
});

describe('Leitfaden für die Redaktion (docs/redaktion.md)', () => {
  const text = read('docs/redaktion.md');
  const prose = text.replace(/^```[\s\S]*?^```/gm, '');

  it('verweist im Inhaltsverzeichnis nur auf Überschriften, die es gibt (wie GitHub und GitLab sie verlinken)', () => {
    const slugger = new GithubSlugger();
    const anchors = new Set([...prose.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slugger.slug(m[1]!)));
    const links = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const l of links) expect(anchors, l).toContain(l);
  });

  it('nennt nur npm-Befehle, die es gibt', () => {
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts);
    const used = [...text.matchAll(/npm run ([\w-]+)/g)].map((m) => m[1]);
    expect(used).toEqual(expect.arrayContaining(['neu', 'pruefen', 'preview']));
    for (const s of used) expect(scripts, s).toContain(s);
  });

  it('nennt nur Felder, die es im Schema gibt', () => {
    for (const field of ['alteAnker', 'aenderungshinweis', 'entwurf', 'aliase', 'stand', 'quelle', 'genauigkeit']) {
      expect(text).toContain(field);
      expect(fieldExists(field), field).toBe(true);
    }
  });

  const musterstadt = modelOf(PROJECT);
  const grossstadtResult = validatePlan(planLocation(join(PROJECT, 'beispiele/grossstadt'), PROJECT));
  const plaene: PlanModel[] = [musterstadt, grossstadtResult.model!];

  const kennzahlen = (s: string) =>
    [...s.matchAll(/<Kennzahl (name=[^>]*?)\s*\/>/g)].map((m) => ({
      tag: m[0],
      params: Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((p) => [p[1], p[2]])) as Params & { name: string },
    }));

  it('zeigt nur Kennzahlen, die sich in einem der Beispielpläne berechnen lassen', () => {
    expect(grossstadtResult.model).toBeDefined();
    const examples = kennzahlen(text);
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const { tag, params } of examples) {
      const { name, ...rest } = params;
      expect(Object.keys(KENNZAHLEN), tag).toContain(name);
      const computable = plaene.some((m) => {
        try {
          kennzahl(m, name, rest);
          return true;
        } catch {
          return false;
        }
      });
      expect(computable, tag).toBe(true);
    }
  });

  it('zeigt Abschnittsnummern, Überschriften und Felder, wie sie im Beispielplan in beispiele/grossstadt/ stehen', () => {
    const section = text.slice(text.indexOf('## Auf Abschnitte und Seiten verweisen'), text.indexOf('## Bestandstabellen'));
    const baum = abschnittsbaum(grossstadtResult.model!);
    const nummern = [...section.matchAll(/<Abschnitt nummer="([^"]+)"/g), ...section.matchAll(/(?:zielsetzungen|abschnitte): \["([^"]+)"\]/g)].map((m) => m[1]!);
    expect(nummern.length).toBeGreaterThanOrEqual(4);
    for (const n of nummern) expect(baum.nachNummer.has(n), n).toBe(true);
    const ordner = join(PROJECT, 'beispiele/grossstadt');
    for (const [, kopf] of section.matchAll(/^(#{2,3} \d[^\n]*\{#[^}]+\})$/gm)) {
      expect(readdirSync(join(ordner, 'kapitel')).some((f) => readFileSync(join(ordner, 'kapitel', f), 'utf8').split('\n').includes(kopf!)), kopf).toBe(true);
    }
  });

  it('zeigt als Ergebnis des Beispiels die Zahlen, die der Beispielplan wirklich ergibt', () => {
    const section = text.slice(text.indexOf('## Eine berechnete Zahl zitieren'));
    const source = section.match(/```mdx\n([\s\S]*?)```/)![1]!;
    const shown = section.match(/wird auf der Website zu „([^“]*)“/)![1];
    const rendered = source
      .replace(/<Kennzahl ([^>]*?)\s*\/>/g, (_, attrs: string) => {
        const { name, ...rest } = Object.fromEntries([...attrs.matchAll(/(\w+)="([^"]*)"/g)].map((p) => [p[1], p[2]]));
        return kennzahl(musterstadt, name, rest).text;
      })
      .replace(/\s+/g, ' ')
      .trim();
    expect(rendered).toBe(shown);
  });

  it('zeigt als Beispiel einer Fehlermeldung, was „npm run pruefen“ wirklich ausgibt', async () => {
    // The guide's example: a decimal point in the latest survey round, line 14, and an unknown actor in I-01.
    const root = mkdtempSync(join(tmpdir(), 'planwerk-redaktion-'));
    cpSync(join(PROJECT, 'content'), join(root, 'content'), { recursive: true });
    const csv = join(root, 'content/daten/erhebungen/2026-09.csv');
    const rows = readFileSync(csv, 'utf8').split('\n');
    const column = rows[0]!.split(';').indexOf('wlan_abdeckung');
    const cells = rows[13]!.split(';');
    cells[column] = '87.5';
    rows[13] = cells.join(';');
    writeFileSync(csv, rows.join('\n'));
    const mdx = join(root, 'content/massnahmen/i-01.mdx');
    writeFileSync(mdx, readFileSync(mdx, 'utf8').replace('verantwortlich: [schulverwaltungsamt]', 'verantwortlich: [stadtrat]'));

    const actual = textAusgabe(await pruefe(root)).split('\n');
    const section = text.slice(text.indexOf('## Eine Fehlermeldung lesen'));
    const shown = section.match(/Zum Beispiel:\n\n```\n([\s\S]*?)\n```/)![1]!.split('\n');
    // Everything but the time it took.
    const ohneZeit = (line: string) => line.replace(/ in \d+,\d s\.$/, ' in … s.');
    expect(shown.map(ohneZeit)).toEqual(actual.map(ohneZeit));
  });

  it('zeigt das Beispiel einer alteAnker-Zeile so, wie es im Beispielplan steht', () => {
    const line = text.match(/^\s*(alteAnker: \{[^}]*\})$/m)![1];
    expect(read('content/kapitel/ausgangslage.mdx')).toContain(line);
  });
});
