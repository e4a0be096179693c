/**
 * The cost of the limit checks on the largest legitimate query: validates the national overview
 * (GraphiQL's region overview without a region, as `npm run bench` asks it) against the committed
 * supergraph's schema N times with graphql-js's own rules, then with the limit rules added, and
 * times the checks of the request's JSON and document nesting. Run: `node bench/dist/limits.js [N]`.
 * Apollo Server validates a document once and keeps it (its document store), so this is what a
 * new document costs; a repeated one costs nothing more.
 */
import { repositoryRoot } from '@samverkan/db';
import { DEFAULT_LIMITS, documentNesting, jsonDepth, limitRules } from '@samverkan/server';
import { buildASTSchema, parse, specifiedRules, validate } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';

// The gateway's build has no type declarations; its examples are plain data.
const { exampleOperations } = require('@samverkan/gateway/dist/examples') as { exampleOperations: { title: string; query: string }[] }; // eslint-disable-line @typescript-eslint/no-require-imports
const SUPERGRAPH_PATH = path.join(repositoryRoot(), 'gateway', 'supergraph.graphql');

const N = Number(process.argv[2] ?? 5000);
const schema = buildASTSchema(parse(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
const regional = exampleOperations.find((example) => example.title.includes('Regionöversikt'));
if (!regional) throw new Error('GraphiQL has no Regionöversikt example to measure.');
const national = regional.query.replace(/\$region: ID = "SYD"/, '$region: ID');
const document = parse(national);
const withLimits = [...specifiedRules, ...limitRules(DEFAULT_LIMITS)];
const variables = { region: null, on: '2025-06-01', year: 2025 };

/**
 * Microseconds per call of each of `runs`: rounds of N calls, the runs taking turns round by round
 * (so that a busy moment of a shared machine falls on each alike), after a warm-up; the median round.
 */
function microseconds(...runs: (() => unknown)[]): number[] {
  for (const run of runs) for (let i = 0; i < N; i += 1) run();
  const rounds: number[][] = runs.map(() => []);
  for (let round = 0; round < 7; round += 1) {
    runs.forEach((run, index) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < N; i += 1) run();
      rounds[index]!.push(Number(process.hrtime.bigint() - started) / 1e3 / N);
    });
  }
  return rounds.map((times) => times.sort((a, b) => a - b)[3]!);
}

const errors = validate(schema, document, withLimits);
if (errors.length) throw new Error(`The national overview is refused: ${errors.map((e) => e.message).join('; ')}`);
const [plain, limited, nesting, json] = microseconds(
  () => validate(schema, document, specifiedRules),
  () => validate(schema, document, withLimits),
  () => documentNesting(national),
  () => jsonDepth({ query: national, variables }),
) as [number, number, number, number];
const round = (value: number) => Math.round(value * 10) / 10;
console.log(`National overview (${national.length} characters), ${N} validations, median of 7 rounds, Node ${process.version}:`);
console.log(`| check | µs per request |`);
console.log(`|---|---|`);
console.log(`| graphql-js validation (its own rules) | ${round(plain)} |`);
console.log(`| the same with the limit rules (depth, aliases, cost) | ${round(limited)} |`);
console.log(`| of which the limit rules | ${round(limited - plain)} (${Math.round(((limited - plain) / plain) * 100)} %) |`);
console.log(`| document nesting (before parsing) | ${round(nesting)} |`);
console.log(`| JSON nesting of the request body | ${round(json)} |`);
