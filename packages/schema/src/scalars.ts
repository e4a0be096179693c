import { findMunicipality } from '@samverkan/geo';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { formatIsoDate, InvalidDateError, parseIsoDate } from './dates';
import { ErrorCode, shownValue } from './errors';

function literalString(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) {
    throw new GraphQLError(`${scalar} must be written as a string, e.g. "${scalar === 'Date' ? '2024-02-14' : '1281'}"`, {
      extensions: { code: ErrorCode.BadUserInput },
    });
  }
  return ast.value;
}

function asInputError(scalar: string, fn: () => string): string {
  try {
    return fn();
  } catch (error) {
    throw new GraphQLError(`Invalid ${scalar}: ${(error as Error).message}`, { extensions: { code: ErrorCode.BadUserInput } });
  }
}

/** `Date` (datum): a calendar date written `YYYY-MM-DD`, with no time and no time zone. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Datum: a calendar date written YYYY-MM-DD (ISO 8601), e.g. 2024-02-14. Impossible dates such as 2023-02-30 are refused.',
  serialize: (value) => {
    if (typeof value === 'string' || value instanceof Date) return formatIsoDate(value);
    throw new InvalidDateError(`cannot serialize ${typeof value} as a Date`);
  },
  parseValue: (value) => asInputError('Date', () => parseIsoDate(value)),
  parseLiteral: (ast) => asInputError('Date', () => parseIsoDate(literalString(ast, 'Date'))),
});

/** Checks a kommun code: four digits, and a kommun that exists. Returns it unchanged. */
export function parseMunicipalityCode(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}$/.test(value)) {
    throw new Error(`${shownValue(value)} is not a kommun code: SCB's four digits, e.g. "1281" for Lund`);
  }
  if (!findMunicipality(value)) throw new Error(`no kommun has the code ${value}`);
  return value;
}

/** `MunicipalityCode` (kommunkod): SCB's four-digit code of an existing kommun, e.g. 1281 for Lund. */
export const MunicipalityCodeScalar = new GraphQLScalarType<string, string>({
  name: 'MunicipalityCode',
  description: "Kommunkod: SCB's four-digit code of one of Sweden's 290 kommuner, e.g. \"1281\" (Lund). Unknown codes are refused.",
  serialize: (value) => String(value),
  parseValue: (value) => asInputError('MunicipalityCode', () => parseMunicipalityCode(value)),
  parseLiteral: (ast) => asInputError('MunicipalityCode', () => parseMunicipalityCode(literalString(ast, 'MunicipalityCode'))),
});
