/**
 * Validation of a whole project: shape first (schema.ts), then the rules that relate fields
 * (rules.ts). Every problem is returned at once, each with the path of its field.
 */
import type { z } from 'zod';
import { Project } from './schema';
import type { Problem } from './problems';
import { checkRules } from './rules';
import { shapeMessage } from './rules/shape-messages';

export interface ValidationResult {
  /** The parsed project with defaults filled in; absent when the shape itself is wrong. */
  project?: Project;
  problems: Problem[];
}

export function validateProject(input: unknown): ValidationResult {
  const parsed = Project.safeParse(input, { error: shapeMessage });
  if (!parsed.success) return { problems: parsed.error.issues.map(issueToProblem) };
  return { project: parsed.data, problems: checkRules(parsed.data) };
}

function issueToProblem(issue: z.core.$ZodIssue): Problem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  // One unknown key: point at the key itself, so the file line is the offending one.
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) path.push(issue.keys[0]);
  return { path, message: issue.message };
}
