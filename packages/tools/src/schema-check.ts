import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/*
 * The breaking-change check of the API schema (npm run schema:check): schema.graphql against the
 * last release (schema/released.graphql), with GraphQL Inspector's diff. A breaking change fails
 * the check unless CHANGELOG.md records it — the rule, as CHANGELOG.md states it at its top:
 *
 *   A breaking change is recorded when its schema coordinate (`Type`, `Type.field`,
 *   `Type.field(argument:)`, `Enum.VALUE`, `Input.field`, `@directive`, `@directive(argument:)`) —
 *   or, for a change of an argument, its field's or directive's — is written in backticks in the
 *   `### Breaking` list of a version section (`## [x.y.z]` or `## x.y.z`) whose version is greater
 *   than the released one.
 *
 * Dangerous changes (an argument's default changed, an enum value or union member added …) and
 * safe ones are listed, never failing.
 */

/** One change between the released schema and the current one. */
export interface SchemaChange {
  /** Its schema coordinate, e.g. `Query.actions` or `Mutation.approveAgreement(version:)`. */
  coordinate: string;
  message: string;
  /** GraphQL Inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  level: 'breaking' | 'dangerous' | 'safe';
  /** For a breaking change: the version under whose `### Breaking` list CHANGELOG.md records it. */
  recordedIn?: string;
}

export interface SchemaCheckResult {
  /** The released version the schema was compared with. */
  releasedVersion: string;
  changes: SchemaChange[];
  /** The breaking changes CHANGELOG.md does not record: the check fails when there is any. */
  unrecorded: SchemaChange[];
}

const NAME = '[_A-Za-z][_0-9A-Za-z]*';
const COORDINATE = new RegExp(`^@?${NAME}(?:\\.${NAME})?(?:\\(${NAME}:\\))?$`);

/**
 * The schema coordinate of an Inspector path: `Type.field.argument` → `Type.field(argument:)`,
 * `@directive.argument` → `@directive(argument:)`; a directive's usage on an element
 * (`Type.field.@deprecated`, `Type.field.@deprecated.reason`) → the element's coordinate.
 */
export function coordinateOf(path: string | undefined): string {
  if (!path) return '(schema)';
  let parts = path.split('.').filter((part) => part !== '');
  // A directive used on an element (and that use's arguments) is a change of the element.
  const usage = parts.findIndex((part, index) => index > 0 && part.startsWith('@'));
  if (usage > 0) parts = parts.slice(0, usage);
  if (parts[0]?.startsWith('@')) return parts.length > 1 ? `${parts[0]}(${parts[1]}:)` : parts[0];
  if (parts.length >= 3) return `${parts[0]}.${parts[1]}(${parts[2]}:)`;
  return parts.join('.');
}

/** The coordinates that record a change at `coordinate`: itself, and for an argument its field or directive (`T.f(a:)` → `T.f(a:)`, `T.f`). */
function recordingCoordinates(coordinate: string): string[] {
  const field = coordinate.replace(/\(.*\)$/, '');
  return field === coordinate ? [coordinate] : [coordinate, field];
}

/** The version on the first line of the released schema (`# Release x.y.z …`). */
export function releasedVersionOf(releasedSdl: string): string {
  const match = /^# Release (\d+\.\d+\.\d+)\b/.exec(releasedSdl);
  if (!match) throw new Error('schema/released.graphql does not begin with "# Release x.y.z": name the released version on its first line.');
  return match[1]!;
}

/** Compares two x.y.z versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * The coordinates that CHANGELOG.md records as breaking, by version, for versions greater than
 * `releasedVersion` (see the rule above): `## [x.y.z]` or `## x.y.z` opens a version, `### Breaking`
 * its list of breaking changes (until the next heading), whose backticked coordinates count.
 */
export function recordedBreakingChanges(changelog: string, releasedVersion: string): Map<string, string> {
  const recorded = new Map<string, string>();
  let version: string | null = null;
  let inBreaking = false;
  for (const line of changelog.split(/\r?\n/)) {
    const section = /^##\s+\[?(\d+\.\d+\.\d+)\]?/.exec(line);
    if (/^##\s/.test(line)) {
      version = section ? section[1]! : null;
      inBreaking = false;
      continue;
    }
    if (/^###\s/.test(line)) {
      inBreaking = /^###\s+Breaking\s*$/i.test(line);
      continue;
    }
    if (!inBreaking || !version || compareVersions(version, releasedVersion) <= 0) continue;
    for (const match of line.matchAll(/`([^`]+)`/g)) {
      const coordinate = match[1]!.trim();
      if (COORDINATE.test(coordinate) && !recorded.has(coordinate)) recorded.set(coordinate, version);
    }
  }
  return recorded;
}

const LEVELS: Record<CriticalityLevel, SchemaChange['level']> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/** Compares `currentSdl` with `releasedSdl` and looks each breaking change up in `changelog`. */
export async function checkSchema(input: { releasedSdl: string; currentSdl: string; changelog: string }): Promise<SchemaCheckResult> {
  const releasedVersion = releasedVersionOf(input.releasedSdl);
  const recorded = recordedBreakingChanges(input.changelog, releasedVersion);
  const found: Change[] = await diff(buildSchema(input.releasedSdl), buildSchema(input.currentSdl));
  const changes = found.map((change): SchemaChange => {
    const coordinate = coordinateOf(change.path);
    const level = LEVELS[change.criticality.level];
    const recordedIn = level === 'breaking' ? recordingCoordinates(coordinate).map((c) => recorded.get(c)).find((v) => v !== undefined) : undefined;
    return { coordinate, message: change.message, type: change.type, level, ...(recordedIn ? { recordedIn } : {}) };
  });
  return { releasedVersion, changes, unrecorded: changes.filter((change) => change.level === 'breaking' && !change.recordedIn) };
}

/** The check's report, for a terminal. */
export function formatSchemaCheck(result: SchemaCheckResult): string {
  const lines = [`schema.graphql against release ${result.releasedVersion} (schema/released.graphql):`];
  const titles = { breaking: 'Breaking', dangerous: 'Dangerous (listed, not failing)', safe: 'Safe' } as const;
  for (const level of ['breaking', 'dangerous', 'safe'] as const) {
    const changes = result.changes.filter((change) => change.level === level);
    lines.push('', `${titles[level]}: ${changes.length}`);
    for (const change of changes) {
      const note = level !== 'breaking' ? '' : change.recordedIn ? `  [recorded in CHANGELOG.md under ${change.recordedIn}]` : '  [NOT recorded in CHANGELOG.md]';
      lines.push(`  ${change.coordinate}: ${change.message}${note}`);
    }
  }
  lines.push('');
  if (result.unrecorded.length) {
    lines.push(
      `FAILED: ${result.unrecorded.length} breaking change(s) not recorded. Either keep the API compatible (add the new`,
      'field beside the old one and mark the old one @deprecated(reason: "…")), or record each coordinate in the',
      `\`### Breaking\` list of a version newer than ${result.releasedVersion} in CHANGELOG.md (its rule is at its top).`,
    );
  } else lines.push(`OK: no breaking change that CHANGELOG.md does not record.`);
  return lines.join('\n');
}
