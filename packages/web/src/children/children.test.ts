import { normaliseChildRow, type ChildDto, type DuplicateRecordDto } from '@tre/core';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { vi as viMessages, type MessageKey } from '../i18n/messages.ts';
import { listParams } from './api.ts';
import { agreement, compareRecords, formatScore, stands } from './compare.ts';
import { EMPTY_CHILD, childBody, formValuesOf } from './form.ts';
import { formatDate, historyValue, sourceText } from './labels.ts';
import {
  MAX_MAP_CHARS,
  columnLetter,
  csvRows,
  fieldForHeader,
  fileKind,
  initialMapping,
  mappingProblems,
  mappingQuery,
  pickHeaderRow,
  sampleText,
} from './mapping.ts';
import { reasonProblem, recordReducer, type RecordState } from './reasonFlow.ts';
import { xlsxRows } from './xlsxRows.ts';

const LAYOUT = [
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Số định danh cá nhân',
  'Mã xã',
  'Địa chỉ',
  'Họ tên mẹ',
  'Họ tên cha',
  'Họ tên người chăm sóc',
  'Số điện thoại',
  'Nhóm hoàn cảnh đặc biệt',
  'Ngày xác định',
  'Khuyết tật',
  'Tình trạng đi học',
];

describe('the column mapping: headers matched to the layout', () => {
  it('matches the layout’s headers ignoring case, diacritics, spaces and a bracketed note', () => {
    expect(LAYOUT.map((h) => fieldForHeader(h))).toEqual([
      'fullName',
      'birthDate',
      'sex',
      'ethnicity',
      'personalId',
      'communeCode',
      'address',
      'motherName',
      'fatherName',
      'carerName',
      'phone',
      'groups',
      'identifiedOn',
      'disability',
      'schooling',
    ]);
    expect(fieldForHeader('HỌ VÀ TÊN')).toBe('fullName');
    expect(fieldForHeader('  ho va ten ')).toBe('fullName');
    expect(fieldForHeader('Ngày sinh (dd/mm/yyyy)')).toBe('birthDate');
    expect(fieldForHeader('ngày_sinh')).toBe('birthDate');
    expect(fieldForHeader('MA XA')).toBe('communeCode');
    expect(fieldForHeader('Số CCCD')).toBe('personalId');
    expect(fieldForHeader('Họ tên bố')).toBe('fatherName');
    // đ is d: "Đi học" is schooling, not another field
    expect(fieldForHeader('Đi học')).toBe('schooling');
    expect(fieldForHeader('birthDate')).toBe('birthDate');
    expect(fieldForHeader('Ghi chú')).toBeUndefined();
    expect(fieldForHeader('')).toBeUndefined();
    expect(fieldForHeader('STT')).toBeUndefined();
  });

  it('pre-fills each column, a field matched twice staying with its first column', () => {
    expect(initialMapping(['STT', 'Họ tên', 'Họ và tên', 'Ngày sinh', 'Ghi chú'])).toEqual([
      null,
      'fullName',
      null,
      'birthDate',
      null,
    ]);
  });

  it('says which required fields no column gives and which fields several columns give', () => {
    expect(mappingProblems(['fullName', 'birthDate', 'sex', 'communeCode'])).toEqual({ missing: [], repeated: [] });
    expect(mappingProblems(['fullName', 'birthDate', null, 'fullName'])).toEqual({
      missing: ['sex', 'communeCode'],
      repeated: ['fullName'],
    });
  });

  it('sends each column by its header, `-` for one not imported, `#n` where the header is empty or not unique', () => {
    const headers = ['Tên trẻ', 'DOB', 'Giới', 'Mã xã', 'Ghi chú', '', 'Ghi chú'];
    const mapping = initialMapping(headers);
    expect(mapping).toEqual(['fullName', 'birthDate', 'sex', 'communeCode', null, null, null]);
    const changed = [...mapping];
    changed[5] = 'phone';
    expect(mappingQuery(headers, changed)).toEqual({
      'Tên trẻ': 'fullName',
      DOB: 'birthDate',
      Giới: 'sex',
      'Mã xã': 'communeCode',
      '#5': '-',
      '#6': 'phone',
      '#7': '-',
    });
    // a column the user leaves out although its header is the layout's is sent as ignored
    expect(mappingQuery(['Họ và tên', 'Ngày sinh'], ['fullName', null])).toEqual({ 'Họ và tên': 'fullName', 'Ngày sinh': '-' });
  });

  it('leaves out the ignored columns the server would not match when the mapping grows too long', () => {
    const headers = [
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Mã xã',
      ...Array.from({ length: 200 }, (_, i) => `Cột thêm số ${i} ${'x'.repeat(20)}`),
    ];
    const map = mappingQuery(headers, initialMapping(headers));
    expect(map).toEqual({ 'Họ và tên': 'fullName', 'Ngày sinh': 'birthDate', 'Giới tính': 'sex', 'Mã xã': 'communeCode' });
    expect(JSON.stringify(map).length).toBeLessThanOrEqual(MAX_MAP_CHARS);
  });

  it('names columns as a spreadsheet does and knows the two file kinds', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(fileKind('DS tre em.XLSX')).toBe('xlsx');
    expect(fileKind('ds.csv')).toBe('csv');
    expect(fileKind('ds.xls')).toBeNull();
    expect(fileKind('ds')).toBeNull();
  });
});

describe('reading the first rows of a file in the browser', () => {
  it('reads CSV with a BOM, quoted commas, quotes and line breaks, CRLF', () => {
    const text = '\uFEFFHọ và tên,"Địa chỉ, thôn",Ghi chú\r\n"Nguyễn ""Bé"" An","Thôn 1,\nxã A",x\r\nLê Bình,,\r\n';
    expect(csvRows(text, 10)).toEqual([
      ['Họ và tên', 'Địa chỉ, thôn', 'Ghi chú'],
      ['Nguyễn "Bé" An', 'Thôn 1,\nxã A', 'x'],
      ['Lê Bình', '', ''],
    ]);
    expect(csvRows(text, 1)).toEqual([['Họ và tên', 'Địa chỉ, thôn', 'Ghi chú']]);
    // the start of a file: its last row may be cut, and is left out
    expect(csvRows('Họ và tên,Ngày sinh\nNguyễn Văn A,01/0', 10, false)).toEqual([['Họ và tên', 'Ngày sinh']]);
    expect(csvRows('Họ và tên,Ngày sinh', 10)).toEqual([['Họ và tên', 'Ngày sinh']]);
  });

  it('finds the header row below a title, as the server does', () => {
    const rows = [['DANH SÁCH TRẺ EM CÓ HOÀN CẢNH ĐẶC BIỆT'], [''], ['STT', ...LAYOUT], ['1', 'Nguyễn Văn An']];
    expect(pickHeaderRow(rows)).toEqual({ index: 2, headers: ['STT', ...LAYOUT] });
    // no row with every required field: the one that names the most
    expect(pickHeaderRow([['Tiêu đề'], ['Họ và tên', 'Ngày sinh'], ['Nguyễn Văn An', '01/01/2015']])?.index).toBe(1);
    expect(pickHeaderRow([[''], ['  ']])).toBeNull();
  });

  it('reads the first rows of an .xlsx: shared and inline strings, numbers, gaps, the first sheet through its relationship', () => {
    const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
    const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const bytes = zipSync({
      'xl/workbook.xml': xml(`<workbook ${main} ${rel}><sheets><sheet name="DS" sheetId="7" r:id="rId3"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
          '</Relationships>',
      ),
      'xl/sharedStrings.xml': xml(
        `<sst ${main} count="4" uniqueCount="4">` +
          '<si><t>Họ và tên</t></si>' +
          '<si><r><rPr><b/></rPr><t>Ngày </t></r><r><t xml:space="preserve">sinh</t></r><rPh><t>x</t></rPh></si>' +
          '<si><t>Mã xã</t></si>' +
          '<si><t>Nguyễn &amp; Lê &#7845;</t></si>' +
          '</sst>',
      ),
      'xl/worksheets/sheet1.xml': xml(
        `<worksheet ${main}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>wrong sheet</t></is></c></row></sheetData></worksheet>`,
      ),
      'xl/worksheets/sheet2.xml': xml(
        `<worksheet ${main}><sheetData>` +
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>Giới tính</t></is></c><c r="E1" t="s"><v>2</v></c></row>' +
          '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>42005</v></c><c r="C2"/><c r="D2" t="str"><v>Nam</v></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t>third</t></is></c></row>' +
          '</sheetData></worksheet>',
      ),
    });
    expect(xlsxRows(bytes, 10)).toEqual([
      ['Họ và tên', 'Ngày sinh', '', 'Giới tính', 'Mã xã'],
      ['Nguyễn & Lê ấ', '42005', '', 'Nam'],
      ['third'],
    ]);
    expect(xlsxRows(bytes, 1)).toEqual([['Họ và tên', 'Ngày sinh', '', 'Giới tính', 'Mã xã']]);
  });

  it('shows an Excel day count under a date field as a date', () => {
    expect(sampleText('42065', 'birthDate')).toBe('02/03/2015');
    expect(sampleText('42065.5', 'identifiedOn')).toBe('02/03/2015');
    expect(sampleText('42065', 'phone')).toBe('42065');
    expect(sampleText('02/03/2015', 'birthDate')).toBe('02/03/2015');
    expect(sampleText('42065', null)).toBe('42065');
  });

  it('refuses what is no workbook', () => {
    expect(() => xlsxRows(strToU8('Họ và tên,Ngày sinh'), 5)).toThrow();
  });
});

const record = (over: Partial<DuplicateRecordDto> = {}): DuplicateRecordDto => ({
  id: 1,
  fullName: 'Nguyễn Văn An',
  birthDate: '2015-03-02',
  sex: 'male',
  communeCode: '16681',
  communeName: 'Phường Thành Vinh',
  personalIdMasked: '********1234',
  groups: ['a', 'd'],
  active: true,
  verification: null,
  motherName: 'Lê Thị Bình',
  fatherName: null,
  address: 'Khối 3',
  row: 4,
  file: 'ds.xlsx',
  source: { kind: 'import', file: 'ds.xlsx', row: 4, jobId: null },
  ...over,
});

describe('comparing the two records of a duplicate pair', () => {
  it('tells the same, accents or case only, different, and one side missing apart', () => {
    expect(agreement('Nguyễn Văn An', 'Nguyễn Văn An')).toBe('same');
    expect(agreement('Nguyễn Văn An', 'NGUYEN VAN AN')).toBe('accents');
    expect(agreement('Nguyễn Văn An', 'Nguyễn Văn Ân')).toBe('accents');
    expect(agreement('Nguyễn Văn An', 'Nguyễn Văn Anh')).toBe('different');
    expect(agreement(null, 'Khối 3')).toBe('onlyB');
    expect(agreement('Khối 3', null)).toBe('onlyA');
    expect(agreement(null, null)).toBe('empty');
    expect(stands('same')).toBe(false);
    expect(stands('empty')).toBe(false);
    expect(stands('onlyA')).toBe(true);
  });

  it('aligns every field and marks what differs, spaces and group order aside', () => {
    const a = record();
    const b = record({
      id: 2,
      fullName: ' Nguyễn  Văn An ',
      birthDate: '2015-02-03',
      groups: ['d', 'a'],
      address: null,
      fatherName: 'Nguyễn Văn Cường',
      personalIdMasked: null,
    });
    const by = Object.fromEntries(compareRecords(a, b).map((r) => [r.field, r.agreement]));
    expect(by).toEqual({
      fullName: 'same',
      birthDate: 'different',
      sex: 'same',
      personalId: 'onlyA',
      commune: 'same',
      address: 'onlyA',
      motherName: 'same',
      fatherName: 'onlyB',
      groups: 'same',
      verification: 'empty',
      active: 'same',
    });
  });

  it('writes a score of 0–1 as a percentage', () => {
    expect(formatScore(0.9312)).toBe('93%');
    expect(formatScore(1)).toBe('100%');
    expect(formatScore(12.345)).toBe('12.35');
  });
});

const child = { id: 7, fullName: 'Nguyễn Văn An' } as ChildDto;

describe('opening a record outside one’s commune: the reason asked, then the record read again', () => {
  const reasonRequired = new ApiError(403, 'REASON_REQUIRED', 'Hồ sơ này không thuộc xã của bạn');
  const run = (events: Parameters<typeof recordReducer>[1][]): RecordState => events.reduce(recordReducer, { kind: 'loading' });

  it('asks for a reason when the server wants one, and shows the record once given', () => {
    expect(run([{ type: 'failed', error: reasonRequired }])).toEqual({ kind: 'reason', busy: false, error: null });
    expect(run([{ type: 'failed', error: reasonRequired }, { type: 'submitReason' }])).toEqual({
      kind: 'reason',
      busy: true,
      error: null,
    });
    expect(run([{ type: 'failed', error: reasonRequired }, { type: 'submitReason' }, { type: 'loaded', child }])).toEqual({
      kind: 'ready',
      child,
    });
  });

  it('keeps the dialog open with the server’s word when a reason is refused', () => {
    const refused = run([
      { type: 'failed', error: reasonRequired },
      { type: 'submitReason' },
      { type: 'failed', error: reasonRequired },
    ]);
    expect(refused).toEqual({ kind: 'reason', busy: false, error: 'Hồ sơ này không thuộc xã của bạn' });
    const tooLong = new ApiError(400, 'VALIDATION', 'reason: quá dài');
    expect(
      run([{ type: 'failed', error: reasonRequired }, { type: 'submitReason' }, { type: 'failed', error: tooLong }]),
    ).toEqual({
      kind: 'reason',
      busy: false,
      error: 'reason: quá dài',
    });
  });

  it('closes without opening when the reader gives none, and asks again on request', () => {
    const declined = run([{ type: 'failed', error: reasonRequired }, { type: 'decline' }]);
    expect(declined).toEqual({ kind: 'declined' });
    expect(recordReducer(declined, { type: 'askAgain' })).toEqual({ kind: 'reason', busy: false, error: null });
    // a record that is not there (or not the reader's) is an error, not a question
    expect(run([{ type: 'failed', error: new ApiError(404, 'NOT_FOUND', 'Không tìm thấy hồ sơ trẻ em') }])).toEqual({
      kind: 'failed',
      error: 'Không tìm thấy hồ sơ trẻ em',
      status: 404,
    });
    expect(run([{ type: 'loaded', child }, { type: 'load' }])).toEqual({ kind: 'loading' });
  });

  it('wants five characters at least, spaces aside, and at most 500', () => {
    expect(reasonProblem('  abc  ')).toBe('short');
    expect(reasonProblem('kiểm tra')).toBeNull();
    expect(reasonProblem('x'.repeat(501))).toBe('long');
  });
});

describe('the register’s words', () => {
  const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
    viMessages[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

  it('writes history values in words: dates, sex, schooling, yes/no, lists, records', () => {
    expect(historyValue('birth_date', '2015-03-02', 'vi')).toBe('02/03/2015');
    expect(historyValue('sex', 'female', 'vi')).toBe('Nữ');
    expect(historyValue('schooling', 'lower_secondary', 'vi')).toBe('THCS');
    expect(historyValue('disability', true, 'en')).toBe('Yes');
    expect(historyValue('groups', ['a', 'đ'], 'vi')).toBe('a, đ');
    expect(historyValue('merged', 12, 'vi')).toBe('#12');
    expect(historyValue('address', null, 'vi')).toBe('—');
    expect(formatDate('2015-03-02')).toBe('02/03/2015');
  });

  it('says where a record came from', () => {
    expect(sourceText({ kind: 'import', file: 'ds.xlsx', row: 14 }, t)).toBe('Nhập từ tệp ds.xlsx, dòng 14');
    expect(sourceText({ kind: 'import', file: 'ds.xlsx', row: null }, t)).toBe('Nhập từ tệp ds.xlsx');
    expect(sourceText({ kind: 'screen', file: null, row: null }, t)).toBe('Nhập trên màn hình');
  });

  it('asks the list only for the filters set', () => {
    expect(listParams({ q: '  an ', limit: 51, offset: 0 }).toString()).toBe('q=an&limit=51&offset=0');
    expect(
      listParams({ commune: '16681', birthYear: 2015, group: 'đ', includeInactive: true, limit: 51, offset: 50 }).toString(),
    ).toBe('commune=16681&birthYear=2015&group=%C4%91&includeInactive=true&limit=51&offset=50');
  });
});

describe('duplicate reasons and report reasons in words', () => {
  it('says every reason of the scorer in Vietnamese and English, parents included', async () => {
    const { reasonWords, withoutField } = await import('./reasons.ts');
    expect(reasonWords('birth-date-swapped', 'vi')).toBe('ngày sinh đảo ngày và tháng');
    expect(reasonWords('mother-same', 'vi')).toBe('mẹ: cùng tên');
    expect(reasonWords('father-differs', 'en')).toBe('father: different name');
    expect(reasonWords('something-new', 'vi')).toBe('something-new');
    expect(withoutField('Ngày sinh: ở tương lai', 'Ngày sinh')).toBe('ở tương lai');
    expect(withoutField('ở tương lai', 'Ngày sinh')).toBe('ở tương lai');
  });
});

describe('the record form: what the screen sends is read by the import layout’s rules', () => {
  const child: ChildDto = {
    id: 7,
    fullName: 'Lò Thị Xoan',
    birthDate: '2016-03-07',
    sex: 'female',
    ethnicity: 'Thái',
    ethnicityListed: true,
    personalId: null,
    birthRegistered: null,
    communeCode: '16681',
    communeName: 'Phường Thành Vinh',
    address: 'Bản Pá',
    motherName: 'Lường Thị Ánh',
    fatherName: null,
    carerName: null,
    phone: '0912345678',
    disability: true,
    schooling: 'lower_secondary',
    active: true,
    mergedInto: null,
    version: 3,
    source: { kind: 'screen', file: null, row: null, jobId: null },
    groups: [
      { id: 1, group: 'a', startedOn: '2024-01-01', endedOn: null, support: null },
      { id: 2, group: 'd', startedOn: '2020-01-01', endedOn: '2023-01-01', support: null },
    ],
    history: [],
    verifications: [],
  };

  it('gives a stored record back as the same record, open groups only', () => {
    const context = { today: '2026-06-01', resolveCommune: () => ({ code: '16681', name: 'Phường Thành Vinh' }) };
    const read = normaliseChildRow(childBody(formValuesOf(child)), context);
    expect(read.problems).toEqual([]);
    expect(read.draft).toMatchObject({
      fullName: child.fullName,
      birthDate: child.birthDate,
      sex: 'female',
      ethnicity: 'Thái',
      communeCode: '16681',
      disability: true,
      schooling: 'lower_secondary',
      groups: ['a'],
    });
  });

  it('sends an empty field as null, so that the server reads no value', () => {
    const body = childBody({ ...EMPTY_CHILD, fullName: 'Hà Thị Mai', address: '   ' });
    expect(body.fullName).toBe('Hà Thị Mai');
    expect(body.address).toBeNull();
    expect(body.personalId).toBeNull();
  });
});
