import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { formatIsoDate, isoDateToUtc, parseIsoDate, todayInSweden } from './dates';
import { DateScalar, MunicipalityCodeScalar } from './scalars';

describe('ISO dates', () => {
  it.each(['2024-02-29', '2023-07-01', '2026-12-31', '2000-02-29'])('accepts %s', (date) => expect(parseIsoDate(date)).toBe(date));

  it.each([
    ['2023-02-30', '2023-02 has 28 days'],
    ['1900-02-29', '1900-02 has 28 days'],
    ['2024-04-31', '2024-04 has 30 days'],
    ['2024-00-10', 'month 00 does not exist'],
    ['2024-2-3', 'not a date written YYYY-MM-DD'],
    ['2024-02-03T00:00:00Z', 'not a date written YYYY-MM-DD'],
    ['', 'not a date written YYYY-MM-DD'],
  ])('refuses %s: %s', (date, message) => expect(() => parseIsoDate(date)).toThrow(message));

  it('writes PostgreSQL dates (UTC midnight) as the same calendar day', () => {
    expect(formatIsoDate(isoDateToUtc('2024-02-14'))).toBe('2024-02-14');
    expect(formatIsoDate(new Date('2023-12-31T00:00:00Z'))).toBe('2023-12-31');
  });

  it("knows Sweden's date around midnight UTC", () => {
    expect(todayInSweden(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInSweden(new Date('2026-01-01T22:30:00Z'))).toBe('2026-01-01');
  });
});

describe('the Date and MunicipalityCode scalars', () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        echo: {
          type: GraphQLString,
          args: { date: { type: DateScalar }, kommun: { type: MunicipalityCodeScalar } },
          resolve: (_root, args: { date?: string; kommun?: string }) => `${args.date ?? ''} ${args.kommun ?? ''}`.trim(),
        },
      },
    }),
  });

  it('passes valid values through', async () => {
    const result = await graphql({ schema, source: '{ echo(date: "2024-02-14", kommun: "1281") }' });
    expect(result).toEqual({ data: { echo: '2024-02-14 1281' } });
  });

  it.each([
    ['{ echo(date: "2023-02-30") }', 'Invalid Date: "2023-02-30" is not a date: 2023-02 has 28 days'],
    ['{ echo(date: 20230201) }', 'Date must be written as a string'],
    ['{ echo(kommun: "9999") }', 'Invalid MunicipalityCode: no kommun has the code 9999'],
    ['{ echo(kommun: "128") }', 'Invalid MunicipalityCode: "128" is not a kommun code'],
  ])('refuses %s with a message a person can act on', async (source, message) => {
    const result = await graphql({ schema, source });
    expect(result.errors?.[0]?.message).toContain(message);
  });

  it('checks variables too', async () => {
    const result = await graphql({ schema, source: 'query ($d: Date) { echo(date: $d) }', variableValues: { d: '2023-02-30' } });
    expect(result.errors?.[0]?.message).toContain('2023-02 has 28 days');
  });
});
