import { checkSchema, coordinateOf, recordedBreakingChanges } from './schema-check';

const RELEASED = `# Release 1.2.0 of a test API
type Query {
  actions(status: String): [Action!]!
  action(id: ID!): Action
}
type Action {
  id: ID!
  title: String!
  place: String
}
enum Status { PLANNED DONE }
type Mutation {
  approve(id: ID!, version: Int): Action
  setStatus(id: ID!, status: Status): Action
}
`;

/** The released schema without `Action.place`. */
const WITHOUT_PLACE = RELEASED.replace('  place: String\n', '');

const changelog = (version: string, list: string, coordinate: string) => `# Changelog
## [${version}] - unreleased
### ${list}
- \`${coordinate}\` is gone: use the description instead.
## [1.2.0] - 2026-12-01
### Added
- Things.
`;

describe('the schema check', () => {
  it('fails on a removed field that CHANGELOG.md does not record', async () => {
    const result = await checkSchema({ releasedSdl: RELEASED, currentSdl: WITHOUT_PLACE, changelog: '# Changelog\n' });
    expect(result.changes).toContainEqual(expect.objectContaining({ coordinate: 'Action.place', level: 'breaking', type: 'FIELD_REMOVED' }));
    expect(result.unrecorded.map((change) => change.coordinate)).toEqual(['Action.place']);
  });

  it('passes when the removal is recorded under Breaking of a newer version', async () => {
    const result = await checkSchema({ releasedSdl: RELEASED, currentSdl: WITHOUT_PLACE, changelog: changelog('1.3.0', 'Breaking', 'Action.place') });
    expect(result.unrecorded).toEqual([]);
    expect(result.changes.find((change) => change.coordinate === 'Action.place')?.recordedIn).toBe('1.3.0');
  });

  it('does not count a record under the released version, another list or another coordinate', async () => {
    for (const text of [changelog('1.2.0', 'Breaking', 'Action.place'), changelog('1.3.0', 'Changed', 'Action.place'), changelog('1.3.0', 'Breaking', 'Action.title')]) {
      const result = await checkSchema({ releasedSdl: RELEASED, currentSdl: WITHOUT_PLACE, changelog: text });
      expect(result.unrecorded.map((change) => change.coordinate)).toEqual(['Action.place']);
    }
  });

  it('lists a dangerous change without failing', async () => {
    const result = await checkSchema({ releasedSdl: RELEASED, currentSdl: RELEASED.replace('PLANNED DONE', 'PLANNED DONE CANCELLED'), changelog: '' });
    expect(result.changes).toContainEqual(expect.objectContaining({ coordinate: 'Status.CANCELLED', level: 'dangerous' }));
    expect(result.unrecorded).toEqual([]);
  });

  it('names an argument by its coordinate, and its field records it', async () => {
    const current = RELEASED.replace('approve(id: ID!, version: Int)', 'approve(id: ID!, version: Int!)');
    const unrecorded = await checkSchema({ releasedSdl: RELEASED, currentSdl: current, changelog: '' });
    expect(unrecorded.unrecorded.map((change) => change.coordinate)).toEqual(['Mutation.approve(version:)']);
    for (const coordinate of ['Mutation.approve(version:)', 'Mutation.approve']) {
      const result = await checkSchema({ releasedSdl: RELEASED, currentSdl: current, changelog: changelog('2.0.0', 'Breaking', coordinate) });
      expect(result.unrecorded).toEqual([]);
    }
  });

  it('reads coordinates from the Breaking list only, of versions newer than the released one', () => {
    const text = `## [0.3.0] - unreleased\n### Breaking\n- \`Query.actions\` pages; \`Action.approve(version:)\` required; see \`npm test\`.\n### Added\n- \`Query.other\`\n## 0.2.0\n### Breaking\n- \`Old.field\`\n`;
    expect([...recordedBreakingChanges(text, '0.2.0')]).toEqual([
      ['Query.actions', '0.3.0'],
      ['Action.approve(version:)', '0.3.0'],
    ]);
  });

  it('turns Inspector paths into schema coordinates', () => {
    expect(coordinateOf('Query.actions')).toBe('Query.actions');
    expect(coordinateOf('Mutation.approve.version')).toBe('Mutation.approve(version:)');
    expect(coordinateOf('Query.actions.@deprecated')).toBe('Query.actions');
    expect(coordinateOf('Query.actions.@deprecated.reason')).toBe('Query.actions');
    expect(coordinateOf('Query.actions.status.@deprecated')).toBe('Query.actions(status:)');
    expect(coordinateOf('@auth.role')).toBe('@auth(role:)');
  });

  it('refuses a released schema that does not name its version', async () => {
    await expect(checkSchema({ releasedSdl: 'type Query { a: Int }', currentSdl: 'type Query { a: Int }', changelog: '' })).rejects.toThrow(/# Release x\.y\.z/);
  });
});
