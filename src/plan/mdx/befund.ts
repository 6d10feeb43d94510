/** A problem found in an MDX body, before it gets its file: line within the body, field, expected, found. */
export interface BodyProblem {
  line?: number;
  field: string;
  expected: string;
  found: string;
}
