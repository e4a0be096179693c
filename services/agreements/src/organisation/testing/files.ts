import { municipalities } from '@samverkan/geo';

/** The header of the organisation CSV format. */
export const HEADER = 'record,id,name,parent,municipality_code,part,valid_from,valid_to,source_title,source_published_on,source_url,source_note,attests_on';

/** Made-up test rows (for test databases only): six good rows, five bad ones, mixed. */
export const GOOD_AND_BAD = [
  HEADER,
  'lpo,test-malmo-norr,Lokalpolisområde Testmalmö Norr,test-malmo,,,,,Testkälla,,,,', // 2: good (its district comes later)
  'district,test-malmo,Polisområde Testmalmö,SYD,,,2018-09-01,,Testkälla,2018-08-01,https://example.org/a,,', // 3: good
  'link,test-malmo-norr,,,1280,true,2020-01-01,,Testkälla,,,,', // 4: good
  'avdelning,test-x,Något,SYD,,,,,Testkälla,,,,', // 5: unknown kind
  'lpo,test-lomma,Lokalpolisområde Testlomma,SYD,,,2024-01-01,2023-12-31,Testkälla,,,,', // 6: backwards period
  'link,test-malmo-norr,,,0180,,,,Testkälla,,,,', // 7: kommun outside the region
  'link,test-malmo-norr,,,1280,true,2021-01-01,,Testkälla,,,,', // 8: overlaps line 4
  'lpo,test-ystad,Lokalpolisområde Testystad,test-okand,,,,,Testkälla,,,,', // 9: unknown parent
  'link,test-malmo,,,1261,,,,Testkälla,,,,', // 10: good (a district's own kommun)
  'lpo,test-malmo-syd,Lokalpolisområde Testmalmö Syd,test-malmo,,,,,Testkälla,,,,', // 11: good
  'succession,test-malmo-norr,,test-malmo-syd,,,2027-01-01,,Testkälla,,,,', // 12: good
].join('\n');

/** Trelleborg split in two from 2026-01-01 (made up, for test databases only). */
export const TRELLEBORG_SPLIT = [
  HEADER,
  'lpo,trelleborg,Lokalpolisområde Trelleborg,SYD,,,,2025-12-31,Testkälla: omorganisation,,,,',
  ...['1233', '1263', '1287'].map((code) => `link,trelleborg,,,${code},,,2025-12-31,Testkälla: omorganisation,,,,`),
  'lpo,trelleborg-vast,Lokalpolisområde Trelleborg Väst,SYD,,,2026-01-01,,Testkälla: omorganisation,,,,',
  'lpo,trelleborg-ost,Lokalpolisområde Trelleborg Öst,SYD,,,2026-01-01,,Testkälla: omorganisation,,,,',
  'link,trelleborg-vast,,,1287,,2026-01-01,,Testkälla: omorganisation,,,,',
  'link,trelleborg-vast,,,1233,,2026-01-01,,Testkälla: omorganisation,,,,',
  'link,trelleborg-ost,,,1263,,2026-01-01,,Testkälla: omorganisation,,,,',
  'succession,trelleborg,,trelleborg-vast,,,2026-01-01,,Testkälla: omorganisation,,,,',
  'succession,trelleborg,,trelleborg-ost,,,2026-01-01,,Testkälla: omorganisation,,,,',
].join('\n');

/** A file of `lpos` made-up lokalpolisområden with four kommuner each (5 rows per area). */
export function largeFile(lpos: number): string {
  const lines = [HEADER];
  for (let i = 0; i < lpos; i += 1) {
    const region = municipalities[i % municipalities.length]!.policeRegionCode;
    const own = municipalities.filter((m) => m.policeRegionCode === region);
    lines.push(`lpo,test-lpo-${i},Testområde ${i},${region},,,,,Testkälla stor fil,,,,`);
    for (let k = 0; k < 4; k += 1) lines.push(`link,test-lpo-${i},,,${own[(i + k * 7) % own.length]!.code},true,,,Testkälla stor fil,,,,`);
  }
  return lines.join('\n');
}
