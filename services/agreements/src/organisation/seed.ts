import type { Tx } from '../db';
import { heldForReferences, localPoliceAreaReferences } from '../reference/police-organisation';
import { dayOf } from './rules';
import { bumpRevision, lockOrganisation } from './state';

/**
 * Loads the reference lokalpolisområden: an area missing is created with its kommuner and sources;
 * one the hub already has is corrected only while no one has changed it (version 1), and gets the
 * sources it lacks. Kommuner of an existing area are left alone: an administrator may have
 * reorganised it. `referencedAreaIds` are the areas the reference records name; an area kept only
 * for references is loaded while they, or stored agreements and promises, name it.
 */
export async function seedPoliceOrganisation(tx: Tx, referencedAreaIds: readonly string[]): Promise<void> {
  await lockOrganisation(tx);
  const stored = new Map((await tx.localPoliceArea.findMany()).map((row) => [row.id, row]));
  const storedReferences = [
    ...(await tx.agreementLocalPoliceArea.findMany({ select: { localPoliceAreaId: true }, distinct: ['localPoliceAreaId'] })),
    ...(await tx.citizenPromise.findMany({ where: { localPoliceAreaId: { not: null } }, select: { localPoliceAreaId: true }, distinct: ['localPoliceAreaId'] })),
  ].map((row) => row.localPoliceAreaId);
  const referenced = new Set([...referencedAreaIds, ...storedReferences]);
  const areas = [...localPoliceAreaReferences, ...heldForReferences.filter((area) => referenced.has(area.id)).map((area) => ({ ...area, sources: [] }))];
  let changed = false;
  for (const area of areas) {
    const data = { name: area.name, policeRegionCode: area.policeRegionCode, nameStated: area.nameStated };
    const row = stored.get(area.id);
    if (!row) {
      await tx.localPoliceArea.create({ data: { id: area.id, ...data } });
      await tx.localPoliceAreaMunicipality.createMany({ data: area.municipalityCodes.map((municipalityCode) => ({ localPoliceAreaId: area.id, municipalityCode })) });
      changed = true;
    } else if (row.version === 1 && (row.name !== data.name || row.policeRegionCode !== data.policeRegionCode || row.nameStated !== data.nameStated)) {
      await tx.localPoliceArea.update({ where: { id: area.id }, data });
      changed = true;
    }
    for (const source of area.sources) {
      const publishedOn = dayOf(source.publishedOn);
      if (await tx.organisationSource.findFirst({ where: { localPoliceAreaId: area.id, title: source.title, publishedOn } })) continue;
      await tx.organisationSource.create({ data: { localPoliceAreaId: area.id, title: source.title, publishedOn, url: source.url, note: source.note, attestsOn: dayOf(source.attestsOn) } });
      changed = true;
    }
  }
  if (changed) await bumpRevision(tx);
}
