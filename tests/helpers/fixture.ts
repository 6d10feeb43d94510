/**
 * Copies the minimal fixture plan into a temporary project folder, so a test can break
 * one file and see what validation (or the build) says about it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { formatProblem } from '../../src/plan/problems.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import type { Umbenennung } from '../../src/plan/umbenennungen.ts';

export const PROJECT = join(import.meta.dirname, '..', '..');
export const FIXTURE = join(PROJECT, 'tests', 'fixtures', 'minimal');

/** Copies the fixture to a fresh folder; `inProject` puts it under .tmp/ so Astro can build it. */
export function copyFixture(inProject = false): string {
  const base = inProject ? join(PROJECT, '.tmp') : tmpdir();
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(join(base, 'planwerk-'));
  cpSync(join(FIXTURE, 'content'), join(root, 'content'), { recursive: true });
  return root;
}

/** Applies a text edit to a file of the copied plan; fails loudly if the text is not there. */
export function edit(root: string, file: string, from: string | RegExp, to: string) {
  const path = join(root, 'content', file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`Testfehler: „${String(from)}“ nicht in ${file} gefunden`);
  writeFileSync(path, after);
}

export function append(root: string, file: string, text: string) {
  const path = join(root, 'content', file);
  writeFileSync(path, readFileSync(path, 'utf8') + text);
}

export function write(root: string, file: string, text: string) {
  writeFileSync(join(root, 'content', file), text);
}

/** Validation messages of a plan folder, formatted as the build prints them (with a test's own renamed fields, if given). */
export function messages(root: string, umbenennungen?: readonly Umbenennung[]): string[] {
  return validatePlan(planLocation(join(root, 'content'), root), undefined, undefined, umbenennungen).problems.map(formatProblem);
}

/** The validated model of the plan in `root/content` (the sample plan: PROJECT). */
export function modelOf(root: string): PlanModel {
  const result = validatePlan(planLocation(join(root, 'content'), root));
  if (!result.model) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.model;
}

/** The validated model of the unmodified fixture. */
export const fixtureModel = (): PlanModel => modelOf(FIXTURE);
