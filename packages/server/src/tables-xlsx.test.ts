import ExcelJS from 'exceljs';
import { tableXlsx } from './tables-xlsx';

describe('tableXlsx', () => {
  it('writes one sheet: a bold frozen header, numbers and dates as such with their formats, text as text', async () => {
    const buffer = await tableXlsx({
      title: 'Efterlevnad: lag [2023:196]/kommuner och polisen i region Syd',
      columns: [
        { key: 'name', header: 'Kommun', kind: 'text' },
        { key: 'count', header: 'Antal', kind: 'integer' },
        { key: 'value', header: 'Värde', kind: 'decimal', decimals: 2 },
        { key: 'share', header: 'Andel', kind: 'percent' },
        { key: 'day', header: 'Dag', kind: 'date' },
      ],
      rows: [
        { name: '=HYPERLINK("http://x")', count: 3, value: 1.785, share: 23.4, day: '2025-10-01' },
        { name: 'Höör', count: null, value: null, share: null, day: null },
      ],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    // Excel's forbidden characters replaced, at most 31 characters.
    expect(sheet.name).toBe('Efterlevnad  lag  2023 196  kom');
    expect(workbook.title).toBe('Efterlevnad: lag [2023:196]/kommuner och polisen i region Syd');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, 'Kommun', 'Antal', 'Värde', 'Andel', 'Dag']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const first = sheet.getRow(2);
    // A formula-looking text is a string cell, never a formula.
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(1).value).toBe('=HYPERLINK("http://x")');
    expect(first.getCell(2).value).toBe(3);
    expect(first.getCell(2).numFmt).toBe('0');
    expect(first.getCell(3).value).toBe(1.785);
    expect(first.getCell(3).numFmt).toBe('0.00');
    expect(first.getCell(4).numFmt).toBe('0.0" %"');
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2025, 9, 1)));
    expect(first.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(3).getCell(1).value).toBe('Höör');
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    expect(sheet.rowCount).toBe(3);
  });
});
