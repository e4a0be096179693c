/** The options of a nullable `Date` field with its description (spread, then resolve it). */
export const dateField = (description: string) => ({ type: 'Date' as const, nullable: true as const, description });
