import { describe, expect, it } from 'vitest';
import { chunksOf, EMPTY_REPORT, mergeReport, splitCsv } from './portfolioImport.js';

describe('portfolio import chunks', () => {
  it('splits CSV records outside quotes only', () => {
    const { header, rows } = splitCsv('id,name\r\nD-1,"Pérez,\nAna"\nD-2,Luis\n\n');
    expect(header).toBe('id,name');
    expect(rows).toEqual(['D-1,"Pérez,\nAna"', 'D-2,Luis']);
  });
  it('repeats the header in every CSV chunk and numbers rows across chunks', () => {
    const csv = `id\n${['a', 'b', 'c', 'd', 'e'].join('\n')}\n`;
    const chunks = chunksOf(csv, 'csv', 2);
    expect(chunks.map((c) => c.firstRow)).toEqual([1, 3, 5]);
    expect(chunks[1].body).toBe('id\r\nc\r\nd\r\n');
  });
  it('slices JSON arrays', () => {
    const chunks = chunksOf(JSON.stringify([{ id: 1 }, { id: 2 }, { id: 3 }]), 'json', 2);
    expect(chunks.map((c) => JSON.parse(c.body).length)).toEqual([2, 1]);
    expect(() => chunksOf('{"id":1}', 'json')).toThrow('expected_array');
  });
  it('renumbers rejected rows to the whole file', () => {
    let total = mergeReport(EMPTY_REPORT, { imported: 2, updated: 0, rejected: [] }, 1);
    total = mergeReport(total, { imported: 1, updated: 1, rejected: [{ row: 1, id: 'x', errors: ['bad'] }] }, 2001);
    expect(total).toEqual({ imported: 3, updated: 1, rejected: [{ row: 2001, id: 'x', errors: ['bad'] }] });
  });
});
