/**
 * The geography codes a table parameter may take. They are fixed by Polisen and SCB and copied here
 * because this package runs in the browser too (no files, no Node); a test checks them against
 * @samverkan/geo.
 */

/** Polisregioner, in Polisen's order. */
export const POLICE_REGION_CODES: readonly string[] = ['NORD', 'MITT', 'STOCKHOLM', 'OST', 'VAST', 'SYD', 'BERGSLAGEN'];

/** Län, SCB's two-digit codes. */
export const COUNTY_CODES: readonly string[] = [
  '01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25',
];

/** Åtgärders statusar and their Swedish names. */
export const ACTION_STATUS_NAMES: Readonly<Record<string, string>> = {
  PLANNED: 'Planerad',
  ONGOING: 'Pågående',
  DONE: 'Genomförd',
  CANCELLED: 'Avbruten',
};
