import { badInput, findIndicator, indicatorCatalogue, isFocusAreaCode, requiredText, TITLE_MAX } from '@samverkan/schema';
import type { ResponsibleKind } from '../generated/prisma/client';

/*
 * Input checks of this subgraph's writes. Each failure is a BAD_USER_INPUT error that names the
 * field, so that a form can show it beside the field.
 */

/** An optional fokusområde code, checked against the catalogue; null when not given. */
export function checkedFocusArea(code: string | number | null | undefined, field: string): string | null {
  if (code == null) return null;
  if (!isFocusAreaCode(String(code))) throw badInput(`No fokusområde has the code "${code}"; see \`focusAreas\` for the catalogue.`, { field });
  return String(code);
}

/** A place's coordinates (WGS 84): both or neither, each within its range. */
export function checkCoordinates(latitude: number | null | undefined, longitude: number | null | undefined): void {
  if (latitude != null && (latitude < -90 || latitude > 90)) throw badInput('`latitude` must be between -90 and 90.', { field: 'latitude' });
  if (longitude != null && (longitude < -180 || longitude > 180)) throw badInput('`longitude` must be between -180 and 180.', { field: 'longitude' });
  if ((latitude == null) !== (longitude == null)) throw badInput('Give both `latitude` and `longitude`, or neither.', { field: 'longitude' });
}

/** An åtgärd's responsible parties as given: at least one, exactly one leading; as rows in the given order. */
export function checkedResponsible(responsible: readonly { kind: ResponsibleKind; name: string; lead?: boolean | null }[]) {
  if (responsible.length === 0) throw badInput('Name at least one responsible party.', { field: 'responsible' });
  const leads = responsible.filter((r) => r.lead).length;
  if (leads !== 1) throw badInput(`Exactly one responsible party must lead; ${leads} do.`, { field: 'responsible' });
  return responsible.map((r, index) => ({ kind: r.kind, name: requiredText(r.name, `responsible[${index}].name`, TITLE_MAX), lead: !!r.lead, position: index + 1 }));
}

/** A follow-up's indicator codes, each one of the trygghetsmätning catalogue. */
export function checkedIndicatorCodes(codes: readonly string[]): string[] {
  return codes.map((code, index) => {
    if (!findIndicator(code)) {
      throw badInput(`\`indicatorCodes[${index}]\` "${code}" is not in the indicator catalogue: use ${indicatorCatalogue.map((i) => i.code).join(', ')}.`, { field: `indicatorCodes[${index}]` });
    }
    return code;
  });
}
