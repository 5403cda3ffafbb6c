/**
 * The vitest configuration of a mutation run: the project's own, with only the test files of the
 * module being mutated (scripts/mutation/modules.mjs), handed over by run.mjs in MUTATION_TESTS.
 */
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config';

const tests = (process.env.MUTATION_TESTS ?? '').split(',').filter(Boolean);
if (tests.length === 0) throw new Error('MUTATION_TESTS names no test file: run this through npm run test:mutation');

// Replaces the include list (mergeConfig would add to it); Stryker's instrumented code runs several
// times slower, so a test gets longer than the suite's 20 s before it counts as failed.
export default defineConfig({ ...base, test: { ...base.test, include: tests, testTimeout: 120_000 } });
